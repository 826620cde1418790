"""Each script in examples/ runs against the emulator from a clean environment and does its job."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

#: Lines each example must print (substrings, in this order).
EXPECTED = {
    "individual.py": [
        "target: emulator",
        "acquired: resource_id=",
        "started: sid=",
        "query: status=4 (ready)",
        "updated: video subscription is now ['1001']",
        "file: ",
        "stopped: uploading_status=uploaded files=1",
    ],
    "mix.py": [
        "target: emulator",
        "started: sid=",
        "layout: vertical, 1001 large",
        "file_list_mode=json",
        ".m3u8",
        ".mp4",
        "stopped: uploading_status=uploaded files=2",
    ],
    "web.py": [
        "target: emulator",
        "started: sid=",
        "paused",
        "resumed",
        "cdn: pushing to the backup address",
        "service: web_recorder_service state=inProgress",
        "service: rtmp_publish_service state=inProgress rtmp://live.example.com/app/stream-key-backup (publishing)",
        "stopped: uploading_status=uploaded",
    ],
}


def clean_env() -> dict[str, str]:
    """No AGORA_* variables (so the example picks the emulator), no proxies, nothing inherited."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONIOENCODING": "utf-8"}
    if "SYSTEMROOT" in os.environ:  # pragma: no cover - Windows needs it to start Python
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return env


def test_every_example_is_covered() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs_against_the_emulator(name: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == "", proc.stderr
    position = 0
    for expected in EXPECTED[name]:
        found = proc.stdout.find(expected, position)
        assert found >= 0, f"{expected!r} missing (in order) from:\n{proc.stdout}"
        position = found + len(expected)
    assert "failed:" not in proc.stdout
