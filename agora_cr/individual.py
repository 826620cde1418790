"""Individual recording (``mode=individual``): one file set per user, optional screenshots."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, ClassVar

from . import _constants as C
from ._base import Block, _Call, _Core, fill_file_config, wire_blocks
from ._builder import ClientBuilder
from ._client import AsyncClientBase, SyncClientBase
from .results import AcquireResult, QueryResult, StartResult, StopResult, UpdateResult

__all__ = ["AsyncIndividualRecordingClient", "IndividualRecordingClient"]


class _IndividualPolicy(_Core):
    _mode: ClassVar[str] = "individual"
    _update_blocks: ClassVar[frozenset[str]] = frozenset({"streamSubscribe", "storageConfig"})

    def _start_blocks_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        if "recordingConfig" not in client_request:
            client_request["recordingConfig"] = copy.deepcopy(C.DEFAULT_INDIVIDUAL_RECORDING_CONFIG)
        fill_file_config(client_request)
        return client_request

    def _acquire_op(
        self,
        cname: str,
        uid: str | int,
        enable_postpone_transcoding_mix: bool,
        resource_expired_hour: int | None,
        exclude_resource_ids: Sequence[str] | None,
        region_affinity: int | None,
        region: str | None,
        start_parameter: Block | None,
        scene: int | None,
    ) -> _Call:
        if scene is None and enable_postpone_transcoding_mix:
            scene = 2
        client_request = self._acquire_request(
            scene, resource_expired_hour, exclude_resource_ids, region, region_affinity, start_parameter
        )
        return self._acquire_call(cname, uid, client_request)

    def _start_op(
        self, resource_id: str, cname: str, uid: str | int, token: str | None, **blocks: Any
    ) -> _Call:
        client_request = wire_blocks(token=token, **blocks)
        return self._start_call(resource_id, cname, uid, client_request)


class IndividualRecordingClient(_IndividualPolicy, SyncClientBase):
    """Blocking client for individual recording.

    ``IndividualRecordingClient(app_id=..., customer_id=..., customer_secret=..., region=RegionArea.US)``
    or ``IndividualRecordingClient.new_builder()...build()``; use it as a context manager or ``close()`` it.
    """

    @classmethod
    def new_builder(cls) -> ClientBuilder[IndividualRecordingClient]:
        return ClientBuilder(cls)

    def acquire(
        self,
        cname: str,
        uid: str | int,
        enable_postpone_transcoding_mix: bool = False,
        resource_expired_hour: int | None = None,
        exclude_resource_ids: Sequence[str] | None = None,
        region_affinity: int | None = None,
        *,
        region: str | None = None,
        start_parameter: Block | None = None,
        scene: int | None = None,
    ) -> AcquireResult:
        """Get a resource ID (valid 5 minutes). ``scene`` is 0, or 2 (legacy postponed transcoding)."""
        call = self._acquire_op(
            cname,
            uid,
            enable_postpone_transcoding_mix,
            resource_expired_hour,
            exclude_resource_ids,
            region_affinity,
            region,
            start_parameter,
            scene,
        )
        return self._run(call, AcquireResult)

    def start(
        self,
        resource_id: str,
        cname: str,
        uid: str | int,
        token: str | None = None,
        storage_config: Block | None = None,
        recording_config: Block | None = None,
        *,
        recording_file_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
        extension_service_config: Block | None = None,
    ) -> StartResult:
        """Start recording. Without ``recording_config`` a default (all streams, audio+video) is sent;
        without ``recording_file_config`` ``{"avFileType": ["hls"]}`` is sent unless screenshots only."""
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token,
            storageConfig=storage_config,
            recordingConfig=recording_config,
            recordingFileConfig=recording_file_config,
            snapshotConfig=snapshot_config,
            appsCollection=apps_collection,
            transcodeOptions=transcode_options,
            extensionServiceConfig=extension_service_config,
        )
        return self._run(call, StartResult)

    def query(self, resource_id: str, sid: str) -> QueryResult:
        return self._run(self._query_call(resource_id, sid), QueryResult)

    def update(
        self,
        resource_id: str,
        sid: str,
        cname: str,
        uid: str | int,
        stream_subscribe: Block | None = None,
        *,
        storage_config: Block | None = None,
        web_recording_config: Block | None = None,
        rtmp_publish_config: Block | None = None,
    ) -> UpdateResult:
        """Update subscriptions (``stream_subscribe``) or storage credentials (``storage_config``)."""
        blocks = {
            "streamSubscribe": stream_subscribe,
            "storageConfig": storage_config,
            "webRecordingConfig": web_recording_config,
            "rtmpPublishConfig": rtmp_publish_config,
        }
        return self._run(self._update_call(resource_id, sid, cname, uid, blocks), UpdateResult)

    def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)


class AsyncIndividualRecordingClient(_IndividualPolicy, AsyncClientBase):
    """Asyncio client for individual recording (same methods as :class:`IndividualRecordingClient`)."""

    @classmethod
    def new_builder(cls) -> ClientBuilder[AsyncIndividualRecordingClient]:
        return ClientBuilder(cls)

    async def acquire(
        self,
        cname: str,
        uid: str | int,
        enable_postpone_transcoding_mix: bool = False,
        resource_expired_hour: int | None = None,
        exclude_resource_ids: Sequence[str] | None = None,
        region_affinity: int | None = None,
        *,
        region: str | None = None,
        start_parameter: Block | None = None,
        scene: int | None = None,
    ) -> AcquireResult:
        call = self._acquire_op(
            cname,
            uid,
            enable_postpone_transcoding_mix,
            resource_expired_hour,
            exclude_resource_ids,
            region_affinity,
            region,
            start_parameter,
            scene,
        )
        return await self._run(call, AcquireResult)

    async def start(
        self,
        resource_id: str,
        cname: str,
        uid: str | int,
        token: str | None = None,
        storage_config: Block | None = None,
        recording_config: Block | None = None,
        *,
        recording_file_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
        extension_service_config: Block | None = None,
    ) -> StartResult:
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token,
            storageConfig=storage_config,
            recordingConfig=recording_config,
            recordingFileConfig=recording_file_config,
            snapshotConfig=snapshot_config,
            appsCollection=apps_collection,
            transcodeOptions=transcode_options,
            extensionServiceConfig=extension_service_config,
        )
        return await self._run(call, StartResult)

    async def query(self, resource_id: str, sid: str) -> QueryResult:
        return await self._run(self._query_call(resource_id, sid), QueryResult)

    async def update(
        self,
        resource_id: str,
        sid: str,
        cname: str,
        uid: str | int,
        stream_subscribe: Block | None = None,
        *,
        storage_config: Block | None = None,
        web_recording_config: Block | None = None,
        rtmp_publish_config: Block | None = None,
    ) -> UpdateResult:
        blocks = {
            "streamSubscribe": stream_subscribe,
            "storageConfig": storage_config,
            "webRecordingConfig": web_recording_config,
            "rtmpPublishConfig": rtmp_publish_config,
        }
        return await self._run(self._update_call(resource_id, sid, cname, uid, blocks), UpdateResult)

    async def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return await self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)
