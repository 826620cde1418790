"""The request log (``Emulator.requests``): bodies and headers masked by the client's one rule
(``agora_cr._secrets``), so no credential or secret field of the spec is ever recorded."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agora_cr._secrets import MASK, SECRET_FIELDS, mask, mask_headers

_SCALARS = frozenset({str, int, float, bool, type(None)})
#: What may spell a secret key in a raw body: a secret name (``SECRET_FIELDS``), a backslash (an escape)
#: or a NUL byte (UTF-16/32).
_MAY_HOLD_SECRET = re.compile(
    b"|".join(re.escape(name.encode()) for name in sorted(SECRET_FIELDS)) + rb"|\\|\x00"
)
#: The one rule's mask of ``Authorization: Basic ...``.
_BASIC_MASKED = mask_headers({"authorization": "Basic credentials"})["authorization"]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the emulator saw and answered it."""

    #: The HTTP method (``"POST"``, ``"GET"``).
    method: str
    #: The request path (``/v1/apps/{appid}/cloud_recording/...``).
    path: str
    #: The operationId (``"start"``, ``"getNcsIp"``, ...); ``None`` for an unrouted path.
    operation: str | None
    #: The recording mode in the path, if any.
    mode: str | None
    #: The request headers, ``Authorization`` masked.
    headers: Mapping[str, str]
    #: The parsed JSON body, secrets (``accessKey``, ``secretKey``, tokens) masked; ``None``: not JSON.
    body: Any
    #: The HTTP status answered (``None``: the connection was closed without an answer).
    status: int | None
    #: The service's ``code`` in the answer, if any.
    code: int | None
    #: The name of the emulator host that received it (``"primary"``, ...).
    host: str
    #: The base URL of that host.
    url: str
    #: The kind of the injected fault that answered it, if any.
    fault: str | None
    #: When it was answered, on the emulator's clock (:meth:`Emulator.now`).
    time: float
    #: What the request did that the spec documents otherwise, though the service takes it (lints;
    #: ``Emulator(strict=True)`` refuses them instead).
    warnings: tuple[str, ...] = ()


def mask_json(value: Any) -> Any:
    """:func:`agora_cr._secrets.mask` of a parsed JSON document, the same copy with the same rule,
    faster: exact type checks for what ``json.loads`` builds (anything else goes to ``mask``)."""
    kind = type(value)
    if kind is dict:
        return {
            key: MASK if key in SECRET_FIELDS else (item if type(item) in _SCALARS else mask_json(item))
            for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in _SCALARS else mask_json(item) for item in value]
    return value if kind in _SCALARS else mask(value)


def kept_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """:func:`agora_cr._secrets.mask_headers` of headers, with one lookup when every name is in lower
    case (as the emulator's server parses them) instead of a loop over the names."""
    if not "".join(headers).islower():
        return mask_headers(headers)
    masked = dict(headers)
    value = masked.get("authorization")
    if value is not None:
        if value.startswith("Basic "):
            masked["authorization"] = _BASIC_MASKED
        else:
            masked.update(mask_headers({"authorization": value}))
    return masked


def kept_body(raw: bytes, parsed: Any) -> Any:
    """What the request log keeps of a JSON body: its masked copy, or the raw bytes when they cannot
    hold a secret key (plain ASCII, no escape, no secret name anywhere), parsed when the log is read."""
    if raw.isascii() and _MAY_HOLD_SECRET.search(raw) is None:
        return raw
    return mask_json(parsed)


def build(fields: tuple[Any, ...]) -> RecordedRequest:
    """A :class:`RecordedRequest` from the fields the log keeps (a body kept as bytes is parsed now)."""
    body = fields[5]
    if isinstance(body, bytes):
        fields = (*fields[:5], json.loads(body), *fields[6:])
    return RecordedRequest(*fields)
