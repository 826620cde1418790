from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named_file import NamedFile


T = TypeVar("T", bound="PostponeTranscodeFinalResultDetails")


@_attrs_define
class PostponeTranscodeFinalResultDetails:
    """The final result of postponed transcoding.

    Attributes:
        msg_name (str | Unset): Event name.
        result (str | Unset): total_success, partial_success or failed.
        file_list (list[NamedFile] | Unset): The MP4 files.
    """

    msg_name: str | Unset = UNSET
    result: str | Unset = UNSET
    file_list: list[NamedFile] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        result = self.result

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
        if result is not UNSET:
            field_dict["result"] = result
        if file_list is not UNSET:
            field_dict["fileList"] = file_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named_file import NamedFile

        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        result = d.pop("result", UNSET)

        _file_list = d.pop("fileList", UNSET)
        file_list: list[NamedFile] | Unset = UNSET
        if _file_list is not UNSET:
            file_list = []
            for file_list_item_data in _file_list:
                file_list_item = NamedFile.from_dict(file_list_item_data)

                file_list.append(file_list_item)

        postpone_transcode_final_result_details = cls(
            msg_name=msg_name,
            result=result,
            file_list=file_list,
        )

        postpone_transcode_final_result_details.additional_properties = d
        return postpone_transcode_final_result_details

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
PostponeTranscodeFinalResultDetails.__wire_names__ = {
    "msg_name": "msgName",
    "result": "result",
    "file_list": "fileList",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
PostponeTranscodeFinalResultDetails.__secret_fields__ = frozenset(())
PostponeTranscodeFinalResultDetails.__repr__ = masked_repr
