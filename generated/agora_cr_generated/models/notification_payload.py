from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_details import NotificationDetails


T = TypeVar("T", bound="NotificationPayload")


@_attrs_define
class NotificationPayload:
    """The event, common fields and its details.

    Attributes:
        cname (str | Unset): Channel name.
        uid (str | Unset): The recording service's uid in the channel.
        sid (str | Unset): Recording ID.
        sequence (int | Unset): Serial number of the session's notifications, from 0.
        sendts (int | Unset): Unix time (ms) the event happened.
        service_type (int | Unset): 0 cloud recording service, 1 recorder, 2 uploader, 4 extension services, 6 web page
            recorder, 7 postponed transcoding, 8 download.
        service_scene (str | Unset): Recording scene (e.g. rtc_record, web_record); in Agora's Chinese docs only.
        details (NotificationDetails | Unset): Event-specific details; read through the details schema of the event
            type.
    """

    cname: str | Unset = UNSET
    uid: str | Unset = UNSET
    sid: str | Unset = UNSET
    sequence: int | Unset = UNSET
    sendts: int | Unset = UNSET
    service_type: int | Unset = UNSET
    service_scene: str | Unset = UNSET
    details: NotificationDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cname = self.cname

        uid = self.uid

        sid = self.sid

        sequence = self.sequence

        sendts = self.sendts

        service_type = self.service_type

        service_scene = self.service_scene

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cname is not UNSET:
            field_dict["cname"] = cname
        if uid is not UNSET:
            field_dict["uid"] = uid
        if sid is not UNSET:
            field_dict["sid"] = sid
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if sendts is not UNSET:
            field_dict["sendts"] = sendts
        if service_type is not UNSET:
            field_dict["serviceType"] = service_type
        if service_scene is not UNSET:
            field_dict["serviceScene"] = service_scene
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_details import NotificationDetails

        d = dict(src_dict)
        cname = d.pop("cname", UNSET)

        uid = d.pop("uid", UNSET)

        sid = d.pop("sid", UNSET)

        sequence = d.pop("sequence", UNSET)

        sendts = d.pop("sendts", UNSET)

        service_type = d.pop("serviceType", UNSET)

        service_scene = d.pop("serviceScene", UNSET)

        _details = d.pop("details", UNSET)
        details: NotificationDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = NotificationDetails.from_dict(_details)

        notification_payload = cls(
            cname=cname,
            uid=uid,
            sid=sid,
            sequence=sequence,
            sendts=sendts,
            service_type=service_type,
            service_scene=service_scene,
            details=details,
        )

        notification_payload.additional_properties = d
        return notification_payload

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
NotificationPayload.__wire_names__ = {
    "cname": "cname",
    "uid": "uid",
    "sid": "sid",
    "sequence": "sequence",
    "sendts": "sendts",
    "service_type": "serviceType",
    "service_scene": "serviceScene",
    "details": "details",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
NotificationPayload.__secret_fields__ = frozenset(())
NotificationPayload.__repr__ = masked_repr
