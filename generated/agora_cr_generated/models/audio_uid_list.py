from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioUidList")


@_attrs_define
class AudioUidList:
    """Audio subscription (only when `streamTypes` is 0 or 2).

    Attributes:
        subscribe_audio_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list is
            "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
            refuse it, so emptiness is a lint.
        un_subscribe_audio_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list
            is "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
            refuse it, so emptiness is a lint.
        unsubscribe_audio_uids (list[str] | Unset): Lower-case spelling of the current English docs; an alias of the
            `unSubscribe...` list (same checks).
    """

    subscribe_audio_uids: list[str] | Unset = UNSET
    un_subscribe_audio_uids: list[str] | Unset = UNSET
    unsubscribe_audio_uids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.subscribe_audio_uids, Unset):
            subscribe_audio_uids = self.subscribe_audio_uids

        un_subscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.un_subscribe_audio_uids, Unset):
            un_subscribe_audio_uids = self.un_subscribe_audio_uids

        unsubscribe_audio_uids: list[str] | Unset = UNSET
        if not isinstance(self.unsubscribe_audio_uids, Unset):
            unsubscribe_audio_uids = self.unsubscribe_audio_uids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if subscribe_audio_uids is not UNSET:
            field_dict["subscribeAudioUids"] = subscribe_audio_uids
        if un_subscribe_audio_uids is not UNSET:
            field_dict["unSubscribeAudioUids"] = un_subscribe_audio_uids
        if unsubscribe_audio_uids is not UNSET:
            field_dict["unsubscribeAudioUids"] = unsubscribe_audio_uids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscribe_audio_uids = cast(list[str], d.pop("subscribeAudioUids", UNSET))

        un_subscribe_audio_uids = cast(list[str], d.pop("unSubscribeAudioUids", UNSET))

        unsubscribe_audio_uids = cast(list[str], d.pop("unsubscribeAudioUids", UNSET))

        audio_uid_list = cls(
            subscribe_audio_uids=subscribe_audio_uids,
            un_subscribe_audio_uids=un_subscribe_audio_uids,
            unsubscribe_audio_uids=unsubscribe_audio_uids,
        )

        return audio_uid_list


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
AudioUidList.__wire_names__ = {
    "subscribe_audio_uids": "subscribeAudioUids",
    "un_subscribe_audio_uids": "unSubscribeAudioUids",
    "unsubscribe_audio_uids": "unsubscribeAudioUids",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AudioUidList.__secret_fields__ = frozenset(())
AudioUidList.__repr__ = masked_repr
