from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.audio_profile import AudioProfile, check_audio_profile
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_container import MediaContainer


T = TypeVar("T", bound="WebRecorderParam")


@_attrs_define
class WebRecorderParam:
    """Parameters of `web_recorder_service`; `videoWidth * videoHeight` must not exceed 2073600.

    Attributes:
        url (str): An HTTP(S) URL.
        audio_profile (AudioProfile): `0` 48 kHz mono ~48 kbps, `1` 48 kHz mono ~128 kbps, `2` 48 kHz stereo ~192 kbps.
        video_width (int): Output width in pixels.
        video_height (int): Output height in pixels.
        max_recording_hour (int): Hours after which the recording stops by itself (keep it at most resourceExpiredHour).
        video_bitrate (int | Unset): Kbps; default 2000 at 1280x720 and above, else 1500 (the docs give no range).
        video_fps (int | Unset): Frame rate. Default: 15.
        mobile (bool | Unset): Render the page as on a mobile device. Default: False.
        max_video_duration (int | Unset): MP4 slice length in minutes. Default: 120.
        onhold (bool | Unset): Start paused (page loaded, no slices); resume with `update`. Default: False.
        ready_timeout (int | Unset): Seconds to wait for the page to report ready; 0 disables the check. Default: 0.
        container (MediaContainer | Unset): Legacy container options (string values).
    """

    url: str
    audio_profile: AudioProfile
    video_width: int
    video_height: int
    max_recording_hour: int
    video_bitrate: int | Unset = UNSET
    video_fps: int | Unset = 15
    mobile: bool | Unset = False
    max_video_duration: int | Unset = 120
    onhold: bool | Unset = False
    ready_timeout: int | Unset = 0
    container: MediaContainer | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        audio_profile: int = self.audio_profile

        video_width = self.video_width

        video_height = self.video_height

        max_recording_hour = self.max_recording_hour

        video_bitrate = self.video_bitrate

        video_fps = self.video_fps

        mobile = self.mobile

        max_video_duration = self.max_video_duration

        onhold = self.onhold

        ready_timeout = self.ready_timeout

        container: dict[str, Any] | Unset = UNSET
        if not isinstance(self.container, Unset):
            container = self.container.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "audioProfile": audio_profile,
                "videoWidth": video_width,
                "videoHeight": video_height,
                "maxRecordingHour": max_recording_hour,
            }
        )
        if video_bitrate is not UNSET:
            field_dict["videoBitrate"] = video_bitrate
        if video_fps is not UNSET:
            field_dict["videoFps"] = video_fps
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if max_video_duration is not UNSET:
            field_dict["maxVideoDuration"] = max_video_duration
        if onhold is not UNSET:
            field_dict["onhold"] = onhold
        if ready_timeout is not UNSET:
            field_dict["readyTimeout"] = ready_timeout
        if container is not UNSET:
            field_dict["container"] = container

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.media_container import MediaContainer

        d = dict(src_dict)
        url = d.pop("url")

        audio_profile = check_audio_profile(d.pop("audioProfile"))

        video_width = d.pop("videoWidth")

        video_height = d.pop("videoHeight")

        max_recording_hour = d.pop("maxRecordingHour")

        video_bitrate = d.pop("videoBitrate", UNSET)

        video_fps = d.pop("videoFps", UNSET)

        mobile = d.pop("mobile", UNSET)

        max_video_duration = d.pop("maxVideoDuration", UNSET)

        onhold = d.pop("onhold", UNSET)

        ready_timeout = d.pop("readyTimeout", UNSET)

        _container = d.pop("container", UNSET)
        container: MediaContainer | Unset
        if isinstance(_container, Unset):
            container = UNSET
        else:
            container = MediaContainer.from_dict(_container)

        web_recorder_param = cls(
            url=url,
            audio_profile=audio_profile,
            video_width=video_width,
            video_height=video_height,
            max_recording_hour=max_recording_hour,
            video_bitrate=video_bitrate,
            video_fps=video_fps,
            mobile=mobile,
            max_video_duration=max_video_duration,
            onhold=onhold,
            ready_timeout=ready_timeout,
            container=container,
        )

        return web_recorder_param


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
WebRecorderParam.__wire_names__ = {
    "url": "url",
    "audio_profile": "audioProfile",
    "video_width": "videoWidth",
    "video_height": "videoHeight",
    "max_recording_hour": "maxRecordingHour",
    "video_bitrate": "videoBitrate",
    "video_fps": "videoFps",
    "mobile": "mobile",
    "max_video_duration": "maxVideoDuration",
    "onhold": "onhold",
    "ready_timeout": "readyTimeout",
    "container": "container",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebRecorderParam.__secret_fields__ = frozenset(())
WebRecorderParam.__repr__ = masked_repr
