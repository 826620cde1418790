from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileInfo")


@_attrs_define
class FileInfo:
    """One recorded file.

    Attributes:
        file_name (str | Unset): M3U8 or MP4 file name.
        track_type (str | Unset): `audio`, `video` or `audio_and_video`.
        uid (str | Unset): UID of the recorded user (`"0"` in mix mode).
        mixed_all_user (bool | Unset): True when all users are mixed into this file.
        is_playable (bool | Unset): True when the file can be played online.
        slice_start_time (int | Unset): Start of the file as a Unix timestamp in ms.
    """

    file_name: str | Unset = UNSET
    track_type: str | Unset = UNSET
    uid: str | Unset = UNSET
    mixed_all_user: bool | Unset = UNSET
    is_playable: bool | Unset = UNSET
    slice_start_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        track_type = self.track_type

        uid = self.uid

        mixed_all_user = self.mixed_all_user

        is_playable = self.is_playable

        slice_start_time = self.slice_start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if track_type is not UNSET:
            field_dict["trackType"] = track_type
        if uid is not UNSET:
            field_dict["uid"] = uid
        if mixed_all_user is not UNSET:
            field_dict["mixedAllUser"] = mixed_all_user
        if is_playable is not UNSET:
            field_dict["isPlayable"] = is_playable
        if slice_start_time is not UNSET:
            field_dict["sliceStartTime"] = slice_start_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_name = d.pop("fileName", UNSET)

        track_type = d.pop("trackType", UNSET)

        uid = d.pop("uid", UNSET)

        mixed_all_user = d.pop("mixedAllUser", UNSET)

        is_playable = d.pop("isPlayable", UNSET)

        slice_start_time = d.pop("sliceStartTime", UNSET)

        file_info = cls(
            file_name=file_name,
            track_type=track_type,
            uid=uid,
            mixed_all_user=mixed_all_user,
            is_playable=is_playable,
            slice_start_time=slice_start_time,
        )

        file_info.additional_properties = d
        return file_info

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
FileInfo.__wire_names__ = {
    "file_name": "fileName",
    "track_type": "trackType",
    "uid": "uid",
    "mixed_all_user": "mixedAllUser",
    "is_playable": "isPlayable",
    "slice_start_time": "sliceStartTime",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
FileInfo.__secret_fields__ = frozenset(())
FileInfo.__repr__ = masked_repr
