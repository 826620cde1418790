"""What a newcomer meets first: credentials from the environment, the region default, request ids,
per-call options, logging switched on from the environment, and exceptions that are also builtins.

All through real HTTP against the emulator on 127.0.0.1.
"""

from __future__ import annotations

import builtins
import logging
import os
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import STORAGE, client_kwargs

import agora_cr._config
from agora_cr import (
    AsyncMixRecordingClient,
    ClientBuildException,
    ClientClosedError,
    ClientTimeoutException,
    MixRecordingClient,
    RegionArea,
    ServerError,
)
from agora_cr.testing import Emulator


@pytest.fixture
def agora_env(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    for name in (
        "AGORA_APP_ID",
        "AGORA_CUSTOMER_ID",
        "AGORA_CUSTOMER_SECRET",
        "AGORA_REGION",
        "AGORA_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AGORA_APP_ID", emu.app_id)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", emu.customer_id)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", emu.customer_secret)
    monkeypatch.setenv("AGORA_BASE_URL", emu.base_url)
    return emu


# ------------------------------------------------------------------------------------ environment
def test_the_constructor_reads_the_agora_variables(agora_env: Emulator) -> None:
    with MixRecordingClient(rate_limit=None) as client:
        assert client.app_id == agora_env.app_id
        assert client.endpoints == (agora_env.base_url,)
        assert client.acquire("room", "1").resource_id


async def test_the_async_constructor_reads_them_too(agora_env: Emulator) -> None:
    async with AsyncMixRecordingClient(rate_limit=None) as client:
        assert (await client.acquire("room", "2")).resource_id


