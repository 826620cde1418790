"""The ``agora-cr`` command as a newcomer meets it: the installed entry point, run in a subprocess
against an emulator on 127.0.0.1.

Every error is one line on stderr (no traceback) with a documented exit status; ``--version``; ``-v``
before or after the command; the emulator's ``export`` lines sourced by a real shell; ``--duration``
checked; Ctrl-C ends ``record`` and ``emulator`` with 130; ``main()`` in-process leaves the
``agora_cr`` logger as it found it.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import logging
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agora_cr.cli import EXIT_STATUSES, main
from agora_cr.testing import Emulator

ROOT = Path(__file__).resolve().parents[1]
BIN = str(Path(sys.executable).parent)
SCRIPT = shutil.which("agora-cr", path=BIN)
AGORA = [SCRIPT] if SCRIPT else [sys.executable, "-m", "agora_cr.cli"]
STORAGE = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "AK-newcomer", "secretKey": "SK-newcomer"}
SECRET = "S3cret-newcomer-never-shown"
UID_WORDS = "an integer 1..4294967295 written in decimal"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and a POSIX shell")


def base_env(**extra: str) -> dict[str, str]:
    """The environment of a child: no AGORA_* of the caller, no proxy for 127.0.0.1, the venv first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PATH"] = BIN + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


def agora(
    *argv: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AGORA, *argv], capture_output=True, text=True, env=env or base_env(), timeout=timeout, check=False
    )


def one_line_error(done: subprocess.CompletedProcess[str], status: int) -> str:
    """The run failed with ``status`` and wrote exactly one line, in words, on stderr."""
    assert done.returncode == status, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("agora-cr"), lines
    return lines[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None, customer_secret=SECRET) as emulator:
        yield emulator


def emu_env(emulator: Emulator) -> dict[str, str]:
    return base_env(
        AGORA_APP_ID=emulator.app_id,
        AGORA_CUSTOMER_ID=emulator.customer_id,
        AGORA_CUSTOMER_SECRET=emulator.customer_secret,
        AGORA_BASE_URL=emulator.base_url,
    )


def write_storage(tmp_path: Path) -> str:
    path = tmp_path / "storage.json"
    path.write_text(json.dumps(STORAGE), encoding="utf-8")
    return str(path)


# ------------------------------------------------------------------------------------ --version, --help
def test_version_prints_the_package_version() -> None:
    done = agora("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"agora-cr {importlib.metadata.version('agora-cr')}\n"


def test_exit_statuses_are_documented_in_help_and_in_the_guide() -> None:
    done = agora("--help")
    assert done.returncode == 0
    assert "Exit status:" in done.stdout
    guide = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    for code in EXIT_STATUSES:
        assert re.search(rf"^  {code}\s", done.stdout, re.M), (code, done.stdout)
        assert f"\n| {code} | " in guide, code


# ------------------------------------------------------------------------------------ usage errors
@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["frob"], "invalid choice: 'frob'"),
        ([], "required: COMMAND"),
        (["acquire", "--mode", "mix"], "required: --cname, --uid"),
        (["emulator", "--port", "99999"], "a port is a whole number 0..65535"),
        (["emulator", "--port", "http"], "a port is a whole number 0..65535"),
        (["emulator", "--latency-ms", "-1"], "not a number of milliseconds"),
        (["webhook", "listen", "--port", "99999"], "cannot listen on port '99999'"),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], words: str) -> None:
    line = one_line_error(agora(*argv), 2)
    assert words in line
    assert "usage:" not in line


def test_emulator_on_a_busy_port_is_one_line() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        line = one_line_error(agora("emulator", "--port", str(port)), 2)
        assert f"cannot listen on 127.0.0.1:{port}" in line and "in use" in line
        env = base_env(AGORA_WEBHOOK_SECRET="hook-secret")
        line = one_line_error(agora("webhook", "listen", "--port", str(port), env=env), 2)
        assert f"cannot listen on 127.0.0.1:{port}" in line and "in use" in line


