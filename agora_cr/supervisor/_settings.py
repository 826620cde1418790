"""Every timing of the supervisor, named, with its source.

Source of the algorithm: Agora's integration best practices for Cloud Recording (AgoraIO/Docs-Source,
cloud-recording/best-practices/integration-best-practices.md): start within 2 s of acquire; on 5xx
retry the same parameters after 3, 6 and 9 s, then with a new uid; on code 65 retry after 3 and 6 s;
on 500 code 502 acquire again; confirm 5 s after the sid by polling ``query`` (status 4 or 5 means
started; not so after 90 s means not started); monitor with ``query`` about every 2 minutes; a 404
may be a high-availability migration (the task moves within 30-90 s; event 12 gives the new uid):
back off 5, 10 and 15 s before calling it lost; restart with a backup uid, alternating two so they
never kick each other out, passing ``excludeResourceIds``; refresh an STS storage token every 60 min.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SupervisorSettings:
    """Timings (seconds) of :meth:`~agora_cr.MixRecordingClient.supervise` and the clock it reads.

    ``clock``/``sleep``/``asleep`` let a test run 90-second scenarios on the emulator's manual clock
    (``clock=emu.now``, ``sleep=emu.advance``).
    """

    #: ``start`` answered 5xx: the same parameters again after each of these, then a new uid.
    start_retry_delays: tuple[float, ...] = (3.0, 6.0, 9.0)
    #: ``start`` answered code 65 (request not completed): again after each of these.
    not_completed_delays: tuple[float, ...] = (3.0, 6.0)
    #: The first ``query`` after the sid.
    confirm_after: float = 5.0
    #: Intervals between confirming polls (the last one repeats; keep them below ``maxIdleTime``).
    confirm_intervals: tuple[float, ...] = (2.0, 4.0, 8.0, 15.0)
    #: Not recording (status 4 or 5) this long after the sid: not started.
    confirm_timeout: float = 90.0
    #: Between two monitoring ``query`` calls.
    monitor_interval: float = 120.0
    #: After a 404, ``query`` again after each of these before calling the task lost.
    migration_backoff: tuple[float, ...] = (5.0, 10.0, 15.0)
    #: After event 12 (``session_failover``), how long the task may take to answer again.
    migration_window: float = 90.0
    #: Between two calls of ``refresh_storage`` (an STS token lives 60 min).
    storage_refresh_interval: float = 3600.0
    #: A task given up as lost is stopped again at each monitoring ``query`` this long (a slow
    #: migration brings it back, recording beside its replacement).
    lost_recheck: float = 600.0
    #: Restarts at most (then the supervisor gives up: state ``failed``).
    max_restarts: int = 5
    #: A ``stop`` that fails (not 435/49/404) is tried again after each of these.
    stop_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0)
    #: Longest single wait, so that fed events and a stop request are seen promptly.
    wake_interval: float = 1.0
    #: The clock the timings are measured on (``time.monotonic``; ``emu.now`` in tests).
    clock: Callable[[], float] = field(default=time.monotonic)
    #: How the blocking supervisor waits (``time.sleep``; ``emu.advance`` in tests).
    sleep: Callable[[float], None] = field(default=time.sleep)
    #: How the asyncio supervisor waits (``asyncio.sleep``).
    asleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)

    def __post_init__(self) -> None:
        positive = ("confirm_timeout", "monitor_interval", "migration_window", "storage_refresh_interval",
                    "wake_interval", "lost_recheck")  # fmt: skip
        for name in positive:
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and 0 < value < float("inf")):
                raise ValueError(f"{name} must be a finite number of seconds > 0 (got {value!r})")
        for name in ("start_retry_delays", "not_completed_delays", "confirm_intervals", "migration_backoff",
                     "stop_retry_delays"):  # fmt: skip
            values = getattr(self, name)
            if not all(isinstance(v, (int, float)) and 0 <= v < float("inf") for v in values):
                raise ValueError(f"{name} must be finite numbers of seconds >= 0 (got {values!r})")
        for name in ("confirm_intervals", "migration_backoff"):
            values = getattr(self, name)
            if not values or not all(v > 0 for v in values):
                raise ValueError(f"{name} must be one or more numbers of seconds > 0 (got {values!r})")
        if not (isinstance(self.confirm_after, (int, float)) and 0 <= self.confirm_after < float("inf")):
            raise ValueError(
                f"confirm_after must be a finite number of seconds >= 0 (got {self.confirm_after!r})"
            )
        if (
            isinstance(self.max_restarts, bool)
            or not isinstance(self.max_restarts, int)
            or self.max_restarts < 0
        ):
            raise ValueError(f"max_restarts must be an integer >= 0 (got {self.max_restarts!r})")
