from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NcsIpResponseDataServiceHostsItem")


@_attrs_define
class NcsIpResponseDataServiceHostsItem:
    """One server.

    Attributes:
        primary_ip (str | Unset): IPv4 address to allow.
    """

    primary_ip: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        primary_ip = self.primary_ip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if primary_ip is not UNSET:
            field_dict["primaryIP"] = primary_ip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        primary_ip = d.pop("primaryIP", UNSET)

        ncs_ip_response_data_service_hosts_item = cls(
            primary_ip=primary_ip,
        )

        ncs_ip_response_data_service_hosts_item.additional_properties = d
        return ncs_ip_response_data_service_hosts_item

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
NcsIpResponseDataServiceHostsItem.__wire_names__ = {
    "primary_ip": "primaryIP",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NcsIpResponseDataServiceHostsItem.__secret_fields__ = frozenset(())
NcsIpResponseDataServiceHostsItem.__repr__ = masked_repr
