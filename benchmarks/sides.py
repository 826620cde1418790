"""The contestants, each behind the same four calls (``acquire/start/query/stop``).

* ``floor-sync`` / ``floor-async``: raw ``httpx.Client`` / ``httpx.AsyncClient`` sending hand-built
  requests: the same method, URL, headers and JSON body bytes as ours, the response parsed with
  ``json.loads`` and the two IDs picked out. Nothing else: the cost below which no httpx-based client
  can go.
* ``ours-sync`` / ``ours-async``: ``agora_cr.MixRecordingClient`` / ``AsyncMixRecordingClient``
  (default socket layer, httpx); ``ours-async-aiohttp``: the async client with
  ``http_backend="aiohttp"`` (extra ``agora-cr[aiohttp]``).
* ``official``: ``agora-rest-client`` 0.2.0 (see ``official_adapter``); sync only.

``httpx`` and ``agora_cr`` are imported lazily: the official side runs in a venv that has neither.
"""

from __future__ import annotations

import json
from typing import Any

from common import (
    APP_ID,
    AUTHORIZATION,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    RECORDING_CONFIG,
    RECORDING_FILE_CONFIG,
    STORAGE_CONFIG,
    TOKEN,
    path_acquire,
    path_query,
    path_start,
    path_stop,
    start_body,
)

SYNC_KINDS = ("floor-sync", "ours-sync", "official")
ASYNC_KINDS = ("floor-async", "ours-async", "ours-async-aiohttp")
KINDS = SYNC_KINDS + ASYNC_KINDS


def _version() -> str:
    try:
        from agora_cr import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover - the official venv never builds a floor
        return "0.1.0"


def floor_headers() -> dict[str, str]:
    """What ``agora_cr`` puts on every request (checked against a captured request by overhead.py)."""
    return {
        "Authorization": AUTHORIZATION,
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": f"agora-cr-python/{_version()}",
    }


def _dumps(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _check(response: Any) -> dict[str, Any]:
    if response.status_code != 200:
        raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
    data: dict[str, Any] = json.loads(response.content)
    return data


# -------------------------------------------------------------------------------------------------- floor
def floor_limits() -> Any:
    """The same pool as ours (every connection kept alive; see agora_cr._constants)."""
    import httpx

    from agora_cr import _constants

    n = _constants.DEFAULT_MAX_CONNECTIONS["httpx"]
    return httpx.Limits(max_connections=n, max_keepalive_connections=n)


class FloorSync:
    def __init__(self, base_url: str, transport: Any = None) -> None:
        import httpx

        self.base = base_url.rstrip("/")
        self.http = httpx.Client(
            headers=floor_headers(), transport=transport, timeout=30.0, limits=floor_limits()
        )

    def acquire(self, cname: str, uid: str) -> str:
        body = {"cname": cname, "uid": uid, "clientRequest": {"scene": 0}}
        response = self.http.post(self.base + path_acquire(), content=_dumps(body))
        return str(_check(response)["resourceId"])

    def start(self, resource_id: str, cname: str, uid: str) -> str:
        response = self.http.post(self.base + path_start(resource_id), content=_dumps(start_body(cname, uid)))
        return str(_check(response)["sid"])

    def query(self, resource_id: str, sid: str) -> Any:
        return _check(self.http.get(self.base + path_query(resource_id, sid)))

    def stop(self, resource_id: str, sid: str, cname: str, uid: str) -> Any:
        body = {"cname": cname, "uid": uid, "clientRequest": {"async_stop": False}}
        return _check(self.http.post(self.base + path_stop(resource_id, sid), content=_dumps(body)))

    def close(self) -> None:
        self.http.close()


class FloorAsync:
    def __init__(self, base_url: str, transport: Any = None) -> None:
        import httpx

        self.base = base_url.rstrip("/")
        self.http = httpx.AsyncClient(
            headers=floor_headers(), transport=transport, timeout=30.0, limits=floor_limits()
        )

    async def acquire(self, cname: str, uid: str) -> str:
        body = {"cname": cname, "uid": uid, "clientRequest": {"scene": 0}}
        response = await self.http.post(self.base + path_acquire(), content=_dumps(body))
        return str(_check(response)["resourceId"])

    async def start(self, resource_id: str, cname: str, uid: str) -> str:
        url = self.base + path_start(resource_id)
        response = await self.http.post(url, content=_dumps(start_body(cname, uid)))
        return str(_check(response)["sid"])

    async def query(self, resource_id: str, sid: str) -> Any:
        return _check(await self.http.get(self.base + path_query(resource_id, sid)))

    async def stop(self, resource_id: str, sid: str, cname: str, uid: str) -> Any:
        body = {"cname": cname, "uid": uid, "clientRequest": {"async_stop": False}}
        return _check(await self.http.post(self.base + path_stop(resource_id, sid), content=_dumps(body)))

    async def aclose(self) -> None:
        await self.http.aclose()


# --------------------------------------------------------------------------------------------------- ours
def typed_blocks() -> dict[str, Any]:
    """The start blocks as ``agora_cr.api_start`` objects, the documented way (built once)."""
    from agora_cr import api_start

    recording = dict(RECORDING_CONFIG)
    transcoding = dict(recording.pop("transcodingConfig"))
    transcoding["layoutConfig"] = [api_start.LayoutConfig(**region) for region in transcoding["layoutConfig"]]
    transcoding["backgroundConfig"] = [
        api_start.BackgroundConfig(**bg) for bg in transcoding["backgroundConfig"]
    ]
    return {
        "storage_config": api_start.StorageConfig(**STORAGE_CONFIG),
        "recording_config": api_start.RecordingConfig(
            **recording, transcodingConfig=api_start.TranscodingConfig(**transcoding)
        ),
        "recording_file_config": api_start.RecordingFileConfig(**RECORDING_FILE_CONFIG),
    }


def dict_blocks() -> dict[str, Any]:
    """The same blocks as plain wire-form dicts (also accepted by ``start``)."""
    return {
        "storage_config": STORAGE_CONFIG,
        "recording_config": RECORDING_CONFIG,
        "recording_file_config": RECORDING_FILE_CONFIG,
    }


#: How our sides pace (``--rate-limit`` of worker.py): ``none`` (no limiter: the throughput sections,
#: against an emulator without QPS limit), ``default`` (the App ID's shared limiter, 10/s) or
#: ``redis:<url>`` (a ``RedisRateLimiter`` shared by every process pointing at that Redis).
RATE_LIMIT = {"spec": "none"}


def _rate_limit() -> dict[str, Any]:
    spec = RATE_LIMIT["spec"]
    if spec == "none":
        return {"rate_limit": None}
    if spec == "default":
        return {}
    if spec.startswith("redis:"):
        from agora_cr import RedisRateLimiter

        return {"rate_limit": RedisRateLimiter(spec.removeprefix("redis:"))}
    raise ValueError(f"unknown rate limit {spec!r}")


def _ours_kwargs(base_url: str, transport: Any) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "customer_id": CUSTOMER_ID,
        "customer_secret": CUSTOMER_SECRET,
        "base_url": base_url,
        "transport": transport,
        **_rate_limit(),
    }


