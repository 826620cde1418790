from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VodApiDataVideoData")


@_attrs_define
class VodApiDataVideoData:
    """Video metadata.

    Attributes:
        title (str): Video title.
        description (str | Unset): Video description.
        cover_url (str | Unset): An HTTP(S) URL.
    """

    title: str
    description: str | Unset = UNSET
    cover_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        cover_url = self.cover_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if cover_url is not UNSET:
            field_dict["coverUrl"] = cover_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        cover_url = d.pop("coverUrl", UNSET)

        vod_api_data_video_data = cls(
            title=title,
            description=description,
            cover_url=cover_url,
        )

        return vod_api_data_video_data


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
VodApiDataVideoData.__wire_names__ = {
    "title": "title",
    "description": "description",
    "cover_url": "coverUrl",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
VodApiDataVideoData.__secret_fields__ = frozenset(())
VodApiDataVideoData.__repr__ = masked_repr
