"""The supervisor's scenarios, on the emulator's manual clock (90-second scenarios in milliseconds),
through real HTTP. The algorithm is Agora's integration best practices for Cloud Recording
(AgoraIO/Docs-Source, cloud-recording/best-practices/integration-best-practices.md)."""

from __future__ import annotations

import asyncio
import threading
import wsgiref.simple_server
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import AsyncMixRecordingClient, MixRecordingClient, ValidationError, webhooks
from agora_cr.supervisor import SupervisorSettings
from agora_cr.testing import Emulator
from agora_cr.tokens import build_rtc_token

APP_ID = "970ca35de60c44645bbae8a215061b33"
CERT = "5cfd2fd1755d40ecb72977518be15d3b"
SECRET = "ncs-secret"


class Script:
    """The emulator's manual clock, with actions at given emulated times (run as time passes)."""

    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.actions: list[tuple[float, Callable[[], None]]] = []

    def at(self, when: float, action: Callable[[], None]) -> None:
        self.actions.append((when, action))
        self.actions.sort(key=lambda entry: entry[0])

    def sleep(self, seconds: float) -> None:
        self.emu.advance(seconds)
        while self.actions and self.actions[0][0] <= self.emu.now():
            self.actions.pop(0)[1]()

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)

    def settings(self, **extra: Any) -> SupervisorSettings:
        return SupervisorSettings(clock=self.emu.now, sleep=self.sleep, asleep=self.asleep, **extra)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None, clock="manual", app_id=APP_ID) as emulator:
        emulator.set_channel_users("room", 2)  # people publish: no idle exit unless a test says so
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[MixRecordingClient]:
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as mix:
        yield mix


def _live(emu: Emulator) -> list[str]:
    return [s.sid for s in emu.sessions if emu.session_phase(s.sid) == "live"]


def _acquires(emu: Emulator) -> list[Any]:
    return [
        r.body["clientRequest"].get("excludeResourceIds") for r in emu.requests if r.operation == "acquire"
    ]


def test_a_clean_run_records_and_stops(emu: Emulator, client: MixRecordingClient) -> None:
    script = Script(emu)
    states: list[str] = []
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(), on_change=lambda s, _: states.append(s)) as sup:  # fmt: skip
        assert sup.run(600) == "recording"
        sid = sup.current.sid  # type: ignore[union-attr]
        assert _live(emu) == [sid]
    assert states == ["confirming", "recording", "stopped"]
    manifest = sup.manifest
    assert [(s.uid, s.exit_reason) for s in manifest.sessions] == [("1001", "stopped")]
    assert manifest.files and all(f["sid"] == sid for f in manifest.files) and manifest.gaps == []
    assert _live(emu) == []


def test_a_start_never_confirmed_restarts_with_the_backup_uid(
    emu: Emulator, client: MixRecordingClient
) -> None:
    script = Script(emu)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        first: list[str] = []

        def stuck(state: str, s: Any) -> None:
            if state == "confirming" and not first:
                first.append(s.current.sid)
                emu.fail_session(s.current.sid, "never_start")

        sup.on_change = stuck
        sup.run(300)
        assert sup.state == "recording"
    sessions = sup.manifest.sessions
    assert [(s.uid, s.exit_reason) for s in sessions] == [("1001", "not_started"), ("1002", "stopped")]
    assert sessions[0].sid == first[0]
    assert _acquires(emu) == [None, [sessions[0].resource_id]]  # excludeResourceIds of the first task


