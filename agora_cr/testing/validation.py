"""Routing and request checks of the emulator: the client's own rule set, run on what arrives.

The emulator checks a request with exactly the checks the client runs before sending (``agora_cr.
_validation`` compiled from the shipped spec, and ``agora_cr._rules``), so a body both accept is one
verdict, not two. Under the rule of fidelity a body the real service takes is accepted; what the spec
states beyond the docs comes back as lints (recorded with the request, sent in an ``X-Agora-CR-Lint``
header), which ``Emulator(strict=True)`` answers with ``400 {code: 2}`` like errors. A ``clientRequest``
that passed once is not checked again (cname, uid and the rest of the body always are): test suites and
benchmarks send one configuration for many channels.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from agora_cr._operations import operation, operations
from agora_cr._rules import check_client_request
from agora_cr._validation import Check, Lint, parameter_check, schema_check, validate
from agora_cr.exceptions import ValidationError
from agora_cr.spec import deref, load_spec

# Paths served in addition to the spec's own (the spec notes that some sources use /v2).
PATH_ALIASES = {"/v2/ncs/ip": "/v1/ncs/ip"}
_BODY_KEYS = frozenset({"cname", "uid", "clientRequest"})


@dataclass(frozen=True)
class Problem:
    """One validation failure: a service ``code`` (2 parameter, 8 header/JSON), field and message."""

    field: str
    message: str
    code: int = 2

    @property
    def reason(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class Route:
    """A spec operation on one concrete path pattern."""

    operation: str
    method: str
    pattern: re.Pattern[str]


def _problem(error: ValidationError) -> Problem:
    message = error.error_msg or ""
    field = error.field or "body"
    prefix = f"{field}: "
    return Problem(field, message[len(prefix) :] if message.startswith(prefix) else message)


@dataclass(frozen=True)
class _Envelope:
    """The checks of a body's own fields (``cname``, ``uid``, the required ones) for one operation
    and mode, compiled once: the schema lookups do not run per request."""

    operation_id: str
    required: tuple[str, ...]
    cname: Check
    uid: Check

    @classmethod
    def compile(cls, operation_id: str, ref: str, cname_ref: str) -> _Envelope:
        required = tuple(str(name) for name in deref({"$ref": ref}).get("required", ()))
        return cls(operation_id, required, schema_check(cname_ref), schema_check(f"{ref}/properties/uid"))

    def check(self, body: dict[str, Any], strict: bool) -> list[Lint]:
        """The envelope's lints; :class:`ValidationError` for the first error."""
        operation_id = self.operation_id
        for name in self.required:
            if name not in body:
                raise ValidationError(
                    f"{name}: required field is missing", field=name, operation=operation_id
                )
        lints: list[Lint] = []
        for name in body:
            if name not in _BODY_KEYS:
                lint = Lint(name, "unknown field")
                if strict:
                    raise ValidationError(str(lint), field=name, operation=operation_id)
                lints.append(lint)
        if "cname" in body:
            lints += validate(self.cname, body["cname"], "cname", operation_id, strict=strict)
        if "uid" in body:
            lints += validate(self.uid, body["uid"], "uid", operation_id, strict=strict)
        return lints


