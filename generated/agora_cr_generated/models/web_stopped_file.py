from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebStoppedFile")


@_attrs_define
class WebStoppedFile:
    """One web recording file (the docs' field list says fileName, their example filename).

    Attributes:
        file_name (str | Unset): M3U8 or MP4 file name.
        filename (str | Unset): M3U8 or MP4 file name (the spelling of the docs' example).
        slice_start_time (int | Unset): Unix time (ms) the recording of the file started.
    """

    file_name: str | Unset = UNSET
    filename: str | Unset = UNSET
    slice_start_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        filename = self.filename

        slice_start_time = self.slice_start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if filename is not UNSET:
            field_dict["filename"] = filename
        if slice_start_time is not UNSET:
            field_dict["sliceStartTime"] = slice_start_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_name = d.pop("fileName", UNSET)

        filename = d.pop("filename", UNSET)

        slice_start_time = d.pop("sliceStartTime", UNSET)

        web_stopped_file = cls(
            file_name=file_name,
            filename=filename,
            slice_start_time=slice_start_time,
        )

        web_stopped_file.additional_properties = d
        return web_stopped_file

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
WebStoppedFile.__wire_names__ = {
    "file_name": "fileName",
    "filename": "filename",
    "slice_start_time": "sliceStartTime",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebStoppedFile.__secret_fields__ = frozenset(())
WebStoppedFile.__repr__ = masked_repr
