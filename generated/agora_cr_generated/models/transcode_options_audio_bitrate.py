from typing import Literal, cast

TranscodeOptionsAudioBitrate = Literal["48000"]

TRANSCODE_OPTIONS_AUDIO_BITRATE_VALUES: set[TranscodeOptionsAudioBitrate] = {
    "48000",
}


def check_transcode_options_audio_bitrate(value: str) -> TranscodeOptionsAudioBitrate:
    if value in TRANSCODE_OPTIONS_AUDIO_BITRATE_VALUES:
        return cast(TranscodeOptionsAudioBitrate, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCODE_OPTIONS_AUDIO_BITRATE_VALUES!r}"
    )
