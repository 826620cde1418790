from typing import Literal, cast

StreamTypes = Literal[0, 1, 2]

STREAM_TYPES_VALUES: set[StreamTypes] = {
    0,
    1,
    2,
}


def check_stream_types(value: int) -> StreamTypes:
    if value in STREAM_TYPES_VALUES:
        return cast(StreamTypes, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STREAM_TYPES_VALUES!r}"
    )
