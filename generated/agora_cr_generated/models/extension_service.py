from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.extension_service_error_handle_policy import (
    ExtensionServiceErrorHandlePolicy,
    check_extension_service_error_handle_policy,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aliyun_vod_param import AliyunVodParam
    from ..models.extension_service_service_param_type_3 import (
        ExtensionServiceServiceParamType3,
    )
    from ..models.rtmp_publish_param import RtmpPublishParam
    from ..models.web_recorder_param import WebRecorderParam


T = TypeVar("T", bound="ExtensionService")


@_attrs_define
class ExtensionService:
    """One extension service and its parameters.

    Attributes:
        service_name (str): `web_recorder_service` page recorder, `rtmp_publish_service` CDN push, `aliyun_vod_service`
            legacy (mix mode VoD). Other names are a lint: Agora's own Flat server starts a mix recording with
            `aliyun_voice_async_scan` (netless-io/flat-server).
        service_param (AliyunVodParam | ExtensionServiceServiceParamType3 | RtmpPublishParam | WebRecorderParam): The
            parameters of the named service, checked against that service's schema (`x-agora-rules` runs the check by
            `serviceName`); another service's are taken as given.
        error_handle_policy (ExtensionServiceErrorHandlePolicy | Unset): `error_abort` for web_recorder_service
            (default), `error_ignore` for rtmp_publish_service (default).
    """

    service_name: str
    service_param: (
        AliyunVodParam
        | ExtensionServiceServiceParamType3
        | RtmpPublishParam
        | WebRecorderParam
    )
    error_handle_policy: ExtensionServiceErrorHandlePolicy | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.aliyun_vod_param import AliyunVodParam
        from ..models.rtmp_publish_param import RtmpPublishParam
        from ..models.web_recorder_param import WebRecorderParam

        service_name = self.service_name

        service_param: dict[str, Any]
        if isinstance(self.service_param, WebRecorderParam):
            service_param = self.service_param.to_dict()
        elif isinstance(self.service_param, RtmpPublishParam):
            service_param = self.service_param.to_dict()
        elif isinstance(self.service_param, AliyunVodParam):
            service_param = self.service_param.to_dict()
        else:
            service_param = self.service_param.to_dict()

        error_handle_policy: str | Unset = UNSET
        if not isinstance(self.error_handle_policy, Unset):
            error_handle_policy = self.error_handle_policy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "serviceName": service_name,
                "serviceParam": service_param,
            }
        )
        if error_handle_policy is not UNSET:
            field_dict["errorHandlePolicy"] = error_handle_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aliyun_vod_param import AliyunVodParam
        from ..models.extension_service_service_param_type_3 import (
            ExtensionServiceServiceParamType3,
        )
        from ..models.rtmp_publish_param import RtmpPublishParam
        from ..models.web_recorder_param import WebRecorderParam

        d = dict(src_dict)
        service_name = d.pop("serviceName")

        def _parse_service_param(
            data: object,
        ) -> (
            AliyunVodParam
            | ExtensionServiceServiceParamType3
            | RtmpPublishParam
            | WebRecorderParam
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_param_type_0 = WebRecorderParam.from_dict(data)

                return service_param_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_param_type_1 = RtmpPublishParam.from_dict(data)

                return service_param_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_param_type_2 = AliyunVodParam.from_dict(data)

                return service_param_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            service_param_type_3 = ExtensionServiceServiceParamType3.from_dict(data)

            return service_param_type_3

        service_param = _parse_service_param(d.pop("serviceParam"))

        _error_handle_policy = d.pop("errorHandlePolicy", UNSET)
        error_handle_policy: ExtensionServiceErrorHandlePolicy | Unset
        if isinstance(_error_handle_policy, Unset):
            error_handle_policy = UNSET
        else:
            error_handle_policy = check_extension_service_error_handle_policy(
                _error_handle_policy
            )

        extension_service = cls(
            service_name=service_name,
            service_param=service_param,
            error_handle_policy=error_handle_policy,
        )

        return extension_service


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
ExtensionService.__wire_names__ = {
    "service_name": "serviceName",
    "service_param": "serviceParam",
    "error_handle_policy": "errorHandlePolicy",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
ExtensionService.__secret_fields__ = frozenset(())
ExtensionService.__repr__ = masked_repr
