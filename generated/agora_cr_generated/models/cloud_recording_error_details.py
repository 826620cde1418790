from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudRecordingErrorDetails")


@_attrs_define
class CloudRecordingErrorDetails:
    """An error occurred during the recording.

    Attributes:
        msg_name (str | Unset): Event name.
        module (int | Unset): 0 recorder, 1 uploader, 2 cloud recording service, 6 web page recording service.
        error_level (int | Unset): 1 debug, 2 minor, 3 medium, 4 major, 5 fatal (may end the recording).
        error_code (int | Unset): Error code (meaning by module).
        stat (int | Unset): 0 normal; other values abnormal.
        error_msg (str | Unset): Error description.
    """

    msg_name: str | Unset = UNSET
    module: int | Unset = UNSET
    error_level: int | Unset = UNSET
    error_code: int | Unset = UNSET
    stat: int | Unset = UNSET
    error_msg: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        module = self.module

        error_level = self.error_level

        error_code = self.error_code

        stat = self.stat

        error_msg = self.error_msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if module is not UNSET:
            field_dict["module"] = module
        if error_level is not UNSET:
            field_dict["errorLevel"] = error_level
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if stat is not UNSET:
            field_dict["stat"] = stat
        if error_msg is not UNSET:
            field_dict["errorMsg"] = error_msg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        module = d.pop("module", UNSET)

        error_level = d.pop("errorLevel", UNSET)

        error_code = d.pop("errorCode", UNSET)

        stat = d.pop("stat", UNSET)

        error_msg = d.pop("errorMsg", UNSET)

        cloud_recording_error_details = cls(
            msg_name=msg_name,
            module=module,
            error_level=error_level,
            error_code=error_code,
            stat=stat,
            error_msg=error_msg,
        )

        cloud_recording_error_details.additional_properties = d
        return cloud_recording_error_details

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
CloudRecordingErrorDetails.__wire_names__ = {
    "msg_name": "msgName",
    "module": "module",
    "error_level": "errorLevel",
    "error_code": "errorCode",
    "stat": "stat",
    "error_msg": "errorMsg",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
CloudRecordingErrorDetails.__secret_fields__ = frozenset(())
CloudRecordingErrorDetails.__repr__ = masked_repr
