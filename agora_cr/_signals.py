"""Stop signals for the long-running commands (``agora-cr record``, ``agora-cr emulator``).

Ctrl-C (SIGINT), ``timeout``/``docker stop``/systemd/Kubernetes (SIGTERM) and a closed terminal (SIGHUP)
all ask a command to end the same way: the handler only notes the signal, so a call in flight (a
``start``) completes and the command then stops what it started before exiting with ``128 + signal``.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType, TracebackType
from typing import Any

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: The longest a :meth:`StopSignals.sleep` waits before looking at the flag again.
_SLICE = 0.1


class StopSignals:
    """``with StopSignals() as stop:`` notes SIGINT/SIGTERM/SIGHUP in ``stop.signum`` instead of raising;
    the previous handlers come back when the block ends. Outside the main thread it changes nothing."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, Any] = {}

    def _note(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                self._previous[signum] = signal.signal(signum, self._note)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    @property
    def exit_status(self) -> int:
        """``128 + signal`` once a stop signal came (130 for Ctrl-C, 143 for SIGTERM), else 0."""
        return 0 if self.signum is None else 128 + int(self.signum)

    def sleep(self, seconds: float) -> bool:
        """Wait ``seconds``, or less if a stop signal comes; True when one has come."""
        end = time.monotonic() + max(seconds, 0.0)
        while self.signum is None:
            left = end - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, _SLICE))
        return self.signum is not None
