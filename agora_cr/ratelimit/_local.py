"""The in-process budget: a sliding window of grants, start reservations and a priority queue.

Invariant, under one lock: ``grants whose exchange has not ended + grants ended within the last window +
start reservations <= qps``. A grant needs a free place (an ``acquire`` needs two: its own and its
``start``'s reservation); spending a reservation turns it into a grant without changing the sum, so a
paired ``start`` never waits. A grant counts from the moment it is made until a window after its
exchange ends (the driver ends it once the answer is read or the attempt failed). The service stamps a
request between its grant and that end, so of any requests it sees within one second, the last granted
found all the others still counted: its sliding one-second window (and any fixed one) never sees more
than ``qps``, whatever the delays. ``margin`` adds a little to the second for the service's own clock.

Waiters queue by (priority, arrival). Whoever holds the lock when places free up grants them to the
waiters at the front of the queue, in order, and wakes those (so a waiter whose thread or event loop is
stuck cannot hold up the others). The first two waiters keep a timer for when places may free up (the
oldest grant leaving the window, a reservation ending, a 429 pause ending); the rest sleep until woken
or until their deadline. Threads and event-loop tasks, of any number of loops, wait in the same queue.
No thread of ours.
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
from typing import TypeVar, cast

from ._base import Grant, News, Pacer, RateLimiter, Settle, SlowDown, Take

#: Extra seconds on the one-second window, counted from the end of each exchange (see the module
#: docstring). Counted from the send instead, 100 ms was not enough on a loaded 2-core machine (150 ms
#: between a send and its arrival let 3 requests in 120 meet a 429).
DEFAULT_MARGIN = 0.05
#: A grant that never ends (an attempt abandoned without telling) counts as ended this long after it
#: was made (a request sent before then arrived before then too: still safe).
PENDING_TTL = 60.0
#: Seconds a successful ``acquire`` keeps its ``start`` slot reserved (the service asks for ``start``
#: within two seconds of ``acquire``).
PAIR_WINDOW = 2.0


class _Waiter:
    """One thread or task in the queue. ``arm`` (under the limiter's lock) before waiting, so that a
    ``wake`` between releasing the lock and waiting is not lost."""

    __slots__ = ("done", "granted", "need", "request")

    def __init__(self, request: Take, need: int) -> None:
        self.request = request
        self.need = need
        #: Out of the queue: granted, past its deadline, or gone.
        self.done = False
        self.granted = False

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
    global _shared_lock
    _shared_lock = threading.Lock()
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
        self._grants: deque[float] = deque()  # when each exchange ended, oldest first
        self._pending: deque[float] = deque()  # when each grant whose exchange has not ended was made
        self._holds: dict[str, list[float]] = {}
        self._held = 0
        self._blocked_until = 0.0  # a 429 pause
        self._paused_until = 0.0  # a Redis limiter's fallback, while it asks Redis again
        self._queue: list[tuple[int, int, _Waiter]] = []
        self._order = itertools.count()
        self._retired = False
        #: Requests granted so far (for tests and benchmarks).
        self.granted = 0
        #: 429 pauses recorded so far (for tests and benchmarks).
        self.slowdowns = 0

    def pacer(self, app_id: str) -> Pacer:
        """Every client given this limiter draws from the same budget."""
        return self

    def describe(self) -> str:
        """``"N requests/s, shared in this process"`` (for messages)."""
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
        while pending and pending[0] <= now - PENDING_TTL:  # never ended: count it as ended now
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
        if now < self._blocked_until or now < self._paused_until:
            return 0
        return self.qps - len(grants) - len(pending) - self._held

    def _next_change(self, now: float) -> float | None:
        """When the free places may next grow by themselves (``None``: only when an exchange ends)."""
        if now < self._blocked_until or now < self._paused_until:
            return max(self._blocked_until, self._paused_until)
        candidates = []
        if self._grants:
            candidates.append(self._grants[0] + self.window)
        for ends in self._holds.values():
            candidates.append(min(ends))
        if self._pending:
            candidates.append(self._pending[0] + PENDING_TTL)
        return min(candidates) if candidates else None

    def _grant(self, request: Take, now: float) -> bool:
        """Grant ``request`` now if it fits (a ``start`` spends its reservation; an ``acquire`` takes
        one for its ``start``); nothing is granted during a 429 pause."""
        if now < self._blocked_until or now < self._paused_until:
            return False
        use = request.use
        ends = self._holds.get(use) if use is not None else None
        if ends:
            ends.remove(min(ends))
            if not ends:
                del self._holds[cast(str, use)]
            self._held -= 1
        elif self._free(now) < (2 if request.pair is not None else 1):
            return False
        self._pending.append(now)
        self.granted += 1
        if request.pair is not None:
            self._holds.setdefault(request.pair, []).append(max(request.pair_until, now))
            self._held += 1
        return True

    def _live(self) -> list[_Waiter]:
        """The first two waiters still queued (dropping the ones gone from the front)."""
        queue = self._queue
        while queue and queue[0][2].done:
            heapq.heappop(queue)
        return [entry[2] for entry in heapq.nsmallest(4, queue) if not entry[2].done][:2]

    def _dispatch(self, now: float) -> None:
        """Grant the front of the queue while it fits, in order; wake whoever is granted or expired,
        and the new first two (so their timers follow the queue)."""
        queue = self._queue
        changed = False
        while True:
            while queue and queue[0][2].done:
                heapq.heappop(queue)
            if not queue:
                break
            waiter = queue[0][2]
            if now >= waiter.request.deadline:
                waiter.done = True  # too late: it returns without a slot
            elif self._grant(waiter.request, now):
                waiter.done = waiter.granted = True
            else:
                break
            heapq.heappop(queue)
            waiter.wake()
            changed = True
        if changed:
            for waiter in self._live():
                waiter.wake()

    def _leave(self, waiter: _Waiter) -> None:
        with self._lock:
            if waiter.done:
                return
            waiter.done = True
            self._dispatch(self._clock())  # it may have held up the ones behind it
            for other in self._live():
                other.wake()

    def _end(self, grant: Grant) -> None:
        with self._lock:
            if self._pending:  # (unless it outlived PENDING_TTL and was counted as sent then)
                self._pending.popleft()
                self._grants.append(self._clock())
            if self._queue:
                for waiter in self._live():  # they may wait for an end to know when to look
                    waiter.wake()

    def tell(self, news: News) -> None:
        """Record ``news``: a 429 (``SlowDown``) pauses every taker; a settled ``acquire`` keeps its
        ``start`` slot for the pairing window, or gives it back."""
        with self._lock:
            now = self._clock()
            if isinstance(news, SlowDown):
                self.slowdowns += 1
                self._blocked_until = max(self._blocked_until, now + news.seconds)
            else:
                ends = self._holds.get(news.pair)
                if ends:
                    if news.ok:
                        ends[ends.index(min(ends))] = now + self.pair_window
                    else:
                        ends.remove(min(ends))
                        self._held -= 1
                        if not ends:
                            del self._holds[news.pair]
                    self._dispatch(now)
            for waiter in self._live():  # their timers may now be wrong
                waiter.wake()

    async def atell(self, news: News) -> None:
        """:meth:`tell` from a coroutine (it does not wait)."""
        self.tell(news)

    def forget(self, pair: str) -> None:
        """Give back the reservation of an ``acquire`` that was abandoned (cancelled, interrupted)."""
        self.tell(Settle(pair, False))

    def _pause(self, seconds: float) -> None:
        """Grant nothing for ``seconds`` (or until :meth:`_unpause`)."""
        with self._lock:
            self._paused_until = self._clock() + seconds

    def _unpause(self) -> None:
        with self._lock:
            self._paused_until = 0.0
            self._dispatch(self._clock())
            for waiter in self._live():
                waiter.wake()

    def _recent(self) -> list[float]:
        """Ages (seconds) of the grants that still count: ended within the window, or pending."""
        with self._lock:
            now = self._clock()
            return [now - t for t in self._grants if now - t < self.window] + [0.0] * len(self._pending)

    def _retire(self) -> None:
        """No more grants (a Redis limiter's fallback once Redis is back): its waiters return empty."""
        with self._lock:
            self._retired = True
            for _, _, waiter in self._queue:
                if not waiter.done:
                    waiter.done = True
                    waiter.wake()
            self._queue.clear()

    # ------------------------------------------------------------------------------- the two waits
    def _waits(self, request: Take, waiter_class: type[_W]) -> Generator[tuple[_W, float | None], None, bool]:
        """Queue ``request`` unless it is granted at once; yield (waiter, seconds or ``None``) for each
        wait until it is granted (``True``) or its deadline passes (``False``). Closing it leaves the
        queue."""
        clock = self._clock
        with self._lock:
            if self._retired:
                return False
            now = clock()
            first = not self._queue or (request.use is not None and request.use in self._holds)
            if first and self._grant(request, now):
                return True
            waiter = waiter_class(request, 2 if request.pair is not None else 1)
            entry: tuple[int, int, _Waiter] = (request.priority, next(self._order), waiter)
            heapq.heappush(self._queue, entry)
            self._dispatch(now)
        try:
            while True:
                with self._lock:
                    now = clock()
                    if not waiter.done:
                        self._dispatch(now)
                    if waiter.done:
                        return waiter.granted
                    waiter.arm()
                    wake_at = self._next_change(now) if waiter in self._live() else None
                    until = request.deadline if wake_at is None else min(wake_at, request.deadline)
                yield waiter, max(until - now, 0.0)
        finally:
            self._leave(waiter)

    def _now(self, request: Take) -> Grant | None:
        """The uncontended case, without queueing: a grant now, or ``None`` to wait."""
        with self._lock:
            if not self._queue and not self._retired and self._grant(request, self._clock()):
                return Grant(self)
        return None

    def take(self, request: Take) -> Grant | None:
        """A slot for ``request``, waiting in this thread (in priority order) at most until its
        deadline; ``None``: none came in time."""
        grant = self._now(request)
        if grant is not None:
            return grant
        waits = self._waits(request, _ThreadWaiter)
        try:
            while True:
                waiter, seconds = next(waits)
                waiter.wait(seconds)
        except StopIteration as done:
            return Grant(self) if done.value else None
        finally:
            waits.close()

    async def atake(self, request: Take) -> Grant | None:
        """:meth:`take` in the running event loop (cancellation-safe: a cancelled take leaves the queue)."""
        grant = self._now(request)
        if grant is not None:
            return grant
        waits = self._waits(request, _TaskWaiter)
        try:
            while True:
                waiter, seconds = next(waits)
                await waiter.wait(seconds)
        except StopIteration as done:
            return Grant(self) if done.value else None
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
