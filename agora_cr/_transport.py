"""The I/O halves: a sync driver over ``httpx.Client`` and an async one over ``httpx.AsyncClient``.

Both run :meth:`agora_cr._policy.Policy.flow` for a :class:`~agora_cr._requests.Call` and differ only in
how they send and sleep. This is the only module that does I/O.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import Any, ClassVar, TypeVar, cast

import httpx

from ._client import BaseClient
from ._config import env_kwargs
from ._requests import Call
from ._responses import Answer
from .exceptions import ClientBuildException, ClientClosedError
from .results import RecordingSession

R = TypeVar("R")
ConnectedT = TypeVar("ConnectedT", bound="_Connected")
SyncT = TypeVar("SyncT", bound="SyncClient")
AsyncT = TypeVar("AsyncT", bound="AsyncClient")


class _Connected(BaseClient):
    """A client with its own httpx client (keep-alive pool); the two flavours differ in its class."""

    _http_class: ClassVar[Callable[..., Any]]
    _transport_class: ClassVar[type[httpx.BaseTransport] | type[httpx.AsyncBaseTransport]]

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
        super().__init__(app_id, customer_id, customer_secret, **options)
        config = self._config
        self._http: Any = self._http_class(
            headers=self._headers,
            timeout=httpx.Timeout(config.timeout, connect=config.connect_timeout),
            transport=transport,
            limits=httpx.Limits(  # every pooled connection may stay alive (see _constants)
                max_connections=config.max_connections, max_keepalive_connections=config.max_connections
            ),
            follow_redirects=False,
            trust_env=transport is None,
        )
        self._closed = False

    @classmethod
    def from_env(cls: type[ConnectedT], **overrides: Any) -> ConnectedT:
        """Build from ``AGORA_APP_ID``, ``AGORA_CUSTOMER_ID``, ``AGORA_CUSTOMER_SECRET``, ``AGORA_REGION``
        and the optional ``AGORA_BASE_URL``; keyword arguments override them."""
        return cls(**env_kwargs(overrides))


class SyncClient(_Connected):
    """Blocking client: one ``httpx.Client`` (keep-alive pool) per instance."""

    _http_class = httpx.Client
    _transport_class = httpx.BaseTransport
    _http: httpx.Client

    def _run(self, call: Call[R]) -> R:
        if self._closed:
            raise ClientClosedError()
        flow = self._policy.flow(call)
        http = self._http
        method = call.method
        content = call.content
        try:
            action = next(flow)
            while True:
                if action.__class__ is float:
                    time.sleep(action)
                    outcome: Any = None
                else:
                    url, timeout = cast("tuple[str, httpx.Timeout | None]", action)
                    try:
                        request = http.build_request(
                            method,
                            url,
                            content=content,
                            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                        )
                        response = http.send(request)
                        outcome = Answer(response.status_code, response.headers, response.content)
                    except httpx.TransportError as exc:
                        outcome = exc
                    except RuntimeError as exc:
                        if self._closed or http.is_closed:
                            raise ClientClosedError() from exc
                        raise
                action = flow.send(outcome)
        except StopIteration as stop:
            return cast(R, stop.value)
        finally:
            flow.close()

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
        ``recording_config=``, ...); ``token`` is the RTC token (not for web recording). The session is
        stopped when the block ends, raises or is interrupted. If ``stop`` fails while the block is
        raising, the block's exception propagates unchanged; the stop failure is logged and attached as
        its ``stop_error`` attribute (and a note on Python 3.11+). If ``stop`` fails after a block that
        completed, the stop exception propagates and carries ``resource_id`` and ``sid`` so the caller
        can stop again. Nothing is stopped when ``acquire`` or ``start`` fails (there is no session).
        """
        client = cast(Any, self)
        key = str(uid)
        blocks = self._recording_start_kwargs(token, start_blocks)
        resource = client.acquire(cname, uid)
        session = RecordingSession(client.start(resource.resource_id, cname, uid, **blocks), cname, key)
        try:
            yield session
        except BaseException as body_error:
            try:
                session.stop_result = client.stop(session.resource_id, session.sid, cname, uid)
            except Exception as stop_error:
                self._stop_failed_after_error(body_error, stop_error)
            raise
        session.stop_result = client.stop(session.resource_id, session.sid, cname, uid)

    def close(self) -> None:
        """Close the connection pool (and log files opened by the builder). Idempotent."""
        if not self._closed:
            self._closed = True
            self._http.close()
            self._close_handlers()

    def __enter__(self: SyncT) -> SyncT:
        self._check_open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(_Connected):
    """Asyncio client: one ``httpx.AsyncClient`` (keep-alive pool) per instance."""

    _http_class = httpx.AsyncClient
    _transport_class = httpx.AsyncBaseTransport
    _http: httpx.AsyncClient

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # At most one in-flight request per pooled connection; the rest wait here. httpcore's pool
        # rescans its whole queue whenever a connection frees up, so letting hundreds of tasks queue
        # there costs O(n^2) (measured: 500 concurrent lifecycles 17 s instead of 4 s).
        self._gate = asyncio.Semaphore(self._config.max_connections)

    async def _send(self, request: httpx.Request, timeout: httpx.Timeout | None) -> httpx.Response:
        gate = self._gate
        if gate.locked():
            wait = (timeout or self._http.timeout).pool
            try:
                await asyncio.wait_for(gate.acquire(), wait)
            except asyncio.TimeoutError:
                raise httpx.PoolTimeout(
                    "no connection available within the timeout", request=request
                ) from None
        else:
            await gate.acquire()
        try:
            return await self._http.send(request)
        finally:
            gate.release()

    async def _run(self, call: Call[R]) -> R:
        if self._closed:
            raise ClientClosedError()
        flow = self._policy.flow(call)
        http = self._http
        method = call.method
        content = call.content
        try:
            action = next(flow)
            while True:
                if action.__class__ is float:
                    await asyncio.sleep(action)
                    outcome: Any = None
                else:
                    url, timeout = cast("tuple[str, httpx.Timeout | None]", action)
                    try:
                        request = http.build_request(
                            method,
                            url,
                            content=content,
                            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                        )
                        response = await self._send(request, timeout)
                        outcome = Answer(response.status_code, response.headers, response.content)
                    except httpx.TransportError as exc:
                        outcome = exc
                    except RuntimeError as exc:
                        if self._closed or http.is_closed:
                            raise ClientClosedError() from exc
                        raise
                action = flow.send(outcome)
        except StopIteration as stop:
            return cast(R, stop.value)
        finally:
            flow.close()

    @contextlib.asynccontextmanager
    async def recording(
        self, cname: str, uid: str | int, token: str | None = None, **start_blocks: Any
    ) -> AsyncIterator[RecordingSession]:
        """``async with client.recording(cname, uid, **start_blocks) as session:`` acquires, starts and
        always stops, like the sync client's :meth:`recording` – also when the task is cancelled
        (asyncio cancellation): the session is stopped, then the cancellation propagates. A cancellation
        that arrives while ``start`` is in flight cannot stop the session (no ``sid`` yet)."""
        client = cast(Any, self)
        key = str(uid)
        blocks = self._recording_start_kwargs(token, start_blocks)
        resource = await client.acquire(cname, uid)
        session = RecordingSession(await client.start(resource.resource_id, cname, uid, **blocks), cname, key)
        try:
            yield session
        except BaseException as body_error:
            try:
                # Shielded: a second cancellation while stopping must not leave the session running.
                session.stop_result = await asyncio.shield(
                    client.stop(session.resource_id, session.sid, cname, uid)
                )
            except Exception as stop_error:
                self._stop_failed_after_error(body_error, stop_error)
            raise
        session.stop_result = await client.stop(session.resource_id, session.sid, cname, uid)

    async def aclose(self) -> None:
        """Close the connection pool (and log files opened by the builder). Idempotent."""
        if not self._closed:
            self._closed = True
            await self._http.aclose()
            self._close_handlers()

    async def __aenter__(self: AsyncT) -> AsyncT:
        self._check_open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