def _receiver(sup: Any) -> tuple[str, Callable[[], None]]:
    class Quiet(wsgiref.simple_server.WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

    server = wsgiref.simple_server.make_server("127.0.0.1", 0, webhooks.WebhookWSGIApp(SECRET, sup.feed),
                                               handler_class=Quiet)  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()

    def close() -> None:
        server.shutdown()
        thread.join(5)
        server.server_close()

    return f"http://127.0.0.1:{server.server_port}/", close


def test_a_migration_within_90_s_is_not_a_restart_and_the_new_uid_is_recorded() -> None:
    holder: list[Any] = []
    with Emulator(
        qps_limit=None, clock="manual", webhook_secret=SECRET, webhook_url="http://127.0.0.1:9/"
    ) as emu:
        emu.set_channel_users("room", 2)
        script = Script(emu)
        client = MixRecordingClient(**client_kwargs(emu, max_retries=0))
        with client, client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                                      settings=script.settings()) as sup:  # fmt: skip
            holder.append(sup)
            url, close = _receiver(sup)
            emu._notifier.url = url  # type: ignore[union-attr]  (the receiver feeds this supervisor)
            try:
                sup.run(60)
                sid = sup.current.sid  # type: ignore[union-attr]

                def migrate() -> None:
                    emu.fail_session(sid, "migrate", duration=70, new_uid="4012345")
                    emu.wait_for_webhooks(10)

                script.at(emu.now() + 100, migrate)
                states: list[str] = []
                sup.on_change = lambda state, _: states.append(state)
                sup.run(400)
            finally:
                close()
            assert "migrating" in states and "restarting" not in states and sup.state == "recording"
    sessions = holder[0].manifest.sessions
    assert [(s.sid, s.migrated_uid, s.exit_reason) for s in sessions] == [(sid, "4012345", "stopped")]


def test_a_lost_worker_restarts_and_the_manifest_shows_both_sessions_and_the_gap(
    emu: Emulator, client: MixRecordingClient
) -> None:
    script = Script(emu)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        sup.run(60)
        lost = sup.current.sid  # type: ignore[union-attr]
        script.at(emu.now() + 10, lambda: emu.fail_session(lost, "lost"))
        sup.run(600)
        assert sup.state == "recording"
    sessions = sup.manifest.sessions
    assert [(s.uid, s.exit_reason) for s in sessions] == [("1001", "lost"), ("1002", "stopped")]
    assert _acquires(emu)[1] == [sessions[0].resource_id]
    assert len(sup.manifest.gaps) == 1 and sup.manifest.gaps[0].after_sid == lost
    assert [f["sid"] for f in sup.manifest.files][-1] == sessions[1].sid


def test_an_idle_exit_ends_supervising_without_a_restart() -> None:
    """Event 41 with leaveCode 4 (nobody in the channel): a restart would only idle out again. The
    stop then meets 49 (the task is exiting after maxIdleTime, as the docs' stop errors say)."""
    with Emulator(
        qps_limit=None, clock="manual", webhook_secret=SECRET, webhook_url="http://127.0.0.1:9/"
    ) as emu:
        script = Script(emu)
        emu.set_channel_users("empty", 0)
        client = MixRecordingClient(**client_kwargs(emu, max_retries=0))
        with client, client.supervise("empty", "1001", backup_uid="1002", storage_config=STORAGE,
                                      recording_config={"channelType": 0, "maxIdleTime": 300},
                                      settings=script.settings()) as sup:  # fmt: skip
            url, close = _receiver(sup)
            emu._notifier.url = url  # type: ignore[union-attr]
            try:
                sup.run(60)
                sid = sup.current.sid  # type: ignore[union-attr]
                script.at(emu.now() + 5, lambda: (emu.fail_session(sid, "idle"), emu.wait_for_webhooks(10)))
                assert sup.run(600) == "stopped"
            finally:
                close()
        assert [r.operation for r in emu.requests].count("start") == 1
    assert [(s.sid, s.exit_reason) for s in sup.manifest.sessions] == [(sid, "idle")]


def test_a_stop_answered_435_is_reported_as_no_recorded_data(
    emu: Emulator, client: MixRecordingClient
) -> None:
    """206 code 435 at stop (nobody published): an outcome in the manifest, not an error."""
    script = Script(emu)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        sup.run(60)
        emu.inject(operation="stop", status=206, code=435, reason="no recorded data")
    assert [s.exit_reason for s in sup.manifest.sessions] == ["no_recorded_data"]
    assert sup.state == "stopped"


def test_sts_credentials_are_refreshed_every_60_minutes(emu: Emulator, client: MixRecordingClient) -> None:
    script = Script(emu)
    refreshed: list[int] = []

    def refresh() -> dict[str, Any]:
        refreshed.append(len(refreshed))
        return {**STORAGE, "stsToken": f"sts-{len(refreshed)}", "stsExpiration": 3600}

    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(), refresh_storage=refresh) as sup:  # fmt: skip
        sup.run(3 * 3600 + 300)
    updates = [r for r in emu.requests if r.operation == "update"]
    assert len(refreshed) == len(updates) == 3
    assert all("storageConfig" in r.body["clientRequest"] for r in updates)


