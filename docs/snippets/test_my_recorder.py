"""Testing your own code: the ``agora_emulator`` fixture (pytest plugin ``agora_cr``)."""

from __future__ import annotations

import pytest

from agora_cr import MixRecordingClient, RateLimitError, ResourceExpiredError, ServerError, api_start
from agora_cr.testing import Emulator

STORAGE = api_start.StorageConfig(vendor=1, region=0, bucket="b", accessKey="ak", secretKey="sk")


# Code under test: yours would live in your package.
def record_meeting(client: MixRecordingClient, cname: str) -> str:
    resource = client.acquire(cname, "9001")
    session = client.start(resource.resource_id, cname, "9001", storage_config=STORAGE)
    return session.sid


# --8<-- [start:fixture]
@pytest.fixture
def client(agora_emulator: Emulator) -> MixRecordingClient:
    return MixRecordingClient(
        app_id=agora_emulator.app_id,
        customer_id=agora_emulator.customer_id,
        customer_secret=agora_emulator.customer_secret,
        base_url=agora_emulator.base_url,
        max_retries=1,
    )


def test_records(client: MixRecordingClient, agora_emulator: Emulator) -> None:
    sid = record_meeting(client, "standup")
    assert [r.operation for r in agora_emulator.requests] == ["acquire", "start"]
    assert agora_emulator.requests[1].body["clientRequest"]["storageConfig"]["secretKey"] == "***"
    assert len(sid) == 32


# --8<-- [end:fixture]


# --8<-- [start:faults]
def test_start_failure_surfaces(client: MixRecordingClient, agora_emulator: Emulator) -> None:
    agora_emulator.inject(operation="start", status=500, code=502, reason="Failed to allocate worker")
    with pytest.raises(ServerError) as caught:
        record_meeting(client, "standup")
    assert caught.value.error_code == 502


def test_rate_limit_is_retried(client: MixRecordingClient, agora_emulator: Emulator) -> None:
    agora_emulator.inject(operation="acquire", status=429, retry_after=0)  # once, then normal
    record_meeting(client, "standup")
    assert [r.status for r in agora_emulator.requests][:2] == [429, 200]


def test_rate_limit_gives_up(client: MixRecordingClient, agora_emulator: Emulator) -> None:
    agora_emulator.inject(operation="acquire", status=429, retry_after=0, times=None)  # always
    with pytest.raises(RateLimitError):
        record_meeting(client, "standup")


# --8<-- [end:faults]


# --8<-- [start:time]
def test_resource_expires(client: MixRecordingClient, agora_emulator: Emulator) -> None:
    resource = client.acquire("standup", "9001")
    agora_emulator.advance_time(301)  # emulated time: resource IDs live 300 s
    with pytest.raises(ResourceExpiredError):
        client.start(resource.resource_id, "standup", "9001", storage_config=STORAGE)


# --8<-- [end:time]


# --8<-- [start:failover]
def test_failover_to_the_next_host(agora_emulator: Emulator) -> None:
    backup = agora_emulator.add_host("backup")  # a second listener sharing all state
    agora_emulator.set_host_down("primary")  # connection refused from now on
    with MixRecordingClient(
        app_id=agora_emulator.app_id,
        customer_id=agora_emulator.customer_id,
        customer_secret=agora_emulator.customer_secret,
        endpoints=[agora_emulator.hosts["primary"], backup],
    ) as client:
        record_meeting(client, "standup")
        assert client.current_endpoint == backup


# --8<-- [end:failover]