def test_explicit_arguments_win_over_the_environment(
    agora_env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGORA_REGION", "EU")
    with MixRecordingClient(app_id="f" * 32, customer_id="me", customer_secret="pw", region="AP") as client:
        assert client.app_id == "f" * 32
        assert client.region is RegionArea.AP
        assert agora_env.base_url not in client.endpoints  # a region given: AGORA_BASE_URL does not apply
    with MixRecordingClient(base_url="http://127.0.0.1:9") as client:
        assert client.endpoints == ("http://127.0.0.1:9",)


def test_agora_region_applies_when_no_region_is_given(
    agora_env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AGORA_BASE_URL")
    monkeypatch.setenv("AGORA_REGION", "eu")
    with MixRecordingClient() as client:
        assert client.region is RegionArea.EU


def test_missing_credentials_are_all_named_with_their_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AGORA_APP_ID", "AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ClientBuildException) as caught:
        MixRecordingClient(customer_id="someone")
    message = str(caught.value)
    assert "app_id (pass app_id= or set AGORA_APP_ID)" in message
    assert "customer_secret (pass customer_secret= or set AGORA_CUSTOMER_SECRET)" in message
    assert "customer_id" not in message.replace("customer_id=", "")  # given: not named


def test_no_region_is_said_once(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv("AGORA_REGION", raising=False)
    monkeypatch.delenv("AGORA_BASE_URL", raising=False)
    monkeypatch.setattr(agora_cr._config, "_warned_region", False)
    caplog.set_level(logging.WARNING, logger="agora_cr")
    MixRecordingClient("a" * 32, "id", "secret").close()
    MixRecordingClient("a" * 32, "id", "secret").close()
    said = [r.getMessage() for r in caplog.records if "no region given" in r.getMessage()]
    assert len(said) == 1 and "AGORA_REGION" in said[0]
    MixRecordingClient("a" * 32, "id", "secret", region="US").close()
    assert len([r for r in caplog.records if "no region given" in r.getMessage()]) == 1


# ------------------------------------------------------------------------------------ request ids
def test_every_result_carries_the_request_id(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        acquired = client.acquire("room", "3")
        started = client.start(acquired.resource_id, "room", "3", storage_config=STORAGE)
        results = [
            acquired,
            started,
            client.query(started.resource_id, started.sid),
            client.update(
                started.resource_id, started.sid, "room", "3", {"audioUidList": {"subscribeAudioUids": ["1"]}}
            ),
            client.update_layout(started.resource_id, started.sid, "room", "3", mixed_video_layout=1),
            client.stop(started.resource_id, started.sid, "room", "3"),
        ]
    assert len(emu.requests) == len(results)
    for result in results:
        assert result.request_id and f"request_id={result.request_id!r}" in repr(result)
    assert len({r.request_id for r in results}) == len(results)


# ------------------------------------------------------------------------------------ with_options
def test_with_options_changes_one_call_and_shares_the_pool(emu: Emulator) -> None:
    emu.inject("delay", operation="acquire", delay=1.0)
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        quick = client.with_options(timeout=0.2, deadline=0.5)
        began = time.monotonic()
        with pytest.raises(ClientTimeoutException):
            quick.acquire("room", "4")
        assert time.monotonic() - began < 0.9
        assert client._config.timeout == 30.0 and quick._config.timeout == 0.2
        assert client.acquire("room", "5").resource_id  # the client keeps its own settings
        emu.inject(status=503, operation="acquire", times=1)
        with pytest.raises(ServerError):
            client.acquire("room", "6")
        emu.inject(status=503, operation="acquire", times=1)
        assert client.with_options(max_retries=2).acquire("room", "7").resource_id
        quick.close()  # a view's close leaves the shared pool open
        assert client.acquire("room", "8").resource_id
        assert quick._http is client._http
    with pytest.raises(ClientClosedError):
        quick.acquire("room", "9")


def test_with_options_checks_what_it_is_given(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        with pytest.raises(ClientBuildException, match="with_options takes timeout"):
            client.with_options(region="EU")
        with pytest.raises(ClientBuildException, match="timeout must be greater than 0"):
            client.with_options(timeout=0)
        with pytest.raises(ClientBuildException, match="max_retries must be an integer"):
            client.with_options(max_retries=-1)
    with pytest.raises(ClientClosedError):  # the client is closed now
        client.with_options(timeout=1)


async def test_async_with_options(emu: Emulator) -> None:
    emu.inject("delay", operation="acquire", delay=1.0)
    async with AsyncMixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        with pytest.raises(ClientTimeoutException):
            await client.with_options(timeout=0.2, deadline=0.4).acquire("room", "10")
        async with client.with_options(max_retries=1) as view:
            assert (await view.acquire("room", "11")).resource_id
        assert (await client.acquire("room", "12")).resource_id  # the view's close left the pool open


# ------------------------------------------------------------------------------------ exceptions
def test_exceptions_are_the_matching_builtins(emu: Emulator) -> None:
    second = emu.add_host("second")
    emu.set_host_down("primary")
    emu.set_host_down("second")
    kwargs = client_kwargs(emu, base_url=None, endpoints=[emu.base_url, second], max_retries=0)
    with MixRecordingClient(**kwargs) as client, pytest.raises(builtins.ConnectionError) as refused:
        client.acquire("room", "13")
    assert isinstance(refused.value, OSError) and refused.value.hosts_tried
    emu.set_host_down("primary", False)
    emu.inject("delay", operation="acquire", delay=1.0)
    short = client_kwargs(emu, deadline=0.3, max_retries=0)
    with MixRecordingClient(**short) as client, pytest.raises(builtins.TimeoutError) as late:
        client.acquire("room", "14")
    assert isinstance(late.value, ClientTimeoutException)


# ------------------------------------------------------------------------------------ logging
_SCRIPT = textwrap.dedent(
    """
    import sys
    from agora_cr import MixRecordingClient
    client = MixRecordingClient(base_url=sys.argv[1], rate_limit=None)
    rid = client.acquire("room", "15").resource_id
    try:
        client.query(rid, "a" * 32)
    except Exception:
        pass
    """
)


def _run_logged(emu: Emulator, level: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA")}
    env.update(
        AGORA_APP_ID=emu.app_id, AGORA_CUSTOMER_ID=emu.customer_id, AGORA_CUSTOMER_SECRET=emu.customer_secret
    )
    if level is not None:
        env["AGORA_CR_LOG"] = level
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, emu.base_url], capture_output=True, text=True, env=env, timeout=60
    )


def test_agora_cr_log_info_gives_one_line_per_call(emu: Emulator) -> None:
    done = _run_logged(emu, "info")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    assert " INFO acquire ok in " in lines[0] and "request_id=" in lines[0]
    assert " INFO query failed after " in lines[1] and "status_code=404" in lines[1]
    assert emu.customer_secret not in done.stderr


def test_agora_cr_log_debug_and_silence_without_it(emu: Emulator) -> None:
    debug = _run_logged(emu, "debug")
    assert "DEBUG" in debug.stderr and emu.customer_secret not in debug.stderr
    assert _run_logged(emu, None).stderr == ""
