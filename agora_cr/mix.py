"""Composite recording (``mode=mix``): all users mixed into one file; the only mode with ``update_layout``."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, ClassVar

from . import _constants as C
from ._base import Block, _Call, _Core, fill_file_config, wire_blocks
from ._builder import ClientBuilder
from ._client import AsyncClientBase, SyncClientBase
from ._models import to_wire
from .results import AcquireResult, QueryResult, StartResult, StopResult, UpdateLayoutResult, UpdateResult

__all__ = ["AsyncMixRecordingClient", "MixRecordingClient"]


class _MixPolicy(_Core):
    _mode: ClassVar[str] = "mix"
    _update_blocks: ClassVar[frozenset[str]] = frozenset({"streamSubscribe", "storageConfig"})

    def _start_blocks_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        if "recordingConfig" not in client_request:
            client_request["recordingConfig"] = copy.deepcopy(C.DEFAULT_MIX_RECORDING_CONFIG)
        fill_file_config(client_request)
        return client_request

    def _acquire_op(
        self,
        cname: str,
        uid: str | int,
        resource_expired_hour: int | None,
        exclude_resource_ids: Sequence[str] | None,
        region_affinity: int | None,
        region: str | None,
        start_parameter: Block | None,
    ) -> _Call:
        client_request = self._acquire_request(
            None, resource_expired_hour, exclude_resource_ids, region, region_affinity, start_parameter
        )
        return self._acquire_call(cname, uid, client_request)

    def _start_op(
        self, resource_id: str, cname: str, uid: str | int, token: str | None, **blocks: Any
    ) -> _Call:
        return self._start_call(resource_id, cname, uid, wire_blocks(token=token, **blocks))

    def _update_layout_op(
        self,
        resource_id: str,
        sid: str,
        cname: str,
        uid: str | int,
        layout: Block | None,
        fields: dict[str, Any],
    ) -> _Call:
        client_request: dict[str, Any] = dict(to_wire(layout)) if layout is not None else {}
        client_request.update(wire_blocks(**fields))
        return self._update_layout_call(resource_id, sid, cname, uid, client_request)


def _layout_fields(
    max_resolution_uid: str | int | None,
    mixed_video_layout: int | None,
    background_color: str | None,
    background_image: str | None,
    default_user_background_image: str | None,
    layout_config: Sequence[Block] | None,
    background_config: Sequence[Block] | None,
) -> dict[str, Any]:
    return {
        "maxResolutionUid": str(max_resolution_uid)
        if isinstance(max_resolution_uid, int) and not isinstance(max_resolution_uid, bool)
        else max_resolution_uid,
        "mixedVideoLayout": mixed_video_layout,
        "backgroundColor": background_color,
        "backgroundImage": background_image,
        "defaultUserBackgroundImage": default_user_background_image,
        "layoutConfig": layout_config,
        "backgroundConfig": background_config,
    }


class MixRecordingClient(_MixPolicy, SyncClientBase):
    """Blocking client for composite (mix) recording."""

    @classmethod
    def new_builder(cls) -> ClientBuilder[MixRecordingClient]:
        return ClientBuilder(cls)

    def acquire(
        self,
        cname: str,
        uid: str | int,
        resource_expired_hour: int | None = None,
        exclude_resource_ids: Sequence[str] | None = None,
        region_affinity: int | None = None,
        *,
        region: str | None = None,
        start_parameter: Block | None = None,
    ) -> AcquireResult:
        call = self._acquire_op(
            cname, uid, resource_expired_hour, exclude_resource_ids, region_affinity, region, start_parameter
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
        extension_service_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
    ) -> StartResult:
        """Start recording. Without ``recording_config`` a default (audio+video, default canvas) is sent."""
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token,
            storageConfig=storage_config,
            recordingConfig=recording_config,
            recordingFileConfig=recording_file_config,
            extensionServiceConfig=extension_service_config,
            snapshotConfig=snapshot_config,
            appsCollection=apps_collection,
            transcodeOptions=transcode_options,
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
        blocks = {
            "streamSubscribe": stream_subscribe,
            "storageConfig": storage_config,
            "webRecordingConfig": web_recording_config,
            "rtmpPublishConfig": rtmp_publish_config,
        }
        return self._run(self._update_call(resource_id, sid, cname, uid, blocks), UpdateResult)

    def update_layout(
        self,
        resource_id: str,
        sid: str,
        cname: str,
        uid: str | int,
        max_resolution_uid: str | int | None = None,
        mixed_video_layout: int | None = None,
        background_color: str | None = None,
        background_image: str | None = None,
        default_user_background_image: str | None = None,
        layout_config: Sequence[Block] | None = None,
        background_config: Sequence[Block] | None = None,
        *,
        layout: Block | None = None,
    ) -> UpdateLayoutResult:
        """Replace the whole layout (anything omitted reverts to its default)."""
        fields = _layout_fields(
            max_resolution_uid,
            mixed_video_layout,
            background_color,
            background_image,
            default_user_background_image,
            layout_config,
            background_config,
        )
        call = self._update_layout_op(resource_id, sid, cname, uid, layout, fields)
        return self._run(call, UpdateLayoutResult)

    def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)


class AsyncMixRecordingClient(_MixPolicy, AsyncClientBase):
    """Asyncio client for composite (mix) recording."""

    @classmethod
    def new_builder(cls) -> ClientBuilder[AsyncMixRecordingClient]:
        return ClientBuilder(cls)

    async def acquire(
        self,
        cname: str,
        uid: str | int,
        resource_expired_hour: int | None = None,
        exclude_resource_ids: Sequence[str] | None = None,
        region_affinity: int | None = None,
        *,
        region: str | None = None,
        start_parameter: Block | None = None,
    ) -> AcquireResult:
        call = self._acquire_op(
            cname, uid, resource_expired_hour, exclude_resource_ids, region_affinity, region, start_parameter
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
        extension_service_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
    ) -> StartResult:
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token,
            storageConfig=storage_config,
            recordingConfig=recording_config,
            recordingFileConfig=recording_file_config,
            extensionServiceConfig=extension_service_config,
            snapshotConfig=snapshot_config,
            appsCollection=apps_collection,
            transcodeOptions=transcode_options,
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

    async def update_layout(
        self,
        resource_id: str,
        sid: str,
        cname: str,
        uid: str | int,
        max_resolution_uid: str | int | None = None,
        mixed_video_layout: int | None = None,
        background_color: str | None = None,
        background_image: str | None = None,
        default_user_background_image: str | None = None,
        layout_config: Sequence[Block] | None = None,
        background_config: Sequence[Block] | None = None,
        *,
        layout: Block | None = None,
    ) -> UpdateLayoutResult:
        fields = _layout_fields(
            max_resolution_uid,
            mixed_video_layout,
            background_color,
            background_image,
            default_user_background_image,
            layout_config,
            background_config,
        )
        call = self._update_layout_op(resource_id, sid, cname, uid, layout, fields)
        return await self._run(call, UpdateLayoutResult)

    async def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return await self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)
