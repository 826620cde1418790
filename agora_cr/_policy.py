"""The one retry, failover and deadline policy, shared by the sync and async clients.

:meth:`Policy.flow` is a generator that decides what to do next for one :class:`~agora_cr._requests.Call`
and yields either an attempt (``(url, timeout)``) or a pause (a ``float`` of seconds). The sync and async
transports only drive it: they send or sleep, and feed back the outcome (an
:class:`~agora_cr._responses.Answer` or the transport's exception). So both share every decision, and
only the I/O differs (the pattern of httpx's ``Auth.auth_flow``). The table it follows (docs/guide/errors.md):

* connect error or DNS failure (nothing sent): the next host at once, any operation;
* timeout or 5xx on acquire, query, update, updateLayout, stop: retry with back-off and jitter (a 5xx
  also moves to the next host); ``start`` is never repeated blindly;
* ``start`` answered ``206 {code: 65}``: the same resource ID again after 3 s, then 6 s;
* 429: back off (``Retry-After`` when present, capped), and pause the client's limiter for as long;
* everything else: the mapped exception at once.

With pacing on (``rate_limit=``), every attempt carries a ``Take``: the driver asks the limiter for a
slot once it holds a connection, right before sending. The first ``acquire`` attempt reserves its
``start``'s slot with it and the flow settles that reservation when the ``acquire`` ends (``Settle``);
the first ``start`` attempt spends it.

No attempt, pause or answer may outlast the call's deadline.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Generator
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple, cast

import httpx

from ._config import ClientConfig
from ._requests import Call
from ._responses import Answer, failure, success
from .exceptions import (
    ClientException,
    ClientRequestException,
    ClientTimeoutException,
    ConnectionError,
    InvalidResponseError,
    RateLimitError,
    RateLimitTimeoutError,
)
from .ratelimit._base import DEFAULT_PRIORITY, PRIORITIES, NoSlot, Pacer, Settle, SlowDown, Take, pair_key
from .ratelimit._local import PAIR_WINDOW
from .regions import HostPool


class Attempt(NamedTuple):
    """One HTTP attempt the flow asks for."""

    #: The absolute URL (this attempt's host and the call's path).
    url: str
    #: The per-attempt timeout, shortened near the deadline; ``None``: the client's default.
    timeout: httpx.Timeout | None
    #: When the whole call must end (``time.monotonic()``): every wait of the attempt stops by then.
    deadline: float
    #: The pacing slot to take before sending (``None``: no pacing).
    take: Take | None = None


Flow = Generator["Attempt | float | Settle | SlowDown", Any, Any]

#: Operations retried (with back-off) on timeouts and 5xx; ``start`` is not (docs/guide/errors.md).
RETRY_ON_FAILURE = frozenset({"acquire", "query", "update", "updateLayout", "stop", "getNcsIp"})


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds (``"2"``, ``"1.5"``) or an HTTP date; ``None`` if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN or infinite
        return None
    return max(0.0, seconds)


class Policy:
    """The retry/failover/deadline behaviour of one client, from its checked configuration."""

    def __init__(
        self, config: ClientConfig, hosts: HostPool, logger: logging.Logger, pacer: Pacer | None = None
    ) -> None:
        self.config = config
        self.hosts = hosts
        self.logger = logger
        #: The request budget every attempt draws from; ``None``: no pacing.
        self.pacer = pacer
        #: Send ``config.timeout`` with every attempt (a ``with_options`` view: the pool's default differs).
        self.own_timeout = False
        self._random = random.Random()

    def backoff(self, retry: int) -> float:
        """The pause before retry number ``retry`` (0-based): exponential, capped, with jitter."""
        config = self.config
        delay: float = min(config.initial_retry_delay * (2.0**retry), config.max_retry_delay)
        return delay * (1.0 - config.jitter * self._random.random())

    def flow(self, call: Call[Any]) -> Flow:
        """Drive one call to its result (the generator's return value) or its exception; with the
        ``agora_cr`` logger at INFO, one line per call says how it ended."""
        if not self.logger.isEnabledFor(logging.INFO):
            return self._paced(call)
        return self._logged(call)

    def _logged(self, call: Call[Any]) -> Flow:
        began = time.monotonic()
        try:
            result = yield from self._paced(call)
        except ClientException as exc:
            self.logger.info("%s failed after %.1f ms: %s", call.operation.id, _ms_since(began), exc)
            raise
        self.logger.info(
            "%s ok in %.1f ms (request_id=%s)",
            call.operation.id,
            _ms_since(began),
            getattr(result, "request_id", None),
        )
        return result

    def _paced(self, call: Call[Any]) -> Flow:
        if self.pacer is None or call.operation.id != "acquire":
            return self._flow(call, None)
        return self._paired(call)

    def _paired(self, call: Call[Any]) -> Flow:
        assert self.pacer is not None
        pair = pair_key(call.context.get("cname"), call.context.get("uid"))
        try:
            result = yield from self._flow(call, pair)
        except ClientException:
            yield Settle(pair, False)
            raise
        except BaseException:  # closed by a cancellation or an interrupt: no yield possible
            self.pacer.forget(pair)
            raise
        yield Settle(pair, True)
        return result

    def _flow(self, call: Call[Any], pair: str | None) -> Flow:
        config = self.config
        clock = time.monotonic
        deadline = clock() + config.deadline
        pacer = self.pacer
        priority = PRIORITIES.get(call.operation.id, DEFAULT_PRIORITY)
        use = (
            pair_key(call.context.get("cname"), call.context.get("uid"))
            if pacer is not None and call.operation.id == "start"
            else None
        )
        hosts = self.hosts
        logger = self.logger
        operation = call.operation.id
        tried: list[str] = []
        retries = start_retries = connect_failures = attempt = 0
        while True:
            index = hosts.current_index
            host = hosts.hosts[index]
            if host not in tried:
                tried.append(host)
            remaining = deadline - clock()
            if remaining <= 0:
                raise self._error(
                    ClientTimeoutException,
                    f"{operation}: deadline of {config.deadline:g}s exceeded",
                    call,
                    tried,
                )
            timeout = None
            if remaining < config.timeout:
                timeout = httpx.Timeout(remaining, connect=min(config.connect_timeout, remaining))
            elif self.own_timeout:
                timeout = httpx.Timeout(config.timeout, connect=config.connect_timeout)
            take = None
            if pacer is not None:
                pair_until = min(deadline, clock() + config.timeout) + PAIR_WINDOW if pair else 0.0
                take = Take(operation, priority, deadline, pair, use, pair_until)
                pair = use = None  # one reservation per call, made or spent by its first attempt
            attempt += 1
            started = clock()
            outcome = yield Attempt(host + call.path, timeout, deadline, take)
            elapsed_ms = (clock() - started) * 1000.0
            retry_after: float | None = None
            error: ClientRequestException
            if outcome.__class__ is NoSlot:
                late = self._error(
                    RateLimitTimeoutError,
                    f"{operation}: no request slot within the deadline of {config.deadline:g}s "
                    f"(rate limit: {cast(Pacer, pacer).describe()}); nothing was sent",
                    call,
                    tried,
                )
                cast(RateLimitTimeoutError, late).waited = clock() - started
                raise late
            if isinstance(outcome, BaseException):
                if clock() >= deadline:  # the deadline ended the attempt: no fault of the host
                    raise self._error(
                        ClientTimeoutException,
                        f"{operation}: deadline of {config.deadline:g}s exceeded ({type(outcome).__name__})",
                        call,
                        tried,
                    )
                if not isinstance(outcome, (httpx.PoolTimeout, httpx.DecodingError)):
                    hosts.fail(index)
                logger.warning(
                    "%s %s failed: %s after %.1f ms (attempt %d, host %s)",
                    call.method,
                    call.path,
                    type(outcome).__name__,
                    elapsed_ms,
                    attempt,
                    host,
                )
                if isinstance(outcome, (httpx.ConnectError, httpx.ConnectTimeout)):  # nothing was sent
                    connect_failures += 1
                    if connect_failures % len(hosts) != 0:
                        continue  # fail over to the next host at once
                    what = f"could not connect to any host ({type(outcome).__name__})"
                    error = self._error(ConnectionError, f"{operation}: {what}", call, tried)
                    retryable = True
                elif isinstance(
                    outcome, httpx.DecodingError
                ):  # an answer came, but its body would not decode
                    what = f"the service answered with a body that cannot be decoded ({outcome})"
                    error = self._error(InvalidResponseError, f"{operation}: {what}", call, tried)
                    retryable = False
                elif isinstance(outcome, httpx.PoolTimeout):  # nothing was sent: any call may wait again
                    what = "no free connection within the attempt timeout (max_connections in use)"
                    error = self._error(ClientTimeoutException, f"{operation}: {what}", call, tried)
                    retryable = True
                elif isinstance(outcome, httpx.TimeoutException):
                    what = f"no answer within the attempt timeout ({type(outcome).__name__})"
                    error = self._error(ClientTimeoutException, f"{operation}: {what}", call, tried)
                    retryable = operation in RETRY_ON_FAILURE
                else:
                    what = f"connection failed ({type(outcome).__name__}: {outcome})"
                    error = self._error(ConnectionError, f"{operation}: {what}", call, tried)
                    retryable = operation in RETRY_ON_FAILURE and isinstance(outcome, httpx.TransportError)
            else:
                answer: Answer = outcome
                status = answer.status
                if logger.isEnabledFor(logging.DEBUG):
                    logger.debug(
                        "%s %s -> %d in %.1f ms (attempt %d, host %s)",
                        call.method,
                        call.path,
                        status,
                        elapsed_ms,
                        attempt,
                        host,
                    )
                if status == 200:
                    return success(call.operation, answer, call.context, tried)
                error = failure(call.operation, answer, call.context, tried)
                if error.error_code == 65:
                    if operation == "start":
                        if start_retries >= len(config.start_retry_delays):
                            raise error
                        delay = config.start_retry_delays[start_retries]
                        start_retries += 1
                        if clock() + delay >= deadline:
                            raise error
                        logger.warning(
                            "start not completed (code 65); retrying with the same resource ID in %.2fs",
                            delay,
                        )
                        yield delay
                        continue
                    retryable = True
                elif status == 429:
                    retryable = True
                    retry_after = parse_retry_after(answer.headers.get("retry-after"))
                    if isinstance(error, RateLimitError):
                        error.retry_after = retry_after
                    if pacer is not None:
                        pause = 1.0 if retry_after is None else min(retry_after, config.retry_after_cap)
                        yield SlowDown(pause)
                elif status >= 500:
                    hosts.fail(index)
                    retryable = operation in RETRY_ON_FAILURE
                else:
                    raise error
            if not retryable or retries >= config.max_retries:
                raise error
            delay = (
                min(retry_after, config.retry_after_cap) if retry_after is not None else self.backoff(retries)
            )
            if clock() + delay >= deadline:
                raise error
            retries += 1
            logger.warning(
                "%s: %s; retry %d/%d in %.2fs",
                operation,
                type(error).__name__,
                retries,
                config.max_retries,
                delay,
            )
            if delay > 0:
                yield delay

    @staticmethod
    def _error(
        cls: type[ClientRequestException], message: str, call: Call[Any], tried: list[str]
    ) -> ClientRequestException:
        return cls(None, None, message, operation=call.operation.id, hosts_tried=tried, **call.context)


def _ms_since(began: float) -> float:
    return (time.monotonic() - began) * 1000.0
