"""The emulator's notification service (NCS): signed POSTs of each session's events to a webhook URL.

What it sends, as the docs describe (AgoraIO/Docs-Source, shared/notification-center-service/): on
``start``, ``recorder_started`` (40, then ``recorder_slice_start`` 42 in mix mode) or, in web mode,
``web_recorder_started`` (70); on ``stop``, ``recorder_leave`` (41, leaveCode 16; web:
``web_recorder_stopped`` 71, code 0), then ``uploader_started`` (30), ``uploaded`` (31, with the
files) and ``session_exit`` (11). A session that ends by itself sends the same end, with leaveCode 4
(idle channel after ``maxIdleTime``) or web code 1 (``maxRecordingHour``). Each body
is signed with ``Agora-Signature`` and ``Agora-Signature-V2``; ``sequence`` counts each session's
notifications from 0. A delivery succeeds on a ``200`` with a JSON body within ``timeout``; otherwise
it is sent again (a new ``notifyMs``, signed again, the same ``noticeId``): at once, then after
growing intervals, at most three times. Faults (:meth:`Notifier.inject`) drop, duplicate, delay or
hold back (reorder) deliveries. Every attempt is recorded (:class:`RecordedDelivery`).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from agora_cr.testing import payloads
from agora_cr.testing.state import Session, Store
from agora_cr.webhooks import dumps, event_kinds, sign

#: Seconds before each resend after a failed delivery (NCS: at once, then growing; three at most).
RETRY_DELAYS = (0.0, 1.0, 3.0)
FAULT_KINDS = ("drop", "duplicate", "delay", "reorder")

_SERVICE_TYPES = {40: 1, 41: 1, 42: 1, 30: 2, 31: 2, 70: 6, 71: 6, 11: 0, 12: 0}
#: recorder_leave's leaveCode when the recorder left because ``stop`` was called
#: (LEAVE_CODE_CLIENT_LEAVE in the docs' bitmask).
LEAVE_CODE_CLIENT_LEAVE = 16
#: recorder_leave's leaveCode when the recorder left an empty channel after maxIdleTime.
LEAVE_CODE_NO_USERS = 4
#: Seconds between looks for sessions that ended by themselves.
WATCH_INTERVAL = 0.2


@dataclass(frozen=True)
class RecordedDelivery:
    """One attempt to deliver a notification (``Emulator.deliveries``)."""

    #: The ``noticeId`` (the same on every attempt of one notification).
    notice_id: str
    #: The ``eventType`` (40 ``recorder_started``, 31 ``uploaded``, 11 ``session_exit``, ...).
    event_type: int
    #: The session it is about.
    sid: str
    #: The ``payload.sequence``: the session's notifications counted from 0.
    sequence: int
    #: 1 for the first attempt, then 2, 3, ... for the resends.
    attempt: int
    #: The receiver's HTTP status (``None``: no answer: refused, timed out).
    status: int | None
    #: Why the attempt counts as failed (``None``: delivered).
    error: str | None
    #: The fault that shaped it (``duplicate``, ``delay``, ``reorder``), if any.
    fault: str | None
    #: The JSON body sent.
    body: dict[str, Any] = field(repr=False)
    #: When it was sent (``time.monotonic()``).
    time: float = 0.0

    @property
    def delivered(self) -> bool:
        """True when the receiver accepted it (``error`` is ``None``)."""
        return self.error is None


@dataclass
class WebhookFault:
    """A queued fault on the next deliveries (of one event type, or any)."""

    #: ``drop``, ``duplicate``, ``delay`` or ``reorder`` (see ``Emulator.inject_webhook``).
    kind: str
    #: The event type it applies to; ``None``: any.
    event_type: int | None
    #: How many notifications it shapes; ``None``: every one.
    times: int | None
    #: Seconds a ``delay`` fault holds a notification back.
    delay: float
    #: How many notifications it shaped so far.
    used: int = 0


class Notifier:
    """Sends one emulator's notifications (runs on the emulator's event loop)."""

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        timeout: float = 10.0,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        store: Store | None = None,
        max_recorded: int = 100_000,
    ) -> None:
        self.url = url
        self.max_recorded = max_recorded
        self._store = store
        self._live: dict[str, Session] = {}  # started, not yet seen ending
        self._watcher: asyncio.Task[None] | None = None
        self._key = secret
        self.timeout = timeout
        self.retry_delays = tuple(retry_delays)
        self.deliveries: list[RecordedDelivery] = []
        self._faults: list[WebhookFault] = []
        self._sequences: dict[str, int] = {}
        self._queue: asyncio.Queue[tuple[dict[str, Any], str | None]] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._side: set[asyncio.Task[None]] = set()
        self._held: list[dict[str, Any]] = []
        self._http: httpx.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"Notifier(url={self.url!r}, secret='***')"

    # -- faults ---------------------------------------------------------------------------------
    def inject(
        self, kind: str, *, event_type: int | None = None, times: int | None = 1, delay: float = 1.0
    ) -> WebhookFault:
        if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
            raise ValueError("times must be None (every one) or an integer >= 1")
        if not (isinstance(delay, (int, float)) and 0 <= delay < float("inf")):
            raise ValueError("delay must be a finite number of seconds >= 0")
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown webhook fault {kind!r}; known: {', '.join(FAULT_KINDS)}")
        fault = WebhookFault(kind, event_type, times, delay)
        self._faults.append(fault)
        return fault

    def _fault_for(self, event_type: int) -> WebhookFault | None:
        for fault in self._faults:
            if fault.event_type in (None, event_type) and (fault.times is None or fault.used < fault.times):
                fault.used += 1
                if fault.times is not None and fault.used >= fault.times:
                    self._faults.remove(fault)
                return fault
        return None

    # -- events of a session --------------------------------------------------------------------
    def session_started(self, session: Session) -> None:
        """``start`` succeeded: its first events; then watched for ending by itself."""
        self._live[session.sid] = session
        if self._watcher is None and self._store is not None:
            self._watcher = asyncio.get_running_loop().create_task(self._watch())
        if session.mode == "web":
            self._emit(session, [(70, {"recorderStartTime": session.slice_start_ms})])
            return
        events: list[tuple[int, dict[str, Any]]] = [(40, {"status": 0})]
        if session.mode == "mix":
            start = session.slice_start_ms
            events.append(
                (
                    42,
                    {
                        "startUtcMs": start,
                        "discontinueUtcMs": start,
                        "mixedAllUser": True,
                        "streamUid": "0",
                        "trackType": "audio_and_video",
                    },
                )
            )
        self._emit(session, events)

    def session_stopped(self, session: Session, users: int) -> None:
        """``stop`` was called (or the session ended by itself: ``session.exit_reason``)."""
        self._live.pop(session.sid, None)
        if session.mode == "web":
            files = [
                {"fileName": item["filename"], "sliceStartTime": item["sliceStartTime"]}
                for item in payloads._web_files(session)
            ]
            code, message, why = (
                (1, "max_recording_hour", "maxRecordingHour was reached")
                if session.exit_reason == "maxRecordingHour"
                else (0, "ok", "stopped by the user")
            )
            first: tuple[int, dict[str, Any]] = (
                71,
                {"code": code, "message": message, "details": why, "fileList": files},
            )
            uploaded: dict[str, Any] = {"status": 0}
        else:
            leave = LEAVE_CODE_NO_USERS if session.exit_reason == "idle" else LEAVE_CODE_CLIENT_LEAVE
            first = (41, {"leaveCode": leave})
            uploaded = {"status": 0, "fileList": _uploaded_files(session, users)}
        self._emit(session, [first, (30, {"status": 0}), (31, uploaded), (11, {"exitStatus": 0})])
        self._sequences.pop(session.sid, None)  # its last notification: the counter goes

    def session_failed_over(self, session: Session, new_uid: int) -> None:
        """High availability moved the task: event 12 with the new uid."""
        self._emit(session, [(12, {"newUid": new_uid})])

    def check(self) -> None:
        """Send the end of every session that ended by itself (idle channel, web maxRecordingHour)."""
        store = self._store
        if store is None or not self._live:
            return
        with store.lock:
            ended = []
            for sid, session in list(self._live.items()):
                phase = store.phase(session)
                if phase == "gone" or session.exit_reason == "stop":
                    self._live.pop(sid, None)
                elif session.ended_at is not None:
                    ended.append((session, store.channel_users(session.cname)))
        for session, users in ended:
            self.session_stopped(session, users)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_INTERVAL)
            self.check()

    def _emit(self, session: Session, events: list[tuple[int, dict[str, Any]]]) -> None:
        queue = self._start()
        for event_type, details in events:
            sequence = self._sequences.get(session.sid, 0)
            self._sequences[session.sid] = sequence + 1
            envelope = {
                "noticeId": secrets.token_hex(16),
                "productId": 3,
                "eventType": event_type,
                "notifyMs": 0,
                "payload": {
                    "cname": session.cname,
                    "uid": session.uid,
                    "sid": session.sid,
                    "sequence": sequence,
                    "sendts": int(time.time() * 1000),
                    "serviceType": _SERVICE_TYPES[event_type],
                    "details": {"msgName": event_kinds()[event_type].name, **details},
                },
            }
            fault = self._fault_for(event_type)
            kind = None if fault is None else fault.kind
            if kind == "drop":
                continue
            if kind == "delay":
                assert fault is not None
                self._spawn(self._later(envelope, fault.delay))
                continue
            if kind == "reorder":
                self._held.append(envelope)
                continue
            queue.put_nowait((envelope, kind))

    # -- delivery -------------------------------------------------------------------------------
    def _start(self) -> asyncio.Queue[tuple[dict[str, Any], str | None]]:
        if self._queue is None:
            self._queue = asyncio.Queue()
            self._worker = asyncio.get_running_loop().create_task(self._work(self._queue))
        return self._queue

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._side.add(task)
        task.add_done_callback(self._side.discard)

    async def _later(self, envelope: dict[str, Any], delay: float) -> None:
        await asyncio.sleep(delay)
        await self._deliver(envelope, "delay")

    async def _work(self, queue: asyncio.Queue[tuple[dict[str, Any], str | None]]) -> None:
        while True:
            envelope, kind = await queue.get()
            try:
                await self._deliver(envelope, kind)
                if kind == "duplicate":
                    await self._deliver(envelope, kind)
                while self._held and kind != "reorder":  # held back: now after the one just sent
                    await self._deliver(self._held.pop(0), "reorder")
            finally:
                queue.task_done()

    async def _deliver(self, envelope: dict[str, Any], fault: str | None) -> None:
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self.timeout)
        for attempt, delay in enumerate((0.0, *self.retry_delays), start=1):
            if delay:
                await asyncio.sleep(delay)
            envelope["notifyMs"] = int(time.time() * 1000)
            body = dumps(envelope)
            headers = {"Content-Type": "application/json", **sign(body, self._key)}
            status, error = None, None
            try:
                response = await self._http.post(self.url, content=body, headers=headers)
                status = response.status_code
                if status != 200:
                    error = f"HTTP {status}"
                else:
                    json.loads(response.content)
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            except (ValueError, RecursionError):
                error = "the answer is not JSON"
            except Exception as exc:  # (a bad URL, ...): recorded as a failed attempt, never fatal
                error = f"{type(exc).__name__}: {exc}"
            payload = envelope["payload"]
            self._record(
                RecordedDelivery(
                    envelope["noticeId"],
                    envelope["eventType"],
                    payload["sid"],
                    payload["sequence"],
                    attempt,
                    status,
                    error,
                    fault,
                    json.loads(body),
                    time.monotonic(),
                )
            )
            if error is None:
                return

    def _record(self, delivery: RecordedDelivery) -> None:
        self.deliveries.append(delivery)
        if len(self.deliveries) > self.max_recorded:
            del self.deliveries[: len(self.deliveries) - self.max_recorded]

    async def idle(self) -> None:
        """Wait until every queued, delayed and held notification has been delivered (or given up)."""
        while True:
            if self._queue is not None:
                await self._queue.join()
            if self._held:
                for envelope in self._held[:]:
                    self._held.remove(envelope)
                    await self._deliver(envelope, "reorder")
                continue
            if not self._side:
                return
            await asyncio.gather(*list(self._side), return_exceptions=True)

    async def aclose(self) -> None:
        for background in (self._worker, self._watcher):
            if background is not None:
                background.cancel()
        for task in list(self._side):
            task.cancel()
        if self._http is not None:
            await self._http.aclose()
        # Everything above belonged to the loop that is ending: a restarted emulator starts afresh.
        self._queue, self._worker, self._watcher, self._http = None, None, None, None
        self._side = set()
        self._held = []


def _uploaded_files(session: Session, users: int) -> list[dict[str, Any]]:
    fields = payloads.file_fields(session, users)
    files = fields["fileList"]
    if isinstance(files, str):  # fileListMode "string": one HLS playlist of the mix
        files = [
            {
                "fileName": files,
                "trackType": "audio_and_video",
                "uid": "0",
                "mixedAllUser": True,
                "isPlayable": True,
                "sliceStartTime": session.slice_start_ms,
            }
        ]
    return list(files)
