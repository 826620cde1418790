from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RtmpOutput")


@_attrs_define
class RtmpOutput:
    """One CDN push address.

    Attributes:
        rtmp_url (str): An RTMP or RTMPS URL.
    """

    rtmp_url: str

    def to_dict(self) -> dict[str, Any]:
        rtmp_url = self.rtmp_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rtmpUrl": rtmp_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rtmp_url = d.pop("rtmpUrl")

        rtmp_output = cls(
            rtmp_url=rtmp_url,
        )

        return rtmp_output


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
RtmpOutput.__wire_names__ = {
    "rtmp_url": "rtmpUrl",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RtmpOutput.__secret_fields__ = frozenset(())
RtmpOutput.__repr__ = masked_repr
