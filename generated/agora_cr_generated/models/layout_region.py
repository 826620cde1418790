from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.render_mode import RenderMode, check_render_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="LayoutRegion")


@_attrs_define
class LayoutRegion:
    """One window of a custom layout; coordinates are fractions of the canvas.

    Attributes:
        x_axis (float): Left edge, 0.0-1.0.
        y_axis (float): Top edge, 0.0-1.0.
        width (float): Width, 0.0-1.0.
        height (float): Height, 0.0-1.0.
        uid (str | Unset): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading
            zeros); must not collide with a user in the channel. Example: 527841.
        alpha (float | Unset): Opacity, 0.0-1.0. Default: 1.0.
        render_mode (RenderMode | Unset): `0` crop to fill, `1` fit (letterbox).
    """

    x_axis: float
    y_axis: float
    width: float
    height: float
    uid: str | Unset = UNSET
    alpha: float | Unset = 1.0
    render_mode: RenderMode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        x_axis = self.x_axis

        y_axis = self.y_axis

        width = self.width

        height = self.height

        uid = self.uid

        alpha = self.alpha

        render_mode: int | Unset = UNSET
        if not isinstance(self.render_mode, Unset):
            render_mode = self.render_mode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "x_axis": x_axis,
                "y_axis": y_axis,
                "width": width,
                "height": height,
            }
        )
        if uid is not UNSET:
            field_dict["uid"] = uid
        if alpha is not UNSET:
            field_dict["alpha"] = alpha
        if render_mode is not UNSET:
            field_dict["render_mode"] = render_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        x_axis = d.pop("x_axis")

        y_axis = d.pop("y_axis")

        width = d.pop("width")

        height = d.pop("height")

        uid = d.pop("uid", UNSET)

        alpha = d.pop("alpha", UNSET)

        _render_mode = d.pop("render_mode", UNSET)
        render_mode: RenderMode | Unset
        if isinstance(_render_mode, Unset):
            render_mode = UNSET
        else:
            render_mode = check_render_mode(_render_mode)

        layout_region = cls(
            x_axis=x_axis,
            y_axis=y_axis,
            width=width,
            height=height,
            uid=uid,
            alpha=alpha,
            render_mode=render_mode,
        )

        return layout_region


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
LayoutRegion.__wire_names__ = {
    "x_axis": "x_axis",
    "y_axis": "y_axis",
    "width": "width",
    "height": "height",
    "uid": "uid",
    "alpha": "alpha",
    "render_mode": "render_mode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
LayoutRegion.__secret_fields__ = frozenset(())
LayoutRegion.__repr__ = masked_repr
