from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.apps_collection_combination_policy import (
    AppsCollectionCombinationPolicy,
    check_apps_collection_combination_policy,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppsCollection")


@_attrs_define
class AppsCollection:
    """Legacy postponed transcoding / audio mixing (individual mode).

    Attributes:
        combination_policy (AppsCollectionCombinationPolicy | Unset): `postpone_transcoding` for postponed transcoding
            or postponed audio mixing. Default: 'default'.
    """

    combination_policy: AppsCollectionCombinationPolicy | Unset = "default"

    def to_dict(self) -> dict[str, Any]:
        combination_policy: str | Unset = UNSET
        if not isinstance(self.combination_policy, Unset):
            combination_policy = self.combination_policy

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if combination_policy is not UNSET:
            field_dict["combinationPolicy"] = combination_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _combination_policy = d.pop("combinationPolicy", UNSET)
        combination_policy: AppsCollectionCombinationPolicy | Unset
        if isinstance(_combination_policy, Unset):
            combination_policy = UNSET
        else:
            combination_policy = check_apps_collection_combination_policy(
                _combination_policy
            )

        apps_collection = cls(
            combination_policy=combination_policy,
        )

        return apps_collection


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
AppsCollection.__wire_names__ = {
    "combination_policy": "combinationPolicy",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AppsCollection.__secret_fields__ = frozenset(())
AppsCollection.__repr__ = masked_repr
