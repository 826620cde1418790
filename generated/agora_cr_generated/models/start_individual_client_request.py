from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.apps_collection import AppsCollection
    from ..models.individual_recording_config import IndividualRecordingConfig
    from ..models.recording_file_config import RecordingFileConfig
    from ..models.snapshot_config import SnapshotConfig
    from ..models.storage_config import StorageConfig
    from ..models.transcode_options import TranscodeOptions


T = TypeVar("T", bound="StartIndividualClientRequest")


@_attrs_define
class StartIndividualClientRequest:
    """Individual-mode start configuration. Only `storageConfig` is required: both of Agora's OpenAPI
    files require nothing else, Agora's Python SDK 0.2.0 starts without `recordingConfig`, and three
    documented individual examples omit `recordingFileConfig` (the service applies its defaults;
    for screenshot-only recording `recordingFileConfig` must be absent).

        Attributes:
            token (str | Unset): RTC token of the recording UID, needed when the App Certificate is enabled; cannot be
                renewed during recording.
            storage_config (StorageConfig | Unset): Third-party cloud storage that receives the files.
            recording_config (IndividualRecordingConfig | Unset): Recording options for individual mode. `subscribeUidGroup`
                is not required (Agora's Go SDK drops it when 0; the docs' snapshot-and-record example omits it; default 0).
            recording_file_config (RecordingFileConfig | Unset): Output file types.
            snapshot_config (SnapshotConfig | Unset): Screenshots (individual mode only; `streamTypes` must be 1 or 2).
            apps_collection (AppsCollection | Unset): Legacy postponed transcoding / audio mixing (individual mode).
            transcode_options (TranscodeOptions | Unset): Legacy postponed processing options (individual mode).
    """

    token: str | Unset = UNSET
    storage_config: StorageConfig | Unset = UNSET
    recording_config: IndividualRecordingConfig | Unset = UNSET
    recording_file_config: RecordingFileConfig | Unset = UNSET
    snapshot_config: SnapshotConfig | Unset = UNSET
    apps_collection: AppsCollection | Unset = UNSET
    transcode_options: TranscodeOptions | Unset = UNSET

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

        snapshot_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.snapshot_config, Unset):
            snapshot_config = self.snapshot_config.to_dict()

        apps_collection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.apps_collection, Unset):
            apps_collection = self.apps_collection.to_dict()

        transcode_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcode_options, Unset):
            transcode_options = self.transcode_options.to_dict()

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
        if snapshot_config is not UNSET:
            field_dict["snapshotConfig"] = snapshot_config
        if apps_collection is not UNSET:
            field_dict["appsCollection"] = apps_collection
        if transcode_options is not UNSET:
            field_dict["transcodeOptions"] = transcode_options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.apps_collection import AppsCollection
        from ..models.individual_recording_config import IndividualRecordingConfig
        from ..models.recording_file_config import RecordingFileConfig
        from ..models.snapshot_config import SnapshotConfig
        from ..models.storage_config import StorageConfig
        from ..models.transcode_options import TranscodeOptions

        d = dict(src_dict)
        token = d.pop("token", UNSET)

        _storage_config = d.pop("storageConfig", UNSET)
        storage_config: StorageConfig | Unset
        if isinstance(_storage_config, Unset):
            storage_config = UNSET
        else:
            storage_config = StorageConfig.from_dict(_storage_config)

        _recording_config = d.pop("recordingConfig", UNSET)
        recording_config: IndividualRecordingConfig | Unset
        if isinstance(_recording_config, Unset):
            recording_config = UNSET
        else:
            recording_config = IndividualRecordingConfig.from_dict(_recording_config)

        _recording_file_config = d.pop("recordingFileConfig", UNSET)
        recording_file_config: RecordingFileConfig | Unset
        if isinstance(_recording_file_config, Unset):
            recording_file_config = UNSET
        else:
            recording_file_config = RecordingFileConfig.from_dict(
                _recording_file_config
            )

        _snapshot_config = d.pop("snapshotConfig", UNSET)
        snapshot_config: SnapshotConfig | Unset
        if isinstance(_snapshot_config, Unset):
            snapshot_config = UNSET
        else:
            snapshot_config = SnapshotConfig.from_dict(_snapshot_config)

        _apps_collection = d.pop("appsCollection", UNSET)
        apps_collection: AppsCollection | Unset
        if isinstance(_apps_collection, Unset):
            apps_collection = UNSET
        else:
            apps_collection = AppsCollection.from_dict(_apps_collection)

        _transcode_options = d.pop("transcodeOptions", UNSET)
        transcode_options: TranscodeOptions | Unset
        if isinstance(_transcode_options, Unset):
            transcode_options = UNSET
        else:
            transcode_options = TranscodeOptions.from_dict(_transcode_options)

        start_individual_client_request = cls(
            token=token,
            storage_config=storage_config,
            recording_config=recording_config,
            recording_file_config=recording_file_config,
            snapshot_config=snapshot_config,
            apps_collection=apps_collection,
            transcode_options=transcode_options,
        )

        return start_individual_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartIndividualClientRequest.__wire_names__ = {
    "token": "token",
    "storage_config": "storageConfig",
    "recording_config": "recordingConfig",
    "recording_file_config": "recordingFileConfig",
    "snapshot_config": "snapshotConfig",
    "apps_collection": "appsCollection",
    "transcode_options": "transcodeOptions",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartIndividualClientRequest.__secret_fields__ = frozenset(("token",))
StartIndividualClientRequest.__repr__ = masked_repr
