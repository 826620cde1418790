from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ncs_ip_response_data import NcsIpResponseData


T = TypeVar("T", bound="NcsIpResponse")


@_attrs_define
class NcsIpResponse:
    """Notification server addresses.

    Attributes:
        data (NcsIpResponseData): Payload.
    """

    data: NcsIpResponseData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ncs_ip_response_data import NcsIpResponseData

        d = dict(src_dict)
        data = NcsIpResponseData.from_dict(d.pop("data"))

        ncs_ip_response = cls(
            data=data,
        )

        ncs_ip_response.additional_properties = d
        return ncs_ip_response

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
NcsIpResponse.__wire_names__ = {
    "data": "data",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NcsIpResponse.__secret_fields__ = frozenset(())
NcsIpResponse.__repr__ = masked_repr
