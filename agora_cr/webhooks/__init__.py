"""Notifications from Agora's notification service (NCS): verified, typed, deduplicated, ordered.

::

    from agora_cr import webhooks

    event = webhooks.construct_event(raw_body, request_headers, secret)  # verify + parse
    if event.name == "uploaded":
        for file in event.details.file_list or []:
            print(file.file_name)

    app = webhooks.WebhookApp(secret, handle)        # ASGI (FastAPI, Starlette, uvicorn)
    wsgi = webhooks.WebhookWSGIApp(secret, handle)   # WSGI (Flask, Django, gunicorn)

Event types and their ``details`` come from the spec (``openapi/cloud_recording.yaml``): the models
are generated with the rest of the client, so a documented field reaches you after ``./codegen.sh``.
"""

from __future__ import annotations

from ..exceptions import WebhookError, WebhookPayloadError, WebhookSignatureError
from ._events import Event, EventDetails, EventKind, dumps, event_kinds, event_types, parse
from ._order import Deduplicator, Reorderer
from ._receiver import MAX_BODY_BYTES, Receiver, WebhookApp, WebhookWSGIApp, construct_event
from ._signature import SIGNATURE_HEADERS, sign, verify

__all__ = [
    "MAX_BODY_BYTES",
    "SIGNATURE_HEADERS",
    "Deduplicator",
    "Event",
    "EventDetails",
    "EventKind",
    "Receiver",
    "Reorderer",
    "WebhookApp",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookWSGIApp",
    "construct_event",
    "dumps",
    "event_kinds",
    "event_types",
    "parse",
    "sign",
    "verify",
]
