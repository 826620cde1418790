"""A small HTTP/1.1 server on asyncio, run in one background thread with its own event loop.

Each connection is an :class:`asyncio.Protocol` that parses requests from its buffer and answers them
in order: at once when the handler answers at once, else (a handler that must wait: latency, a delayed
fault) when its awaitable completes, reading nothing further meanwhile. Keep-alive, HTTP/1.0,
``Expect: 100-continue``, ``Content-Length`` and chunked request bodies; each response goes out in one
write (status line, headers and body together) on a ``TCP_NODELAY`` socket, so keep-alive clients never
stall on delayed ACKs. Several listeners (one per emulated host) share one loop and one handler; a
listener can be taken down (its listening socket is closed and its connections aborted, so clients
get "connection refused") and brought back on the same port.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import secrets
import socket
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, NamedTuple, TypeVar

MAX_HEAD = 64 * 1024
MAX_BODY = 16 * 1024 * 1024
BACKLOG = 2048
#: Unread bytes past which a busy connection (handler waiting, or peer not reading) stops reading.
_PAUSE_READING_AT = 4 * MAX_HEAD
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
_HEX_DIGITS = b"0123456789abcdefABCDEF"
_T = TypeVar("_T")


class HttpRequest(NamedTuple):
    method: str
    target: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    keep_alive: bool


class HttpResponse(NamedTuple):
    """``status`` None closes the connection without a response (``reset``: abort with an RST)."""

    status: int | None
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    reset: bool = False


#: Answers a request: an :class:`HttpResponse` at once, or an awaitable of one when it must wait.
Handler = Callable[["Listener", HttpRequest], "HttpResponse | Awaitable[HttpResponse]"]


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Drop(Exception):
    """End the connection without an answer (a chunk-size line beyond any limit)."""


class Listener:
    """One listening address (an emulated host)."""

    def __init__(self, name: str, host: str, port: int) -> None:
        self.name = name
        self.host = host
        self.port = port
        #: The listening sockets while the host is up (one per address ``host`` resolves to).
        self.sockets: list[socket.socket] = []
        self.connections: set[_Connection] = set()
        self.peak_connections = 0
        #: Bumped on every (re)open: a connection accepted by an earlier socket is refused.
        self.generation = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def down(self) -> bool:
        return not self.sockets


# -------------------------------------------------------------------------------------------- responses
_STATUS_LINES: dict[int, str] = {}


def _status_line(status: int) -> str:
    line = _STATUS_LINES.get(status)
    if line is None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Unknown"
        line = f"HTTP/1.1 {status} {phrase}\r\n"
        if 100 <= status <= 999:
            _STATUS_LINES[status] = line
    return line


class RequestIds:
    """``X-Request-ID`` values: 32 hex digits laid out as a version-4 UUID, unique per server
    (a random prefix and a counter; cheaper than :func:`uuid.uuid4` per answer)."""

    def __init__(self) -> None:
        prefix = secrets.randbits(64)
        self._prefix = f"{(prefix & ~(0xF << 12)) | (0x4 << 12):016x}"  # version nibble
        self._counter = itertools.count(secrets.randbits(48))

    def next(self) -> str:
        return f"{self._prefix}{0x8000_0000_0000_0000 | (next(self._counter) & 0x3FFF_FFFF_FFFF_FFFF):016x}"


def render(response: HttpResponse, keep_alive: bool, request_id: str) -> bytes:
    """Status line, headers and body as one buffer."""
    assert response.status is not None
    head = (
        f"{_status_line(response.status)}Content-Type: {response.content_type}\r\n"
        f"Content-Length: {len(response.body)}\r\nX-Request-ID: {request_id}\r\n"
        f"Server: agora-cr-emulator\r\nConnection: {'keep-alive' if keep_alive else 'close'}\r\n"
    )
    for name, value in response.headers:
        head += f"{name}: {value}\r\n"
    return (head + "\r\n").encode("latin-1") + response.body


def _compact_encoder() -> Callable[[Any], str]:
    """``json.dumps(value, separators=(",", ":"))``, with CPython's C encoder built once instead of on
    every call (what ``json.dumps`` does for non-default separators); the same text."""
    plain = json.JSONEncoder(separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    encode = make(
        None, plain.default, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, True
    )

    def dumps(value: Any) -> str:
        if isinstance(value, str):  # a bare string: what ``JSONEncoder.encode`` does for it
            return plain.encode(value)
        return "".join(encode(value, 0))

    return dumps


#: Compact JSON text of an answer's body (``json.dumps`` with ``separators=(",", ":")``).
json_text = _compact_encoder()


def _error_response(exc: Exception) -> HttpResponse:
    """500 for an emulator bug: it must not look like a network fault."""
    body = json.dumps({"code": 500, "reason": f"emulator error: {exc!r}"}).encode()
    return HttpResponse(500, body)


# --------------------------------------------------------------------------------------------- requests
@dataclass
class _Head:
    """A parsed request head waiting for its body."""

    method: str
    target: str
    headers: dict[str, str]
    keep_alive: bool
    length: int = 0  # the Content-Length; -1 for a chunked body
    chunks: list[bytes] | None = None
    chunk_size: int = -1  # of the chunk being read; -1 awaiting a size line, 0 reading trailers
    total: int = 0


def parse_head(raw: bytes) -> _Head:
    """The request line and headers (``raw`` without its final blank line)."""
    lines = raw.decode("latin-1").split("\r\n")
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
    head = _Head(method.upper(), target, headers, keep_alive)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        head.length, head.chunks = -1, []
        return head
    length_text = headers.get("content-length")
    if length_text:
        try:
            length = int(length_text)
        except ValueError as exc:
            raise _BadRequest(400, "bad Content-Length") from exc
        if length < 0 or length > MAX_BODY:
            raise _BadRequest(413 if length > 0 else 400, "bad Content-Length")
        head.length = length
    return head


def _line(buffer: bytearray) -> bytes | None:
    """The next CRLF-terminated line, consumed; None until it is complete."""
    end = buffer.find(b"\r\n")
    if end < 0:
        if len(buffer) > MAX_HEAD:
            raise _Drop
        return None
    line = bytes(buffer[:end])
    del buffer[: end + 2]
    return line


def read_chunked(head: _Head, buffer: bytearray) -> bytes | None:
    """Consume what ``buffer`` holds of a chunked body; the body once complete, else None."""
    assert head.chunks is not None
    while True:
        if head.chunk_size == 0:  # trailers, up to a blank line
            line = _line(buffer)
            if line is None:
                return None
            if not line:
                return b"".join(head.chunks)
            continue
        if head.chunk_size < 0:
            line = _line(buffer)
            if line is None:
                return None
            digits = line.split(b";", 1)[0].strip()
            if not digits or len(digits) > 16 or digits.strip(_HEX_DIGITS):
                raise _BadRequest(400, "bad chunk size")  # hex digits only: no sign, no "0x", no "_"
            head.chunk_size = int(digits, 16)
            head.total += head.chunk_size
            if head.total > MAX_BODY:
                raise _BadRequest(413, "body too large")
            continue
        if len(buffer) < head.chunk_size + 2:
            return None
        head.chunks.append(bytes(buffer[: head.chunk_size]))
        del buffer[: head.chunk_size + 2]  # the chunk's CRLF
        head.chunk_size = -1


# ------------------------------------------------------------------------------------------ connections
class _Connection(asyncio.Protocol):
    """One client connection: requests parsed from a buffer, answered in order, one at a time."""

    def __init__(self, server: HttpServer, listener: Listener, generation: int) -> None:
        self._server = server
        self._listener = listener
        self._generation = generation
        self._transport: asyncio.Transport | None = None
        self._buffer = bytearray()
        self._head: _Head | None = None
        self._busy = False  # a handler is waiting; nothing further is parsed meanwhile
        self._write_paused = False
        self._read_paused = False
        self._eof = False
        self._closed = False

    # -- asyncio callbacks ----------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._server.open_connections.add(self)
        listener = self._listener
        if listener.down or listener.generation != self._generation:  # the host went down meanwhile
            self._closed = True
            transport.abort()
            return
        listener.connections.add(self)
        listener.peak_connections = max(listener.peak_connections, len(listener.connections))
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        if self._closed:
            return
        self._buffer += data
        if self._busy or self._write_paused:
            self._pause_if_full()
        else:
            self._process()

    def eof_received(self) -> bool:
        self._eof = True
        if not (self._busy or self._write_paused or self._closed):
            self._process()
        return True  # the transport stays open for the answers still due; _process closes it

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        if not (self._busy or self._closed):
            self._process()

    def connection_lost(self, exc: Exception | None) -> None:
        self._closed = True
        self._listener.connections.discard(self)
        self._server.open_connections.discard(self)

    # -- requests -------------------------------------------------------------------------------
    def _next_request(self) -> HttpRequest | None:
        """The next complete request in the buffer (consumed), or None until more arrives."""
        buffer = self._buffer
        head = self._head
        if head is None:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(buffer) > MAX_HEAD + 3:
                    raise _BadRequest(431, "request header too large")
                return None
            if end > MAX_HEAD:
                raise _BadRequest(431, "request header too large")
            head = parse_head(bytes(buffer[:end]))
            del buffer[: end + 4]
            self._head = head
            if head.headers.get("expect", "").lower() == "100-continue":
                self._write(_CONTINUE)
        if head.length >= 0:
            if len(buffer) < head.length:
                return None
            body = bytes(buffer[: head.length])
            del buffer[: head.length]
        else:
            chunked = read_chunked(head, buffer)
            if chunked is None:
                return None
            body = chunked
        self._head = None
        return HttpRequest(head.method, head.target, head.headers, body, head.keep_alive)

    def _process(self) -> None:
        """Answer every complete request in the buffer until one must wait; then handle EOF."""
        while not (self._busy or self._write_paused or self._closed):
            try:
                request = self._next_request()
            except _BadRequest as exc:
                body = f'{{"message":"{exc}"}}'.encode()
                self._answer(HttpResponse(exc.status, body), keep_alive=False)
                return
            except _Drop:
                self._close()
                return
            if request is None:
                break
            try:
                result = self._server.handler(self._listener, request)
            except Exception as exc:
                result = _error_response(exc)
            if isinstance(result, HttpResponse):
                self._answer(result, request.keep_alive)
            else:
                self._busy = True
                self._server.spawn(self._answer_later(request, result))
        if self._closed:
            return
        if self._busy or self._write_paused:
            self._pause_if_full()
            return
        if self._eof:
            if self._head is None and self._buffer.strip():
                self._answer(HttpResponse(400, b'{"message":"truncated request"}'), keep_alive=False)
            else:
                self._close()
        elif self._read_paused and self._transport is not None:
            self._read_paused = False
            self._transport.resume_reading()

    async def _answer_later(self, request: HttpRequest, pending: Awaitable[HttpResponse]) -> None:
        try:
            response = await pending
        except asyncio.CancelledError:  # shutdown: end the connection quietly
            self._close()
            return
        except Exception as exc:
            response = _error_response(exc)
        self._busy = False
        if not self._closed:
            self._answer(response, request.keep_alive)
            self._process()

    def _answer(self, response: HttpResponse, keep_alive: bool) -> None:
        transport = self._transport
        assert transport is not None
        if response.status is None:
            self._closed = True
            if response.reset:
                transport.abort()
            else:
                transport.close()
            return
        keep_alive = keep_alive and not self._listener.down
        try:
            data = render(response, keep_alive, self._server.request_ids.next())
        except Exception as exc:  # e.g. a header that is not Latin-1
            data = render(_error_response(exc), keep_alive, self._server.request_ids.next())
        self._write(data)
        if not keep_alive:
            self._close()

    # -- transport ------------------------------------------------------------------------------
    def _write(self, data: bytes) -> None:
        if self._transport is not None and not self._closed:
            self._transport.write(data)

    def _pause_if_full(self) -> None:
        if not self._read_paused and len(self._buffer) > _PAUSE_READING_AT and self._transport is not None:
            self._read_paused = True
            self._transport.pause_reading()

    def _close(self) -> None:
        self._closed = True
        if self._transport is not None:
            self._transport.close()

    def abort(self) -> None:
        self._closed = True
        if self._transport is not None:
            self._transport.abort()


# --------------------------------------------------------------------------------------------- server
def _close_unless_adopted(conn: socket.socket, task: asyncio.Task[Any]) -> None:
    """An accepted socket whose transport was never made (cancelled at shutdown, or an error) is closed."""
    if task.cancelled() or task.exception() is not None:
        conn.close()


class HttpServer:
    """Owns the event loop thread and the listeners; every public method is called from other threads."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.request_ids = RequestIds()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.listeners: dict[str, Listener] = {}
        #: Every connection from ``connection_made`` to ``connection_lost`` (of any listener).
        self.open_connections: set[_Connection] = set()

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
        # Abort what is left, and give each aborted transport the loop turn in which it closes its socket.
        deadline = asyncio.get_running_loop().time() + 1.0
        for turn in itertools.count():
            for connection in list(self.open_connections):
                connection.abort()
            await asyncio.sleep(0)
            if (turn >= 2 and not self.open_connections) or asyncio.get_running_loop().time() > deadline:
                break

    def spawn(self, coro: Coroutine[Any, Any, _T]) -> asyncio.Task[_T]:
        """Run ``coro`` as a task the shutdown cancels and waits for."""
        assert self._loop is not None
        task = self._loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- listeners ------------------------------------------------------------------------------
    async def open_listener(self, name: str, host: str, port: int) -> Listener:
        """Listen for ``name`` on ``host:port`` (port 0: a free one, kept when it is reopened)."""
        listener = self.listeners.get(name) or Listener(name, host, port)
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, listener.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        sockets: list[socket.socket] = []
        try:
            for family, kind, proto, _, address in dict.fromkeys(infos):
                sock = socket.socket(family, kind, proto)
                sockets.append(sock)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                if len(sockets) > 1:  # every address on the port the first one got
                    address = (address[0], sockets[0].getsockname()[1], *address[2:])
                sock.bind(address)
                sock.listen(BACKLOG)
                sock.setblocking(False)
        except BaseException:
            for sock in sockets:
                sock.close()
            raise
        listener.generation += 1
        listener.sockets = sockets
        listener.port = int(sockets[0].getsockname()[1])
        self.listeners[name] = listener
        for sock in sockets:
            loop.add_reader(sock.fileno(), self._accept, listener, sock, listener.generation)
        return listener

    def _accept(self, listener: Listener, sock: socket.socket, generation: int) -> None:
        """Accept what is waiting on a listening socket; each connection gets its own protocol.

        (Not :meth:`asyncio.loop.create_server`: a connection it accepts just before its server
        closes leaks its socket.)"""
        loop = asyncio.get_running_loop()
        for _ in range(BACKLOG):
            try:
                conn, _ = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except ConnectionError:  # reset while it waited in the backlog
                continue
            except OSError:  # out of descriptors: pause, or the ready socket would spin the loop
                loop.remove_reader(sock.fileno())
                loop.call_later(0.1, self._resume_accepting, listener, sock, generation)
                return
            conn.setblocking(False)
            adopt = loop.connect_accepted_socket(lambda: _Connection(self, listener, generation), conn)
            self.spawn(adopt).add_done_callback(functools.partial(_close_unless_adopted, conn))

    def _resume_accepting(self, listener: Listener, sock: socket.socket, generation: int) -> None:
        if sock in listener.sockets:
            asyncio.get_running_loop().add_reader(sock.fileno(), self._accept, listener, sock, generation)

    @staticmethod
    def _close_listener(listener: Listener) -> None:
        loop = asyncio.get_running_loop()
        for sock in listener.sockets:
            loop.remove_reader(sock.fileno())
            sock.close()
        listener.sockets = []
        for connection in list(listener.connections):
            connection.abort()
        listener.connections.clear()

    async def set_down(self, name: str, down: bool) -> None:
        listener = self.listeners[name]
        if down:
            self._close_listener(listener)
        elif listener.down:
            await self.open_listener(name, listener.host, listener.port)
