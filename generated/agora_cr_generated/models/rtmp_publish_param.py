from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.rtmp_output import RtmpOutput


T = TypeVar("T", bound="RtmpPublishParam")


@_attrs_define
class RtmpPublishParam:
    """Parameters of `rtmp_publish_service` (CDN push, one output).

    Attributes:
        outputs (list[RtmpOutput]): CDN addresses (RTMP or RTMPS); at most one.
    """

    outputs: list[RtmpOutput]

    def to_dict(self) -> dict[str, Any]:
        outputs = []
        for componentsschemas_rtmp_outputs_item_data in self.outputs:
            componentsschemas_rtmp_outputs_item = (
                componentsschemas_rtmp_outputs_item_data.to_dict()
            )
            outputs.append(componentsschemas_rtmp_outputs_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outputs": outputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rtmp_output import RtmpOutput

        d = dict(src_dict)
        outputs = []
        _outputs = d.pop("outputs")
        for componentsschemas_rtmp_outputs_item_data in _outputs:
            componentsschemas_rtmp_outputs_item = RtmpOutput.from_dict(
                componentsschemas_rtmp_outputs_item_data
            )

            outputs.append(componentsschemas_rtmp_outputs_item)

        rtmp_publish_param = cls(
            outputs=outputs,
        )

        return rtmp_publish_param


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
RtmpPublishParam.__wire_names__ = {
    "outputs": "outputs",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RtmpPublishParam.__secret_fields__ = frozenset(())
RtmpPublishParam.__repr__ = masked_repr
