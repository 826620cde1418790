from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VodStartedDetailsAliVodInfo")


@_attrs_define
class VodStartedDetailsAliVodInfo:
    """The VoD upload.

    Attributes:
        video_id (str | Unset): Video ID.
    """

    video_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        video_id = self.video_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if video_id is not UNSET:
            field_dict["videoId"] = video_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video_id = d.pop("videoId", UNSET)

        vod_started_details_ali_vod_info = cls(
            video_id=video_id,
        )

        vod_started_details_ali_vod_info.additional_properties = d
        return vod_started_details_ali_vod_info

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
VodStartedDetailsAliVodInfo.__wire_names__ = {
    "video_id": "videoId",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
VodStartedDetailsAliVodInfo.__secret_fields__ = frozenset(())
VodStartedDetailsAliVodInfo.__repr__ = masked_repr
