"""The code shown on the guide pages (docs/snippets/*.py, included with pymdownx.snippets) runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agora_cr.testing import Emulator

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "docs" / "snippets"

#: Script -> lines it must print.
EXPECTED = {
    "errors.py": [
        "AlreadyStartedError: status=201 code=7",
        "InvalidOperationError: status=400 code=49",
        "NotFoundError: status=404 sid=",
        "ValidationError: field=uid",
        "ServerError: status=500 code=502 Failed to allocate worker",
    ],
    "async_sessions.py": ["room0: uploaded, 1 file(s)", "room1: uploaded", "room2: uploaded"],
    "logging_setup.py": ["DEBUG agora_cr: POST /v1/apps/", "/cloud_recording/acquire -> 200 in "],
    "home.py": ["initialised", "uploaded ["],
    "logging_builder.py": ["builder: POST /v1/apps/", "/cloud_recording/acquire -> 200 in "],
    "budget.py": ["429 answers: 0", "paced on RedisRateLimiter('redis://127.0.0.1:"],
    "webhooks.py": [" recorder_started", " uploaded ['", " exited, status 0", "6 deliveries"],
}


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_every_snippet_is_covered() -> None:
    covered = {*EXPECTED, "credentials.py", "test_my_recorder.py"}
    assert {p.name for p in SNIPPETS.glob("*.py")} == covered


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_snippet_runs(name: str, tmp_path: Path) -> None:
    proc = run([str(SNIPPETS / name)], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == "", proc.stderr
    for line in EXPECTED[name]:
        assert line in proc.stdout, f"{line!r} missing from:\n{proc.stdout}"


def test_credentials_snippet_reads_the_environment(tmp_path: Path) -> None:
    with Emulator() as emulator:
        proc = run(
            [str(SNIPPETS / "credentials.py")],
            tmp_path,
            AGORA_APP_ID=emulator.app_id,
            AGORA_CUSTOMER_ID=emulator.customer_id,
            AGORA_CUSTOMER_SECRET=emulator.customer_secret,
            AGORA_BASE_URL=emulator.base_url,
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "True"
    assert "US https://api-us-west-1.agora.io" in lines
    assert "CN https://api-cn-east-1.sd-rtn.com" in lines


def test_pytest_fixture_snippet_passes(tmp_path: Path) -> None:
    proc = run(
        [
            "-m",
            "pytest",
            "-o",
            "addopts=",
            "-q",
            "-p",
            "no:cacheprovider",
            str(SNIPPETS / "test_my_recorder.py"),
        ],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "6 passed" in proc.stdout
