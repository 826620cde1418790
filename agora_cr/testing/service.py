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
from typing import Any, NamedTuple
from urllib.parse import unquote

from agora_cr.exceptions import ValidationError
from agora_cr.testing.ratelimit import SlidingWindowLimiter
from agora_cr.testing.state import Reply, Store, service_error
from agora_cr.testing.validation import CompiledSpec, drop_empty_strings
from agora_cr.tokens import parse_token, verify_token

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


class Prepared(NamedTuple):
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
        app_certificate: str | None = None,
    ) -> None:
        self.spec = spec
        #: With an App Certificate, individual and mix ``start`` need the recorder's RTC token.
        self.app_certificate = app_certificate
        self.strict = strict
        self.store = store
        self.app_id = app_id
        self.limiter = limiter
        self._credential = f"{customer_id}:{customer_secret}".encode()
        #: The header a client sends for these credentials, to accept without decoding it each time.
        self._basic = b"Basic " + base64.b64encode(self._credential)

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
        reply = self._dispatch(request._replace(body=drop_empty_strings(request.body)))
        texts = tuple(str(lint) for lint in lints)
        header = "; ".join(texts).encode("ascii", "backslashreplace").decode("ascii")[:_LINT_HEADER_MAX]
        return dataclasses.replace(reply, headers=(*reply.headers, (LINT_HEADER, header)), lints=texts)

    def _authenticate(self, request: Prepared) -> Reply | None:
        header = request.headers.get("authorization")
        if not header:
            return UNAUTHORIZED
        if hmac.compare_digest(header.encode("latin-1", "replace"), self._basic):
            return self._check_app_id(request)
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "basic":
            return BAD_CREDENTIALS
        try:
            decoded = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            return BAD_CREDENTIALS
        if not hmac.compare_digest(decoded, self._credential):
            return BAD_CREDENTIALS
        return self._check_app_id(request)

    def _check_app_id(self, request: Prepared) -> Reply | None:
        app_id = request.params.get("appid")
        if app_id is not None and app_id != self.app_id:
            return BAD_CREDENTIALS
        return None

    def _check_token(self, mode: str, body: Any) -> Reply | None:
        """Code 110 for a missing, unreadable or foreign token (another App ID, channel or uid, or a
        signature of another certificate), 109 for one whose join privilege has ended."""
        if self.app_certificate is None or mode == "web":
            return None
        token = (body.get("clientRequest") or {}).get("token")
        if not token:
            return service_error(400, 110, "token invalid: the project has an App Certificate; pass a token")
        try:
            parsed = parse_token(token)
            signed = verify_token(parsed, self.app_certificate)
        except ValidationError:
            return service_error(400, 110, "token invalid")
        uid, cname = body.get("uid"), body.get("cname")
        foreign = parsed.app_id != self.app_id or parsed.channel != cname or parsed.uid not in ("", uid)
        if not signed or foreign:
            return service_error(400, 110, "token invalid")
        if self.store.wall_now() >= parsed.valid_until():
            return service_error(400, 109, "token expired")
        return None

    def _dispatch(self, request: Prepared) -> Reply:
        store, p, body = self.store, request.params, request.body
        operation = request.operation
        if operation == "getNcsIp":
            return Reply(200, {"data": {"service": {"hosts": [{"primaryIP": ip} for ip in NCS_HOSTS]}}})
        if operation == "acquire":
            return store.acquire(p["appid"], body)
        if operation == "start":
            refused = self._check_token(p["mode"], body)
            if refused is not None:
                return refused
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
