from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.render_mode import RenderMode, check_render_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserBackground")


@_attrs_define
class UserBackground:
    """Background image shown for one user whose video is off.

    Attributes:
        uid (str): A 32-bit unsigned integer 1..4294967295 written as a decimal string (not 0, no leading zeros); must
            not collide with a user in the channel. Example: 527841.
        image_url (str): An HTTP(S) URL.
        render_mode (RenderMode | Unset): `0` crop to fill, `1` fit (letterbox).
    """

    uid: str
    image_url: str
    render_mode: RenderMode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        image_url = self.image_url

        render_mode: int | Unset = UNSET
        if not isinstance(self.render_mode, Unset):
            render_mode = self.render_mode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "uid": uid,
                "image_url": image_url,
            }
        )
        if render_mode is not UNSET:
            field_dict["render_mode"] = render_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uid = d.pop("uid")

        image_url = d.pop("image_url")

        _render_mode = d.pop("render_mode", UNSET)
        render_mode: RenderMode | Unset
        if isinstance(_render_mode, Unset):
            render_mode = UNSET
        else:
            render_mode = check_render_mode(_render_mode)

        user_background = cls(
            uid=uid,
            image_url=image_url,
            render_mode=render_mode,
        )

        return user_background


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
UserBackground.__wire_names__ = {
    "uid": "uid",
    "image_url": "image_url",
    "render_mode": "render_mode",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
UserBackground.__secret_fields__ = frozenset(())
UserBackground.__repr__ = masked_repr
