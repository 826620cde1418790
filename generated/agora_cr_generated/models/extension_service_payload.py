from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rtmp_output_state import RtmpOutputState
    from ..models.web_file_info import WebFileInfo


T = TypeVar("T", bound="ExtensionServicePayload")


@_attrs_define
class ExtensionServicePayload:
    """Service state; fields depend on the service.

    Attributes:
        file_list (list[WebFileInfo] | Unset): Web recorder files.
        onhold (bool | Unset): Web recorder paused.
        state (str | Unset): `init`, `inProgress` or `exit`.
        outputs (list[RtmpOutputState] | Unset): RTMP publisher outputs.
        uploading_status (str | Unset): `uploaded` all files are in your storage; `backuped` some went to Agora's backup
            and will be forwarded; `unknown` (legacy spelling `unknow`).
    """

    file_list: list[WebFileInfo] | Unset = UNSET
    onhold: bool | Unset = UNSET
    state: str | Unset = UNSET
    outputs: list[RtmpOutputState] | Unset = UNSET
    uploading_status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.file_list, Unset):
            file_list = []
            for file_list_item_data in self.file_list:
                file_list_item = file_list_item_data.to_dict()
                file_list.append(file_list_item)

        onhold = self.onhold

        state = self.state

        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for outputs_item_data in self.outputs:
                outputs_item = outputs_item_data.to_dict()
                outputs.append(outputs_item)

        uploading_status = self.uploading_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_list is not UNSET:
            field_dict["fileList"] = file_list
        if onhold is not UNSET:
            field_dict["onhold"] = onhold
        if state is not UNSET:
            field_dict["state"] = state
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if uploading_status is not UNSET:
            field_dict["uploadingStatus"] = uploading_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rtmp_output_state import RtmpOutputState
        from ..models.web_file_info import WebFileInfo

        d = dict(src_dict)
        _file_list = d.pop("fileList", UNSET)
        file_list: list[WebFileInfo] | Unset = UNSET
        if _file_list is not UNSET:
            file_list = []
            for file_list_item_data in _file_list:
                file_list_item = WebFileInfo.from_dict(file_list_item_data)

                file_list.append(file_list_item)

        onhold = d.pop("onhold", UNSET)

        state = d.pop("state", UNSET)

        _outputs = d.pop("outputs", UNSET)
        outputs: list[RtmpOutputState] | Unset = UNSET
        if _outputs is not UNSET:
            outputs = []
            for outputs_item_data in _outputs:
                outputs_item = RtmpOutputState.from_dict(outputs_item_data)

                outputs.append(outputs_item)

        uploading_status = d.pop("uploadingStatus", UNSET)

        extension_service_payload = cls(
            file_list=file_list,
            onhold=onhold,
            state=state,
            outputs=outputs,
            uploading_status=uploading_status,
        )

        extension_service_payload.additional_properties = d
        return extension_service_payload

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
ExtensionServicePayload.__wire_names__ = {
    "file_list": "fileList",
    "onhold": "onhold",
    "state": "state",
    "outputs": "outputs",
    "uploading_status": "uploadingStatus",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ExtensionServicePayload.__secret_fields__ = frozenset(())
ExtensionServicePayload.__repr__ = masked_repr
