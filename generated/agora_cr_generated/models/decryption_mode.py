from typing import Literal, cast

DecryptionMode = Literal[0, 1, 2, 3, 4, 5, 6, 7, 8]

DECRYPTION_MODE_VALUES: set[DecryptionMode] = {
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
}


def check_decryption_mode(value: int) -> DecryptionMode:
    if value in DECRYPTION_MODE_VALUES:
        return cast(DecryptionMode, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DECRYPTION_MODE_VALUES!r}"
    )
