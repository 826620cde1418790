"""Service areas and the hosts that serve them.

Each :class:`RegionArea` has an ordered host list: the two regional prefixes under the preferred domain,
the same prefixes under the other domain, then the two global hosts. Mainland China prefers
``sd-rtn.com``; every other area prefers ``agora.io``. Nothing here touches the network: failover is
decided lazily by the transport when a host fails (connect error, timeout, 5xx).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from .exceptions import ClientBuildException

#: The API domain preferred outside mainland China (tried second in ``CN``).
AGORA_DOMAIN = "agora.io"
#: The API domain preferred in mainland China (tried second elsewhere).
SD_RTN_DOMAIN = "sd-rtn.com"


class RegionArea(str, enum.Enum):
    """Where the caller's servers are; selects the regional API hosts."""

    #: North America (``api-us-west-1``, then ``api-us-east-1``; legacy number 0).
    US = "US"
    #: Europe (``api-eu-west-1``, then ``api-eu-central-1``; legacy number 1).
    EU = "EU"
    #: Asia Pacific (``api-ap-southeast-1``, then ``api-ap-northeast-1``; legacy number 2).
    AP = "AP"
    #: Mainland China (``api-cn-east-1``, then ``api-cn-north-1``, under ``sd-rtn.com`` first; legacy 3).
    CN = "CN"

    def hosts(self) -> tuple[str, ...]:
        """The ordered base URLs (``https://host``) tried for this area."""
        return _HOSTS[self]


_PREFIXES: dict[RegionArea, tuple[str, str]] = {
    RegionArea.US: ("api-us-west-1", "api-us-east-1"),
    RegionArea.EU: ("api-eu-west-1", "api-eu-central-1"),
    RegionArea.AP: ("api-ap-southeast-1", "api-ap-northeast-1"),
    RegionArea.CN: ("api-cn-east-1", "api-cn-north-1"),
}


def _build_hosts(area: RegionArea) -> tuple[str, ...]:
    preferred, other = (
        (SD_RTN_DOMAIN, AGORA_DOMAIN) if area is RegionArea.CN else (AGORA_DOMAIN, SD_RTN_DOMAIN)
    )
    hosts = [f"https://{prefix}.{domain}" for domain in (preferred, other) for prefix in _PREFIXES[area]]
    hosts += [f"https://api.{preferred}", f"https://api.{other}"]
    return tuple(hosts)


_HOSTS: dict[RegionArea, tuple[str, ...]] = {area: _build_hosts(area) for area in RegionArea}

# The official SDK numbered the areas; accept those numbers too.
_BY_NUMBER = {0: RegionArea.US, 1: RegionArea.EU, 2: RegionArea.AP, 3: RegionArea.CN}
_ALIASES = {"NA": RegionArea.US, "AMERICA": RegionArea.US, "ASIA": RegionArea.AP, "EUROPE": RegionArea.EU}


def coerce_region(value: object) -> RegionArea:
    """Turn ``RegionArea.X``, ``RegionArea.X.value``, ``"x"`` or the legacy number into a region."""
    if isinstance(value, RegionArea):
        return value
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, int) and not isinstance(value, bool) and value in _BY_NUMBER:
        return _BY_NUMBER[value]
    if isinstance(value, str):
        key = value.strip().upper()
        if key in RegionArea.__members__:
            return RegionArea[key]
        if key in _ALIASES:
            return _ALIASES[key]
    raise ClientBuildException(
        f"unknown region {value!r}; use one of {', '.join(a.value for a in RegionArea)} (RegionArea)"
    )


def normalise_base_url(url: str) -> str:
    """Validate a base URL (``http(s)://host[:port][/prefix]``) and strip its trailing slash."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or url[-3:] == "://":
        raise ClientBuildException(f"base URL must start with http:// or https:// (got {url!r})")
    return url.rstrip("/")


class HostPool:
    """Ordered hosts with a sticky current choice; owned by one client (no global state)."""

    __slots__ = ("_current", "hosts")

    def __init__(self, hosts: Sequence[str]) -> None:
        if not hosts:
            raise ClientBuildException("at least one endpoint is required")
        #: The base URLs in failover order.
        self.hosts: tuple[str, ...] = tuple(hosts)
        self._current = 0

    @property
    def current_index(self) -> int:
        """The position of :attr:`current` in :attr:`hosts`."""
        return self._current

    @property
    def current(self) -> str:
        """The host the next call goes to (it stays after a failover)."""
        return self.hosts[self._current]

    def fail(self, index: int) -> None:
        """Record that ``hosts[index]`` failed: move past it unless someone already did."""
        if index == self._current and len(self.hosts) > 1:
            self._current = (index + 1) % len(self.hosts)

    def __len__(self) -> int:
        return len(self.hosts)

    def __repr__(self) -> str:
        return f"HostPool(current={self.current!r}, hosts={len(self.hosts)})"
