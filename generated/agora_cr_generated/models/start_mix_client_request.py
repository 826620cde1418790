from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service_config import ExtensionServiceConfig
    from ..models.mix_recording_config import MixRecordingConfig
    from ..models.recording_file_config import RecordingFileConfig
    from ..models.storage_config import StorageConfig


T = TypeVar("T", bound="StartMixClientRequest")


@_attrs_define
class StartMixClientRequest:
    """Mix-mode (composite) start configuration. Only `storageConfig` is required (as in both of Agora's OpenAPI files);
    without `recordingConfig` the service's defaults apply.

        Attributes:
            token (str | Unset): RTC token of the recording UID, needed when the App Certificate is enabled; cannot be
                renewed during recording.
            storage_config (StorageConfig | Unset): Third-party cloud storage that receives the files.
            recording_config (MixRecordingConfig | Unset): Recording options for mix (composite) mode. `subscribeUidGroup`
                and `streamMode` are individual-only;
                keeping them out also keeps the individual and mix shapes distinct for parsers of `startParameter`.
            recording_file_config (RecordingFileConfig | Unset): Output file types.
            extension_service_config (ExtensionServiceConfig | Unset): Extension services; in web mode the web recorder plus
                an optional RTMP publisher.
    """

    token: str | Unset = UNSET
    storage_config: StorageConfig | Unset = UNSET
    recording_config: MixRecordingConfig | Unset = UNSET
    recording_file_config: RecordingFileConfig | Unset = UNSET
    extension_service_config: ExtensionServiceConfig | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        storage_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.storage_config, Unset):
            storage_config = self.storage_config.to_dict()

        recording_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording_config, Unset):
            recording_config = self.recording_config.to_dict()

        recording_file_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording_file_config, Unset):
            recording_file_config = self.recording_file_config.to_dict()

        extension_service_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extension_service_config, Unset):
            extension_service_config = self.extension_service_config.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if storage_config is not UNSET:
            field_dict["storageConfig"] = storage_config
        if recording_config is not UNSET:
            field_dict["recordingConfig"] = recording_config
        if recording_file_config is not UNSET:
            field_dict["recordingFileConfig"] = recording_file_config
        if extension_service_config is not UNSET:
            field_dict["extensionServiceConfig"] = extension_service_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service_config import ExtensionServiceConfig
        from ..models.mix_recording_config import MixRecordingConfig
        from ..models.recording_file_config import RecordingFileConfig
        from ..models.storage_config import StorageConfig

        d = dict(src_dict)
        token = d.pop("token", UNSET)

        _storage_config = d.pop("storageConfig", UNSET)
        storage_config: StorageConfig | Unset
        if isinstance(_storage_config, Unset):
            storage_config = UNSET
        else:
            storage_config = StorageConfig.from_dict(_storage_config)

        _recording_config = d.pop("recordingConfig", UNSET)
        recording_config: MixRecordingConfig | Unset
        if isinstance(_recording_config, Unset):
            recording_config = UNSET
        else:
            recording_config = MixRecordingConfig.from_dict(_recording_config)

        _recording_file_config = d.pop("recordingFileConfig", UNSET)
        recording_file_config: RecordingFileConfig | Unset
        if isinstance(_recording_file_config, Unset):
            recording_file_config = UNSET
        else:
            recording_file_config = RecordingFileConfig.from_dict(
                _recording_file_config
            )

        _extension_service_config = d.pop("extensionServiceConfig", UNSET)
        extension_service_config: ExtensionServiceConfig | Unset
        if isinstance(_extension_service_config, Unset):
            extension_service_config = UNSET
        else:
            extension_service_config = ExtensionServiceConfig.from_dict(
                _extension_service_config
            )

        start_mix_client_request = cls(
            token=token,
            storage_config=storage_config,
            recording_config=recording_config,
            recording_file_config=recording_file_config,
            extension_service_config=extension_service_config,
        )

        return start_mix_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartMixClientRequest.__wire_names__ = {
    "token": "token",
    "storage_config": "storageConfig",
    "recording_config": "recordingConfig",
    "recording_file_config": "recordingFileConfig",
    "extension_service_config": "extensionServiceConfig",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartMixClientRequest.__secret_fields__ = frozenset(("token",))
StartMixClientRequest.__repr__ = masked_repr
