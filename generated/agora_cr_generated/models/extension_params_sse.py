from typing import Literal, cast

ExtensionParamsSse = Literal["aes256", "kms"]

EXTENSION_PARAMS_SSE_VALUES: set[ExtensionParamsSse] = {
    "aes256",
    "kms",
}


def check_extension_params_sse(value: str) -> ExtensionParamsSse:
    if value in EXTENSION_PARAMS_SSE_VALUES:
        return cast(ExtensionParamsSse, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXTENSION_PARAMS_SSE_VALUES!r}"
    )
