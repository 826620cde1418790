from typing import Literal, cast

AppsCollectionCombinationPolicy = Literal["default", "postpone_transcoding"]

APPS_COLLECTION_COMBINATION_POLICY_VALUES: set[AppsCollectionCombinationPolicy] = {
    "default",
    "postpone_transcoding",
}


def check_apps_collection_combination_policy(
    value: str,
) -> AppsCollectionCombinationPolicy:
    if value in APPS_COLLECTION_COMBINATION_POLICY_VALUES:
        return cast(AppsCollectionCombinationPolicy, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {APPS_COLLECTION_COMBINATION_POLICY_VALUES!r}"
    )
