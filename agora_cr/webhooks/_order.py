"""At-least-once, any-order delivery made usable: drop repeats, put each session's events in order.

NCS resends a notification until it is answered 200 (with a new ``notifyMs`` each time, the same
``noticeId``), may send one twice, and does not keep the order of events. Both helpers here are
bounded in memory and safe to share between threads; neither starts a thread or a timer.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ._events import Event


def _notice_id(event: Event) -> Hashable:
    notice_id: Hashable = event.notice_id
    return notice_id


class Deduplicator:
    """Remembers the last ``max_entries`` notifications (by ``noticeId``, or ``key``) for ``ttl``
    seconds; :meth:`seen` says whether one came before."""

    def __init__(
        self,
        max_entries: int = 100_000,
        ttl: float = 24 * 3600.0,
        *,
        key: Callable[[Event], Hashable] = _notice_id,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_entries < 1 or not ttl > 0:
            raise ValueError("max_entries must be >= 1 and ttl > 0")
        self.max_entries = max_entries
        self.ttl = ttl
        self._key = key
        self._clock = clock
        self._seen: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, event: Event) -> bool:
        """``True`` if this notification was already seen (a resend or a replay); else remembers it.
        A notification without an id is never taken for a repeat."""
        key = self._key(event)
        if key is None:
            return False
        now = self._clock()
        with self._lock:
            seen = self._seen
            while seen:
                oldest, at = next(iter(seen.items()))
                if at > now - self.ttl and len(seen) < self.max_entries:
                    break
                del seen[oldest]
            if key in seen:
                return True
            seen[key] = now
            return False

    def __len__(self) -> int:
        return len(self._seen)


class _Session:
    __slots__ = ("held", "next", "since")

    def __init__(self) -> None:
        self.next = 0
        self.held: dict[int, Event] = {}
        self.since = 0.0  # when the oldest held event arrived


class Reorderer:
    """Releases each session's events in ``sequence`` order (from 0, as NCS numbers them).

    :meth:`push` returns the events that are now in order. An event that arrives after a gap waits
    for the missing ones at most ``max_wait`` seconds (checked at each :meth:`push` and by
    :meth:`due`); then the held events are released in order and the gap is given up. Events
    without a ``sid`` or ``sequence``, and repeats of an already released sequence, pass at once.
    At most ``max_sessions`` sessions are tracked (the least recently active are forgotten).
    """

    def __init__(
        self,
        max_wait: float = 30.0,
        *,
        max_sessions: int = 10_000,
        max_held: int = 1_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not (isinstance(max_wait, (int, float)) and 0 <= max_wait < float("inf")):
            raise ValueError("max_wait must be a finite number of seconds >= 0")
        if max_sessions < 1 or max_held < 1:
            raise ValueError("max_sessions and max_held must be >= 1")
        self.max_wait = max_wait
        self.max_sessions = max_sessions
        self.max_held = max_held
        self._clock = clock
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        self._lock = threading.Lock()

    def push(self, event: Event) -> list[Event]:
        """Take ``event``; return every event now ready, in order (possibly none)."""
        sid, sequence = event.sid, event.sequence
        if not isinstance(sid, str) or type(sequence) is not int:
            return [event, *self.due()]
        now = self._clock()
        with self._lock:
            session = self._sessions.pop(sid, None) or _Session()
            self._sessions[sid] = session
            ready: list[Event] = []
            while len(self._sessions) > self.max_sessions:  # forget the least recent, releasing its held
                _, forgotten = self._sessions.popitem(last=False)
                ready.extend(self._release(forgotten, now, force=True))
            if sequence < session.next or sequence in session.held:
                ready.append(event)  # a repeat: not held back (deduplicate it by noticeId)
            else:
                if not session.held:
                    session.since = now
                session.held[sequence] = event
                ready.extend(self._release(session, now, force=len(session.held) > self.max_held))
            ready.extend(self._overdue(now, skip=sid))
        return ready

    def due(self) -> list[Event]:
        """Events whose gap has waited ``max_wait``: released in order, the gap given up."""
        with self._lock:
            return self._overdue(self._clock(), skip=None)

    def next_due(self) -> float | None:
        """Seconds until the next held event is due (``None``: none is held)."""
        with self._lock:
            starts = [session.since for session in self._sessions.values() if session.held]
            if not starts:
                return None
            return max(0.0, min(starts) + self.max_wait - self._clock())

    def flush(self, sid: str | None = None) -> list[Event]:
        """Release every held event (of one session, or of all), in order, giving up the gaps."""
        with self._lock:
            if sid is None:
                sessions = list(self._sessions.values())
            else:
                one = self._sessions.get(sid)
                sessions = [] if one is None else [one]
            out: list[Event] = []
            for session in sessions:
                out.extend(self._release(session, self._clock(), force=True))
            return out

    def _overdue(self, now: float, skip: str | None) -> list[Event]:
        out: list[Event] = []
        for sid, session in self._sessions.items():
            if sid != skip and session.held and now - session.since >= self.max_wait:
                out.extend(self._release(session, now, force=True))
        return out

    def _release(self, session: _Session, now: float, *, force: bool) -> list[Event]:
        out: list[Event] = []
        if force and session.held and session.next not in session.held:
            session.next = min(session.held)  # give the gap up
        while session.next in session.held:
            out.append(session.held.pop(session.next))
            session.next += 1
            if force and session.held and session.next not in session.held:
                session.next = min(session.held)
        if session.held and (force or out):
            session.since = now
        return out
