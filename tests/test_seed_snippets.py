"""Every snippet of the user's document, run as written against the emulator.

The only change to each builder chain is the added ``.with_base_url(emu.base_url)`` line; the other
snippets are verbatim. Each runs in one namespace, in the document's order, so ``response`` of one step
feeds ``resource_id`` / ``sid`` of the next. A snippet that hits its ``except`` branch prints the error and
leaves ``response`` unset, which the test detects.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from agora_cr import (
    AcquireResult,
    ExtensionServiceName,
    QueryResult,
    RegionArea,
    StartResult,
    StopResult,
    UpdateLayoutResult,
    UpdateResult,
    WebRecordingClient,
    api_start,
    api_update,
    exceptions,
    individual_recording_client,
    mix_recording_client,
)
from agora_cr.testing import Emulator

BUILD_INDIVIDUAL = """
individual_recording_client = individual_recording_client.IndividualRecordingClient \\
    .new_builder() \\
    .with_app_id(app_id) \\
    .with_basic_auth(basic_auth_user_name, basic_auth_password) \\
    .with_region(RegionArea.CN.value) \\
    .with_stream_log(log_level=logging.DEBUG) \\
    .with_file_log(path='test.log') \\
    .with_base_url(emu.base_url) \\
    .build()
"""
BUILD_MIX = """
mix_recording_client = mix_recording_client.MixRecordingClient \\
    .new_builder() \\
    .with_app_id(app_id) \\
    .with_basic_auth(basic_auth_user_name, basic_auth_password) \\
    .with_region(RegionArea.CN.value) \\
    .with_stream_log(log_level=logging.DEBUG) \\
    .with_file_log(path='test.log') \\
    .with_base_url(emu.base_url) \\
    .build()
"""
BUILD_WEB = """
web_recording_client = WebRecordingClient \\
    .new_builder() \\
    .with_app_id(app_id) \\
    .with_basic_auth(basic_auth_user_name, basic_auth_password) \\
    .with_region(RegionArea.CN.value) \\
    .with_stream_log(log_level=logging.DEBUG) \\
    .with_file_log(path='test.log') \\
    .with_base_url(emu.base_url) \\
    .build()
