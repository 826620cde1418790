"""Web page recording (``mode=web``): records a URL; pause/resume and CDN push via ``update``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from ._base import Block, _Call, _Core, fill_file_config, wire_blocks
from ._builder import ClientBuilder
from ._client import AsyncClientBase, SyncClientBase
from .results import AcquireResult, QueryResult, StartResult, StopResult, UpdateResult

__all__ = ["AsyncWebRecordingClient", "WebRecordingClient"]


class _WebPolicy(_Core):
    _mode: ClassVar[str] = "web"
    _update_blocks: ClassVar[frozenset[str]] = frozenset(
        {"webRecordingConfig", "rtmpPublishConfig", "storageConfig"}
    )

    def _start_blocks_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        services = client_request.get("extensionServiceConfig")
        if isinstance(services, Mapping):
            for service in services.get("extensionServices") or ():
                if isinstance(service, dict) and "serviceName" not in service:
                    param = service.get("serviceParam")
                    if isinstance(param, Mapping):
                        if "url" in param:
                            service["serviceName"] = "web_recorder_service"
                        elif "outputs" in param:
                            service["serviceName"] = "rtmp_publish_service"
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

    def _start_op(self, resource_id: str, cname: str, uid: str | int, **blocks: Any) -> _Call:
        return self._start_call(resource_id, cname, uid, wire_blocks(**blocks))


class WebRecordingClient(_WebPolicy, SyncClientBase):
    """Blocking client for web page recording."""

    @classmethod
    def new_builder(cls) -> ClientBuilder[WebRecordingClient]:
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
        """Get a resource ID; ``scene`` is always 1 in web mode."""
        call = self._acquire_op(
            cname, uid, resource_expired_hour, exclude_resource_ids, region_affinity, region, start_parameter
        )
        return self._run(call, AcquireResult)

    def start(
        self,
        resource_id: str,
        cname: str,
        uid: str | int,
        storage_config: Block | None = None,
        extension_service_config: Block | None = None,
        *,
        recording_file_config: Block | None = None,
        token: str | None = None,
        recording_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
    ) -> StartResult:
        """Start recording the page described by ``extension_service_config`` (``serviceName`` may be
        omitted: it is inferred from ``serviceParam``)."""
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token=token,
            storageConfig=storage_config,
            extensionServiceConfig=extension_service_config,
            recordingFileConfig=recording_file_config,
            recordingConfig=recording_config,
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
        web_recording_config: Block | None = None,
        rtmp_publish_config: Block | None = None,
        *,
        storage_config: Block | None = None,
        stream_subscribe: Block | None = None,
    ) -> UpdateResult:
        """Pause/resume (``web_recording_config``), change the CDN address, refresh storage credentials."""
        blocks = {
            "webRecordingConfig": web_recording_config,
            "rtmpPublishConfig": rtmp_publish_config,
            "storageConfig": storage_config,
            "streamSubscribe": stream_subscribe,
        }
        return self._run(self._update_call(resource_id, sid, cname, uid, blocks), UpdateResult)

    def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)


class AsyncWebRecordingClient(_WebPolicy, AsyncClientBase):
    """Asyncio client for web page recording."""

    @classmethod
    def new_builder(cls) -> ClientBuilder[AsyncWebRecordingClient]:
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
        storage_config: Block | None = None,
        extension_service_config: Block | None = None,
        *,
        recording_file_config: Block | None = None,
        token: str | None = None,
        recording_config: Block | None = None,
        snapshot_config: Block | None = None,
        apps_collection: Block | None = None,
        transcode_options: Block | None = None,
    ) -> StartResult:
        call = self._start_op(
            resource_id,
            cname,
            uid,
            token=token,
            storageConfig=storage_config,
            extensionServiceConfig=extension_service_config,
            recordingFileConfig=recording_file_config,
            recordingConfig=recording_config,
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
        web_recording_config: Block | None = None,
        rtmp_publish_config: Block | None = None,
        *,
        storage_config: Block | None = None,
        stream_subscribe: Block | None = None,
    ) -> UpdateResult:
        blocks = {
            "webRecordingConfig": web_recording_config,
            "rtmpPublishConfig": rtmp_publish_config,
            "storageConfig": storage_config,
            "streamSubscribe": stream_subscribe,
        }
        return await self._run(self._update_call(resource_id, sid, cname, uid, blocks), UpdateResult)

    async def stop(
        self, resource_id: str, sid: str, cname: str, uid: str | int, async_stop: bool = False
    ) -> StopResult:
        return await self._run(self._stop_call(resource_id, sid, cname, uid, async_stop), StopResult)
