"""The async clients' socket layers (``http_backend="httpx"`` and ``"aiohttp"``): every guarantee on each.

Every async test here runs once per backend (``conftest.BACKEND_FILES``): failover only when nothing
was sent, no second ``start`` after a lost connection, retries, deadlines, the body cap, malformed
answers, cancellation, concurrency within ``max_connections``, a second event loop, fork, and no
secret in errors or logs. Bodies are the emulator's; all traffic is real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any

import httpx
import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import (
    AsyncMixRecordingClient,
    ClientBuildException,
    ClientClosedError,
    ClientTimeoutException,
    ConnectionError,
    InvalidResponseError,
    MixRecordingClient,
)
from agora_cr.testing import Emulator


def _transport_of(client: AsyncMixRecordingClient) -> Any:
    return client._http._transport


def _starts(emu: Emulator) -> list[tuple[str, int | None]]:
    return [(r.host, r.status) for r in emu.requests if r.operation == "start"]


async def test_the_backend_in_use_is_the_one_chosen(emu: Emulator, http_backend: str) -> None:
    async with AsyncMixRecordingClient(**client_kwargs(emu)) as client:
        assert client._config.http_backend == http_backend
        kind = type(_transport_of(client)).__name__
        assert kind == ("AiohttpTransport" if http_backend == "aiohttp" else "AsyncHTTPTransport")
        assert client._config.max_connections == (100 if http_backend == "aiohttp" else 10)
        assert (await client.acquire("room", "1")).resource_id


def test_backend_options_are_checked(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGORA_CR_HTTP_BACKEND", "aiohttp")
    with MixRecordingClient(**client_kwargs(emu)) as sync_client:  # the variable is for async clients
        assert sync_client._config.http_backend == "httpx"
    with pytest.raises(ClientBuildException, match="for the async clients"):
        MixRecordingClient(**client_kwargs(emu, http_backend="aiohttp"))
    with pytest.raises(ClientBuildException, match="http_backend must be one of 'httpx', 'aiohttp'"):
        AsyncMixRecordingClient(**client_kwargs(emu, http_backend="requests"))
    with pytest.raises(ClientBuildException, match="transport or http_backend"):
        AsyncMixRecordingClient(
            **client_kwargs(emu, http_backend="aiohttp", transport=httpx.AsyncHTTPTransport())
        )
    explicit = AsyncMixRecordingClient(**client_kwargs(emu, http_backend="httpx"))  # the argument wins
    assert explicit._config.http_backend == "httpx"
    monkeypatch.setenv("AGORA_CR_HTTP_BACKEND", "curl")
    with pytest.raises(ClientBuildException, match="got 'curl'"):
        AsyncMixRecordingClient(**client_kwargs(emu))


async def test_a_refused_host_fails_over_and_start_goes_out_once(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    async with AsyncMixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second])
    ) as c:
        rid = (await c.acquire("room", "2")).resource_id
        started = await c.start(rid, "room", "2", storage_config=STORAGE)
        await c.stop(started.resource_id, started.sid, "room", "2")
    assert _starts(emu) == [("second", 200)]


@pytest.mark.parametrize("kind", ["drop", "reset"])
async def test_a_connection_lost_after_start_was_sent_never_sends_it_again(emu: Emulator, kind: str) -> None:
    """The request reached the service, so neither a retry nor the next host may repeat it."""
    second = emu.add_host("second")
    emu.inject(kind, operation="start")
    async with AsyncMixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second])
    ) as c:
        rid = (await c.acquire("room", "3")).resource_id
        with pytest.raises(ConnectionError) as caught:
            await c.start(rid, "room", "3", storage_config=STORAGE)
    assert _starts(emu) == [("primary", None)]
    assert caught.value.resource_id == rid and caught.value.cname == "room"


async def test_a_lost_connection_on_query_is_retried(emu: Emulator) -> None:
    emu.inject("drop", operation="query")
    async with AsyncMixRecordingClient(**client_kwargs(emu)) as c:
        rid = (await c.acquire("room", "4")).resource_id
        started = await c.start(rid, "room", "4", storage_config=STORAGE)
        assert (await c.query(rid, started.sid)).sid == started.sid
    assert [r.status for r in emu.requests if r.operation == "query"] == [None, 200]


async def test_the_deadline_covers_a_slow_answer(emu: Emulator) -> None:
    emu.inject("delay", operation="acquire", delay=3.0)
    async with AsyncMixRecordingClient(**client_kwargs(emu, deadline=0.5, max_retries=0)) as c:
        began = time.monotonic()
        with pytest.raises(ClientTimeoutException):
            await c.acquire("room", "5")
        assert time.monotonic() - began < 1.5
        assert (await c.acquire("room", "6")).resource_id  # the client is still usable


@pytest.mark.parametrize("kind", ["huge", "html", "invalid_json", "empty"])
async def test_malformed_and_oversized_answers_are_typed(emu: Emulator, kind: str) -> None:
    emu.inject(kind, operation="acquire", **({"status": 200} if kind == "html" else {}))
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_retries=0)) as c:
        with pytest.raises(InvalidResponseError):
            await c.acquire("room", "7")
        assert (await c.acquire("room", "8")).resource_id


async def test_many_concurrent_calls_stay_within_max_connections(emu: Emulator) -> None:
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_connections=8)) as c:
        results = await asyncio.gather(*(c.acquire(f"room{i}", "9") for i in range(200)))
    assert len({r.resource_id for r in results}) == 200
    assert 1 <= emu.peak_connections <= 8


async def test_cancelled_recording_still_stops_its_session(emu: Emulator) -> None:
    emu.inject("delay", operation="stop", delay=0.3)
    async with AsyncMixRecordingClient(**client_kwargs(emu)) as c:
        entered = asyncio.Event()

        async def record() -> None:
            async with c.recording("room", "10", storage_config=STORAGE):
                entered.set()

        task = asyncio.ensure_future(record())
        await entered.wait()
        await asyncio.sleep(0.1)  # the stop is in flight
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert [r.status for r in emu.requests if r.operation == "stop"] == [200]


def test_one_client_serves_a_second_event_loop(emu: Emulator, http_backend: str) -> None:
    client = AsyncMixRecordingClient(**client_kwargs(emu))
    assert asyncio.run(client.acquire("room", "11")).resource_id
    assert asyncio.run(client.acquire("room", "12")).resource_id
    asyncio.run(client.aclose())
    with pytest.raises(ClientClosedError):
        asyncio.run(client.acquire("room", "13"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_forked_child_opens_its_own_connections(emu: Emulator, http_backend: str) -> None:
    client = AsyncMixRecordingClient(**client_kwargs(emu))
    assert asyncio.run(client.acquire("room", "14")).resource_id
    pid = os.fork()
    if pid == 0:  # the child: the parent's loop and sockets are not its own
        try:
            code = 0 if asyncio.run(client.acquire("room", "15")).resource_id else 1
        except BaseException:
            code = 2
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert asyncio.run(client.acquire("room", "16")).resource_id  # the parent's pool still works
    asyncio.run(client.aclose())
    assert [r.operation for r in emu.requests].count("acquire") == 3


async def test_no_secret_in_errors_or_logs(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    emu.set_host_down("second")
    caplog.set_level(logging.DEBUG)
    kwargs = client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second], max_retries=1)
    async with AsyncMixRecordingClient(**kwargs) as c:
        with pytest.raises(ConnectionError) as caught:
            await c.acquire("room", "17")
    shown = " ".join([str(caught.value), repr(caught.value), caplog.text, repr(c), repr(c._http._transport)])
    assert emu.customer_secret not in shown
    assert "could not connect" in str(caught.value) or "connect" in str(caught.value).lower()


def test_aiohttp_proxies_come_from_the_environment_once_per_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """aiohttp would scan ``os.environ`` on every request; the transport reads it once per host."""
    from agora_cr._aiohttp import AiohttpTransport

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "skip.example")
    for name in ("https_proxy", "no_proxy", "http_proxy", "HTTP_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    transport = AiohttpTransport(httpx.Limits(max_connections=1))
    assert transport._proxy(httpx.URL("https://api.sd-rtn.com/v1")) == "http://proxy.example:3128"
    assert transport._proxy(httpx.URL("https://skip.example/v1")) is None
    monkeypatch.setenv("HTTPS_PROXY", "http://other.example:3128")  # read once: the first answer stays
    assert transport._proxy(httpx.URL("https://api.sd-rtn.com/v1")) == "http://proxy.example:3128"
    assert AiohttpTransport(httpx.Limits(), trust_env=False)._proxy(httpx.URL("https://a.example/")) is None
