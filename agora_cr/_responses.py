"""Response mapping: a status and a body become one result or one typed exception.

The body is decoded once (bounded: deep nesting or absurd numbers are an :class:`InvalidResponseError`,
never a ``RecursionError``), checked for *shape* against the operation's response schema (an object
where the spec has an object, a list where it has a list; scalars are normalised by the result views),
then parsed by the generated endpoint's ``parse`` into its model. A success becomes the operation's
result view; anything else, including ``201 {code: 7}`` and ``206 {code: 65}``, becomes the exception
that :func:`agora_cr.exceptions.exception_for` chooses, carrying status, code, reason and request id.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from . import _constants as C
from ._operations import Operation
from ._validation import json_type_name
from .exceptions import ClientRequestException, InvalidResponseError, exception_for
from .results import (
    AcquireResult,
    NcsIpResult,
    QueryResult,
    StartResult,
    StopResult,
    UpdateLayoutResult,
    UpdateResult,
    plain_int,
    plain_str,
)
from .spec import deref, resolve

#: The result view of each operation's success body.
RESULT_TYPES: dict[str, type[Any]] = {
    "acquire": AcquireResult,
    "start": StartResult,
    "query": QueryResult,
    "update": UpdateResult,
    "updateLayout": UpdateLayoutResult,
    "stop": StopResult,
    "getNcsIp": NcsIpResult,
}

_NOT_JSON = object()
_UNREAD = object()
_SHOWN_TEXT = 200


class Answer:
    """One HTTP answer as the policy sees it: status, headers and the body decoded at most once.
    ``problem`` says why the body could not be read (too large, undecodable), if it could not."""

    __slots__ = ("_data", "content", "headers", "problem", "status")

    def __init__(
        self, status: int, headers: Mapping[str, str], content: bytes, problem: str | None = None
    ) -> None:
        self.status = status
        self.headers = headers
        self.content = content
        self.problem = problem
        self._data: Any = _UNREAD

    @property
    def data(self) -> Any:
        """The decoded JSON body, or ``_NOT_JSON`` (empty, not JSON, or beyond the decoder's limits)."""
        if self._data is _UNREAD:
            self._data = _decode(self.content)
        return self._data

    @property
    def request_id(self) -> str | None:
        """The service's request id (see :func:`request_id`)."""
        return request_id(self.headers)

    def text(self) -> str:
        """The body as text for an error message: stripped, cut to a readable length."""
        if self.problem is not None:
            return self.problem
        text = self.content.decode("utf-8", "replace").strip()
        return (text[:_SHOWN_TEXT] + "...") if len(text) > _SHOWN_TEXT else text


def request_id(headers: Mapping[str, str]) -> str | None:
    """The request id of an answer: the first of :data:`~agora_cr._constants.REQUEST_ID_HEADERS` sent."""
    for name in C.REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


def _decode(content: bytes) -> Any:
    if not content:
        return _NOT_JSON
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:  # not JSON, not UTF-8, nested past 1024 levels, NaN or infinite
        return _NOT_JSON


# ----------------------------------------------------------------------------------------- shapes
Shape = Callable[[Any], "str | None"]


def _object_shape(schema: Mapping[str, Any]) -> Shape:
    properties = schema.get("properties") or {}
    # Only fields that are objects or lists in the spec can have a wrong shape; scalars never do.
    containers = [(name, found) for name, sub in properties.items() if (found := _shape(sub)) is not _accept]
    required = tuple(
        name
        for name in schema.get("required") or ()
        if deref(properties.get(name, {})).get("type") == "string"
    )

    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"is not an object ({_json_type(value)})"
        for name in required:
            found = value.get(name)
            if not isinstance(found, str) or not found:
                return f".{name} is missing or not a string" if found is not None else f".{name} is missing"
        for name, sub in containers:
            item = value.get(name)
            if item is not None:
                problem = sub(item)
                if problem is not None:
                    return f".{name} {problem}" if not problem.startswith(("[", ".")) else f".{name}{problem}"
        return None

    return check


def _array_shape(schema: Mapping[str, Any]) -> Shape:
    items = _shape(schema["items"]) if "items" in schema else None

    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"is not a list ({_json_type(value)})"
        if items is not None:
            for index, item in enumerate(value):
                problem = None if item is None else items(item)
                if problem is not None:
                    return (
                        f"[{index}] {problem}"
                        if not problem.startswith(("[", "."))
                        else f"[{index}]{problem}"
                    )
        return None

    return check


def _any_shape(branches: list[Shape]) -> Shape:
    def check(value: Any) -> str | None:
        problems = [branch(value) for branch in branches]
        return None if None in problems else problems[0]

    return check


def _accept(value: Any) -> None:
    return None


def _shape(schema: Mapping[str, Any]) -> Shape:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _ref_shape(ref)
    if "anyOf" in schema:
        return _any_shape([_shape(branch) for branch in schema["anyOf"]])
    if schema.get("type") == "object" or "properties" in schema:
        return _object_shape(schema)
    if schema.get("type") == "array":
        return _array_shape(schema)
    return _accept


@functools.cache
def _ref_shape(ref: str) -> Shape:
    # Response schemas do not refer to themselves; a cycle would recurse here.
    return _shape(resolve(ref))


@functools.cache
def success_shape(operation: Operation) -> Shape:
    """The shape check of ``operation``'s 200 body (from its response schema in the spec)."""
    response = deref(operation.spec["responses"]["200"])
    return _shape(response["content"]["application/json"]["schema"])


def _json_type(value: Any) -> str:
    name = json_type_name(value)
    return name if name == "null" else f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _without_nulls(value: Any) -> Any:
    """``value`` without ``null`` members: the generated parsers read an absent object or list, not a
    ``null`` one (tried only when a body with nulls failed to parse)."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value if item is not None]
    return value


# ---------------------------------------------------------------------------------------- mapping
def success(operation: Operation, answer: Answer, context: dict[str, Any], tried: list[str]) -> Any:
    """The result view of a 200 answer, or the exception it stands for."""
    data = answer.data
    if data is _NOT_JSON or not isinstance(data, dict):
        raise _invalid(operation, answer, context, tried, _what_body(answer, data))
    code = data.get("code")
    if code is not None and code != 0:
        raise exception_for(
            answer.status,
            plain_int(code),
            plain_str(data.get("reason")) or plain_str(data.get("message")) or f"code {code!r}",
            **_context(operation, answer, context, tried),
        )
    problem = success_shape(operation)(data)
    if problem is not None:
        raise _invalid(operation, answer, context, tried, f"a malformed body ({problem.lstrip('.')})")
    try:
        model = operation.parse(200, data)
    except (TypeError, AttributeError):  # a null where the spec has an object or a list
        try:
            model = operation.parse(200, _without_nulls(data))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            what = f"a body that does not parse ({type(exc).__name__})"
            raise _invalid(operation, answer, context, tried, what) from None
    except (KeyError, ValueError) as exc:
        what = f"a body that does not parse ({type(exc).__name__})"
        raise _invalid(operation, answer, context, tried, what) from None
    return RESULT_TYPES[operation.id](model, answer.headers)


def failure(
    operation: Operation, answer: Answer, context: dict[str, Any], tried: list[str]
) -> ClientRequestException:
    """The exception for a non-200 answer: the generated error model's ``code`` and ``reason``
    (service errors) or ``message`` (gateway errors), else the body's text."""
    data = answer.data
    code: int | None = None
    message: str | None = None
    if isinstance(data, dict):
        try:
            model = operation.parse(answer.status, data)
        except (KeyError, TypeError, ValueError, AttributeError):
            model = None
        if model is not None:
            code = plain_int(getattr(model, "code", None))
            message = plain_str(getattr(model, "reason", None)) or plain_str(getattr(model, "message", None))
        else:  # an undocumented status: read the same two shapes by hand
            code = plain_int(data.get("code"))
            message = plain_str(data.get("reason")) or plain_str(data.get("message"))
    if message is None:
        message = answer.text() or f"HTTP {answer.status}"
    return exception_for(answer.status, code, message, **_context(operation, answer, context, tried))


def _context(
    operation: Operation, answer: Answer, context: dict[str, Any], tried: list[str]
) -> dict[str, Any]:
    return {"operation": operation.id, "request_id": answer.request_id, "hosts_tried": tried, **context}


def _what_body(answer: Answer, data: Any) -> str:
    if answer.problem is not None:
        return answer.problem
    if data is _NOT_JSON:
        text = answer.text()
        return "an empty body" if not text else f"a body that is not JSON: {text!r}"
    return f"a JSON body that is not an object ({_json_type(data)})"


def _invalid(
    operation: Operation, answer: Answer, context: dict[str, Any], tried: list[str], what: str
) -> InvalidResponseError:
    return InvalidResponseError(
        answer.status,
        None,
        f"{operation.id}: the service answered HTTP {answer.status} with {what}",
        **_context(operation, answer, context, tried),
    )
