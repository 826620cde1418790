from typing import Literal, cast

ChannelType = Literal[0, 1]

CHANNEL_TYPE_VALUES: set[ChannelType] = {
    0,
    1,
}


def check_channel_type(value: int) -> ChannelType:
    if value in CHANNEL_TYPE_VALUES:
        return cast(ChannelType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHANNEL_TYPE_VALUES!r}"
    )
