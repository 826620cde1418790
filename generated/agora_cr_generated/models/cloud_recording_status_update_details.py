from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudRecordingStatusUpdateDetails")


@_attrs_define
class CloudRecordingStatusUpdateDetails:
    """A call did not match the service's status.

    Attributes:
        msg_name (str | Unset): Event name.
        status (int | Unset): Service status code (as query's status).
        recording_mode (int | Unset): Recording mode (0 individual, 1 composite in the English docs; the Chinese docs
            swap them).
        file_list (str | Unset): Name of the M3U8 file.
    """

    msg_name: str | Unset = UNSET
    status: int | Unset = UNSET
    recording_mode: int | Unset = UNSET
    file_list: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        status = self.status

        recording_mode = self.recording_mode

        file_list = self.file_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if status is not UNSET:
            field_dict["status"] = status
        if recording_mode is not UNSET:
            field_dict["recordingMode"] = recording_mode
        if file_list is not UNSET:
            field_dict["fileList"] = file_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        status = d.pop("status", UNSET)

        recording_mode = d.pop("recordingMode", UNSET)

        file_list = d.pop("fileList", UNSET)

        cloud_recording_status_update_details = cls(
            msg_name=msg_name,
            status=status,
            recording_mode=recording_mode,
            file_list=file_list,
        )

        cloud_recording_status_update_details.additional_properties = d
        return cloud_recording_status_update_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
CloudRecordingStatusUpdateDetails.__wire_names__ = {
    "msg_name": "msgName",
    "status": "status",
    "recording_mode": "recordingMode",
    "file_list": "fileList",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
CloudRecordingStatusUpdateDetails.__secret_fields__ = frozenset(())
CloudRecordingStatusUpdateDetails.__repr__ = masked_repr