# -------------------------------------------------------------------------------- uid and cname in words
@pytest.mark.parametrize("uid", ["0", "abc", "-5", "01", "4294967296", " 7"])
def test_a_bad_uid_is_described_in_words(emu: Emulator, uid: str) -> None:
    done = agora("acquire", "--mode", "mix", "--cname", "room", "--uid", uid, env=emu_env(emu))
    line = one_line_error(done, 2)
    assert UID_WORDS in line and repr(uid) in line
    assert "(?:" not in line and "[0-9]" not in line and len(line) < 200
    assert emu.requests == []


@pytest.mark.parametrize("cname", ["a/b", "x" * 64, "caf\u00e9"])
def test_a_bad_cname_is_described_in_words(emu: Emulator, cname: str) -> None:
    done = agora("acquire", "--mode", "mix", "--cname", cname, "--uid", "1", env=emu_env(emu))
    line = one_line_error(done, 2)
    assert "1 to 63 characters, each a letter" in line
    assert "{1,63}" not in line
    assert emu.requests == []


def test_record_supervise_with_a_bad_uid_is_described_in_words(emu: Emulator, tmp_path: Path) -> None:
    done = agora("record", "--mode", "mix", "--cname", "room", "--uid", "x1", "--supervise",
                 "--storage-json", write_storage(tmp_path), env=emu_env(emu))  # fmt: skip
    assert UID_WORDS in one_line_error(done, 2)
    assert emu.requests == []


# ------------------------------------------------------------------------------------ network failure
def test_an_unreachable_service_is_named_with_its_host() -> None:
    port = free_port()  # closed again: nothing listens there
    url = f"http://127.0.0.1:{port}"
    env = base_env(AGORA_APP_ID="app", AGORA_CUSTOMER_ID="cid")
    done = agora("acquire", "--mode", "mix", "--cname", "room", "--uid", "1", "--base-url", url,
                 "--customer-secret", SECRET, env=env)  # fmt: skip
    line = one_line_error(done, 1)  # the retries before it print nothing without -v
    assert f"could not reach the service at {url}" in line
    assert "answered" not in line
    assert SECRET not in done.stderr + done.stdout


# -------------------------------------------------------------------------------- missing credentials
def test_every_missing_credential_is_named_with_its_option_and_variable() -> None:
    line = one_line_error(agora("query", "--mode", "mix", "--resource-id", "r", "--sid", "s"), 2)
    for option, env in (("--app-id", "AGORA_APP_ID"), ("--customer-id", "AGORA_CUSTOMER_ID"),
                        ("--customer-secret", "AGORA_CUSTOMER_SECRET")):  # fmt: skip
        assert f"({option} or {env})" in line, line


def test_only_the_missing_credentials_are_named_and_no_secret() -> None:
    env = base_env(AGORA_CUSTOMER_ID="cid")
    done = agora(
        "query", "--mode", "mix", "--resource-id", "r", "--sid", "s", "--customer-secret", SECRET, env=env
    )
    line = one_line_error(done, 2)
    assert "(--app-id or AGORA_APP_ID)" in line
    assert "AGORA_CUSTOMER_ID" not in line and "AGORA_CUSTOMER_SECRET" not in line
    assert SECRET not in done.stderr + done.stdout


# ----------------------------------------------------------------------------- -v before or after
@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_is_taken_before_or_after_the_command(emu: Emulator, where: str) -> None:
    command = ["ncs-ip"]
    argv = ["-v", *command] if where == "before" else [*command, "-v"]
    done = agora(*argv, env=emu_env(emu))
    assert done.returncode == 0, done.stderr
    assert "agora-cr: DEBUG: GET /v1/ncs/ip -> 200" in done.stderr
    assert SECRET not in done.stderr + done.stdout
    assert json.loads(done.stdout)["data"]["service"]["hosts"]


def test_verbose_before_demo_and_quiet_without_it(emu: Emulator) -> None:
    done = agora("-v", "demo", "--mode", "web")
    assert done.returncode == 0, done.stderr
    quiet = agora("ncs-ip", env=emu_env(emu))
    assert quiet.returncode == 0 and quiet.stderr == ""