"""


def _try(body: str) -> str:
    return (
        "try:\n"
        + "\n".join("    " + line for line in body.strip("\n").splitlines())
        + "\n    print(response)\n"
        "except exceptions.ClientRequestException as e:\n"
        "    print(e.status_code)\n"
        "    print(e.error_code)\n"
        "    print(e.error_msg)\n"
    )


ACQUIRE = {
    m: _try(f"response = {m}_recording_client.acquire(cname, uid)") for m in ("individual", "mix", "web")
}
START_STORAGE = """storage_config=api_start.StorageConfig(
        region=storage_config_region,
        vendor=storage_config_vendor,
        bucket=storage_config_bucket,
        accessKey=storage_config_access_key,
        secretKey=storage_config_secret_key
    )"""
START = {
    "individual": _try(
        f"response = individual_recording_client.start(resource_id, cname, uid, token, \n"
        f"    {START_STORAGE}\n)"
    ),
    "mix": _try(
        f"response = mix_recording_client.start(resource_id, cname, uid, token, \n    {START_STORAGE}\n)"
    ),
    "web": _try(
        f"""response = web_recording_client.start(resource_id, cname, uid, 
    {START_STORAGE}, 
    extension_service_config=api_start.ExtensionServiceConfig(
        extensionServices=[
            api_start.ExtensionServices(
                serviceName=ExtensionServiceName.WEB_RECORDER_SERVICE.value,
                serviceParam=api_start.ServiceParam(
                    url="https://www.agora.io",
                    audioProfile=2,
                    videoWidth=1280,
                    videoHeight=720,
                    maxRecordingHour=1
                )
            )
        ]
    )
)"""  # noqa: W291 - trailing spaces as in the document
    ),
}
STOP = {m: _try(f"response = {m}_recording_client.stop(resource_id, sid, cname, uid)") for m in START}
QUERY = {m: _try(f"response = {m}_recording_client.query(resource_id, sid)") for m in START}
SUBSCRIBE = """stream_subscribe=api_update.StreamSubscribe(
        videoUidList=api_update.VideoUidList(
            subscribeVideoUids=["#allstream#"]
        )
    )"""
UPDATE = {
    "individual": _try(
        f"response = individual_recording_client.update(resource_id, sid, cname, uid, \n    {SUBSCRIBE}\n)"
    ),
    "mix": _try(f"response = mix_recording_client.update(resource_id, sid, cname, uid, \n    {SUBSCRIBE}\n)"),
    "web": _try(
        "response = web_recording_client.update(resource_id, sid, cname, uid, "
        "web_recording_config=api_update.WebRecordingConfig(onhold=True))"
    ),
}
UPDATE_LAYOUT = _try(
    "response = mix_recording_client.update_layout(resource_id, sid, cname, uid, mixed_video_layout=1)"
)
BUILDERS = {"individual": BUILD_INDIVIDUAL, "mix": BUILD_MIX, "web": BUILD_WEB}

SECRETS = ("SEED-SECRET-KEY", "AKIA-SEED-ACCESS", "006-seed-rtc-token")


def _namespace(emu: Emulator) -> dict[str, Any]:
    return {
        "emu": emu,
        "logging": logging,
        "RegionArea": RegionArea,
        "ExtensionServiceName": ExtensionServiceName,
        "WebRecordingClient": WebRecordingClient,
        "api_start": api_start,
        "api_update": api_update,
        "exceptions": exceptions,
        "individual_recording_client": individual_recording_client,
        "mix_recording_client": mix_recording_client,
        "app_id": emu.app_id,
        "basic_auth_user_name": emu.customer_id,
        "basic_auth_password": emu.customer_secret,
        "cname": "seed_channel",
        "uid": "527841",
        "token": "006-seed-rtc-token",
        "storage_config_region": 0,
        "storage_config_vendor": 1,
        "storage_config_bucket": "seed-bucket",
        "storage_config_access_key": "AKIA-SEED-ACCESS",
        "storage_config_secret_key": "SEED-SECRET-KEY",
    }


def _run(snippet: str, ns: dict[str, Any], expected: type) -> Any:
    ns.pop("response", None)
    exec(compile(snippet, "<seed snippet>", "exec"), ns)
    assert "response" in ns, "the snippet fell into its except branch"
    response = ns["response"]
    assert isinstance(response, expected)
    return response


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
def test_seed_lifecycle(
    mode: str,
    emu: Emulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    ns = _namespace(emu)
    exec(compile(BUILDERS[mode], "<seed builder>", "exec"), ns)
    client = ns[f"{mode}_recording_client"]
    try:
        acquired = _run(ACQUIRE[mode], ns, AcquireResult)
        ns["resource_id"] = acquired.resourceId
        started = _run(START[mode], ns, StartResult)
        ns["sid"] = started.sid
        assert started.resource_id == acquired.resource_id
        queried = _run(QUERY[mode], ns, QueryResult)
        assert queried.sid == started.sid
        _run(UPDATE[mode], ns, UpdateResult)
        if mode == "mix":
            _run(UPDATE_LAYOUT, ns, UpdateLayoutResult)
        stopped = _run(STOP[mode], ns, StopResult)
        assert stopped.sid == started.sid
        assert client.logger.handlers  # the builder's stream + file handlers
    finally:
        client.close()
    out = capsys.readouterr().out
    assert f"StartResult(resource_id='{acquired.resource_id}'" in out  # print(response)
    assert "-> 200" in out  # DEBUG stream log of the lifecycle
    log = (tmp_path / "test.log").read_text(encoding="utf-8")  # created; INFO level by default (quiet)
    for secret in (*SECRETS, emu.customer_secret, emu.authorization.split()[-1]):
        assert secret not in out
        assert secret not in log
    operations = [r.operation for r in emu.requests]
    expected = ["acquire", "start", "query", "update", *(["updateLayout"] if mode == "mix" else []), "stop"]
    assert operations == expected
    # the emulator saw the seed's values, the web acquire used scene 1
    assert emu.requests[0].body["clientRequest"]["scene"] == (1 if mode == "web" else 0)
    assert emu.requests[1].body["clientRequest"]["storageConfig"]["bucket"] == "seed-bucket"


def test_seed_error_branch_prints_status_code_error_code_and_message(
    emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    ns = _namespace(emu)
    exec(compile(BUILD_INDIVIDUAL, "<seed builder>", "exec"), ns)
    ns["resource_id"], ns["sid"] = "no-such-resource", "0123456789abcdef0123456789abcdef"
    capsys.readouterr()
    try:
        exec(compile(QUERY["individual"], "<seed snippet>", "exec"), ns)
    finally:
        ns["individual_recording_client"].close()
    lines = [
        line for line in capsys.readouterr().out.splitlines() if " - " not in line and "agora_cr" not in line
    ]
    assert lines[-3:] == ["404", "404", "failed to find worker"]


def test_seed_builder_accepts_region_enum_and_credential_alias(emu: Emulator) -> None:
    client = (
        individual_recording_client.IndividualRecordingClient.new_builder()
        .with_app_id(emu.app_id)
        .with_credential_basic_auth(emu.customer_id, emu.customer_secret)
        .with_region(RegionArea.EU)
        .with_http_retry_count(2)
        .with_http_timeout_seconds(5)
        .with_base_url(emu.base_url)
        .build()
    )
    with client:
        assert client.region is RegionArea.EU
        assert client.acquire("seed_channel", "527841").resource_id
