from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service_payload import ExtensionServicePayload


T = TypeVar("T", bound="ExtensionServiceState")


@_attrs_define
class ExtensionServiceState:
    """State of one extension service. `payload` is also read under the legacy key `playload`.

    Attributes:
        service_name (str | Unset): `web_recorder_service`, `rtmp_publish_service` or `upload_service`.
        payload (ExtensionServicePayload | Unset): Service state; fields depend on the service.
        playload (ExtensionServicePayload | Unset): Service state; fields depend on the service.
    """

    service_name: str | Unset = UNSET
    payload: ExtensionServicePayload | Unset = UNSET
    playload: ExtensionServicePayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_name = self.service_name

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        playload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.playload, Unset):
            playload = self.playload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if service_name is not UNSET:
            field_dict["serviceName"] = service_name
        if payload is not UNSET:
            field_dict["payload"] = payload
        if playload is not UNSET:
            field_dict["playload"] = playload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service_payload import ExtensionServicePayload

        d = dict(src_dict)
        service_name = d.pop("serviceName", UNSET)

        _payload = d.pop("payload", UNSET)
        payload: ExtensionServicePayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = ExtensionServicePayload.from_dict(_payload)

        _playload = d.pop("playload", UNSET)
        playload: ExtensionServicePayload | Unset
        if isinstance(_playload, Unset):
            playload = UNSET
        else:
            playload = ExtensionServicePayload.from_dict(_playload)

        extension_service_state = cls(
            service_name=service_name,
            payload=payload,
            playload=playload,
        )

        extension_service_state.additional_properties = d
        return extension_service_state

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
ExtensionServiceState.__wire_names__ = {
    "service_name": "serviceName",
    "payload": "payload",
    "playload": "playload",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ExtensionServiceState.__secret_fields__ = frozenset(())
ExtensionServiceState.__repr__ = masked_repr
