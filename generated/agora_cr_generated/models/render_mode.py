from typing import Literal, cast

RenderMode = Literal[0, 1]

RENDER_MODE_VALUES: set[RenderMode] = {
    0,
    1,
}


def check_render_mode(value: int) -> RenderMode:
    if value in RENDER_MODE_VALUES:
        return cast(RenderMode, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RENDER_MODE_VALUES!r}"
    )
