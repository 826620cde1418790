from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.extension_params_sse import ExtensionParamsSse, check_extension_params_sse
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtensionParams")


@_attrs_define
class ExtensionParams:
    """Vendor extensions of the storage configuration; all optional.

    Attributes:
        sse (ExtensionParamsSse | Unset): Server-side encryption (Amazon S3 only).
        tag (str | Unset): Object tag such as `RETENTION_DAYS=30` (Alibaba Cloud and Amazon S3 only).
        endpoint (str | Unset): Host name of S3-compatible storage; required when `vendor` is 11.
    """

    sse: ExtensionParamsSse | Unset = UNSET
    tag: str | Unset = UNSET
    endpoint: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sse: str | Unset = UNSET
        if not isinstance(self.sse, Unset):
            sse = self.sse

        tag = self.tag

        endpoint = self.endpoint

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sse is not UNSET:
            field_dict["sse"] = sse
        if tag is not UNSET:
            field_dict["tag"] = tag
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _sse = d.pop("sse", UNSET)
        sse: ExtensionParamsSse | Unset
        if isinstance(_sse, Unset):
            sse = UNSET
        else:
            sse = check_extension_params_sse(_sse)

        tag = d.pop("tag", UNSET)

        endpoint = d.pop("endpoint", UNSET)

        extension_params = cls(
            sse=sse,
            tag=tag,
            endpoint=endpoint,
        )

        return extension_params


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
ExtensionParams.__wire_names__ = {
    "sse": "sse",
    "tag": "tag",
    "endpoint": "endpoint",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ExtensionParams.__secret_fields__ = frozenset(())
ExtensionParams.__repr__ = masked_repr
