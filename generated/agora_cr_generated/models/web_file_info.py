from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebFileInfo")


@_attrs_define
class WebFileInfo:
    """One web recorder file (note the lower-case `filename`).

    Attributes:
        filename (str | Unset): File name.
        slice_start_time (int | Unset): Start of the file as a Unix timestamp in ms.
    """

    filename: str | Unset = UNSET
    slice_start_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        slice_start_time = self.slice_start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filename is not UNSET:
            field_dict["filename"] = filename
        if slice_start_time is not UNSET:
            field_dict["sliceStartTime"] = slice_start_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename", UNSET)

        slice_start_time = d.pop("sliceStartTime", UNSET)

        web_file_info = cls(
            filename=filename,
            slice_start_time=slice_start_time,
        )

        web_file_info.additional_properties = d
        return web_file_info

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
WebFileInfo.__wire_names__ = {
    "filename": "filename",
    "slice_start_time": "sliceStartTime",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebFileInfo.__secret_fields__ = frozenset(())
WebFileInfo.__repr__ = masked_repr
