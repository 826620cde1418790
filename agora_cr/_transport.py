"""The I/O halves: a sync driver over ``httpx.Client`` and an async one over ``httpx.AsyncClient``.

Both run :meth:`agora_cr._policy.Policy.flow` for a :class:`~agora_cr._requests.Call` and differ only in
how they wait. This is the only module that does I/O. What each attempt guarantees, in both flavours:

* **bounded**: the call's deadline covers waiting for a connection, connecting, sending and reading the
  whole body (sync: every socket operation's timeout is clamped to the deadline; async: one timer per
  client cancels overdue attempts, ``_deadlines``), and an answer larger than ``max_response_bytes``
  (decoded) is cut off;
* **shared safely**: at most ``max_connections`` requests are in the pool at once, the rest wait in a
  fair queue (``_gates``);
* **paced**: with a limiter, an attempt first takes its slot in the request budget (holding no
  connection while it waits), then a connection; the slot counts until a window after the exchange
  ends, which covers the window the service counts whatever the network's delays;
* **fork-safe**: a client used in a child process after ``os.fork()`` (gunicorn ``--preload``,
  multiprocessing) opens connections of its own instead of sharing the parent's sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

import httpcore
import httpx

from . import _constants as C
from ._client import BaseClient
from ._config import env_kwargs
from ._deadlines import Deadlines
from ._gates import AsyncFairGate, FairGate
from ._policy import Attempt, Policy
from ._requests import Call
from ._responses import Answer
from .exceptions import ClientBuildException, ClientClosedError, ValidationError
from .ratelimit._base import News, NoSlot, Pacer
from .results import RecordingSession

if TYPE_CHECKING:
    from .supervisor import AsyncSupervisor, SyncSupervisor

R = TypeVar("R")
ConnectedT = TypeVar("ConnectedT", bound="_Connected")

# ------------------------------------------------------------------------------ sync deadline clamp
#: The deadline (``time.monotonic()``) of the attempt the current thread is making, if any.
_attempt = threading.local()


def _clamp(timeout: float | None, expired: type[Exception]) -> float | None:
    deadline: float | None = getattr(_attempt, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the call's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every wait ends by the current attempt's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    """httpcore's sync network backend, with every connect and socket wait clamped to the deadline."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(super().connect_tcp(host, port, timeout, local_address, socket_options))


def _default_sync_transport(limits: httpx.Limits) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(limits=limits)
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):  # httpx 0.2x; without it only the body check bounds
        pool._network_backend = _DeadlineBackend()
    return transport


# ------------------------------------------------------------------------------------- the body
def _read_body(response: httpx.Response, limit: int) -> Answer:
    """Read a streamed answer to the end, decoded, up to ``limit`` bytes."""
    chunks = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return Answer(response.status_code, response.headers, b"", f"a body over {limit} bytes")
            chunks.append(chunk)
    except httpx.DecodingError as exc:
        return Answer(response.status_code, response.headers, b"", f"a body that cannot be decoded ({exc})")
    return Answer(response.status_code, response.headers, b"".join(chunks))


async def _aread_body(response: httpx.Response, limit: int) -> Answer:
    """:func:`_read_body` for an async stream."""
    chunks = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                return Answer(response.status_code, response.headers, b"", f"a body over {limit} bytes")
            chunks.append(chunk)
    except httpx.DecodingError as exc:
        return Answer(response.status_code, response.headers, b"", f"a body that cannot be decoded ({exc})")
    return Answer(response.status_code, response.headers, b"".join(chunks))


