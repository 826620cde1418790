"""The ``agora-cr`` command line, run in-process and as the installed console script."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agora_cr.cli import main
from agora_cr.testing import Emulator

STORAGE = {
    "vendor": 1,
    "region": 0,
    "bucket": "b",
    "accessKey": "AK-cli-secret",
    "secretKey": "SK-cli-secret",
}


@pytest.fixture
def emu(monkeypatch: pytest.MonkeyPatch) -> Any:
    with Emulator(qps_limit=None) as emulator:
        monkeypatch.setenv("AGORA_APP_ID", emulator.app_id)
        monkeypatch.setenv("AGORA_CUSTOMER_ID", emulator.customer_id)
        monkeypatch.setenv("AGORA_CUSTOMER_SECRET", emulator.customer_secret)
        monkeypatch.delenv("AGORA_BASE_URL", raising=False)
        monkeypatch.delenv("AGORA_REGION", raising=False)
        yield emulator


def run(*argv: str) -> tuple[int, Any]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    text = out.getvalue()
    try:
        return code, json.loads(text)
    except json.JSONDecodeError:
        return code, text


def write_json(tmp_path: Path, name: str, value: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def test_demo_walks_every_mode_and_exits_zero() -> None:
    out = io.StringIO()
    assert main(["demo"], out=out) == 0
    text = out.getvalue()
    for mode in ("individual", "mix", "web"):
        for step in ("acquire", "start", "query", "update", "stop"):
            assert f"[{mode:<10}] {step}" in text
    assert "updateLayout" in text and "uploading_status=uploaded" in text
    assert "status=5 (in_progress)" in text


def test_single_calls_walk_a_mix_lifecycle(emu: Any, tmp_path: Path) -> None:
    base = ["--base-url", emu.base_url]
    code, acquired = run("acquire", "--mode", "mix", "--cname", "room1", "--uid", "42", *base)
    assert code == 0
    rid = acquired["resourceId"]
    start_body = {
        "storageConfig": STORAGE,
        "recordingConfig": {"channelType": 0, "transcodingConfig": {"width": 640, "height": 360}},
    }
    code, started = run(
        "start", "--mode", "mix", f"--resource-id={rid}", "--cname", "room1", "--uid", "42",
        "--json", write_json(tmp_path, "start.json", start_body), *base,
    )  # fmt: skip
    assert code == 0
    sid = started["sid"]
    code, queried = run("query", "--mode", "mix", f"--resource-id={rid}", f"--sid={sid}", *base)
    assert code == 0 and queried["sid"] == sid and "serverResponse" in queried
    update = {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["#allstream#"]}}}
    code, _ = run(
        "update", "--mode", "mix", f"--resource-id={rid}", f"--sid={sid}", "--cname", "room1", "--uid", "42",
        "--json", write_json(tmp_path, "update.json", update), *base,
    )  # fmt: skip
    assert code == 0
    layout = {"mixedVideoLayout": 1, "backgroundColor": "#FF0000"}
    code, _ = run(
        "update-layout", f"--resource-id={rid}", f"--sid={sid}", "--cname", "room1", "--uid", "42",
        "--json", write_json(tmp_path, "layout.json", layout), *base,
    )  # fmt: skip
    assert code == 0
    code, stopped = run(
        "stop",
        "--mode",
        "mix",
        f"--resource-id={rid}",
        f"--sid={sid}",
        "--cname",
        "room1",
        "--uid",
        "42",
        *base,
    )
    assert code == 0 and stopped["serverResponse"]["uploadingStatus"] == "uploaded"
    ops = [r.operation for r in emu.requests]
    assert ops == ["acquire", "start", "query", "update", "updateLayout", "stop"]


def test_bad_input_exits_2_without_a_request(emu: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(
        "acquire", "--mode", "individual", "--cname", "room1", "--uid", "0", "--base-url", emu.base_url
    )
    assert code == 2
    assert "uid" in capsys.readouterr().err
    assert emu.requests == []


def test_an_unknown_field_in_json_is_sent_with_a_warning(
    emu: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON is the wire body: a field the spec does not know is sent as given (the service takes
    such fields; some of Agora's own SDKs send them), with a warning, and refused by --strict."""
    args = ("update", "--mode", "web", "--resource-id", "r", "--sid", "s", "--cname", "c", "--uid", "1",
            "--json", write_json(tmp_path, "u.json", {"bogusBlock": {}}), "--base-url", emu.base_url)  # fmt: skip
    code, _ = run(*args)
    assert code == 1  # no such session: the emulator's 404, after taking the body
    assert emu.requests[-1].body["clientRequest"] == {"bogusBlock": {}}
    assert emu.requests[-1].warnings == ("clientRequest.bogusBlock: unknown field",)
    assert "bogusBlock" in capsys.readouterr().err


