from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.transcode_options_audio_bitrate import (
    TranscodeOptionsAudioBitrate,
    check_transcode_options_audio_bitrate,
)
from ..models.transcode_options_audio_channels import (
    TranscodeOptionsAudioChannels,
    check_transcode_options_audio_channels,
)
from ..models.transcode_options_audio_sample_rate import (
    TranscodeOptionsAudioSampleRate,
    check_transcode_options_audio_sample_rate,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TranscodeOptionsAudio")


@_attrs_define
class TranscodeOptionsAudio:
    """Audio options (audio mixing only).

    Attributes:
        sample_rate (TranscodeOptionsAudioSampleRate | Unset): Sample rate in Hz. Default: '48000'.
        bitrate (TranscodeOptionsAudioBitrate | Unset): Bitrate in bps. Default: '48000'.
        channels (TranscodeOptionsAudioChannels | Unset): Channel count. Default: '2'.
    """

    sample_rate: TranscodeOptionsAudioSampleRate | Unset = "48000"
    bitrate: TranscodeOptionsAudioBitrate | Unset = "48000"
    channels: TranscodeOptionsAudioChannels | Unset = "2"

    def to_dict(self) -> dict[str, Any]:
        sample_rate: str | Unset = UNSET
        if not isinstance(self.sample_rate, Unset):
            sample_rate = self.sample_rate

        bitrate: str | Unset = UNSET
        if not isinstance(self.bitrate, Unset):
            bitrate = self.bitrate

        channels: str | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if bitrate is not UNSET:
            field_dict["bitrate"] = bitrate
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _sample_rate = d.pop("sampleRate", UNSET)
        sample_rate: TranscodeOptionsAudioSampleRate | Unset
        if isinstance(_sample_rate, Unset):
            sample_rate = UNSET
        else:
            sample_rate = check_transcode_options_audio_sample_rate(_sample_rate)

        _bitrate = d.pop("bitrate", UNSET)
        bitrate: TranscodeOptionsAudioBitrate | Unset
        if isinstance(_bitrate, Unset):
            bitrate = UNSET
        else:
            bitrate = check_transcode_options_audio_bitrate(_bitrate)

        _channels = d.pop("channels", UNSET)
        channels: TranscodeOptionsAudioChannels | Unset
        if isinstance(_channels, Unset):
            channels = UNSET
        else:
            channels = check_transcode_options_audio_channels(_channels)

        transcode_options_audio = cls(
            sample_rate=sample_rate,
            bitrate=bitrate,
            channels=channels,
        )

        return transcode_options_audio


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
TranscodeOptionsAudio.__wire_names__ = {
    "sample_rate": "sampleRate",
    "bitrate": "bitrate",
    "channels": "channels",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscodeOptionsAudio.__secret_fields__ = frozenset(())
TranscodeOptionsAudio.__repr__ = masked_repr
