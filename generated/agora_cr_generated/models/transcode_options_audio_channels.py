from typing import Literal, cast

TranscodeOptionsAudioChannels = Literal["1", "2"]

TRANSCODE_OPTIONS_AUDIO_CHANNELS_VALUES: set[TranscodeOptionsAudioChannels] = {
    "1",
    "2",
}


def check_transcode_options_audio_channels(value: str) -> TranscodeOptionsAudioChannels:
    if value in TRANSCODE_OPTIONS_AUDIO_CHANNELS_VALUES:
        return cast(TranscodeOptionsAudioChannels, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCODE_OPTIONS_AUDIO_CHANNELS_VALUES!r}"
    )
