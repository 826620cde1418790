from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service_config import ExtensionServiceConfig
    from ..models.recording_file_config import RecordingFileConfig
    from ..models.storage_config import StorageConfig


T = TypeVar("T", bound="StartWebClientRequest")


@_attrs_define
class StartWebClientRequest:
    """Web-mode (page recording) start configuration.

    Attributes:
        extension_service_config (ExtensionServiceConfig): Extension services; in web mode the web recorder plus an
            optional RTMP publisher.
        token (str | Unset): RTC token of the recording UID, needed when the App Certificate is enabled; cannot be
            renewed during recording.
        storage_config (StorageConfig | Unset): Third-party cloud storage that receives the files.
        recording_file_config (RecordingFileConfig | Unset): Output file types.
    """

    extension_service_config: ExtensionServiceConfig
    token: str | Unset = UNSET
    storage_config: StorageConfig | Unset = UNSET
    recording_file_config: RecordingFileConfig | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        extension_service_config = self.extension_service_config.to_dict()

        token = self.token

        storage_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.storage_config, Unset):
            storage_config = self.storage_config.to_dict()

        recording_file_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording_file_config, Unset):
            recording_file_config = self.recording_file_config.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "extensionServiceConfig": extension_service_config,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if storage_config is not UNSET:
            field_dict["storageConfig"] = storage_config
        if recording_file_config is not UNSET:
            field_dict["recordingFileConfig"] = recording_file_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service_config import ExtensionServiceConfig
        from ..models.recording_file_config import RecordingFileConfig
        from ..models.storage_config import StorageConfig

        d = dict(src_dict)
        extension_service_config = ExtensionServiceConfig.from_dict(
            d.pop("extensionServiceConfig")
        )

        token = d.pop("token", UNSET)

        _storage_config = d.pop("storageConfig", UNSET)
        storage_config: StorageConfig | Unset
        if isinstance(_storage_config, Unset):
            storage_config = UNSET
        else:
            storage_config = StorageConfig.from_dict(_storage_config)

        _recording_file_config = d.pop("recordingFileConfig", UNSET)
        recording_file_config: RecordingFileConfig | Unset
        if isinstance(_recording_file_config, Unset):
            recording_file_config = UNSET
        else:
            recording_file_config = RecordingFileConfig.from_dict(
                _recording_file_config
            )

        start_web_client_request = cls(
            extension_service_config=extension_service_config,
            token=token,
            storage_config=storage_config,
            recording_file_config=recording_file_config,
        )

        return start_web_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartWebClientRequest.__wire_names__ = {
    "extension_service_config": "extensionServiceConfig",
    "token": "token",
    "storage_config": "storageConfig",
    "recording_file_config": "recordingFileConfig",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartWebClientRequest.__secret_fields__ = frozenset(("token",))
StartWebClientRequest.__repr__ = masked_repr