def test_a_restarted_process_resumes_from_its_state_file_and_stops_cleanly(
    emu: Emulator, client: MixRecordingClient, tmp_path: Path
) -> None:
    script = Script(emu)
    state = tmp_path / "recording.json"
    first = client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                             settings=script.settings(), state_file=state)  # fmt: skip
    first.run(300)
    sid = first.current.sid  # type: ignore[union-attr]
    del first  # the process dies here: no __exit__, the recording goes on
    assert _live(emu) == [sid]
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(), state_file=state) as second:  # fmt: skip
        assert second.current is not None and second.current.sid == sid
        assert second.run(200) == "recording"
    assert _live(emu) == [] and len(emu.sessions) == 1
    assert [(s.sid, s.exit_reason) for s in second.manifest.sessions] == [(sid, "stopped")]
    assert [r.operation for r in emu.requests].count("start") == 1


def test_a_token_that_ends_before_the_planned_duration_is_refused_before_any_request(
    emu: Emulator, client: MixRecordingClient
) -> None:
    short = build_rtc_token(APP_ID, CERT, "room", 0, expire=600)  # for any uid: the backup uid too
    with pytest.raises(ValidationError, match="cannot be renewed"):
        client.supervise(
            "room", "1001", backup_uid="1002", token=short, duration=3600, storage_config=STORAGE
        )
    with pytest.raises(ValidationError, match="24 h"):
        client.supervise("room", "1001", backup_uid="1002", app_certificate=CERT, duration=90_000,
                         storage_config=STORAGE)  # fmt: skip
    one_uid = build_rtc_token(APP_ID, CERT, "room", 1001)
    with pytest.raises(ValidationError, match="backup uid needs a token"):
        client.supervise("room", "1001", backup_uid="1002", token=one_uid, storage_config=STORAGE)
    assert emu.requests == []


def test_tokens_are_minted_for_each_uid_with_the_app_certificate() -> None:
    with Emulator(qps_limit=None, clock="manual", app_id=APP_ID, app_certificate=CERT) as emu:
        emu.set_channel_users("room", 2)
        script = Script(emu)
        client = MixRecordingClient(**client_kwargs(emu, max_retries=0))
        with client, client.supervise("room", "1001", backup_uid="1002", app_certificate=CERT, duration=3600,
                                      storage_config=STORAGE, settings=script.settings()) as sup:  # fmt: skip
            assert sup.run(120) == "recording"
        assert CERT not in repr(sup) and CERT not in repr(sup.__dict__)


async def _supervise_then_cancel(emu: Emulator, script: Script, ready: Callable[[Any], bool]) -> Any:
    """Run an async supervision, cancel its task once ``ready(supervisor)`` holds, and return the
    supervisor after the cancellation has propagated."""
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        supervisor = client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                                      settings=script.settings())  # fmt: skip

        async def supervise() -> None:
            async with supervisor as sup:
                await sup.run(None)

        task = asyncio.create_task(supervise())
        while not ready(supervisor):
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return supervisor


def test_the_async_supervisor_stops_the_session_when_cancelled(emu: Emulator) -> None:
    script = Script(emu)
    sup = asyncio.run(_supervise_then_cancel(emu, script, lambda supervisor: supervisor.state == "recording"))
    assert _live(emu) == [] and [s.exit_reason for s in sup.manifest.sessions] == ["stopped"]


KILLED_SCRIPT = """
import sys
from agora_cr import MixRecordingClient
from agora_cr.supervisor import SupervisorSettings

url, app_id, customer_id, secret, state = sys.argv[1:6]
fast = SupervisorSettings(confirm_after=0.1, confirm_intervals=(0.1,), monitor_interval=0.5)
client = MixRecordingClient(app_id, customer_id, secret, base_url=url, rate_limit=None)
supervisor = client.supervise("room", "1001", backup_uid="1002", settings=fast, state_file=state,
                              on_change=lambda s, _: print(s, flush=True),
                              storage_config={"vendor": 1, "region": 0, "bucket": "b", "accessKey": "a",
                                              "secretKey": "s"})
with supervisor:
    supervisor.run(None)
"""


