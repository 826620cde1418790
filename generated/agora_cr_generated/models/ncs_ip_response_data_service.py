from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ncs_ip_response_data_service_hosts_item import (
        NcsIpResponseDataServiceHostsItem,
    )


T = TypeVar("T", bound="NcsIpResponseDataService")


@_attrs_define
class NcsIpResponseDataService:
    """Notification service.

    Attributes:
        hosts (list[NcsIpResponseDataServiceHostsItem] | Unset): Server addresses.
    """

    hosts: list[NcsIpResponseDataServiceHostsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hosts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hosts, Unset):
            hosts = []
            for hosts_item_data in self.hosts:
                hosts_item = hosts_item_data.to_dict()
                hosts.append(hosts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if hosts is not UNSET:
            field_dict["hosts"] = hosts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ncs_ip_response_data_service_hosts_item import (
            NcsIpResponseDataServiceHostsItem,
        )

        d = dict(src_dict)
        _hosts = d.pop("hosts", UNSET)
        hosts: list[NcsIpResponseDataServiceHostsItem] | Unset = UNSET
        if _hosts is not UNSET:
            hosts = []
            for hosts_item_data in _hosts:
                hosts_item = NcsIpResponseDataServiceHostsItem.from_dict(
                    hosts_item_data
                )

                hosts.append(hosts_item)

        ncs_ip_response_data_service = cls(
            hosts=hosts,
        )

        ncs_ip_response_data_service.additional_properties = d
        return ncs_ip_response_data_service

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
NcsIpResponseDataService.__wire_names__ = {
    "hosts": "hosts",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NcsIpResponseDataService.__secret_fields__ = frozenset(())
NcsIpResponseDataService.__repr__ = masked_repr
