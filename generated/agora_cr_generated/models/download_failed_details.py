from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadFailedDetails")


@_attrs_define
class DownloadFailedDetails:
    """The service failed to download the recorded files (sent once).

    Attributes:
        msg_name (str | Unset): Event name.
        vendor (int | Unset): Storage vendor (as in start).
        region (int | Unset): Storage region (as in start).
        bucket (str | Unset): Bucket (as in start).
        file_name (str | Unset): The files that failed, separated by ";".
    """

    msg_name: str | Unset = UNSET
    vendor: int | Unset = UNSET
    region: int | Unset = UNSET
    bucket: str | Unset = UNSET
    file_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_name = self.msg_name

        vendor = self.vendor

        region = self.region

        bucket = self.bucket

        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msg_name is not UNSET:
            field_dict["msgName"] = msg_name
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if region is not UNSET:
            field_dict["region"] = region
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if file_name is not UNSET:
            field_dict["fileName"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msg_name = d.pop("msgName", UNSET)

        vendor = d.pop("vendor", UNSET)

        region = d.pop("region", UNSET)

        bucket = d.pop("bucket", UNSET)

        file_name = d.pop("fileName", UNSET)

        download_failed_details = cls(
            msg_name=msg_name,
            vendor=vendor,
            region=region,
            bucket=bucket,
            file_name=file_name,
        )

        download_failed_details.additional_properties = d
        return download_failed_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
DownloadFailedDetails.__wire_names__ = {
    "msg_name": "msgName",
    "vendor": "vendor",
    "region": "region",
    "bucket": "bucket",
    "file_name": "fileName",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
DownloadFailedDetails.__secret_fields__ = frozenset(())
DownloadFailedDetails.__repr__ = masked_repr
