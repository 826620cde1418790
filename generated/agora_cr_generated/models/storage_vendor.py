from typing import Literal, cast

StorageVendor = Literal[0, 1, 2, 3, 4, 5, 6, 7, 8, 11]

STORAGE_VENDOR_VALUES: set[StorageVendor] = {
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    11,
}


def check_storage_vendor(value: int) -> StorageVendor:
    if value in STORAGE_VENDOR_VALUES:
        return cast(StorageVendor, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STORAGE_VENDOR_VALUES!r}"
    )