def test_a_killed_process_leaves_a_state_file_the_next_one_resumes(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    state = tmp_path / "room.json"
    with Emulator(qps_limit=None) as emu:
        emu.set_channel_users("room", 2)
        args = [emu.base_url, emu.app_id, emu.customer_id, emu.customer_secret, str(state)]
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_SCRIPT, *args], stdout=subprocess.PIPE, text=True
        )
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "confirming"
            assert process.stdout.readline().strip() == "recording"
        finally:
            process.send_signal(signal.SIGKILL)  # no cleanup at all
            process.wait(10)
        live = _live(emu)
        assert len(live) == 1
        assert "secretKey" not in state.read_text() and emu.customer_secret not in state.read_text()
        fast = SupervisorSettings(confirm_after=0.1, confirm_intervals=(0.1,), monitor_interval=0.5)
        client = MixRecordingClient(**client_kwargs(emu, max_retries=0))
        resumed = client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE, settings=fast,
                                   state_file=state)  # fmt: skip
        with client, resumed:
            assert resumed.run(1.0) == "recording"
        assert _live(emu) == [] and [s.sid for s in resumed.manifest.sessions] == live
        assert [r.operation for r in emu.requests].count("start") == 1


def test_with_the_fleet_limiter_the_state_lives_in_redis(emu: Emulator) -> None:
    import shutil

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    from agora_cr import RedisRateLimiter
    from agora_cr.testing import RedisServer

    script = Script(emu)
    with RedisServer() as server:
        limiter = RedisRateLimiter(server.url, 10)
        with MixRecordingClient(**client_kwargs(emu, max_retries=0, rate_limit=limiter)) as client:
            first = client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                                     settings=script.settings())  # fmt: skip
            first.run(300)
            sid = first.current.sid  # type: ignore[union-attr]
            del first  # the process dies
            with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                                  settings=script.settings()) as second:  # fmt: skip
                assert second.current is not None and second.current.sid == sid
                second.run(60)
        limiter.close()
    assert _live(emu) == [] and [r.operation for r in emu.requests].count("start") == 1


# ------------------------------------------------------------------- regressions from a red-team pass
def test_a_stop_that_keeps_failing_leaves_the_session_for_the_next_supervisor(
    emu: Emulator, client: MixRecordingClient, tmp_path: Path
) -> None:
    script = Script(emu)
    state = tmp_path / "room.json"
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(), state_file=state) as first:  # fmt: skip
        first.run(60)
        sid = first.current.sid  # type: ignore[union-attr]
        emu.inject(operation="stop", status=500, code=502, times=4)  # the first try and its 3 retries
    assert first.state == "failed" and first.manifest.sessions[0].exit_reason == "stop_failed"
    assert _live(emu) == [sid]
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(), state_file=state) as second:  # fmt: skip
        assert second.current is not None and second.current.sid == sid
    assert _live(emu) == [] and [r.operation for r in emu.requests].count("start") == 1


def test_a_migration_of_70_s_without_events_is_not_called_lost(
    emu: Emulator, client: MixRecordingClient
) -> None:
    script = Script(emu)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        sup.run(60)
        sid = sup.current.sid  # type: ignore[union-attr]
        script.at(emu.now() + 100, lambda: emu.fail_session(sid, "migrate", duration=70))
        sup.run(600)
        assert sup.state == "recording"
    assert [(s.sid, s.exit_reason) for s in sup.manifest.sessions] == [(sid, "stopped")]
    assert _live(emu) == []


def test_a_lost_task_is_stopped_before_the_restart_so_it_cannot_come_back_recording(
    emu: Emulator, client: MixRecordingClient
) -> None:
    script = Script(emu)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        sup.run(60)
        sid = sup.current.sid  # type: ignore[union-attr]
        script.at(emu.now() + 10, lambda: emu.fail_session(sid, "migrate", duration=400))  # back too late
        sup.run(900)  # given up at ~+100 s, back at ~+410 s: stopped at the next monitoring query
        assert [s.exit_reason for s in sup.manifest.sessions] == ["lost", None]
        assert sid not in _live(emu) and len(_live(emu)) == 1
    assert _live(emu) == []


