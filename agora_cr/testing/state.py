"""Resources, sessions and the recording state machine (reference §2), on an emulated clock.

Lifecycle of a session (``phase``)::

    live ──stop / idle exit / maxRecordingHour──► exiting ──exiting_period──► gone
      └──────────── resourceExpiredHour after start ──────────────────────────► gone

``query``/``update``/``updateLayout`` work only while live (else 404 code 404); ``stop`` answers
400 code 49 while exiting (also after maxIdleTime fired, as the docs say) and 404 once gone.
Failures (``Emulator.fail_session``): a lost worker answers 404 for good; a migrating task 404 until
it is back with a new uid; a stuck start never reaches status 4. Everything is evaluated lazily
against ``now()``, so advancing the clock is all a test needs to do.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agora_cr.testing import payloads

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class Reply:
    """An HTTP status and JSON body produced by the emulated service."""

    status: int
    body: Any
    headers: tuple[tuple[str, str], ...] = ()
    #: What the request did that the spec documents otherwise, though the service takes it.
    lints: tuple[str, ...] = ()

    @property
    def code(self) -> int | None:
        """The service ``code`` of an error body, if any."""
        if isinstance(self.body, dict) and isinstance(self.body.get("code"), int):
            return int(self.body["code"])
        return None


def service_error(status: int, code: int, reason: str) -> Reply:
    return Reply(status, {"code": code, "reason": reason})


def not_found() -> Reply:
    return service_error(404, 404, "failed to find worker")


@dataclass
class Resource:
    """A resource ID handed out by ``acquire``."""

    resource_id: str
    app_id: str
    cname: str
    uid: str
    scene: int
    expired_hour: int
    acquired_at: float
    start_parameter: JsonObject | None = field(default=None, repr=False)  # may hold secrets
    sid: str | None = None


@dataclass
class Session:
    """One recording task (one resource ID, one sid)."""

    sid: str
    resource_id: str
    app_id: str
    cname: str
    uid: str
    mode: str
    client_request: JsonObject = field(repr=False)  # holds storage keys and the token; see __repr__
    started_at: float
    slice_start_ms: int
    expired_hour: int
    ended_at: float | None = None
    exit_reason: str | None = None
    query_count: int = 0
    onhold: bool = False
    rtmp_urls: list[str] = field(default_factory=list)
    layout: JsonObject = field(default_factory=dict)
    #: A failure played by ``Emulator.fail_session``: ``lost``, ``migrating`` or ``stuck``.
    failure: str | None = None
    #: When a migration ends (emulated time); then the task answers again, with ``uid`` new.
    failure_until: float = 0.0
    #: The uid the session started with (``uid`` changes when it migrates).
    first_uid: str = ""


@dataclass
class _Channel:
    users: int
    since: float


class Store:
    """The emulated service's state; every public method is thread-safe."""

    def __init__(
        self,
        clock: Callable[[], float],
        wall_clock: Callable[[], float],
        *,
        resource_ttl: float = 300.0,
        exiting_period: float = 10.0,
        status_interval: float = 2.0,
    ) -> None:
        self._clock = clock
        self._wall_clock = wall_clock
        self._offset = 0.0
        self.resource_ttl = resource_ttl
        self.exiting_period = exiting_period
        self.status_interval = status_interval
        self.lock = threading.RLock()
        self.resources: dict[str, Resource] = {}
        self.sessions: dict[str, Session] = {}
        #: Sessions per (app_id, cname, uid), for the code-53 conflict check without a full scan.
        self._by_task: dict[tuple[str, str, str], list[Session]] = {}
        self._channels: dict[str, _Channel] = {}
        self._acquired = 0
        self._next_prune = 1024  # acquires until the next sweep of expired resources and gone sessions

    # -- time -----------------------------------------------------------------------------------
    def now(self) -> float:
        """Emulated time in seconds (the clock plus every :meth:`advance`)."""
        return self._clock() + self._offset

    def wall_now(self) -> float:
        """Emulated Unix time in seconds (the wall clock plus every :meth:`advance`)."""
        return self._wall_clock() + self._offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    # -- channels -------------------------------------------------------------------------------
    def channel_users(self, cname: str) -> int:
        channel = self._channels.get(cname)
        return channel.users if channel else 0

    def set_channel_users(self, cname: str, users: int) -> None:
        with self.lock:
            now = self.now()
            for session in self.sessions.values():
                if session.cname == cname:
                    self._settle(session, now)
            self._channels[cname] = _Channel(max(0, users), now)

    # -- lifecycle ------------------------------------------------------------------------------
    def _auto_end(self, session: Session) -> float | None:
        """When the session leaves by itself (idle channel, web maxRecordingHour), if it will."""
        if session.mode == "web":
            for service in session.client_request["extensionServiceConfig"]["extensionServices"]:
                if service.get("serviceName") == "web_recorder_service":
                    hours = float(service["serviceParam"]["maxRecordingHour"])
                    return session.started_at + 3600.0 * hours
            return None
        channel = self._channels.get(session.cname)
        if channel is not None and channel.users > 0:
            return None
        idle_from = max(session.started_at, channel.since if channel else session.started_at)
        max_idle = (session.client_request.get("recordingConfig") or {}).get("maxIdleTime", 30)
        return idle_from + float(max_idle)

    def _settle(self, session: Session, now: float) -> None:
        if session.ended_at is None:
            end = self._auto_end(session)
            if end is not None and now >= end:
                session.ended_at = end
                session.exit_reason = "maxRecordingHour" if session.mode == "web" else "idle"

    def phase(self, session: Session, now: float | None = None) -> str:
        """``live``, ``exiting`` or ``gone``."""
        now = self.now() if now is None else now
        if now >= session.started_at + 3600.0 * session.expired_hour:
            return "gone"
        self._settle(session, now)
        if session.ended_at is None:
            return "live"
        return "exiting" if now < session.ended_at + self.exiting_period else "gone"

    def _prune(self, now: float) -> None:
        for rid in [
            rid
            for rid, res in self.resources.items()
            if res.sid is None and now - res.acquired_at > 2 * self.resource_ttl
        ]:
            del self.resources[rid]
        for sid in [sid for sid, session in self.sessions.items() if self.phase(session, now) == "gone"]:
            del self.sessions[sid]
        self._by_task = {}
        for session in self.sessions.values():
            self._by_task.setdefault((session.app_id, session.cname, session.uid), []).append(session)

    # -- operations -----------------------------------------------------------------------------
    def acquire(self, app_id: str, body: JsonObject) -> Reply:
        client = body.get("clientRequest") or {}
        with self.lock:
            now = self.now()
            self._acquired += 1
            if self._acquired >= self._next_prune:  # amortised: each prune follows n/2 new resources
                self._prune(now)
                self._next_prune = self._acquired + max(1024, len(self.resources) // 2)
            resource = Resource(
                resource_id=secrets.token_urlsafe(96),
                app_id=app_id,
                cname=body["cname"],
                uid=body["uid"],
                scene=int(client.get("scene", 0)),
                expired_hour=int(client.get("resourceExpiredHour", 72)),
                acquired_at=now,
                start_parameter=client.get("startParameter"),
            )
            self.resources[resource.resource_id] = resource
        return Reply(200, {"cname": resource.cname, "uid": resource.uid, "resourceId": resource.resource_id})

    def start(self, app_id: str, resource_id: str, mode: str, body: JsonObject) -> Reply:
        with self.lock:
            now = self.now()
            resource = self.resources.get(resource_id)
            if resource is None:
                return service_error(400, 1001, "resource id could not be parsed")
            if resource.app_id != app_id:
                return service_error(400, 1003, "appid does not match the resource id")
            if resource.sid is not None:
                return service_error(201, 7, "already started")
            if now - resource.acquired_at >= self.resource_ttl:
                return service_error(400, 433, "resource expired")
            if (mode == "web") != (resource.scene == 1):
                wanted = "1" if mode == "web" else "0 or 2"
                return service_error(400, 2, f"mode: {mode} needs a resource acquired with scene {wanted}")
            if (body["cname"], body["uid"]) != (resource.cname, resource.uid):
                return service_error(400, 432, "cname or uid does not match the resource id")
            client = body["clientRequest"]
            if resource.start_parameter is not None and resource.start_parameter != client:
                return service_error(400, 2, "clientRequest: does not match acquire's startParameter")
            task = (app_id, body["cname"], body["uid"])
            phases = [(other, self.phase(other, now)) for other in self._by_task.get(task, ())]
            if any(phase == "live" for _, phase in phases):
                return service_error(400, 53, "task conflict")
            same_task = [other for other, phase in phases if phase != "gone"]
            session = Session(
                sid=secrets.token_hex(16),
                resource_id=resource_id,
                app_id=app_id,
                cname=resource.cname,
                uid=resource.uid,
                mode=mode,
                client_request=client,
                started_at=now,
                slice_start_ms=int(self.wall_now() * 1000),
                expired_hour=resource.expired_hour,
            )
            for service in (client.get("extensionServiceConfig") or {}).get("extensionServices", []):
                if service.get("serviceName") == "web_recorder_service":
                    session.onhold = bool(service["serviceParam"].get("onhold", False))
                if service.get("serviceName") == "rtmp_publish_service":
                    session.rtmp_urls = [out["rtmpUrl"] for out in service["serviceParam"]["outputs"]]
            resource.sid = session.sid
            self.sessions[session.sid] = session
            self._by_task[task] = [*same_task, session]
        return Reply(200, self._ids(session))

    @staticmethod
    def _ids(session: Session) -> JsonObject:
        return {
            "cname": session.cname,
            "uid": session.uid,
            "resourceId": session.resource_id,
            "sid": session.sid,
        }

    def _find(
        self, app_id: str, resource_id: str, sid: str, mode: str, body: JsonObject | None
    ) -> tuple[Session, str] | Reply:
        session = self.sessions.get(sid)
        if session is None or session.resource_id != resource_id or session.app_id != app_id:
            return not_found()
        phase = self.phase(session)
        if phase == "gone" or self._failed(session):
            return not_found()
        if mode != session.mode:
            return service_error(400, 2, f"mode: the session was started in {session.mode} mode")
        if body is not None and (
            body["cname"] != session.cname or body["uid"] not in (session.uid, session.first_uid)
        ):
            return not_found()
        return session, phase

    def _failed(self, session: Session) -> bool:
        """Whether a played failure hides the session now (a migration ends by itself)."""
        if session.failure == "lost":
            return True
        if session.failure == "migrating":
            if self.now() < session.failure_until:
                return True
            session.failure = None
        return False

    def fail(self, sid: str, how: str, duration: float, new_uid: str) -> Session:
        """Play a failure of a live session (see ``Emulator.fail_session``)."""
        with self.lock:
            session = self.sessions.get(sid)
            if session is None or self.phase(session) != "live":
                raise KeyError(f"no live session {sid!r}")
            if not session.first_uid:
                session.first_uid = session.uid
            if how == "lost":
                session.failure = "lost"
            elif how == "migrate":
                session.failure, session.failure_until = "migrating", self.now() + duration
                session.uid = new_uid
            elif how == "never_start":
                session.failure = "stuck"
            elif how == "idle":
                session.ended_at, session.exit_reason = self.now(), "idle"
            else:
                raise ValueError(f"unknown failure {how!r}: lost, migrate, never_start or idle")
            return session

    def query(self, app_id: str, resource_id: str, sid: str, mode: str) -> Reply:
        with self.lock:
            found = self._find(app_id, resource_id, sid, mode, None)
            if isinstance(found, Reply):
                return found
            session, phase = found
            if phase != "live":
                return not_found()
            elapsed = self.now() - session.started_at
            step = session.query_count
            if self.status_interval > 0:
                step = max(step, int(elapsed / self.status_interval))
            session.query_count += 1
            status = payloads.STATUS_PROGRESSION[min(step, len(payloads.STATUS_PROGRESSION) - 1)]
            if session.failure == "stuck":
                status = payloads.STATUS_PROGRESSION[0]  # initialised, never recording
            server = payloads.query_server_response(session, status, self.channel_users(session.cname))
        return Reply(200, {**self._ids(session), "serverResponse": server})

    def update(self, app_id: str, resource_id: str, sid: str, mode: str, body: JsonObject) -> Reply:
        with self.lock:
            found = self._find(app_id, resource_id, sid, mode, body)
            if isinstance(found, Reply):
                return found
            session, phase = found
            if phase != "live":
                return not_found()
            client = body["clientRequest"]
            if "webRecordingConfig" in client:
                session.onhold = bool(client["webRecordingConfig"]["onhold"])
            if "rtmpPublishConfig" in client:
                session.rtmp_urls = [out["rtmpUrl"] for out in client["rtmpPublishConfig"]["outputs"]]
            if "streamSubscribe" in client:
                recording = dict(session.client_request.get("recordingConfig") or {})
                for lists in client["streamSubscribe"].values():
                    recording.update(lists)
                session.client_request = {**session.client_request, "recordingConfig": recording}
            if "storageConfig" in client:
                session.client_request = {**session.client_request, "storageConfig": client["storageConfig"]}
        return Reply(200, self._ids(session))

    def update_layout(self, app_id: str, resource_id: str, sid: str, mode: str, body: JsonObject) -> Reply:
        with self.lock:
            found = self._find(app_id, resource_id, sid, mode, body)
            if isinstance(found, Reply):
                return found
            session, phase = found
            if phase != "live":
                return not_found()
            session.layout = dict(body["clientRequest"])
        return Reply(200, self._ids(session))

    def stop(self, app_id: str, resource_id: str, sid: str, mode: str, body: JsonObject) -> Reply:
        with self.lock:
            found = self._find(app_id, resource_id, sid, mode, body)
            if isinstance(found, Reply):
                return found
            session, phase = found
            if phase != "live":
                return service_error(400, 49, "invalid operation")
            session.ended_at = self.now()
            session.exit_reason = "stop"
            server = payloads.stop_server_response(session, self.channel_users(session.cname))
        return Reply(200, {**self._ids(session), "serverResponse": server})
