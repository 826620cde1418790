"""Request building: path, validated wire body and recovery context of one call, before any I/O.

The path comes from the generated endpoint (``Operation.path``); the body is the wire dict the mode
method assembled, checked against the mode's request schema in the spec (compiled checks, see
``_validation``) and the cross-field rules (``_rules``), then encoded once. Request bodies stay wire
dicts rather than generated attrs models: converting every block to a model and back cost more than
the client's whole per-call budget (see ``benchmarks/``), and the dict is exactly what is sent.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

import orjson

from . import _constants as C
from ._operations import Operation, operation
from ._rules import check_client_request
from ._validation import Check, Lint, fail, parameter_check, schema_check, validate
from ._wire import to_wire
from .exceptions import ValidationError

R = TypeVar("R")

#: Request bodies are encoded by orjson: compact UTF-8 JSON, the same bytes as ``json.dumps(...,
#: separators=(",", ":"), ensure_ascii=False)`` for this API's values, at a tenth of the cost. It writes
#: NaN as ``null``; the compiled checks refuse non-finite numbers before anything is sent.


class Call(Generic[R]):
    """One operation to perform: where to send what, and what the caller needs to recover.

    ``R`` is the result type a success yields; ``context`` holds the call's ``resource_id``, ``sid``,
    ``cname`` and ``uid`` (copied onto every exception).
    """

    __slots__ = ("content", "context", "operation", "path")

    def __init__(
        self, operation: Operation, path: str, content: bytes | None, context: dict[str, Any]
    ) -> None:
        self.operation = operation
        self.path = path
        self.content = content
        self.context = context

    @property
    def method(self) -> str:
        """The HTTP method (from the generated endpoint)."""
        return self.operation.method


def as_uid(uid: object, operation_id: str) -> str:
    """A UID given as ``str`` or ``int`` in the wire's string form (checked against the spec later)."""
    if isinstance(uid, bool) or not isinstance(uid, (str, int)):
        raise ValidationError(
            f"uid: expected a string of digits (or an int), got {type(uid).__name__}",
            field="uid",
            operation=operation_id,
        )
    return str(uid)


def wire_blocks(
    op: Operation, mode: str, method: str, blocks: Mapping[str, Any], explicit: Mapping[str, Any] = {}
) -> dict[str, Any]:
    """The ``clientRequest`` of a mode method's keyword blocks, in wire form (``None`` ones left out).

    ``explicit`` holds the method's named parameters (by Python name), ``blocks`` its ``**blocks``; every
    name must be a field of the mode's ``clientRequest`` in the spec, else ``ValidationError`` (raised
    before anything is sent, naming the field and what the mode's method takes instead).
    """
    table = op.blocks(mode)
    request: dict[str, Any] = {}
    for name, value in (*explicit.items(), *blocks.items()):
        wire = table.get(name)
        if wire is None:
            if value is None:
                continue
            offered = ", ".join(sorted(table))
            field = f"clientRequest.{_any_wire_name(op, name)}"
            raise ValidationError(
                f"{field}: not accepted in {mode} mode ({method}() takes: {offered})",
                field=field,
                operation=op.id,
            )
        if value is not None:
            request[wire] = to_wire(value)
    return request


def _any_wire_name(op: Operation, name: str) -> str:
    """The JSON key a keyword stands for in any mode (itself when no mode knows it)."""
    for mode in (None, "individual", "mix", "web"):
        try:
            wire = op.client_request_model(mode).__wire_names__.get(name)
        except KeyError:
            continue
        if wire is not None:
            return str(wire)
    return name


@functools.cache
def _id_check(name: str) -> Check:
    return parameter_check(name)


@functools.cache
def _identity_checks(ref: str, cname_ref: str) -> tuple[Check, Check]:
    """Compiled checks of a body's ``cname`` (schema ``cname_ref``) and ``uid``."""
    return schema_check(cname_ref), schema_check(f"{ref}/properties/uid")


#: What a client does with a lint: ``on_lint(operation, lint)`` (it logs a warning).
LintHandler = Callable[[str, Lint], None]


#: Types of IDs whose checked paths are remembered (hashable, compared by value).
_PLAIN_IDS = (str, type(None))


