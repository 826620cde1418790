from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.transcode_options_trans_config_trans_mode import (
    TranscodeOptionsTransConfigTransMode,
    check_transcode_options_trans_config_trans_mode,
)

T = TypeVar("T", bound="TranscodeOptionsTransConfig")


@_attrs_define
class TranscodeOptionsTransConfig:
    """Processing kind.

    Attributes:
        trans_mode (TranscodeOptionsTransConfigTransMode): `postponeTranscoding` to MP4, `audioMix` postponed audio
            mixing.
    """

    trans_mode: TranscodeOptionsTransConfigTransMode

    def to_dict(self) -> dict[str, Any]:
        trans_mode: str = self.trans_mode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "transMode": trans_mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        trans_mode = check_transcode_options_trans_config_trans_mode(d.pop("transMode"))

        transcode_options_trans_config = cls(
            trans_mode=trans_mode,
        )

        return transcode_options_trans_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
TranscodeOptionsTransConfig.__wire_names__ = {
    "trans_mode": "transMode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscodeOptionsTransConfig.__secret_fields__ = frozenset(())
TranscodeOptionsTransConfig.__repr__ = masked_repr
