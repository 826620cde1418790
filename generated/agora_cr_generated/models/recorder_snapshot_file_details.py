from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecorderSnapshotFileDetails")


@_attrs_define
class RecorderSnapshotFileDetails:
    """A screenshot was captured and uploaded.

    Attributes:
        msg_name (str | Unset): Event name.
        file_name (str | Unset): <fileNamePrefix>/<file name> of the JPG.
    """

    msg_name: str | Unset = UNSET
    file_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if file_name is not UNSET:
            field_dict["fileName"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        file_name = d.pop("fileName", UNSET)

        recorder_snapshot_file_details = cls(
            msg_name=msg_name,
            file_name=file_name,
        )

        recorder_snapshot_file_details.additional_properties = d
        return recorder_snapshot_file_details

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
RecorderSnapshotFileDetails.__wire_names__ = {
    "msg_name": "msgName",
    "file_name": "fileName",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RecorderSnapshotFileDetails.__secret_fields__ = frozenset(())
RecorderSnapshotFileDetails.__repr__ = masked_repr
