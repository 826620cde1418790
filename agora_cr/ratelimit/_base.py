"""What a limiter is asked, and the interface every limiter offers the clients.

A client's :meth:`~agora_cr._policy.Policy.flow` makes three kinds of pacing requests, and the sync or
async driver hands them to the client's limiter:

* :class:`Take` (carried by each attempt): a slot for that attempt, by the call's deadline (``True``) or
  not (``False``). The driver asks once it holds a connection, right before sending, so the time a
  slot is granted is the time the request leaves;
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


PaceRequest = Take | Settle | SlowDown


class NoSlot(Exception):
    """What an attempt yields back when its :class:`Take` was not granted by the deadline."""


def pair_key(cname: object, uid: object) -> str:
    """The key that ties an ``acquire`` to its ``start`` (both carry the same cname and uid)."""
    return f"{cname}\x00{uid}"


class Pacer(abc.ABC):
    """One request budget as a client sees it: it answers :data:`PaceRequest` s, sync or async."""

    #: Requests per second of the budget.
    qps: int

    @abc.abstractmethod
    def handle(self, request: PaceRequest) -> bool:
        """Answer ``request`` in a thread, blocking at most until its deadline."""

    @abc.abstractmethod
    async def ahandle(self, request: PaceRequest) -> bool:
        """Answer ``request`` in the running event loop (cancellation-safe)."""

    @abc.abstractmethod
    def describe(self) -> str:
        """A short description for messages (``"10 requests/s, in this process"``)."""


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
