from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadedFile")


@_attrs_define
class UploadedFile:
    """One uploaded file.

    Attributes:
        file_name (str | Unset): M3U8 or MP4 file name.
        track_type (str | Unset): audio, video or audio_and_video.
        uid (str | Unset): The user recorded in the file ("0" in composite mode).
        mixed_all_user (bool | Unset): Whether all users are in one file.
        is_playable (bool | Unset): Whether the file plays online.
        slice_start_time (int | Unset): Unix time (ms) the recording of the file started.
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

        uploaded_file = cls(
            file_name=file_name,
            track_type=track_type,
            uid=uid,
            mixed_all_user=mixed_all_user,
            is_playable=is_playable,
            slice_start_time=slice_start_time,
        )

        uploaded_file.additional_properties = d
        return uploaded_file

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
UploadedFile.__wire_names__ = {
    "file_name": "fileName",
    "track_type": "trackType",
    "uid": "uid",
    "mixed_all_user": "mixedAllUser",
    "is_playable": "isPlayable",
    "slice_start_time": "sliceStartTime",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
UploadedFile.__secret_fields__ = frozenset(())
UploadedFile.__repr__ = masked_repr
