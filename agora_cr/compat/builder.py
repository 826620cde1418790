"""The official SDK's builder: ``XRecordingClient.new_builder().with_app_id(...)...build()``."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import httpx

from .._client import BaseClient
from .._logging import make_file_handler, make_stream_handler
from ..exceptions import ClientBuildException
from ..ratelimit import RateLimiter
from ..regions import RegionArea, coerce_region

T = TypeVar("T", bound=BaseClient)

_DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024
_DEFAULT_FILE_BACKUPS = 2


class ClientBuilder(Generic[T]):
    """Collects settings, then :meth:`build` creates the client (nothing touches the network)."""

    def __init__(self, client_class: type[T]) -> None:
        self._client_class = client_class
        self._app_id: str | None = None
        self._user: str | None = None
        self._password: str | None = None
        self._region: RegionArea | None = None
        self._options: dict[str, Any] = {}
        self._stream_log: dict[str, Any] | None = None
        self._file_log: dict[str, Any] | None = None

    def __repr__(self) -> str:
        return (
            f"ClientBuilder({self._client_class.__name__}, app_id={self._app_id!r}, "
            f"customer_id={self._user!r}, "
            f"customer_secret={'***' if self._password else None}, region={self._region})"
        )

    def with_app_id(self, app_id: str) -> ClientBuilder[T]:
        """The App ID of the project whose channels are recorded (required)."""
        self._app_id = app_id
        return self

    def with_basic_auth(self, user_name: str, password: str) -> ClientBuilder[T]:
        """Customer ID and customer secret (HTTP Basic auth)."""
        self._user = user_name
        self._password = password
        return self

    def with_credential_basic_auth(self, user_name: str, password: str) -> ClientBuilder[T]:
        """Alias of :meth:`with_basic_auth` (older SDK name)."""
        return self.with_basic_auth(user_name, password)

    def with_region(self, region: RegionArea | str | int) -> ClientBuilder[T]:
        """``RegionArea.X`` or ``RegionArea.X.value``."""
        self._region = coerce_region(region)
        return self

    def with_base_url(self, base_url: str) -> ClientBuilder[T]:
        """Send every request to this URL (emulator, proxy); disables regional failover."""
        self._options["base_url"] = base_url
        return self

    def with_endpoints(self, endpoints: Sequence[str]) -> ClientBuilder[T]:
        """Explicit ordered host list with failover."""
        self._options["endpoints"] = list(endpoints)
        return self

    def with_http_retry_count(self, http_retry_count: int) -> ClientBuilder[T]:
        """Attempts per call for retryable failures (as in the official SDK: 1 means no retry)."""
        if (
            isinstance(http_retry_count, bool)
            or not isinstance(http_retry_count, int)
            or http_retry_count < 1
        ):
            raise ClientBuildException(f"http_retry_count must be an integer >= 1 (got {http_retry_count!r})")
        self._options["max_retries"] = http_retry_count - 1
        return self

    def with_max_retries(self, max_retries: int) -> ClientBuilder[T]:
        """Extra attempts after the first for retryable failures."""
        self._options["max_retries"] = max_retries
        return self

    def with_http_timeout_seconds(self, http_timeout_seconds: float) -> ClientBuilder[T]:
        """Seconds one HTTP attempt may take."""
        self._options["timeout"] = http_timeout_seconds
        return self

    def with_connect_timeout_seconds(self, seconds: float) -> ClientBuilder[T]:
        """Seconds to establish a connection before failing over to the next host."""
        self._options["connect_timeout"] = seconds
        return self

    def with_deadline_seconds(self, seconds: float) -> ClientBuilder[T]:
        """Total seconds one call may take, retries included."""
        self._options["deadline"] = seconds
        return self

    def with_retry_delays(
        self,
        initial: float | None = None,
        maximum: float | None = None,
        retry_after_cap: float | None = None,
        start_retry_delays: Sequence[float] | None = None,
    ) -> ClientBuilder[T]:
        """Back-off tuning (seconds); ``start_retry_delays`` is the code-65 schedule (default 3, 6)."""
        for key, value in (
            ("initial_retry_delay", initial),
            ("max_retry_delay", maximum),
            ("retry_after_cap", retry_after_cap),
            ("start_retry_delays", start_retry_delays),
        ):
            if value is not None:
                self._options[key] = value
        return self

    def with_rate_limit(self, rate_limit: RateLimiter | int | None) -> ClientBuilder[T]:
        """The request budget (``rate_limit=``): ``None`` for no pacing, ``N`` requests/s shared in the
        process, or a :class:`~agora_cr.ratelimit.RateLimiter` (e.g. a ``RedisRateLimiter``)."""
        self._options["rate_limit"] = rate_limit
        return self

    def with_transport(self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> ClientBuilder[T]:
        """Plug an httpx transport (e.g. ``httpx.MockTransport``) in place of the network."""
        self._options["transport"] = transport
        return self

    def with_stream_log(
        self, stream: Any = None, log_level: int = logging.INFO, format_string: str | None = None
    ) -> ClientBuilder[T]:
        """Log to a stream (default ``sys.stdout``) at ``log_level``."""
        self._stream_log = {"stream": stream, "level": log_level, "fmt": format_string}
        return self

    def with_file_log(
        self,
        path: str | os.PathLike[str],
        log_level: int = logging.INFO,
        max_bytes: int = _DEFAULT_FILE_MAX_BYTES,
        backup_count: int = _DEFAULT_FILE_BACKUPS,
        format_string: str | None = None,
    ) -> ClientBuilder[T]:
        """Log to a rotating file."""
        self._file_log = {
            "path": path,
            "level": log_level,
            "max_bytes": max_bytes,
            "backup_count": backup_count,
            "fmt": format_string,
        }
        return self

    def build(self) -> T:
        """The client, without touching the network; :class:`~agora_cr.exceptions.ClientBuildException`
        names what is missing (App ID, credentials, region or base URL) or invalid."""
        if not self._app_id:
            raise ClientBuildException("app_id is required: call with_app_id()")
        if not self._user or not self._password:
            raise ClientBuildException(
                "credentials are required: call with_basic_auth(customer_id, customer_secret)"
            )
        if self._region is None and "base_url" not in self._options and "endpoints" not in self._options:
            raise ClientBuildException("region is required: call with_region(RegionArea.X)")
        options = dict(self._options)
        if self._region is not None:
            options["region"] = self._region
        handlers: list[logging.Handler] = []
        levels: list[int] = []
        try:
            if self._stream_log is not None:
                spec = self._stream_log
                stream = spec["stream"] if spec["stream"] is not None else sys.stdout
                handlers.append(make_stream_handler(stream, spec["level"], spec["fmt"]))
                levels.append(spec["level"])
            if self._file_log is not None:
                spec = self._file_log
                handlers.append(
                    make_file_handler(
                        spec["path"], spec["level"], spec["max_bytes"], spec["backup_count"], spec["fmt"]
                    )
                )
                levels.append(spec["level"])
        except (OSError, ValueError, TypeError) as exc:
            for handler in handlers:
                handler.close()
            raise ClientBuildException(f"cannot set up logging: {exc}") from exc
        try:
            client = self._client_class(self._app_id, self._user, self._password, **options)
        except BaseException:
            for handler in handlers:
                handler.close()
            raise
        if handlers:
            client._attach_handlers(handlers, min(levels))
        return client
