from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.vod_api_data_video_data import VodApiDataVideoData


T = TypeVar("T", bound="VodApiData")


@_attrs_define
class VodApiData:
    """VoD metadata.

    Attributes:
        video_data (VodApiDataVideoData): Video metadata.
    """

    video_data: VodApiDataVideoData

    def to_dict(self) -> dict[str, Any]:
        video_data = self.video_data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "videoData": video_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vod_api_data_video_data import VodApiDataVideoData

        d = dict(src_dict)
        video_data = VodApiDataVideoData.from_dict(d.pop("videoData"))

        vod_api_data = cls(
            video_data=video_data,
        )

        return vod_api_data


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
VodApiData.__wire_names__ = {
    "video_data": "videoData",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
VodApiData.__secret_fields__ = frozenset(())
VodApiData.__repr__ = masked_repr
