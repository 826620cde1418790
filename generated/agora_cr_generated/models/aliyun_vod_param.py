from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.vod_api_data import VodApiData


T = TypeVar("T", bound="AliyunVodParam")


@_attrs_define
class AliyunVodParam:
    """Legacy ApsaraVideo for VoD upload (mix mode).

    Attributes:
        access_key (str): Access key. Secret.
        secret_key (str): Secret key. Secret.
        region_id (str): Region such as `cn-shanghai`.
        api_data (VodApiData): VoD metadata.
    """

    access_key: str
    secret_key: str
    region_id: str
    api_data: VodApiData

    def to_dict(self) -> dict[str, Any]:
        access_key = self.access_key

        secret_key = self.secret_key

        region_id = self.region_id

        api_data = self.api_data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accessKey": access_key,
                "secretKey": secret_key,
                "regionId": region_id,
                "apiData": api_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vod_api_data import VodApiData

        d = dict(src_dict)
        access_key = d.pop("accessKey")

        secret_key = d.pop("secretKey")

        region_id = d.pop("regionId")

        api_data = VodApiData.from_dict(d.pop("apiData"))

        aliyun_vod_param = cls(
            access_key=access_key,
            secret_key=secret_key,
            region_id=region_id,
            api_data=api_data,
        )

        return aliyun_vod_param


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
AliyunVodParam.__wire_names__ = {
    "access_key": "accessKey",
    "secret_key": "secretKey",
    "region_id": "regionId",
    "api_data": "apiData",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
AliyunVodParam.__secret_fields__ = frozenset(
    (
        "access_key",
        "secret_key",
    )
)
AliyunVodParam.__repr__ = masked_repr
