from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.web_stopped_file import WebStoppedFile


T = TypeVar("T", bound="WebRecorderStoppedDetails")


@_attrs_define
class WebRecorderStoppedDetails:
    """Web page recording stopped.

    Attributes:
        msg_name (str | Unset): Event name.
        code (int | Unset): 0 ok, 1 max_recording_hour, 2 capability_limit, 3 start_engine_failed, 4 page_load_timeout,
            5 access_url_failed, 6 recorder_error.
        message (str | Unset): The reason's name.
        details (str | Unset): The reason in words.
        file_list (list[WebStoppedFile] | Unset): The recorded files.
    """

    msg_name: str | Unset = UNSET
    code: int | Unset = UNSET
    message: str | Unset = UNSET
    details: str | Unset = UNSET
    file_list: list[WebStoppedFile] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        code = self.code

        message = self.message

        details = self.details

        file_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.file_list, Unset):
            file_list = []
            for file_list_item_data in self.file_list:
                file_list_item = file_list_item_data.to_dict()
                file_list.append(file_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if details is not UNSET:
            field_dict["details"] = details
        if file_list is not UNSET:
            field_dict["fileList"] = file_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_stopped_file import WebStoppedFile

        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        details = d.pop("details", UNSET)

        _file_list = d.pop("fileList", UNSET)
        file_list: list[WebStoppedFile] | Unset = UNSET
        if _file_list is not UNSET:
            file_list = []
            for file_list_item_data in _file_list:
                file_list_item = WebStoppedFile.from_dict(file_list_item_data)

                file_list.append(file_list_item)

        web_recorder_stopped_details = cls(
            msg_name=msg_name,
            code=code,
            message=message,
            details=details,
            file_list=file_list,
        )

        web_recorder_stopped_details.additional_properties = d
        return web_recorder_stopped_details

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
WebRecorderStoppedDetails.__wire_names__ = {
    "msg_name": "msgName",
    "code": "code",
    "message": "message",
    "details": "details",
    "file_list": "fileList",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebRecorderStoppedDetails.__secret_fields__ = frozenset(())
WebRecorderStoppedDetails.__repr__ = masked_repr
