"""Request checks compiled from the OpenAPI description, with two levels: errors and lints.

A small compiler turns the JSON-Schema subset the spec uses (``type``, ``enum``, ``minimum``/``maximum``,
``minLength``/``maxLength``, ``pattern``, ``items``, ``minItems``/``maxItems``, ``uniqueItems``,
``required``, ``properties``, ``additionalProperties: false``, ``anyOf``, ``$ref``) into nested closures,
once per schema, cached for the process; the client and the emulator run the very same checks.

The rule of fidelity: never stricter than the real service. What the spec states that the service is
not known to enforce is a *lint*, reported (the client logs it, the emulator records it and answers
with an ``X-Agora-CR-Lint`` header) but not refused, unless the caller asked for ``strict`` checks:

* a key the schema does not know (``additionalProperties: false``): Agora's own SDKs send some
  (``VideoBitrate``), and middleware adds others (a ``resourceId`` in ``stop``);
* an empty string for an optional string (``errorHandlePolicy: ""``): Agora's Go SDK sends them for
  unset fields, and the service reads them as unset;
* an integer written as a float (``24.0``), which JSON Schema counts as an integer;
* any keyword a schema lists under ``x-agora-lints`` (a limit the docs do not state), with its source.

Everything else (types, enums, documented ranges and formats, required fields) is an error: a
:class:`ValidationError` whose ``field`` is the JSON path, raised before anything is sent. Secret
values are never echoed in messages.
"""

from __future__ import annotations

import difflib
import functools
import threading
from collections.abc import Callable, Mapping
from math import isfinite
from typing import Any, NamedTuple

from ._secrets import is_secret
from .exceptions import ValidationError
from .spec import ecma_regex, load_spec


