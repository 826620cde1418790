from typing import Literal, cast

RegionAffinity = Literal[0, 1, 2, 3, 4]

REGION_AFFINITY_VALUES: set[RegionAffinity] = {
    0,
    1,
    2,
    3,
    4,
}


def check_region_affinity(value: int) -> RegionAffinity:
    if value in REGION_AFFINITY_VALUES:
        return cast(RegionAffinity, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REGION_AFFINITY_VALUES!r}"
    )
