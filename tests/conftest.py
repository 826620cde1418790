"""Shared fixtures of the client tests: an emulator without QPS limit and fast retry settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agora_cr.testing import Emulator

#: Retry settings that keep retry tests fast (delays in milliseconds, not seconds).
FAST_RETRIES: dict[str, Any] = {
    "initial_retry_delay": 0.01,
    "max_retry_delay": 0.02,
    "start_retry_delays": (0.01, 0.02),
    "retry_after_cap": 0.2,
}

#: A valid ``serviceParam`` of ``web_recorder_service``.
WEB_PARAM: dict[str, Any] = {
    "url": "https://example.com",
    "audioProfile": 0,
    "videoWidth": 1280,
    "videoHeight": 720,
    "maxRecordingHour": 1,
}

STORAGE = {
    "vendor": 1,
    "region": 0,
    "bucket": "bucket",
    "accessKey": "AK-TEST-ACCESS",
    "secretKey": "SK-TEST-SECRET",
}


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None) as emulator:
        yield emulator


def client_kwargs(emu: Emulator, **extra: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "app_id": emu.app_id,
        "customer_id": emu.customer_id,
        "customer_secret": emu.customer_secret,
        "base_url": emu.base_url,
        "rate_limit": None,  # the emulator of these tests has no QPS limit; pacing has its own tests
        **FAST_RETRIES,
    }
    kwargs.update(extra)
    return kwargs
