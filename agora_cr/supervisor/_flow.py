"""The supervisor's algorithm, once, as a generator of actions; :mod:`._drivers` runs it sync or async.

States: ``starting`` → ``confirming`` → ``recording`` ⇄ ``migrating``; ``restarting`` (a new task with
the other uid) after a start that never records or a task confirmed lost; ``stopped`` at the end;
``failed`` when ``max_restarts`` is used up or a start cannot be made. Webhook events fed to it
(:meth:`Supervisor.feed`) say first what ``query`` would say later: 12 ``session_failover`` (the new
uid: a migration, not a loss), 41/11 (the recorder left: idle or ended), 31/32 (the uploaded files).
"""

from __future__ import annotations

import collections
import logging
import math
import os
import time
from collections.abc import Callable, Generator
from dataclasses import asdict
from typing import Any, Generic, TypeVar

from .. import _constants as C
from ..exceptions import (
    AlreadyStartedError,
    ClientException,
    InvalidOperationError,
    NoRecordedDataError,
    NotFoundError,
    RequestNotCompletedError,
    ServerError,
    ValidationError,
)
from ..tokens import MAX_EXPIRE, build_rtc_token, parse_token
from ._manifest import Manifest, SessionRecord
from ._settings import SupervisorSettings
from ._store import store_for

_logger = logging.getLogger(C.LOGGER_NAME)
T = TypeVar("T")

#: The states of a supervisor (``state``, and what ``on_change`` receives), in their usual order.
STATES = ("starting", "confirming", "recording", "migrating", "restarting", "stopped", "failed")
#: query statuses that mean the recorder records.
RECORDING_STATUSES = (4, 5)
#: leaveCode bit: the recorder left because nobody was in the channel (maxIdleTime).
LEAVE_CODE_NO_USERS = 4


class Call:
    """Run ``client.<name>(*args, **kwargs)``; the flow receives its result or its ClientException."""

    __slots__ = ("args", "kwargs", "name")

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs


