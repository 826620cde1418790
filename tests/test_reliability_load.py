"""Load and resources: 500 concurrent async lifecycles; no leaked connections, tasks or threads;
a closed client refuses clearly."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from conftest import STORAGE, client_kwargs
from reliability_support import record_figure

from agora_cr import (
    AsyncIndividualRecordingClient,
    AsyncMixRecordingClient,
    AsyncWebRecordingClient,
    ClientBuildException,
    ClientClosedError,
    IndividualRecordingClient,
    MixRecordingClient,
    WebRecordingClient,
)
from agora_cr.testing import Emulator

LIFECYCLES = 500


def pool_connections(client: Any) -> list[Any]:
    """The httpcore connections held by the client's httpx pool."""
    return list(client._http._transport._pool.connections)


async def test_500_concurrent_lifecycles(emu: Emulator) -> None:
    own = asyncio.current_task()
    before = asyncio.all_tasks()

    async def lifecycle(client: AsyncMixRecordingClient, i: int) -> str:
        uid = str(10_000 + i)
        rid = (await client.acquire(f"load{i % 50}", uid)).resource_id
        started = await client.start(rid, f"load{i % 50}", uid, storage_config=STORAGE)
        await client.query(started.resource_id, started.sid)
        stopped = await client.stop(started.resource_id, started.sid, f"load{i % 50}", uid)
        return stopped.sid

    client = AsyncMixRecordingClient(**client_kwargs(emu, max_retries=0))
    began = time.perf_counter()
    try:
        sids = await asyncio.gather(*(lifecycle(client, i) for i in range(LIFECYCLES)))
        took = time.perf_counter() - began
        assert len(set(sids)) == LIFECYCLES
        assert took < 30.0  # ~5 s here; 17 s before the client gated requests to the pool size
        held = len(pool_connections(client))
        assert 0 < held <= 10  # bounded by the pool limit (DEFAULT_MAX_CONNECTIONS)
    finally:
        await client.aclose()
    assert pool_connections(client) == []  # nothing left open
    assert client._http.is_closed
    await asyncio.sleep(0)
    assert asyncio.all_tasks() - before - {own} == set()
    statuses = [r.status for r in emu.requests]
    assert len(statuses) == 4 * LIFECYCLES and set(statuses) == {200}
    record_figure(
        "load_500_lifecycles",
        seconds=round(took, 2),
        requests=len(statuses),
        per_second=round(len(statuses) / took),
    )


def test_sync_client_shared_by_many_threads(emu: Emulator) -> None:
    """One sync client, 50 threads: no call fails. httpcore's pool closes "surplus idle" connections
    that another thread was just assigned (ReadError EBADF) unless every connection may stay alive."""
    from concurrent.futures import ThreadPoolExecutor

    client = MixRecordingClient(**client_kwargs(emu, max_retries=0))
    pool = client._http._transport._pool
    assert pool._max_keepalive_connections == pool._max_connections

    def lifecycle(i: int) -> str:
        cname, uid = f"threads{i % 40}", str(20_000 + i)
        rid = client.acquire(cname, uid).resource_id
        started = client.start(rid, cname, uid, storage_config=STORAGE)
        client.query(started.resource_id, started.sid)
        return client.stop(started.resource_id, started.sid, cname, uid).sid

    began = time.perf_counter()
    try:
        with ThreadPoolExecutor(50) as executor:
            sids = list(executor.map(lifecycle, range(400)))
    finally:
        client.close()
    took = time.perf_counter() - began
    assert len(set(sids)) == 400
    assert pool_connections(client) == []
    record_figure("threads_50_x_400_lifecycles", seconds=round(took, 2), errors=0)


def test_max_connections_bounds_requests_in_flight(emu: Emulator) -> None:
    """``max_connections`` is the pool size and the number of requests in flight; callers beyond it
    wait for a free connection instead of failing."""
    from concurrent.futures import ThreadPoolExecutor

    emu.inject("delay", operation="acquire", delay=0.05, times=None)
    with (
        MixRecordingClient(**client_kwargs(emu, max_connections=3)) as client,
        ThreadPoolExecutor(12) as pool,
    ):
        rids = list(pool.map(lambda i: client.acquire("room", str(i + 1)).resource_id, range(12)))
    assert len(set(rids)) == 12
    assert emu.peak_connections == 3


