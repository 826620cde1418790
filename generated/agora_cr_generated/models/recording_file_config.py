from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.recording_file_config_av_file_type_item import (
    RecordingFileConfigAvFileTypeItem,
    check_recording_file_config_av_file_type_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordingFileConfig")


@_attrs_define
class RecordingFileConfig:
    """Output file types.

    Attributes:
        av_file_type (list[RecordingFileConfigAvFileTypeItem] | Unset): `["hls"]` (default) or `["hls", "mp4"]` (mix and
            web); `["mp4"]` alone is rejected with code 2.
    """

    av_file_type: list[RecordingFileConfigAvFileTypeItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        av_file_type: list[str] | Unset = UNSET
        if not isinstance(self.av_file_type, Unset):
            av_file_type = []
            for av_file_type_item_data in self.av_file_type:
                av_file_type_item: str = av_file_type_item_data
                av_file_type.append(av_file_type_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if av_file_type is not UNSET:
            field_dict["avFileType"] = av_file_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _av_file_type = d.pop("avFileType", UNSET)
        av_file_type: list[RecordingFileConfigAvFileTypeItem] | Unset = UNSET
        if _av_file_type is not UNSET:
            av_file_type = []
            for av_file_type_item_data in _av_file_type:
                av_file_type_item = check_recording_file_config_av_file_type_item(
                    av_file_type_item_data
                )

                av_file_type.append(av_file_type_item)

        recording_file_config = cls(
            av_file_type=av_file_type,
        )

        return recording_file_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
RecordingFileConfig.__wire_names__ = {
    "av_file_type": "avFileType",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
RecordingFileConfig.__secret_fields__ = frozenset(())
RecordingFileConfig.__repr__ = masked_repr
