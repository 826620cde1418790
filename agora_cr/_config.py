"""Client configuration: constructor options checked once, environment variables, defaults.

Every default lives in ``_constants``. :func:`build_config` turns a constructor's arguments into a
:class:`ClientConfig` or raises :class:`~agora_cr.exceptions.ClientBuildException` naming the option;
nothing here touches the network.
"""

from __future__ import annotations

import base64
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import _constants as C
from ._validation import parameter_check, validate
from .exceptions import ClientBuildException, ValidationError
from .ratelimit import RateLimiter, shared_limiter
from .regions import RegionArea, coerce_region, normalise_base_url

#: Constructor arguments read from the environment when not given, and their variables.
ENV_CREDENTIALS = (
    ("app_id", "AGORA_APP_ID"),
    ("customer_id", "AGORA_CUSTOMER_ID"),
    ("customer_secret", "AGORA_CUSTOMER_SECRET"),
)


@dataclass(frozen=True)
class ClientConfig:
    """The checked settings of one client. ``authorization`` is the Basic credential (never shown)."""

    app_id: str
    customer_id: str
    authorization: str
    region: RegionArea
    hosts: tuple[str, ...]
    timeout: float
    connect_timeout: float
    deadline: float
    max_retries: int
    initial_retry_delay: float
    max_retry_delay: float
    retry_after_cap: float
    start_retry_delays: tuple[float, ...]
    jitter: float
    max_connections: int
    strict: bool
    #: The budget every request is paced through; ``None``: no pacing.
    rate_limit: RateLimiter | None

    def __repr__(self) -> str:
        return (
            f"ClientConfig(app_id={self.app_id!r}, customer_id={self.customer_id!r}, authorization='***', "
            f"region={self.region.value!r}, hosts={list(self.hosts)!r})"
        )


def _number(name: str, value: object, *, positive: bool = False) -> float:
    """A finite, non-negative (or positive) real number option."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
    ):
        raise ClientBuildException(f"{name} must be a finite number >= 0 (got {value!r})", field=name)
    if positive and value == 0:
        raise ClientBuildException(f"{name} must be greater than 0", field=name)
    return float(value)


def _count(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ClientBuildException(f"{name} must be an integer >= {minimum} (got {value!r})", field=name)
    return value


class _Default:
    """``rate_limit`` not given: the process-wide limiter of the App ID at the service's rate."""

    def __repr__(self) -> str:
        return "<the App ID's shared limiter>"


#: The default of ``rate_limit=``.
SHARED = _Default()


def _rate_limit(app_id: str, value: object) -> RateLimiter | None:
    if value is None or isinstance(value, RateLimiter):
        return value
    if value is SHARED:
        return shared_limiter(app_id, C.DEFAULT_RATE_LIMIT)
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:
        raise ClientBuildException(
            "rate_limit must be None, an integer >= 2 (requests per second) or a RateLimiter "
            f"(got {value!r})",
            field="rate_limit",
        )
    return shared_limiter(app_id, value)


def build_config(
    app_id: str | None,
    customer_id: str | None,
    customer_secret: str | None,
    *,
    region: RegionArea | str | int = RegionArea.US,
    base_url: str | None = None,
    endpoints: Sequence[str] | None = None,
    timeout: float = C.DEFAULT_TIMEOUT,
    connect_timeout: float = C.DEFAULT_CONNECT_TIMEOUT,
    max_retries: int = C.DEFAULT_MAX_RETRIES,
    deadline: float = C.DEFAULT_DEADLINE,
    initial_retry_delay: float = C.DEFAULT_INITIAL_RETRY_DELAY,
    max_retry_delay: float = C.DEFAULT_MAX_RETRY_DELAY,
    retry_after_cap: float = C.DEFAULT_RETRY_AFTER_CAP,
    start_retry_delays: Sequence[float] = C.DEFAULT_START_RETRY_DELAYS,
    jitter: float = C.DEFAULT_JITTER,
    max_connections: int = C.DEFAULT_MAX_CONNECTIONS,
    strict: bool = False,
    rate_limit: RateLimiter | int | _Default | None = SHARED,
) -> ClientConfig:
    """Check every option; raise ``ClientBuildException`` naming the first one that is wrong."""
    credentials = {"app_id": app_id, "customer_id": customer_id, "customer_secret": customer_secret}
    missing = [name for name, value in credentials.items() if not value or not isinstance(value, str)]
    if missing:
        raise ClientBuildException(f"missing or empty: {', '.join(missing)}")
    assert app_id is not None and customer_id is not None and customer_secret is not None
    try:
        validate(parameter_check("AppId"), app_id, "app_id", "client", strict=True)
    except ValidationError:
        raise ClientBuildException("app_id must be 1-64 letters and digits", field="app_id") from None
    try:
        token = base64.b64encode(f"{customer_id}:{customer_secret}".encode()).decode("ascii")
    except UnicodeEncodeError:
        raise ClientBuildException("customer_id and customer_secret must be valid Unicode text") from None
    timeout = _number("timeout", timeout, positive=True)
    deadline = _number("deadline", deadline, positive=True)
    delays = start_retry_delays
    if isinstance(delays, (str, bytes)) or not isinstance(delays, Sequence):
        raise ClientBuildException(f"start_retry_delays must be a sequence of seconds (got {delays!r})")
    jitter = _number("jitter", jitter)
    if jitter > 1:
        raise ClientBuildException("jitter must be between 0 and 1")
    if base_url is not None and endpoints:
        raise ClientBuildException("give base_url or endpoints, not both")
    resolved_region = coerce_region(region)
    if base_url is not None:
        hosts: tuple[str, ...] = (normalise_base_url(base_url),)
    elif endpoints:
        if isinstance(endpoints, str):
            raise ClientBuildException("endpoints must be a list of URLs")
        hosts = tuple(normalise_base_url(url) for url in endpoints)
    else:
        hosts = resolved_region.hosts()
    return ClientConfig(
        app_id=app_id,
        customer_id=customer_id,
        authorization=f"Basic {token}",
        region=resolved_region,
        hosts=hosts,
        timeout=timeout,
        connect_timeout=min(_number("connect_timeout", connect_timeout), timeout),
        deadline=deadline,
        max_retries=_count("max_retries", max_retries, 0),
        initial_retry_delay=_number("initial_retry_delay", initial_retry_delay),
        max_retry_delay=_number("max_retry_delay", max_retry_delay),
        retry_after_cap=_number("retry_after_cap", retry_after_cap),
        start_retry_delays=tuple(_number("start_retry_delays", d) for d in delays),
        jitter=jitter,
        max_connections=_count("max_connections", max_connections, 1),
        strict=bool(strict),
        rate_limit=_rate_limit(app_id, rate_limit),
    )


def env_kwargs(overrides: dict[str, Any]) -> dict[str, Any]:
    """Constructor arguments from ``AGORA_*`` variables; ``overrides`` win. Every missing credential
    variable is named in one error."""
    kwargs: dict[str, Any] = {}
    missing = []
    for key, env in ENV_CREDENTIALS:
        if key not in overrides:
            value = os.environ.get(env)
            if not value:
                missing.append(env)
            kwargs[key] = value
    if missing:
        raise ClientBuildException(f"environment variable(s) not set: {', '.join(missing)}")
    if "region" not in overrides and os.environ.get("AGORA_REGION"):
        kwargs["region"] = os.environ["AGORA_REGION"]
    if "base_url" not in overrides and "endpoints" not in overrides and os.environ.get("AGORA_BASE_URL"):
        kwargs["base_url"] = os.environ["AGORA_BASE_URL"]
    kwargs.update(overrides)
    return kwargs