# --------------------------------------------------------------------------- record --duration
@pytest.mark.parametrize("duration", ["-5", "0", "nan", "inf", "1e9", "soon"])
def test_record_refuses_a_non_positive_or_absurd_duration(
    emu: Emulator, tmp_path: Path, duration: str
) -> None:
    done = agora("record", "--mode", "mix", "--cname", "room", "--uid", "1", "--duration", duration,
                 "--storage-json", write_storage(tmp_path), env=emu_env(emu))  # fmt: skip
    line = one_line_error(done, 2)
    assert "--duration" in line and "seconds" in line
    assert emu.requests == []


def test_record_refuses_a_zero_interval(emu: Emulator, tmp_path: Path) -> None:
    done = agora("record", "--mode", "mix", "--cname", "room", "--uid", "1", "--interval", "0",
                 "--storage-json", write_storage(tmp_path), env=emu_env(emu))  # fmt: skip
    assert "--interval" in one_line_error(done, 2)


def test_record_with_a_duration_records_and_stops(emu: Emulator, tmp_path: Path) -> None:
    emu.set_channel_users("room", 1)
    done = agora("record", "--mode", "mix", "--cname", "room", "--uid", "1", "--duration", "0.3",
                 "--interval", "0.1", "--storage-json", write_storage(tmp_path), env=emu_env(emu))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("stopped: uploading_status=")


