from typing import Literal, cast

TranscodeOptionsContainerFormat = Literal["aac", "m4a", "mp3", "mp4"]

TRANSCODE_OPTIONS_CONTAINER_FORMAT_VALUES: set[TranscodeOptionsContainerFormat] = {
    "aac",
    "m4a",
    "mp3",
    "mp4",
}


def check_transcode_options_container_format(
    value: str,
) -> TranscodeOptionsContainerFormat:
    if value in TRANSCODE_OPTIONS_CONTAINER_FORMAT_VALUES:
        return cast(TranscodeOptionsContainerFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCODE_OPTIONS_CONTAINER_FORMAT_VALUES!r}"
    )
