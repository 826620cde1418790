"""Fair gates: at most ``limit`` requests of one client in flight, the rest served by priority, then
first come, first served.

A client lets no more requests into its httpx pool than it has connections. Past that, httpcore's pool
queues them, and under many threads it can hand a connection to one thread while closing it for another
(``ReadError: [Errno 9] Bad file descriptor``, a reply lost after the service acted on the request; the
same race exists with a bare ``httpx.Client``). ``threading.Semaphore`` would keep requests out of that
queue but wakes waiters in no particular order, so some wait far longer than others; these gates hand
each freed permit to the waiter of the best priority (lower first: the rate limiter's, so a ``stop``
is not stuck behind polls), the longest waiting among equals. Waiting is bounded by the caller's
timeout.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import threading


class FairGate:
    """A counting semaphore for threads, served by priority then arrival."""

    __slots__ = ("_free", "_lock", "_order", "_waiters")

    def __init__(self, limit: int) -> None:
        self._lock = threading.Lock()
        self._free = limit
        self._order = itertools.count()
        #: (priority, arrival, lock) per waiting thread; releasing the lock hands that thread a permit.
        self._waiters: list[tuple[int, int, threading.Lock]] = []

    def acquire(self, timeout: float | None, priority: int = 0) -> bool:
        """Take a permit within ``timeout`` seconds (``None``: no limit); False if none came in time."""
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return True
            waiter = threading.Lock()
            waiter.acquire()
            entry = (priority, next(self._order), waiter)
            heapq.heappush(self._waiters, entry)
        if waiter.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            return True
        with self._lock:
            try:
                self._waiters.remove(entry)
            except ValueError:  # a permit was handed over just as the wait timed out: it is ours
                return True
            heapq.heapify(self._waiters)
        return False

    def release(self) -> None:
        """Give a permit back: to the first waiter if there is one."""
        with self._lock:
            if self._waiters:
                heapq.heappop(self._waiters)[2].release()
            else:
                self._free += 1


def _expire(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(asyncio.TimeoutError())


class AsyncFairGate:
    """A counting semaphore for the tasks of one event loop, served by priority then arrival."""

    __slots__ = ("_free", "_order", "_waiters")

    def __init__(self, limit: int) -> None:
        self._free = limit
        self._order = itertools.count()
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []

    async def acquire(self, timeout: float | None, priority: int = 0) -> bool:
        """Take a permit within ``timeout`` seconds; False if none came in time. Cancellation-safe: a
        permit handed to a waiter that is cancelled meanwhile goes on to the next one."""
        waiters = self._waiters
        while waiters and waiters[0][2].done():  # waits given up (cancelled or timed out)
            heapq.heappop(waiters)
        if self._free > 0 and not waiters:
            self._free -= 1
            return True
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), waiter))
        # A timer rather than asyncio.wait_for, which on 3.11 can swallow a cancellation that arrives
        # with the permit.
        timer = None if timeout is None else loop.call_later(max(timeout, 0.0), _expire, waiter)
        try:
            await waiter
            return True
        except asyncio.TimeoutError:
            return False  # expired (it left the queue: release() skips done futures)
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.release()  # cancelled while holding a fresh permit: pass it on
            else:
                waiter.cancel()  # left in the heap, skipped by release()
            raise
        finally:
            if timer is not None:
                timer.cancel()

    def release(self) -> None:
        """Give a permit back: to the first waiter if there is one."""
        while self._waiters:
            waiter = heapq.heappop(self._waiters)[2]
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1
