"""Offline emulator of Agora Cloud Recording (REST v1): a real HTTP server on loopback.

Quick start::

    from agora_cr.testing import Emulator

    with Emulator() as emu:                # or emu = Emulator().start(); ...; emu.close()
        emu.base_url                       # "http://127.0.0.1:PORT"
        emu.app_id, emu.customer_id, emu.customer_secret
        emu.auth                           # (customer_id, customer_secret) for httpx

For a fleet sharing one request budget on Redis, :class:`RedisServer` runs a throwaway
``redis-server`` on a free loopback port (``with RedisServer() as r: RedisRateLimiter(r.url)``).

Under pytest the ``agora_emulator`` fixture (plugin ``agora_cr``) yields a fresh running emulator.
From a shell: ``python -m agora_cr.testing.cli [--port N] [--host H] [--no-qps-limit]``.

Constructor (all keyword, all optional)
    ``app_id``, ``customer_id``, ``customer_secret`` (random hex when omitted), ``host="127.0.0.1"``,
    ``port=0`` (a free port), ``resource_ttl=300.0`` (seconds a resource ID can be started),
    ``qps_limit=10`` (requests per second over all hosts, sliding 1 s window of real time; None
    disables), ``clock`` (a ``() -> float`` seconds source for emulated time; default
    ``time.monotonic``), ``status_interval=2.0`` (emulated seconds per step of the query status
    progression; 0 makes it query-count only), ``exiting_period=10.0`` (emulated seconds a stopped or
    idle-exited session stays "exiting"), ``max_recorded=100_000`` (request log size),
    ``latency=0.0`` (seconds added before every answer, a network round trip; CLI ``--latency-ms``).

Service behaviour (errors are ``{"code", "reason"}`` unless noted)
    * routes come from the spec's paths (plus ``/v2/ncs/ip``); unknown path or wrong method:
      404 ``{"message": "no Route matched with those values"}``.
    * no ``Authorization``: 401 ``{"message": "Unauthorized"}``; anything else wrong (scheme, encoding,
      credentials, an App ID in the path other than ``emu.app_id``): 401
      ``{"message": "Invalid authentication credentials"}``.
    * over the QPS limit: 429 ``{"message": "API rate limit exceeded"}`` with ``Retry-After: 1``.
      Unauthenticated requests are not counted (the gateway authenticates first).
    * POST without ``Content-Type: application/json`` or with a body that is not JSON: 400 code 8.
    * path parameters and bodies are validated against the spec (start: the per-mode schema of
      ``x-agora-mode-schemas``; acquire: ``scene`` 1 selects the web schema) plus rules the schema
      cannot express (``["mp4"]`` alone, secret/salt for decryption, vendor 11 endpoint, snapshot
      needs video, individual needs recordingFileConfig unless screenshot-only, one web recorder
      (and no aliyun_vod_service) in web mode, only aliyun_vod_service in individual/mix,
      picture size limits, web-only/non-web-only update blocks): 400 code 2 with reason
      ``"<json.path>: <message>"``, e.g. ``"clientRequest.recordingConfig.maxIdleTime: 3 is less
      than the minimum of 5"``. updateLayout outside ``mix``: 400 code 2 naming ``mode``.
    * start: unknown resource ID 400 code 1001; already used resource ID 201 code 7 (checked before
      expiry); resource older than ``resource_ttl`` 400 code 433; web with a resource not acquired with
      scene 1 (or non-web with scene 1) 400 code 2; cname/uid other than acquire's 400 code 432;
      clientRequest differing from acquire's ``startParameter`` 400 code 2; the same app/cname/uid
      live in another session 400 code 53. The sid is 32 hex characters.
    * query/update/updateLayout/stop: unknown sid, resource ID not matching the sid, cname/uid not
      matching the session, session gone, or past ``resourceExpiredHour`` since start: 404 code 404
      ``"failed to find worker"``; a mode other than the session's: 400 code 2 naming ``mode``.
      After ``stop`` the session is "exiting" for ``exiting_period`` emulated seconds: query/update/
      updateLayout 404, stop 400 code 49; after that everything 404.
    * idle exit: non-web sessions leave when their channel has had no users for ``maxIdleTime``
      (default 30 s) – channels have no users until :meth:`Emulator.set_channel_users`; web sessions
      leave after ``maxRecordingHour``. Then as after stop (exiting: stop 49; later 404).
    * query status: 1, 4, 5 for the 1st, 2nd, 3rd+ query, or by emulated time since start
      (``status_interval`` per step), whichever is further. File lists appear at status 5:
      individual ``fileListMode "json"`` with one FileInfo per subscribed uid (explicit subscribe
      lists, else one per channel user, at least one) plus ``sliceStartTime``; mix ``["hls"]`` →
      ``"string"`` (an .m3u8 name), mix with mp4 → ``"json"``; web → ``extensionServiceState`` with
      ``web_recorder_service {fileList[{filename, sliceStartTime}], onhold, state}`` and
      ``rtmp_publish_service {outputs[{rtmpUrl, status}], state}`` when configured. update
      ``webRecordingConfig.onhold`` / ``rtmpPublishConfig`` change those payloads.
    * stop: individual/mix ``uploadingStatus "uploaded"`` plus the file list (screenshot-only
      individual: ``uploadingStatus`` only); web ``extensionServiceState`` with ``upload_service
      {uploadingStatus}`` and ``web_recorder_service`` (state ``exit``).

Emulator methods
    ``start()``, ``close()``, context manager; ``base_url``; ``hosts`` (name -> URL; the first host
    is ``"primary"``); ``add_host(name, port=0) -> url`` (another listener sharing all state);
    ``set_host_down(name_or_url, down=True)`` (closes the listening socket and aborts its
    connections, so clients get *connection refused*; ``False`` reopens it on the same port);
    ``is_host_down(name_or_url)``; ``requests`` (list of :class:`RecordedRequest`: method, path,
    operation, mode, headers with ``Authorization`` masked, body with ``accessKey``/``secretKey``/
    ``stsToken``/``token``/``secret`` masked, status, code, host name, url, fault kind, time);
    ``clear_requests()``; ``set_channel_users(cname, n)``; ``advance_time(seconds)``; ``now()``;
    ``set_qps_limit(n_or_None)``; ``sessions``; ``session_phase(sid)``; ``authorization``
    (the accepted header value); ``inject(...)``, ``faults``, ``clear_faults()``.

Notifications (``Emulator(webhook_url=..., webhook_secret=...)``)
    Each session's NCS events are POSTed to ``webhook_url``, signed, with resends as the service
    (:mod:`agora_cr.testing.notifications`); ``deliveries`` (list of :class:`RecordedDelivery`),
    ``inject_webhook(kind)`` (``drop``, ``duplicate``, ``delay``, ``reorder``),
    ``wait_for_webhooks(timeout)``. See the guide page "Notifications (webhooks)".

Tokens (``Emulator(app_certificate=...)``)
    Individual and mix ``start`` then need the recorder's RTC token (:mod:`agora_cr.tokens`): a
    missing, unreadable or foreign one (another certificate, App ID, channel or uid) is answered 400
    code 110, an expired one 400 code 109.

Fault injection
    ``emu.inject(kind=None, *, operation=None, status=None, code=None, reason=None, message=None,
    body=None, content_type=None, headers=None, retry_after=None, delay=0.0, size=8 MiB, times=1,
    after=0, host=None, predicate=None) -> Fault``

    A fault matches requests by ``operation`` (an operationId such as ``"start"`` or a list of
    them; ``getNcsIp`` for the NCS route; None: any request, including unrouted ones), ``host``
    (name or base URL) and ``predicate(RequestInfo) -> bool``; it lets the first ``after`` matches
    through, then fires ``times`` times (None: until :meth:`Emulator.clear_faults`). Faults are
    checked in the order they were added and the first that fires decides. Injected responses skip
    auth, the rate limit and the state machine. Kinds (inferred: ``status`` when a status, code,
    message or body is given, ``delay`` when only ``delay`` is):

    ``status``: answer ``status`` (default 500) with ``body`` if given, else ``{"message": message}``,
    else ``{"code": code, "reason": reason}``, else a default fitting the status (201 code 7, 206
    code 65, 400 code 2, 404 code 404, 429/502/503 gateway ``message``, 500 code 500, 504 code 62);
    ``retry_after`` adds a ``Retry-After`` header, ``headers`` any others. ``delay``: sleep then
    serve normally (``delay=`` also delays any other kind). ``drop``: close the connection without
    a response; ``reset``: abort it (RST). ``html``: an nginx-style HTML page, default 502.
    ``empty``: empty body, default 200. ``invalid_json``: truncated JSON, default 200.
    ``wrong_shape``: a JSON list, default 200. ``huge``: a valid JSON object of ``size`` bytes.

    Examples::

        emu.inject(operation="start", status=500, code=502, reason="Failed to allocate worker")
        emu.inject(operation="start", status=206, code=65, times=2)       # two 206s, then normal
        emu.inject(status=503, message="upstream unavailable", times=3)     # next 3 requests
        emu.inject(status=429, retry_after=2)                                # 429 + Retry-After: 2
        emu.inject(status=429)                                               # 429 without Retry-After
        emu.inject(operation="query", delay=1.5)                             # slow, then normal
        emu.inject("drop", operation="stop")                                 # no response at all
        emu.inject("html", status=502, host="api-us-west-1")
        emu.inject("invalid_json", operation="acquire", after=1)             # the 2nd acquire
        emu.inject(status=500, times=None, predicate=lambda r: r.mode == "web")
        emu.set_host_down("api-us-west-1")                                   # connection refused
"""

from __future__ import annotations

from agora_cr.testing.emulator import Emulator
from agora_cr.testing.faults import Fault, RequestInfo
from agora_cr.testing.notifications import RecordedDelivery, WebhookFault
from agora_cr.testing.records import RecordedRequest
from agora_cr.testing.redis_server import RedisServer

__all__ = [
    "Emulator",
    "Fault",
    "RecordedDelivery",
    "RecordedRequest",
    "RedisServer",
    "RequestInfo",
    "WebhookFault",
]
