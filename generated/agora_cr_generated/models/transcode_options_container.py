from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.transcode_options_container_format import (
    TranscodeOptionsContainerFormat,
    check_transcode_options_container_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TranscodeOptionsContainer")


@_attrs_define
class TranscodeOptionsContainer:
    """Output container.

    Attributes:
        format_ (TranscodeOptionsContainerFormat | Unset): `mp4` for postponed transcoding; `mp3` (default), `m4a`,
            `aac` for audio mixing.
    """

    format_: TranscodeOptionsContainerFormat | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _format_ = d.pop("format", UNSET)
        format_: TranscodeOptionsContainerFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_transcode_options_container_format(_format_)

        transcode_options_container = cls(
            format_=format_,
        )

        return transcode_options_container


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
TranscodeOptionsContainer.__wire_names__ = {
    "format_": "format",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscodeOptionsContainer.__secret_fields__ = frozenset(())
TranscodeOptionsContainer.__repr__ = masked_repr