class Wait:
    """Let ``seconds`` pass on the supervisor's clock."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


Action = Call | Wait
Flow = Generator[Action, Any, Any]


class Supervisor:
    """One supervised recording (see :meth:`~agora_cr.MixRecordingClient.supervise`)."""

    def __init__(
        self,
        client: Any,
        cname: str,
        uid: str | int,
        *,
        backup_uid: str | int,
        token: str | None = None,
        app_certificate: str | None = None,
        duration: float | None = None,
        settings: SupervisorSettings | None = None,
        on_change: Callable[[str, Supervisor], None] | None = None,
        state_file: str | os.PathLike[str] | None = None,
        refresh_storage: Callable[[], Any] | None = None,
        **start_blocks: Any,
    ) -> None:
        self.client = client
        self.cname = cname
        self.mode: str = client._mode
        self.uids = (str(uid), str(backup_uid))
        if self.uids[0] == self.uids[1]:
            raise ValidationError("backup_uid must differ from uid", field="backup_uid")
        self.settings = settings or SupervisorSettings()
        self.on_change = on_change
        self.store = store_for(client, cname, state_file)
        self.refresh_storage = refresh_storage
        self._tokens = _Tokens(self, token, app_certificate, duration)
        del token, app_certificate
        for candidate in self.uids:  # every input checked before anything is sent
            client._recording_blocks(cname, candidate, self._tokens.for_uid(candidate), dict(start_blocks))
        self._blocks = _Hidden(start_blocks)
        del start_blocks
        self.sessions: list[SessionRecord] = []
        self.state = "starting"
        self._uid_index = 0
        self._restarts = 0
        self._events: collections.deque[Any] = collections.deque(maxlen=1000)
        self._stop_requested = False
        self._failover_until = 0.0
        #: Sessions given up as lost -> until when to keep stopping them (see ``_stop_lost``).
        self._lost: dict[SessionRecord, float] = {}
        self._resume()

    def __repr__(self) -> str:
        count = len(self.sessions)
        shown = f"cname={self.cname!r}, mode={self.mode!r}, state={self.state!r}, sessions={count}"
        return f"{type(self).__name__}({shown})"

    # -------------------------------------------------------------------------------- public face
    @property
    def current(self) -> SessionRecord | None:
        """The live session, if any."""
        last = self.sessions[-1] if self.sessions else None
        return last if last is not None and last.exit_reason in (None, "stop_failed") else None

    @property
    def manifest(self) -> Manifest:
        """Every session so far and their files (complete once the supervisor has stopped)."""
        return Manifest(self.cname, self.mode, list(self.sessions))

    def feed(self, event: Any) -> None:
        """Hand over a webhook event (:class:`agora_cr.webhooks.Event`) of this recording; safe from
        any thread. Events of other channels are ignored."""
        if getattr(event, "cname", None) in (None, self.cname):
            self._events.append(event)

    def request_stop(self) -> None:
        """Ask :meth:`run` to return at its next wake (the session is stopped on exit)."""
        self._stop_requested = True

    # ---------------------------------------------------------------------------------- the flow
    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            _logger.info("supervisor %s: %s", self.cname, state)
            self._save()
            if self.on_change is not None:
                self.on_change(state, self)

    def _now_wall(self) -> float:
        return time.time()

    def run_flow(self, seconds: float | None) -> Flow:
        """Supervise for ``seconds`` (``None``: until :meth:`request_stop`) or until it fails."""
        clock = self.settings.clock
        until = math.inf if seconds is None else clock() + seconds
        while not self._stop_requested and clock() < until and self.state not in ("stopped", "failed"):
            if self.state in ("starting", "restarting"):
                yield from self._start_new(until)
            elif self.state == "confirming":
                yield from self._confirm(until)
            else:
                yield from self._monitor(until)

    def _start_new(self, until: float) -> Flow:
        settings = self.settings
        while not self._stop_requested and settings.clock() < until:
            uid = self.uids[self._uid_index]
            exclude = [session.resource_id for session in self.sessions] or None
            acquired = yield Call("acquire", self.cname, uid, exclude_resource_ids=exclude)
            if isinstance(acquired, ClientException):
                return self._give_up(f"acquire failed: {acquired}")
            delays, waits_65 = list(settings.start_retry_delays), list(settings.not_completed_delays)
            while not self._stop_requested and settings.clock() < until:
                blocks = dict(self._blocks.value)
                token = self._tokens.for_uid(uid)
                if token is not None:
                    blocks["token"] = token
                started = yield Call("start", acquired.resource_id, self.cname, uid, **blocks)
                del blocks, token
                if not isinstance(started, ClientException):
                    self.sessions.append(
                        SessionRecord(acquired.resource_id, started.sid, uid, self._now_wall())
                    )
                    self._started_at = settings.clock()
                    self._set("confirming")
                    return None
                if isinstance(started, ServerError) and started.error_code == 502:
                    # no worker for this resource: acquire again, after a pause, counted as a restart
                    if not self._count_restart():
                        return None
                    yield from self._wait(delays[0] if delays else settings.wake_interval, until)
                    break
                if isinstance(started, RequestNotCompletedError) and waits_65:
                    yield from self._wait(waits_65.pop(0), until)
                    continue
                if isinstance(started, (ServerError, RequestNotCompletedError)) and delays:
                    yield from self._wait(delays.pop(0), until)
                    continue
                if isinstance(started, (ServerError, RequestNotCompletedError, AlreadyStartedError)):
                    self._uid_index ^= 1  # the same parameters keep failing: the other uid
                    if not self._count_restart():
                        return None
                    break
                return self._give_up(f"start failed: {started}")
        return None

    def _confirm(self, until: float) -> Flow:
        settings = self.settings
        session = self.current
        assert session is not None
        yield from self._wait(settings.confirm_after, until)
        intervals = list(settings.confirm_intervals)
        while not self._stop_requested and settings.clock() < until:
            answer = yield Call("query", session.resource_id, session.sid)
            if not isinstance(answer, ClientException) and answer.status in RECORDING_STATUSES:
                _add_files(session, answer.files)
                self._next_refresh = settings.clock() + settings.storage_refresh_interval
                self._set("recording")
                return None
            if (
                isinstance(answer, NotFoundError)
                or settings.clock() - self._started_at >= settings.confirm_timeout
            ):
                yield from self._replace(session, "not_started")
                return None
            yield from self._wait(intervals.pop(0) if len(intervals) > 1 else intervals[0], until)
        return None

    def _monitor(self, until: float) -> Flow:
        settings = self.settings
        session = self.current
        assert session is not None
        due = settings.clock() + settings.monitor_interval
        while not self._stop_requested and settings.clock() < min(due, until):
            ended = self._take_events(session)
            if ended is not None:
                yield from self._ended(session, ended)
                return None
            if self._check_now:
                break
            yield from self._wait(min(due, until) - settings.clock(), until, events=True)
            if self.refresh_storage is not None and settings.clock() >= self._next_refresh:
                self._next_refresh = settings.clock() + settings.storage_refresh_interval
                yield from self._refresh(session)
        self._check_now = False
        if self._stop_requested or settings.clock() >= until:
            return None
        yield from self._stop_lost()
        answer = yield Call("query", session.resource_id, session.sid)
        if not isinstance(answer, ClientException):
            _add_files(session, answer.files)
            self._set("recording")
            return None
        if not isinstance(answer, NotFoundError):
            _logger.warning("supervisor %s: query failed (%s); checking again later", self.cname, answer)
            return None
        self._set("migrating")
        lost_since = self._now_wall()
        first_404 = settings.clock()
        backoff = list(settings.migration_backoff)
        # The task may take 30-90 s to move: it is lost only when it has not answered for the whole
        # migration window (longer after event 12); the back-off only spaces the questions.
        while True:
            deadline = max(first_404 + settings.migration_window, self._failover_until)
            if settings.clock() >= deadline:
                break
            step = backoff.pop(0) if backoff else settings.migration_backoff[-1]
            step_end = min(settings.clock() + step, deadline)
            while settings.clock() < step_end and not self._stop_requested and settings.clock() < until:
                yield from self._wait(step_end - settings.clock(), until, events=True)
                ended = self._take_events(session)
                if ended is not None:
                    yield from self._ended(session, ended)
                    return None
                if self._check_now:  # event 12: ask again now
                    self._check_now = False
                    break
            if self._stop_requested or settings.clock() >= until:
                return None
            answer = yield Call("query", session.resource_id, session.sid)
            if not isinstance(answer, ClientException):
                self._set("recording")
                return None
        session.ended_at = lost_since
        yield from self._replace(session, "lost")
        return None

    def _stop_lost(self, *, last: bool = False) -> Flow:
        """Stop again the tasks given up as lost: one that was only migrating slowly comes back and
        would record on beside its replacement. Each is tried at every monitoring ``query`` for
        ``lost_recheck`` seconds after it was given up (and once more at the end)."""
        now = self.settings.clock()
        for session, until in list(self._lost.items()):
            answer = yield Call(
                "stop", session.resource_id, session.sid, self.cname, session.migrated_uid or session.uid
            )
            back = not isinstance(answer, ClientException) or isinstance(
                answer, (NoRecordedDataError, InvalidOperationError)
            )
            if back and not isinstance(answer, ClientException):
                _add_files(session, answer.files)
            if back or last or now >= until:
                del self._lost[session]

    def _ended(self, session: SessionRecord, reason: str) -> Flow:
        """The recorder left by itself (events said so): stop it (435 "no recorded data" when nobody
        published) and end supervising; restarting would only idle out again."""
        yield from self._stop(session)
        if session.exit_reason in ("already_exiting", "gone"):
            session.exit_reason = reason
        self._set("stopped")

    def _replace(self, session: SessionRecord, reason: str) -> Flow:
        """End ``session`` (stopping it if it may still run) and start a new one with the other uid."""
        yield from self._stop(session)  # (a lost task may come back: it must not record on)
        if reason == "lost" and session.exit_reason in ("gone", None):
            self._lost[session] = self.settings.clock() + self.settings.lost_recheck
        session.exit_reason = reason
        self._uid_index ^= 1
        if self._count_restart():
            self._set("restarting")

    def _count_restart(self) -> bool:
        self._restarts += 1
        if self._restarts > self.settings.max_restarts:
            self._give_up(f"{self.settings.max_restarts} restarts used up")
            return False
        return True

    def _give_up(self, why: str) -> None:
        _logger.error("supervisor %s: giving up: %s", self.cname, why)
        self.failure = why
        self._set("failed")

    def _refresh(self, session: SessionRecord) -> Flow:
        assert self.refresh_storage is not None
        storage = self.refresh_storage()
        self._blocks.value["storage_config"] = storage  # a restart uses the fresh credentials too
        answer = yield Call(
            "update", session.resource_id, session.sid, self.cname, session.uid, storage_config=storage
        )
        del storage
        if isinstance(answer, ClientException):
            _logger.warning("supervisor %s: storage refresh failed: %s", self.cname, answer)

    def finish_flow(self) -> Flow:
        """Stop the live session, whatever happened (the exit of ``with``/``async with``)."""
        session = self.current
        if session is not None:
            yield from self._stop(session)
        yield from self._stop_lost(last=True)
        if session is not None and session.exit_reason == "stop_failed":
            self._set("failed")  # kept open in the state: a resumed supervisor stops it
            return None
        if self.state != "failed":
            self._set("stopped")
        self._save()

    def _stop(self, session: SessionRecord) -> Flow:
        """Stop ``session``; a failure is tried again (``stop_retry_delays``), and if it still fails
        the session stays open in the state (``stop_failed``) so that a resumed supervisor stops it."""
        uid = session.migrated_uid or session.uid
        delays = list(self.settings.stop_retry_delays)
        while True:
            answer = yield Call("stop", session.resource_id, session.sid, self.cname, uid)
            if not isinstance(answer, ClientException) or isinstance(
                answer, (NoRecordedDataError, InvalidOperationError, NotFoundError)
            ):
                break
            if not delays:
                session.exit_reason = "stop_failed"
                self.stop_error = answer
                _logger.error(
                    "supervisor %s: stop failed: %s; stop sid %s again", self.cname, answer, session.sid
                )
                self._save()
                return None
            yield Wait(delays.pop(0))
        session.ended_at = session.ended_at or self._now_wall()
        if isinstance(answer, NoRecordedDataError):
            session.exit_reason = "no_recorded_data"
        elif isinstance(answer, InvalidOperationError):
            session.exit_reason = session.exit_reason or "already_exiting"
        elif isinstance(answer, NotFoundError):
            session.exit_reason = session.exit_reason or "gone"
        else:
            session.exit_reason = session.exit_reason or "stopped"
            _add_files(session, answer.files)

    # ------------------------------------------------------------------------------ small helpers
    _check_now = False
    _next_refresh = math.inf
    _started_at = 0.0
    #: Why the supervisor gave up (state ``failed``); ``None`` otherwise.
    failure: str | None = None
    #: The last stop that failed for good (its session is ``stop_failed`` and stays in the state).
    stop_error: ClientException | None = None

    def _wait(self, seconds: float, until: float, *, events: bool = False) -> Flow:
        """Wait ``seconds`` in slices of ``wake_interval`` (so a stop request or an event is seen)."""
        settings = self.settings
        end = min(settings.clock() + max(seconds, 0.0), until)
        while not self._stop_requested:
            left = end - settings.clock()
            if left <= 0 or (events and self._events):
                return
            yield Wait(min(left, settings.wake_interval))

    def _take_events(self, session: SessionRecord) -> str | None:
        """Apply the fed events; the exit reason if they say the recorder is gone for good."""
        ended = None
        while self._events:
            event = self._events.popleft()
            if getattr(event, "sid", session.sid) != session.sid:
                continue
            name = getattr(event, "name", None)
            details = getattr(event, "details", None)
            if name == "session_failover":
                new_uid = getattr(details, "new_uid", None)
                if new_uid is not None:
                    session.migrated_uid = str(new_uid)
                self._failover_until = self.settings.clock() + self.settings.migration_window
                self._check_now = True
            elif name in ("uploaded", "backuped"):
                _add_files(session, getattr(details, "file_list", None))
            elif name == "recorder_leave" and (getattr(details, "leave_code", 0) or 0) & LEAVE_CODE_NO_USERS:
                ended = "idle"
            elif name == "session_exit" and ended is None:
                self._check_now = True
        return ended

    # ------------------------------------------------------------------------------- persistence
    def _save(self) -> None:
        if self.store is None:
            return
        data = {
            "cname": self.cname,
            "mode": self.mode,
            "uids": list(self.uids),
            "uid_index": self._uid_index,
            "restarts": self._restarts,
            "state": self.state,
            "sessions": [asdict(session) for session in self.sessions],
        }
        self.store.save(data)

    def _resume(self) -> None:
        """Pick up a recording a previous process supervised (its state file), instead of leaking it."""
        data = None if self.store is None else self.store.load()
        if not data:
            return
        if not isinstance(data, dict) or data.get("cname") != self.cname or data.get("mode") != self.mode:
            raise ValidationError(f"{self.store} holds the state of another recording", field="state_file")
        if data.get("state") in ("stopped", "failed") and not any(
            session.get("exit_reason") in (None, "stop_failed") for session in data.get("sessions", [])
        ):
            return  # finished: a new recording starts
        try:
            self.sessions = [SessionRecord(**session) for session in data.get("sessions", [])]
        except TypeError as exc:
            raise ValidationError(
                f"{self.store} is not a supervisor's state ({exc})", field="state_file"
            ) from None
        self._uid_index = int(data.get("uid_index", 0))
        self._restarts = int(data.get("restarts", 0))
        if self.current is not None:
            self._started_at = self.settings.clock()
            self.state = "confirming"  # check it with query before trusting it
            _logger.info("supervisor %s: resuming sid %s from %s", self.cname, self.current.sid, self.store)


def _add_files(session: SessionRecord, files: Any) -> None:
    """Add the files of a result or an event (views over generated models) to ``session``."""
    session.add_files([item.model.to_dict() for item in files or ()])


class _Hidden(Generic[T]):
    """A value that holds secrets (storage keys, a token, the App Certificate), shown as ``***``."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "***"