class Lint(NamedTuple):
    """A request the service takes, but that the spec's documented shape does not match."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class Context:
    """One run of the checks: where they are (for lint paths), what they found, and how strict."""

    __slots__ = ("lints", "path", "strict")

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.path: list[str] = []
        self.lints: list[tuple[list[str], str]] = []

    def lint(self, problem: _Invalid) -> None:
        """Record a lint found at the current path (plus the problem's own path); raise it if strict."""
        if self.strict:
            raise problem
        self.lints.append(([*self.path, *reversed(problem.path)], problem.message))


Check = Callable[[Any, Context], None]

_SCHEMA_PREFIX = "#/components/schemas/"
#: Compilation is done once per schema and guarded: a check is published only once it is complete, so
#: threads making their first calls at the same time never see a half-built one.
_LOCK = threading.RLock()


class _Invalid(Exception):
    """Raised inside compiled checks; carries the reversed path built while unwinding."""

    def __init__(self, message: str, path: list[str] | None = None, score: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path: list[str] = path if path is not None else []
        self.score = score


def _show(value: Any, key: str | None) -> str:
    if key is not None and is_secret(key):
        return "<secret>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def json_type_name(value: Any) -> str:
    """The JSON Schema type of a Python value (``integer``, ``object``, ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _is_type(value: Any, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "integer":  # JSON Schema: 24.0 is an integer too
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and isfinite(value) and value.is_integer()
        )
    if expected == "number":  # JSON has no NaN or infinity
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and isfinite(value)
        )
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "array":
        return isinstance(value, list)
    if expected == "object":
        return isinstance(value, dict)
    return True


class _Compiler:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = spec
        self._cache: dict[tuple[str, str | None], Check] = {}

    def resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        node: Any = self._spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        if not isinstance(node, Mapping):
            raise ValueError(f"$ref {ref!r} is not a schema")
        return node

    def deref(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while isinstance(schema.get("$ref"), str):
            schema = self.resolve(schema["$ref"])
        return schema

    def ref(self, ref: str, key: str | None = None) -> Check:
        """The check of the schema at ``ref``; ``key`` is the field it checks when that field is a
        secret (its messages then never show the value), else ``None``."""
        cache_key = (ref, key)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        holder: list[Check] = []

        def late(value: Any, ctx: Context) -> None:  # only used if a schema refers to itself
            holder[0](value, ctx)

        self._cache[cache_key] = late
        compiled = self.compile(self.resolve(ref), key=key)
        holder.append(compiled)
        self._cache[cache_key] = compiled
        return compiled

    def compile(self, schema: Mapping[str, Any], key: str | None) -> Check:
        if "$ref" in schema:
            return self.ref(schema["$ref"], key if key is not None and is_secret(key) else None)
        checks: list[Check] = []
        if "anyOf" in schema:
            checks.append(self._any_of([self.compile(s, key) for s in schema["anyOf"]]))
        typ = schema.get("type")
        if typ == "object" or "properties" in schema:
            checks.append(self._object(schema))
        elif typ == "array":
            checks.append(self._array(schema, key))
        elif typ is not None or "enum" in schema:
            checks.append(self._scalar(schema, typ, key))
        lints = schema.get("x-agora-lints")
        if lints:
            checks.append(self._lints(self.compile({"type": typ, **lints} if typ else dict(lints), key)))
        if not checks:
            return _accept
        if len(checks) == 1:
            return checks[0]

        def all_of(value: Any, ctx: Context) -> None:
            for check in checks:
                check(value, ctx)

        return all_of

    @staticmethod
    def _lints(inner: Check) -> Check:
        """Keywords checked as lints: a failure is reported, not raised (unless strict)."""

        def check(value: Any, ctx: Context) -> None:
            try:
                inner(value, ctx)
            except _Invalid as exc:
                exc.message += " (a limit the service is not documented to enforce)"
                ctx.lint(exc)

        return check

    def _scalar(self, schema: Mapping[str, Any], typ: str | None, key: str | None) -> Check:
        enum = schema.get("enum")
        enum_set = frozenset(enum) if enum is not None else None
        minimum = schema.get("minimum")
        maximum = schema.get("maximum")
        min_len = schema.get("minLength")
        max_len = schema.get("maxLength")
        max_bytes = schema.get("x-agora-max-bytes")
        source = schema.get("pattern")
        pattern = ecma_regex(source) if source is not None else None
        # The spec says in words what its pattern means (x-agora-format); the regex is the fallback.
        expected = schema.get("x-agora-format") or f"in the required format {source!r}"
        enum_text = ", ".join(repr(v) for v in enum) if enum is not None else ""

        def check(value: Any, ctx: Context) -> None:
            if typ is not None and not _is_type(value, typ):
                raise _Invalid(f"expected {typ}, got {json_type_name(value)}")
            if typ == "integer" and isinstance(value, float):
                ctx.lint(_Invalid(f"an integer written as {value!r}; send {int(value)}"))
            if enum_set is not None and not _in_enum(value, enum_set, typ):
                raise _Invalid(f"{_show(value, key)} is not one of [{enum_text}]")
            if minimum is not None and value < minimum:
                raise _Invalid(f"must be >= {minimum} (got {_show(value, key)})")
            if maximum is not None and value > maximum:
                raise _Invalid(f"must be <= {maximum} (got {_show(value, key)})")
            if min_len is not None and len(value) < min_len:
                raise _Invalid(f"must be at least {min_len} characters long")
            if max_len is not None and len(value) > max_len:
                raise _Invalid(f"must be at most {max_len} characters long")
            if typ == "string" and not value.isascii():
                try:
                    size = len(value.encode("utf-8"))
                except UnicodeEncodeError:
                    raise _Invalid("is not valid Unicode text (it holds a lone surrogate)") from None
                if max_bytes is not None and size > max_bytes:
                    raise _Invalid(f"must be at most {max_bytes} bytes long in UTF-8 (got {size})")
            if pattern is not None and pattern.search(value) is None:
                raise _Invalid(f"{_show(value, key)} is not {expected}")

        return check

    def _array(self, schema: Mapping[str, Any], key: str | None) -> Check:
        items = self.compile(schema["items"], key) if "items" in schema else None
        min_items = schema.get("minItems")
        max_items = schema.get("maxItems")
        unique = bool(schema.get("uniqueItems"))

        def check(value: Any, ctx: Context) -> None:
            if not isinstance(value, list):
                raise _Invalid(f"expected array, got {json_type_name(value)}")
            count = len(value)
            if min_items is not None and count < min_items:
                raise _Invalid(f"must have at least {min_items} item(s)")
            if max_items is not None and count > max_items:
                raise _Invalid(f"must have at most {max_items} item(s) (got {count})")
            if unique and count > 1:
                seen: list[Any] = []
                for item in value:
                    if item in seen:
                        raise _Invalid(f"items must be unique ({_show(item, key)} repeats)")
                    seen.append(item)
            if items is not None:
                path = ctx.path
                for index, item in enumerate(value):
                    path.append(f"[{index}]")
                    try:
                        items(item, ctx)
                    except _Invalid as exc:
                        exc.path.append(f"[{index}]")
                        raise
                    path.pop()

        return check

    def _object(self, schema: Mapping[str, Any]) -> Check:
        properties = schema.get("properties") or {}
        props: dict[str, Check] = {name: self.compile(sub, name) for name, sub in properties.items()}
        required: tuple[str, ...] = tuple(schema.get("required") or ())
        #: Optional string fields: an empty string there is read by the service as unset.
        optional_strings = frozenset(
            name
            for name, sub in properties.items()
            if name not in required and self.deref(sub).get("type") == "string"
        )
        closed = schema.get("additionalProperties") is False
        known = sorted(props)

        def check(value: Any, ctx: Context) -> None:
            if not isinstance(value, dict):
                raise _Invalid(f"expected object, got {json_type_name(value)}")
            for name in required:
                if name not in value:
                    raise _Invalid("required field is missing", [name], score=_overlap(value, props))
            path = ctx.path
            for name, item in value.items():
                sub = props.get(name)
                if sub is None:
                    if closed:
                        ctx.lint(
                            _Invalid(f"unknown field{_suggest(name, known)}", [name], _overlap(value, props))
                        )
                    continue
                if item == "" and name in optional_strings:
                    ctx.lint(
                        _Invalid("an empty string for an optional field, read as unset: omit it", [name])
                    )
                    continue
                path.append(name)
                try:
                    sub(item, ctx)
                except _Invalid as exc:
                    exc.path.append(name)
                    exc.score += _overlap(value, props)
                    raise
                path.pop()

        return check

    @staticmethod
    def _any_of(branches: list[Check]) -> Check:
        def check(value: Any, ctx: Context) -> None:
            best: _Invalid | None = None
            depth, found = len(ctx.path), len(ctx.lints)
            for branch in branches:
                try:
                    branch(value, ctx)
                    return
                except _Invalid as exc:
                    del ctx.path[depth:]  # a failed branch's path and lints are not the value's
                    del ctx.lints[found:]
                    if best is None or (exc.score, len(exc.path)) > (best.score, len(best.path)):
                        best = exc
            assert best is not None
            raise best

        return check


def _in_enum(value: Any, allowed: frozenset[Any], typ: str | None) -> bool:
    if isinstance(value, bool) and typ != "boolean":
        return False
    try:
        return value in allowed
    except TypeError:  # unhashable
        return False


def _accept(value: Any, ctx: Context) -> None:
    return None


def _overlap(value: Mapping[str, Any], props: Mapping[str, Any]) -> int:
    return sum(1 for name in value if name in props)


def _suggest(name: str, known: list[str]) -> str:
    """``; did you mean 'videoBitrate'?`` for a key that differs in case, ``_`` or a typo."""
    lowered = name.lower().replace("_", "")
    for candidate in known:
        if candidate.lower().replace("_", "") == lowered:
            return f"; did you mean {candidate!r}?"
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _join(prefix: str, parts: list[str]) -> str:
    path = prefix
    for part in parts:
        if part.startswith("["):
            path += part
        else:
            path = f"{path}.{part}" if path else part
    return path


@functools.lru_cache(maxsize=1)
def _compiler() -> _Compiler:
    return _Compiler(load_spec())


@functools.cache
def schema_check(ref: str) -> Check:
    """Compiled check for ``#/components/...`` (or a bare component-schema name)."""
    if not ref.startswith("#/"):
        ref = _SCHEMA_PREFIX + ref
    with _LOCK:
        return _compiler().ref(ref)


def validate(check: Check, value: Any, path: str, operation: str, *, strict: bool = False) -> list[Lint]:
    """Run a compiled check: its lints, or :class:`ValidationError` with the JSON path (lints too when
    ``strict``)."""
    ctx = Context(strict)
    try:
        check(value, ctx)
        return [Lint(_join(path, parts), message) for parts, message in ctx.lints] if ctx.lints else []
    except _Invalid as exc:
        field = _join(path, exc.path[::-1])
        message = exc.message
    # Raised outside the handler: the failed check's frames (whose locals hold the checked values,
    # secrets included) are not chained to the error.
    raise ValidationError(f"{field}: {message}", field=field, operation=operation)


def fail(field: str, message: str, operation: str) -> ValidationError:
    """The error of a rule the schema cannot express."""
    return ValidationError(f"{field}: {message}", field=field, operation=operation)


@functools.cache
def parameter_check(name: str) -> Check:
    """Compiled check for a path parameter (``AppId``, ``ResourceId``, ``Sid``)."""
    param = load_spec()["components"]["parameters"][name]
    with _LOCK:
        return _compiler().compile(param["schema"], key=None)
