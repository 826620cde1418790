from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadingProgressDetails")


@_attrs_define
class UploadingProgressDetails:
    """Upload progress (every minute while recording).

    Attributes:
        msg_name (str | Unset): Event name.
        progress (int | Unset): Uploaded / recorded files x 10000.
    """

    msg_name: str | Unset = UNSET
    progress: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        progress = self.progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if progress is not UNSET:
            field_dict["progress"] = progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        progress = d.pop("progress", UNSET)

        uploading_progress_details = cls(
            msg_name=msg_name,
            progress=progress,
        )

        uploading_progress_details.additional_properties = d
        return uploading_progress_details

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
UploadingProgressDetails.__wire_names__ = {
    "msg_name": "msgName",
    "progress": "progress",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
UploadingProgressDetails.__secret_fields__ = frozenset(())
UploadingProgressDetails.__repr__ = masked_repr
