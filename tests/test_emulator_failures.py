"""The failures users of Cloud Recording fight (Agora's integration best practices: "failed to find
worker" after a worker loss or during a 30-90 s high-availability migration, a start that never
records, an idle exit), played by the emulator on its manual clock, through real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import InvalidOperationError, MixRecordingClient, NotFoundError
from agora_cr.testing import Emulator

TOKEN = "007eJxTYNhx"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None, clock="manual") as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[MixRecordingClient]:
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as mix:
        yield mix


def _start(client: MixRecordingClient, emu: Emulator) -> tuple[str, str]:
    emu.set_channel_users("room", 2)  # someone publishes: no idle exit
    resource = client.acquire("room", "527841")
    started = client.start(resource.resource_id, "room", "527841", TOKEN, storage_config=STORAGE)
    return resource.resource_id, started.sid


def test_the_manual_clock_stands_still_until_advanced(emu: Emulator, client: MixRecordingClient) -> None:
    rid, sid = _start(client, emu)
    assert client.query(rid, sid).status == 1  # initialised
    assert client.query(rid, sid).status == 4  # (each query moves one step without any clock)
    emu.advance(3600)
    assert emu.now() == 3600.0 and client.query(rid, sid).status == 5


def test_a_lost_worker_answers_404_for_good(emu: Emulator, client: MixRecordingClient) -> None:
    rid, sid = _start(client, emu)
    emu.fail_session(sid, "lost")
    for _ in range(3):
        with pytest.raises(NotFoundError):
            client.query(rid, sid)
        emu.advance(60)
    with pytest.raises(NotFoundError):
        client.stop(rid, sid, "room", "527841")


def test_a_migration_answers_404_then_comes_back_with_a_new_uid(
    emu: Emulator, client: MixRecordingClient
) -> None:
    rid, sid = _start(client, emu)
    emu.fail_session(sid, "migrate", duration=45, new_uid="4012345")
    emu.advance(30)
    with pytest.raises(NotFoundError):
        client.query(rid, sid)
    emu.advance(16)
    back = client.query(rid, sid)
    assert back.sid == sid
    assert [s.uid for s in emu.sessions if s.sid == sid] == ["4012345"]
    assert client.stop(rid, sid, "room", "527841").sid == sid  # the original uid still stops it


def test_a_start_that_never_records_stays_below_status_4(emu: Emulator, client: MixRecordingClient) -> None:
    rid, sid = _start(client, emu)
    emu.fail_session(sid, "never_start")
    for _ in range(5):
        emu.advance(30)
        assert client.query(rid, sid).status == 1


def test_an_idle_exit_then_404_and_stop_refused_while_exiting(
    emu: Emulator, client: MixRecordingClient
) -> None:
    rid, sid = _start(client, emu)
    emu.fail_session(sid, "idle")
    with pytest.raises(NotFoundError):
        client.query(rid, sid)
    with pytest.raises(InvalidOperationError):  # 49: the task is already exiting
        client.stop(rid, sid, "room", "527841")
    emu.advance(11)
    with pytest.raises(NotFoundError):
        client.stop(rid, sid, "room", "527841")


def test_bad_failure_requests_are_refused(emu: Emulator, client: MixRecordingClient) -> None:
    _, sid = _start(client, emu)
    with pytest.raises(ValueError, match="unknown failure"):
        emu.fail_session(sid, "meteor")
    with pytest.raises(KeyError):
        emu.fail_session("0" * 32, "lost")
