from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryServerResponseSubServiceStatus")


@_attrs_define
class QueryServerResponseSubServiceStatus:
    """Legacy sub-service state.

    Attributes:
        recording_service (str | Unset): `serviceIdle`, `serviceStarted`, `serviceReady`, `serviceInProgress`,
            `serviceCompleted`, `servicePartialCompleted`, `serviceValidationFailed`, `serviceAbnormal`.
    """

    recording_service: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recording_service = self.recording_service

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if recording_service is not UNSET:
            field_dict["recordingService"] = recording_service

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recording_service = d.pop("recordingService", UNSET)

        query_server_response_sub_service_status = cls(
            recording_service=recording_service,
        )

        query_server_response_sub_service_status.additional_properties = d
        return query_server_response_sub_service_status

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
QueryServerResponseSubServiceStatus.__wire_names__ = {
    "recording_service": "recordingService",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
QueryServerResponseSubServiceStatus.__secret_fields__ = frozenset(())
QueryServerResponseSubServiceStatus.__repr__ = masked_repr
