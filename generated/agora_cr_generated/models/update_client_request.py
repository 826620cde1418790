from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rtmp_publish_config import RtmpPublishConfig
    from ..models.storage_config import StorageConfig
    from ..models.stream_subscribe import StreamSubscribe
    from ..models.web_recording_config import WebRecordingConfig


T = TypeVar("T", bound="UpdateClientRequest")


@_attrs_define
class UpdateClientRequest:
    """What to change: `streamSubscribe` (individual, mix), `webRecordingConfig` and `rtmpPublishConfig` (web),
    `storageConfig` (any mode, to refresh STS credentials).

        Attributes:
            stream_subscribe (StreamSubscribe | Unset): New subscription lists (individual and mix modes).
            web_recording_config (WebRecordingConfig | Unset): Pause or resume web recording (`onhold` is optional in the
                update page).
            rtmp_publish_config (RtmpPublishConfig | Unset): New CDN push address (web mode; `outputs` is optional in the
                update page).
            storage_config (StorageConfig | Unset): Third-party cloud storage that receives the files.
    """

    stream_subscribe: StreamSubscribe | Unset = UNSET
    web_recording_config: WebRecordingConfig | Unset = UNSET
    rtmp_publish_config: RtmpPublishConfig | Unset = UNSET
    storage_config: StorageConfig | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stream_subscribe: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_subscribe, Unset):
            stream_subscribe = self.stream_subscribe.to_dict()

        web_recording_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_recording_config, Unset):
            web_recording_config = self.web_recording_config.to_dict()

        rtmp_publish_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rtmp_publish_config, Unset):
            rtmp_publish_config = self.rtmp_publish_config.to_dict()

        storage_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.storage_config, Unset):
            storage_config = self.storage_config.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if stream_subscribe is not UNSET:
            field_dict["streamSubscribe"] = stream_subscribe
        if web_recording_config is not UNSET:
            field_dict["webRecordingConfig"] = web_recording_config
        if rtmp_publish_config is not UNSET:
            field_dict["rtmpPublishConfig"] = rtmp_publish_config
        if storage_config is not UNSET:
            field_dict["storageConfig"] = storage_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rtmp_publish_config import RtmpPublishConfig
        from ..models.storage_config import StorageConfig
        from ..models.stream_subscribe import StreamSubscribe
        from ..models.web_recording_config import WebRecordingConfig

        d = dict(src_dict)
        _stream_subscribe = d.pop("streamSubscribe", UNSET)
        stream_subscribe: StreamSubscribe | Unset
        if isinstance(_stream_subscribe, Unset):
            stream_subscribe = UNSET
        else:
            stream_subscribe = StreamSubscribe.from_dict(_stream_subscribe)

        _web_recording_config = d.pop("webRecordingConfig", UNSET)
        web_recording_config: WebRecordingConfig | Unset
        if isinstance(_web_recording_config, Unset):
            web_recording_config = UNSET
        else:
            web_recording_config = WebRecordingConfig.from_dict(_web_recording_config)

        _rtmp_publish_config = d.pop("rtmpPublishConfig", UNSET)
        rtmp_publish_config: RtmpPublishConfig | Unset
        if isinstance(_rtmp_publish_config, Unset):
            rtmp_publish_config = UNSET
        else:
            rtmp_publish_config = RtmpPublishConfig.from_dict(_rtmp_publish_config)

        _storage_config = d.pop("storageConfig", UNSET)
        storage_config: StorageConfig | Unset
        if isinstance(_storage_config, Unset):
            storage_config = UNSET
        else:
            storage_config = StorageConfig.from_dict(_storage_config)

        update_client_request = cls(
            stream_subscribe=stream_subscribe,
            web_recording_config=web_recording_config,
            rtmp_publish_config=rtmp_publish_config,
            storage_config=storage_config,
        )

        return update_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
UpdateClientRequest.__wire_names__ = {
    "stream_subscribe": "streamSubscribe",
    "web_recording_config": "webRecordingConfig",
    "rtmp_publish_config": "rtmpPublishConfig",
    "storage_config": "storageConfig",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
UpdateClientRequest.__secret_fields__ = frozenset(())
UpdateClientRequest.__repr__ = masked_repr
