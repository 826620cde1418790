from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceError")


@_attrs_define
class ServiceError:
    """Service-level error. `code` values: 2 invalid parameter; 7 already started (201); 8 bad header/URL
    or body not JSON; 49 invalid operation (task already exiting, repeated stop); 50 synchronous stop
    upload timeout; 53 task conflict (same cname+uid); 62 request timeout; 65 request not completed
    (206, retry); 109 token expired; 110 token invalid; 400 invalid_appid; 401 invalid_channel_name;
    404 failed to find worker; 405 no_active_status; 406 vendor_over_load; 432 parameter mismatch
    with the resource ID; 433 resource ID expired; 435 no recorded data (206); 500 internal_error;
    501 no_worker_manager_available (legacy: service exiting); 502 Failed to allocate worker;
    504 allocate_timeout; 1001 resource ID cannot be parsed; 1003 App ID or sid mismatch;
    1013 invalid channel name; 1028 invalid updateLayout body.
    `code` is a plain integer, not tied to the HTTP status.

        Attributes:
            code (int): Service error code.
            reason (str | Unset): Human-readable reason.
    """

    code: int
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        reason = d.pop("reason", UNSET)

        service_error = cls(
            code=code,
            reason=reason,
        )

        service_error.additional_properties = d
        return service_error

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
ServiceError.__wire_names__ = {
    "code": "code",
    "reason": "reason",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ServiceError.__secret_fields__ = frozenset(())
ServiceError.__repr__ = masked_repr
