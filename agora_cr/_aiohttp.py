"""An httpx transport over aiohttp: the async clients' ``http_backend="aiohttp"`` (extra ``[aiohttp]``).

httpx's own async pool (httpcore) rescans its connections on every request and event, which at
hundreds of concurrent calls costs more CPU than the calls themselves; aiohttp's connector does not
(``benchmarks/RESULTS.md``, section 3). Only the socket work moves: requests are still built, and
answers decoded, by ``httpx.AsyncClient``, so the policy, the deadline, the body cap and the request
on the wire are those of the default backend.

Errors are mapped by what may have reached the service, which is what the policy's failover reads:
only a failure to connect means nothing was sent (``httpx.ConnectError``/``ConnectTimeout``: the next
host may be tried with any operation). A connection lost after the request went out is a
``RemoteProtocolError``/``ReadError``, as with httpx, so a ``start`` is never sent twice.
"""

from __future__ import annotations

import asyncio
import urllib.request
import warnings
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
import httpx

#: aiohttp's errors, most specific first, and the httpx error with the same meaning for the policy.
_ERRORS: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),  # no connection: nothing sent
    (aiohttp.ClientConnectorError, httpx.ConnectError),  # refused, DNS, TLS handshake: nothing sent
    (aiohttp.SocketTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # a malformed answer
    (aiohttp.ClientPayloadError, httpx.ReadError),
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientError, httpx.ReadError),  # anything else: it may have been sent
    (asyncio.TimeoutError, httpx.ReadTimeout),
)


@contextmanager
def _mapped(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        for source, target in _ERRORS:
            if isinstance(exc, source):
                raise target(str(exc) or type(exc).__name__, request=request) from exc
        raise  # pragma: no cover - the last rows catch every ClientError and TimeoutError


class _Body(httpx.AsyncByteStream):
    """An answer's body, streamed from aiohttp; closing it early drops the connection."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request
        self._complete = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped(self._request):
            async for chunk in self._response.content.iter_any():
                yield chunk
        self._complete = True

    async def aclose(self) -> None:
        if self._complete:
            self._response.release()  # back to the pool
        else:
            self._response.close()  # a part is unread: the connection cannot be reused


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests through one ``aiohttp.ClientSession`` per event loop (opened on first use)."""

    def __init__(self, limits: httpx.Limits, *, trust_env: bool = True) -> None:
        self._limits = limits
        self._trust_env = trust_env
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ssl: Any = None
        self._proxies: dict[tuple[str, str], str | None] = {}  # the client's few hosts

    def _open(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is not None and self._loop is loop:
            return session
        if session is not None:  # used from another event loop: that loop's sockets are its own
            self._retire(session)
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context(trust_env=self._trust_env)
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,
            limit_per_host=0,
            keepalive_timeout=self._limits.keepalive_expiry or 5.0,
            ssl=self._ssl,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,  # proxies are read once (_proxy): aiohttp would scan os.environ per request
            auto_decompress=False,  # httpx decodes
            timeout=aiohttp.ClientTimeout(total=None),  # the client's deadline bounds every call
        )
        self._session, self._loop = session, loop
        return session

    @staticmethod
    def _retire(session: aiohttp.ClientSession) -> None:
        connector = session.connector
        session.detach()
        if connector is not None:
            with warnings.catch_warnings():  # close() answers an awaitable that cannot be awaited here
                warnings.simplefilter("ignore")
                connector.close()

    def _proxy(self, url: httpx.URL) -> str | None:
        """The proxy for ``url`` from the environment (``HTTPS_PROXY``, ``NO_PROXY``, ...), once per host."""
        key = (url.scheme, url.host)
        if key not in self._proxies:
            proxy = None
            if self._trust_env and not urllib.request.proxy_bypass(url.host):
                proxy = urllib.request.getproxies().get(url.scheme)
            self._proxies[key] = proxy
        return self._proxies[key]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._open()
        timeout = request.extensions.get("timeout", {})
        headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw]
        with _mapped(request):
            response = await session.request(
                request.method,
                str(request.url),
                headers=headers,
                data=request.content or None,
                allow_redirects=False,
                compress=None,
                proxy=self._proxy(request.url),
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    connect=timeout.get("pool"),
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                ),
            )
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": (response.reason or "").encode()},
        )

    def abandon(self) -> None:
        """Let go of the session without awaiting (its loop is gone or not running here)."""
        session, self._session = self._session, None
        if session is not None:
            self._retire(session)

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        try:
            same_loop = asyncio.get_running_loop() is self._loop
        except RuntimeError:
            same_loop = False
        if same_loop:
            await session.close()
        else:
            self._retire(session)
