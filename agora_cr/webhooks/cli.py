"""``agora-cr webhook listen``: receive notifications on a port, verify them and print each as one
JSON line (the model: the Stripe CLI's ``listen``). Standard library server, one request at a time."""

from __future__ import annotations

import json
import os
import sys
import wsgiref.simple_server
from typing import Any, TextIO

from .._signals import StopSignals
from ._events import Event
from ._receiver import WebhookWSGIApp

#: Where ``--secret`` is read from when not given (a secret on a command line shows in ``ps``).
SECRET_ENV = "AGORA_WEBHOOK_SECRET"


class _QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the event lines are the output
        return


def listen(host: str, port: int, secret: str | None, stream: TextIO, *, reorder: bool = False) -> int:
    """Serve until Ctrl-C/SIGTERM/SIGHUP; print every verified, new event as a JSON line."""
    key = secret or os.environ.get(SECRET_ENV)
    del secret
    if not key:
        print(f"agora-cr: error: give --secret or set ${SECRET_ENV}", file=sys.stderr)
        return 2

    def show(event: Event) -> None:
        line = {"eventType": event.event_type, "name": event.name, "verified": True, **event.to_dict()}
        stream.write(json.dumps(line, separators=(",", ":")) + "\n")
        stream.flush()

    app = WebhookWSGIApp(key, show, reorder=reorder)
    del key
    try:
        server = wsgiref.simple_server.make_server(host, port, app, handler_class=_QuietHandler)
    except (OSError, OverflowError, ValueError) as exc:
        errno = getattr(exc, "errno", None)  # asyncio words it "error while attempting to bind ..."
        reason = (
            os.strerror(errno) if isinstance(errno, int) and errno > 0 else getattr(exc, "strerror", None)
        )
        reason = " ".join(str(reason or exc).split())
        print(f"agora-cr: error: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
        return 2
    server.timeout = 0.2
    with StopSignals() as stop, server:
        print(
            f"listening on http://{host}:{server.server_port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True
        )
        while stop.signum is None:
            server.handle_request()
            app.dispatch(app.release_due())  # events held for order whose gap waited long enough
    return stop.exit_status
