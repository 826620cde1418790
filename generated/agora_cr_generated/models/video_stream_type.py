from typing import Literal, cast

VideoStreamType = Literal[0, 1]

VIDEO_STREAM_TYPE_VALUES: set[VideoStreamType] = {
    0,
    1,
}


def check_video_stream_type(value: int) -> VideoStreamType:
    if value in VIDEO_STREAM_TYPE_VALUES:
        return cast(VideoStreamType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VIDEO_STREAM_TYPE_VALUES!r}"
    )
