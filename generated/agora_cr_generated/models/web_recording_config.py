from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebRecordingConfig")


@_attrs_define
class WebRecordingConfig:
    """Pause or resume web recording (`onhold` is optional in the update page).

    Attributes:
        onhold (bool | Unset): `true` pauses (no slices), `false` resumes. Default: False.
    """

    onhold: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        onhold = self.onhold

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if onhold is not UNSET:
            field_dict["onhold"] = onhold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        onhold = d.pop("onhold", UNSET)

        web_recording_config = cls(
            onhold=onhold,
        )

        return web_recording_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
WebRecordingConfig.__wire_names__ = {
    "onhold": "onhold",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
WebRecordingConfig.__secret_fields__ = frozenset(())
WebRecordingConfig.__repr__ = masked_repr
