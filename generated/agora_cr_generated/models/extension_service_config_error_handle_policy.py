from typing import Literal, cast

ExtensionServiceConfigErrorHandlePolicy = Literal["error_abort"]

EXTENSION_SERVICE_CONFIG_ERROR_HANDLE_POLICY_VALUES: set[
    ExtensionServiceConfigErrorHandlePolicy
] = {
    "error_abort",
}


def check_extension_service_config_error_handle_policy(
    value: str,
) -> ExtensionServiceConfigErrorHandlePolicy:
    if value in EXTENSION_SERVICE_CONFIG_ERROR_HANDLE_POLICY_VALUES:
        return cast(ExtensionServiceConfigErrorHandlePolicy, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXTENSION_SERVICE_CONFIG_ERROR_HANDLE_POLICY_VALUES!r}"
    )
