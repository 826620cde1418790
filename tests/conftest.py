"""Shared fixtures of the client tests: an emulator without QPS limit and fast retry settings."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
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


# ------------------------------------------------------------------------------------ http backends
#: Test files whose async-client tests run once per ``http_backend`` (every reliability guarantee must
#: hold on each socket layer): the backend is set through ``AGORA_CR_HTTP_BACKEND``, which async clients
#: read when ``http_backend=`` is not given (a client given its own ``transport=`` keeps it).
BACKEND_FILES = ("test_reliability_", "test_client_", "test_http_backends")
HTTP_BACKENDS = ("httpx", "aiohttp")


def _uses_async_client(function: Any) -> bool:
    if inspect.iscoroutinefunction(function):
        return True
    try:
        return "AsyncMixRecordingClient" in inspect.getsource(function)
    except (OSError, TypeError):  # pragma: no cover - source not available
        return False


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    name = Path(str(metafunc.definition.fspath)).name
    if name.startswith(BACKEND_FILES) and _uses_async_client(metafunc.function):
        metafunc.fixturenames.append("http_backend")
        metafunc.parametrize("http_backend", HTTP_BACKENDS, indirect=True)


@pytest.fixture
def http_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The async clients' socket layer for this test (see ``BACKEND_FILES``)."""
    backend: str = getattr(request, "param", "httpx")
    monkeypatch.setenv("AGORA_CR_HTTP_BACKEND", backend)
    return backend
