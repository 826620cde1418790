from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.storage_vendor import StorageVendor, check_storage_vendor
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_params import ExtensionParams


T = TypeVar("T", bound="StorageConfig")


@_attrs_define
class StorageConfig:
    """Third-party cloud storage that receives the files.

    Attributes:
        vendor (StorageVendor): `1` Amazon S3, `2` Alibaba Cloud OSS, `3` Tencent Cloud COS, `5` Microsoft Azure, `6`
            Google Cloud,
            `7` Huawei Cloud OBS, `8` Baidu AI Cloud BOS, `11` any S3-compatible storage (needs
            `extensionParams.endpoint`); legacy `0` Qiniu and `4` Kingsoft Cloud.
        region (int): Vendor-specific region code (tables in `x-agora-storage-regions`); Azure, Google and S3-compatible
            storage take `0`.
        bucket (str): Bucket name (vendor naming rules).
        access_key (str): Access key of the storage (a write-only key is advised). Secret.
        secret_key (str): Secret key of the storage. Secret.
        sts_token (str | Unset): Temporary STS credential (vendors 1, 2, 3).
        sts_expiration (int | Unset): STS token expiry as Unix seconds (lifetime at least 4 h; refresh hourly via
            `update`).
        file_name_prefix (list[str] | Unset): Object-key prefix segments, joined with `/`; at most 128 characters in
            total including slashes.
        extension_params (ExtensionParams | Unset): Vendor extensions of the storage configuration; all optional.
    """

    vendor: StorageVendor
    region: int
    bucket: str
    access_key: str
    secret_key: str
    sts_token: str | Unset = UNSET
    sts_expiration: int | Unset = UNSET
    file_name_prefix: list[str] | Unset = UNSET
    extension_params: ExtensionParams | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vendor: int = self.vendor

        region = self.region

        bucket = self.bucket

        access_key = self.access_key

        secret_key = self.secret_key

        sts_token = self.sts_token

        sts_expiration = self.sts_expiration

        file_name_prefix: list[str] | Unset = UNSET
        if not isinstance(self.file_name_prefix, Unset):
            file_name_prefix = self.file_name_prefix

        extension_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extension_params, Unset):
            extension_params = self.extension_params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "vendor": vendor,
                "region": region,
                "bucket": bucket,
                "accessKey": access_key,
                "secretKey": secret_key,
            }
        )
        if sts_token is not UNSET:
            field_dict["stsToken"] = sts_token
        if sts_expiration is not UNSET:
            field_dict["stsExpiration"] = sts_expiration
        if file_name_prefix is not UNSET:
            field_dict["fileNamePrefix"] = file_name_prefix
        if extension_params is not UNSET:
            field_dict["extensionParams"] = extension_params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_params import ExtensionParams

        d = dict(src_dict)
        vendor = check_storage_vendor(d.pop("vendor"))

        region = d.pop("region")

        bucket = d.pop("bucket")

        access_key = d.pop("accessKey")

        secret_key = d.pop("secretKey")

        sts_token = d.pop("stsToken", UNSET)

        sts_expiration = d.pop("stsExpiration", UNSET)

        file_name_prefix = cast(list[str], d.pop("fileNamePrefix", UNSET))

        _extension_params = d.pop("extensionParams", UNSET)
        extension_params: ExtensionParams | Unset
        if isinstance(_extension_params, Unset):
            extension_params = UNSET
        else:
            extension_params = ExtensionParams.from_dict(_extension_params)

        storage_config = cls(
            vendor=vendor,
            region=region,
            bucket=bucket,
            access_key=access_key,
            secret_key=secret_key,
            sts_token=sts_token,
            sts_expiration=sts_expiration,
            file_name_prefix=file_name_prefix,
            extension_params=extension_params,
        )

        return storage_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
StorageConfig.__wire_names__ = {
    "vendor": "vendor",
    "region": "region",
    "bucket": "bucket",
    "access_key": "accessKey",
    "secret_key": "secretKey",
    "sts_token": "stsToken",
    "sts_expiration": "stsExpiration",
    "file_name_prefix": "fileNamePrefix",
    "extension_params": "extensionParams",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
StorageConfig.__secret_fields__ = frozenset(
    (
        "access_key",
        "secret_key",
        "sts_token",
    )
)
StorageConfig.__repr__ = masked_repr