def test_invalid_json_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    code, _ = run(
        "start", "--mode", "web", "--resource-id", "r", "--cname", "c", "--uid", "1", "--json", str(path),
        "--app-id", "a", "--customer-id", "b", "--customer-secret", "c", "--base-url", "http://127.0.0.1:9",
    )  # fmt: skip
    assert code == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_service_errors_exit_1_with_the_reason(emu: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(
        "query", "--mode", "mix", "--resource-id", "nope", "--sid", "0" * 32, "--base-url", emu.base_url
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "NotFoundError" in err and "404" in err


def test_missing_credentials_are_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("AGORA_APP_ID", "AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET", "AGORA_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    code, _ = run("query", "--mode", "mix", "--resource-id", "r", "--sid", "s")
    assert code == 2
    assert "AGORA_APP_ID" in capsys.readouterr().err


def test_secrets_never_reach_the_output(emu: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        "record", "--mode", "individual", "--cname", "room9", "--uid", "9", "--duration", "0.2",
        "--interval", "0.05", "--storage-json", write_json(tmp_path, "s.json", STORAGE), "--verbose",
        "--base-url", emu.base_url,
    )  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    everything = str(out) + captured.out + captured.err
    for secret in ("AK-cli-secret", "SK-cli-secret", emu.customer_secret):
        assert secret not in everything


def test_record_acquires_polls_and_always_stops(emu: Any, tmp_path: Path) -> None:
    emu.set_channel_users("room7", 1)
    code, out = run(
        "record", "--mode", "individual", "--cname", "room7", "--uid", "7", "--duration", "0.3",
        "--interval", "0.05", "--storage-json", write_json(tmp_path, "s.json", STORAGE), "--base-url", emu.base_url,
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].startswith("recording: resource_id=")
    assert out.splitlines()[-1].startswith("stopped: uploading_status=uploaded")
    ops = [r.operation for r in emu.requests]
    assert ops[:2] == ["acquire", "start"] and ops[-1] == "stop" and ops.count("query") >= 2


def test_record_stops_even_when_interrupted(
    emu: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    import agora_cr.cli as cli

    calls = {"n": 0}

    def interrupt(stop: Any, seconds: float) -> bool:
        calls["n"] += 1
        stop.signum = signal.SIGINT  # what the handler does on Ctrl-C
        return True

    monkeypatch.setattr(cli, "_sleep", interrupt)
    code, out = run(
        "record", "--mode", "mix", "--cname", "room8", "--uid", "8", "--interval", "1",
        "--storage-json", write_json(tmp_path, "s.json", STORAGE), "--base-url", emu.base_url,
    )  # fmt: skip
    assert code == 130 and calls["n"] == 1
    assert "SIGINT: stopping" in out
    assert emu.requests[-1].operation == "stop"


def test_record_against_an_embedded_emulator(tmp_path: Path) -> None:
    code, out = run(
        "record", "--mode", "web", "--cname", "page", "--uid", "5", "--emulator", "--duration", "0.1",
        "--interval", "0.05", "--config-json", _web_config_file(tmp_path),
    )  # fmt: skip
    assert code == 0, out
    assert "stopped: uploading_status=uploaded" in out


def _web_config_file(tmp_path: Path) -> str:
    config = {
        "extensionServiceConfig": {
            "extensionServices": [
                {
                    "serviceName": "web_recorder_service",
                    "serviceParam": {"url": "https://example.com", "audioProfile": 0, "videoWidth": 1280,
                                     "videoHeight": 720, "maxRecordingHour": 1},
                }
            ]
        }
    }  # fmt: skip
    return write_json(tmp_path, "web.json", config)


def test_installed_console_script_runs_the_demo() -> None:
    script = shutil.which("agora-cr", path=str(Path(sys.executable).parent))
    assert script is not None, "the agora-cr console script is not installed"
    done = subprocess.run([script, "demo", "--mode", "web"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "[web       ] stop" in done.stdout


def test_emulator_command_prints_its_url_and_credentials() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "agora_cr.cli", "emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(2)]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert any("http://127.0.0.1:" in line for line in lines), lines


def test_record_supervised_prints_states_and_the_manifest_and_stops_on_sigterm() -> None:
    import json
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-m", "agora_cr.cli", "record", "--mode", "mix", "--cname", "room", "--uid", "7",
               "--emulator", "--supervise", "--interval", "1"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    states = []
    try:
        for line in process.stderr:
            if line.startswith("{"):
                states.append(json.loads(line))
                if states[-1]["state"] == "recording":
                    break
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM, err
    assert [s["state"] for s in states] == ["confirming", "recording"] and states[-1]["uid"] == "7"
    manifest = json.loads(out)
    assert [(s["uid"], s["exit_reason"]) for s in manifest["sessions"]] == [("7", "stopped")]
    assert manifest["files"] and manifest["gaps"] == []
