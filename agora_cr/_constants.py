"""Every default of the client in one place.

Values are chosen from the service's documented behaviour (reference §2.5 and the best-practice
notes): a synchronous ``stop`` may take ~20 s while files upload, so a single attempt may last up to
30 s; the ``start`` code-65 rule retries after 3 s and 6 s; the service allows 10 requests per second,
so a 429 is retried with a short exponential back-off unless ``Retry-After`` says otherwise.
"""

from __future__ import annotations

from typing import Final

#: Name of the stdlib logger every client logs through (no handlers are installed by default).
LOGGER_NAME: Final = "agora_cr"

#: Seconds one HTTP attempt may take (read/write/pool); long enough for a synchronous ``stop``.
DEFAULT_TIMEOUT: Final = 30.0
#: Seconds to establish a TCP/TLS connection before failing over to the next host.
DEFAULT_CONNECT_TIMEOUT: Final = 5.0
#: Total seconds one method call may take, attempts, back-off and failover included.
DEFAULT_DEADLINE: Final = 90.0
#: Extra attempts after the first for retryable failures (the retry table of docs/guide/errors.md).
DEFAULT_MAX_RETRIES: Final = 2
#: First back-off delay in seconds; doubled per retry, capped by ``DEFAULT_MAX_RETRY_DELAY``.
DEFAULT_INITIAL_RETRY_DELAY: Final = 0.5
#: Upper bound of one exponential back-off delay in seconds.
DEFAULT_MAX_RETRY_DELAY: Final = 8.0
#: Longest ``Retry-After`` (seconds) the client is willing to wait; longer values are capped.
DEFAULT_RETRY_AFTER_CAP: Final = 30.0
#: Delays before re-sending ``start`` with the same resource ID after ``206 {code: 65}``.
DEFAULT_START_RETRY_DELAYS: Final = (3.0, 6.0)
#: Fraction of a back-off delay that is randomised (delay * (1 - JITTER * random())).
DEFAULT_JITTER: Final = 0.25

#: The async clients' socket layers (``http_backend=``): httpx's own (httpcore), and aiohttp through
#: ``_aiohttp`` (extra ``agora-cr[aiohttp]``), which scales to hundreds of concurrent calls.
HTTP_BACKENDS: Final = ("httpx", "aiohttp")
#: The environment variable that sets the async clients' ``http_backend`` when it is not given.
HTTP_BACKEND_ENV: Final = "AGORA_CR_HTTP_BACKEND"
#: The environment variable that turns on logging to stderr (``debug``, ``info`` or ``warning``).
LOG_ENV: Final = "AGORA_CR_LOG"

#: Connections per client by backend (``max_connections=``), which is also how many requests are in
#: flight at once; further calls wait for a free connection (within the pool timeout). The service
#: accepts 10 requests per second, which 10 connections sustain up to a 1 s round trip. httpcore
#: checks every pooled connection on each request, so more connections cost it more than they gain
#: (a 1,000-lifecycle burst at concurrency 100 took 7.6 s of CPU with 20, 5.1 s with 10; at 200
#: concurrent lifecycles with a 30 ms round trip, 50 connections gave half the throughput of 10).
#: aiohttp's pool has no such cost: 100 (its own default) serves a raised budget at high round trips.
#: Every pooled connection may stay alive: with fewer keep-alive slots than connections, httpcore
#: 1.0's pool closes "surplus idle" connections that another thread has just been assigned, and that
#: thread then fails with ``ReadError: [Errno 9] Bad file descriptor`` (2 of 4,000 calls at 100 threads).
DEFAULT_MAX_CONNECTIONS: Final = {"httpx": 10, "aiohttp": 100}

#: Requests per second the service allows per App ID (``rate_limit=`` default); every client paces its
#: requests through one limiter per App ID in the process (see ``agora_cr.ratelimit``).
DEFAULT_RATE_LIMIT: Final = 10

#: The largest answer body (decoded) read from the service; the largest documented ones, a query or
#: stop listing many files, are a few hundred KB. A larger body is cut off as an InvalidResponseError.
MAX_RESPONSE_BYTES: Final = 16 * 1024 * 1024

#: How many distinct, already checked ``clientRequest`` encodings a client remembers, and the size
#: above which one is not remembered (each is then checked on every call).
CHECKED_REQUESTS_KEPT: Final = 32
CHECKED_REQUEST_MAX_BYTES: Final = 16 * 1024
#: How many checked request paths (operation, resource ID, sid) a client remembers before starting over.
CHECKED_PATHS_KEPT: Final = 256

#: Documented default of ``acquire.clientRequest.resourceExpiredHour`` (not sent unless given).
DEFAULT_RESOURCE_EXPIRED_HOUR: Final = 72

#: Response headers read (in this order) for the request id attached to exceptions.
REQUEST_ID_HEADERS: Final = ("x-request-id", "x-agora-request-id", "request-id", "x-trace-id")

#: Field names whose values are secrets: never logged, never shown in a repr or an error message.
SECRET_FIELDS: Final = frozenset(
    {
        "accessKey",
        "secretKey",
        "secret",
        "salt",
        "token",
        "stsToken",
        "access_key",
        "secret_key",
        "sts_token",
        "customer_secret",
        "password",
        "Authorization",
        "authorization",
    }
)

USER_AGENT: Final = "agora-cr-python"
