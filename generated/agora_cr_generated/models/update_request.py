from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.update_client_request import UpdateClientRequest


T = TypeVar("T", bound="UpdateRequest")


@_attrs_define
class UpdateRequest:
    """Update body.

    Attributes:
        cname (str): Channel name. Individual/mix: the RTC channel name, fewer than 64 bytes of a-z, A-Z, 0-9, space
            and `! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,`. Web: a free label of up to 1024 bytes
            (128 is the safe length). The limit is in bytes of UTF-8 (`x-agora-max-bytes`).
        uid (str): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading zeros); must
            not collide with a user in the channel. Example: 527841.
        client_request (UpdateClientRequest): What to change: `streamSubscribe` (individual, mix), `webRecordingConfig`
            and `rtmpPublishConfig` (web), `storageConfig` (any mode, to refresh STS credentials).
    """

    cname: str
    uid: str
    client_request: UpdateClientRequest

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
        from ..models.update_client_request import UpdateClientRequest

        d = dict(src_dict)
        cname = d.pop("cname")

        uid = d.pop("uid")

        client_request = UpdateClientRequest.from_dict(d.pop("clientRequest"))

        update_request = cls(
            cname=cname,
            uid=uid,
            client_request=client_request,
        )

        return update_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
UpdateRequest.__wire_names__ = {
    "cname": "cname",
    "uid": "uid",
    "client_request": "clientRequest",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
UpdateRequest.__secret_fields__ = frozenset(())
UpdateRequest.__repr__ = masked_repr
