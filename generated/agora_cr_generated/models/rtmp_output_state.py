from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RtmpOutputState")


@_attrs_define
class RtmpOutputState:
    """State of one CDN push.

    Attributes:
        rtmp_url (str | Unset): CDN address.
        status (str | Unset): `connecting`, `publishing`, `onhold` or `disconnected`.
    """

    rtmp_url: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rtmp_url = self.rtmp_url

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rtmp_url is not UNSET:
            field_dict["rtmpUrl"] = rtmp_url
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rtmp_url = d.pop("rtmpUrl", UNSET)

        status = d.pop("status", UNSET)

        rtmp_output_state = cls(
            rtmp_url=rtmp_url,
            status=status,
        )

        rtmp_output_state.additional_properties = d
        return rtmp_output_state

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
RtmpOutputState.__wire_names__ = {
    "rtmp_url": "rtmpUrl",
    "status": "status",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RtmpOutputState.__secret_fields__ = frozenset(())
RtmpOutputState.__repr__ = masked_repr
