from typing import Literal, cast

AcquireRegion = Literal["AP", "CN", "EU", "NA"]

ACQUIRE_REGION_VALUES: set[AcquireRegion] = {
    "AP",
    "CN",
    "EU",
    "NA",
}


def check_acquire_region(value: str) -> AcquireRegion:
    if value in ACQUIRE_REGION_VALUES:
        return cast(AcquireRegion, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACQUIRE_REGION_VALUES!r}"
    )
