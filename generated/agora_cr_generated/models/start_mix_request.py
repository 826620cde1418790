from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.start_mix_client_request import StartMixClientRequest


T = TypeVar("T", bound="StartMixRequest")


@_attrs_define
class StartMixRequest:
    """Start body for `mode=mix`.

    Attributes:
        cname (str): RTC channel name, fewer than 64 bytes of a-z, A-Z, 0-9, space and `! # $ % & ( ) + - : ; < = . > ?
            @ [ ] ^ _ { } | ~ ,`. Example: demo_channel.
        uid (str): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading zeros); must
            not collide with a user in the channel. Example: 527841.
        client_request (StartMixClientRequest): Mix-mode (composite) start configuration. Only `storageConfig` is
            required (as in both of Agora's OpenAPI files); without `recordingConfig` the service's defaults apply.
    """

    cname: str
    uid: str
    client_request: StartMixClientRequest

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
        from ..models.start_mix_client_request import StartMixClientRequest

        d = dict(src_dict)
        cname = d.pop("cname")

        uid = d.pop("uid")

        client_request = StartMixClientRequest.from_dict(d.pop("clientRequest"))

        start_mix_request = cls(
            cname=cname,
            uid=uid,
            client_request=client_request,
        )

        return start_mix_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartMixRequest.__wire_names__ = {
    "cname": "cname",
    "uid": "uid",
    "client_request": "clientRequest",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartMixRequest.__secret_fields__ = frozenset(())
StartMixRequest.__repr__ = masked_repr
