"""Pacing inside the service's request budget, in one process (``rate_limit=``).

Bursts run through real HTTP against the emulator with its sliding-window limiter on: a paced client
must never be answered 429 and never lose a lifecycle. Budgets are raised above 10/s (client and
emulator alike) only to keep the suite fast; the 10/s figures are benchmarks/run.py's.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import (
    AsyncMixRecordingClient,
    ClientBuildException,
    InvalidParameterError,
    LocalRateLimiter,
    MixRecordingClient,
    NotFoundError,
    RateLimitTimeoutError,
)
from agora_cr.ratelimit import shared_limiter
from agora_cr.ratelimit._base import PRIORITIES, Pacer, Settle, SlowDown, Take
from agora_cr.testing import Emulator

TOKEN = "007eJxTYNhx"


def _send(pacer: Pacer, take: Take) -> bool:
    """Take a slot and send at once, as a client with a free connection does."""
    grant = pacer.take(take)
    if grant is None:
        return False
    grant.end()
    return True


async def _asend(pacer: Pacer, take: Take) -> bool:
    """:func:`_send` in an event loop."""
    grant = await pacer.atake(take)
    if grant is None:
        return False
    await grant.aend()
    return True


def _kwargs(emu: Emulator, **extra: Any) -> dict[str, Any]:
    kwargs = client_kwargs(emu, **extra)
    if "rate_limit" not in extra:
        del kwargs["rate_limit"]  # the default: the App ID's shared limiter
    return kwargs


def _statuses(emu: Emulator) -> list[int | None]:
    return [r.status for r in emu.requests]


def _timeline(emu: Emulator) -> str:
    """Arrival times (s) and operations of every request: what a failed pacing assertion shows."""
    requests = emu.requests
    first = requests[0].time if requests else 0.0
    return " ".join(f"{r.time - first:.3f}:{r.operation}:{r.status}" for r in requests)


def _lifecycle(client: MixRecordingClient, cname: str) -> None:
    resource = client.acquire(cname, "1001")
    started = client.start(resource.resource_id, cname, "1001", TOKEN, storage_config=STORAGE)
    client.query(resource.resource_id, started.sid)
    client.stop(resource.resource_id, started.sid, cname, "1001")


async def _alifecycle(client: AsyncMixRecordingClient, cname: str) -> None:
    resource = await client.acquire(cname, "1001")
    started = await client.start(resource.resource_id, cname, "1001", TOKEN, storage_config=STORAGE)
    await client.query(resource.resource_id, started.sid)
    await client.stop(resource.resource_id, started.sid, cname, "1001")


# ----------------------------------------------------------------------------------------- bursts
def test_a_sync_burst_is_paced_inside_the_budget_with_no_429_and_no_loss() -> None:
    with Emulator(qps_limit=40) as emu:
        limiter = LocalRateLimiter(40)
        with MixRecordingClient(**_kwargs(emu, rate_limit=limiter, max_retries=0)) as client:
            started = time.monotonic()
            with ThreadPoolExecutor(20) as pool:
                futures = [pool.submit(_lifecycle, client, f"s{i}") for i in range(30)]
            errors = [f.exception() for f in futures if f.exception() is not None]
            wall = time.monotonic() - started
        statuses = _statuses(emu)
        timeline = _timeline(emu)
    assert errors == [], timeline
    assert len(statuses) == 120 and set(statuses) == {200}, timeline
    # 120 requests at 40 per 1.1 s, the first 40 at once: the pace is the budget's, not slower.
    assert 1.9 < wall < 3.6


def test_an_async_burst_is_paced_inside_the_budget_with_no_429_and_no_loss() -> None:
    async def burst(emu: Emulator) -> list[Any]:
        async with AsyncMixRecordingClient(**_kwargs(emu, rate_limit=40, max_retries=0)) as client:
            return await asyncio.gather(
                *(_alifecycle(client, f"a{i}") for i in range(30)), return_exceptions=True
            )

    with Emulator(qps_limit=40) as emu:
        outcomes = asyncio.run(burst(emu))
        statuses = _statuses(emu)
        timeline = _timeline(emu)
    assert outcomes == [None] * 30, timeline
    assert len(statuses) == 120 and set(statuses) == {200}, timeline


def test_without_pacing_the_same_burst_meets_429s() -> None:
    """The control: what the two tests above prevent."""

    async def burst(emu: Emulator) -> None:
        async with AsyncMixRecordingClient(**_kwargs(emu, rate_limit=None, max_retries=0)) as client:
            await asyncio.gather(*(_alifecycle(client, f"n{i}") for i in range(30)), return_exceptions=True)

    with Emulator(qps_limit=40) as emu:
        asyncio.run(burst(emu))
        assert 429 in _statuses(emu)


# ------------------------------------------------------------------------------------- the default
def test_clients_of_one_app_id_share_one_limiter_by_default(emu: Emulator) -> None:
    with (
        MixRecordingClient(**_kwargs(emu)) as one,
        MixRecordingClient(**_kwargs(emu)) as two,
        MixRecordingClient(**_kwargs(emu, rate_limit=5)) as five,
        MixRecordingClient(**_kwargs(emu, rate_limit=None)) as free,
    ):
        assert one._pacer is two._pacer is shared_limiter(emu.app_id)
        assert one._pacer is not None and one._pacer.qps == 10
        assert five._pacer is shared_limiter(emu.app_id, 5) and five._pacer.qps == 5
        assert free._pacer is None


def test_the_builder_sets_the_budget(emu: Emulator) -> None:
    limiter = LocalRateLimiter(4)
    builder = MixRecordingClient.new_builder().with_app_id(emu.app_id).with_base_url(emu.base_url)
    builder = builder.with_basic_auth(emu.customer_id, emu.customer_secret)
    with builder.with_rate_limit(limiter).build() as paced:
        paced.acquire("built", "1001")
        assert paced._pacer is limiter and limiter.granted == 1
    with builder.with_rate_limit(None).build() as free:
        assert free._pacer is None


@pytest.mark.parametrize("value", [0, 1, -3, 2.5, "10", True])
def test_a_bad_rate_limit_is_refused_when_the_client_is_built(emu: Emulator, value: object) -> None:
    with pytest.raises(ClientBuildException, match="rate_limit"):
        MixRecordingClient(**_kwargs(emu, rate_limit=value))


# ------------------------------------------------------------------------------------- priorities
def test_a_stop_is_served_before_queued_polls(emu: Emulator) -> None:
    with MixRecordingClient(**_kwargs(emu, rate_limit=None)) as setup:
        resource = setup.acquire("prio", "1001")
        sid = setup.start(resource.resource_id, "prio", "1001", TOKEN, storage_config=STORAGE).sid
    emu.clear_requests()
    limiter = LocalRateLimiter(2, margin=0.0)
    with MixRecordingClient(**_kwargs(emu, rate_limit=limiter)) as client:

        def quietly(call: Any, *args: Any) -> None:
            with contextlib.suppress(NotFoundError):  # the queries after the stop find no session
                call(*args)

        client.query(resource.resource_id, sid)
        time.sleep(0.3)  # the two places free up 0.3 s apart: one grant each time
        threads = [
            threading.Thread(target=quietly, args=(client.query, resource.resource_id, sid)) for _ in range(5)
        ]
        for thread in threads:
            thread.start()
        while limiter.waiting < 4:  # one went at once, four wait
            time.sleep(0.005)
        stopper = threading.Thread(
            target=quietly, args=(client.stop, resource.resource_id, sid, "prio", "1001")
        )
        stopper.start()
        for thread in [*threads, stopper]:
            thread.join(10)
    operations = [r.operation for r in emu.requests]
    assert operations[:2] == ["query", "query"]
    assert operations[2] == "stop"  # it arrived last, and went first


def test_priorities_order_stop_start_update_acquire_query() -> None:
    assert [op for op, _ in sorted(PRIORITIES.items(), key=lambda kv: kv[1])][:5] == [
        "stop",
        "start",
        "update",
        "updateLayout",
        "acquire",
    ]
    limiter = LocalRateLimiter(2, window=0.2, margin=0.0)
    deadline = time.monotonic() + 5
    assert _send(limiter, Take("query", 4, deadline))
    time.sleep(0.1)  # places free up one at a time, 0.1 s apart
    assert _send(limiter, Take("query", 4, deadline))
    order: list[str] = []

    def take(op: str) -> None:
        assert _send(limiter, Take(op, PRIORITIES[op], deadline))
        order.append(op)

    threads = []
    for op in ("query", "acquire", "update", "start", "stop"):  # lowest priority first
        threads.append(threading.Thread(target=take, args=(op,)))
        threads[-1].start()
        while limiter.waiting < len(threads):
            time.sleep(0.002)
    for thread in threads:
        thread.join(5)
    assert order == ["stop", "start", "update", "acquire", "query"]


# ----------------------------------------------------------------------------------------- pairing
def test_an_acquire_reserves_its_start_which_then_does_not_wait(emu: Emulator) -> None:
    limiter = LocalRateLimiter(3, margin=0.0)
    with MixRecordingClient(**_kwargs(emu, rate_limit=limiter)) as client:
        resource = client.acquire("pair", "1001")
        assert limiter._held == 1  # a start place kept for two seconds
        # Polls take every free place; a query would now wait, but the start does not.
        deadline = time.monotonic() + 5
        assert _send(limiter, Take("query", 4, deadline))
        assert _send(limiter, Take("query", 4, deadline))
        began = time.monotonic()
        client.start(resource.resource_id, "pair", "1001", TOKEN, storage_config=STORAGE)
        assert time.monotonic() - began < 0.5
        assert limiter._held == 0


def test_an_acquire_waits_until_two_places_are_free() -> None:
    limiter = LocalRateLimiter(2, window=0.3, margin=0.0)
    deadline = time.monotonic() + 5
    assert _send(limiter, Take("query", 4, deadline))
    began = time.monotonic()
    assert _send(limiter, Take("acquire", 3, deadline, pair="room\x001", pair_until=deadline))
    assert time.monotonic() - began >= 0.25  # the query's place had to leave the window first


def test_a_failed_acquire_gives_its_start_place_back(emu: Emulator) -> None:
    emu.inject(operation="acquire", status=400, code=2, reason="bad")
    limiter = LocalRateLimiter(4)
    with (
        MixRecordingClient(**_kwargs(emu, rate_limit=limiter)) as client,
        pytest.raises(InvalidParameterError),
    ):
        client.acquire("fails", "1001")
    assert limiter._held == 0


def test_a_reservation_expires_when_no_start_comes() -> None:
    limiter = LocalRateLimiter(2, window=0.05, margin=0.0, pair_window=0.2)
    deadline = time.monotonic() + 5
    assert _send(limiter, Take("acquire", 3, deadline, pair="k", pair_until=deadline))
    limiter.tell(Settle("k", True))
    time.sleep(0.1)
    assert limiter._free(time.monotonic()) == 1  # still held
    time.sleep(0.15)
    assert limiter._free(time.monotonic()) == 2


# ---------------------------------------------------------------------------------------- deadline
def test_waiting_for_a_slot_counts_against_the_deadline(emu: Emulator) -> None:
    limiter = LocalRateLimiter(2, margin=0.0)
    with MixRecordingClient(**_kwargs(emu, rate_limit=limiter, deadline=0.4)) as client:
        resource = client.acquire("late", "1001")  # both places (its own and the start's)
        before = len(emu.requests)
        began = time.monotonic()
        with pytest.raises(RateLimitTimeoutError) as caught:
            client.query(resource.resource_id, "0" * 32)
        assert 0.35 < time.monotonic() - began < 0.9
    error = caught.value
    assert "no request slot" in str(error) and "nothing was sent" in str(error)
    assert error.operation == "query" and error.resource_id == resource.resource_id
    assert error.waited is not None and error.waited >= 0.35
    assert len(emu.requests) == before  # it never reached the service


def test_an_async_wait_honours_the_deadline_and_cancellation(emu: Emulator) -> None:
    limiter = LocalRateLimiter(2, margin=0.0)

    async def run() -> None:
        async with AsyncMixRecordingClient(**_kwargs(emu, rate_limit=limiter, deadline=0.3)) as client:
            await client.acquire("alate", "1001")
            with pytest.raises(RateLimitTimeoutError):
                await client.query("r" * 20, "0" * 32)
            task = asyncio.ensure_future(client.query("r" * 20, "0" * 32))
            await asyncio.sleep(0.05)
            assert limiter.waiting == 1
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert limiter.waiting == 0

    asyncio.run(run())


def test_a_cancelled_head_hands_over_to_the_next_waiter() -> None:
    limiter = LocalRateLimiter(2, window=0.3, margin=0.0)

    async def run() -> float:
        far = time.monotonic() + 5
        assert await _asend(limiter, Take("query", 4, far))
        assert await _asend(limiter, Take("query", 4, far))
        head = asyncio.ensure_future(_asend(limiter, Take("stop", 0, far)))
        tail = asyncio.ensure_future(_asend(limiter, Take("query", 4, far)))
        await asyncio.sleep(0.05)
        head.cancel()
        began = time.monotonic()
        assert await tail
        return time.monotonic() - began

    assert asyncio.run(run()) < 0.4  # at the window's end, not at the deadline


# ----------------------------------------------------------------------------------- 429 slows all
def test_a_429_that_arrives_anyway_pauses_every_client_sharing_the_limiter(emu: Emulator) -> None:
    limiter = LocalRateLimiter(10)
    emu.inject(operation="acquire", status=429, retry_after=1)
    with (
        MixRecordingClient(**_kwargs(emu, rate_limit=limiter, retry_after_cap=0.6)) as one,
        MixRecordingClient(**_kwargs(emu, rate_limit=limiter)) as two,
    ):
        done: dict[str, float] = {}
        began = time.monotonic()
        worker = threading.Thread(target=one.acquire, args=("r1", "1001"))
        worker.start()
        while limiter.slowdowns == 0:
            time.sleep(0.005)
        two.acquire("r2", "1001")
        done["two"] = time.monotonic() - began
        worker.join(5)
    assert done["two"] >= 0.5  # the other client waited out the pause (capped at 0.6 s)
    assert limiter.slowdowns == 1
    assert _statuses(emu).count(429) == 1


# ------------------------------------------------------------------------------ threads and loops
def test_threads_and_event_loops_share_one_queue() -> None:
    limiter = LocalRateLimiter(4, window=0.1, margin=0.0)
    granted: list[str] = []
    deadline = time.monotonic() + 10

    def thread_side() -> None:
        for _ in range(10):
            assert _send(limiter, Take("query", 4, deadline))
            granted.append("t")

    async def task_side() -> None:
        async def one() -> None:
            assert await _asend(limiter, Take("query", 4, deadline))
            granted.append("a")

        await asyncio.gather(*(one() for _ in range(10)))

    threads = [threading.Thread(target=thread_side) for _ in range(2)]
    threads.append(threading.Thread(target=lambda: asyncio.run(task_side())))
    threads.append(threading.Thread(target=lambda: asyncio.run(task_side())))
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(granted) == 40
    # 40 grants at 4 per 0.1 s: ten windows, nine of them waited for (no lost wake-up, no early grant)
    assert 0.85 < time.monotonic() - began < 2.5


def test_a_settle_for_an_unknown_pair_and_a_slowdown_are_harmless() -> None:
    limiter = LocalRateLimiter(2)
    limiter.tell(Settle("nobody", True))
    limiter.tell(Settle("nobody", False))
    limiter.tell(SlowDown(0.0))
    assert limiter._held == 0 and _send(limiter, Take("query", 4, time.monotonic() + 1))


def test_a_grant_counts_until_a_window_after_its_exchange_ends() -> None:
    """In flight (waiting for a connection, or for its answer) a grant keeps its place however long;
    the window runs from the end of its exchange, not from the grant."""
    limiter = LocalRateLimiter(2, window=0.2, margin=0.0)
    deadline = time.monotonic() + 5
    waiting = limiter.take(Take("query", 4, deadline))  # granted, then waits for a connection
    assert waiting is not None and _send(limiter, Take("query", 4, deadline))
    time.sleep(0.3)  # the other one has left the window; this one still counts
    assert limiter._free(time.monotonic()) == 1
    waiting.end()
    assert _send(limiter, Take("query", 4, deadline))  # the free place
    began = time.monotonic()
    assert _send(limiter, Take("query", 4, deadline))  # waits for the late end's window
    assert time.monotonic() - began >= 0.15


# ------------------------------------------------------------- regressions found by a red-team pass
def test_a_reservation_cut_short_wakes_the_waiter_that_needs_its_place() -> None:
    limiter = LocalRateLimiter(2, pair_window=0.3)
    began = time.monotonic()
    far = began + 90
    assert _send(limiter, Take("acquire", 3, far, pair="A", pair_until=began + 32))
    time.sleep(1.2)  # A's own grant has left the window; its reservation (32 s) remains
    granted: dict[str, float] = {}

    def acquire_b() -> None:
        if _send(limiter, Take("acquire", 3, time.monotonic() + 8, pair="B", pair_until=far)):
            granted["at"] = time.monotonic() - began

    thread = threading.Thread(target=acquire_b)
    thread.start()
    time.sleep(0.1)
    limiter.tell(Settle("A", True))  # A answered: its reservation now ends in 0.3 s
    thread.join(10)
    assert granted["at"] < 2.0  # not at the old end of the reservation, nor at B's deadline


def test_a_stuck_event_loop_does_not_hold_up_the_other_waiters() -> None:
    limiter = LocalRateLimiter(2)
    for _ in range(2):
        assert _send(limiter, Take("query", 4, time.monotonic() + 1))
    began = time.monotonic()
    results: dict[str, float] = {}

    def other_thread() -> None:
        time.sleep(0.2)
        assert _send(limiter, Take("query", 4, time.monotonic() + 10))
        results["thread"] = time.monotonic() - began

    async def stuck() -> None:
        task = asyncio.ensure_future(_asend(limiter, Take("query", 4, time.monotonic() + 10)))
        await asyncio.sleep(0.1)  # the task heads the queue
        time.sleep(3)  # and its loop's thread blocks
        assert await task

    thread = threading.Thread(target=other_thread)
    thread.start()
    asyncio.run(stuck())
    thread.join(10)
    assert results["thread"] < 2.0  # granted when the window ended (1.1 s), not after the block


def test_a_start_with_a_reservation_still_waits_out_a_429_pause() -> None:
    limiter = LocalRateLimiter(4)
    deadline = time.monotonic() + 5
    assert _send(limiter, Take("acquire", 3, deadline, pair="k", pair_until=deadline))
    limiter.tell(SlowDown(0.4))
    began = time.monotonic()
    assert _send(limiter, Take("start", 1, deadline, use="k"))
    assert time.monotonic() - began >= 0.35
    assert limiter._held == 0  # it spent its reservation once the pause ended


def test_a_cancelled_acquire_gives_its_reservation_back(emu: Emulator) -> None:
    emu.inject(operation="acquire", delay=1.0, times=None)
    limiter = LocalRateLimiter(10)

    async def run() -> None:
        async with AsyncMixRecordingClient(**_kwargs(emu, rate_limit=limiter)) as client:
            tasks = [asyncio.ensure_future(client.acquire(f"c{i}", "1001")) for i in range(5)]
            await asyncio.sleep(0.3)
            assert limiter._held == 5
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(run())
    assert limiter._held == 0
