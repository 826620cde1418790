from typing import Literal, cast

RecordingFileConfigAvFileTypeItem = Literal["hls", "mp4"]

RECORDING_FILE_CONFIG_AV_FILE_TYPE_ITEM_VALUES: set[
    RecordingFileConfigAvFileTypeItem
] = {
    "hls",
    "mp4",
}


def check_recording_file_config_av_file_type_item(
    value: str,
) -> RecordingFileConfigAvFileTypeItem:
    if value in RECORDING_FILE_CONFIG_AV_FILE_TYPE_ITEM_VALUES:
        return cast(RecordingFileConfigAvFileTypeItem, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_FILE_CONFIG_AV_FILE_TYPE_ITEM_VALUES!r}"
    )
