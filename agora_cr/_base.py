"""The policy shared by every client, sync or async: configuration, request building, validation,
retry decisions, error mapping and failover bookkeeping.

A call is described by a :class:`_Call`; :meth:`_Core._flow` is a generator that decides what to do and
yields either an attempt (``(url, timeout)``) or a pause (a ``float`` of seconds). The sync and async
clients only drive that generator: they send the request or sleep, and feed the outcome back. So both
share one implementation of every decision, and only the I/O differs.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import functools
import json
import logging
import os
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Generator, Mapping, Sequence
from email.utils import parsedate_to_datetime
from json.encoder import encode_basestring
from logging.handlers import RotatingFileHandler
from typing import Any, ClassVar, Protocol, TypeAlias, TypeVar
from urllib.parse import quote

import httpx

from . import _constants as C
from ._models import to_wire
from ._validation import (
    Check,
    body_schema_ref,
    check_layout_rules,
    check_start_rules,
    check_storage_rules,
    client_request_blocks,
    fail,
    parameter_check,
    schema_check,
    validate,
)
from .exceptions import (
    ClientBuildException,
    ClientClosedError,
    ClientException,
    ClientRequestException,
    ClientTimeoutException,
    ConnectionError,
    InvalidResponseError,
    RateLimitError,
    ValidationError,
    exception_for,
)
from .regions import HostPool, RegionArea, coerce_region, normalise_base_url
from .results import (
    AcquireResult,
    QueryResult,
    StartResult,
    StopResult,
    UpdateLayoutResult,
    UpdateResult,
)
from .spec import load_spec

R = TypeVar("R")

#: An attempt: (absolute URL, per-attempt timeout or None for the client default).
Attempt = tuple[str, "httpx.Timeout | None"]
Flow = Generator["Attempt | float", Any, Any]

_SUCCESS_REQUIRED: dict[str, tuple[str, ...]] = {
    "acquire": ("resourceId",),
    "start": ("resourceId", "sid"),
    "query": ("resourceId", "sid"),
    "update": ("resourceId", "sid"),
    "updateLayout": ("resourceId", "sid"),
    "stop": ("resourceId", "sid"),
}
_RESULT_TYPES: dict[str, Any] = {
    "acquire": AcquireResult,
    "start": StartResult,
    "query": QueryResult,
    "update": UpdateResult,
    "updateLayout": UpdateLayoutResult,
    "stop": StopResult,
}
#: Operations retried (with back-off) on timeouts and 5xx; ``start`` is not (see DESIGN.md).
_RETRY_ON_FAILURE = frozenset({"acquire", "query", "update", "updateLayout", "stop"})
_SCENES = {"individual": 0, "mix": 0, "web": 1}


#: The one JSON encoder of request bodies (compact, UTF-8 text, no NaN); built once, it holds no state.
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@functools.cache
def _body_checks(ref: str) -> tuple[Check, Check, Check]:
    """Compiled checks of a body schema's ``cname``, ``uid`` and ``clientRequest``."""
    return (
        schema_check(f"{ref}/properties/cname"),
        schema_check(f"{ref}/properties/uid"),
        schema_check(f"{ref}/properties/clientRequest"),
    )


def _path_templates() -> dict[str, tuple[str, str]]:
    templates: dict[str, tuple[str, str]] = {}
    for path, item in load_spec()["paths"].items():
        for method, op in item.items():
            if isinstance(op, Mapping) and "operationId" in op:
                templates[op["operationId"]] = (method.upper(), path)
    return templates


class _Call:
    """One operation to perform: what to send and how to read the answer."""

    __slots__ = ("content", "context", "method", "operation", "path")

    def __init__(
        self, operation: str, method: str, path: str, content: bytes | None, context: dict[str, Any]
    ) -> None:
        self.operation = operation
        self.method = method
        self.path = path
        self.content = content
        self.context = context


def _parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds (``"2"``, ``"1.5"``) or an HTTP date; ``None`` if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def _as_uid(uid: object, operation: str) -> str:
    if isinstance(uid, bool) or not isinstance(uid, (str, int)):
        raise ValidationError(
            f"uid: expected a string of digits (or an int), got {type(uid).__name__}",
            field="uid",
            operation=operation,
        )
    return str(uid)


def _block(value: Any) -> Any:
    return None if value is None else to_wire(value)


