from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stop_server_response import StopServerResponse


T = TypeVar("T", bound="StopResponse")


@_attrs_define
class StopResponse:
    """Stop result (read as leniently as query's).

    Attributes:
        resource_id (str): Resource ID.
        cname (str | Unset): Channel name.
        uid (str | Unset): Recording UID.
        sid (str | Unset): Recording ID.
        server_response (StopServerResponse | Unset): Final state; which fields appear depends on the mode and
            configuration.
    """

    resource_id: str
    cname: str | Unset = UNSET
    uid: str | Unset = UNSET
    sid: str | Unset = UNSET
    server_response: StopServerResponse | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        cname = self.cname

        uid = self.uid

        sid = self.sid

        server_response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.server_response, Unset):
            server_response = self.server_response.to_dict()

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
        if sid is not UNSET:
            field_dict["sid"] = sid
        if server_response is not UNSET:
            field_dict["serverResponse"] = server_response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stop_server_response import StopServerResponse

        d = dict(src_dict)
        resource_id = d.pop("resourceId")

        cname = d.pop("cname", UNSET)

        uid = d.pop("uid", UNSET)

        sid = d.pop("sid", UNSET)

        _server_response = d.pop("serverResponse", UNSET)
        server_response: StopServerResponse | Unset
        if isinstance(_server_response, Unset):
            server_response = UNSET
        else:
            server_response = StopServerResponse.from_dict(_server_response)

        stop_response = cls(
            resource_id=resource_id,
            cname=cname,
            uid=uid,
            sid=sid,
            server_response=server_response,
        )

        stop_response.additional_properties = d
        return stop_response

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
StopResponse.__wire_names__ = {
    "resource_id": "resourceId",
    "cname": "cname",
    "uid": "uid",
    "sid": "sid",
    "server_response": "serverResponse",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StopResponse.__secret_fields__ = frozenset(())
StopResponse.__repr__ = masked_repr
