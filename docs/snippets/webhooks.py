"""Notifications: a receiver on loopback gets the emulator's signed events of one recording (docs test)."""

from __future__ import annotations

import threading
import wsgiref.simple_server

from agora_cr import MixRecordingClient, webhooks
from agora_cr.testing import Emulator

STORAGE = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "ak", "secretKey": "sk"}
SECRET = "the-secret-from-agora-console"


# --8<-- [start:receiver]
def handle(event: webhooks.Event) -> None:
    """Called once per notification, after it was verified and answered 200."""
    if event.name == "uploaded":
        print(event.sid, "uploaded", [f.file_name for f in event.details.file_list or []])
    elif event.name == "session_exit":
        print(event.sid, "exited, status", event.details.exit_status)
    else:
        print(event.sid, event.name)


app = webhooks.WebhookWSGIApp(SECRET, handle)  # or webhooks.WebhookApp (ASGI)
# --8<-- [end:receiver]


class Quiet(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


server = wsgiref.simple_server.make_server("127.0.0.1", 0, app, handler_class=Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_port}/agora/ncs"

# --8<-- [start:emulator]
with Emulator(webhook_url=url, webhook_secret=SECRET) as emu:
    with (
        MixRecordingClient(emu.app_id, emu.customer_id, emu.customer_secret, base_url=emu.base_url) as client,
        client.recording("room", "1001", storage_config=STORAGE),
    ):
        pass  # recording...
    emu.wait_for_webhooks()  # every notification delivered (or given up)
    print(len(emu.deliveries), "deliveries")
# --8<-- [end:emulator]
server.shutdown()
