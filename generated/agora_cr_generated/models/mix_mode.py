from typing import Literal, cast

MixMode = Literal["mix"]

MIX_MODE_VALUES: set[MixMode] = {
    "mix",
}


def check_mix_mode(value: str) -> MixMode:
    if value in MIX_MODE_VALUES:
        return cast(MixMode, value)
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIX_MODE_VALUES!r}")
