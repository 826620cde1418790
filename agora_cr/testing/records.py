"""The request log (``Emulator.requests``): bodies and headers masked by the client's one rule
(``agora_cr._secrets``), so no credential or secret field of the spec is ever recorded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


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
    #: What the request did that the spec documents otherwise, though the service takes it (lints;
    #: ``Emulator(strict=True)`` refuses them instead).
    warnings: tuple[str, ...] = ()
