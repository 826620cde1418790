"""Client configuration: constructor options checked once, environment variables, defaults.

Every default lives in ``_constants``. :func:`build_config` turns a constructor's arguments into a
:class:`ClientConfig` or raises :class:`~agora_cr.exceptions.ClientBuildException` naming the option;
nothing here touches the network.
"""

from __future__ import annotations

import base64
import logging
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
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


#: The settings ``client.with_options(...)`` can change for some calls.
CALL_OPTIONS = (
    "timeout",
    "connect_timeout",
    "deadline",
    "max_retries",
    "initial_retry_delay",
    "max_retry_delay",
    "retry_after_cap",
    "start_retry_delays",
    "jitter",
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
    #: The async clients' socket layer: ``"httpx"`` (httpcore) or ``"aiohttp"`` (``_aiohttp``).
    http_backend: str
    strict: bool
    #: The budget every request is paced through; ``None``: no pacing.
    rate_limit: RateLimiter | None

    def with_options(self, options: dict[str, Any]) -> ClientConfig:
        """This configuration with other per-call settings (:data:`CALL_OPTIONS`), each checked."""
        unknown = sorted(set(options) - set(CALL_OPTIONS))
        if unknown:
            raise ClientBuildException(
                f"with_options takes {', '.join(CALL_OPTIONS)} (got {', '.join(unknown)})", field=unknown[0]
            )
        changed = replace(self, **{name: _call_option(name, value) for name, value in options.items()})
        return replace(changed, connect_timeout=min(changed.connect_timeout, changed.timeout))

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


def _call_option(name: str, value: object) -> Any:
    """One of :data:`CALL_OPTIONS`, checked (the constructor and ``with_options`` share the rules)."""
    if name == "max_retries":
        return _count(name, value, 0)
    if name == "start_retry_delays":
        return _delays(value)
    number = _number(name, value, positive=name in ("timeout", "deadline"))
    if name == "jitter" and number > 1:
        raise ClientBuildException("jitter must be between 0 and 1", field="jitter")
    return number


def _delays(value: object) -> tuple[float, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise ClientBuildException(
            f"start_retry_delays must be a sequence of seconds (got {value!r})", field="start_retry_delays"
        )
    return tuple(_number("start_retry_delays", d) for d in value)


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
    region: RegionArea | str | int | None = None,
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
    max_connections: int | None = None,
    http_backend: str = "httpx",
    strict: bool = False,
    rate_limit: RateLimiter | int | _Default | None = SHARED,
) -> ClientConfig:
    """Check every option; raise ``ClientBuildException`` naming the first one that is wrong."""
    credentials = {"app_id": app_id, "customer_id": customer_id, "customer_secret": customer_secret}
    missing = [name for name, value in credentials.items() if not value or not isinstance(value, str)]
    if missing:
        named = dict(ENV_CREDENTIALS)
        raise ClientBuildException(
            "missing credentials: "
            + ", ".join(f"{name} (pass {name}= or set {named[name]})" for name in missing),
            field=missing[0],
        )
    assert app_id is not None and customer_id is not None and customer_secret is not None
    try:
        validate(parameter_check("AppId"), app_id, "app_id", "client", strict=True)
    except ValidationError:
        raise ClientBuildException("app_id must be 1-64 letters and digits", field="app_id") from None
    try:
        token = base64.b64encode(f"{customer_id}:{customer_secret}".encode()).decode("ascii")
    except UnicodeEncodeError:
        raise ClientBuildException("customer_id and customer_secret must be valid Unicode text") from None
    calls = {
        name: _call_option(name, value)
        for name, value in (
            ("timeout", timeout),
            ("deadline", deadline),
            ("start_retry_delays", start_retry_delays),
            ("jitter", jitter),
            ("connect_timeout", connect_timeout),
            ("max_retries", max_retries),
            ("initial_retry_delay", initial_retry_delay),
            ("max_retry_delay", max_retry_delay),
            ("retry_after_cap", retry_after_cap),
        )
    }
    if base_url is not None and endpoints:
        raise ClientBuildException("give base_url or endpoints, not both")
    if http_backend not in C.HTTP_BACKENDS:
        raise ClientBuildException(
            f"http_backend must be one of {', '.join(map(repr, C.HTTP_BACKENDS))} (got {http_backend!r})",
            field="http_backend",
        )
    if http_backend == "aiohttp":
        try:
            import aiohttp  # noqa: F401
        except ImportError:
            raise ClientBuildException(
                "http_backend='aiohttp' needs aiohttp: pip install 'agora-cr[aiohttp]'", field="http_backend"
            ) from None
    if max_connections is None:
        max_connections = C.DEFAULT_MAX_CONNECTIONS[http_backend]
    if region is None and base_url is None and not endpoints:
        _warn_default_region()
    resolved_region = RegionArea.US if region is None else coerce_region(region)
    if base_url is not None:
        hosts: tuple[str, ...] = (normalise_base_url(base_url),)
    elif endpoints:
        if isinstance(endpoints, str):
            raise ClientBuildException("endpoints must be a list of URLs")
        hosts = tuple(normalise_base_url(url) for url in endpoints)
    else:
        hosts = resolved_region.hosts()
    calls["connect_timeout"] = min(calls["connect_timeout"], calls["timeout"])
    return ClientConfig(
        app_id=app_id,
        customer_id=customer_id,
        authorization=f"Basic {token}",
        region=resolved_region,
        hosts=hosts,
        **calls,
        max_connections=_count("max_connections", max_connections, 1),
        http_backend=http_backend,
        strict=bool(strict),
        rate_limit=_rate_limit(app_id, rate_limit),
    )


_warned_region = False


def _warn_default_region() -> None:
    """Say once per process that the US hosts were picked for want of a region."""
    global _warned_region
    if not _warned_region:
        _warned_region = True
        logging.getLogger(C.LOGGER_NAME).warning(
            "no region given: using Agora's US hosts; pass region= (%s) or set AGORA_REGION, "
            "or base_url= / AGORA_BASE_URL",
            ", ".join(area.value for area in RegionArea),
        )


def env_defaults(
    app_id: str | None, customer_id: str | None, customer_secret: str | None, options: dict[str, Any]
) -> tuple[str | None, str | None, str | None]:
    """Credentials not given, from ``AGORA_APP_ID``/``AGORA_CUSTOMER_ID``/``AGORA_CUSTOMER_SECRET``; and
    into ``options``: ``AGORA_REGION`` when no region is given, ``AGORA_BASE_URL`` when no region, base
    URL or endpoints are. Explicit arguments always win."""
    env = os.environ
    app_id = app_id if app_id is not None else env.get("AGORA_APP_ID") or None
    customer_id = customer_id if customer_id is not None else env.get("AGORA_CUSTOMER_ID") or None
    if customer_secret is None:
        customer_secret = env.get("AGORA_CUSTOMER_SECRET") or None
    placed = any(options.get(key) is not None for key in ("region", "base_url", "endpoints"))
    if not placed and env.get("AGORA_BASE_URL"):
        options["base_url"] = env["AGORA_BASE_URL"]
    if options.get("region") is None and env.get("AGORA_REGION"):
        options["region"] = env["AGORA_REGION"]
    return app_id, customer_id, customer_secret


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
