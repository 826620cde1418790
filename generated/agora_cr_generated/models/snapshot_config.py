from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.snapshot_config_file_type_item import (
    SnapshotConfigFileTypeItem,
    check_snapshot_config_file_type_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SnapshotConfig")


@_attrs_define
class SnapshotConfig:
    """Screenshots (individual mode only; `streamTypes` must be 1 or 2).

    Attributes:
        file_type (list[SnapshotConfigFileTypeItem]): Only `["jpg"]`.
        capture_interval (int | Unset): Seconds between screenshots (current docs give 5 as the minimum). Default: 10.
    """

    file_type: list[SnapshotConfigFileTypeItem]
    capture_interval: int | Unset = 10

    def to_dict(self) -> dict[str, Any]:
        file_type = []
        for file_type_item_data in self.file_type:
            file_type_item: str = file_type_item_data
            file_type.append(file_type_item)

        capture_interval = self.capture_interval

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fileType": file_type,
            }
        )
        if capture_interval is not UNSET:
            field_dict["captureInterval"] = capture_interval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_type = []
        _file_type = d.pop("fileType")
        for file_type_item_data in _file_type:
            file_type_item = check_snapshot_config_file_type_item(file_type_item_data)

            file_type.append(file_type_item)

        capture_interval = d.pop("captureInterval", UNSET)

        snapshot_config = cls(
            file_type=file_type,
            capture_interval=capture_interval,
        )

        return snapshot_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
SnapshotConfig.__wire_names__ = {
    "file_type": "fileType",
    "capture_interval": "captureInterval",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
SnapshotConfig.__secret_fields__ = frozenset(())
SnapshotConfig.__repr__ = masked_repr
