from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcoder_completed_details_uids_item import (
        TranscoderCompletedDetailsUidsItem,
    )


T = TypeVar("T", bound="TranscoderCompletedDetails")


@_attrs_define
class TranscoderCompletedDetails:
    """Postponed transcoding completed.

    Attributes:
        msg_name (str | Unset): Event name.
        result (str | Unset): all_success, partial_success or fail.
        uids (list[TranscoderCompletedDetailsUidsItem] | Unset): Per user.
    """

    msg_name: str | Unset = UNSET
    result: str | Unset = UNSET
    uids: list[TranscoderCompletedDetailsUidsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        result = self.result

        uids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.uids, Unset):
            uids = []
            for uids_item_data in self.uids:
                uids_item = uids_item_data.to_dict()
                uids.append(uids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if result is not UNSET:
            field_dict["result"] = result
        if uids is not UNSET:
            field_dict["uids"] = uids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transcoder_completed_details_uids_item import (
            TranscoderCompletedDetailsUidsItem,
        )

        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        result = d.pop("result", UNSET)

        _uids = d.pop("uids", UNSET)
        uids: list[TranscoderCompletedDetailsUidsItem] | Unset = UNSET
        if _uids is not UNSET:
            uids = []
            for uids_item_data in _uids:
                uids_item = TranscoderCompletedDetailsUidsItem.from_dict(uids_item_data)

                uids.append(uids_item)

        transcoder_completed_details = cls(
            msg_name=msg_name,
            result=result,
            uids=uids,
        )

        transcoder_completed_details.additional_properties = d
        return transcoder_completed_details

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
TranscoderCompletedDetails.__wire_names__ = {
    "msg_name": "msgName",
    "result": "result",
    "uids": "uids",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscoderCompletedDetails.__secret_fields__ = frozenset(())
TranscoderCompletedDetails.__repr__ = masked_repr
