from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.start_web_client_request import StartWebClientRequest


T = TypeVar("T", bound="StartWebRequest")


@_attrs_define
class StartWebRequest:
    """Start body for `mode=web`.

    Attributes:
        cname (str): Free label that distinguishes web recording processes; up to 1024 bytes of UTF-8 accepted (128 is
            the safe length).
        uid (str): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading zeros); must
            not collide with a user in the channel. Example: 527841.
        client_request (StartWebClientRequest): Web-mode (page recording) start configuration.
    """

    cname: str
    uid: str
    client_request: StartWebClientRequest

    def to_dict(self) -> dict[str, Any]:
        cname = self.cname

        uid = self.uid

        client_request = self.client_request.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cname": cname,
                "uid": uid,
                "clientRequest": client_request,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.start_web_client_request import StartWebClientRequest

        d = dict(src_dict)
        cname = d.pop("cname")

        uid = d.pop("uid")

        client_request = StartWebClientRequest.from_dict(d.pop("clientRequest"))

        start_web_request = cls(
            cname=cname,
            uid=uid,
            client_request=client_request,
        )

        return start_web_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartWebRequest.__wire_names__ = {
    "cname": "cname",
    "uid": "uid",
    "client_request": "clientRequest",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartWebRequest.__secret_fields__ = frozenset(())
StartWebRequest.__repr__ = masked_repr
