from typing import Literal, cast

Mode = Literal["individual", "mix", "web"]

MODE_VALUES: set[Mode] = {
    "individual",
    "mix",
    "web",
}


def check_mode(value: str) -> Mode:
    if value in MODE_VALUES:
        return cast(Mode, value)
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODE_VALUES!r}")
