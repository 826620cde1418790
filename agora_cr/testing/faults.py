"""Fault injection: scripted misbehaviour the emulator applies before serving a request.

A :class:`Fault` matches requests by operation, host and/or predicate, skips the first ``after``
matches, then fires ``times`` times (``None``: until cleared). Faults are checked in the order they
were added; the first one that fires decides the request. Kinds:

``status``        answer ``status`` with a JSON body (service ``{code, reason}``, gateway ``{message}``,
                  or a default that fits the status) and optional ``Retry-After``
``delay``         wait ``delay`` seconds, then serve the request normally
``drop``          close the connection without answering (``reset``: abort it with an RST)
``html``          an HTML error page (``text/html``), default status 502
``empty``         an empty body, default status 200
``invalid_json``  a truncated JSON document, default status 200
``wrong_shape``   valid JSON of the wrong shape (a list), default status 200
``huge``          a valid JSON object of ``size`` bytes, default status 200

``delay`` also applies before any other kind.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

KINDS = ("status", "delay", "drop", "reset", "html", "empty", "invalid_json", "wrong_shape", "huge")

_DEFAULT_BODIES: dict[int, dict[str, Any]] = {
    201: {"code": 7, "reason": "already started"},
    206: {"code": 65, "reason": "request not completed"},
    400: {"code": 2, "reason": "invalid parameter"},
    401: {"message": "Invalid authentication credentials"},
    404: {"code": 404, "reason": "failed to find worker"},
    429: {"message": "API rate limit exceeded"},
    500: {"code": 500, "reason": "internal_error"},
    502: {"message": "An invalid response was received from the upstream server"},
    503: {"message": "failure to get a peer from the ring-balancer"},
    504: {"code": 62, "reason": "request timeout"},
}

_HTML = (
    "<html>\r\n<head><title>{status} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


@dataclass(frozen=True)
class RequestInfo:
    """What a fault predicate sees about a request (body parsed when it is JSON, else None)."""

    #: The HTTP method (``"POST"``, ``"GET"``).
    method: str
    #: The request path (``/v1/apps/{appid}/cloud_recording/...``).
    path: str
    #: The operationId (``"start"``, ``"getNcsIp"``, ...); ``None`` for an unrouted path.
    operation: str | None
    #: The recording mode in the path (``"individual"``, ``"mix"``, ``"web"``), if any.
    mode: str | None
    #: The name of the emulator host that received it (``"primary"``, or as ``add_host`` named it).
    host: str
    #: The request headers.
    headers: Mapping[str, str]
    #: The parsed JSON body, or ``None`` when the body is not JSON.
    body: Any


@dataclass(frozen=True)
class FaultResponse:
    """A canned answer; ``status`` None means "close the connection" (``reset``: with RST)."""

    status: int | None
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    reset: bool = False

    @property
    def code(self) -> int | None:
        try:
            parsed = json.loads(self.body) if self.body and len(self.body) < 65536 else None
        except ValueError:
            return None
        return (
            parsed.get("code") if isinstance(parsed, dict) and isinstance(parsed.get("code"), int) else None
        )


@dataclass
class Fault:
    """One injected fault; ``hits`` counts how often it fired, ``remaining`` what is left."""

    #: What it does: ``status``, ``delay``, ``drop``, ``reset``, ``html``, ``empty``, ``invalid_json``,
    #: ``wrong_shape`` or ``huge`` (see :mod:`agora_cr.testing`).
    kind: str
    #: The canned answer (``None`` for ``delay``, which serves the request normally).
    response: FaultResponse | None
    #: The operationIds it matches; ``None``: any request.
    operation: frozenset[str] | None = None
    #: The host (name or base URL) it matches; ``None``: any host.
    host: str | None = None
    #: A further condition on the :class:`RequestInfo` (``None``: none).
    predicate: Callable[[RequestInfo], bool] | None = None
    #: Seconds to wait before answering (or, for ``delay``, before serving normally).
    delay: float = 0.0
    #: How many times it fires; ``None``: until the faults are cleared.
    times: int | None = 1
    #: Matching requests let through before it fires.
    after: int = 0
    #: How many times it fired so far.
    hits: int = 0
    #: Matching requests let through so far (up to ``after``).
    skipped: int = 0

    @property
    def remaining(self) -> int | None:
        """How many more times it fires (``None``: until cleared)."""
        return None if self.times is None else max(0, self.times - self.hits)

    def matches(self, info: RequestInfo, host_url: str) -> bool:
        """Whether the request matches its ``operation``, ``host`` and ``predicate`` (not ``after``)."""
        if self.operation is not None and info.operation not in self.operation:
            return False
        if self.host is not None and self.host not in (info.host, host_url):
            return False
        return self.predicate is None or bool(self.predicate(info))


def build_fault(
    kind: str | None = None,
    *,
    operation: str | list[str] | tuple[str, ...] | None = None,
    status: int | None = None,
    code: int | None = None,
    reason: str | None = None,
    message: str | None = None,
    body: Any = None,
    content_type: str | None = None,
    headers: Mapping[str, str] | None = None,
    retry_after: float | str | None = None,
    delay: float = 0.0,
    size: int = 8 * 1024 * 1024,
    times: int | None = 1,
    after: int = 0,
    host: str | None = None,
    predicate: Callable[[RequestInfo], bool] | None = None,
) -> Fault:
    """Build a :class:`Fault` (see :meth:`agora_cr.testing.Emulator.inject` for the parameters)."""
    if kind is None:
        kind = (
            "delay"
            if status is None and delay > 0 and code is None and message is None and body is None
            else "status"
        )
    if kind not in KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(KINDS)}")
    if times is not None and times < 1:
        raise ValueError("times must be >= 1 or None")
    extra = tuple((headers or {}).items())
    if retry_after is not None:
        extra += (("Retry-After", str(retry_after)),)
    ops = (
        frozenset([operation] if isinstance(operation, str) else operation) if operation is not None else None
    )
    return Fault(
        kind=kind,
        response=_response(kind, status, code, reason, message, body, content_type, extra, size),
        operation=ops,
        host=None if host is None else host.rstrip("/"),
        predicate=predicate,
        delay=delay,
        times=times,
        after=after,
    )


def _encode(body: Any) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body, separators=(",", ":")).encode()


def _response(
    kind: str,
    status: int | None,
    code: int | None,
    reason: str | None,
    message: str | None,
    body: Any,
    content_type: str | None,
    headers: tuple[tuple[str, str], ...],
    size: int,
) -> FaultResponse | None:
    if kind == "delay":
        return None
    if kind in ("drop", "reset"):
        return FaultResponse(None, reset=kind == "reset")
    if kind == "status":
        status = 500 if status is None else status
        if body is None:
            if message is not None:
                body = {"message": message}
            elif code is not None:
                body = {"code": code, "reason": reason or _phrase(status)}
            else:
                body = _DEFAULT_BODIES.get(status, {"message": _phrase(status)})
        return FaultResponse(status, _encode(body), content_type or "application/json", headers)
    if kind == "html":
        status = 502 if status is None else status
        page = _HTML.format(status=status, phrase=_phrase(status))
        return FaultResponse(
            status, _encode(page if body is None else body), content_type or "text/html", headers
        )
    status = 200 if status is None else status
    if kind == "empty":
        data = b""
    elif kind == "invalid_json":
        data = b'{"resourceId": "abc", "sid": '
    elif kind == "wrong_shape":
        data = b'["unexpected", "shape"]'
    else:  # huge
        filler = max(0, size - len('{"padding":""}'))
        data = b'{"padding":"' + b"x" * filler + b'"}'
    return FaultResponse(
        status, data if body is None else _encode(body), content_type or "application/json", headers
    )


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class FaultPlan:
    """The ordered, thread-safe list of pending faults."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, info: RequestInfo, host_url: str) -> Fault | None:
        """The fault that fires for this request (consuming one use of it), or None."""
        with self._lock:
            for fault in self._faults:
                if not fault.matches(info, host_url):
                    continue
                if fault.skipped < fault.after:
                    fault.skipped += 1
                    continue
                fault.hits += 1
                if fault.times is not None and fault.hits >= fault.times:
                    self._faults.remove(fault)
                return fault
        return None
