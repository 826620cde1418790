from typing import Literal, cast

ExtensionServiceName = Literal[
    "aliyun_vod_service", "rtmp_publish_service", "web_recorder_service"
]

EXTENSION_SERVICE_NAME_VALUES: set[ExtensionServiceName] = {
    "aliyun_vod_service",
    "rtmp_publish_service",
    "web_recorder_service",
}


def check_extension_service_name(value: str) -> ExtensionServiceName:
    if value in EXTENSION_SERVICE_NAME_VALUES:
        return cast(ExtensionServiceName, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXTENSION_SERVICE_NAME_VALUES!r}"
    )
