from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.mixed_video_layout import MixedVideoLayout, check_mixed_video_layout
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.layout_region import LayoutRegion
    from ..models.user_background import UserBackground


T = TypeVar("T", bound="TranscodingConfig")


@_attrs_define
class TranscodingConfig:
    """Composite video settings (mix mode only); `width * height` must not exceed 1920 * 1080.

    Attributes:
        width (int | Unset): Canvas width in pixels (the 16 px minimum is a lint: the docs state none). Default: 360.
        height (int | Unset): Canvas height in pixels (the 16 px minimum is a lint: the docs state none). Default: 640.
        fps (int | Unset): Frame rate: 1, 7, 10, 15, 24, 30 or 60; the service uses 15 for other values (video-profile
            guide). Default: 15.
        bitrate (int | Unset): Bitrate in kbps; the video-profile guide gives 6500 as the maximum (the REST pages give
            no range). Default: 500.
        max_resolution_uid (str | Unset): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no
            leading zeros); must not collide with a user in the channel. Example: 527841.
        mixed_video_layout (MixedVideoLayout | Unset): `0` floating, `1` best fit, `2` vertical (needs
            `maxResolutionUid`), `3` custom (`layoutConfig`). At most 17 windows.
        background_color (str | Unset): Colour as `#RRGGBB`.
        background_image (str | Unset): An HTTP(S) URL.
        default_user_background_image (str | Unset): An HTTP(S) URL.
        layout_config (list[LayoutRegion] | Unset): Custom layout regions (at most 17), used when `mixedVideoLayout` is
            3.
        background_config (list[UserBackground] | Unset): Per-user background images.
    """

    width: int | Unset = 360
    height: int | Unset = 640
    fps: int | Unset = 15
    bitrate: int | Unset = 500
    max_resolution_uid: str | Unset = UNSET
    mixed_video_layout: MixedVideoLayout | Unset = UNSET
    background_color: str | Unset = UNSET
    background_image: str | Unset = UNSET
    default_user_background_image: str | Unset = UNSET
    layout_config: list[LayoutRegion] | Unset = UNSET
    background_config: list[UserBackground] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        width = self.width

        height = self.height

        fps = self.fps

        bitrate = self.bitrate

        max_resolution_uid = self.max_resolution_uid

        mixed_video_layout: int | Unset = UNSET
        if not isinstance(self.mixed_video_layout, Unset):
            mixed_video_layout = self.mixed_video_layout

        background_color = self.background_color

        background_image = self.background_image

        default_user_background_image = self.default_user_background_image

        layout_config: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.layout_config, Unset):
            layout_config = []
            for componentsschemas_layout_config_item_data in self.layout_config:
                componentsschemas_layout_config_item = (
                    componentsschemas_layout_config_item_data.to_dict()
                )
                layout_config.append(componentsschemas_layout_config_item)

        background_config: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.background_config, Unset):
            background_config = []
            for componentsschemas_background_config_item_data in self.background_config:
                componentsschemas_background_config_item = (
                    componentsschemas_background_config_item_data.to_dict()
                )
                background_config.append(componentsschemas_background_config_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if fps is not UNSET:
            field_dict["fps"] = fps
        if bitrate is not UNSET:
            field_dict["bitrate"] = bitrate
        if max_resolution_uid is not UNSET:
            field_dict["maxResolutionUid"] = max_resolution_uid
        if mixed_video_layout is not UNSET:
            field_dict["mixedVideoLayout"] = mixed_video_layout
        if background_color is not UNSET:
            field_dict["backgroundColor"] = background_color
        if background_image is not UNSET:
            field_dict["backgroundImage"] = background_image
        if default_user_background_image is not UNSET:
            field_dict["defaultUserBackgroundImage"] = default_user_background_image
        if layout_config is not UNSET:
            field_dict["layoutConfig"] = layout_config
        if background_config is not UNSET:
            field_dict["backgroundConfig"] = background_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.layout_region import LayoutRegion
        from ..models.user_background import UserBackground

        d = dict(src_dict)
        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        fps = d.pop("fps", UNSET)

        bitrate = d.pop("bitrate", UNSET)

        max_resolution_uid = d.pop("maxResolutionUid", UNSET)

        _mixed_video_layout = d.pop("mixedVideoLayout", UNSET)
        mixed_video_layout: MixedVideoLayout | Unset
        if isinstance(_mixed_video_layout, Unset):
            mixed_video_layout = UNSET
        else:
            mixed_video_layout = check_mixed_video_layout(_mixed_video_layout)

        background_color = d.pop("backgroundColor", UNSET)

        background_image = d.pop("backgroundImage", UNSET)

        default_user_background_image = d.pop("defaultUserBackgroundImage", UNSET)

        _layout_config = d.pop("layoutConfig", UNSET)
        layout_config: list[LayoutRegion] | Unset = UNSET
        if _layout_config is not UNSET:
            layout_config = []
            for componentsschemas_layout_config_item_data in _layout_config:
                componentsschemas_layout_config_item = LayoutRegion.from_dict(
                    componentsschemas_layout_config_item_data
                )

                layout_config.append(componentsschemas_layout_config_item)

        _background_config = d.pop("backgroundConfig", UNSET)
        background_config: list[UserBackground] | Unset = UNSET
        if _background_config is not UNSET:
            background_config = []
            for componentsschemas_background_config_item_data in _background_config:
                componentsschemas_background_config_item = UserBackground.from_dict(
                    componentsschemas_background_config_item_data
                )

                background_config.append(componentsschemas_background_config_item)

        transcoding_config = cls(
            width=width,
            height=height,
            fps=fps,
            bitrate=bitrate,
            max_resolution_uid=max_resolution_uid,
            mixed_video_layout=mixed_video_layout,
            background_color=background_color,
            background_image=background_image,
            default_user_background_image=default_user_background_image,
            layout_config=layout_config,
            background_config=background_config,
        )

        return transcoding_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
TranscodingConfig.__wire_names__ = {
    "width": "width",
    "height": "height",
    "fps": "fps",
    "bitrate": "bitrate",
    "max_resolution_uid": "maxResolutionUid",
    "mixed_video_layout": "mixedVideoLayout",
    "background_color": "backgroundColor",
    "background_image": "backgroundImage",
    "default_user_background_image": "defaultUserBackgroundImage",
    "layout_config": "layoutConfig",
    "background_config": "backgroundConfig",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscodingConfig.__secret_fields__ = frozenset(())
TranscodingConfig.__repr__ = masked_repr
