from typing import Literal, cast

StreamMode = Literal["default", "original", "standard"]

STREAM_MODE_VALUES: set[StreamMode] = {
    "default",
    "original",
    "standard",
}


def check_stream_mode(value: str) -> StreamMode:
    if value in STREAM_MODE_VALUES:
        return cast(StreamMode, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STREAM_MODE_VALUES!r}"
    )