async def test_async_max_connections_bounds_requests_in_flight(emu: Emulator) -> None:
    emu.inject("delay", operation="acquire", delay=0.05, times=None)
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_connections=3)) as client:
        results = await asyncio.gather(*(client.acquire("room", str(i + 1)) for i in range(12)))
    assert len({r.resource_id for r in results}) == 12
    assert emu.peak_connections == 3


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "10"])
def test_max_connections_must_be_a_positive_integer(bad: Any) -> None:
    with pytest.raises(ClientBuildException, match="max_connections"):
        MixRecordingClient(app_id="a" * 32, customer_id="c", customer_secret="s", max_connections=bad)


def test_no_thread_is_started_by_building_or_using_clients(emu: Emulator) -> None:
    threads = set(threading.enumerate())  # the emulator's own threads already run
    for cls in (IndividualRecordingClient, MixRecordingClient, WebRecordingClient):
        with cls(**client_kwargs(emu)) as client:
            client.acquire("room", "1")
    with (
        MixRecordingClient(**client_kwargs(emu)) as client,
        client.recording("room", "2", storage_config=STORAGE),
    ):
        assert set(threading.enumerate()) == threads

    async def use() -> None:
        for cls in (AsyncIndividualRecordingClient, AsyncMixRecordingClient, AsyncWebRecordingClient):
            async with cls(**client_kwargs(emu)) as client:
                await client.acquire("room", "3")

    asyncio.run(use())
    assert set(threading.enumerate()) == threads
    assert threading.active_count() == len(threads)


def test_sync_pool_is_empty_after_close(emu: Emulator) -> None:
    client = MixRecordingClient(**client_kwargs(emu))
    client.acquire("room", "4")
    assert pool_connections(client)
    client.close()
    assert pool_connections(client) == []


def test_closed_sync_client_raises_clear_error(emu: Emulator) -> None:
    client = MixRecordingClient(**client_kwargs(emu))
    started = client.start(client.acquire("room", "5").resource_id, "room", "5", storage_config=STORAGE)
    client.close()
    client.close()  # idempotent
    calls = [
        lambda: client.acquire("room", "6"),
        lambda: client.start(started.resource_id, "room", "5", storage_config=STORAGE),
        lambda: client.query(started.resource_id, started.sid),
        lambda: client.update(started.resource_id, started.sid, "room", "5", storage_config=STORAGE),
        lambda: client.update_layout(started.resource_id, started.sid, "room", "5", mixed_video_layout=1),
        lambda: client.stop(started.resource_id, started.sid, "room", "5"),
    ]
    for call in calls:
        with pytest.raises(ClientClosedError, match="closed"):
            call()
    with pytest.raises(ClientClosedError), client.recording("room", "7", storage_config=STORAGE):
        pass
    with pytest.raises(ClientClosedError), client:
        pass
    assert len(emu.requests) == 2  # nothing sent after close


async def test_closed_async_client_raises_clear_error(emu: Emulator) -> None:
    client = AsyncMixRecordingClient(**client_kwargs(emu))
    await client.aclose()
    with pytest.raises(ClientClosedError):
        await client.acquire("room", "8")
    with pytest.raises(ClientClosedError):
        async with client.recording("room", "9", storage_config=STORAGE):
            pass
    with pytest.raises(ClientClosedError):
        async with client:
            pass
    assert emu.requests == []


class _ImportWatcher:
    """A ``sys.meta_path`` finder that records every module looked up (and finds none itself)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        self.names.append(name)


async def test_async_calls_import_nothing_per_request(emu: Emulator) -> None:
    """No module lookup happens per request: a failed import is not cached by Python and rescans
    sys.path every time (httpcore imports sniffio per request; without it installed that was ~20%
    of the async client's CPU)."""
    import sys

    async with AsyncMixRecordingClient(**client_kwargs(emu)) as client:
        await client.acquire("warm", "1")  # first use may import lazily
        watcher = _ImportWatcher()
        sys.meta_path.insert(0, watcher)
        try:
            for i in range(5):
                rid = (await client.acquire("imports", str(100 + i))).resource_id
                started = await client.start(rid, "imports", str(100 + i), storage_config=STORAGE)
                await client.query(started.resource_id, started.sid)
                await client.stop(started.resource_id, started.sid, "imports", str(100 + i))
        finally:
            sys.meta_path.remove(watcher)
    assert watcher.names == []
