from typing import Literal, cast

SubscribeUidGroup = Literal[0, 1, 2, 3, 4, 5]

SUBSCRIBE_UID_GROUP_VALUES: set[SubscribeUidGroup] = {
    0,
    1,
    2,
    3,
    4,
    5,
}


def check_subscribe_uid_group(value: int) -> SubscribeUidGroup:
    if value in SUBSCRIBE_UID_GROUP_VALUES:
        return cast(SubscribeUidGroup, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIBE_UID_GROUP_VALUES!r}"
    )
