"""Host failover: connection refused and DNS failure on the first host, stickiness, all hosts down."""

from __future__ import annotations

import socket
import time

import pytest
from conftest import STORAGE, client_kwargs
from reliability_support import record_figure, stopwatch

from agora_cr import AsyncMixRecordingClient, ConnectionError, MixRecordingClient
from agora_cr.testing import Emulator

UNRESOLVABLE = "http://does-not-exist.invalid:80"


def test_unresolvable_name_really_fails_to_resolve() -> None:
    with pytest.raises(OSError):
        socket.getaddrinfo("does-not-exist.invalid", 80)


def test_connection_refused_on_first_host_fails_over_and_sticks(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    with MixRecordingClient(**client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second])) as client:
        with stopwatch() as took:
            rid = client.acquire("room", "501").resource_id
        assert client.current_endpoint == second
        started = client.start(rid, "room", "501", storage_config=STORAGE)
        client.query(started.resource_id, started.sid)
        client.stop(started.resource_id, started.sid, "room", "501")
        emu.set_host_down("primary", False)  # back up: calls stay on the healthy host anyway
        client.acquire("room", "502")
    assert [r.host for r in emu.requests] == ["second"] * 5
    assert took[0] < 1.0
    record_figure("failover_connection_refused", seconds=round(took[0], 4), hosts_tried=2)


def test_dns_failure_on_first_host_fails_over_and_sticks(emu: Emulator) -> None:
    with MixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=[UNRESOLVABLE, emu.base_url])
    ) as client:
        with stopwatch() as took:
            rid = client.acquire("room", "503").resource_id
        assert client.current_endpoint == emu.base_url
        with stopwatch() as second_call:
            client.start(rid, "room", "503", storage_config=STORAGE)
    assert [r.operation for r in emu.requests] == ["acquire", "start"]
    assert took[0] < 5.0  # one failed name lookup, then the healthy host
    assert second_call[0] < took[0] + 0.5  # no second lookup of the dead name
    record_figure("failover_dns", seconds=round(took[0], 4), next_call_seconds=round(second_call[0], 4))


async def test_async_failover_refused_then_dns(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    endpoints = [UNRESOLVABLE, emu.base_url, second]
    async with AsyncMixRecordingClient(**client_kwargs(emu, base_url=None, endpoints=endpoints)) as client:
        assert (await client.acquire("room", "504")).resource_id
        assert client.current_endpoint == second
        assert (await client.acquire("room", "505")).resource_id
    assert [r.host for r in emu.requests] == ["second", "second"]


@pytest.mark.parametrize("max_retries", [0, 2])
def test_all_hosts_down_raise_connection_error_within_the_deadline(emu: Emulator, max_retries: int) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    emu.set_host_down("second")
    endpoints = [emu.base_url, UNRESOLVABLE, second]
    deadline = 3.0
    with MixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=endpoints, max_retries=max_retries, deadline=deadline)
    ) as client:
        began = time.perf_counter()
        with pytest.raises(ConnectionError) as info:
            client.acquire("room", "506")
        took = time.perf_counter() - began
    error = info.value
    assert list(error.hosts_tried) == endpoints  # every host, in failover order
    for host in endpoints:
        assert host in str(error)
    assert error.operation == "acquire" and error.uid == "506"
    assert took < deadline
    assert emu.requests == []  # nothing reached any host
    record_figure("all_hosts_down", max_retries=max_retries, seconds=round(took, 4), hosts=len(endpoints))


def test_all_hosts_down_stop_error_keeps_session_ids(emu: Emulator) -> None:
    second = emu.add_host("second")
    with MixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second], max_retries=1)
    ) as client:
        started = client.start(
            client.acquire("room", "507").resource_id, "room", "507", storage_config=STORAGE
        )
        emu.set_host_down("primary")
        emu.set_host_down("second")
        with pytest.raises(ConnectionError) as info:
            client.stop(started.resource_id, started.sid, "room", "507")
        assert (info.value.resource_id, info.value.sid) == (started.resource_id, started.sid)
        emu.set_host_down("second", False)
        stopped = client.stop(info.value.resource_id, info.value.sid, "room", "507")  # stop again: works
    assert stopped.sid == started.sid