class _Tokens:
    """The recorder's token for each uid: the one given (checked to outlive ``duration``), or minted
    from the App Certificate."""

    def __init__(
        self, owner: Supervisor, token: str | None, certificate: str | None, duration: float | None
    ) -> None:
        self._token = None if token is None else _Hidden(token)
        self._app_id = owner.client._config.app_id
        self._cname = owner.cname
        self._certificate = _Hidden(certificate) if certificate else None
        del certificate
        if token is not None and self._certificate is not None:
            raise ValidationError("give token= or app_certificate=, not both", field="token")
        if token is not None:
            parsed = parse_token(token)
            if parsed.uid:
                raise ValidationError(
                    f"token= is for uid {parsed.uid!r}: a restart with the backup uid needs a token too; "
                    "pass a token for any uid (built for uid 0) or app_certificate=",
                    field="token",
                )
            if duration is not None and parsed.valid_until() < time.time() + duration:
                raise ValidationError(
                    f"the token ends before the planned duration ({duration:g} s): it cannot be renewed "
                    "during a recording; mint one that outlives it",
                    field="token",
                )
        if self._certificate is not None and duration is not None and duration > MAX_EXPIRE:
            raise ValidationError(
                f"a recording longer than {MAX_EXPIRE} s outlives any token (24 h at most)", field="duration"
            )

    def for_uid(self, uid: str) -> str | None:
        if self._certificate is None:
            return None if self._token is None else self._token.value
        return build_rtc_token(self._app_id, self._certificate.value, self._cname, uid, expire=MAX_EXPIRE)
