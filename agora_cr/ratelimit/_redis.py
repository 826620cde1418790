"""One request budget for a fleet: every process that points at the same Redis shares it.

The state (grants of the last window, start reservations, the priority queue, a 429 pause) lives in a
few Redis keys per App ID and changes only inside one Lua script (``budget.lua``), so it is atomic and
uses one clock, the Redis server's. Waiters ask again when the script says a place may have freed (at
least every ``lease / 2``); a waiter that stops asking (its process died) leaves the queue when its
lease ends.

If Redis cannot be reached, pacing goes on in the process with a warning, at ``qps`` divided by the
number of processes last seen sharing the budget; Redis is tried again every ``retry_interval``
seconds, and sharing resumes (with a log line) as soon as it answers.

Why a script of our own: ``limits`` (moving window on Redis) and ``pyrate-limiter`` (Redis buckets)
count requests well but have no priorities between waiters and no reserved ``start`` slot, and both
make the caller poll or sleep on its own; a script of about 100 lines does all three atomically with
``redis-py``'s sync and asyncio clients.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.resources
import logging
import os
import threading
import time
import uuid
import weakref
from collections.abc import Generator
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from .. import _constants as C
from ._base import Grant, News, Pacer, RateLimiter, Settle, Take
from ._local import DEFAULT_MARGIN, PAIR_WINDOW, LocalRateLimiter

_logger = logging.getLogger(C.LOGGER_NAME)

#: A waiter's place in the queue lasts this long without a new question (milliseconds).
LEASE_MS = 2000
#: Milliseconds after its deadline an attempt is still counted as in flight, unless it says it ended.
IN_FLIGHT_SLACK_MS = 1000
#: A process counts as sharing the budget for this long after its last request (milliseconds).
PEER_TTL_MS = 30000

_SCRIPT: str | None = None
#: Fire-and-forget script calls in flight (a reference keeps each task alive until it ends).
_background: set[asyncio.Task[None]] = set()

_redis_limiters: weakref.WeakSet[RedisRateLimiter] = weakref.WeakSet()


def _after_fork() -> None:
    for limiter in list(_redis_limiters):
        limiter._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def _script_source() -> str:
    global _SCRIPT
    if _SCRIPT is None:
        _SCRIPT = importlib.resources.files(__package__).joinpath("budget.lua").read_text(encoding="utf-8")
    return _SCRIPT


def _where(url: str) -> str:
    """``host:port/db`` of a Redis URL, without its credentials (for log lines)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]  # without user:password
    return f"{parts.scheme}://{host}{parts.path}"


# A script step the sync and async drivers run: ("script", args) -> reply or the error it raised;
# ("sleep", seconds) -> None; ("local", request) -> the fallback's answer.
_Step = tuple[str, Any]
_T = TypeVar("_T")


