"""Web page recording (``mode=web``): records a URL; pause/resume and CDN push through ``update``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._client import BaseClient
from .._transport import AsyncClient, SyncClient
from . import _calls
from ._op import op

__all__ = ["AsyncWebRecordingClient", "WebRecordingClient"]

#: ``serviceParam`` key that identifies each extension service when ``serviceName`` is omitted.
_SERVICE_BY_PARAM = (("url", "web_recorder_service"), ("outputs", "rtmp_publish_service"))


class _Web(BaseClient):
    """The operations of web page recording (shared by the sync and async clients)."""

    _mode = "web"

    acquire = op(_calls.acquire, "acquire")
    start = op(_calls.start_web, "start")
    query = op(_calls.query, "query")
    update = op(_calls.update_web, "update")
    stop = op(_calls.stop, "stop")
    get_ncs_ip = op(_calls.get_ncs_ip, "getNcsIp")

    def _start_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        services = client_request.get("extensionServiceConfig")
        if isinstance(services, Mapping):
            for service in services.get("extensionServices") or ():
                param = service.get("serviceParam") if isinstance(service, dict) else None
                if isinstance(param, Mapping) and "serviceName" not in service:
                    for key, name in _SERVICE_BY_PARAM:
                        if key in param:
                            service["serviceName"] = name
                            break
        return super()._start_defaults(client_request)


class WebRecordingClient(_Web, SyncClient):
    """Blocking client for web page recording."""


class AsyncWebRecordingClient(_Web, AsyncClient):
    """Asyncio client for web page recording (the same methods as :class:`WebRecordingClient`, awaited)."""
