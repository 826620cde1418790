"""Nothing lost: ``recording(...)`` always stops, and a failed stop carries the IDs to stop again."""

from __future__ import annotations

import asyncio
import logging

import pytest
from conftest import STORAGE, WEB_PARAM, client_kwargs

from agora_cr import (
    AsyncMixRecordingClient,
    AsyncWebRecordingClient,
    ConnectionError,
    IndividualRecordingClient,
    MixRecordingClient,
    RecordingSession,
    ServerError,
    ValidationError,
    WebRecordingClient,
)
from agora_cr.testing import Emulator

WEB = {
    "storage_config": STORAGE,
    "extension_service_config": {"extensionServices": [{"serviceParam": dict(WEB_PARAM)}]},
}


def live(emu: Emulator) -> list[str]:
    return [s.sid for s in emu.sessions if emu.session_phase(s.sid) == "live"]


def stops(emu: Emulator) -> list[int | None]:
    return [r.status for r in emu.requests if r.operation == "stop"]


def test_recording_acquires_starts_and_stops(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        with client.recording("room", 701, storage_config=STORAGE) as session:
            assert isinstance(session, RecordingSession)
            assert (session.cname, session.uid) == ("room", "701") and len(session.sid) == 32
            assert client.query(session.resource_id, session.sid).sid == session.sid
            assert session.stop_result is None
        assert session.stop_result is not None and session.stop_result.sid == session.sid
    assert [r.operation for r in emu.requests] == ["acquire", "start", "query", "stop"]


def test_recording_stops_when_the_body_raises(emu: Emulator) -> None:
    with (
        IndividualRecordingClient(**client_kwargs(emu)) as client,
        pytest.raises(KeyError, match="boom"),
        client.recording("room", "702", token="RTC", storage_config=STORAGE),
    ):
        raise KeyError("boom")
    assert stops(emu) == [200]


def test_recording_stop_failure_does_not_mask_the_body_error(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="agora_cr")
    with MixRecordingClient(**client_kwargs(emu, max_retries=1)) as client:
        emu.inject(operation="stop", status=503, times=2)
        with (
            pytest.raises(RuntimeError, match="body failed") as info,
            client.recording("room", "703", storage_config=STORAGE) as session,
        ):
            raise RuntimeError("body failed")
        stop_error = info.value.stop_error  # type: ignore[attr-defined]
        assert isinstance(stop_error, ServerError)
        assert (stop_error.resource_id, stop_error.sid) == (session.resource_id, session.sid)
        assert "stop failed" in caplog.text and session.sid in caplog.text
        # Nothing lost: the IDs on the stop error are enough to stop again.
        client.stop(stop_error.resource_id, stop_error.sid, "room", "703")
    assert stops(emu) == [503, 503, 200]
    assert live(emu) == []


def test_recording_stop_failure_after_a_clean_body_raises_with_ids(emu: Emulator) -> None:
    second = emu.add_host("second")
    endpoints = [emu.base_url, second]
    with MixRecordingClient(
        **client_kwargs(emu, base_url=None, endpoints=endpoints, max_retries=1)
    ) as client:
        with (
            pytest.raises(ConnectionError) as info,
            client.recording("room", "704", storage_config=STORAGE) as session,
        ):
            emu.set_host_down("primary")
            emu.set_host_down("second")
        assert (info.value.resource_id, info.value.sid) == (session.resource_id, session.sid)
        emu.set_host_down("second", False)
        client.stop(info.value.resource_id, info.value.sid, "room", "704")
    assert live(emu) == []


def test_recording_nothing_to_stop_when_start_fails(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        emu.inject(operation="start", status=500)
        with pytest.raises(ServerError), client.recording("room", "705", storage_config=STORAGE):
            pytest.fail("body must not run")
    assert stops(emu) == []


def test_recording_web_and_token_rule(emu: Emulator) -> None:
    with WebRecordingClient(**client_kwargs(emu)) as client:
        with client.recording("label", "706", **WEB) as session:
            assert session.sid
        with pytest.raises(ValidationError), client.recording("label", "707", token="x", **WEB):
            pass
    assert stops(emu) == [200]
    assert [r.operation for r in emu.requests].count("acquire") == 1  # nothing sent for the bad call


async def test_async_recording_stops_on_cancellation(emu: Emulator) -> None:
    entered = asyncio.Event()
    async with AsyncMixRecordingClient(**client_kwargs(emu)) as client:

        async def body() -> None:
            async with client.recording("room", "708", storage_config=STORAGE):
                entered.set()
                await asyncio.sleep(3600)

        task = asyncio.create_task(body())
        await entered.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert stops(emu) == [200]
    assert live(emu) == []


async def test_async_recording_under_faults(emu: Emulator) -> None:
    async with AsyncWebRecordingClient(**client_kwargs(emu, max_retries=2)) as client:
        emu.inject(operation=["acquire", "stop"], status=503, times=2)
        emu.inject(operation="start", status=206, code=65, times=1)
        async with client.recording("label", "709", **WEB) as session:
            await client.query(session.resource_id, session.sid)
        assert session.stop_result is not None
        emu.inject(operation="stop", status=500, times=None)
        with pytest.raises(ValueError, match="inner") as info:
            async with client.recording("label", "710", **WEB):
                raise ValueError("inner")
        assert isinstance(info.value.stop_error, ServerError)  # type: ignore[attr-defined]
