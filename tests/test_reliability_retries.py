"""The DESIGN.md retry table, row by row, with attempts counted in ``emu.requests`` and time measured."""

from __future__ import annotations

import asyncio
import time

import pytest
from conftest import client_kwargs
from reliability_support import OPERATIONS, RETRIED, attempts, call_for, record_figure, stopwatch

from agora_cr import (
    AlreadyStartedError,
    AsyncMixRecordingClient,
    BadRequestError,
    ClientRequestException,
    ClientTimeoutException,
    InvalidOperationError,
    MixRecordingClient,
    NotFoundError,
    RateLimitError,
    RequestNotCompletedError,
    ServerError,
    TaskConflictError,
)
from agora_cr.testing import Emulator

RETRIES = 2
#: Back-off delays are 0.01 s then 0.02 s (conftest.FAST_RETRIES): the bound below is generous.
BOUND = 1.0


@pytest.mark.parametrize("operation", RETRIED)
def test_5xx_is_retried_exactly_max_retries_then_raises(emu: Emulator, operation: str) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=RETRIES)) as client:
        call = call_for(client, operation)
        emu.clear_requests()
        emu.inject(operation=operation, status=503, times=None)
        with stopwatch() as took, pytest.raises(ServerError) as info:
            call()
    assert attempts(emu, operation) == [503] * (RETRIES + 1)
    assert info.value.status_code == 503 and info.value.operation == operation
    assert took[0] < BOUND
    record_figure("5xx_exhausted", operation=operation, attempts=RETRIES + 1, seconds=round(took[0], 4))


@pytest.mark.parametrize("operation", RETRIED)
def test_5xx_then_success(emu: Emulator, operation: str) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=RETRIES)) as client:
        call = call_for(client, operation)
        emu.clear_requests()
        emu.inject(operation=operation, status=500, code=500, times=RETRIES)
        with stopwatch() as took:
            assert call().resource_id
    assert attempts(emu, operation) == [500] * RETRIES + [200]
    assert took[0] < BOUND


def test_start_5xx_is_never_repeated(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=5)) as client:
        call = call_for(client, "start")
        emu.clear_requests()
        emu.inject(operation="start", status=503, times=None)
        with pytest.raises(ServerError) as info:
            call()
    assert attempts(emu, "start") == [503]
    assert info.value.resource_id  # the caller decides: acquire anew


@pytest.mark.parametrize("operation", OPERATIONS)
def test_timeouts_retried_per_table(emu: Emulator, operation: str) -> None:
    timeout, delay = 0.15, 0.4
    with MixRecordingClient(**client_kwargs(emu, max_retries=RETRIES, timeout=timeout)) as client:
        call = call_for(client, operation)
        emu.clear_requests()
        emu.inject(operation=operation, delay=delay, times=None)
        with stopwatch() as took, pytest.raises(ClientTimeoutException) as info:
            call()
    time.sleep(delay + 0.1)  # the emulator logs a delayed request once it has answered it
    expected = 1 if operation == "start" else RETRIES + 1
    assert len(attempts(emu, operation)) == expected
    assert info.value.operation == operation
    assert took[0] < expected * timeout + BOUND
    record_figure("timeouts", operation=operation, attempts=expected, seconds=round(took[0], 4))


def test_deadline_bounds_total_time_whatever_max_retries(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=100, deadline=0.5, timeout=0.2)) as client:
        call = call_for(client, "query")
        emu.inject(operation="query", delay=0.3, times=None)
        with stopwatch() as took, pytest.raises(ClientTimeoutException):
            call()
    assert took[0] < 0.5 + 0.2
    time.sleep(0.35)
    record_figure("deadline", deadline=0.5, seconds=round(took[0], 4), attempts=len(attempts(emu, "query")))


def test_start_code_65_retried_with_same_resource_then_gives_up(emu: Emulator) -> None:
    delays = (0.03, 0.06)
    with MixRecordingClient(**client_kwargs(emu, start_retry_delays=delays, max_retries=9)) as client:
        call = call_for(client, "start")
        emu.clear_requests()
        emu.inject(operation="start", status=206, code=65, times=None)
        with stopwatch() as took, pytest.raises(RequestNotCompletedError):
            call()
    starts = [r for r in emu.requests if r.operation == "start"]
    assert len(starts) == len(delays) + 1  # the schedule, not max_retries
    assert len({r.path for r in starts}) == 1
    assert sum(delays) <= took[0] < sum(delays) + BOUND
    record_figure("start_code_65", attempts=len(starts), seconds=round(took[0], 4))


@pytest.mark.parametrize(
    ("operation", "status", "code", "error"),
    [
        ("start", 201, 7, AlreadyStartedError),
        ("start", 400, 53, TaskConflictError),
        ("stop", 400, 49, InvalidOperationError),
        ("acquire", 400, 2, BadRequestError),
        ("query", 404, 404, NotFoundError),
        ("update", 401, None, ClientRequestException),
        ("updateLayout", 403, None, ClientRequestException),
    ],
)
def test_4xx_and_business_codes_never_retried(
    emu: Emulator, operation: str, status: int, code: int | None, error: type[Exception]
) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=5)) as client:
        call = call_for(client, operation)
        emu.clear_requests()
        if code is None:
            emu.inject(operation=operation, status=status, message="nope", times=None)
        else:
            emu.inject(operation=operation, status=status, code=code, times=None)
        with pytest.raises(error):
            call()
    assert attempts(emu, operation) == [status]


@pytest.mark.parametrize("retry_after", [None, 0.3])
def test_429_backs_off_then_succeeds(emu: Emulator, retry_after: float | None) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=3, retry_after_cap=5.0)) as client:
        emu.inject(operation="acquire", status=429, retry_after=retry_after, times=2)
        with stopwatch() as took:
            assert client.acquire("room", "601").resource_id
    assert attempts(emu, "acquire") == [429, 429, 200]
    if retry_after is not None:
        assert took[0] >= 2 * retry_after  # honoured
    assert took[0] < 2 * (retry_after or 0.02) + BOUND
    record_figure("429", retry_after=retry_after, attempts=3, seconds=round(took[0], 4))


def test_429_is_bounded(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=2)) as client:
        emu.inject(operation="query", status=429, times=None)
        call = call_for(client, "query")
        emu.clear_requests()
        with pytest.raises(RateLimitError):
            call()
    assert attempts(emu, "query") == [429] * 3


def test_burst_of_100_through_the_10_qps_limiter_surfaces_no_error() -> None:
    """100 concurrent acquires against the emulator's real 10 QPS limiter (~10 s of real time)."""

    async def burst(emu: Emulator) -> tuple[int, float]:
        kwargs = client_kwargs(
            emu,
            max_retries=40,
            deadline=60.0,
            initial_retry_delay=0.2,
            max_retry_delay=1.0,
            retry_after_cap=1.0,
        )
        async with AsyncMixRecordingClient(**kwargs) as client:
            began = time.perf_counter()
            results = await asyncio.gather(*(client.acquire("burst", str(1000 + i)) for i in range(100)))
            took = time.perf_counter() - began
        assert len({r.resource_id for r in results}) == 100
        return len(results), took

    with Emulator(qps_limit=10) as emu:
        done, took = asyncio.run(burst(emu))
        statuses = [r.status for r in emu.requests]
    assert done == 100 and statuses.count(200) == 100
    throttled = statuses.count(429)
    assert throttled > 0  # the limiter really fired; the client absorbed every 429
    assert 8.0 < took < 30.0  # 100 requests at 10 per second
    record_figure("burst_100_at_10qps", seconds=round(took, 2), retries_429=throttled, requests=len(statuses))
