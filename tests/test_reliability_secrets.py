"""Secrets never leak: DEBUG logs (file and stream, root logger so httpx/httpcore are included),
reprs, strs, exception messages and formatted tracebacks (with chained exceptions), for lifecycles that
succeed and lifecycles that fail in every way the reliability tests exercise."""

from __future__ import annotations

import asyncio
import io
import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import client_kwargs

from agora_cr import (
    AsyncMixRecordingClient,
    ClientException,
    IndividualRecordingClient,
    MixRecordingClient,
    ValidationError,
    WebRecordingClient,
    api_start,
)
from agora_cr.testing import Emulator

SECRET = "CUSTOMER-SECRET-VALUE-42"
TOKEN = "RTC-TOKEN-VALUE-007"
ACCESS = "ACCESS-KEY-VALUE-XYZ"
SECRET_KEY = "SECRET-KEY-VALUE-ABC"
STS = "STS-TOKEN-VALUE-QQQ"
STORAGE = {
    "vendor": 1,
    "region": 0,
    "bucket": "bucket",
    "accessKey": ACCESS,
    "secretKey": SECRET_KEY,
    "stsToken": STS,
}


@pytest.fixture
def secret_emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None, customer_secret=SECRET) as emulator:
        yield emulator


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Callable[[], str]]:
    """DEBUG everything (root logger: agora_cr, httpx, httpcore) to a file and a stream."""
    stream = io.StringIO()
    file_path = tmp_path / "debug.log"
    handlers: list[logging.Handler] = [
        logging.FileHandler(file_path, encoding="utf-8"),
        logging.StreamHandler(stream),
    ]
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    for handler in handlers:
        handler.setLevel(logging.DEBUG)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        root.addHandler(handler)

    def text() -> str:
        for handler in handlers:
            handler.flush()
        return file_path.read_text(encoding="utf-8") + stream.getvalue()

    yield text
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(old_level)


def secrets(emu: Emulator) -> list[str]:
    basic = emu.authorization.split()[-1]
    return [SECRET, basic, TOKEN, ACCESS, SECRET_KEY, STS]


def shown(exc: BaseException) -> str:
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))]
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            parts.append(shown(linked))
    return "\n".join(parts)


def failure_scenarios(emu: Emulator) -> list[tuple[str, dict[str, Any], Callable[[], None]]]:
    """(name, client options, fault set-up) for every way a call fails in the reliability tests."""
    second = emu.add_host("second")
    return [
        ("5xx", {}, lambda: emu.inject(status=503, times=None)),
        ("429", {"max_retries": 1}, lambda: emu.inject(status=429, retry_after=0.01, times=None)),
        ("timeout", {"timeout": 0.1, "max_retries": 0}, lambda: emu.inject(delay=0.3, times=None)),
        ("drop", {}, lambda: emu.inject("drop", times=None)),
        ("reset", {}, lambda: emu.inject("reset", times=None)),
        ("html", {}, lambda: emu.inject("html", times=None)),
        ("empty", {}, lambda: emu.inject("empty", times=None)),
        ("invalid_json", {}, lambda: emu.inject("invalid_json", times=None)),
        ("wrong_shape", {}, lambda: emu.inject("wrong_shape", times=None)),
        ("code_65", {}, lambda: emu.inject(status=206, code=65, times=None)),
        ("code_7", {}, lambda: emu.inject(status=201, code=7, times=None)),
        ("401", {}, lambda: emu.inject(status=401, message="Invalid authentication credentials", times=None)),
        (
            "hosts_down",
            {"base_url": None, "endpoints": [emu.base_url, second, "http://does-not-exist.invalid:80"]},
            lambda: (emu.set_host_down("primary"), emu.set_host_down("second")),
        ),
    ]


def lifecycle(client: MixRecordingClient, uid: str) -> None:
    rid = client.acquire("room", uid).resource_id
    started = client.start(rid, "room", uid, TOKEN, STORAGE, {"channelType": 0, "streamTypes": 2})
    client.query(started.resource_id, started.sid)
    client.update(started.resource_id, started.sid, "room", uid, storage_config=STORAGE)
    client.update_layout(started.resource_id, started.sid, "room", uid, mixed_video_layout=1)
    client.stop(started.resource_id, started.sid, "room", uid)


def test_no_secret_in_logs_reprs_or_errors(secret_emu: Emulator, logs: Callable[[], str]) -> None:
    emu = secret_emu
    seen: list[str] = []
    with MixRecordingClient(**client_kwargs(emu)) as client:
        lifecycle(client, "801")  # success
        seen += [repr(client), str(client)]
    for index, (name, options, setup) in enumerate(failure_scenarios(emu)):
        emu.clear_faults()
        for host in ("primary", "second"):
            emu.set_host_down(host, False)
        with MixRecordingClient(**client_kwargs(emu, **options)) as client:
            setup()
            with pytest.raises(ClientException) as info:
                lifecycle(client, str(900 + index))
            seen.append(shown(info.value))
            seen.append(repr(client))
        assert name
    # Bad input is reported without echoing secrets either (strict: the too-long key is a lint otherwise).
    with IndividualRecordingClient(**client_kwargs(emu, strict=True)) as client:
        for bad in (
            {**STORAGE, "accessKey": ACCESS * 30},  # too long
            {**STORAGE, "vendor": 99},
        ):
            with pytest.raises(ValidationError) as bad_info:
                client.start("R" * 40, "room", "1", TOKEN + "\n" * 3000, bad)
            seen.append(shown(bad_info.value))
    with WebRecordingClient(**client_kwargs(emu)) as web, pytest.raises(ClientException) as web_info:
        web.start("R" * 40, "room", "1", storage_config=STORAGE)
    seen.append(shown(web_info.value))
    block = api_start.StorageConfig(vendor=1, region=0, bucket="b", accessKey=ACCESS, secretKey=SECRET_KEY)
    seen += [repr(block), str(block)]
    text = logs() + "\n".join(seen)
    assert "-> 200" in text and "DEBUG" in text  # DEBUG logging really was on
    for value in secrets(emu):
        assert value not in text, f"secret {value[:6]}... leaked"
    assert "Basic " not in text


async def test_async_failures_and_recording_leak_nothing(
    secret_emu: Emulator, logs: Callable[[], str]
) -> None:
    emu = secret_emu
    seen: list[str] = []
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_retries=1)) as client:
        emu.inject(operation="stop", status=500, times=None)
        with pytest.raises(RuntimeError) as info:
            async with client.recording("room", "811", TOKEN, storage_config=STORAGE):
                raise RuntimeError("body")
        seen.append(shown(info.value) + shown(info.value.stop_error))  # type: ignore[attr-defined]
        emu.clear_faults()
        emu.inject(delay=0.3, times=None)
        task = asyncio.ensure_future(client.acquire("room", "812"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as cancelled:
            await task
        seen.append(shown(cancelled.value))
    text = logs() + "\n".join(seen)
    for value in secrets(emu):
        assert value not in text