class _Connected(BaseClient):
    """A client with its own httpx client (keep-alive pool); the two flavours differ in its class."""

    _http_class: ClassVar[Callable[..., Any]]
    _transport_class: ClassVar[type[httpx.BaseTransport] | type[httpx.AsyncBaseTransport]]
    #: The client a ``with_options`` view shares its pool with (``None``: this client owns its pool).
    _view_of: _Connected | None = None

    def __init__(
        self,
        app_id: str | None = None,
        customer_id: str | None = None,
        customer_secret: str | None = None,
        *,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        **options: Any,
    ) -> None:
        if transport is not None and not isinstance(transport, self._transport_class):
            kind = "an async" if self._transport_class is httpx.AsyncBaseTransport else "a sync"
            raise ClientBuildException(
                f"transport must be an {self._transport_class.__qualname__} for {kind} client"
            )
        backend = os.environ.get(C.HTTP_BACKEND_ENV)
        if (
            backend
            and transport is None
            and "http_backend" not in options
            and self._http_class is not httpx.Client
        ):
            options["http_backend"] = backend.strip().lower()
        try:
            super().__init__(app_id, customer_id, customer_secret, **options)
        except ValidationError as exc:
            # Drop the frames that held the credentials as locals (traceback-with-locals tools).
            del customer_secret, customer_id
            raise exc.with_traceback(None) from None
        if self._config.http_backend != "httpx":
            if self._http_class is httpx.Client:
                raise ClientBuildException(
                    f"http_backend={self._config.http_backend!r} is for the async clients",
                    field="http_backend",
                )
            if transport is not None:
                raise ClientBuildException("give transport or http_backend, not both", field="http_backend")
        self._transport = transport
        self._connect()
        self._closed = False

    def _connect(self) -> None:
        """A new connection pool and gate (at construction, and in a child process after a fork)."""
        config = self._config
        limits = httpx.Limits(  # every pooled connection may stay alive (see _constants)
            max_connections=config.max_connections, max_keepalive_connections=config.max_connections
        )
        transport = self._transport
        if transport is None and self._http_class is httpx.Client:
            transport = _default_sync_transport(limits)
        elif transport is None and config.http_backend == "aiohttp":
            from ._aiohttp import AiohttpTransport  # the optional extra: imported only when chosen

            transport = AiohttpTransport(limits)
        self._own_transport = transport if transport is not self._transport else None
        self._http: Any = self._http_class(
            headers=self._headers,
            timeout=httpx.Timeout(config.timeout, connect=config.connect_timeout),
            transport=transport,
            limits=limits,
            follow_redirects=False,
            trust_env=self._transport is None,
        )
        self._pid = os.getpid()

    def _check_process(self) -> None:
        """Open a new pool in a forked child: the parent's sockets are the parent's (left untouched)."""
        if self._pid != os.getpid():
            self._requests.after_fork()
            self._connect()

    def _wait(self, attempt: Attempt) -> float:
        """How long an attempt may wait for a free connection."""
        timeout = attempt.timeout
        pool = self._config.timeout if timeout is None or timeout.pool is None else timeout.pool
        return max(0.0, min(pool, attempt.deadline - time.monotonic()))

    def with_options(self: ConnectedT, **options: Any) -> ConnectedT:
        """This client with other settings for the calls made through it: ``timeout``,
        ``connect_timeout``, ``deadline``, ``max_retries`` and the back-off options (see the
        constructor). It shares this client's connection pool, hosts and request budget::

            client.with_options(timeout=5, max_retries=0).query(resource_id, sid)

        Closing the returned client leaves the pool open; closing this one closes it for both."""
        self._check_open()
        config = self._config.with_options(options)
        view = copy.copy(self)
        view._config = config
        view._policy = Policy(config, self._hosts, self._logger, self._pacer)
        view._policy.own_timeout = True
        view._owned_handlers = []
        view._view_of = self
        return view

    @classmethod
    def from_env(cls: type[ConnectedT], **overrides: Any) -> ConnectedT:
        """Build from ``AGORA_APP_ID``, ``AGORA_CUSTOMER_ID``, ``AGORA_CUSTOMER_SECRET``, ``AGORA_REGION``
        and the optional ``AGORA_BASE_URL``; keyword arguments override them."""
        return cls(**env_kwargs(overrides))


