from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.start_individual_client_request import StartIndividualClientRequest


T = TypeVar("T", bound="StartIndividualRequest")


@_attrs_define
class StartIndividualRequest:
    """Start body for `mode=individual`.

    Attributes:
        cname (str): RTC channel name, fewer than 64 bytes of a-z, A-Z, 0-9, space and `! # $ % & ( ) + - : ; < = . > ?
            @ [ ] ^ _ { } | ~ ,`. Example: demo_channel.
        uid (str): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading zeros); must
            not collide with a user in the channel. Example: 527841.
        client_request (StartIndividualClientRequest): Individual-mode start configuration. Only `storageConfig` is
            required: both of Agora's OpenAPI
            files require nothing else, Agora's Python SDK 0.2.0 starts without `recordingConfig`, and three
            documented individual examples omit `recordingFileConfig` (the service applies its defaults;
            for screenshot-only recording `recordingFileConfig` must be absent).
    """

    cname: str
    uid: str
    client_request: StartIndividualClientRequest

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
        from ..models.start_individual_client_request import (
            StartIndividualClientRequest,
        )

        d = dict(src_dict)
        cname = d.pop("cname")

        uid = d.pop("uid")

        client_request = StartIndividualClientRequest.from_dict(d.pop("clientRequest"))

        start_individual_request = cls(
            cname=cname,
            uid=uid,
            client_request=client_request,
        )

        return start_individual_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StartIndividualRequest.__wire_names__ = {
    "cname": "cname",
    "uid": "uid",
    "client_request": "clientRequest",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StartIndividualRequest.__secret_fields__ = frozenset(())
StartIndividualRequest.__repr__ = masked_repr
