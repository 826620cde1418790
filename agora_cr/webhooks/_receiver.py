"""Receiving notifications: :func:`construct_event`, and small ASGI and WSGI apps around it.

The apps do what NCS asks of a receiver (AgoraIO/Docs-Source,
shared/notification-center-service/_notification_center_service.mdx): check the signature on the raw
body, answer ``200`` with a JSON body (``{}``) at once — well within NCS's 10 s — and only then hand
the event to your handler, so a slow handler never causes resends. Repeats (same ``noticeId``:
resends, duplicates, replays) are answered ``200`` and not handed on; a bad signature gets ``401``,
a body that is not a notification ``400``. No thread of ours: the ASGI app awaits your handler after
the response is sent, the WSGI app calls it from the response's ``close()``, which the server calls
once the response is out.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from .. import _constants as C
from ..exceptions import ValidationError, WebhookError, WebhookSignatureError
from ._events import Event, parse
from ._order import Deduplicator, Reorderer
from ._signature import _Secret, raw_body, verify

_logger = logging.getLogger(C.LOGGER_NAME)

#: Largest body the apps read (NCS bodies are a few KiB).
MAX_BODY_BYTES = 1 << 20

Handler = Callable[[Event], Any]
Headers = Mapping[str, str] | Sequence[tuple[str, str]]


def construct_event(
    body: bytes | str, headers: Headers, secret: str | bytes | Sequence[str | bytes] | _Secret
) -> Event:
    """Verify the signature of a notification (its raw body) and parse it into a typed
    :class:`Event`. Raises :class:`~agora_cr.WebhookSignatureError` or
    :class:`~agora_cr.WebhookPayloadError`."""
    try:
        key = _Secret.of(secret)
    finally:
        del secret  # (no plain secret in this frame's locals, even when raising)
    data = raw_body(body)
    verify(data, headers, key)
    return parse(data)


class Receiver:
    """What the apps share: verify, parse, drop repeats, order (optional), and dispatch.

    ``deduplicate``: ``True`` (a :class:`Deduplicator` of 100 000 notices), ``False``, or your own.
    ``reorder``: ``False`` (default: events as they come), ``True`` (a :class:`Reorderer`), or yours.
    """

    def __init__(
        self,
        secret: str | bytes | Sequence[str | bytes],
        handler: Handler,
        *,
        deduplicate: bool | Deduplicator = True,
        reorder: bool | Reorderer = False,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        try:
            self._secret = _Secret.of(secret)
        finally:
            del secret  # (no plain secret in this frame's locals, even when raising)
        self.handler = handler
        self.deduplicator = Deduplicator() if deduplicate is True else deduplicate or None
        self.reorderer = Reorderer() if reorder is True else reorder or None
        self.max_body_bytes = max_body_bytes

    def __repr__(self) -> str:
        return f"{type(self).__name__}(secret='***', handler={getattr(self, 'handler', None)!r})"

    def accept(self, body: bytes, headers: Headers) -> tuple[int, bytes, list[Event]]:
        """The status and body to answer, and the events to hand on (in order)."""
        try:
            event = construct_event(body, headers, self._secret)
        except WebhookSignatureError as exc:
            _logger.warning("webhook refused (401): %s", exc.error_msg)
            return 401, _error(exc), []
        except (WebhookError, ValidationError) as exc:
            _logger.warning("webhook refused (400): %s", exc.error_msg)
            return 400, _error(exc), []
        if self.deduplicator is not None and self.deduplicator.seen(event):
            _logger.info("webhook repeat ignored: noticeId=%s type=%s", event.notice_id, event.event_type)
            return 200, b"{}", []
        events = [event] if self.reorderer is None else self.reorderer.push(event)
        return 200, b"{}", events

    def release_due(self) -> list[Event]:
        """Events held for order whose gap has waited ``max_wait`` (hand them on with
        :meth:`dispatch`); each request releases them too, and the ASGI app keeps a timer for them."""
        return [] if self.reorderer is None else self.reorderer.due()

    def dispatch(self, events: Iterable[Event]) -> None:
        """Call the (sync) handler with each event; its errors are logged, not raised."""
        for event in events:
            try:
                self.handler(event)
            except Exception:
                _logger.exception("webhook handler failed: type=%s sid=%s", event.event_type, event.sid)

    async def adispatch(self, events: Iterable[Event]) -> None:
        """Like :meth:`dispatch`, awaiting the handler when it is a coroutine function."""
        for event in events:
            try:
                result = self.handler(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                _logger.exception("webhook handler failed: type=%s sid=%s", event.event_type, event.sid)


def _error(exc: WebhookError | ValidationError) -> bytes:
    return json.dumps({"error": exc.error_msg}).encode()


class WebhookApp(Receiver):
    """An ASGI app receiving notifications (mount it in FastAPI/Starlette, or serve it alone with any
    ASGI server). ``handler`` may be a plain function or a coroutine function."""

    #: The timer of the held events' gaps, while one is armed.
    _timer: asyncio.TimerHandle | None = None

    async def __call__(
        self,
        scope: dict[str, Any],
        receive: Callable[[], Awaitable[dict[str, Any]]],
        send: Callable[[dict[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        if scope.get("method") != "POST":
            await _asgi_answer(send, 405, b'{"error": "notifications are POSTed"}')
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await _asgi_answer(send, 413, b'{"error": "body too large"}')
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        raw_headers = scope.get("headers", [])
        headers = [(key.decode("latin-1"), value.decode("latin-1")) for key, value in raw_headers]
        status, answer, events = self.accept(b"".join(chunks), headers)
        await _asgi_answer(send, status, answer)
        await self.adispatch(events)
        self._arm()

    def _arm(self) -> None:
        """A timer for the held events' gaps (no thread: a callback on the running loop)."""
        reorderer = self.reorderer
        wait = None if reorderer is None else reorderer.next_due()
        if wait is None or self._timer is not None:
            return
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(wait + 0.001, self._release, loop)

    def _release(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        task = loop.create_task(self._release_now())
        _tasks.add(task)
        task.add_done_callback(_tasks.discard)

    async def _release_now(self) -> None:
        await self.adispatch(self.release_due())
        self._arm()


#: Release tasks in flight (a reference keeps each alive until it ends).
_tasks: set[asyncio.Task[None]] = set()


async def _asgi_answer(send: Callable[[dict[str, Any]], Awaitable[None]], status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class WebhookWSGIApp(Receiver):
    """A WSGI app receiving notifications (mount it in Flask/Django, or serve it alone). The handler
    runs when the server closes the response, after the answer was sent."""

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return _wsgi_answer(start_response, 405, b'{"error": "notifications are POSTed"}')
        try:
            length = int(environ.get("CONTENT_LENGTH") or -1)
        except ValueError:
            length = -1
        if length > self.max_body_bytes:
            return _wsgi_answer(start_response, 413, b'{"error": "body too large"}')
        if length >= 0:
            body = environ["wsgi.input"].read(length) if length else b""
        elif environ.get("wsgi.input_terminated"):  # chunked: the server ends the input at the body's end
            body = environ["wsgi.input"].read(self.max_body_bytes + 1)
            if len(body) > self.max_body_bytes:
                return _wsgi_answer(start_response, 413, b'{"error": "body too large"}')
        else:
            body = b""
        headers = [(k[5:].replace("_", "-"), str(v)) for k, v in environ.items() if k.startswith("HTTP_")]
        status, answer, events = self.accept(body, headers)
        _wsgi_start(start_response, status, answer)
        return _AfterResponse(answer, lambda: self.dispatch(events))


_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    405: "Method Not Allowed",
    413: "Payload Too Large",
}


def _wsgi_start(start_response: Callable[..., Any], status: int, body: bytes) -> None:
    start_response(
        f"{status} {_REASONS[status]}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )


def _wsgi_answer(start_response: Callable[..., Any], status: int, body: bytes) -> list[bytes]:
    _wsgi_start(start_response, status, body)
    return [body]


class _AfterResponse:
    """A WSGI response body that runs ``then`` when the server closes it (PEP 3333)."""

    def __init__(self, body: bytes, then: Callable[[], None]) -> None:
        self._body = body
        self._then: Callable[[], None] | None = then

    def __iter__(self) -> Iterator[bytes]:
        yield self._body

    def close(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
