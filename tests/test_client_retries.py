"""Retries, failover across several emulator hosts, Retry-After, the code-65 rule, deadlines, logging."""

from __future__ import annotations

import logging
import time

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import (
    AsyncMixRecordingClient,
    ClientTimeoutException,
    ConnectionError,
    IndividualRecordingClient,
    MixRecordingClient,
    RateLimitError,
    RequestNotCompletedError,
    ServerError,
    WebRecordingClient,
    api_start,
)
from agora_cr.testing import Emulator


def ops(emu: Emulator) -> list[tuple[str | None, int | None]]:
    return [(r.operation, r.status) for r in emu.requests]


def test_query_5xx_is_retried_then_succeeds(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        started = client.start(client.acquire("room", "21").resource_id, "room", "21", storage_config=STORAGE)
        emu.inject(operation="query", status=503, times=2)
        assert client.query(started.resource_id, started.sid).sid == started.sid
    assert [s for o, s in ops(emu) if o == "query"] == [503, 503, 200]


def test_retries_are_bounded_by_max_retries(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=1)) as client:
        emu.inject(operation="acquire", status=500, code=501, times=None)
        with pytest.raises(ServerError) as info:
            client.acquire("room", "22")
    assert info.value.error_code == 501
    assert [o for o, _ in ops(emu)] == ["acquire", "acquire"]


def test_start_5xx_is_not_retried(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room", "23").resource_id
        emu.inject(operation="start", status=500, code=502, reason="Failed to allocate worker")
        with pytest.raises(ServerError) as info:
            client.start(rid, "room", "23", storage_config=STORAGE)
    assert info.value.error_code == 502 and info.value.resource_id == rid
    assert [o for o, _ in ops(emu)].count("start") == 1


def test_start_code_65_retries_with_same_resource_id(emu: Emulator) -> None:
    with IndividualRecordingClient(**client_kwargs(emu, start_retry_delays=(0.05, 0.1))) as client:
        rid = client.acquire("room", "24").resource_id
        emu.inject(operation="start", status=206, code=65, times=2)
        began = time.monotonic()
        started = client.start(rid, "room", "24", storage_config=STORAGE)
        elapsed = time.monotonic() - began
    assert started.resource_id == rid
    starts = [r for r in emu.requests if r.operation == "start"]
    assert [r.status for r in starts] == [206, 206, 200]
    assert len({r.path for r in starts}) == 1  # same resource ID every time
    assert elapsed >= 0.15  # waited 0.05 s then 0.1 s (the configured 3 s / 6 s)


def test_start_code_65_gives_up_after_the_schedule(emu: Emulator) -> None:
    with IndividualRecordingClient(**client_kwargs(emu, start_retry_delays=(0.01,))) as client:
        rid = client.acquire("room", "25").resource_id
        emu.inject(operation="start", status=206, code=65, times=None)
        with pytest.raises(RequestNotCompletedError) as info:
            client.start(rid, "room", "25", storage_config=STORAGE)
    assert (info.value.status_code, info.value.error_code) == (206, 65)
    assert [o for o, _ in ops(emu)].count("start") == 2


def test_default_start_retry_schedule_is_3_then_6_seconds() -> None:
    with IndividualRecordingClient(app_id="a1", customer_id="c", customer_secret="s") as client:
        assert client._policy.config.start_retry_delays == (3.0, 6.0)


def test_429_honours_retry_after_seconds(emu: Emulator) -> None:
    with WebRecordingClient(**client_kwargs(emu, retry_after_cap=5.0)) as client:
        emu.inject(operation="acquire", status=429, retry_after=0.3)
        began = time.monotonic()
        assert client.acquire("label", "26").resource_id
        assert time.monotonic() - began >= 0.3
    assert [s for _, s in ops(emu)] == [429, 200]


def test_429_retry_after_http_date_and_cap(emu: Emulator) -> None:
    from email.utils import formatdate

    with WebRecordingClient(**client_kwargs(emu, retry_after_cap=0.1)) as client:
        emu.inject(
            operation="acquire",
            status=429,
            headers={"Retry-After": formatdate(time.time() + 3600, usegmt=True)},
        )
        began = time.monotonic()
        assert client.acquire("label", "27").resource_id
        assert time.monotonic() - began < 1.0  # an hour capped to 0.1 s


def test_429_exhausted_raises_rate_limit_error_with_retry_after(emu: Emulator) -> None:
    with WebRecordingClient(**client_kwargs(emu, max_retries=1)) as client:
        emu.inject(operation="acquire", status=429, retry_after=0.01, times=None)
        with pytest.raises(RateLimitError) as info:
            client.acquire("label", "28")
    assert info.value.retry_after == pytest.approx(0.01)


def test_emulator_qps_limit_is_absorbed_by_retries() -> None:
    with (
        Emulator(qps_limit=5) as emu,
        MixRecordingClient(**client_kwargs(emu, retry_after_cap=1.5)) as client,
    ):
        for i in range(8):
            assert client.acquire("room", str(30 + i)).resource_id
        assert 429 in [r.status for r in emu.requests]


def test_failover_to_next_host_when_one_is_down(emu: Emulator) -> None:
    second = emu.add_host("second")
    third = emu.add_host("third")
    emu.set_host_down("primary")
    endpoints = [emu.base_url, second, third]
    with MixRecordingClient(**client_kwargs(emu, base_url=None, endpoints=endpoints)) as client:
        assert client.acquire("room", "41").resource_id
        assert client.current_endpoint == second  # sticky
        emu.set_host_down("second")
        rid = client.acquire("room", "42").resource_id
        assert client.current_endpoint == third
        started = client.start(rid, "room", "42", storage_config=STORAGE)
        client.stop(started.resource_id, started.sid, "room", "42")
    assert [r.host for r in emu.requests] == ["second", "third", "third", "third"]


def test_all_hosts_down_raises_connection_error_listing_hosts(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    emu.set_host_down("second")
    with (
        MixRecordingClient(
            **client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second], max_retries=1)
        ) as client,
        pytest.raises(ConnectionError) as info,
    ):
        client.acquire("room", "43")
    assert set(info.value.hosts_tried) == {emu.base_url, second}
    assert emu.base_url in str(info.value)


