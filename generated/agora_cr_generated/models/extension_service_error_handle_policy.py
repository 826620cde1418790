from typing import Literal, cast

ExtensionServiceErrorHandlePolicy = Literal["error_abort", "error_ignore"]

EXTENSION_SERVICE_ERROR_HANDLE_POLICY_VALUES: set[ExtensionServiceErrorHandlePolicy] = {
    "error_abort",
    "error_ignore",
}


def check_extension_service_error_handle_policy(
    value: str,
) -> ExtensionServiceErrorHandlePolicy:
    if value in EXTENSION_SERVICE_ERROR_HANDLE_POLICY_VALUES:
        return cast(ExtensionServiceErrorHandlePolicy, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXTENSION_SERVICE_ERROR_HANDLE_POLICY_VALUES!r}"
    )