class RedisRateLimiter(RateLimiter):
    """``qps`` requests per second shared by every client, process and machine using this Redis.

    :param url: ``redis://[:password@]host:port/db`` (or ``rediss://``, ``unix://``).
    :param qps: the budget (the service allows 10 per App ID).
    :param key: the name of the budget in Redis; default: each client's App ID. Give one name to
        clients of several App IDs to make them one budget (if the service counts per account).
    :param prefix: the prefix of every Redis key (``{prefix}:{key}:...``).
    :param margin: seconds added to the one-second window (see ``LocalRateLimiter``).
    :param socket_timeout: seconds any Redis command may take before Redis counts as unreachable.
    :param retry_interval: seconds between attempts to reach Redis again while it is down.

    Sync clients use a ``redis.Redis``, async ones a ``redis.asyncio.Redis`` per event loop; both are
    made on first use. Needs the ``redis`` package (``pip install 'agora-cr[redis]'``).
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        qps: int = 10,
        *,
        key: str | None = None,
        prefix: str = "agora-cr",
        margin: float = DEFAULT_MARGIN,
        pair_window: float = PAIR_WINDOW,
        socket_timeout: float = 0.5,
        retry_interval: float = 1.0,
    ) -> None:
        import redis  # noqa: F401 - fail here, not on the first request, when it is missing

        if isinstance(qps, bool) or not isinstance(qps, int) or qps < 2:
            raise ValueError(f"qps must be an integer >= 2 (got {qps!r})")
        self.url = url
        self.qps = qps
        self.key = key
        self.prefix = prefix
        self.window_ms = round((1.0 + margin) * 1000)
        self.margin = margin
        self.pair_window = pair_window
        self.socket_timeout = socket_timeout
        self.retry_interval = retry_interval
        self._lock = threading.Lock()
        self._pacers: dict[str, _RedisPacer] = {}
        self._sync: Any = None
        self._sync_pid = 0
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._peer = (0, "")
        _redis_limiters.add(self)

    def __repr__(self) -> str:
        return f"RedisRateLimiter({_where(self.url)!r}, qps={self.qps})"

    @property
    def peer(self) -> str:
        """This process's name in the count of processes sharing the budget (new after a fork)."""
        pid, name = self._peer
        if pid != os.getpid():
            self._peer = pid, name = os.getpid(), uuid.uuid4().hex
        return name

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._sync = None
        self._async = weakref.WeakKeyDictionary()
        for pacer in self._pacers.values():
            pacer._lock = threading.Lock()

    def pacer(self, app_id: str) -> Pacer:
        """The budget named ``key`` (or ``app_id``) on this Redis."""
        name = self.key or app_id
        with self._lock:
            pacer = self._pacers.get(name)
            if pacer is None:
                pacer = self._pacers[name] = _RedisPacer(self, name)
            return pacer

    # ------------------------------------------------------------------------------ redis clients
    def _options(self) -> dict[str, Any]:
        return {"socket_timeout": self.socket_timeout, "socket_connect_timeout": self.socket_timeout}

    def _sync_script(self) -> Any:
        with self._lock:
            if self._sync is None or self._sync_pid != os.getpid():
                import redis
                from redis.backoff import NoBackoff
                from redis.retry import Retry

                client = redis.Redis.from_url(self.url, retry=Retry(NoBackoff(), 0), **self._options())
                self._sync = client.register_script(_script_source())
                self._sync_pid = os.getpid()
            return self._sync

    def _async_script(self) -> Any:
        loop = asyncio.get_running_loop()
        with self._lock:
            script = self._async.get(loop)
            if script is None:
                import redis.asyncio
                from redis.asyncio.retry import Retry
                from redis.backoff import NoBackoff

                client = redis.asyncio.Redis.from_url(
                    self.url, retry=Retry(NoBackoff(), 0), **self._options()
                )
                script = self._async[loop] = client.register_script(_script_source())
            return script

    def close(self) -> None:
        """Close the sync Redis connections (async ones: :meth:`aclose` in their loop)."""
        with self._lock:
            script, self._sync = self._sync, None
        if script is not None:
            script.registered_client.close()

    async def aclose(self) -> None:
        """Close the running loop's Redis connections."""
        with self._lock:
            script = self._async.pop(asyncio.get_running_loop(), None)
        if script is not None:
            await script.registered_client.aclose()


