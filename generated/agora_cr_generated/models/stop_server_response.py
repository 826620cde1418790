from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service_state import ExtensionServiceState
    from ..models.file_info import FileInfo


T = TypeVar("T", bound="StopServerResponse")


@_attrs_define
class StopServerResponse:
    """Final state; which fields appear depends on the mode and configuration.

    Attributes:
        file_list_mode (str | Unset): `string` (fileList is an M3U8 name: mix with `["hls"]`) or `json` (fileList is a
            list: individual, or mix with `["hls", "mp4"]`).
        file_list (list[FileInfo] | str | Unset): An M3U8 file name (`fileListMode` "string") or a list of files
            (`fileListMode` "json").
        uploading_status (str | Unset): `uploaded` all files are in your storage; `backuped` some went to Agora's backup
            and will be forwarded; `unknown` (legacy spelling `unknow`).
        extension_service_state (list[ExtensionServiceState] | Unset): State of each extension service (web mode).
    """

    file_list_mode: str | Unset = UNSET
    file_list: list[FileInfo] | str | Unset = UNSET
    uploading_status: str | Unset = UNSET
    extension_service_state: list[ExtensionServiceState] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_list_mode = self.file_list_mode

        file_list: list[dict[str, Any]] | str | Unset
        if isinstance(self.file_list, Unset):
            file_list = UNSET
        elif isinstance(self.file_list, list):
            file_list = []
            for componentsschemas_file_list_type_1_item_data in self.file_list:
                componentsschemas_file_list_type_1_item = (
                    componentsschemas_file_list_type_1_item_data.to_dict()
                )
                file_list.append(componentsschemas_file_list_type_1_item)

        else:
            file_list = self.file_list

        uploading_status = self.uploading_status

        extension_service_state: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extension_service_state, Unset):
            extension_service_state = []
            for (
                componentsschemas_extension_service_states_item_data
            ) in self.extension_service_state:
                componentsschemas_extension_service_states_item = (
                    componentsschemas_extension_service_states_item_data.to_dict()
                )
                extension_service_state.append(
                    componentsschemas_extension_service_states_item
                )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_list_mode is not UNSET:
            field_dict["fileListMode"] = file_list_mode
        if file_list is not UNSET:
            field_dict["fileList"] = file_list
        if uploading_status is not UNSET:
            field_dict["uploadingStatus"] = uploading_status
        if extension_service_state is not UNSET:
            field_dict["extensionServiceState"] = extension_service_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service_state import ExtensionServiceState
        from ..models.file_info import FileInfo

        d = dict(src_dict)
        file_list_mode = d.pop("fileListMode", UNSET)

        def _parse_file_list(data: object) -> list[FileInfo] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_file_list_type_1 = []
                _componentsschemas_file_list_type_1 = data
                for (
                    componentsschemas_file_list_type_1_item_data
                ) in _componentsschemas_file_list_type_1:
                    componentsschemas_file_list_type_1_item = FileInfo.from_dict(
                        componentsschemas_file_list_type_1_item_data
                    )

                    componentsschemas_file_list_type_1.append(
                        componentsschemas_file_list_type_1_item
                    )

                return componentsschemas_file_list_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FileInfo] | str | Unset, data)

        file_list = _parse_file_list(d.pop("fileList", UNSET))

        uploading_status = d.pop("uploadingStatus", UNSET)

        _extension_service_state = d.pop("extensionServiceState", UNSET)
        extension_service_state: list[ExtensionServiceState] | Unset = UNSET
        if _extension_service_state is not UNSET:
            extension_service_state = []
            for (
                componentsschemas_extension_service_states_item_data
            ) in _extension_service_state:
                componentsschemas_extension_service_states_item = (
                    ExtensionServiceState.from_dict(
                        componentsschemas_extension_service_states_item_data
                    )
                )

                extension_service_state.append(
                    componentsschemas_extension_service_states_item
                )

        stop_server_response = cls(
            file_list_mode=file_list_mode,
            file_list=file_list,
            uploading_status=uploading_status,
            extension_service_state=extension_service_state,
        )

        stop_server_response.additional_properties = d
        return stop_server_response

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
StopServerResponse.__wire_names__ = {
    "file_list_mode": "fileListMode",
    "file_list": "fileList",
    "uploading_status": "uploadingStatus",
    "extension_service_state": "extensionServiceState",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StopServerResponse.__secret_fields__ = frozenset(())
StopServerResponse.__repr__ = masked_repr
