from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StopClientRequest")


@_attrs_define
class StopClientRequest:
    """Stop options.

    Attributes:
        async_stop (bool | Unset): `true` answers at once; `false` answers after the upload (expected within 20 s).
            Default: False.
    """

    async_stop: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        async_stop = self.async_stop

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if async_stop is not UNSET:
            field_dict["async_stop"] = async_stop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        async_stop = d.pop("async_stop", UNSET)

        stop_client_request = cls(
            async_stop=async_stop,
        )

        return stop_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StopClientRequest.__wire_names__ = {
    "async_stop": "async_stop",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StopClientRequest.__secret_fields__ = frozenset(())
StopClientRequest.__repr__ = masked_repr