class CompiledSpec:
    """Routes and checks for the shipped spec (one per process)."""

    _ACCEPTED_KEPT = 256
    _PASSED_KEPT = 1024

    def __init__(self) -> None:
        spec = load_spec()
        self.routes: list[Route] = []
        #: Path parameters of each operation: name -> its compiled check.
        self._params: dict[str, dict[str, Any]] = {}
        aliases: dict[str, list[str]] = {}
        for alias, original in PATH_ALIASES.items():
            aliases.setdefault(original, []).append(alias)
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if not isinstance(op, Mapping) or "operationId" not in op:
                    continue
                name = str(op["operationId"])
                for served in [path, *aliases.get(path, [])]:
                    regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(served))
                    self.routes.append(Route(name, method.upper(), re.compile(f"^{regex}$")))
                self._params[name] = {
                    str(deref(p)["name"]): parameter_check(str(p["$ref"]).rsplit("/", 1)[1])
                    for p in op.get("parameters", [])
                    if deref(p).get("in") == "path"
                }
        #: (operation, mode, strict, canonical clientRequest) -> its lints, for requests that passed.
        self._accepted: OrderedDict[tuple[str, str, bool, bytes], tuple[Lint, ...]] = OrderedDict()
        self._lock = threading.Lock()
        #: (operation, mode) -> the compiled checks of its body's cname, uid and required fields.
        self._envelopes: dict[tuple[str, str], _Envelope] = {}
        #: (check, value) of path parameters that passed (checks are pure: a value passes or not).
        self._passed_params: set[tuple[Any, str]] = set()
        assert set(self._params) == set(operations())

    # -- routing --------------------------------------------------------------------------------
    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route serving ``method path`` and its raw path parameters, or None (no route)."""
        for route in self.routes:
            if route.method != method:
                continue
            found = route.pattern.match(path)
            if found:
                return route, found.groupdict()
        return None

    # -- checks ---------------------------------------------------------------------------------
    def check_params(self, operation_id: str, params: Mapping[str, str]) -> Problem | None:
        """The first path parameter that does not match its schema, if any."""
        passed = self._passed_params
        for name, check in self._params.get(operation_id, {}).items():
            value = params.get(name)
            if value is None or (check, value) in passed:
                continue
            try:
                validate(check, value, name, operation_id, strict=True)
            except ValidationError as exc:
                return _problem(exc)
            if len(passed) >= self._PASSED_KEPT:  # App ID and mode repeat; resource IDs and sids do not
                passed.clear()
            passed.add((check, value))
        return None

    def check_body(
        self, operation_id: str, mode: str | None, body: Any, *, strict: bool = False
    ) -> tuple[Problem | None, list[Lint]]:
        """Check a request body as the client checks what it sends: the first error, else the lints."""
        if mode is None:  # acquire: the scene tells web from the other two
            request = body.get("clientRequest") if isinstance(body, dict) else None
            scene = request.get("scene", 0) if isinstance(request, dict) else 0
            mode = "web" if scene == 1 else "individual"
        try:
            if not isinstance(body, dict):
                raise ValidationError("body: expected object", field="body", operation=operation_id)
            lints = self._envelope(operation_id, mode).check(body, strict)
            if "clientRequest" in body:
                lints += self._check_client_request(operation_id, mode, body["clientRequest"], strict)
        except ValidationError as exc:
            return _problem(exc), []
        return None, lints

    def _envelope(self, operation_id: str, mode: str) -> _Envelope:
        envelope = self._envelopes.get((operation_id, mode))
        if envelope is None:
            op = operation(operation_id)
            envelope = _Envelope.compile(operation_id, op.body_schema_ref(mode), op.cname_schema_ref(mode))
            self._envelopes[(operation_id, mode)] = envelope
        return envelope

    def _check_client_request(self, operation_id: str, mode: str, request: Any, strict: bool) -> list[Lint]:
        try:
            canonical = orjson.dumps(request, option=orjson.OPT_SORT_KEYS)
        except (TypeError, ValueError):
            canonical = None
        key = (operation_id, mode, strict, canonical or b"")
        found = self._accepted.get(key) if canonical is not None else None
        if found is not None:
            return list(found)
        lints = check_client_request(operation_id, mode, request, strict=strict)
        if canonical is not None:
            with self._lock:
                self._accepted[key] = tuple(lints)
                while len(self._accepted) > self._ACCEPTED_KEPT:
                    self._accepted.popitem(last=False)
        return lints


@functools.lru_cache(maxsize=1)
def compiled() -> CompiledSpec:
    """The emulator's routes and checks (built once per process)."""
    return CompiledSpec()


def drop_empty_strings(value: Any) -> Any:
    """``value`` without ``""`` members: the service reads an empty string for an optional field as
    unset (a lint), and so does the emulator's state machine."""
    if isinstance(value, dict):
        return {key: drop_empty_strings(item) for key, item in value.items() if item != ""}
    if isinstance(value, list):
        return [drop_empty_strings(item) for item in value]
    return value
