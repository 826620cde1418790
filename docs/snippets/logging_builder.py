"""Logging through the builder, as in the official SDK: the handlers belong to this client."""

from __future__ import annotations

import logging
import sys

from agora_cr import IndividualRecordingClient, RegionArea
from agora_cr.testing import Emulator

with Emulator() as emulator:
    # --8<-- [start:builder]
    client = (
        IndividualRecordingClient.new_builder()
        .with_app_id(emulator.app_id)
        .with_basic_auth(emulator.customer_id, emulator.customer_secret)
        .with_region(RegionArea.US)
        .with_base_url(emulator.base_url)  # drop this line for the real service
        .with_stream_log(sys.stdout, log_level=logging.DEBUG, format_string="builder: %(message)s")
        .build()
    )
    with client:
        client.acquire("room1", "1002")
    # --8<-- [end:builder]
