from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoUidList")


@_attrs_define
class VideoUidList:
    """Video subscription (only when `streamTypes` is 1 or 2).

    Attributes:
        subscribe_video_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list is
            "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
            refuse it, so emptiness is a lint.
        un_subscribe_video_uids (list[str] | Unset): At most 32 UIDs; `["#allstream#"]` means every user. An empty list
            is "not recommended" at start and "must not be empty" at update ([ZH-2023]); the service is not documented to
            refuse it, so emptiness is a lint.
        unsubscribe_video_uids (list[str] | Unset): Lower-case spelling of the current English docs; an alias of the
            `unSubscribe...` list (same checks).
    """

    subscribe_video_uids: list[str] | Unset = UNSET
    un_subscribe_video_uids: list[str] | Unset = UNSET
    unsubscribe_video_uids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.subscribe_video_uids, Unset):
            subscribe_video_uids = self.subscribe_video_uids

        un_subscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.un_subscribe_video_uids, Unset):
            un_subscribe_video_uids = self.un_subscribe_video_uids

        unsubscribe_video_uids: list[str] | Unset = UNSET
        if not isinstance(self.unsubscribe_video_uids, Unset):
            unsubscribe_video_uids = self.unsubscribe_video_uids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if subscribe_video_uids is not UNSET:
            field_dict["subscribeVideoUids"] = subscribe_video_uids
        if un_subscribe_video_uids is not UNSET:
            field_dict["unSubscribeVideoUids"] = un_subscribe_video_uids
        if unsubscribe_video_uids is not UNSET:
            field_dict["unsubscribeVideoUids"] = unsubscribe_video_uids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscribe_video_uids = cast(list[str], d.pop("subscribeVideoUids", UNSET))

        un_subscribe_video_uids = cast(list[str], d.pop("unSubscribeVideoUids", UNSET))

        unsubscribe_video_uids = cast(list[str], d.pop("unsubscribeVideoUids", UNSET))

        video_uid_list = cls(
            subscribe_video_uids=subscribe_video_uids,
            un_subscribe_video_uids=un_subscribe_video_uids,
            unsubscribe_video_uids=unsubscribe_video_uids,
        )

        return video_uid_list


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
VideoUidList.__wire_names__ = {
    "subscribe_video_uids": "subscribeVideoUids",
    "un_subscribe_video_uids": "unSubscribeVideoUids",
    "unsubscribe_video_uids": "unsubscribeVideoUids",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
VideoUidList.__secret_fields__ = frozenset(())
VideoUidList.__repr__ = masked_repr
