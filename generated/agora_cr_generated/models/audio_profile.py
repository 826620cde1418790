from typing import Literal, cast

AudioProfile = Literal[0, 1, 2]

AUDIO_PROFILE_VALUES: set[AudioProfile] = {
    0,
    1,
    2,
}


def check_audio_profile(value: int) -> AudioProfile:
    if value in AUDIO_PROFILE_VALUES:
        return cast(AudioProfile, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUDIO_PROFILE_VALUES!r}"
    )
