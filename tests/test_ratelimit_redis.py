"""A fleet sharing one request budget on a real Redis (``RedisRateLimiter``).

Each test starts its own ``redis-server`` on a free loopback port (``agora_cr.testing.RedisServer``);
the multi-process test runs OS processes against one emulator. Without the ``redis-server`` program
the tests skip, unless ``AGORA_CR_REQUIRE_REDIS=1`` (set by ``.ci/run``) makes that a failure.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from agora_cr import AsyncMixRecordingClient, MixRecordingClient, RateLimitTimeoutError, RedisRateLimiter
from agora_cr.ratelimit._base import PRIORITIES, Pacer, Take
from agora_cr.testing import Emulator, RedisServer

TOKEN = "007eJxTYNhx"


def _send(pacer: Pacer, take: Take) -> bool:
    """Take a slot and send at once, as a client with a free connection does."""
    grant = pacer.take(take)
    if grant is None:
        return False
    grant.end()
    return True


STORAGE = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "AK-TEST", "secretKey": "SK-TEST"}

if shutil.which("redis-server") is None:
    if os.environ.get("AGORA_CR_REQUIRE_REDIS") == "1":
        raise RuntimeError("redis-server is required (AGORA_CR_REQUIRE_REDIS=1) but not on PATH")
    pytest.skip("redis-server is not installed", allow_module_level=True)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def _kwargs(emu: Emulator, limiter: RedisRateLimiter, **extra: Any) -> dict[str, Any]:
    return {
        "app_id": emu.app_id,
        "customer_id": emu.customer_id,
        "customer_secret": emu.customer_secret,
        "base_url": emu.base_url,
        "rate_limit": limiter,
        **extra,
    }


def _lifecycle(client: MixRecordingClient, cname: str) -> None:
    resource = client.acquire(cname, "1001")
    started = client.start(resource.resource_id, cname, "1001", TOKEN, storage_config=STORAGE)
    client.query(resource.resource_id, started.sid)
    client.stop(resource.resource_id, started.sid, cname, "1001")


def _fleet_member(args: tuple[str, str, str, str, str, int, int, str]) -> list[str]:
    """One OS process of the fleet: ``n`` lifecycles on ``threads`` threads; the errors it met."""
    from concurrent.futures import ThreadPoolExecutor

    base_url, app_id, customer_id, secret, redis_url, qps, n, tag = args
    limiter = RedisRateLimiter(redis_url, qps)
    errors: list[str] = []
    kwargs = {
        "app_id": app_id,
        "customer_id": customer_id,
        "customer_secret": secret,
        "base_url": base_url,
        "rate_limit": limiter,
        "max_retries": 0,
    }

    def one(i: int) -> None:
        try:
            _lifecycle(client, f"{tag}-{i}")
        except Exception as exc:
            errors.append(repr(exc))

    with MixRecordingClient(**kwargs) as client, ThreadPoolExecutor(5) as pool:
        list(pool.map(one, range(n)))
    limiter.close()
    return errors


def test_four_processes_share_one_budget_with_no_429_and_no_loss(redis_server: RedisServer) -> None:
    qps = 20
    with Emulator(qps_limit=qps) as emu:
        jobs = [
            (
                emu.base_url,
                emu.app_id,
                emu.customer_id,
                emu.customer_secret,
                redis_server.url,
                qps,
                8,
                f"p{k}",
            )
            for k in range(4)
        ]
        began = time.monotonic()
        with multiprocessing.get_context("spawn").Pool(4) as pool:
            errors = [e for member in pool.map(_fleet_member, jobs) for e in member]
        wall = time.monotonic() - began
        statuses = [r.status for r in emu.requests]
    assert errors == []
    assert len(statuses) == 4 * 8 * 4 and set(statuses) == {200}
    # 128 requests at 20 per 1.1 s: over 5 s whatever the processes' start-up.
    assert wall > 5.0


def test_the_budget_is_shared_across_limiters_on_one_redis(redis_server: RedisServer) -> None:
    """Two limiters (as two processes would hold) take turns: 2 x 10 grants at 4/s last ~4 windows."""
    one, two = (
        RedisRateLimiter(redis_server.url, 4, margin=0.0),
        RedisRateLimiter(redis_server.url, 4, margin=0.0),
    )
    deadline = time.monotonic() + 20
    granted: list[float] = []

    def take(limiter: RedisRateLimiter) -> None:
        pacer = limiter.pacer("APP")
        for _ in range(10):
            assert _send(pacer, Take("query", 4, deadline))
            granted.append(time.monotonic())

    threads = [threading.Thread(target=take, args=(limiter,)) for limiter in (one, two)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(granted) == 20
    assert 3.8 < time.monotonic() - began < 6.0
    # never more than 4 grants within any one second
    granted.sort()
    assert all(granted[i + 4] - granted[i] >= 0.95 for i in range(len(granted) - 4))
    one.close()
    two.close()


def test_a_grant_in_flight_on_redis_counts_until_a_window_after_it_ends(redis_server: RedisServer) -> None:
    """A slow exchange keeps its place past the window, in every process; its end starts the window."""
    one, two = (RedisRateLimiter(redis_server.url, 2, margin=0.0) for _ in range(2))
    deadline = time.monotonic() + 10
    slow = one.pacer("APP").take(Take("start", 1, deadline))  # granted; its answer is slow to come
    assert slow is not None and _send(two.pacer("APP"), Take("query", 4, deadline))
    time.sleep(1.2)  # the quick one has left the window; the slow one is still in flight
    assert _send(two.pacer("APP"), Take("query", 4, deadline))
    began = time.monotonic()
    assert not _send(two.pacer("APP"), Take("query", 4, time.monotonic() + 0.3))  # no place
    slow.end()
    assert _send(two.pacer("APP"), Take("query", 4, deadline))  # a window after the end
    assert time.monotonic() - began >= 0.95
    one.close()
    two.close()


def test_a_stop_from_another_process_goes_before_queued_polls(redis_server: RedisServer) -> None:
    pollers, stopper = RedisRateLimiter(redis_server.url, 2), RedisRateLimiter(redis_server.url, 2)
    deadline = time.monotonic() + 20
    order: list[str] = []
    first = pollers.pacer("APP")
    assert _send(first, Take("query", 4, deadline))
    time.sleep(0.3)  # the two places free up 0.3 s apart: one grant each time
    assert _send(first, Take("query", 4, deadline))

    def take(limiter: RedisRateLimiter, op: str) -> None:
        assert _send(limiter.pacer("APP"), Take(op, PRIORITIES[op], deadline))
        order.append(op)

    threads = [threading.Thread(target=take, args=(pollers, "query")) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)  # the polls are queued before the stop arrives
    threads.append(threading.Thread(target=take, args=(stopper, "stop")))
    threads[-1].start()
    for thread in threads:
        thread.join(20)
    assert order[0] == "stop" and order.count("query") == 3


def test_an_acquire_reserves_its_start_on_redis(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 3)
    with Emulator(qps_limit=None) as emu, MixRecordingClient(**_kwargs(emu, limiter)) as client:
        resource = client.acquire("pair", "1001")
        holds = f"agora-cr:{{{emu.app_id}}}:holds"
        store = redis.Redis.from_url(redis_server.url)
        assert store.zcard(holds) == 1
        pacer = limiter.pacer(emu.app_id)
        deadline = time.monotonic() + 5
        assert _send(pacer, Take("query", 4, deadline))  # the last free place
        began = time.monotonic()
        client.start(resource.resource_id, "pair", "1001", TOKEN, storage_config=STORAGE)
        assert time.monotonic() - began < 0.5  # the reserved place, no wait
        assert store.zcard(holds) == 0
        store.close()
    limiter.close()


def test_waiting_on_redis_counts_against_the_deadline(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 2)
    with Emulator(qps_limit=None) as emu, MixRecordingClient(**_kwargs(emu, limiter, deadline=0.4)) as client:
        client.acquire("late", "1001")
        began = time.monotonic()
        with pytest.raises(RateLimitTimeoutError, match="shared on Redis"):
            client.query("r" * 20, "0" * 32)
        assert time.monotonic() - began < 0.9
        queue = f"agora-cr:{{{emu.app_id}}}:queue"
        assert redis.Redis.from_url(redis_server.url).zcard(queue) == 0  # it left the queue
    limiter.close()


def test_redis_down_falls_back_to_local_pacing_and_resumes_when_back(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = RedisRateLimiter(redis_server.url, 10, retry_interval=0.2, socket_timeout=0.2)
    caplog.set_level(logging.WARNING, logger="agora_cr")
    with Emulator(qps_limit=10) as emu, MixRecordingClient(**_kwargs(emu, limiter, max_retries=0)) as client:
        grants = f"agora-cr:{{{emu.app_id}}}:grants"
        _lifecycle(client, "up")
        redis_server.stop()
        began = time.monotonic()
        for i in range(2):  # keeps working, paced in the process (after one window's pause)
            _lifecycle(client, f"down{i}")
        assert 1.0 < time.monotonic() - began < 3.0
        assert "is unreachable" in caplog.text and "pacing in this process" in caplog.text
        assert limiter.pacer(emu.app_id).describe().endswith("is unreachable")
        redis_server.start()
        time.sleep(0.25)  # past retry_interval: the next request asks Redis again
        _lifecycle(client, "back")
        assert "is back; sharing the budget again" in caplog.text
        assert redis.Redis.from_url(redis_server.url).zcard(grants) >= 4  # the new grants are on Redis
        assert {r.status for r in emu.requests} == {200}
        assert emu.customer_secret not in caplog.text
    limiter.close()


def test_redis_unreachable_from_the_start_still_paces(caplog: pytest.LogCaptureFixture) -> None:
    with RedisServer() as server:
        url = server.url
    limiter = RedisRateLimiter(url.replace("redis://", "redis://:hunter2@"), 4, socket_timeout=0.2)
    caplog.set_level(logging.WARNING, logger="agora_cr")
    pacer = limiter.pacer("APP")
    deadline = time.monotonic() + 10
    began = time.monotonic()
    for _ in range(6):
        assert _send(pacer, Take("query", 4, deadline))
    assert time.monotonic() - began > 0.9  # 4 per second: the last two waited
    assert "unreachable" in caplog.text and "hunter2" not in caplog.text
    assert "hunter2" not in repr(limiter)


def test_the_async_client_shares_the_budget_on_redis(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 20)

    async def run(emu: Emulator) -> None:
        async with AsyncMixRecordingClient(**_kwargs(emu, limiter, max_retries=0)) as client:

            async def one(i: int) -> None:
                resource = await client.acquire(f"a{i}", "1001")
                started = await client.start(
                    resource.resource_id, f"a{i}", "1001", TOKEN, storage_config=STORAGE
                )
                await client.stop(resource.resource_id, started.sid, f"a{i}", "1001")

            await asyncio.gather(*(one(i) for i in range(15)))
        await limiter.aclose()

    with Emulator(qps_limit=20) as emu:
        asyncio.run(run(emu))
        statuses = [r.status for r in emu.requests]
    assert len(statuses) == 45 and set(statuses) == {200}


def test_a_cancelled_waiter_leaves_the_redis_queue(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 2, margin=0.0)
    pacer = limiter.pacer("APP")

    async def run() -> float:
        for _ in range(2):  # the window is full
            grant = await pacer.atake(Take("query", 4, time.monotonic() + 10))
            assert grant is not None
            await grant.aend()
        began = time.monotonic()
        waiter = asyncio.ensure_future(
            pacer.atake(Take("acquire", 3, began + 10, pair="x", pair_until=began + 30))
        )
        await asyncio.sleep(0.2)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        await asyncio.sleep(0.05)  # its "leave" runs as a task
        grant = await pacer.atake(Take("query", 4, time.monotonic() + 10))
        assert grant is not None
        await limiter.aclose()
        return time.monotonic() - began

    assert asyncio.run(run()) < 1.5  # at the window's end, not after the cancelled one's lease (2 s)


def test_forked_processes_count_as_separate_peers(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 10)
    children = []
    for _ in range(3):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            grant = limiter.pacer("APP").take(Take("query", 4, time.monotonic() + 5))
            os._exit(0 if grant is not None else 1)
        children.append(pid)
    assert all(os.waitpid(pid, 0)[1] == 0 for pid in children)
    store = redis.Redis.from_url(redis_server.url)
    assert store.zcard("agora-cr:{APP}:peers") == 3
    store.close()


def test_switching_back_to_redis_never_doubles_the_rate(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, 10, retry_interval=0.3, socket_timeout=0.2)
    pacer = limiter.pacer("APP")
    granted: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + 6.5

    def worker() -> None:
        while time.monotonic() < stop:
            grant = pacer.take(Take("query", 4, time.monotonic() + 5))
            if grant is not None:
                grant.end()
                with lock:
                    granted.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    redis_server.stop()
    time.sleep(2.0)
    redis_server.start()
    for thread in threads:
        thread.join(15)
    granted.sort()
    worst = max(
        sum(1 for t in granted[i:] if t - granted[i] < 1.0) for i in range(len(granted))
    )  # the most requests any one second of the service would see
    assert worst <= 10
    assert len(granted) >= 45  # and the budget was used: 6.5 s at ~9/s, one window's pause
    limiter.close()
