"""``op``: one definition of an operation serves the sync and the async client.

A mode declares ``acquire = op(build_acquire)`` once. ``build_acquire(client, /, ...)`` checks the inputs
and returns the :class:`~agora_cr._requests.Call`; on a :class:`~agora_cr._transport.SyncClient` the
attribute is a method returning the result, on an :class:`~agora_cr._transport.AsyncClient` a coroutine
method (inputs are checked when it is awaited). Type checkers see both signatures (``ParamSpec``).
``inspect.signature`` also lists every ``clientRequest`` block the mode's method accepts as a keyword,
as the spec (through the generated models) defines them.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from types import MethodType
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast, overload

from .._client import BaseClient
from .._operations import operation
from .._requests import Call
from .._transport import AsyncClient, SyncClient
from ..exceptions import ValidationError

P = ParamSpec("P")
R = TypeVar("R")


class op(Generic[P, R]):
    """An operation method built from a call builder; see the module docstring."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[R]], operation_id: str) -> None:
        self.build = build
        self.operation_id = operation_id
        self.__doc__ = build.__doc__
        self.__wrapped__ = build
        self._name = build.__name__
        self._signatures: dict[type[Any], inspect.Signature] = {}
        self._functions: dict[type[Any], Callable[..., Any]] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Callable[..., Any]: ...
    @overload
    def __get__(self, obj: SyncClient, owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(self, obj: AsyncClient, owner: type[Any]) -> Callable[P, Awaitable[R]]: ...
    def __get__(self, obj: Any, owner: type[Any]) -> Any:
        function = self._functions.get(owner) or self._unbound(owner)
        return function if obj is None else MethodType(function, obj)

    def _unbound(self, owner: type[Any]) -> Callable[..., Any]:
        """The method as a plain (coroutine) function of the client, with the signature and docstring
        that ``help()``, ``inspect`` and the docs show; built once per class."""
        build = self.build
        function: Callable[..., Any]
        if issubclass(owner, AsyncClient):

            async def function(self: Any, /, *args: Any, **kwargs: Any) -> Any:
                try:
                    call = build(self, *args, **kwargs)
                except (ValidationError, TypeError) as exc:
                    del args, kwargs  # see _checked below
                    raise _checked(exc) from None
                del args, kwargs
                return await self._run(call)

        else:

            def function(self: Any, /, *args: Any, **kwargs: Any) -> Any:
                try:
                    call = build(self, *args, **kwargs)
                except (ValidationError, TypeError) as exc:
                    del args, kwargs  # see _checked below
                    raise _checked(exc) from None
                del args, kwargs
                return self._run(call)

        signature = self.signature(owner)
        self_parameter = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        function.__name__ = self._name
        function.__qualname__ = f"{owner.__name__}.{self._name}"
        function.__module__ = owner.__module__
        function.__doc__ = self.__doc__
        cast(Any, function).__signature__ = signature.replace(
            parameters=[self_parameter, *signature.parameters.values()]
        )
        self._functions[owner] = function
        return function

    def signature(self, owner: type[BaseClient]) -> inspect.Signature:
        """The method's signature on ``owner``: the builder's named parameters, then every other
        ``clientRequest`` field of the mode as a keyword-only parameter (instead of ``**blocks``)."""
        found = self._signatures.get(owner)
        if found is None:
            found = self._signatures[owner] = _signature(self.build, self.operation_id, owner._mode)
            returned = inspect.signature(self.build).return_annotation  # "Call[StartResult]"
            if isinstance(returned, str) and returned.startswith("Call[") and returned.endswith("]"):
                returned = returned[len("Call[") : -1]
            found = found.replace(return_annotation=returned)
            self._signatures[owner] = found
        return found


def _checked(error: BaseException) -> BaseException:
    """A bad-input error without the frames that built the request: their locals hold the caller's
    blocks (storage keys, tokens), which traceback-with-locals tools (Sentry, ``unittest --locals``)
    would record. The error itself names the field; the method's own frame has dropped its arguments.
    The request is likewise held by no local while it is sent (only by the ``Call``)."""
    return error.with_traceback(None)


def _signature(build: Callable[..., Any], operation_id: str, mode: str) -> inspect.Signature:
    parameters = list(inspect.signature(build).parameters.values())[1:]  # without the client
    named = {p.name for p in parameters}
    if not parameters or parameters[-1].kind is not inspect.Parameter.VAR_KEYWORD:
        return inspect.Signature(parameters)
    blocks = parameters.pop()
    op_ = operation(operation_id)
    if not op_.has_body:
        return inspect.Signature(parameters)
    for name in op_.blocks(mode):
        if name not in named:
            parameters.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=None,
                    annotation=_optional(blocks.annotation),
                )
            )
    return inspect.Signature(parameters)


def _optional(annotation: Any) -> Any:
    if annotation is inspect.Parameter.empty:
        return annotation
    return f"{annotation} | None" if isinstance(annotation, str) else annotation | None
