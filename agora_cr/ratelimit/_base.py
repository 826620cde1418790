"""What a limiter is asked, and the interface every limiter offers the clients.

Each attempt of a paced call carries a :class:`Take`. The sync or async driver asks the client's
:class:`Pacer` for a slot (:meth:`Pacer.take`), by the call's deadline, *before* it waits for a
connection, so requests waiting for budget hold no connection. The :class:`Grant` it gets back is
counted from that moment until the exchange has ended (:meth:`Grant.end`: the answer read, or the
attempt failed), and then for a window. The service counts a request when it arrives, which is never
after the exchange ends: a window measured from the end covers the service's whatever the network's
delays (measured from the send, a loaded machine's 150 ms between send and arrival let 429s through).

The flow also tells the pacer two things (:meth:`Pacer.tell`):

* :class:`Settle`: how an ``acquire`` ended, so the ``start`` slot reserved with it lives on for the
  pairing window (success) or is given back (failure);
* :class:`SlowDown`: the service answered 429 anyway (another tool spends the same budget): nobody
  sharing the limiter gets a slot for that long.
"""

from __future__ import annotations

import abc
from typing import NamedTuple

#: Who goes first when requests wait for a slot (lower first): a stop must never wait behind polls.
PRIORITIES: dict[str, int] = {
    "stop": 0,
    "start": 1,
    "update": 2,
    "updateLayout": 2,
    "acquire": 3,
    "query": 4,
    "getNcsIp": 4,
}
#: Priority of an operation missing from :data:`PRIORITIES` (one added to the spec later).
DEFAULT_PRIORITY = 4


class Take(NamedTuple):
    """A slot for one attempt of ``operation``, granted before ``deadline`` (``time.monotonic()``)."""

    operation: str
    priority: int
    deadline: float
    #: ``acquire``: reserve a ``start`` slot for this cname/uid with the grant (two slots at once).
    pair: str | None = None
    #: ``start``: spend the slot its ``acquire`` reserved, if it is still there (no waiting then).
    use: str | None = None
    #: ``acquire``: until when (``time.monotonic()``) the reservation lasts if nothing settles it.
    pair_until: float = 0.0


class Settle(NamedTuple):
    """The ``acquire`` that reserved a slot for ``pair`` ended: ``ok`` keeps it for the pairing window."""

    pair: str
    ok: bool


class SlowDown(NamedTuple):
    """The service answered 429: no slot for anyone sharing the limiter for ``seconds``."""

    seconds: float


News = Settle | SlowDown


class NoSlot(Exception):
    """What an attempt yields back when its :class:`Take` was not granted by the deadline."""


def pair_key(cname: object, uid: object) -> str:
    """The key that ties an ``acquire`` to its ``start`` (both carry the same cname and uid)."""
    return f"{cname}\x00{uid}"


class Grant:
    """A slot granted to one attempt; counted from the grant until its exchange ends, then for a window."""

    __slots__ = ("ended", "member", "owner")

    def __init__(self, owner: Pacer, member: str = "") -> None:
        self.owner = owner
        #: Its name in a shared store (Redis), if any.
        self.member = member
        self.ended = False

    def end(self) -> None:
        """The exchange has ended (answered or failed): the window counts from now (idempotent)."""
        if not self.ended:
            self.ended = True
            self.owner._end(self)

    async def aend(self) -> None:
        """:meth:`end` from a coroutine."""
        if not self.ended:
            self.ended = True
            await self.owner._aend(self)


class Pacer(abc.ABC):
    """One request budget as a client sees it, from threads or event-loop tasks."""

    #: Requests per second of the budget.
    qps: int

    @abc.abstractmethod
    def take(self, request: Take) -> Grant | None:
        """A slot for ``request``, waiting in this thread at most until its deadline (``None``: none
        came in time). The grant must :meth:`~Grant.end` once."""

    @abc.abstractmethod
    async def atake(self, request: Take) -> Grant | None:
        """:meth:`take` in the running event loop (cancellation-safe)."""

    @abc.abstractmethod
    def tell(self, news: News) -> None:
        """Record ``news`` (a :class:`Settle` or :class:`SlowDown`)."""

    @abc.abstractmethod
    async def atell(self, news: News) -> None:
        """:meth:`tell` from a coroutine."""

    @abc.abstractmethod
    def forget(self, pair: str) -> None:
        """Give back the reservation of an ``acquire`` abandoned by a cancellation or an interrupt,
        without waiting (best effort: otherwise it ends with its time)."""

    @abc.abstractmethod
    def describe(self) -> str:
        """A short description for messages (``"10 requests/s, shared in this process"``)."""

    @abc.abstractmethod
    def _end(self, grant: Grant) -> None:
        """Count ``grant`` from now on as a request whose exchange ended now."""

    async def _aend(self, grant: Grant) -> None:
        self._end(grant)


class RateLimiter(abc.ABC):
    """A request budget clients can share (``rate_limit=`` of every client).

    :class:`~agora_cr.ratelimit.LocalRateLimiter` shares it between the clients of one process,
    :class:`~agora_cr.ratelimit.RedisRateLimiter` between every process that points at one Redis.
    """

    #: Requests per second of the budget.
    qps: int

    @abc.abstractmethod
    def pacer(self, app_id: str) -> Pacer:
        """The budget a client of ``app_id`` draws from."""
