from typing import Literal, cast

AcquireClientRequestScene = Literal[0, 2]

ACQUIRE_CLIENT_REQUEST_SCENE_VALUES: set[AcquireClientRequestScene] = {
    0,
    2,
}


def check_acquire_client_request_scene(value: int) -> AcquireClientRequestScene:
    if value in ACQUIRE_CLIENT_REQUEST_SCENE_VALUES:
        return cast(AcquireClientRequestScene, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACQUIRE_CLIENT_REQUEST_SCENE_VALUES!r}"
    )
