from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaContainer")


@_attrs_define
class MediaContainer:
    """Legacy container options (string values).

    Attributes:
        format_ (str | Unset): Container format.
        sample_rate (str | Unset): Sample rate.
        bitrate (str | Unset): Bitrate.
        channels (str | Unset): Channel count.
    """

    format_: str | Unset = UNSET
    sample_rate: str | Unset = UNSET
    bitrate: str | Unset = UNSET
    channels: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        sample_rate = self.sample_rate

        bitrate = self.bitrate

        channels = self.channels

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if bitrate is not UNSET:
            field_dict["bitrate"] = bitrate
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        sample_rate = d.pop("sampleRate", UNSET)

        bitrate = d.pop("bitrate", UNSET)

        channels = d.pop("channels", UNSET)

        media_container = cls(
            format_=format_,
            sample_rate=sample_rate,
            bitrate=bitrate,
            channels=channels,
        )

        return media_container


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
MediaContainer.__wire_names__ = {
    "format_": "format",
    "sample_rate": "sampleRate",
    "bitrate": "bitrate",
    "channels": "channels",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
MediaContainer.__secret_fields__ = frozenset(())
MediaContainer.__repr__ = masked_repr
