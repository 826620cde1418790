from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vod_started_details_ali_vod_info import VodStartedDetailsAliVodInfo


T = TypeVar("T", bound="VodStartedDetails")


@_attrs_define
class VodStartedDetails:
    """The ApsaraVideo for VoD uploader started.

    Attributes:
        msg_name (str | Unset): Event name.
        ali_vod_info (VodStartedDetailsAliVodInfo | Unset): The VoD upload.
    """

    msg_name: str | Unset = UNSET
    ali_vod_info: VodStartedDetailsAliVodInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        ali_vod_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ali_vod_info, Unset):
            ali_vod_info = self.ali_vod_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if ali_vod_info is not UNSET:
            field_dict["aliVodInfo"] = ali_vod_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vod_started_details_ali_vod_info import (
            VodStartedDetailsAliVodInfo,
        )

        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        _ali_vod_info = d.pop("aliVodInfo", UNSET)
        ali_vod_info: VodStartedDetailsAliVodInfo | Unset
        if isinstance(_ali_vod_info, Unset):
            ali_vod_info = UNSET
        else:
            ali_vod_info = VodStartedDetailsAliVodInfo.from_dict(_ali_vod_info)

        vod_started_details = cls(
            msg_name=msg_name,
            ali_vod_info=ali_vod_info,
        )

        vod_started_details.additional_properties = d
        return vod_started_details

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
VodStartedDetails.__wire_names__ = {
    "msg_name": "msgName",
    "ali_vod_info": "aliVodInfo",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
VodStartedDetails.__secret_fields__ = frozenset(())
VodStartedDetails.__repr__ = masked_repr
