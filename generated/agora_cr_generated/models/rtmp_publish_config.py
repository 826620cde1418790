from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rtmp_output import RtmpOutput


T = TypeVar("T", bound="RtmpPublishConfig")


@_attrs_define
class RtmpPublishConfig:
    """New CDN push address (web mode; `outputs` is optional in the update page).

    Attributes:
        outputs (list[RtmpOutput] | Unset): CDN addresses (RTMP or RTMPS); at most one.
    """

    outputs: list[RtmpOutput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for componentsschemas_rtmp_outputs_item_data in self.outputs:
                componentsschemas_rtmp_outputs_item = (
                    componentsschemas_rtmp_outputs_item_data.to_dict()
                )
                outputs.append(componentsschemas_rtmp_outputs_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if outputs is not UNSET:
            field_dict["outputs"] = outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rtmp_output import RtmpOutput

        d = dict(src_dict)
        _outputs = d.pop("outputs", UNSET)
        outputs: list[RtmpOutput] | Unset = UNSET
        if _outputs is not UNSET:
            outputs = []
            for componentsschemas_rtmp_outputs_item_data in _outputs:
                componentsschemas_rtmp_outputs_item = RtmpOutput.from_dict(
                    componentsschemas_rtmp_outputs_item_data
                )

                outputs.append(componentsschemas_rtmp_outputs_item)

        rtmp_publish_config = cls(
            outputs=outputs,
        )

        return rtmp_publish_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
RtmpPublishConfig.__wire_names__ = {
    "outputs": "outputs",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RtmpPublishConfig.__secret_fields__ = frozenset(())
RtmpPublishConfig.__repr__ = masked_repr
