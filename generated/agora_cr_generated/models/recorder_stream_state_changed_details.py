from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecorderStreamStateChangedDetails")


@_attrs_define
class RecorderStreamStateChangedDetails:
    """An audio (43) or video (44) stream started or stopped arriving.

    Attributes:
        msg_name (str | Unset): Event name.
        stream_uid (str | Unset): The user ("0" for the composite stream).
        state (int | Unset): 0 receiving; 1 not receiving.
        utc_ms (int | Unset): Unix time (ms) of the change.
    """

    msg_name: str | Unset = UNSET
    stream_uid: str | Unset = UNSET
    state: int | Unset = UNSET
    utc_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        stream_uid = self.stream_uid

        state = self.state

        utc_ms = self.utc_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if stream_uid is not UNSET:
            field_dict["streamUid"] = stream_uid
        if state is not UNSET:
            field_dict["state"] = state
        if utc_ms is not UNSET:
            field_dict["UtcMs"] = utc_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        stream_uid = d.pop("streamUid", UNSET)

        state = d.pop("state", UNSET)

        utc_ms = d.pop("UtcMs", UNSET)

        recorder_stream_state_changed_details = cls(
            msg_name=msg_name,
            stream_uid=stream_uid,
            state=state,
            utc_ms=utc_ms,
        )

        recorder_stream_state_changed_details.additional_properties = d
        return recorder_stream_state_changed_details

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
RecorderStreamStateChangedDetails.__wire_names__ = {
    "msg_name": "msgName",
    "stream_uid": "streamUid",
    "state": "state",
    "utc_ms": "UtcMs",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RecorderStreamStateChangedDetails.__secret_fields__ = frozenset(())
RecorderStreamStateChangedDetails.__repr__ = masked_repr