def _secret_attrs(obj: object) -> str:  # pragma: no cover - debugging helper
    return f"<{type(obj).__name__}>"


class _Core:
    """Configuration and policy of one recording client (no I/O here)."""

    #: ``individual``, ``mix`` or ``web``; set by each mode class.
    _mode: ClassVar[str] = ""

    def __init__(
        self,
        app_id: str | None = None,
        customer_id: str | None = None,
        customer_secret: str | None = None,
        *,
        region: RegionArea | str | int = RegionArea.US,
        base_url: str | None = None,
        endpoints: Sequence[str] | None = None,
        timeout: float = C.DEFAULT_TIMEOUT,
        connect_timeout: float = C.DEFAULT_CONNECT_TIMEOUT,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        deadline: float = C.DEFAULT_DEADLINE,
        initial_retry_delay: float = C.DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = C.DEFAULT_MAX_RETRY_DELAY,
        retry_after_cap: float = C.DEFAULT_RETRY_AFTER_CAP,
        start_retry_delays: Sequence[float] = C.DEFAULT_START_RETRY_DELAYS,
        jitter: float = C.DEFAULT_JITTER,
        max_connections: int = C.DEFAULT_MAX_CONNECTIONS,
        logger: logging.Logger | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        missing = [
            name
            for name, value in (
                ("app_id", app_id),
                ("customer_id", customer_id),
                ("customer_secret", customer_secret),
            )
            if not value or not isinstance(value, str)
        ]
        if missing:
            raise ClientBuildException(f"missing or empty: {', '.join(missing)}")
        assert app_id is not None and customer_id is not None and customer_secret is not None
        try:
            parameter_check("AppId")(app_id)
        except Exception:
            raise ClientBuildException("app_id must be 1-64 letters and digits") from None
        for name, number in (
            ("timeout", timeout),
            ("connect_timeout", connect_timeout),
            ("deadline", deadline),
            ("initial_retry_delay", initial_retry_delay),
            ("max_retry_delay", max_retry_delay),
            ("retry_after_cap", retry_after_cap),
        ):
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0:
                raise ClientBuildException(f"{name} must be a non-negative number (got {number!r})")
        if timeout <= 0 or deadline <= 0:
            raise ClientBuildException("timeout and deadline must be greater than 0")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ClientBuildException(f"max_retries must be an integer >= 0 (got {max_retries!r})")
        if not 0 <= jitter <= 1:
            raise ClientBuildException("jitter must be between 0 and 1")
        if isinstance(max_connections, bool) or not isinstance(max_connections, int) or max_connections < 1:
            raise ClientBuildException(f"max_connections must be an integer >= 1 (got {max_connections!r})")
        self._region = coerce_region(region)
        if base_url is not None and endpoints:
            raise ClientBuildException("give base_url or endpoints, not both")
        if base_url is not None:
            hosts: Sequence[str] = [normalise_base_url(base_url)]
        elif endpoints:
            if isinstance(endpoints, str):
                raise ClientBuildException("endpoints must be a list of URLs")
            hosts = [normalise_base_url(url) for url in endpoints]
        else:
            hosts = self._region.hosts()
        self._hosts = HostPool(hosts)
        self._app_id = app_id
        self._customer_id = customer_id
        token = base64.b64encode(f"{customer_id}:{customer_secret}".encode()).decode("ascii")
        self._headers = {
            "Authorization": f"Basic {token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": f"{C.USER_AGENT}/{_version()}",
        }
        self._timeout = float(timeout)
        self._connect_timeout = float(min(connect_timeout, timeout))
        self._http_timeout = httpx.Timeout(self._timeout, connect=self._connect_timeout)
        self._max_retries = max_retries
        self._deadline = float(deadline)
        self._initial_retry_delay = float(initial_retry_delay)
        self._max_retry_delay = float(max_retry_delay)
        self._retry_after_cap = float(retry_after_cap)
        self._start_retry_delays = tuple(float(d) for d in start_retry_delays)
        self._jitter = float(jitter)
        self._max_connections = max_connections
        #: Every pooled connection may stay alive (see ``_constants.DEFAULT_MAX_CONNECTIONS``).
        self._limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self._random = random.Random()
        self._logger = logger if logger is not None else logging.getLogger(C.LOGGER_NAME)
        self._owned_handlers: list[logging.Handler] = []
        self._closed = False
        self._paths = _path_templates()
        #: ``(schema ref, clientRequest bytes)`` already checked by this client (see ``_body``).
        self._checked_requests: OrderedDict[tuple[str, bytes], None] = OrderedDict()
        self._app_path = quote(app_id, safe="")
        self._transport = transport

    # ---------------------------------------------------------------------------------- properties
    @property
    def app_id(self) -> str:
        return self._app_id

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def region(self) -> RegionArea:
        return self._region

    @property
    def endpoints(self) -> tuple[str, ...]:
        """Hosts in failover order."""
        return self._hosts.hosts

    @property
    def current_endpoint(self) -> str:
        """The host the next call goes to (sticky after a failover)."""
        return self._hosts.current

    @property
    def logger(self) -> logging.Logger:
        return self._logger

    @property
    def closed(self) -> bool:
        return self._closed

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(app_id={self._app_id!r}, customer_id={self._customer_id!r}, "
            f"customer_secret='***', region={self._region.value!r}, endpoint={self._hosts.current!r}, "
            f"closed={self._closed})"
        )

    @classmethod
    def _env_kwargs(cls, overrides: dict[str, Any]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for key, env in (
            ("app_id", "AGORA_APP_ID"),
            ("customer_id", "AGORA_CUSTOMER_ID"),
            ("customer_secret", "AGORA_CUSTOMER_SECRET"),
        ):
            if key not in overrides:
                value = os.environ.get(env)
                if not value:
                    raise ClientBuildException(f"environment variable {env} is not set")
                kwargs[key] = value
        if "region" not in overrides and os.environ.get("AGORA_REGION"):
            kwargs["region"] = os.environ["AGORA_REGION"]
        if "base_url" not in overrides and "endpoints" not in overrides and os.environ.get("AGORA_BASE_URL"):
            kwargs["base_url"] = os.environ["AGORA_BASE_URL"]
        kwargs.update(overrides)
        return kwargs

    def _attach_handlers(self, handlers: Sequence[logging.Handler], level: int | None) -> None:
        """Give this client its own logger (a child of ``agora_cr``) carrying ``handlers``."""
        parent = logging.getLogger(C.LOGGER_NAME)
        own = logging.Logger(f"{C.LOGGER_NAME}.client")  # not registered: no global state
        own.parent = parent
        if level is not None:
            own.setLevel(level)
        for handler in handlers:
            own.addHandler(handler)
            self._owned_handlers.append(handler)
        self._logger = own

    def _close_handlers(self) -> None:
        for handler in self._owned_handlers:
            self._logger.removeHandler(handler)
            handler.close()
        self._owned_handlers.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise ClientClosedError()

    def _debug_enabled(self) -> bool:
        return (
            self._logger.getEffectiveLevel() <= logging.DEBUG
            and not self._logger.manager.disable >= logging.DEBUG
        )

    # ------------------------------------------------------------------------------ request building
    def _url_path(self, operation: str, **params: str) -> tuple[str, str]:
        method, template = self._paths[operation]
        values = {"appid": self._app_path}
        for key, value in params.items():
            values[key] = quote(value, safe="")
        return method, template.format(**values)

    def _check_ids(
        self, operation: str, resource_id: object, sid: object = None, with_sid: bool = False
    ) -> None:
        validate(parameter_check("ResourceId"), resource_id, "resource_id", operation)
        if with_sid:
            validate(parameter_check("Sid"), sid, "sid", operation)

    @staticmethod
    def _encode(body: Any) -> bytes:
        return _JSON.encode(body).encode("utf-8")

    def _body(
        self,
        operation: str,
        ref: str,
        cname: Any,
        uid: str,
        client_request: dict[str, Any],
        rules: Callable[[], None] | None = None,
    ) -> bytes:
        """Validate and encode ``{cname, uid, clientRequest}`` against the spec schema ``ref``.

        ``cname`` and ``uid`` are checked on every call. The ``clientRequest`` (schema, then ``rules``,
        the checks the schema cannot express) is checked once per distinct encoding: a recording backend
        sends the same configuration for every room, and re-checking it cost more than the client's
        whole remaining per-call overhead. Only requests that passed are remembered, per client, bounded.
        """
        cname_check, uid_check, request_check = _body_checks(ref)
        validate(cname_check, cname, "cname", operation)
        validate(uid_check, uid, "uid", operation)
        try:
            encoded: bytes | None = self._encode(client_request)
        except (TypeError, ValueError):  # not JSON (an object, NaN): the checks below say where
            encoded = None
        key = (ref, encoded or b"")
        if encoded is None or key not in self._checked_requests:
            validate(request_check, client_request, "clientRequest", operation)
            if rules is not None:
                rules()
            if encoded is None:
                raise fail("clientRequest", "holds a value that cannot be sent as JSON", operation)
            if len(encoded) <= C.CHECKED_REQUEST_MAX_BYTES:
                self._remember_checked(key)
        # cname and uid are validated strings: the C string encoder gives json.dumps's exact bytes.
        head = f'{{"cname":{encode_basestring(cname)},"uid":{encode_basestring(uid)},"clientRequest":'
        return b"".join((head.encode("utf-8"), encoded, b"}"))

    def _remember_checked(self, key: tuple[str, bytes]) -> None:
        checked = self._checked_requests
        checked[key] = None
        while len(checked) > C.CHECKED_REQUESTS_KEPT:
            try:
                checked.popitem(last=False)
            except KeyError:  # another thread emptied it first
                break

    def _acquire_call(self, cname: Any, uid: Any, client_request: dict[str, Any]) -> _Call:
        operation = "acquire"
        uid = _as_uid(uid, operation)

        def rules() -> None:
            start_parameter = client_request.get("startParameter")
            if isinstance(start_parameter, Mapping):
                self._check_start_blocks(start_parameter, "clientRequest.startParameter", operation)
                check_start_rules(start_parameter, self._mode, operation, base="clientRequest.startParameter")

        ref = body_schema_ref(operation, self._mode)
        content = self._body(operation, ref, cname, uid, client_request, rules)
        method, path = self._url_path(operation)
        return _Call(operation, method, path, content, {"cname": cname, "uid": uid})

    def _acquire_request(
        self,
        scene: int | None,
        resource_expired_hour: int | None,
        exclude_resource_ids: Sequence[str] | None,
        region: str | None,
        region_affinity: int | None,
        start_parameter: Any,
    ) -> dict[str, Any]:
        client_request: dict[str, Any] = {"scene": _SCENES[self._mode] if scene is None else scene}
        if resource_expired_hour is not None:
            client_request["resourceExpiredHour"] = resource_expired_hour
        if exclude_resource_ids is not None:
            client_request["excludeResourceIds"] = (
                list(exclude_resource_ids)
                if isinstance(exclude_resource_ids, (list, tuple))
                else exclude_resource_ids
            )
        if region is not None:
            client_request["region"] = to_wire(region)
        if region_affinity is not None:
            client_request["regionAffinity"] = to_wire(region_affinity)
        if start_parameter is not None:
            client_request["startParameter"] = self._start_blocks_defaults(to_wire(start_parameter))
        return client_request

    def _check_start_blocks(self, client_request: Mapping[str, Any], base: str, operation: str) -> None:
        accepted = client_request_blocks(body_schema_ref("start", self._mode))
        for key in client_request:
            if key not in accepted:
                raise fail(
                    f"{base}.{key}",
                    f"not accepted in {self._mode} mode (accepted: {', '.join(sorted(accepted))})",
                    operation,
                )

    def _start_blocks_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        """Fill the mode's defaults into a start ``clientRequest`` (overridden per mode)."""
        return client_request

    def _start_call(self, resource_id: Any, cname: Any, uid: Any, client_request: dict[str, Any]) -> _Call:
        operation = "start"
        uid = _as_uid(uid, operation)
        self._check_ids(operation, resource_id)
        if client_request.get("storageConfig") is None:
            client_request.pop("storageConfig", None)
            raise fail(
                "clientRequest.storageConfig", "required: where the files go (storage_config=...)", operation
            )
        client_request = self._start_blocks_defaults(client_request)
        self._check_start_blocks(client_request, "clientRequest", operation)
        ref = body_schema_ref(operation, self._mode)
        content = self._body(
            operation,
            ref,
            cname,
            uid,
            client_request,
            lambda: check_start_rules(client_request, self._mode, operation),
        )
        method, path = self._url_path(operation, resourceid=resource_id, mode=self._mode)
        context = {"resource_id": resource_id, "cname": cname, "uid": uid}
        return _Call(operation, method, path, content, context)

    def _query_call(self, resource_id: Any, sid: Any) -> _Call:
        operation = "query"
        self._check_ids(operation, resource_id, sid, with_sid=True)
        method, path = self._url_path(operation, resourceid=resource_id, sid=sid, mode=self._mode)
        return _Call(operation, method, path, None, {"resource_id": resource_id, "sid": sid})

    #: ``update`` blocks each mode accepts (the spec's UpdateClientRequest is shared by all modes).
    _update_blocks: ClassVar[frozenset[str]] = frozenset()

    def _update_call(self, resource_id: Any, sid: Any, cname: Any, uid: Any, blocks: dict[str, Any]) -> _Call:
        operation = "update"
        uid = _as_uid(uid, operation)
        self._check_ids(operation, resource_id, sid, with_sid=True)
        client_request = {key: to_wire(value) for key, value in blocks.items() if value is not None}
        for key in client_request:
            if key not in self._update_blocks:
                raise fail(
                    f"clientRequest.{key}",
                    f"not accepted by update in {self._mode} mode "
                    f"(accepted: {', '.join(sorted(self._update_blocks))})",
                    operation,
                )
        if not client_request:
            raise fail(
                "clientRequest",
                f"nothing to update: give one of {', '.join(sorted(self._update_blocks))}",
                operation,
            )

        def rules() -> None:
            storage = client_request.get("storageConfig")
            if isinstance(storage, Mapping):
                check_storage_rules(storage, "clientRequest.storageConfig", operation)

        content = self._body(operation, body_schema_ref(operation), cname, uid, client_request, rules)
        method, path = self._url_path(operation, resourceid=resource_id, sid=sid, mode=self._mode)
        context = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid}
        return _Call(operation, method, path, content, context)

    def _update_layout_call(
        self, resource_id: Any, sid: Any, cname: Any, uid: Any, client_request: dict[str, Any]
    ) -> _Call:
        operation = "updateLayout"
        uid = _as_uid(uid, operation)
        self._check_ids(operation, resource_id, sid, with_sid=True)
        content = self._body(
            operation,
            body_schema_ref(operation),
            cname,
            uid,
            client_request,
            lambda: check_layout_rules(client_request, "clientRequest", operation),
        )
        method, path = self._url_path(operation, resourceid=resource_id, sid=sid, mode=self._mode)
        context = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid}
        return _Call(operation, method, path, content, context)

    def _stop_call(self, resource_id: Any, sid: Any, cname: Any, uid: Any, async_stop: bool | None) -> _Call:
        operation = "stop"
        uid = _as_uid(uid, operation)
        self._check_ids(operation, resource_id, sid, with_sid=True)
        client_request: dict[str, Any] = {}
        if async_stop is not None:
            client_request["async_stop"] = async_stop
        content = self._body(operation, body_schema_ref(operation), cname, uid, client_request)
        method, path = self._url_path(operation, resourceid=resource_id, sid=sid, mode=self._mode)
        context = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid}
        return _Call(operation, method, path, content, context)

    # ------------------------------------------------------------------------- recording() helpers
    def _recording_start_kwargs(self, token: str | None, start_blocks: dict[str, Any]) -> dict[str, Any]:
        if token is not None:
            if self._mode == "web":
                raise ValidationError(
                    "token: web recording takes no RTC token", field="token", operation="start"
                )
            start_blocks = {"token": token, **start_blocks}
        return start_blocks

    def _stop_failed_after_error(self, body_error: BaseException, stop_error: BaseException) -> None:
        """``stop`` failed while the ``recording()`` body was already raising: keep the body's exception
        (do not mask it), log the stop failure and attach it as ``body_error.stop_error``."""
        self._logger.error(
            "recording(): stop failed after the body raised %s: %s (resource_id=%s, sid=%s); stop it again",
            type(body_error).__name__,
            stop_error,
            getattr(stop_error, "resource_id", None),
            getattr(stop_error, "sid", None),
        )
        with contextlib.suppress(AttributeError):  # exceptions with __slots__ cannot carry it
            body_error.stop_error = stop_error  # type: ignore[attr-defined]
        add_note = getattr(body_error, "add_note", None)  # Python >= 3.11
        if add_note is not None:
            add_note(f"while handling it, recording() could not stop the session: {stop_error!r}")

    # ------------------------------------------------------------------------------- the policy
    def _backoff(self, retry: int) -> float:
        delay: float = min(self._initial_retry_delay * (2.0**retry), self._max_retry_delay)
        return delay * (1.0 - self._jitter * self._random.random())

    def _flow(self, call: _Call) -> Flow:
        clock = time.monotonic
        deadline = clock() + self._deadline
        hosts = self._hosts
        logger = self._logger
        tried: list[str] = []
        retries = 0
        start_retries = 0
        connect_failures = 0
        attempt = 0
        operation = call.operation
        while True:
            index = hosts.current_index
            host = hosts.hosts[index]
            if host not in tried:
                tried.append(host)
            remaining = deadline - clock()
            if remaining <= 0:
                raise ClientTimeoutException(
                    None,
                    None,
                    f"{operation}: deadline of {self._deadline:g}s exceeded",
                    operation=operation,
                    hosts_tried=tried,
                    **call.context,
                )
            timeout = None
            if remaining < self._timeout:
                timeout = httpx.Timeout(remaining, connect=min(self._connect_timeout, remaining))
            attempt += 1
            started = clock()
            outcome = yield (host + call.path, timeout)
            elapsed_ms = (clock() - started) * 1000.0
            retry_after: float | None = None
            error: ClientRequestException
            if isinstance(outcome, BaseException):
                hosts.fail(index)
                never_sent = isinstance(outcome, (httpx.ConnectError, httpx.ConnectTimeout))
                logger.warning(
                    "%s %s failed: %s after %.1f ms (attempt %d, host %s)",
                    call.method,
                    call.path,
                    type(outcome).__name__,
                    elapsed_ms,
                    attempt,
                    host,
                )
                if never_sent:
                    connect_failures += 1
                    if connect_failures % len(hosts) != 0:
                        continue  # fail over to the next host at once
                    error = ConnectionError(
                        None,
                        None,
                        f"{operation}: could not connect to any host ({type(outcome).__name__})",
                        operation=operation,
                        hosts_tried=tried,
                        **call.context,
                    )
                    retryable = True
                elif isinstance(outcome, httpx.TimeoutException):
                    error = ClientTimeoutException(
                        None,
                        None,
                        f"{operation}: no answer within the attempt timeout ({type(outcome).__name__})",
                        operation=operation,
                        hosts_tried=tried,
                        **call.context,
                    )
                    retryable = operation in _RETRY_ON_FAILURE
                else:
                    error = ConnectionError(
                        None,
                        None,
                        f"{operation}: connection failed ({type(outcome).__name__}: {outcome})",
                        operation=operation,
                        hosts_tried=tried,
                        **call.context,
                    )
                    retryable = operation in _RETRY_ON_FAILURE and isinstance(outcome, httpx.TransportError)
            else:
                response: httpx.Response = outcome
                status = response.status_code
                if self._debug_enabled():
                    logger.debug(
                        "%s %s -> %d in %.1f ms (attempt %d, host %s)",
                        call.method,
                        call.path,
                        status,
                        elapsed_ms,
                        attempt,
                        host,
                    )
                if status == 200:
                    return self._success(call, response, tried)
                error = self._error(call, response, tried)
                code = error.error_code
                if code == 65:
                    if operation == "start":
                        if start_retries < len(self._start_retry_delays):
                            delay = self._start_retry_delays[start_retries]
                            start_retries += 1
                            if clock() + delay >= deadline:
                                raise error
                            logger.warning(
                                "start not completed (code 65); retrying with the same resource ID in %.2fs",
                                delay,
                            )
                            yield delay
                            continue
                        raise error
                    retryable = True
                elif status == 429:
                    retryable = True
                    retry_after = _parse_retry_after(response.headers.get("retry-after"))
                    if isinstance(error, RateLimitError):
                        error.retry_after = retry_after
                elif status >= 500:
                    hosts.fail(index)
                    retryable = operation in _RETRY_ON_FAILURE
                else:
                    raise error
            if not retryable or retries >= self._max_retries:
                raise error
            delay = (
                min(retry_after, self._retry_after_cap) if retry_after is not None else self._backoff(retries)
            )
            if clock() + delay >= deadline:
                raise error
            retries += 1
            logger.warning(
                "%s: %s; retry %d/%d in %.2fs",
                operation,
                type(error).__name__,
                retries,
                self._max_retries,
                delay,
            )
            if delay > 0:
                yield delay

    def _context(self, call: _Call, response: httpx.Response | None, tried: list[str]) -> dict[str, Any]:
        request_id = None
        if response is not None:
            headers = response.headers
            for name in C.REQUEST_ID_HEADERS:
                values = headers.get_list(name)
                if values:
                    request_id = values[0]
                    break
        return {"operation": call.operation, "request_id": request_id, "hosts_tried": tried, **call.context}

    def _read_json(self, call: _Call, response: httpx.Response, tried: list[str]) -> Any:
        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            text = response.text.strip()
            shown = (text[:120] + "...") if len(text) > 120 else text
            what = "an empty body" if not text else f"a body that is not JSON: {shown!r}"
            raise InvalidResponseError(
                response.status_code,
                None,
                f"{call.operation}: the service answered HTTP {response.status_code} with {what}",
                **self._context(call, response, tried),
            ) from None

    def _success(self, call: _Call, response: httpx.Response, tried: list[str]) -> Any:
        data = self._read_json(call, response, tried)
        if not isinstance(data, dict):
            raise InvalidResponseError(
                200,
                None,
                f"{call.operation}: expected a JSON object, got {type(data).__name__}",
                **self._context(call, response, tried),
            )
        code = data.get("code")
        if code not in (None, 0):
            raise exception_for(
                200,
                code if isinstance(code, int) else None,
                str(data.get("reason") or data.get("message") or code),
                **self._context(call, response, tried),
            )
        for key in _SUCCESS_REQUIRED[call.operation]:
            value = data.get(key)
            if not isinstance(value, str) or not value:
                raise InvalidResponseError(
                    200,
                    None,
                    f"{call.operation}: the response lacks {key!r}",
                    **self._context(call, response, tried),
                )
        try:
            return _RESULT_TYPES[call.operation](data)
        except ClientException as exc:
            for key, value in self._context(call, response, tried).items():
                setattr(exc, key, tuple(value) if key == "hosts_tried" else value)
            exc.status_code = 200
            raise

    def _error(self, call: _Call, response: httpx.Response, tried: list[str]) -> ClientRequestException:
        status = response.status_code
        code: int | None = None
        message: str | None = None
        try:
            data = json.loads(response.content) if response.content else None
        except (ValueError, UnicodeDecodeError):
            data = None
        if isinstance(data, dict):
            raw_code = data.get("code")
            if isinstance(raw_code, int) and not isinstance(raw_code, bool):
                code = raw_code
            elif isinstance(raw_code, str) and raw_code.isdigit():
                code = int(raw_code)
            reason = data.get("reason") or data.get("message")
            message = str(reason) if reason is not None else None
        if message is None:
            text = response.text.strip()
            message = (text[:200] + "...") if len(text) > 200 else (text or f"HTTP {status}")
        return exception_for(status, code, message, **self._context(call, response, tried))