def test_5xx_fails_over_for_query(emu: Emulator) -> None:
    second = emu.add_host("second")
    with MixRecordingClient(**client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second])) as client:
        started = client.start(client.acquire("room", "44").resource_id, "room", "44", storage_config=STORAGE)
        emu.inject(operation="query", status=504, host="primary", times=None)
        assert client.query(started.resource_id, started.sid).sid == started.sid
        assert client.current_endpoint == second
    assert [(r.operation, r.host, r.status) for r in emu.requests][-2:] == [
        ("query", "primary", 504),
        ("query", "second", 200),
    ]


def test_timeout_on_query_is_retried_then_deadline_bounds_the_call(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, timeout=0.2)) as client:
        started = client.start(client.acquire("room", "45").resource_id, "room", "45", storage_config=STORAGE)
        emu.inject(operation="query", delay=0.5, times=1)
        assert client.query(started.resource_id, started.sid).sid == started.sid
    with MixRecordingClient(**client_kwargs(emu, timeout=0.3, deadline=0.5, max_retries=10)) as client:
        emu.inject(operation="query", delay=1.0, times=None)
        began = time.monotonic()
        with pytest.raises(ClientTimeoutException) as info:
            client.query(started.resource_id, started.sid)
        assert time.monotonic() - began < 0.9
    assert info.value.operation == "query" and info.value.sid == started.sid


def test_start_timeout_is_not_retried(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu, timeout=0.2)) as client:
        rid = client.acquire("room", "46").resource_id
        emu.inject(operation="start", delay=0.5)
        with pytest.raises(ClientTimeoutException):
            client.start(rid, "room", "46", storage_config=STORAGE)
        time.sleep(0.6)  # the emulator logs the delayed request once it has answered it
    assert [o for o, _ in ops(emu)].count("start") == 1


def test_dropped_connection_on_stop_is_retried(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        started = client.start(client.acquire("room", "47").resource_id, "room", "47", storage_config=STORAGE)
        emu.inject("drop", operation="stop")
        assert client.stop(started.resource_id, started.sid, "room", "47").sid == started.sid


async def test_async_retry_and_failover_share_the_policy(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    async with AsyncMixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second])
    ) as client:
        emu.inject(operation="acquire", status=503, times=1)
        assert (await client.acquire("room", "48")).resource_id
        assert client.current_endpoint == second
    assert [(r.host, r.status) for r in emu.requests] == [("second", 503), ("second", 200)]


def test_debug_log_of_a_lifecycle_has_no_secrets(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="agora_cr")
    storage = {**STORAGE, "stsToken": "STS-TOKEN-VALUE"}
    recording = {"channelType": 0, "decryptionMode": 1, "secret": "DECRYPT-SECRET"}
    with MixRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room", "49").resource_id
        emu.inject(operation="query", status=500, times=1)
        started = client.start(rid, "room", "49", "RTC-TOKEN-VALUE", storage, recording)
        client.query(started.resource_id, started.sid)
        client.update(started.resource_id, started.sid, "room", "49", storage_config=storage)
        client.update_layout(started.resource_id, started.sid, "room", "49", mixed_video_layout=1)
        client.stop(started.resource_id, started.sid, "room", "49")
        text = "\n".join([r.getMessage() for r in caplog.records] + [repr(client)])
    assert text.count("-> 200") == 6 and "-> 500" in text and "attempt 2" in text
    assert all(r.name.startswith("agora_cr") for r in caplog.records)
    for secret in (
        emu.customer_secret,
        emu.authorization.split()[-1],
        "AK-TEST-ACCESS",
        "SK-TEST-SECRET",
        "STS-TOKEN-VALUE",
        "DECRYPT-SECRET",
        "RTC-TOKEN-VALUE",
        "Basic ",
    ):
        assert secret not in text


def test_no_log_handlers_by_default() -> None:
    package_logger = logging.getLogger("agora_cr")
    before = list(package_logger.handlers)
    with IndividualRecordingClient(app_id="a1", customer_id="c", customer_secret="s") as client:
        assert client.logger is package_logger
        assert package_logger.handlers == before  # building a client installs no handler
    built = MixRecordingClient.new_builder().with_app_id("a1").with_basic_auth("c", "s").with_region("US")
    with built.with_stream_log(log_level=logging.DEBUG).build() as logged:
        assert len(logged.logger.handlers) == 1 and logged.logger.parent is package_logger
        assert package_logger.handlers == before  # the handler belongs to that client only
    assert logged.logger.handlers == []  # closed with the client


def test_reprs_mask_secrets(emu: Emulator) -> None:
    block = api_start.StorageConfig(
        vendor=1, region=0, bucket="b", accessKey="AK-REPR", secretKey="SK-REPR", stsToken="STS-REPR"
    )
    builder = MixRecordingClient.new_builder().with_app_id(emu.app_id).with_basic_auth("cust", "CUST-SECRET")
    with MixRecordingClient(**client_kwargs(emu, customer_secret="CUST-SECRET")) as client:
        shown = repr(block) + repr(builder) + repr(client) + str(client)
    for secret in ("AK-REPR", "SK-REPR", "STS-REPR", "CUST-SECRET"):
        assert secret not in shown
    assert "***" in repr(client)