class SyncClient(_Connected):
    """Blocking client: one ``httpx.Client`` (keep-alive pool) per instance; safe to share between
    threads and to use after ``os.fork()``."""

    _http_class = httpx.Client
    _transport_class = httpx.BaseTransport
    _http: httpx.Client

    def _connect(self) -> None:
        super()._connect()
        self._gate = FairGate(self._config.max_connections)

    def _run(self, call: Call[R]) -> R:
        if self._closed:
            raise ClientClosedError()
        self._check_process()
        flow = self._policy.flow(call)
        try:
            action = next(flow)
            while True:
                kind = action.__class__
                if kind is Attempt:
                    action = flow.send(self._attempt(call, cast(Attempt, action)))
                elif kind is float:
                    time.sleep(cast(float, action))
                    action = flow.send(None)
                else:  # a pacing request (only with a limiter)
                    cast(Pacer, self._pacer).tell(cast(News, action))
                    action = flow.send(None)
        except StopIteration as stop:
            return cast(R, stop.value)
        finally:
            flow.close()

    def _attempt(self, call: Call[Any], attempt: Attempt) -> Answer | BaseException:
        """One HTTP exchange: an :class:`Answer`, or the transport error that ended it. With pacing,
        the slot first (no connection is held while waiting for budget), then the connection."""
        take = attempt.take
        if take is None:
            return self._exchange(call, attempt)
        grant = cast(Pacer, self._pacer).take(take)
        if grant is None:
            return NoSlot()
        try:
            return self._exchange(call, attempt)
        finally:
            grant.end()  # the budget's window counts from the end of the exchange

    def _exchange(self, call: Call[Any], attempt: Attempt) -> Answer | BaseException:
        http = self._http
        gate = self._gate
        if not gate.acquire(self._wait(attempt), 0 if attempt.take is None else attempt.take.priority):
            return httpx.PoolTimeout("no free connection within the timeout")
        _attempt.deadline = attempt.deadline
        try:
            request = http.build_request(
                call.method,
                attempt.url,
                content=call.content,
                timeout=httpx.USE_CLIENT_DEFAULT if attempt.timeout is None else attempt.timeout,
            )
            response = http.send(request, stream=True)
            try:
                return _read_body(response, C.MAX_RESPONSE_BYTES)
            finally:
                response.close()
        except (httpx.TransportError, httpx.DecodingError) as exc:
            return exc
        except RuntimeError as exc:
            if self._closed or http.is_closed:
                raise ClientClosedError() from exc
            raise
        finally:
            _attempt.deadline = None
            gate.release()

    @contextlib.contextmanager
    def recording(
        self, cname: str, uid: str | int, token: str | None = None, **start_blocks: Any
    ) -> Iterator[RecordingSession]:
        """Acquire and start a recording, yield the session, and always stop it on the way out.

        ::

            with client.recording("room", "1001", storage_config=storage) as session:
                ...  # session.resource_id, session.sid, session.cname, session.uid
            session.stop_result  # the StopResult

        ``start_blocks`` are the keyword arguments of this client's ``start`` (``storage_config=``,
        ``recording_config=``, ...); ``token`` is the RTC token (not for web recording). Every input is
        checked before anything is sent. The session is stopped when the block ends, raises or is
        interrupted. If ``stop`` fails while the block is raising, the block's exception propagates
        unchanged; the stop failure is logged and attached as its ``stop_error`` attribute (and a note
        on Python 3.11+). If ``stop`` fails after a block that completed, the stop exception propagates
        and carries ``resource_id`` and ``sid`` so the caller can stop again. Nothing is stopped when
        ``acquire`` or ``start`` fails (there is no session).
        """
        client = cast(Any, self)
        blocks = self._recording_blocks(cname, uid, token, start_blocks)
        resource = client.acquire(cname, uid)
        session = RecordingSession(client.start(resource.resource_id, cname, uid, **blocks), cname, str(uid))
        del blocks, start_blocks, token  # the block below runs long: keep no secret in this frame
        try:
            yield session
        except BaseException as body_error:
            try:
                session.stop_result = client.stop(session.resource_id, session.sid, cname, uid)
            except Exception as stop_error:
                self._stop_failed_after_error(body_error, stop_error)
            raise
        session.stop_result = client.stop(session.resource_id, session.sid, cname, uid)

    def supervise(
        self, cname: str, uid: str | int, *, backup_uid: str | int, **options: Any
    ) -> SyncSupervisor:
        """A recording that stays up (``with client.supervise(...) as sup: sup.run(seconds)``): see
        :mod:`agora_cr.supervisor`. ``options``: ``token=`` or ``app_certificate=``, ``duration=``,
        ``settings=``, ``on_change=``, ``state_file=``, ``refresh_storage=``, and this client's
        ``start`` blocks (``storage_config=``, ...)."""
        from .supervisor import SyncSupervisor

        return SyncSupervisor(self, cname, uid, backup_uid=backup_uid, **options)

    def close(self) -> None:
        """Close the connection pool (and log files opened by the builder). Idempotent."""
        if not self._closed:
            self._closed = True
            if self._pid == os.getpid() and self._view_of is None:  # a forked child leaves the
                self._http.close()  # parent's sockets alone; a view leaves its client's pool open
            self._close_handlers()

    def __enter__(self: ConnectedT) -> ConnectedT:
        self._check_open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(_Connected):
    """Asyncio client: one ``httpx.AsyncClient`` (keep-alive pool) per instance, for one event loop."""

    _http_class = httpx.AsyncClient
    _transport_class = httpx.AsyncBaseTransport
    _http: httpx.AsyncClient

    def _connect(self) -> None:
        super()._connect()
        # Besides the pool's race, this keeps hundreds of tasks out of httpcore's queue, which it
        # rescans whenever a connection frees up (O(n^2): 500 concurrent lifecycles took 17 s, not 4 s).
        self._gate = AsyncFairGate(self._config.max_connections)
        self._deadlines = Deadlines()
        self._loop: asyncio.AbstractEventLoop | None = None

    def _check_loop(self) -> None:
        """A new pool when the client is used from another event loop (a module-level client under
        ``asyncio.run`` per job, or pytest's loop per test): pooled connections belong to the loop that
        opened them, and reusing one from a closed loop fails with "Event loop is closed"."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._loop is not None:
                self._abandon_pool()
                self._connect()
            self._loop = loop

    def _abandon_pool(self) -> None:
        """Drop the pool without awaiting: its sockets belong to another loop (closed with it)."""
        abandon = getattr(self._own_transport, "abandon", None)
        if abandon is not None:
            abandon()

    async def _run(self, call: Call[R]) -> R:
        if self._closed:
            raise ClientClosedError()
        self._check_process()
        self._check_loop()
        flow = self._policy.flow(call)
        try:
            action = next(flow)
            while True:
                kind = action.__class__
                if kind is Attempt:
                    action = flow.send(await self._attempt(call, cast(Attempt, action)))
                elif kind is float:
                    await asyncio.sleep(cast(float, action))
                    action = flow.send(None)
                else:  # a pacing request (only with a limiter)
                    await cast(Pacer, self._pacer).atell(cast(News, action))
                    action = flow.send(None)
        except StopIteration as stop:
            return cast(R, stop.value)
        finally:
            flow.close()

    async def _attempt(self, call: Call[Any], attempt: Attempt) -> Answer | BaseException:
        """One HTTP exchange, all of it within the deadline: an :class:`Answer` or the error. With
        pacing, the slot first (no connection is held while waiting for budget), then the connection."""
        take = attempt.take
        if take is None:
            return await self._gated(call, attempt)
        grant = await cast(Pacer, self._pacer).atake(take)
        if grant is None:
            return NoSlot()
        try:
            return await self._gated(call, attempt)
        finally:
            await grant.aend()  # the budget's window counts from the end of the exchange

    async def _gated(self, call: Call[Any], attempt: Attempt) -> Answer | BaseException:
        gate = self._gate
        if not await gate.acquire(self._wait(attempt), 0 if attempt.take is None else attempt.take.priority):
            return httpx.PoolTimeout("no free connection within the timeout")
        try:
            return await self._deadlines.run(self._exchange(call, attempt), attempt.deadline)
        except asyncio.TimeoutError:
            return httpx.ReadTimeout("the call's deadline passed during the exchange")
        except (httpx.TransportError, httpx.DecodingError) as exc:
            return exc
        except RuntimeError as exc:
            if self._closed or self._http.is_closed:
                raise ClientClosedError() from exc
            raise
        finally:
            gate.release()

    async def _exchange(self, call: Call[Any], attempt: Attempt) -> Answer:
        http = self._http
        request = http.build_request(
            call.method,
            attempt.url,
            content=call.content,
            timeout=httpx.USE_CLIENT_DEFAULT if attempt.timeout is None else attempt.timeout,
        )
        response = await http.send(request, stream=True)
        try:
            return await _aread_body(response, C.MAX_RESPONSE_BYTES)
        finally:
            await response.aclose()

    @contextlib.asynccontextmanager
    async def recording(
        self, cname: str, uid: str | int, token: str | None = None, **start_blocks: Any
    ) -> AsyncIterator[RecordingSession]:
        """``async with client.recording(cname, uid, **start_blocks) as session:`` acquires, starts and
        always stops, like the sync client's :meth:`recording`, also under asyncio cancellation: a
        cancellation that arrives while ``start`` or the final ``stop`` is in flight lets that call
        finish (each is bounded by its deadline), stops the session, then propagates."""
        client = cast(Any, self)
        blocks = self._recording_blocks(cname, uid, token, start_blocks)
        resource = await client.acquire(cname, uid)
        started, cancelled = await _finish(client.start(resource.resource_id, cname, uid, **blocks))
        del blocks, start_blocks, token  # the block below runs long: keep no secret in this frame
        session = RecordingSession(started, cname, str(uid))
        try:
            if cancelled is not None:
                raise cancelled
            yield session
        except BaseException as body_error:
            try:
                session.stop_result, _ = await _finish(
                    client.stop(session.resource_id, session.sid, cname, uid)
                )
            except Exception as stop_error:
                self._stop_failed_after_error(body_error, stop_error)
            raise
        session.stop_result, cancelled = await _finish(
            client.stop(session.resource_id, session.sid, cname, uid)
        )
        if cancelled is not None:
            raise cancelled

    def supervise(
        self, cname: str, uid: str | int, *, backup_uid: str | int, **options: Any
    ) -> AsyncSupervisor:
        """``async with client.supervise(...) as sup: await sup.run(seconds)``: the sync client's
        :meth:`SyncClient.supervise`, awaited."""
        from .supervisor import AsyncSupervisor

        return AsyncSupervisor(self, cname, uid, backup_uid=backup_uid, **options)

    async def aclose(self) -> None:
        """Close the connection pool (and log files opened by the builder). Idempotent."""
        if not self._closed:
            self._closed = True
            # The pool's sockets belong to the process and loop that opened them.
            if self._view_of is not None:
                pass  # a with_options view: the pool is its client's
            elif self._pid == os.getpid() and self._loop in (None, asyncio.get_running_loop()):
                await self._http.aclose()
            elif self._pid == os.getpid():
                self._abandon_pool()
            self._close_handlers()

    async def __aenter__(self: ConnectedT) -> ConnectedT:
        self._check_open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


async def _finish(coroutine: Any) -> tuple[Any, asyncio.CancelledError | None]:
    """Run a call to its end even if the awaiting task is cancelled meanwhile (the call is bounded by
    its own deadline). Returns its result and the cancellation to re-raise once the caller has used
    the result; a call that fails after a cancellation re-raises the cancellation (chained to it)."""
    task = asyncio.ensure_future(coroutine)
    cancelled: asyncio.CancelledError | None = None
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError as exc:
            if not task.done():
                cancelled = exc
        except BaseException:
            break  # the call failed: task.result() raises its error below
    if cancelled is not None and (task.cancelled() or task.exception() is not None):
        raise cancelled from (None if task.cancelled() else task.exception())
    return task.result(), cancelled
