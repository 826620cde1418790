"""Pacing: every client spends the service's request budget (10 requests/s per App ID) through a limiter.

* Without ``rate_limit=``, a client uses :func:`shared_limiter` of its App ID: one
  :class:`LocalRateLimiter` per App ID in the process, shared by all its clients, sync and async.
* ``rate_limit=N``: the process-wide limiter of that App ID at ``N`` requests/s; ``rate_limit=None``:
  no pacing; ``rate_limit=<RateLimiter>``: that budget, e.g. :class:`RedisRateLimiter` for a fleet.

When requests wait, ``stop`` goes first, then ``start``, ``update``/``updateLayout``, ``acquire`` and
``query`` (:data:`PRIORITIES`). An ``acquire`` is granted only together with a reserved slot for its
``start`` (same cname and uid), which then never waits. Waiting counts against the call's deadline
(:class:`~agora_cr.exceptions.RateLimitTimeoutError` when it passes). A 429 that arrives anyway pauses
everyone sharing the limiter for its ``Retry-After`` (1 s without one).
"""

from ._base import PRIORITIES, Pacer, RateLimiter
from ._local import LocalRateLimiter, shared_limiter
from ._redis import RedisRateLimiter

__all__ = ["PRIORITIES", "LocalRateLimiter", "Pacer", "RateLimiter", "RedisRateLimiter", "shared_limiter"]
