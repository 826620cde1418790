from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel_type import ChannelType, check_channel_type
from ..models.decryption_mode import DecryptionMode, check_decryption_mode
from ..models.stream_mode import StreamMode, check_stream_mode
from ..models.stream_types import StreamTypes, check_stream_types
from ..models.subscribe_uid_group import SubscribeUidGroup, check_subscribe_uid_group
from ..models.video_stream_type import VideoStreamType, check_video_stream_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndividualRecordingConfig")


@_attrs_define
class IndividualRecordingConfig:
    """Recording options for individual mode. `subscribeUidGroup` is not required (Agora's Go SDK drops it when 0; the
    docs' snapshot-and-record example omits it; default 0).

        Attributes:
            channel_type (ChannelType): `0` communication, `1` live broadcasting; must match the RTC SDK channel profile.
            decryption_mode (DecryptionMode | Unset): `0` none, `1` AES_128_XTS, `2` AES_128_ECB, `3` AES_256_XTS, `4`
                SM4_128_ECB, `5` AES_128_GCM, `6` AES_256_GCM, `7` AES_128_GCM2, `8` AES_256_GCM2.
            secret (str | Unset): Decryption key; required when `decryptionMode` is not 0. Secret.
            salt (str | Unset): Base64 of a 32-byte salt; required when `decryptionMode` is 7 or 8.
            max_idle_time (int | Unset): Seconds the recorder stays in a channel with no user (communication) or no host
                (live) before leaving.
            stream_types (StreamTypes | Unset): `0` audio only, `1` video only, `2` audio and video.
            video_stream_type (VideoStreamType | Unset): `0` high (major) stream, `1` low stream.
            subscribe_audio_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list is
                "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
                refuse it, so emptiness is a lint.
            un_subscribe_audio_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list
                is "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
                refuse it, so emptiness is a lint.
            unsubscribe_audio_uids (list[str] | Unset): Lower-case spelling of the current English docs; an alias of the
                `unSubscribe...` list (same checks).
            subscribe_video_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list is
                "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
                refuse it, so emptiness is a lint.
            un_subscribe_video_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list
                is "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
                refuse it, so emptiness is a lint.
            unsubscribe_video_uids (list[str] | Unset): Lower-case spelling of the current English docs; an alias of the
                `unSubscribe...` list (same checks).
            subscribe_uid_group (SubscribeUidGroup | Unset): Peak number of distinct subscribed UIDs: `0` 1-2, `1` 3-7, `2`
                8-12, `3` 13-17, `4` 18-32, `5` 33-49. Required in individual mode.
            stream_mode (StreamMode | Unset): `default` transcoded audio, separate audio/video M3U8; `standard` also a
                merged M3U8; `original` untranscoded audio (only with `streamTypes` 0).
    """

    channel_type: ChannelType
    decryption_mode: DecryptionMode | Unset = UNSET
    secret: str | Unset = UNSET
    salt: str | Unset = UNSET
    max_idle_time: int | Unset = UNSET
    stream_types: StreamTypes | Unset = UNSET
    video_stream_type: VideoStreamType | Unset = UNSET
    subscribe_audio_uids: list[str] | Unset = UNSET
    un_subscribe_audio_uids: list[str] | Unset = UNSET
    unsubscribe_audio_uids: list[str] | Unset = UNSET
    subscribe_video_uids: list[str] | Unset = UNSET
    un_subscribe_video_uids: list[str] | Unset = UNSET
    unsubscribe_video_uids: list[str] | Unset = UNSET
    subscribe_uid_group: SubscribeUidGroup | Unset = UNSET
    stream_mode: StreamMode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel_type: int = self.channel_type

        decryption_mode: int | Unset = UNSET
        if not isinstance(self.decryption_mode, Unset):
            decryption_mode = self.decryption_mode

        secret = self.secret

        salt = self.salt

        max_idle_time = self.max_idle_time

        stream_types: int | Unset = UNSET
        if not isinstance(self.stream_types, Unset):
            stream_types = self.stream_types

        video_stream_type: int | Unset = UNSET
        if not isinstance(self.video_stream_type, Unset):
            video_stream_type = self.video_stream_type

        subscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.subscribe_audio_uids, Unset):
            subscribe_audio_uids = self.subscribe_audio_uids

        un_subscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.un_subscribe_audio_uids, Unset):
            un_subscribe_audio_uids = self.un_subscribe_audio_uids

        unsubscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.unsubscribe_audio_uids, Unset):
            unsubscribe_audio_uids = self.unsubscribe_audio_uids

        subscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.subscribe_video_uids, Unset):
            subscribe_video_uids = self.subscribe_video_uids

        un_subscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.un_subscribe_video_uids, Unset):
            un_subscribe_video_uids = self.un_subscribe_video_uids

        unsubscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.unsubscribe_video_uids, Unset):
            unsubscribe_video_uids = self.unsubscribe_video_uids

        subscribe_uid_group: int | Unset = UNSET
        if not isinstance(self.subscribe_uid_group, Unset):
            subscribe_uid_group = self.subscribe_uid_group

        stream_mode: str | Unset = UNSET
        if not isinstance(self.stream_mode, Unset):
            stream_mode = self.stream_mode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channelType": channel_type,
            }
        )
        if decryption_mode is not UNSET:
            field_dict["decryptionMode"] = decryption_mode
        if secret is not UNSET:
            field_dict["secret"] = secret
        if salt is not UNSET:
            field_dict["salt"] = salt
        if max_idle_time is not UNSET:
            field_dict["maxIdleTime"] = max_idle_time
        if stream_types is not UNSET:
            field_dict["streamTypes"] = stream_types
        if video_stream_type is not UNSET:
            field_dict["videoStreamType"] = video_stream_type
        if subscribe_audio_uids is not UNSET:
            field_dict["subscribeAudioUids"] = subscribe_audio_uids
        if un_subscribe_audio_uids is not UNSET:
            field_dict["unSubscribeAudioUids"] = un_subscribe_audio_uids
        if unsubscribe_audio_uids is not UNSET:
            field_dict["unsubscribeAudioUids"] = unsubscribe_audio_uids
        if subscribe_video_uids is not UNSET:
            field_dict["subscribeVideoUids"] = subscribe_video_uids
        if un_subscribe_video_uids is not UNSET:
            field_dict["unSubscribeVideoUids"] = un_subscribe_video_uids
        if unsubscribe_video_uids is not UNSET:
            field_dict["unsubscribeVideoUids"] = unsubscribe_video_uids
        if subscribe_uid_group is not UNSET:
            field_dict["subscribeUidGroup"] = subscribe_uid_group
        if stream_mode is not UNSET:
            field_dict["streamMode"] = stream_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel_type = check_channel_type(d.pop("channelType"))

        _decryption_mode = d.pop("decryptionMode", UNSET)
        decryption_mode: DecryptionMode | Unset
        if isinstance(_decryption_mode, Unset):
            decryption_mode = UNSET
        else:
            decryption_mode = check_decryption_mode(_decryption_mode)

        secret = d.pop("secret", UNSET)

        salt = d.pop("salt", UNSET)

        max_idle_time = d.pop("maxIdleTime", UNSET)

        _stream_types = d.pop("streamTypes", UNSET)
        stream_types: StreamTypes | Unset
        if isinstance(_stream_types, Unset):
            stream_types = UNSET
        else:
            stream_types = check_stream_types(_stream_types)

        _video_stream_type = d.pop("videoStreamType", UNSET)
        video_stream_type: VideoStreamType | Unset
        if isinstance(_video_stream_type, Unset):
            video_stream_type = UNSET
        else:
            video_stream_type = check_video_stream_type(_video_stream_type)

        subscribe_audio_uids = cast(list[str], d.pop("subscribeAudioUids", UNSET))

        un_subscribe_audio_uids = cast(list[str], d.pop("unSubscribeAudioUids", UNSET))

        unsubscribe_audio_uids = cast(list[str], d.pop("unsubscribeAudioUids", UNSET))

        subscribe_video_uids = cast(list[str], d.pop("subscribeVideoUids", UNSET))

        un_subscribe_video_uids = cast(list[str], d.pop("unSubscribeVideoUids", UNSET))

        unsubscribe_video_uids = cast(list[str], d.pop("unsubscribeVideoUids", UNSET))

        _subscribe_uid_group = d.pop("subscribeUidGroup", UNSET)
        subscribe_uid_group: SubscribeUidGroup | Unset
        if isinstance(_subscribe_uid_group, Unset):
            subscribe_uid_group = UNSET
        else:
            subscribe_uid_group = check_subscribe_uid_group(_subscribe_uid_group)

        _stream_mode = d.pop("streamMode", UNSET)
        stream_mode: StreamMode | Unset
        if isinstance(_stream_mode, Unset):
            stream_mode = UNSET
        else:
            stream_mode = check_stream_mode(_stream_mode)

        individual_recording_config = cls(
            channel_type=channel_type,
            decryption_mode=decryption_mode,
            secret=secret,
            salt=salt,
            max_idle_time=max_idle_time,
            stream_types=stream_types,
            video_stream_type=video_stream_type,
            subscribe_audio_uids=subscribe_audio_uids,
            un_subscribe_audio_uids=un_subscribe_audio_uids,
            unsubscribe_audio_uids=unsubscribe_audio_uids,
            subscribe_video_uids=subscribe_video_uids,
            un_subscribe_video_uids=un_subscribe_video_uids,
            unsubscribe_video_uids=unsubscribe_video_uids,
            subscribe_uid_group=subscribe_uid_group,
            stream_mode=stream_mode,
        )

        return individual_recording_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
IndividualRecordingConfig.__wire_names__ = {
    "channel_type": "channelType",
    "decryption_mode": "decryptionMode",
    "secret": "secret",
    "salt": "salt",
    "max_idle_time": "maxIdleTime",
    "stream_types": "streamTypes",
    "video_stream_type": "videoStreamType",
    "subscribe_audio_uids": "subscribeAudioUids",
    "un_subscribe_audio_uids": "unSubscribeAudioUids",
    "unsubscribe_audio_uids": "unsubscribeAudioUids",
    "subscribe_video_uids": "subscribeVideoUids",
    "un_subscribe_video_uids": "unSubscribeVideoUids",
    "unsubscribe_video_uids": "unsubscribeVideoUids",
    "subscribe_uid_group": "subscribeUidGroup",
    "stream_mode": "streamMode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
IndividualRecordingConfig.__secret_fields__ = frozenset(
    (
        "secret",
        "salt",
    )
)
IndividualRecordingConfig.__repr__ = masked_repr
