from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AcquireResponse")


@_attrs_define
class AcquireResponse:
    """Acquire result; the resource ID is valid for 5 minutes.

    Attributes:
        resource_id (str): The resource ID for `start`.
        cname (str | Unset): Echo of the request.
        uid (str | Unset): Echo of the request.
    """

    resource_id: str
    cname: str | Unset = UNSET
    uid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        cname = self.cname

        uid = self.uid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceId": resource_id,
            }
        )
        if cname is not UNSET:
            field_dict["cname"] = cname
        if uid is not UNSET:
            field_dict["uid"] = uid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_id = d.pop("resourceId")

        cname = d.pop("cname", UNSET)

        uid = d.pop("uid", UNSET)

        acquire_response = cls(
            resource_id=resource_id,
            cname=cname,
            uid=uid,
        )

        acquire_response.additional_properties = d
        return acquire_response

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
AcquireResponse.__wire_names__ = {
    "resource_id": "resourceId",
    "cname": "cname",
    "uid": "uid",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AcquireResponse.__secret_fields__ = frozenset(())
AcquireResponse.__repr__ = masked_repr
