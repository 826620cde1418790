from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named_file import NamedFile


T = TypeVar("T", bound="TranscoderCompletedDetailsUidsItem")


@_attrs_define
class TranscoderCompletedDetailsUidsItem:
    """One user's transcoding.

    Attributes:
        uid (str | Unset): User ID.
        result (str | Unset): success or fail.
        file_list (list[NamedFile] | Unset): The MP4 files.
    """

    uid: str | Unset = UNSET
    result: str | Unset = UNSET
    file_list: list[NamedFile] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

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
        if uid is not UNSET:
            field_dict["uid"] = uid
        if result is not UNSET:
            field_dict["result"] = result
        if file_list is not UNSET:
            field_dict["fileList"] = file_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named_file import NamedFile

        d = dict(src_dict)
        uid = d.pop("uid", UNSET)

        result = d.pop("result", UNSET)

        _file_list = d.pop("fileList", UNSET)
        file_list: list[NamedFile] | Unset = UNSET
        if _file_list is not UNSET:
            file_list = []
            for file_list_item_data in _file_list:
                file_list_item = NamedFile.from_dict(file_list_item_data)

                file_list.append(file_list_item)

        transcoder_completed_details_uids_item = cls(
            uid=uid,
            result=result,
            file_list=file_list,
        )

        transcoder_completed_details_uids_item.additional_properties = d
        return transcoder_completed_details_uids_item

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
TranscoderCompletedDetailsUidsItem.__wire_names__ = {
    "uid": "uid",
    "result": "result",
    "file_list": "fileList",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscoderCompletedDetailsUidsItem.__secret_fields__ = frozenset(())
TranscoderCompletedDetailsUidsItem.__repr__ = masked_repr