class OursSync:
    def __init__(self, base_url: str, transport: Any = None, blocks: dict[str, Any] | None = None) -> None:
        from agora_cr import MixRecordingClient

        self.client = MixRecordingClient(**_ours_kwargs(base_url, transport))
        self.blocks = typed_blocks() if blocks is None else blocks

    def acquire(self, cname: str, uid: str) -> str:
        return self.client.acquire(cname, uid).resource_id

    def start(self, resource_id: str, cname: str, uid: str) -> str:
        return self.client.start(resource_id, cname, uid, TOKEN, **self.blocks).sid

    def query(self, resource_id: str, sid: str) -> Any:
        return self.client.query(resource_id, sid)

    def stop(self, resource_id: str, sid: str, cname: str, uid: str) -> Any:
        return self.client.stop(resource_id, sid, cname, uid)

    def close(self) -> None:
        self.client.close()


class OursAsync:
    def __init__(
        self,
        base_url: str,
        transport: Any = None,
        blocks: dict[str, Any] | None = None,
        http_backend: str = "httpx",
    ) -> None:
        from agora_cr import AsyncMixRecordingClient

        self.client = AsyncMixRecordingClient(**_ours_kwargs(base_url, transport), http_backend=http_backend)
        self.blocks = typed_blocks() if blocks is None else blocks

    async def acquire(self, cname: str, uid: str) -> str:
        return (await self.client.acquire(cname, uid)).resource_id

    async def start(self, resource_id: str, cname: str, uid: str) -> str:
        return (await self.client.start(resource_id, cname, uid, TOKEN, **self.blocks)).sid

    async def query(self, resource_id: str, sid: str) -> Any:
        return await self.client.query(resource_id, sid)

    async def stop(self, resource_id: str, sid: str, cname: str, uid: str) -> Any:
        return await self.client.stop(resource_id, sid, cname, uid)

    async def aclose(self) -> None:
        await self.client.aclose()


class Official:
    def __init__(self, base_url: str) -> None:
        from official_adapter import OfficialMix

        self.impl = OfficialMix(base_url)
        self.acquire = self.impl.acquire
        self.start = self.impl.start
        self.query = self.impl.query
        self.stop = self.impl.stop

    def close(self) -> None:
        pass


def make(kind: str, base_url: str, transport: Any = None) -> Any:
    if kind == "floor-sync":
        return FloorSync(base_url, transport)
    if kind == "floor-async":
        return FloorAsync(base_url, transport)
    if kind == "ours-sync":
        return OursSync(base_url, transport)
    if kind == "ours-async":
        return OursAsync(base_url, transport)
    if kind == "ours-async-aiohttp":
        return OursAsync(base_url, transport, http_backend="aiohttp")
    if kind == "official":
        return Official(base_url)
    raise ValueError(kind)