def test_async_cancellation_during_start_stops_the_started_session(emu: Emulator) -> None:
    script = Script(emu)
    emu.inject("delay", operation="start", delay=0.5)
    # The delay is taken when start reaches the emulator: once no fault is pending, start is in flight.
    sup = asyncio.run(_supervise_then_cancel(emu, script, lambda _: not emu.faults))
    assert [s.exit_reason for s in sup.manifest.sessions] == ["stopped"] and _live(emu) == []


def test_an_unreachable_state_redis_starts_nothing(emu: Emulator, client: MixRecordingClient) -> None:
    import shutil

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    from agora_cr import ConnectionError, RedisRateLimiter

    limiter = RedisRateLimiter("redis://127.0.0.1:9/0", 10, socket_timeout=0.2)
    paced = MixRecordingClient(**client_kwargs(emu, rate_limit=limiter))
    with paced, pytest.raises(ConnectionError, match="nothing was started"):
        paced.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE)
    assert emu.requests == []


def test_start_502s_are_bounded_by_max_restarts(emu: Emulator, client: MixRecordingClient) -> None:
    script = Script(emu)
    emu.inject(operation="start", status=500, code=502, times=None)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings(max_restarts=2)) as sup:  # fmt: skip
        assert sup.run(600) == "failed"
    assert [r.operation for r in emu.requests].count("start") == 3


def test_a_stop_request_is_honoured_during_start_retries(emu: Emulator, client: MixRecordingClient) -> None:
    script = Script(emu)
    emu.inject(operation="start", status=503, times=None)
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE,
                          settings=script.settings()) as sup:  # fmt: skip
        script.at(1.0, sup.request_stop)
        sup.run(600)
        assert emu.now() < 5.0


def test_restarts_use_refreshed_storage_and_secrets_stay_hidden(
    emu: Emulator, client: MixRecordingClient
) -> None:
    script = Script(emu)
    fresh = {**STORAGE, "bucket": "refreshed-bucket"}
    with client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE, settings=script.settings(),
                          refresh_storage=lambda: fresh) as sup:  # fmt: skip
        sup.run(3700)
        assert STORAGE["secretKey"] not in repr(vars(sup)) and STORAGE["accessKey"] not in repr(vars(sup))
        sid = sup.current.sid  # type: ignore[union-attr]
        script.at(emu.now() + 10, lambda: emu.fail_session(sid, "lost"))
        sup.run(300)
    starts = [
        r.body["clientRequest"]["storageConfig"]["bucket"] for r in emu.requests if r.operation == "start"
    ]
    assert starts == ["bucket", "refreshed-bucket"]


def test_the_manifest_keeps_web_files_and_counts_a_start_that_never_recorded_as_a_gap() -> None:
    from agora_cr.supervisor import Manifest, SessionRecord

    web = SessionRecord("r1", "s1", "1", 100.0, 200.0, "lost")
    web.add_files([{"filename": f"s1_{i}.mp4", "sliceStartTime": i} for i in range(3)])
    assert len(web.files) == 3
    never = SessionRecord("r2", "s2", "2", 210.0, 300.0, "not_started")
    last = SessionRecord("r3", "s3", "1", 310.0, None, None)
    gaps = Manifest("room", "web", [web, never, last]).gaps
    assert [(g.start, g.end, g.after_sid, g.before_sid) for g in gaps] == [(200.0, 310.0, "s1", "s3")]


@pytest.mark.parametrize(
    "bad", [{"monitor_interval": 0}, {"wake_interval": 0}, {"confirm_intervals": ()}, {"max_restarts": -1}]
)
def test_settings_that_would_spin_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        SupervisorSettings(**bad)


def test_a_state_file_that_is_not_this_recordings_is_refused(
    emu: Emulator, client: MixRecordingClient, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"cname": "another", "mode": "mix", "state": "stopped", "sessions": []}')
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"cname": "room", "mode": "mix", "state": "recording", "sessions": [{"x": 1}]}')
    for path in (other, corrupt):
        with pytest.raises(ValidationError):
            client.supervise("room", "1001", backup_uid="1002", storage_config=STORAGE, state_file=path)
    assert emu.requests == []
