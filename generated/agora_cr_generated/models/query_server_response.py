from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service_state import ExtensionServiceState
    from ..models.file_info import FileInfo
    from ..models.query_server_response_sub_service_status import (
        QueryServerResponseSubServiceStatus,
    )


T = TypeVar("T", bound="QueryServerResponse")


@_attrs_define
class QueryServerResponse:
    """Session state; which fields appear depends on the mode and configuration.

    Attributes:
        status (int | Unset): `0` not started, `1` initialised, `2` components starting, `3` some components ready, `4`
            all components ready, `5` in progress, `6` stop requested, `7` all components stopped, `8` exited, `20` exited
            abnormally.
        file_list_mode (str | Unset): `string` (fileList is an M3U8 name: mix with `["hls"]`) or `json` (fileList is a
            list: individual, or mix with `["hls", "mp4"]`).
        file_list (list[FileInfo] | str | Unset): An M3U8 file name (`fileListMode` "string") or a list of files
            (`fileListMode` "json").
        slice_start_time (int | Unset): Recording start as a Unix timestamp in ms (individual mode).
        extension_service_state (list[ExtensionServiceState] | Unset): State of each extension service (web mode).
        sub_service_status (QueryServerResponseSubServiceStatus | Unset): Legacy sub-service state.
    """

    status: int | Unset = UNSET
    file_list_mode: str | Unset = UNSET
    file_list: list[FileInfo] | str | Unset = UNSET
    slice_start_time: int | Unset = UNSET
    extension_service_state: list[ExtensionServiceState] | Unset = UNSET
    sub_service_status: QueryServerResponseSubServiceStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

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

        slice_start_time = self.slice_start_time

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

        sub_service_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sub_service_status, Unset):
            sub_service_status = self.sub_service_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if file_list_mode is not UNSET:
            field_dict["fileListMode"] = file_list_mode
        if file_list is not UNSET:
            field_dict["fileList"] = file_list
        if slice_start_time is not UNSET:
            field_dict["sliceStartTime"] = slice_start_time
        if extension_service_state is not UNSET:
            field_dict["extensionServiceState"] = extension_service_state
        if sub_service_status is not UNSET:
            field_dict["subServiceStatus"] = sub_service_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service_state import ExtensionServiceState
        from ..models.file_info import FileInfo
        from ..models.query_server_response_sub_service_status import (
            QueryServerResponseSubServiceStatus,
        )

        d = dict(src_dict)
        status = d.pop("status", UNSET)

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

        slice_start_time = d.pop("sliceStartTime", UNSET)

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

        _sub_service_status = d.pop("subServiceStatus", UNSET)
        sub_service_status: QueryServerResponseSubServiceStatus | Unset
        if isinstance(_sub_service_status, Unset):
            sub_service_status = UNSET
        else:
            sub_service_status = QueryServerResponseSubServiceStatus.from_dict(
                _sub_service_status
            )

        query_server_response = cls(
            status=status,
            file_list_mode=file_list_mode,
            file_list=file_list,
            slice_start_time=slice_start_time,
            extension_service_state=extension_service_state,
            sub_service_status=sub_service_status,
        )

        query_server_response.additional_properties = d
        return query_server_response

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
QueryServerResponse.__wire_names__ = {
    "status": "status",
    "file_list_mode": "fileListMode",
    "file_list": "fileList",
    "slice_start_time": "sliceStartTime",
    "extension_service_state": "extensionServiceState",
    "sub_service_status": "subServiceStatus",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
QueryServerResponse.__secret_fields__ = frozenset(())
QueryServerResponse.__repr__ = masked_repr
