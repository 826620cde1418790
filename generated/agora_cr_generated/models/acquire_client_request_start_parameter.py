from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AcquireClientRequestStartParameter")


@_attrs_define
class AcquireClientRequestStartParameter:
    """Optional pre-declaration of the later `start.clientRequest`, which must be identical to it; checked against the
    start schema of the recording's mode (individual or mix, see `x-agora-rules`).

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquire_client_request_start_parameter = cls()

        acquire_client_request_start_parameter.additional_properties = d
        return acquire_client_request_start_parameter

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
AcquireClientRequestStartParameter.__wire_names__ = {}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AcquireClientRequestStartParameter.__secret_fields__ = frozenset(())
AcquireClientRequestStartParameter.__repr__ = masked_repr
