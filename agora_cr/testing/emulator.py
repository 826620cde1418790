"""The :class:`Emulator` facade: credentials, hosts, request log, faults and emulated time."""

from __future__ import annotations

import asyncio
import base64
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Literal, cast

from agora_cr.testing.faults import Fault, FaultPlan, RequestInfo, build_fault
from agora_cr.testing.notifications import RETRY_DELAYS, Notifier, RecordedDelivery, WebhookFault
from agora_cr.testing.ratelimit import SlidingWindowLimiter
from agora_cr.testing.records import RecordedRequest, build, kept_body, kept_headers
from agora_cr.testing.server import HttpRequest, HttpResponse, HttpServer, Listener, json_text
from agora_cr.testing.service import NO_JSON, Prepared, Service
from agora_cr.testing.state import Session, Store
from agora_cr.testing.validation import compiled

PRIMARY_HOST = "primary"


class Emulator:
    """An offline Agora Cloud Recording service on a real loopback HTTP server.

    Use it as a context manager (or call :meth:`start` / :meth:`close`); see the package docstring
    of :mod:`agora_cr.testing` for the behaviour and the fault-injection API.
    """

    def __init__(
        self,
        *,
        app_id: str | None = None,
        customer_id: str | None = None,
        customer_secret: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        resource_ttl: float = 300.0,
        qps_limit: int | None = 10,
        clock: Callable[[], float] | Literal["manual"] | None = None,
        status_interval: float = 2.0,
        exiting_period: float = 10.0,
        max_recorded: int = 100_000,
        strict: bool = False,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        webhook_timeout: float = 10.0,
        webhook_retry_delays: tuple[float, ...] = RETRY_DELAYS,
        app_certificate: str | None = None,
        latency: float = 0.0,
    ) -> None:
        if not latency >= 0:
            raise ValueError("latency must be a number of seconds >= 0")
        #: Seconds added before every answer: a network round trip (benchmarks, timeouts in tests).
        self.latency = float(latency)
        self.app_id = app_id or secrets.token_hex(16)
        self.customer_id = customer_id or secrets.token_hex(16)
        self.customer_secret = customer_secret or secrets.token_hex(16)
        self.host = host
        self._port = port
        self.max_recorded = max_recorded
        if clock == "manual":  # time stands still but for advance(): 90-second scenarios in milliseconds
            started = time.time()
            clock, wall = (lambda: 0.0), (lambda: started)
        else:
            wall = time.time
        self._store = Store(
            clock or time.monotonic,
            wall,
            resource_ttl=resource_ttl,
            exiting_period=exiting_period,
            status_interval=status_interval,
        )
        self._service = Service(
            compiled(),
            self._store,
            app_id=self.app_id,
            customer_id=self.customer_id,
            customer_secret=self.customer_secret,
            limiter=None,
            strict=strict,
            app_certificate=app_certificate,
        )
        self.set_qps_limit(qps_limit)
        self._faults = FaultPlan()
        self._requests: deque[RecordedRequest | tuple[Any, ...]] = deque()
        self._requests_lock = threading.Lock()
        self._server: HttpServer | None = None
        #: The secret notifications are signed with (generated when ``webhook_url`` is given alone).
        self.webhook_secret = webhook_secret or (secrets.token_hex(16) if webhook_url else None)
        self._notifier = (
            None
            if webhook_url is None or self.webhook_secret is None
            else Notifier(
                webhook_url,
                self.webhook_secret,
                timeout=webhook_timeout,
                retry_delays=webhook_retry_delays,
                store=self._store,
                max_recorded=max_recorded,
            )
        )

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> Emulator:
        """Start serving (idempotent); returns ``self``."""
        if self._server is None:
            server = HttpServer(self._handle)
            server.start()
            try:
                server.call(server.open_listener(PRIMARY_HOST, self.host, self._port))
            except BaseException:
                server.stop()
                raise
            self._server = server
        return self

    def close(self) -> None:
        """Stop serving: close every listener and connection and join the server thread."""
        server, self._server = self._server, None
        if server is not None:
            if self._notifier is not None:
                server.call(self._notifier.aclose())
            server.stop()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _running(self) -> HttpServer:
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() or use it as a context manager")
        return self._server

    # -- addresses and credentials --------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` of the primary host."""
        return self._running().listeners[PRIMARY_HOST].url

    @property
    def hosts(self) -> dict[str, str]:
        """Every host's name and base URL (the primary host is named ``primary``)."""
        return {name: listener.url for name, listener in self._running().listeners.items()}

    @property
    def auth(self) -> tuple[str, str]:
        """``(customer_id, customer_secret)``, e.g. for ``httpx.Client(auth=emu.auth)``."""
        return (self.customer_id, self.customer_secret)

    @property
    def authorization(self) -> str:
        """The ``Authorization`` header value the emulator accepts."""
        token = base64.b64encode(f"{self.customer_id}:{self.customer_secret}".encode()).decode()
        return f"Basic {token}"

    @property
    def peak_connections(self) -> int:
        """The most connections any one host has held open at the same time."""
        return max((listener.peak_connections for listener in self._running().listeners.values()), default=0)

    def add_host(self, name: str, port: int = 0) -> str:
        """Start another listener (same state, new port) named ``name``; returns its base URL."""
        server = self._running()
        if name in server.listeners:
            raise ValueError(f"host {name!r} exists already")
        return server.call(server.open_listener(name, self.host, port)).url

    def _listener(self, name_or_url: str) -> Listener:
        listeners = self._running().listeners
        key = name_or_url.rstrip("/")
        for listener in listeners.values():
            if key in (listener.name, listener.url):
                return listener
        raise KeyError(f"no host named {name_or_url!r}; known: {sorted(listeners)}")

    def set_host_down(self, name_or_url: str, down: bool = True) -> None:
        """Close a host's listening socket and connections (``down``) or reopen it on its port."""
        server = self._running()
        server.call(server.set_down(self._listener(name_or_url).name, down))

    def is_host_down(self, name_or_url: str) -> bool:
        """Whether :meth:`set_host_down` took this host (name or base URL) down."""
        return self._listener(name_or_url).down

    # -- behaviour knobs ------------------------------------------------------------------------
    def set_qps_limit(self, qps_limit: int | None) -> None:
        """Change the rate limit (requests per second); None disables it."""
        self.qps_limit = qps_limit
        self._service.limiter = None if qps_limit is None else SlidingWindowLimiter(qps_limit, time.monotonic)

    def set_channel_users(self, cname: str, users: int) -> None:
        """Set the user count of channel ``cname``; at 0, non-web sessions leave after maxIdleTime."""
        self._store.set_channel_users(cname, users)

    def advance_time(self, seconds: float) -> None:
        """Move emulated time forward (resource TTL, idle exit, resourceExpiredHour, status progression)."""
        self._store.advance(seconds)
        self._on_notifier_loop(lambda notifier: notifier.check())  # sessions it ended notify at once

    def advance(self, seconds: float) -> None:
        """Move emulated time forward (the same as :meth:`advance_time`; the name for ``clock="manual"``)."""
        self.advance_time(seconds)

    def fail_session(self, sid: str, how: str, *, duration: float = 60.0, new_uid: str | None = None) -> None:
        """Play a failure of a live session, as the service shows it:

        * ``"lost"``: the worker is gone; ``query``/``update``/``stop`` answer 404 from now on;
        * ``"migrate"``: high availability moves the task: 404 for ``duration`` seconds, then it answers
          again with a new uid (``new_uid``, or a random one), announced by event 12 ``session_failover``;
        * ``"never_start"``: ``query`` never reaches status 4/5 (the recorder never records);
        * ``"idle"``: the recorder leaves now as after ``maxIdleTime`` with nobody publishing (its end
          notifications, then 400 code 49 on ``stop`` while exiting, and 404 once gone).
        """
        uid = new_uid or str(secrets.randbelow(4_000_000_000) + 1)
        session = self._store.fail(sid, how, duration, uid)
        if how == "migrate":
            self._on_notifier_loop(lambda notifier: notifier.session_failed_over(session, int(uid)))
        elif how == "idle":
            self._on_notifier_loop(lambda notifier: notifier.check())

    def _on_notifier_loop(self, action: Callable[[Notifier], None]) -> None:
        """Run ``action(notifier)`` on the server's loop, where the notifier's tasks live."""
        notifier, server = self._notifier, self._server
        if notifier is None or server is None:
            return

        async def run() -> None:
            action(notifier)

        server.call(run())

    def now(self) -> float:
        """Emulated time in seconds."""
        return self._store.now()

    @property
    def sessions(self) -> list[Session]:
        """The sessions the emulator knows (live, exiting or recently gone)."""
        with self._store.lock:
            return list(self._store.sessions.values())

    def session_phase(self, sid: str) -> str:
        """``live``, ``exiting``, ``gone`` or ``unknown`` for a sid."""
        with self._store.lock:
            session = self._store.sessions.get(sid)
            return "unknown" if session is None else self._store.phase(session)

    # -- faults ---------------------------------------------------------------------------------
    def inject(
        self,
        kind: str | None = None,
        *,
        operation: str | list[str] | tuple[str, ...] | None = None,
        status: int | None = None,
        code: int | None = None,
        reason: str | None = None,
        message: str | None = None,
        body: Any = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | str | None = None,
        delay: float = 0.0,
        size: int = 8 * 1024 * 1024,
        times: int | None = 1,
        after: int = 0,
        host: str | None = None,
        predicate: Callable[[RequestInfo], bool] | None = None,
    ) -> Fault:
        """Queue a fault; see :mod:`agora_cr.testing` for kinds and examples. Returns the :class:`Fault`."""
        return self._faults.add(
            build_fault(
                kind,
                operation=operation,
                status=status,
                code=code,
                reason=reason,
                message=message,
                body=body,
                content_type=content_type,
                headers=headers,
                retry_after=retry_after,
                delay=delay,
                size=size,
                times=times,
                after=after,
                host=host,
                predicate=predicate,
            )
        )

    @property
    def faults(self) -> list[Fault]:
        """Faults still pending, in order."""
        return self._faults.pending

    def clear_faults(self) -> None:
        """Drop every pending fault (requests are served normally again)."""
        self._faults.clear()

    # -- notifications (webhooks) ---------------------------------------------------------------
    @property
    def deliveries(self) -> list[RecordedDelivery]:
        """Every attempt to deliver a notification so far (oldest first)."""
        return [] if self._notifier is None else list(self._notifier.deliveries)

    def inject_webhook(
        self, kind: str, *, event_type: int | None = None, times: int | None = 1, delay: float = 1.0
    ) -> WebhookFault:
        """Shape the next notifications (of ``event_type``, or any): ``drop`` (never sent),
        ``duplicate`` (delivered twice), ``delay`` (sent ``delay`` s later, so later events overtake
        it) or ``reorder`` (held back until the next one is delivered)."""
        if self._notifier is None:
            raise RuntimeError("the emulator sends no notifications: give it webhook_url=")
        return self._notifier.inject(kind, event_type=event_type, times=times, delay=delay)

    def wait_for_webhooks(self, timeout: float = 30.0) -> None:
        """Wait until every notification so far was delivered or given up (``TimeoutError`` after
        ``timeout`` seconds)."""
        if self._notifier is not None:
            server = self._running()
            server.call(self._notifier.idle(), timeout=timeout)

    def _notify(self, operation: str | None, reply_body: Any) -> None:
        notifier = self._notifier
        sid = reply_body.get("sid") if isinstance(reply_body, dict) else None
        if notifier is None or operation not in ("start", "stop") or not isinstance(sid, str):
            return
        with self._store.lock:
            session = self._store.sessions.get(sid)
            users = 0 if session is None else self._store.channel_users(session.cname)
        if session is None:
            return
        if operation == "start":
            notifier.session_started(session)
        else:
            notifier.session_stopped(session, users)

    # -- request log ----------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request served so far (oldest first), secrets masked."""
        with self._requests_lock:
            log = self._requests
            built: list[RecordedRequest] = []
            while log and isinstance(fields := log[-1], tuple):  # recorded since the last read
                log.pop()
                built.append(build(fields))
            log.extend(reversed(built))
            return cast("list[RecordedRequest]", list(log))

    def clear_requests(self) -> None:
        """Empty :attr:`requests` (the sessions and their state are kept)."""
        with self._requests_lock:
            self._requests.clear()

    def _record(
        self,
        request: Prepared,
        listener: Listener,
        status: int | None,
        code: int | None,
        fault: str | None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        # Masked before it is kept: the log never holds a secret. Kept as the fields of a
        # RecordedRequest, in order (the body maybe as bytes); ``requests`` builds them when read.
        entry = (
            request.method,
            request.path,
            request.operation,
            request.params.get("mode"),
            kept_headers(request.headers),
            None if request.body is NO_JSON else kept_body(request.raw_body, request.body),
            status,
            code,
            listener.name,
            listener.url,
            fault,
            self._store.now(),
            warnings,
        )
        with self._requests_lock:
            log = self._requests
            log.append(entry)
            while len(log) > self.max_recorded:
                log.popleft()

    # -- the request handler (runs on the server loop) ------------------------------------------
    def _handle(self, listener: Listener, http: HttpRequest) -> HttpResponse | Awaitable[HttpResponse]:
        """The answer, at once unless it must wait (``latency``, a fault's ``delay``)."""
        if self.latency:
            return self._handle_later(listener, http)
        request, fault = self._take_fault(listener, http)
        if fault is not None and fault.delay > 0:
            return self._answer_later(request, listener, fault)
        return self._answer(request, listener, fault)

    async def _handle_later(self, listener: Listener, http: HttpRequest) -> HttpResponse:
        if self.latency:
            await asyncio.sleep(self.latency)
        request, fault = self._take_fault(listener, http)
        if fault is not None and fault.delay > 0:
            await asyncio.sleep(fault.delay)
        return self._answer(request, listener, fault)

    async def _answer_later(self, request: Prepared, listener: Listener, fault: Fault) -> HttpResponse:
        await asyncio.sleep(fault.delay)
        return self._answer(request, listener, fault)

    def _take_fault(self, listener: Listener, http: HttpRequest) -> tuple[Prepared, Fault | None]:
        request = self._service.prepare(http.method, http.target, http.headers, http.body)
        if not self._faults.pending:
            return request, None
        info = RequestInfo(
            request.method,
            request.path,
            request.operation,
            request.mode,
            listener.name,
            request.headers,
            request.json,
        )
        return request, self._faults.take(info, listener.url)

    def _answer(self, request: Prepared, listener: Listener, fault: Fault | None) -> HttpResponse:
        if fault is not None:
            canned = fault.response
            if canned is not None:
                self._record(request, listener, canned.status, canned.code, fault.kind)
                return HttpResponse(
                    canned.status, canned.body, canned.content_type, canned.headers, canned.reset
                )
        reply = self._service.respond(request)
        kind = None if fault is None else fault.kind
        self._record(request, listener, reply.status, reply.code, kind, reply.lints)
        if reply.status == 200 and self._notifier is not None:
            self._notify(request.operation, reply.body)
        return HttpResponse(reply.status, json_text(reply.body).encode(), "application/json", reply.headers)
