from typing import Literal, cast

AcquireWebClientRequestScene = Literal[1]

ACQUIRE_WEB_CLIENT_REQUEST_SCENE_VALUES: set[AcquireWebClientRequestScene] = {
    1,
}


def check_acquire_web_client_request_scene(value: int) -> AcquireWebClientRequestScene:
    if value in ACQUIRE_WEB_CLIENT_REQUEST_SCENE_VALUES:
        return cast(AcquireWebClientRequestScene, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACQUIRE_WEB_CLIENT_REQUEST_SCENE_VALUES!r}"
    )