class RequestBuilder:
    """Builds the calls of one client (its App ID and mode); safe to share between threads.

    ``strict`` turns lints into errors; ``on_lint`` receives the others (once per distinct request).
    """

    __slots__ = ("_app_id", "_checked", "_lock", "_mode", "_on_lint", "_paths", "_strict")

    def __init__(
        self, app_id: str, mode: str, *, strict: bool = False, on_lint: LintHandler | None = None
    ) -> None:
        self._app_id = app_id
        self._mode = mode
        self._strict = strict
        self._on_lint = on_lint
        #: ``(schema ref, clientRequest bytes)`` already checked by this client (see :meth:`_body`).
        self._checked: OrderedDict[tuple[str, bytes], None] = OrderedDict()
        self._lock = threading.Lock()
        #: ``(operation, resource_id, sid)`` -> path, for IDs already checked (a session's calls, polls
        #: above all, repeat them); bounded.
        self._paths: dict[tuple[str, str | None, str | None], str] = {}

    def call(
        self,
        operation_id: str,
        *,
        resource_id: Any = None,
        sid: Any = None,
        cname: Any = None,
        uid: Any = None,
        client_request: dict[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Call[Any]:
        """Check the inputs of one call against the spec and build it; raises ``ValidationError``.

        ``extra_body`` is sent too: its ``clientRequest`` keys join the ``clientRequest``, its other keys
        the body's top level (checked like the rest: a key the spec does not know is a lint).
        """
        op = operation(operation_id)
        context: dict[str, Any] = {}
        if resource_id is not None:
            context["resource_id"] = resource_id
        if sid is not None:
            context["sid"] = sid
        known = (
            (operation_id, resource_id, sid)
            if type(resource_id) in _PLAIN_IDS and type(sid) in _PLAIN_IDS
            else None
        )
        path = self._paths.get(known) if known is not None else None
        if path is None:
            path = self._path(op, resource_id, sid)
            if known is not None:
                if len(self._paths) >= C.CHECKED_PATHS_KEPT:
                    self._paths.clear()
                self._paths[known] = path
        content = None
        if op.has_body:
            uid = as_uid(uid, operation_id)
            context["cname"] = cname
            context["uid"] = uid
            top: dict[str, Any] = {}
            if extra_body:
                top = {
                    key: to_wire(value) for key, value in extra_body.items() if key not in ("cname", "uid")
                }
                extra_request = top.pop("clientRequest", None)
                if isinstance(extra_request, Mapping):
                    client_request = {**(client_request or {}), **extra_request}
            content = self._body(op, cname, uid, client_request or {}, top)
        return Call(op, path, content, context)

    def _path(self, op: Operation, resource_id: Any, sid: Any) -> str:
        """The request path, with the IDs checked (``ValidationError`` naming the wrong one)."""
        values: dict[str, Any] = {"appid": self._app_id, "mode": self._mode}
        if resource_id is not None or "resourceid" in op.path_parameters:
            validate(_id_check("ResourceId"), resource_id, "resource_id", op.id)
            values["resourceid"] = resource_id
        if sid is not None or "sid" in op.path_parameters:
            validate(_id_check("Sid"), sid, "sid", op.id)
            values["sid"] = sid
        return op.path(*[values[name] for name in op.path_parameters])

    def _body(
        self, op: Operation, cname: Any, uid: str, client_request: dict[str, Any], top: dict[str, Any]
    ) -> bytes:
        """Validate and encode ``{cname, uid, clientRequest}`` for ``op`` in this client's mode.

        ``cname`` and ``uid`` are checked on every call. The ``clientRequest`` (the mode's schema, then
        the rules it cannot express: ``_rules``, shared with the emulator) is checked once per distinct
        encoding: a recording backend sends the same configuration for every room, and re-checking it
        cost more than the client's whole remaining per-call overhead. Only requests that passed are
        remembered, per client, bounded; their lints are reported once.
        """
        operation_id = op.id
        mode = self._mode
        ref = op.body_schema_ref(mode)
        cname_check, uid_check = _identity_checks(ref, op.cname_schema_ref(mode))
        strict = self._strict
        lints = validate(cname_check, cname, "cname", operation_id, strict=strict)
        validate(uid_check, uid, "uid", operation_id, strict=strict)
        try:
            encoded: bytes | None = orjson.dumps(client_request)
        except (TypeError, ValueError):  # not JSON (an object, lone surrogates): the checks below say where
            encoded = None
        key = (ref, encoded or b"")
        if encoded is None or key not in self._checked:
            lints += check_client_request(operation_id, mode, client_request, strict=strict)
            if encoded is None:
                raise fail("clientRequest", "holds a value that cannot be sent as JSON", operation_id)
            if len(encoded) <= C.CHECKED_REQUEST_MAX_BYTES:
                self._remember(key)
        for name in top:
            lints.append(Lint(name, "unknown field (sent as given in extra_body)"))
        if lints:
            self._report(operation_id, lints)
        try:
            return orjson.dumps(
                {"cname": cname, "uid": uid, "clientRequest": orjson.Fragment(encoded), **top}
            )
        except TypeError:  # a lone surrogate in cname (uid is digits) or in extra_body
            raise fail(
                "cname", "is not valid Unicode text (it holds a lone surrogate)", operation_id
            ) from None

    def _report(self, operation_id: str, lints: list[Lint]) -> None:
        if self._strict:
            first = lints[0]
            raise fail(first.field, first.message, operation_id)
        if self._on_lint is not None:
            for lint in lints:
                self._on_lint(operation_id, lint)

    def after_fork(self) -> None:
        """In a forked child: a new lock (another thread of the parent may have held this one)."""
        self._lock = threading.Lock()

    def _remember(self, key: tuple[str, bytes]) -> None:
        with self._lock:
            checked = self._checked
            checked[key] = None
            while len(checked) > C.CHECKED_REQUESTS_KEPT:
                checked.popitem(last=False)
