"""The service's 10-requests-per-second limiter (sliding one-second window)."""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Admit at most ``limit`` requests in any ``window`` seconds."""

    def __init__(self, limit: int, clock: Callable[[], float], window: float = 1.0) -> None:
        if limit < 1:
            raise ValueError("qps_limit must be >= 1 (or None to disable the limiter)")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._stamps: deque[float] = deque()
        self._lock = threading.Lock()

    def admit(self) -> float | None:
        """None when the request may pass, else the seconds until a slot frees up."""
        with self._lock:
            now = self._clock()
            stamps = self._stamps
            while stamps and now - stamps[0] >= self.window:
                stamps.popleft()
            if len(stamps) >= self.limit:
                return max(0.0, self.window - (now - stamps[0]))
            stamps.append(now)
            return None

    @staticmethod
    def retry_after(wait: float) -> str:
        """``Retry-After`` value (whole seconds, at least 1) for a wait."""
        return str(max(1, math.ceil(wait)))