class _RedisPacer(Pacer):
    """The budget ``name`` on a :class:`RedisRateLimiter`, with its local fallback."""

    def __init__(self, limiter: RedisRateLimiter, name: str) -> None:
        self.limiter = limiter
        self.qps = limiter.qps
        base = f"{limiter.prefix}:{{{name}}}"
        self.keys = [f"{base}:{part}" for part in ("grants", "holds", "queue", "leases", "blocked", "peers")]
        self._lock = threading.Lock()
        self._down_until = 0.0  # while Redis is down: when to try it again (time.monotonic())
        self._peers = 1  # processes last seen sharing the budget
        self._fallback: LocalRateLimiter | None = None

    def describe(self) -> str:
        where = _where(self.limiter.url)
        if self._fallback is not None:
            return f"{self._fallback.qps} requests/s in this process while Redis at {where} is unreachable"
        return f"{self.qps} requests/s shared on Redis at {where}"

    # ------------------------------------------------------------------------------- up and down
    def _use_redis(self) -> bool:
        """True to ask Redis; False while it is down (one caller at a time probes it again)."""
        with self._lock:
            if self._fallback is None:
                return True
            now = time.monotonic()
            if now < self._down_until:
                return False
            self._down_until = now + self.limiter.retry_interval
            return True

    def _went_down(self, error: BaseException) -> None:
        with self._lock:
            self._down_until = time.monotonic() + self.limiter.retry_interval
            if self._fallback is not None:
                return
            share = max(2, self.qps // max(self._peers, 1))
            _logger.warning(
                "rate limit: Redis at %s is unreachable (%s); pacing in this process at %d "
                "requests/s (%d/s shared by %d process(es)) until it is back",
                _where(self.limiter.url),
                type(error).__name__,
                share,
                self.qps,
                self._peers,
            )
            fallback = LocalRateLimiter(
                share, margin=self.limiter.margin, pair_window=self.limiter.pair_window
            )
            # What the others sent in the last window is unknown: count it as full (one window's pause).
            fallback._grants.extend([time.monotonic()] * share)
            self._fallback = fallback

    def _came_back(self, peers: int) -> None:
        with self._lock:
            self._peers = max(int(peers), 1)
            if self._fallback is not None:
                self._fallback._retire()  # its waiters ask Redis instead
                self._fallback = None
                _logger.warning(
                    "rate limit: Redis at %s is back; sharing the budget again", _where(self.limiter.url)
                )

    def _seed(self) -> list[Any] | None:
        """Asking Redis again after it was down: stop the fallback's grants (for the length of the
        round trips), and return the script call that puts the grants it made that still count into
        the shared window, so that switching back cannot double the rate."""
        fallback = self._fallback
        if fallback is None:
            return None
        fallback._pause(3 * self.limiter.socket_timeout)
        ages = [round(age * 1000) for age in fallback._recent()]
        return ["seed", uuid.uuid4().hex, *ages]

    def _still_down(self, error: BaseException) -> None:
        fallback = self._fallback
        self._went_down(error)
        if fallback is not None:
            fallback._unpause()

    def _fire(self, args: list[Any]) -> None:
        """Run one script call without waiting for it (a task in a running loop, else at once,
        bounded by ``socket_timeout``); failures are ignored: leases and reservations end anyway."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            with contextlib.suppress(Exception):
                self.limiter._sync_script()(keys=self.keys, args=args)
            return

        async def call() -> None:
            with contextlib.suppress(Exception):
                await self.limiter._async_script()(keys=self.keys, args=args)

        task = loop.create_task(call())
        _background.add(task)
        task.add_done_callback(_background.discard)

    def forget(self, pair: str) -> None:
        fallback = self._fallback
        if fallback is not None:
            fallback.forget(pair)
        else:
            self._fire(["settle", pair, "0", 0])

    # --------------------------------------------------------------------------------- the steps
    def _tell(self, news: News) -> Generator[_Step, Any, None]:
        limiter = self.limiter
        if isinstance(news, Settle):
            args = ["settle", news.pair, "1" if news.ok else "0", int(limiter.pair_window * 1000)]
        else:
            args = ["slow", max(1, int(news.seconds * 1000))]
        if self._fallback is None:  # (while Redis is down, only takes probe it: they seed it back)
            reply = yield ("script", args)
            if not isinstance(reply, BaseException):
                return
            self._went_down(reply)
        fallback = self._fallback
        if fallback is not None:
            yield ("local", (fallback, news))

    def _take(self, request: Take) -> Generator[_Step, Any, Grant | None]:
        limiter = self.limiter
        need = 2 if request.pair is not None else 1
        member = f"{need}:{uuid.uuid4().hex}"
        queued = False  # whether the member may be in the Redis queue (to leave it if abandoned)
        try:
            while True:
                if not self._use_redis():
                    fallback = self._fallback
                    if fallback is not None:
                        granted: Grant | None = yield ("local", (fallback, request))
                        if granted is None and fallback._retired and time.monotonic() < request.deadline:
                            continue  # Redis came back while it waited: ask Redis
                        return granted
                seed = self._seed()
                if seed is not None:
                    seeded = yield ("script", seed)
                    if isinstance(seeded, BaseException):
                        self._still_down(seeded)
                        continue  # the fallback again (its grants stay where they are)
                pair_ttl = (
                    max(1, round((request.pair_until - time.monotonic()) * 1000)) if request.pair else 0
                )
                args = [
                    "take", member, request.priority, need, request.pair or "", pair_ttl, request.use or "",
                    LEASE_MS, limiter.qps, limiter.window_ms, self.limiter.peer, PEER_TTL_MS,
                    max(0, round((request.deadline - time.monotonic()) * 1000)) + IN_FLIGHT_SLACK_MS,
                ]  # fmt: skip
                queued = True
                reply = yield ("script", args)
                if isinstance(reply, BaseException):
                    self._still_down(reply)
                    continue
                ok, wait_ms, peers = reply
                self._came_back(peers)
                if ok:
                    queued = False
                    return Grant(self, member)
                left = request.deadline - time.monotonic()
                if left <= 0:
                    queued = False
                    yield ("script", ["leave", member])
                    return None
                yield ("sleep", min(wait_ms / 1000.0, left, LEASE_MS / 2000.0))
        finally:
            if queued:  # abandoned (cancelled, interrupted) while queued on Redis
                self._fire(["leave", member])

    # ------------------------------------------------------------------------------- the drivers
    def _run(self, steps: Generator[_Step, Any, _T]) -> _T:
        try:
            step = next(steps)
            while True:
                kind, value = step
                if kind == "script":
                    try:
                        reply: Any = self.limiter._sync_script()(keys=self.keys, args=value)
                    except Exception as exc:  # redis.RedisError, OSError: Redis is unreachable
                        reply = exc
                    step = steps.send(reply)
                elif kind == "sleep":
                    time.sleep(value)
                    step = steps.send(None)
                else:
                    fallback, pending = value
                    answer = fallback.take(pending) if isinstance(pending, Take) else fallback.tell(pending)
                    step = steps.send(answer)
        except StopIteration as stop:
            return cast(_T, stop.value)
        finally:
            steps.close()  # interrupted or cancelled: its finally leaves the queue

    async def _arun(self, steps: Generator[_Step, Any, _T]) -> _T:
        try:
            step = next(steps)
            while True:
                kind, value = step
                if kind == "script":
                    try:
                        reply: Any = await self.limiter._async_script()(keys=self.keys, args=value)
                    except asyncio.CancelledError:
                        raise
                    except Exception as exc:  # redis.RedisError, OSError: Redis is unreachable
                        reply = exc
                    step = steps.send(reply)
                elif kind == "sleep":
                    await asyncio.sleep(value)
                    step = steps.send(None)
                else:
                    fallback, pending = value
                    if isinstance(pending, Take):
                        step = steps.send(await fallback.atake(pending))
                    else:
                        step = steps.send(await fallback.atell(pending))
        except StopIteration as stop:
            return cast(_T, stop.value)
        finally:
            steps.close()  # interrupted or cancelled: its finally leaves the queue

    def take(self, request: Take) -> Grant | None:
        return self._run(self._take(request))

    async def atake(self, request: Take) -> Grant | None:
        return await self._arun(self._take(request))

    def tell(self, news: News) -> None:
        self._run(self._tell(news))

    async def atell(self, news: News) -> None:
        await self._arun(self._tell(news))

    def _end(self, grant: Grant) -> None:
        # In flight, a grant counts as ending at its deadline; now it ended (while Redis is known to
        # be down, it keeps that: later but safe). Not waited for: the answer is not held up by it.
        if self._fallback is None:
            self._fire(["stamp", grant.member])
