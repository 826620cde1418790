"""Wire conversion of request blocks, and the base of the official SDK's blocks (``api_start.*``).

:func:`to_wire` turns whatever a caller passes as a block (an ``api_start``/``api_update`` block, a
generated attrs model, an enum, a plain dict or list) into JSON-ready wire form.

A :class:`WireModel` block is built with the wire (camelCase) names, as in Agora's official SDK
(``StorageConfig(accessKey=...)``), or with their snake_case spelling (``access_key=...``). Which names a
block accepts comes from the generated models it stands for (their ``__wire_names__``), so a field added
to the spec is accepted after ``./codegen.sh``. Values are checked when the block is sent (with the
JSON path of the whole request), not at construction.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from typing import Any, ClassVar

from ._secrets import MASK, is_secret, mask
from .exceptions import ValidationError

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake_case(name: str) -> str:
    """``accessKey`` -> ``access_key``; names that already contain ``_`` are kept."""
    return _CAMEL_BOUNDARY.sub("_", name).lower()


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_wire(value: Any) -> Any:
    """Convert blocks, generated attrs models, enums and containers into JSON-ready wire form."""
    kind = type(value)
    if kind in _PLAIN:  # the common leaves, exactly (not enums, which subclass int/str)
        return value
    if kind is dict:
        return {
            k if type(k) is str else str(k): v if type(v) in _PLAIN else to_wire(v)
            for k, v in value.items()
            if v is not None
        }
    if kind is list:
        return [v if type(v) in _PLAIN else to_wire(v) for v in value]
    if isinstance(value, WireModel):
        return value.to_dict()
    if value is None or isinstance(value, (str, int, float, bool)):
        if isinstance(value, enum.Enum):
            return value.value
        return value
    if isinstance(value, Mapping):
        return {str(k): to_wire(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if isinstance(value, enum.Enum):
        return to_wire(value.value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):  # generated attrs model (agora_cr_generated.models.*)
        return to_wire(to_dict())
    return value


@functools.cache
def _field_table(models: tuple[type[Any], ...]) -> dict[str, str]:
    """Every name a block over ``models`` accepts (snake_case and wire) -> its wire name."""
    table: dict[str, str] = {}
    for model in models:
        for python, wire in model.__wire_names__.items():
            table.setdefault(wire, wire)
            table.setdefault(python, wire)
            table.setdefault(snake_case(wire), wire)
    return table


class WireModel:
    """A request block holding wire-named fields; ``to_dict()`` gives the JSON object sent."""

    #: The generated models whose fields this block accepts.
    _models: ClassVar[tuple[type[Any], ...]] = ()
    __slots__ = ("_data",)

    def __init__(self, **fields: Any) -> None:
        table = _field_table(self._models)
        data: dict[str, Any] = {}
        for name, value in fields.items():
            wire = table.get(name)
            if wire is None:
                allowed = ", ".join(sorted({w for w in table.values()}))
                raise ValidationError(
                    f"{type(self).__name__}: unknown field {name!r} (allowed: {allowed})",
                    field=name,
                )
            if value is not None:
                data[wire] = value
        object.__setattr__(self, "_data", data)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The wire names this block accepts."""
        return tuple(sorted(set(_field_table(cls._models).values())))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object sent: the fields given (``None`` left out), nested blocks in wire form."""
        return {key: value if type(value) in _PLAIN else to_wire(value) for key, value in self._data.items()}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        wire = _field_table(self._models).get(name)
        if wire is None:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        return self._data.get(wire)

    def __setattr__(self, name: str, value: Any) -> None:
        wire = _field_table(self._models).get(name)
        if wire is None:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        if value is None:
            self._data.pop(wire, None)
        else:
            self._data[wire] = value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WireModel):
            return type(self) is type(other) and self.to_dict() == other.to_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        for key, value in self._data.items():
            shown = repr(MASK) if is_secret(key) else repr(mask(value))
            parts.append(f"{key}={shown}")
        return f"{type(self).__name__}({', '.join(parts)})"
