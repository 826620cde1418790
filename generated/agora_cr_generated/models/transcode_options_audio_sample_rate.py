from typing import Literal, cast

TranscodeOptionsAudioSampleRate = Literal["16000", "32000", "48000"]

TRANSCODE_OPTIONS_AUDIO_SAMPLE_RATE_VALUES: set[TranscodeOptionsAudioSampleRate] = {
    "16000",
    "32000",
    "48000",
}


def check_transcode_options_audio_sample_rate(
    value: str,
) -> TranscodeOptionsAudioSampleRate:
    if value in TRANSCODE_OPTIONS_AUDIO_SAMPLE_RATE_VALUES:
        return cast(TranscodeOptionsAudioSampleRate, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCODE_OPTIONS_AUDIO_SAMPLE_RATE_VALUES!r}"
    )