# --------------------------------------------------------------------------------- Ctrl-C: 130
def test_ctrl_c_on_a_running_record_stops_the_session_and_exits_130(emu: Emulator, tmp_path: Path) -> None:
    emu.set_channel_users("room", 1)
    process = subprocess.Popen(
        [*AGORA, "record", "--mode", "mix", "--cname", "room", "--uid", "1", "--interval", "0.2",
         "--storage-json", write_storage(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=emu_env(emu),
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("recording:"), first
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "SIGINT: stopping" in out and "stopped: uploading_status=" in out
    assert "Traceback" not in err
    assert emu.requests[-1].operation == "stop"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_emulator_prints_export_lines_releases_stdout_and_exits_128_plus_signal(signum: int) -> None:
    process = subprocess.Popen(
        [*AGORA, "emulator", "--port", "0", "--latency-ms", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=base_env(),
    )  # fmt: skip
    try:
        assert process.stdout is not None and process.stderr is not None
        out = process.stdout.read()  # ends at EOF: the emulator closed its stdout and serves on
        assert process.poll() is None
        banner = process.stderr.readline()
        assert "serving on http://127.0.0.1:" in banner, banner
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 128 + signum, err
    assert "Traceback" not in err
    names = []
    for line in out.splitlines():
        words = shlex.split(line)
        assert len(words) == 2 and words[0] == "export", line
        names.append(words[1].split("=", 1)[0])
    assert names == ["AGORA_BASE_URL", "AGORA_APP_ID", "AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET",
                     "AGORA_EMULATOR_PID"]  # fmt: skip


# ------------------------------------------------------------------------- the emulator in a shell
def bash(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=base_env(), timeout=timeout, check=False
    )


needs_bash = pytest.mark.skipif(
    shutil.which("bash") is None or SCRIPT is None, reason="bash or the agora-cr console script is missing"
)


@needs_bash
def test_eval_of_the_emulator_output_sets_up_a_second_command() -> None:
    script = """
        set -e
        eval "$(agora-cr emulator --port 0 &)"
        trap 'kill "$AGORA_EMULATOR_PID" 2>/dev/null || true' EXIT
        test -n "$AGORA_BASE_URL" && test -n "$AGORA_CUSTOMER_SECRET"
        agora-cr acquire --mode mix --cname room1 --uid 1001
    """
    done = bash(script)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cname"] == "room1"


@needs_bash
def test_the_guide_s_emulator_session_runs_in_bash() -> None:
    """The ```bash block of docs/guide/cli.md, with a free port and the acquired resource ID."""
    guide = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    section = guide.split("## A session against a local emulator", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    acquire = "agora-cr acquire --mode mix --cname room1 --uid 1001"
    assert "--port 8080" in block and acquire in block and "--resource-id RESOURCE_ID" in block
    extract = (
        f"{shlex.quote(sys.executable)} -c 'import json,sys; print(json.load(sys.stdin)[\"resourceId\"])'"
    )
    script = (
        block.replace("--port 8080", "--port 0")
        .replace("--resource-id RESOURCE_ID", '--resource-id "$RESOURCE_ID"')
        .replace(acquire, f"RESOURCE_ID=$({acquire} | {extract})")
    )
    done = bash("set -e\n" + script + "\necho finished")
    assert done.returncode == 0, (script, done.stderr)
    assert done.stdout.splitlines()[-1] == "finished"
    assert json.loads(done.stdout.rsplit("finished", 1)[0])["sid"]


@needs_bash
def test_the_emulator_output_written_to_a_file_can_be_sourced() -> None:
    script = """
        dir=$(mktemp -d)
        agora-cr emulator --port 0 > "$dir/emu.env" 2> "$dir/emu.err" &
        pid=$!
        for _ in $(seq 300); do grep -q serving "$dir/emu.err" && break; sleep 0.1; done
        . "$dir/emu.env"
        agora-cr ncs-ip > /dev/null
        echo "ncs-ip=$?"
        kill -TERM "$pid"
        wait "$pid"
        echo "emulator=$?"
        rm -r "$dir"
    """
    done = bash(script)
    assert done.stdout.split() == ["ncs-ip=0", f"emulator={128 + signal.SIGTERM}"], done.stderr


# ------------------------------------------------------------------- in-process: the logger as it was
def test_main_in_process_leaves_the_agora_cr_logger_as_it_was(
    emu: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    logger = logging.getLogger("agora_cr")
    saved = (list(logger.handlers), logger.level)
    logger.setLevel(logging.ERROR)  # a state that is not the default, to see it come back
    try:
        before = (list(logger.handlers), logger.level)
        base = ["--base-url", emu.base_url, "--app-id", emu.app_id, "--customer-id", emu.customer_id,
                "--customer-secret", emu.customer_secret]  # fmt: skip
        runs: list[tuple[list[str], int]] = [
            (["-v", "ncs-ip", *base], 0),
            (["ncs-ip", *base, "-v"], 0),
            (["-v", "acquire", "--mode", "mix", "--cname", "room", "--uid", "0", *base], 2),
            (["-v", "query", "--mode", "mix", "--resource-id", "r", "--sid", "s", *base], 1),
            (["-v", "record", "--mode", "mix", "--cname", "room", "--uid", "3", "--emulator",
              "--duration", "0.2", "--interval", "0.05"], 0),
        ]  # fmt: skip
        for argv, status in runs:
            assert main(argv, out=io.StringIO()) == status, argv
            assert (list(logger.handlers), logger.level) == before, argv
        with pytest.raises(SystemExit) as exit_info:
            main(["-v", "frob"])
        assert exit_info.value.code == 2
        assert (list(logger.handlers), logger.level) == before
    finally:
        logger.handlers[:] = saved[0]
        logger.setLevel(saved[1])
    err = capsys.readouterr().err
    assert "DEBUG" in err and emu.customer_secret not in err


def test_secrets_stay_out_of_error_lines_and_logs(emu: Emulator, tmp_path: Path) -> None:
    """A failing verbose call: neither the customer secret nor the storage keys show."""
    start = tmp_path / "start.json"
    start.write_text(json.dumps({"storageConfig": STORAGE}), encoding="utf-8")
    done = agora("-v", "start", "--mode", "mix", "--resource-id", "nope", "--cname", "room", "--uid", "1",
                 "--json", str(start), env=emu_env(emu))  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith("agora-cr: the service answered with an error:")
    for secret in (SECRET, STORAGE["accessKey"], STORAGE["secretKey"]):
        assert secret not in done.stderr + done.stdout
