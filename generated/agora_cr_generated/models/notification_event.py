from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_payload import NotificationPayload


T = TypeVar("T", bound="NotificationEvent")


@_attrs_define
class NotificationEvent:
    """One notification (the POST body; signed by Agora-Signature and Agora-Signature-V2).

    Attributes:
        notice_id (str | Unset): Notification ID (the same on every resend of one notification).
        product_id (int | Unset): Product: 3 is Cloud Recording.
        event_type (int | Unset): Event type (see the details schemas' x-agora-events).
        notify_ms (int | Unset): Unix time (ms) NCS sent this delivery; changes on every resend.
        payload (NotificationPayload | Unset): The event, common fields and its details.
    """

    notice_id: str | Unset = UNSET
    product_id: int | Unset = UNSET
    event_type: int | Unset = UNSET
    notify_ms: int | Unset = UNSET
    payload: NotificationPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notice_id = self.notice_id

        product_id = self.product_id

        event_type = self.event_type

        notify_ms = self.notify_ms

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notice_id is not UNSET:
            field_dict["noticeId"] = notice_id
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if notify_ms is not UNSET:
            field_dict["notifyMs"] = notify_ms
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_payload import NotificationPayload

        d = dict(src_dict)
        notice_id = d.pop("noticeId", UNSET)

        product_id = d.pop("productId", UNSET)

        event_type = d.pop("eventType", UNSET)

        notify_ms = d.pop("notifyMs", UNSET)

        _payload = d.pop("payload", UNSET)
        payload: NotificationPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = NotificationPayload.from_dict(_payload)

        notification_event = cls(
            notice_id=notice_id,
            product_id=product_id,
            event_type=event_type,
            notify_ms=notify_ms,
            payload=payload,
        )

        notification_event.additional_properties = d
        return notification_event

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
NotificationEvent.__wire_names__ = {
    "notice_id": "noticeId",
    "product_id": "productId",
    "event_type": "eventType",
    "notify_ms": "notifyMs",
    "payload": "payload",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NotificationEvent.__secret_fields__ = frozenset(())
NotificationEvent.__repr__ = masked_repr
