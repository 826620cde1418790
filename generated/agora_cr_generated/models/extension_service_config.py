from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.extension_service_config_error_handle_policy import (
    ExtensionServiceConfigErrorHandlePolicy,
    check_extension_service_config_error_handle_policy,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extension_service import ExtensionService


T = TypeVar("T", bound="ExtensionServiceConfig")


@_attrs_define
class ExtensionServiceConfig:
    """Extension services; in web mode the web recorder plus an optional RTMP publisher.

    Attributes:
        extension_services (list[ExtensionService]):
        error_handle_policy (ExtensionServiceConfigErrorHandlePolicy | Unset): Any extension error stops the non-
            extension services. Default: 'error_abort'.
        api_version (str | Unset): Legacy API version field. Default: 'v1'.
    """

    extension_services: list[ExtensionService]
    error_handle_policy: ExtensionServiceConfigErrorHandlePolicy | Unset = "error_abort"
    api_version: str | Unset = "v1"

    def to_dict(self) -> dict[str, Any]:
        extension_services = []
        for extension_services_item_data in self.extension_services:
            extension_services_item = extension_services_item_data.to_dict()
            extension_services.append(extension_services_item)

        error_handle_policy: str | Unset = UNSET
        if not isinstance(self.error_handle_policy, Unset):
            error_handle_policy = self.error_handle_policy

        api_version = self.api_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "extensionServices": extension_services,
            }
        )
        if error_handle_policy is not UNSET:
            field_dict["errorHandlePolicy"] = error_handle_policy
        if api_version is not UNSET:
            field_dict["apiVersion"] = api_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extension_service import ExtensionService

        d = dict(src_dict)
        extension_services = []
        _extension_services = d.pop("extensionServices")
        for extension_services_item_data in _extension_services:
            extension_services_item = ExtensionService.from_dict(
                extension_services_item_data
            )

            extension_services.append(extension_services_item)

        _error_handle_policy = d.pop("errorHandlePolicy", UNSET)
        error_handle_policy: ExtensionServiceConfigErrorHandlePolicy | Unset
        if isinstance(_error_handle_policy, Unset):
            error_handle_policy = UNSET
        else:
            error_handle_policy = check_extension_service_config_error_handle_policy(
                _error_handle_policy
            )

        api_version = d.pop("apiVersion", UNSET)

        extension_service_config = cls(
            extension_services=extension_services,
            error_handle_policy=error_handle_policy,
            api_version=api_version,
        )

        return extension_service_config


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
ExtensionServiceConfig.__wire_names__ = {
    "extension_services": "extensionServices",
    "error_handle_policy": "errorHandlePolicy",
    "api_version": "apiVersion",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ExtensionServiceConfig.__secret_fields__ = frozenset(())
ExtensionServiceConfig.__repr__ = masked_repr
