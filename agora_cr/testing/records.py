"""The request log (``Emulator.requests``) with credentials and secrets masked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MASK = "***"
# Body keys whose values never reach the log: storage/VoD keys, STS and RTC tokens, decryption secret.
SECRET_KEYS = frozenset({"accessKey", "secretKey", "stsToken", "token", "secret"})


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the emulator saw and answered it."""

    method: str
    path: str
    operation: str | None
    mode: str | None
    headers: Mapping[str, str]
    body: Any
    status: int | None
    code: int | None
    host: str
    url: str
    fault: str | None
    time: float


def mask_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Copy of the headers with the Authorization credential replaced by ``***``."""
    masked: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() == "authorization":
            scheme = value.split(" ", 1)[0] if " " in value else ""
            value = f"{scheme} {MASK}".strip()
        masked[name] = value
    return masked


def mask_body(value: Any) -> Any:
    """Deep copy of a JSON value with every secret-bearing key replaced by ``***``."""
    if isinstance(value, dict):
        return {key: MASK if key in SECRET_KEYS else mask_body(item) for key, item in value.items()}
    if isinstance(value, list):
        return [mask_body(item) for item in value]
    return value
