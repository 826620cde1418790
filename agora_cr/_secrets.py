"""The one masking rule: which names hold secrets, and how they are shown.

The spec marks every secret field of the API (``x-agora-secret-fields`` on its schema); the generator
collects them into ``agora_cr_generated.types.SECRET_JSON_KEYS`` and masks them in the generated models'
reprs. Everything handwritten (log lines, reprs, validation messages, emulator records) masks through
this module, with the same names plus their snake_case spellings and the client's own credentials.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from agora_cr_generated.types import MASK, SECRET_JSON_KEYS

__all__ = ["MASK", "SECRET_FIELDS", "is_secret", "mask", "mask_headers"]

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

#: Every name whose value is a secret: the spec's secret JSON keys, their snake_case attribute names,
#: and the client's own credentials and HTTP header.
SECRET_FIELDS: Final = frozenset(
    SECRET_JSON_KEYS
    | {_CAMEL_BOUNDARY.sub("_", key).lower() for key in SECRET_JSON_KEYS}
    | {"customer_secret", "password", "Authorization", "authorization"}
)


def is_secret(name: object) -> bool:
    """True when a field, key or attribute called ``name`` holds a secret."""
    return name in SECRET_FIELDS


def mask(value: Any) -> Any:
    """A copy of a JSON-like value with every secret-keyed entry replaced by ``***`` (any depth)."""
    if isinstance(value, Mapping):
        return {key: MASK if key in SECRET_FIELDS else mask(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask(item) for item in value]
    return value


def mask_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of HTTP headers with the ``Authorization`` credential replaced by ``<scheme> ***``."""
    masked: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() == "authorization":
            scheme = value.split(" ", 1)[0] if " " in value else ""
            value = f"{scheme} {MASK}".strip()
        masked[name] = value
    return masked
