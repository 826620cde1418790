from typing import Literal, cast

SnapshotConfigFileTypeItem = Literal["jpg"]

SNAPSHOT_CONFIG_FILE_TYPE_ITEM_VALUES: set[SnapshotConfigFileTypeItem] = {
    "jpg",
}


def check_snapshot_config_file_type_item(value: str) -> SnapshotConfigFileTypeItem:
    if value in SNAPSHOT_CONFIG_FILE_TYPE_ITEM_VALUES:
        return cast(SnapshotConfigFileTypeItem, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SNAPSHOT_CONFIG_FILE_TYPE_ITEM_VALUES!r}"
    )
