"""Deadlines of an async client's attempts, enforced by one timer for all of them.

``asyncio.timeout`` (and ``wait_for``) schedule and cancel a timer per call; on a client making
thousands of calls a second that was 12 µs of a ~130 µs call (measured: benchmarks/overhead.py). Here
each attempt only registers its task and deadline; a single timer per client, armed for the earliest
deadline it knows of, cancels the tasks whose attempt is overdue and re-arms for the next. Deadlines of
one client mostly grow (each call gets ``deadline=`` seconds from its start), so the timer is rarely
re-armed. The attempt sees ``TimeoutError``, exactly as under ``asyncio.timeout``.
"""

from __future__ import annotations

import asyncio
import math
import sys
import time
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


class _Watch:
    __slots__ = ("deadline", "fired", "task")

    def __init__(self, task: asyncio.Task[object], deadline: float) -> None:
        self.task = task
        self.deadline = deadline
        self.fired = False


class Deadlines:
    """The attempts in flight of one async client (one event loop at a time)."""

    __slots__ = ("_armed_at", "_loop", "_timer", "_watches")

    def __init__(self) -> None:
        self._watches: dict[_Watch, None] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._armed_at = math.inf

    async def run(self, awaitable: Awaitable[T], deadline: float) -> T:
        """``await awaitable``, or raise ``TimeoutError`` once ``time.monotonic()`` passes ``deadline``."""
        if sys.version_info < (3, 11):  # pragma: no cover - no Task.uncancel() before 3.11
            return await asyncio.wait_for(awaitable, max(deadline - time.monotonic(), 0.0))
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._watches:  # another loop's attempts are in flight: this one times itself
                async with asyncio.timeout(max(deadline - time.monotonic(), 0.0)):
                    return await awaitable
            self._loop, self._timer, self._armed_at = loop, None, math.inf
        task = asyncio.current_task()
        assert task is not None
        cancelling = task.cancelling()
        watch = _Watch(task, deadline)
        self._watches[watch] = None
        if deadline < self._armed_at:
            self._arm(loop, deadline)
        try:
            result = await awaitable
        except asyncio.CancelledError:
            if watch.fired and task.uncancel() <= cancelling:
                raise TimeoutError from None
            raise
        finally:
            self._watches.pop(watch, None)
        if watch.fired:  # it finished as its deadline passed: take the cancellation back
            task.uncancel()
        return result

    def _arm(self, loop: asyncio.AbstractEventLoop, when: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._armed_at = when
        self._timer = loop.call_at(loop.time() + (when - time.monotonic()), self._fire, loop)

    def _fire(self, loop: asyncio.AbstractEventLoop) -> None:
        if loop is not self._loop:  # armed by a loop this client has since left
            return
        self._timer, self._armed_at = None, math.inf
        now = time.monotonic()
        later = math.inf
        for watch in list(self._watches):
            if watch.deadline <= now + 0.001:  # (a timer may fire a hair early)
                del self._watches[watch]
                watch.fired = True
                watch.task.cancel()
            elif watch.deadline < later:
                later = watch.deadline
        if later < math.inf:
            self._arm(loop, later)
