"""Request dispatch: routing, Basic auth, rate limit, validation, then the state machine.

Checks run in the gateway's order: route (404 ``no Route matched``), credentials (401), rate limit
(429), content type / JSON (400 code 8), path parameters and body against the spec (400 code 2),
then the operation itself. Nothing here touches sockets.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from agora_cr.testing.ratelimit import SlidingWindowLimiter
from agora_cr.testing.state import Reply, Store, service_error
from agora_cr.testing.validation import CompiledSpec, drop_empty_strings

NO_ROUTE = Reply(404, {"message": "no Route matched with those values"})
UNAUTHORIZED = Reply(401, {"message": "Unauthorized"})
BAD_CREDENTIALS = Reply(401, {"message": "Invalid authentication credentials"})
NCS_HOSTS = ("203.0.113.10", "203.0.113.11")
#: The response header listing what a request did that the spec documents otherwise (its lints).
LINT_HEADER = "X-Agora-CR-Lint"
_LINT_HEADER_MAX = 2000


class _NoBody:
    """Marker for "no body or not JSON"."""


NO_JSON: Any = _NoBody()


@dataclass(frozen=True)
class Prepared:
    """A routed request: operation, decoded path parameters and the parsed JSON body."""

    method: str
    path: str
    operation: str | None
    params: Mapping[str, str]
    headers: Mapping[str, str]
    raw_body: bytes
    body: Any

    @property
    def mode(self) -> str | None:
        return self.params.get("mode")

    @property
    def json(self) -> Any:
        """The parsed body, or None when absent or not JSON."""
        return None if self.body is NO_JSON else self.body


class Service:
    """The emulated Cloud Recording gateway and service for one set of credentials."""

    def __init__(
        self,
        spec: CompiledSpec,
        store: Store,
        *,
        app_id: str,
        customer_id: str,
        customer_secret: str,
        limiter: SlidingWindowLimiter | None,
        strict: bool = False,
    ) -> None:
        self.spec = spec
        self.strict = strict
        self.store = store
        self.app_id = app_id
        self.limiter = limiter
        self._credential = f"{customer_id}:{customer_secret}".encode()

    def prepare(self, method: str, target: str, headers: Mapping[str, str], raw_body: bytes) -> Prepared:
        """Route a request and parse its body (headers keyed in lower case)."""
        path = target.split("?", 1)[0]
        found = self.spec.match(method, path)
        operation, params = (
            (found[0].operation, {k: unquote(v) for k, v in found[1].items()}) if found else (None, {})
        )
        body: Any = NO_JSON
        if raw_body:
            try:
                body = json.loads(raw_body)
            except ValueError:
                body = NO_JSON
        return Prepared(method, path, operation, params, headers, raw_body, body)

    def respond(self, request: Prepared) -> Reply:
        """The service's answer to a routed request."""
        if request.operation is None:
            return NO_ROUTE
        denied = self._authenticate(request)
        if denied is not None:
            return denied
        if self.limiter is not None:
            wait = self.limiter.admit()
            if wait is not None:
                return Reply(
                    429,
                    {"message": "API rate limit exceeded"},
                    (("Retry-After", self.limiter.retry_after(wait)),),
                )
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if content_type != "application/json":
                return service_error(400, 8, "Content-Type must be application/json")
            if request.body is NO_JSON:
                return service_error(400, 8, "request body is not valid JSON")
        problem = self.spec.check_params(request.operation, request.params)
        lints: list[Any] = []
        if problem is None and request.method == "POST":
            problem, lints = self.spec.check_body(
                request.operation, request.mode, request.body, strict=self.strict
            )
        if problem is not None:
            return service_error(400, problem.code, problem.reason)
        if not lints:
            return self._dispatch(request)
        # Taken as the service takes it: an empty string for an optional field reads as unset.
        reply = self._dispatch(dataclasses.replace(request, body=drop_empty_strings(request.body)))
        texts = tuple(str(lint) for lint in lints)
        header = "; ".join(texts).encode("ascii", "backslashreplace").decode("ascii")[:_LINT_HEADER_MAX]
        return dataclasses.replace(reply, headers=(*reply.headers, (LINT_HEADER, header)), lints=texts)

    def _authenticate(self, request: Prepared) -> Reply | None:
        header = request.headers.get("authorization")
        if not header:
            return UNAUTHORIZED
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "basic":
            return BAD_CREDENTIALS
        try:
            decoded = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            return BAD_CREDENTIALS
        if not hmac.compare_digest(decoded, self._credential):
            return BAD_CREDENTIALS
        app_id = request.params.get("appid")
        if app_id is not None and app_id != self.app_id:
            return BAD_CREDENTIALS
        return None

    def _dispatch(self, request: Prepared) -> Reply:
        store, p, body = self.store, request.params, request.body
        operation = request.operation
        if operation == "getNcsIp":
            return Reply(200, {"data": {"service": {"hosts": [{"primaryIP": ip} for ip in NCS_HOSTS]}}})
        if operation == "acquire":
            return store.acquire(p["appid"], body)
        if operation == "start":
            return store.start(p["appid"], p["resourceid"], p["mode"], body)
        if operation == "query":
            return store.query(p["appid"], p["resourceid"], p["sid"], p["mode"])
        if operation == "update":
            return store.update(p["appid"], p["resourceid"], p["sid"], p["mode"], body)
        if operation == "updateLayout":
            return store.update_layout(p["appid"], p["resourceid"], p["sid"], p["mode"], body)
        if operation == "stop":
            return store.stop(p["appid"], p["resourceid"], p["sid"], p["mode"], body)
        return NO_ROUTE
