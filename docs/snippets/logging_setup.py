"""Logging: the library logs through the stdlib logger "agora_cr" and installs no handler itself."""

from __future__ import annotations

import logging
import sys

from agora_cr import IndividualRecordingClient
from agora_cr.testing import Emulator

with Emulator() as emulator:
    # --8<-- [start:stdlib]
    logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("agora_cr").setLevel(logging.DEBUG)  # one line per HTTP exchange

    with IndividualRecordingClient(
        app_id=emulator.app_id,
        customer_id=emulator.customer_id,
        customer_secret=emulator.customer_secret,
        base_url=emulator.base_url,
    ) as client:
        client.acquire("room1", "1001")
    # --8<-- [end:stdlib]
