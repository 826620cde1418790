from typing import Literal, cast

TranscodeOptionsTransConfigTransMode = Literal["audioMix", "postponeTranscoding"]

TRANSCODE_OPTIONS_TRANS_CONFIG_TRANS_MODE_VALUES: set[
    TranscodeOptionsTransConfigTransMode
] = {
    "audioMix",
    "postponeTranscoding",
}


def check_transcode_options_trans_config_trans_mode(
    value: str,
) -> TranscodeOptionsTransConfigTransMode:
    if value in TRANSCODE_OPTIONS_TRANS_CONFIG_TRANS_MODE_VALUES:
        return cast(TranscodeOptionsTransConfigTransMode, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCODE_OPTIONS_TRANS_CONFIG_TRANS_MODE_VALUES!r}"
    )
