from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_uid_list import AudioUidList
    from ..models.video_uid_list import VideoUidList


T = TypeVar("T", bound="StreamSubscribe")


@_attrs_define
class StreamSubscribe:
    """New subscription lists (individual and mix modes).

    Attributes:
        audio_uid_list (AudioUidList | Unset): Audio subscription (only when `streamTypes` is 0 or 2).
        video_uid_list (VideoUidList | Unset): Video subscription (only when `streamTypes` is 1 or 2).
    """

    audio_uid_list: AudioUidList | Unset = UNSET
    video_uid_list: VideoUidList | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        audio_uid_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio_uid_list, Unset):
            audio_uid_list = self.audio_uid_list.to_dict()

        video_uid_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.video_uid_list, Unset):
            video_uid_list = self.video_uid_list.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if audio_uid_list is not UNSET:
            field_dict["audioUidList"] = audio_uid_list
        if video_uid_list is not UNSET:
            field_dict["videoUidList"] = video_uid_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio_uid_list import AudioUidList
        from ..models.video_uid_list import VideoUidList

        d = dict(src_dict)
        _audio_uid_list = d.pop("audioUidList", UNSET)
        audio_uid_list: AudioUidList | Unset
        if isinstance(_audio_uid_list, Unset):
            audio_uid_list = UNSET
        else:
            audio_uid_list = AudioUidList.from_dict(_audio_uid_list)

        _video_uid_list = d.pop("videoUidList", UNSET)
        video_uid_list: VideoUidList | Unset
        if isinstance(_video_uid_list, Unset):
            video_uid_list = UNSET
        else:
            video_uid_list = VideoUidList.from_dict(_video_uid_list)

        stream_subscribe = cls(
            audio_uid_list=audio_uid_list,
            video_uid_list=video_uid_list,
        )

        return stream_subscribe


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StreamSubscribe.__wire_names__ = {
    "audio_uid_list": "audioUidList",
    "video_uid_list": "videoUidList",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StreamSubscribe.__secret_fields__ = frozenset(())
StreamSubscribe.__repr__ = masked_repr