def _version() -> str:
    from . import __version__

    return __version__


def make_file_handler(
    path: str | os.PathLike[str], level: int, max_bytes: int, backup_count: int, fmt: str | None
) -> logging.Handler:
    handler = RotatingFileHandler(
        os.fspath(path), maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(fmt or _LOG_FORMAT))
    return handler


def make_stream_handler(stream: Any, level: int, fmt: str | None) -> logging.Handler:
    handler = logging.StreamHandler(stream)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(fmt or _LOG_FORMAT))
    return handler


_LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


class SupportsToDict(Protocol):
    """Anything with ``to_dict()`` in wire form: ``api_start``/``api_update`` blocks, generated models."""

    def to_dict(self) -> dict[str, Any]: ...


#: A request block: an ``api_start``/``api_update`` block, a generated attrs model or a wire-form dict.
Block: TypeAlias = "SupportsToDict | Mapping[str, Any]"


def wire_blocks(**blocks: Any) -> dict[str, Any]:
    """``storageConfig=<block>, ...`` -> wire dict without the ``None`` ones."""
    return {key: to_wire(value) for key, value in blocks.items() if value is not None}


def fill_file_config(client_request: dict[str, Any]) -> None:
    """``recordingFileConfig`` is required except for screenshot-only recording."""
    if "recordingFileConfig" not in client_request and "snapshotConfig" not in client_request:
        client_request["recordingFileConfig"] = copy.deepcopy(C.DEFAULT_RECORDING_FILE_CONFIG)
