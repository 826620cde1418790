"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]


#: JSON keys that hold secrets anywhere in the API: every schema's ``x-agora-secret-fields``.
SECRET_JSON_KEYS: frozenset[str] = frozenset(
    (
        "accessKey",
        "salt",
        "secret",
        "secretKey",
        "stsToken",
        "token",
    )
)
MASK = "***"


def masked(value: object) -> object:
    """``value`` with every secret-keyed entry of nested dicts and lists replaced by ``MASK``."""
    if isinstance(value, dict):
        return {
            k: MASK if k in SECRET_JSON_KEYS else masked(v) for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [masked(v) for v in value]
    return value


def masked_repr(self: object) -> str:
    """``Model(field=value, ...)`` of the set fields, secret ones shown as ``MASK``."""
    cls = type(self)
    secrets: frozenset[str] = getattr(cls, "__secret_fields__", frozenset())
    parts = []
    for name in getattr(cls, "__wire_names__", {}):
        value = getattr(self, name)
        if isinstance(value, Unset):
            continue
        parts.append(
            f"{name}={MASK!r}" if name in secrets else f"{name}={masked(value)!r}"
        )
    extra = getattr(self, "additional_properties", None)
    if extra:
        parts.append(f"additional_properties={masked(extra)!r}")
    return f"{cls.__name__}({', '.join(parts)})"
