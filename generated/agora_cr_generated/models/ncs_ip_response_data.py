from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ncs_ip_response_data_service import NcsIpResponseDataService


T = TypeVar("T", bound="NcsIpResponseData")


@_attrs_define
class NcsIpResponseData:
    """Payload.

    Attributes:
        service (NcsIpResponseDataService | Unset): Notification service.
    """

    service: NcsIpResponseDataService | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service: dict[str, Any] | Unset = UNSET
        if not isinstance(self.service, Unset):
            service = self.service.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ncs_ip_response_data_service import NcsIpResponseDataService

        d = dict(src_dict)
        _service = d.pop("service", UNSET)
        service: NcsIpResponseDataService | Unset
        if isinstance(_service, Unset):
            service = UNSET
        else:
            service = NcsIpResponseDataService.from_dict(_service)

        ncs_ip_response_data = cls(
            service=service,
        )

        ncs_ip_response_data.additional_properties = d
        return ncs_ip_response_data

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
NcsIpResponseData.__wire_names__ = {
    "service": "service",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NcsIpResponseData.__secret_fields__ = frozenset(())
NcsIpResponseData.__repr__ = masked_repr
