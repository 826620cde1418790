from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudRecordingWarningDetails")


@_attrs_define
class CloudRecordingWarningDetails:
    """A warning occurred during the recording.

    Attributes:
        msg_name (str | Unset): Event name.
        module (int | Unset): 0 recorder, 1 uploader.
        warn_code (int | Unset): Warning code.
    """

    msg_name: str | Unset = UNSET
    module: int | Unset = UNSET
    warn_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        module = self.module

        warn_code = self.warn_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if module is not UNSET:
            field_dict["module"] = module
        if warn_code is not UNSET:
            field_dict["warnCode"] = warn_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        module = d.pop("module", UNSET)

        warn_code = d.pop("warnCode", UNSET)

        cloud_recording_warning_details = cls(
            msg_name=msg_name,
            module=module,
            warn_code=warn_code,
        )

        cloud_recording_warning_details.additional_properties = d
        return cloud_recording_warning_details

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
CloudRecordingWarningDetails.__wire_names__ = {
    "msg_name": "msgName",
    "module": "module",
    "warn_code": "warnCode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
CloudRecordingWarningDetails.__secret_fields__ = frozenset(())
CloudRecordingWarningDetails.__repr__ = masked_repr
