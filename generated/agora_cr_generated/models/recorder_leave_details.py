from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecorderLeaveDetails")


@_attrs_define
class RecorderLeaveDetails:
    """The recorder left the channel.

    Attributes:
        msg_name (str | Unset): Event name.
        leave_code (int | Unset): Bitmask of reasons: 0 initialisation failed, 2 SIGINT, 4 no user in the channel, 8
            timer, 16 the recorder left the channel.
    """

    msg_name: str | Unset = UNSET
    leave_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        leave_code = self.leave_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if leave_code is not UNSET:
            field_dict["leaveCode"] = leave_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        leave_code = d.pop("leaveCode", UNSET)

        recorder_leave_details = cls(
            msg_name=msg_name,
            leave_code=leave_code,
        )

        recorder_leave_details.additional_properties = d
        return recorder_leave_details

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
RecorderLeaveDetails.__wire_names__ = {
    "msg_name": "msgName",
    "leave_code": "leaveCode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RecorderLeaveDetails.__secret_fields__ = frozenset(())
RecorderLeaveDetails.__repr__ = masked_repr
