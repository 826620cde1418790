from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebRecorderCapabilityLimitDetails")


@_attrs_define
class WebRecorderCapabilityLimitDetails:
    """The page uses a feature the recorder does not support; recording stops.

    Attributes:
        msg_name (str | Unset): Event name.
        limit_type (str | Unset): resolution, WebGL or bandwidth.
    """

    msg_name: str | Unset = UNSET
    limit_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        limit_type = self.limit_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if limit_type is not UNSET:
            field_dict["limitType"] = limit_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        limit_type = d.pop("limitType", UNSET)

        web_recorder_capability_limit_details = cls(
            msg_name=msg_name,
            limit_type=limit_type,
        )

        web_recorder_capability_limit_details.additional_properties = d
        return web_recorder_capability_limit_details

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
WebRecorderCapabilityLimitDetails.__wire_names__ = {
    "msg_name": "msgName",
    "limit_type": "limitType",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebRecorderCapabilityLimitDetails.__secret_fields__ = frozenset(())
WebRecorderCapabilityLimitDetails.__repr__ = masked_repr
