"""A small HTTP/1.1 server on asyncio, run in one background thread with its own event loop.

Keep-alive, ``Content-Length`` and chunked request bodies; each response goes out in one write
(status line, headers and body together) on a ``TCP_NODELAY`` socket, so keep-alive clients never
stall on delayed ACKs. Several listeners (one per emulated host) share one loop and one handler; a
listener can be taken down (its listening socket is closed and its connections aborted, so clients
get "connection refused") and brought back on the same port.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, TypeVar

MAX_HEAD = 64 * 1024
MAX_BODY = 16 * 1024 * 1024
BACKLOG = 2048
_T = TypeVar("_T")


@dataclass(frozen=True)
class HttpRequest:
    method: str
    target: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    keep_alive: bool


@dataclass(frozen=True)
class HttpResponse:
    """``status`` None closes the connection without a response (``reset``: abort with an RST)."""

    status: int | None
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    reset: bool = False


Handler = Callable[["Listener", HttpRequest], Awaitable[HttpResponse]]


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Listener:
    """One listening address (an emulated host)."""

    def __init__(self, name: str, host: str, port: int) -> None:
        self.name = name
        self.host = host
        self.port = port
        self.server: asyncio.Server | None = None
        self.connections: set[asyncio.StreamWriter] = set()
        self.peak_connections = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def down(self) -> bool:
        return self.server is None


def render(response: HttpResponse, keep_alive: bool) -> bytes:
    """Status line, headers and body as one buffer."""
    assert response.status is not None
    try:
        phrase = HTTPStatus(response.status).phrase
    except ValueError:
        phrase = "Unknown"
    lines = [
        f"HTTP/1.1 {response.status} {phrase}",
        f"Content-Type: {response.content_type}",
        f"Content-Length: {len(response.body)}",
        f"X-Request-ID: {uuid.uuid4().hex}",
        "Server: agora-cr-emulator",
        "Connection: keep-alive" if keep_alive else "Connection: close",
    ]
    lines += [f"{name}: {value}" for name, value in response.headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + response.body


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks: list[bytes] = []
        total = 0
        while True:
            size_line = await reader.readuntil(b"\r\n")
            digits = size_line.split(b";", 1)[0].strip()
            if not digits or len(digits) > 16 or digits.strip(b"0123456789abcdefABCDEF"):
                raise _BadRequest(400, "bad chunk size")  # hex digits only: no sign, no "0x", no "_"
            size = int(digits, 16)
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise _BadRequest(413, "body too large")
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
    length_text = headers.get("content-length")
    if not length_text:
        return b""
    try:
        length = int(length_text)
    except ValueError as exc:
        raise _BadRequest(400, "bad Content-Length") from exc
    if length < 0 or length > MAX_BODY:
        raise _BadRequest(413 if length > 0 else 400, "bad Content-Length")
    return await reader.readexactly(length) if length else b""


async def read_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> HttpRequest | None:
    """The next request on a connection, or None when the peer closed it between requests."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise _BadRequest(400, "truncated request") from exc
        return None
    except asyncio.LimitOverrunError as exc:
        raise _BadRequest(431, "request header too large") from exc
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise _BadRequest(400, "bad request line")
    method, target, version = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise _BadRequest(400, "bad header line")
        headers[name.strip().lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
    if headers.get("expect", "").lower() == "100-continue":
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    body = await _read_body(reader, headers)
    return HttpRequest(method.upper(), target, headers, body, keep_alive)


class HttpServer:
    """Owns the event loop thread and the listeners; every public method is called from other threads."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.listeners: dict[str, Listener] = {}

    # -- thread plumbing ------------------------------------------------------------------------
    def start(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=self._run, args=(loop,), name="agora-cr-emulator", daemon=True)
        self._thread.start()

    @staticmethod
    def _run(loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            loop.close()

    def call(self, coro: Coroutine[Any, Any, _T], timeout: float = 10.0) -> _T:
        """Run a coroutine on the server loop and wait for its result."""
        if self._loop is None:
            coro.close()
            raise RuntimeError("the emulator is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(Exception):
            self.call(self._shutdown(), timeout=5.0)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5.0)
        self._loop = self._thread = None

    async def _shutdown(self) -> None:
        for listener in self.listeners.values():
            self._close_listener(listener)
        tasks = [task for task in self._tasks if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)

    # -- listeners ------------------------------------------------------------------------------
    async def open_listener(self, name: str, host: str, port: int) -> Listener:
        listener = self.listeners.get(name) or Listener(name, host, port)
        server = await asyncio.start_server(
            lambda r, w: self._connection(listener, r, w),
            host,
            listener.port,
            backlog=BACKLOG,
            reuse_address=True,
            limit=MAX_HEAD,
        )
        listener.server = server
        listener.port = int(server.sockets[0].getsockname()[1])
        self.listeners[name] = listener
        return listener

    @staticmethod
    def _close_listener(listener: Listener) -> None:
        if listener.server is not None:
            listener.server.close()
            listener.server = None
        for writer in list(listener.connections):
            writer.transport.abort()
        listener.connections.clear()

    async def set_down(self, name: str, down: bool) -> None:
        listener = self.listeners[name]
        if down:
            self._close_listener(listener)
        elif listener.server is None:
            await self.open_listener(name, listener.host, listener.port)

    # -- connections ----------------------------------------------------------------------------
    async def _connection(
        self, listener: Listener, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        if listener.server is None:  # accepted just before the host went down
            writer.transport.abort()
            return
        listener.connections.add(writer)
        listener.peak_connections = max(listener.peak_connections, len(listener.connections))
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            await self._serve(listener, reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass  # shutdown: end the connection quietly (asyncio would log a cancelled handler)
        finally:
            listener.connections.discard(writer)
            writer.transport.close()
            if task is not None:
                self._tasks.discard(task)

    async def _serve(
        self, listener: Listener, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            try:
                request = await read_request(reader, writer)
            except _BadRequest as exc:
                body = f'{{"message":"{exc}"}}'.encode()
                writer.write(render(HttpResponse(exc.status, body), keep_alive=False))
                await writer.drain()
                return
            if request is None:
                return
            try:
                response = await self._handler(listener, request)
            except Exception as exc:  # an emulator bug must not look like a network fault
                body = json.dumps({"code": 500, "reason": f"emulator error: {exc!r}"}).encode()
                response = HttpResponse(500, body)
            if response.status is None:
                if response.reset:
                    writer.transport.abort()
                return
            keep_alive = request.keep_alive and listener.server is not None
            writer.write(render(response, keep_alive))
            await writer.drain()
            if not keep_alive:
                return
