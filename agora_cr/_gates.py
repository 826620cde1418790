"""Fair gates: at most ``limit`` requests of one client in flight, the rest served first come, first served.

A client lets no more requests into its httpx pool than it has connections. Past that, httpcore's pool
queues them, and under many threads it can hand a connection to one thread while closing it for another
(``ReadError: [Errno 9] Bad file descriptor``, a reply lost after the service acted on the request; the
same race exists with a bare ``httpx.Client``). ``threading.Semaphore`` would keep requests out of that
queue but wakes waiters in no particular order, so some wait far longer than others; these gates hand
each freed permit to the longest waiter. Waiting is bounded by the caller's timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque


class FairGate:
    """A FIFO counting semaphore for threads."""

    __slots__ = ("_free", "_lock", "_waiters")

    def __init__(self, limit: int) -> None:
        self._lock = threading.Lock()
        self._free = limit
        #: One locked lock per waiting thread, oldest first; releasing it hands that thread a permit.
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self, timeout: float | None) -> bool:
        """Take a permit within ``timeout`` seconds (``None``: no limit); False if none came in time."""
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return True
            waiter = threading.Lock()
            waiter.acquire()
            self._waiters.append(waiter)
        if waiter.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            return True
        with self._lock:
            try:
                self._waiters.remove(waiter)
            except ValueError:  # a permit was handed over just as the wait timed out: it is ours
                return True
        return False

    def release(self) -> None:
        """Give a permit back: to the longest waiter if there is one."""
        with self._lock:
            if self._waiters:
                self._waiters.popleft().release()
            else:
                self._free += 1


class AsyncFairGate:
    """A FIFO counting semaphore for the tasks of one event loop."""

    __slots__ = ("_free", "_waiters")

    def __init__(self, limit: int) -> None:
        self._free = limit
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self, timeout: float | None) -> bool:
        """Take a permit within ``timeout`` seconds; False if none came in time. Cancellation-safe: a
        permit handed to a waiter that is cancelled meanwhile goes on to the next one."""
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return True
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter), timeout)
            return True
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():
                if isinstance(exc, asyncio.TimeoutError):
                    return True  # handed over as the wait timed out: it is ours
                self.release()  # cancelled while holding a fresh permit: pass it on
            else:
                waiter.cancel()
                with contextlib.suppress(ValueError):
                    self._waiters.remove(waiter)
            if isinstance(exc, asyncio.TimeoutError):
                return False
            raise

    def release(self) -> None:
        """Give a permit back: to the longest waiter if there is one."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1
