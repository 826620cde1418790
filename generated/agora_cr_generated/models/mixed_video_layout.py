from typing import Literal, cast

MixedVideoLayout = Literal[0, 1, 2, 3]

MIXED_VIDEO_LAYOUT_VALUES: set[MixedVideoLayout] = {
    0,
    1,
    2,
    3,
}


def check_mixed_video_layout(value: int) -> MixedVideoLayout:
    if value in MIXED_VIDEO_LAYOUT_VALUES:
        return cast(MixedVideoLayout, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MIXED_VIDEO_LAYOUT_VALUES!r}"
    )
