from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.acquire_client_request_scene import (
    AcquireClientRequestScene,
    check_acquire_client_request_scene,
)
from ..models.acquire_region import AcquireRegion, check_acquire_region
from ..models.region_affinity import RegionAffinity, check_region_affinity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acquire_client_request_start_parameter import (
        AcquireClientRequestStartParameter,
    )


T = TypeVar("T", bound="AcquireClientRequest")


@_attrs_define
class AcquireClientRequest:
    """Acquire options for individual and mix modes. Send at least `{}`.

    Attributes:
        scene (AcquireClientRequestScene | Unset): `0` real-time audio/video recording; `2` legacy postponed transcoding
            (individual only). Default: 0.
        resource_expired_hour (int | Unset): Hours, counted from when `start` returns the sid, during which
            query/update/updateLayout/stop may be called.
        exclude_resource_ids (list[str] | Unset): Resource IDs of other running tasks whose Agora region must be avoided
            (cross-region redundant recording).
        region (AcquireRegion | Unset): Restricts the Agora region of the recorder; `CN` mainland China, `AP` Asia ex-
            CN, `EU` Europe, `NA` North America. Must match the storage geography.
        region_affinity (RegionAffinity | Unset): Preferred region (Shengwang docs): `0` nearest the caller, `1` China,
            `2` Southeast Asia, `3` Europe, `4` North America.
        start_parameter (AcquireClientRequestStartParameter | Unset): Optional pre-declaration of the later
            `start.clientRequest`, which must be identical to it; checked against the start schema of the recording's mode
            (individual or mix, see `x-agora-rules`).
    """

    scene: AcquireClientRequestScene | Unset = 0
    resource_expired_hour: int | Unset = UNSET
    exclude_resource_ids: list[str] | Unset = UNSET
    region: AcquireRegion | Unset = UNSET
    region_affinity: RegionAffinity | Unset = UNSET
    start_parameter: AcquireClientRequestStartParameter | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scene: int | Unset = UNSET
        if not isinstance(self.scene, Unset):
            scene = self.scene

        resource_expired_hour = self.resource_expired_hour

        exclude_resource_ids: list[str] | Unset = UNSET
        if not isinstance(self.exclude_resource_ids, Unset):
            exclude_resource_ids = self.exclude_resource_ids

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region

        region_affinity: int | Unset = UNSET
        if not isinstance(self.region_affinity, Unset):
            region_affinity = self.region_affinity

        start_parameter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.start_parameter, Unset):
            start_parameter = self.start_parameter.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if scene is not UNSET:
            field_dict["scene"] = scene
        if resource_expired_hour is not UNSET:
            field_dict["resourceExpiredHour"] = resource_expired_hour
        if exclude_resource_ids is not UNSET:
            field_dict["excludeResourceIds"] = exclude_resource_ids
        if region is not UNSET:
            field_dict["region"] = region
        if region_affinity is not UNSET:
            field_dict["regionAffinity"] = region_affinity
        if start_parameter is not UNSET:
            field_dict["startParameter"] = start_parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acquire_client_request_start_parameter import (
            AcquireClientRequestStartParameter,
        )

        d = dict(src_dict)
        _scene = d.pop("scene", UNSET)
        scene: AcquireClientRequestScene | Unset
        if isinstance(_scene, Unset):
            scene = UNSET
        else:
            scene = check_acquire_client_request_scene(_scene)

        resource_expired_hour = d.pop("resourceExpiredHour", UNSET)

        exclude_resource_ids = cast(list[str], d.pop("excludeResourceIds", UNSET))

        _region = d.pop("region", UNSET)
        region: AcquireRegion | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = check_acquire_region(_region)

        _region_affinity = d.pop("regionAffinity", UNSET)
        region_affinity: RegionAffinity | Unset
        if isinstance(_region_affinity, Unset):
            region_affinity = UNSET
        else:
            region_affinity = check_region_affinity(_region_affinity)

        _start_parameter = d.pop("startParameter", UNSET)
        start_parameter: AcquireClientRequestStartParameter | Unset
        if isinstance(_start_parameter, Unset):
            start_parameter = UNSET
        else:
            start_parameter = AcquireClientRequestStartParameter.from_dict(
                _start_parameter
            )

        acquire_client_request = cls(
            scene=scene,
            resource_expired_hour=resource_expired_hour,
            exclude_resource_ids=exclude_resource_ids,
            region=region,
            region_affinity=region_affinity,
            start_parameter=start_parameter,
        )

        return acquire_client_request


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
AcquireClientRequest.__wire_names__ = {
    "scene": "scene",
    "resource_expired_hour": "resourceExpiredHour",
    "exclude_resource_ids": "excludeResourceIds",
    "region": "region",
    "region_affinity": "regionAffinity",
    "start_parameter": "startParameter",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AcquireClientRequest.__secret_fields__ = frozenset(())
AcquireClientRequest.__repr__ = masked_repr
