from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionResponse")


@_attrs_define
class SessionResponse:
    """Success body of start, update and updateLayout.

    Attributes:
        resource_id (str): Resource ID.
        sid (str): Recording ID.
        cname (str | Unset): Channel name.
        uid (str | Unset): Recording UID.
    """

    resource_id: str
    sid: str
    cname: str | Unset = UNSET
    uid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        sid = self.sid

        cname = self.cname

        uid = self.uid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceId": resource_id,
                "sid": sid,
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

        sid = d.pop("sid")

        cname = d.pop("cname", UNSET)

        uid = d.pop("uid", UNSET)

        session_response = cls(
            resource_id=resource_id,
            sid=sid,
            cname=cname,
            uid=uid,
        )

        session_response.additional_properties = d
        return session_response

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
SessionResponse.__wire_names__ = {
    "resource_id": "resourceId",
    "sid": "sid",
    "cname": "cname",
    "uid": "uid",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
SessionResponse.__secret_fields__ = frozenset(())
SessionResponse.__repr__ = masked_repr
