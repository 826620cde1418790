from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecorderSliceStartDetails")


@_attrs_define
class RecorderSliceStartDetails:
    """The first slice (or the first after a gap) started.

    Attributes:
        msg_name (str | Unset): Event name.
        start_utc_ms (int | Unset): Unix time (ms) the slice started.
        discontinue_utc_ms (int | Unset): Unix time (ms) the last good slice ended (startUtcMs when there was no gap).
        mixed_all_user (bool | Unset): Whether all users are in one file.
        stream_uid (str | Unset): The user recorded ("0" in composite mode).
        track_type (str | Unset): audio, video or audio_and_video.
    """

    msg_name: str | Unset = UNSET
    start_utc_ms: int | Unset = UNSET
    discontinue_utc_ms: int | Unset = UNSET
    mixed_all_user: bool | Unset = UNSET
    stream_uid: str | Unset = UNSET
    track_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        start_utc_ms = self.start_utc_ms

        discontinue_utc_ms = self.discontinue_utc_ms

        mixed_all_user = self.mixed_all_user

        stream_uid = self.stream_uid

        track_type = self.track_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if start_utc_ms is not UNSET:
            field_dict["startUtcMs"] = start_utc_ms
        if discontinue_utc_ms is not UNSET:
            field_dict["discontinueUtcMs"] = discontinue_utc_ms
        if mixed_all_user is not UNSET:
            field_dict["mixedAllUser"] = mixed_all_user
        if stream_uid is not UNSET:
            field_dict["streamUid"] = stream_uid
        if track_type is not UNSET:
            field_dict["trackType"] = track_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        start_utc_ms = d.pop("startUtcMs", UNSET)

        discontinue_utc_ms = d.pop("discontinueUtcMs", UNSET)

        mixed_all_user = d.pop("mixedAllUser", UNSET)

        stream_uid = d.pop("streamUid", UNSET)

        track_type = d.pop("trackType", UNSET)

        recorder_slice_start_details = cls(
            msg_name=msg_name,
            start_utc_ms=start_utc_ms,
            discontinue_utc_ms=discontinue_utc_ms,
            mixed_all_user=mixed_all_user,
            stream_uid=stream_uid,
            track_type=track_type,
        )

        recorder_slice_start_details.additional_properties = d
        return recorder_slice_start_details

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
RecorderSliceStartDetails.__wire_names__ = {
    "msg_name": "msgName",
    "start_utc_ms": "startUtcMs",
    "discontinue_utc_ms": "discontinueUtcMs",
    "mixed_all_user": "mixedAllUser",
    "stream_uid": "streamUid",
    "track_type": "trackType",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RecorderSliceStartDetails.__secret_fields__ = frozenset(())
RecorderSliceStartDetails.__repr__ = masked_repr
