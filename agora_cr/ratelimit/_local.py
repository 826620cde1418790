"""The in-process budget: a sliding window of grants, start reservations and a priority queue.

Invariant, under one lock: ``grants not yet departed + grants departed within the last window + start
reservations <= qps``. A grant needs a free place (an ``acquire`` needs two: its own and its
``start``'s reservation); spending a reservation turns it into a grant without changing the sum, so a
paired ``start`` never waits. A grant counts from the moment it is made until a window after it
departs (the driver departs it right before sending, after any wait for a connection). The window is a
little longer than the service's second (``margin``) so that requests granted a window apart still
arrive a second apart when their network delays differ; the service's sliding one-second window (and any
fixed one) then never sees more than ``qps``.

Waiters queue by (priority, arrival). Only the head waits for time to pass (until the oldest grant
leaves the window, a reservation expires or a 429 pause ends); the others sleep until the head hands
over. Threads and event-loop tasks, of any number of loops, wait in the same queue. No thread of ours.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import os
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Generator
from typing import TypeVar

from ._base import Grant, News, Pacer, RateLimiter, SlowDown, Take

#: Extra seconds on the one-second window (see the module docstring); 10 requests/s become at most 10
#: per 1.1 s (91 % of the budget), safe against 100 ms of difference in delay between requests (50 ms
#: was not enough for a loaded 2-core machine: 1 request in 360 met a 429).
DEFAULT_MARGIN = 0.1
#: A grant that never departs (an attempt abandoned without telling) counts as sent this long after it
#: was made; a real attempt departs within its connection-pool timeout (30 s by default).
PENDING_TTL = 60.0
#: Seconds a successful ``acquire`` keeps its ``start`` slot reserved (the service asks for ``start``
#: within two seconds of ``acquire``).
PAIR_WINDOW = 2.0


class _Waiter:
    """One thread or task in the queue. ``arm`` (under the limiter's lock) before waiting, so that a
    ``wake`` between releasing the lock and waiting is not lost."""

    __slots__ = ("done", "need", "request")

    def __init__(self, request: Take, need: int) -> None:
        self.request = request
        self.need = need
        self.done = False

    def arm(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def wake(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class _ThreadWaiter(_Waiter):
    __slots__ = ("_event",)

    def __init__(self, request: Take, need: int) -> None:
        super().__init__(request, need)
        self._event = threading.Event()

    def arm(self) -> None:
        self._event.clear()

    def wake(self) -> None:
        self._event.set()

    def wait(self, timeout: float | None) -> None:
        self._event.wait(timeout)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class _TaskWaiter(_Waiter):
    __slots__ = ("_future", "_loop", "_thread")

    def __init__(self, request: Take, need: int) -> None:
        super().__init__(request, need)
        self._loop = asyncio.get_running_loop()
        self._thread = threading.get_ident()
        self._future: asyncio.Future[None] = self._loop.create_future()

    def arm(self) -> None:
        if self._future.done():
            self._future = self._loop.create_future()

    def wake(self) -> None:
        future = self._future
        if future.done():
            return
        if threading.get_ident() == self._thread:
            future.set_result(None)
        else:
            with contextlib.suppress(RuntimeError):  # that loop is closed: its task is gone too
                self._loop.call_soon_threadsafe(_resolve, future)

    async def wait(self, timeout: float | None) -> None:
        future = self._future
        timer = None if timeout is None else self._loop.call_later(max(timeout, 0.0), _resolve, future)
        try:
            await future
        finally:
            if timer is not None:
                timer.cancel()


_W = TypeVar("_W", bound=_Waiter)

_limiters: weakref.WeakSet[LocalRateLimiter] = weakref.WeakSet()


def _after_fork() -> None:
    for limiter in list(_limiters):
        limiter._reset()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class LocalRateLimiter(RateLimiter, Pacer):
    """A budget of ``qps`` requests per second shared by every client it is given, in this process.

    ``rate_limit=LocalRateLimiter(10)`` on several clients makes them one budget whatever their App IDs
    (useful when the service counts per account). Without ``rate_limit=``, each client uses the shared
    limiter of its App ID (:func:`~agora_cr.ratelimit.shared_limiter`). A forked child starts with an
    empty window and queue.
    """

    def __init__(
        self,
        qps: int = 10,
        *,
        window: float = 1.0,
        margin: float = DEFAULT_MARGIN,
        pair_window: float = PAIR_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(qps, bool) or not isinstance(qps, int) or qps < 1:
            raise ValueError(f"qps must be an integer >= 1 (got {qps!r})")
        if qps < 2:
            raise ValueError("qps must be at least 2: an acquire needs a slot for its start too")
        for name, value in (("window", window), ("margin", margin), ("pair_window", pair_window)):
            if not isinstance(value, (int, float)) or not value >= 0 or value == float("inf"):
                raise ValueError(f"{name} must be a finite number >= 0 (got {value!r})")
        if window <= 0:
            raise ValueError("window must be greater than 0")
        self.qps = qps
        self.window = float(window) + float(margin)
        self.pair_window = float(pair_window)
        self._clock = clock
        self._reset()
        _limiters.add(self)

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._grants: deque[float] = deque()  # departure times, oldest first
        self._pending: deque[float] = deque()  # when each grant not yet departed was made
        self._holds: dict[str, list[float]] = {}
        self._held = 0
        self._blocked_until = 0.0
        self._queue: list[tuple[int, int, _Waiter]] = []
        self._order = itertools.count()
        #: Requests granted and 429 pauses, for tests and benchmarks.
        self.granted = 0
        self.slowdowns = 0

    def pacer(self, app_id: str) -> Pacer:
        """Every client given this limiter draws from the same budget."""
        return self

    def describe(self) -> str:
        return f"{self.qps} requests/s, shared in this process"

    def __repr__(self) -> str:
        return f"LocalRateLimiter(qps={self.qps}, window={self.window:g})"

    @property
    def waiting(self) -> int:
        """Requests waiting for a slot now."""
        with self._lock:
            return sum(1 for _, _, waiter in self._queue if not waiter.done)

    # ---------------------------------------------------------------------- state (under the lock)
    def _free(self, now: float) -> int:
        grants = self._grants
        edge = now - self.window
        while grants and grants[0] <= edge:
            grants.popleft()
        pending = self._pending
        while pending and pending[0] <= now - PENDING_TTL:  # never departed: count it as sent now
            pending.popleft()
            grants.append(now)
        if self._held:
            for key in [key for key, ends in self._holds.items() if min(ends) <= now]:
                ends = [end for end in self._holds[key] if end > now]
                self._held -= len(self._holds[key]) - len(ends)
                if ends:
                    self._holds[key] = ends
                else:
                    del self._holds[key]
        if now < self._blocked_until:
            return 0
        return self.qps - len(grants) - len(pending) - self._held

    def _next_change(self, now: float) -> float | None:
        """When the free places may next grow by themselves (``None``: only when a grant departs)."""
        if now < self._blocked_until:
            return self._blocked_until
        candidates = []
        if self._grants:
            candidates.append(self._grants[0] + self.window)
        for ends in self._holds.values():
            candidates.append(min(ends))
        if self._pending:
            candidates.append(self._pending[0] + PENDING_TTL)
        return min(candidates) if candidates else None

    def _grant(self, request: Take, now: float) -> None:
        self._pending.append(now)
        self.granted += 1
        if request.pair is not None:
            self._holds.setdefault(request.pair, []).append(max(request.pair_until, now))
            self._held += 1

    def _spend_hold(self, key: str, now: float) -> bool:
        ends = self._holds.get(key)
        if not ends:
            return False
        ends.remove(min(ends))
        if not ends:
            del self._holds[key]
        self._held -= 1
        self._pending.append(now)
        self.granted += 1
        return True

    def _head(self) -> _Waiter | None:
        queue = self._queue
        while queue and queue[0][2].done:
            heapq.heappop(queue)
        return queue[0][2] if queue else None

    def _step(self, waiter: _Waiter, now: float) -> float | None:
        """Grant ``waiter`` if it heads the queue and fits (returns ``-1``); else arm it and return when
        to look again (``None``: when woken)."""
        if self._head() is waiter and self._free(now) >= waiter.need:
            heapq.heappop(self._queue)
            waiter.done = True
            self._grant(waiter.request, now)
            head = self._head()
            if head is not None:
                head.wake()
            return -1.0
        waiter.arm()
        return self._next_change(now) if self._head() is waiter else None

    def _leave(self, waiter: _Waiter) -> None:
        with self._lock:
            if waiter.done:
                return
            was_head = self._head() is waiter
            waiter.done = True
            if was_head:
                head = self._head()
                if head is not None:
                    head.wake()

    def _enter(self, request: Take, now: float) -> int:
        """Grant at once if possible (returns 0), else the places the request needs."""
        if request.use is not None and self._spend_hold(request.use, now):
            return 0
        need = 2 if request.pair is not None else 1
        if self._head() is None and self._free(now) >= need:
            self._grant(request, now)
            return 0
        return need

    def _depart(self, grant: Grant) -> None:
        with self._lock:
            if self._pending:  # (unless it outlived PENDING_TTL and was counted as sent then)
                self._pending.popleft()
                self._grants.append(self._clock())
            head = self._head()
            if head is not None:  # it may be waiting for a departure to know when places free up
                head.wake()

    def tell(self, news: News) -> None:
        with self._lock:
            now = self._clock()
            if isinstance(news, SlowDown):
                self.slowdowns += 1
                self._blocked_until = max(self._blocked_until, now + news.seconds)
                return
            request = news
            ends = self._holds.get(request.pair)
            if ends:
                if request.ok:
                    ends[ends.index(min(ends))] = now + self.pair_window
                else:
                    ends.remove(min(ends))
                    self._held -= 1
                    if not ends:
                        del self._holds[request.pair]
                    head = self._head()
                    if head is not None:
                        head.wake()

    async def atell(self, news: News) -> None:
        self.tell(news)

    # ------------------------------------------------------------------------------- the two waits
    def _waits(self, request: Take, waiter_class: type[_W]) -> Generator[tuple[_W, float], None, bool]:
        """Queue ``request`` unless it is granted at once; yield (waiter, seconds) for each wait until
        it is granted (``True``) or its deadline passes (``False``). Closing it leaves the queue."""
        clock = self._clock
        with self._lock:
            need = self._enter(request, clock())
            if not need:
                return True
            waiter = waiter_class(request, need)
            entry: tuple[int, int, _Waiter] = (request.priority, next(self._order), waiter)
            heapq.heappush(self._queue, entry)
        try:
            while True:
                with self._lock:
                    now = clock()
                    wake_at = self._step(waiter, now)
                if wake_at == -1.0:
                    return True
                if now >= request.deadline:
                    return False
                until = request.deadline if wake_at is None else min(wake_at, request.deadline)
                yield waiter, max(until - now, 0.0)
        finally:
            self._leave(waiter)

    def take(self, request: Take) -> Grant | None:
        waits = self._waits(request, _ThreadWaiter)
        try:
            while True:
                waiter, seconds = next(waits)
                waiter.wait(seconds)
        except StopIteration as done:
            return Grant(self, self._clock()) if done.value else None
        finally:
            waits.close()

    async def atake(self, request: Take) -> Grant | None:
        waits = self._waits(request, _TaskWaiter)
        try:
            while True:
                waiter, seconds = next(waits)
                await waiter.wait(seconds)
        except StopIteration as done:
            return Grant(self, self._clock()) if done.value else None
        finally:
            waits.close()  # cancelled: leave the queue (and hand over if it was at the head)


_shared: dict[tuple[str, int], LocalRateLimiter] = {}
_shared_lock = threading.Lock()


def shared_limiter(app_id: str, qps: int = 10) -> LocalRateLimiter:
    """The process-wide limiter of ``app_id`` at ``qps`` (what a client uses without ``rate_limit=``)."""
    key = (app_id, qps)
    with _shared_lock:
        limiter = _shared.get(key)
        if limiter is None:
            limiter = _shared[key] = LocalRateLimiter(qps)
        return limiter
