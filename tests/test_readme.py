"""The README's code runs as written (against the emulator) and its quick start matches CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agora_cr.testing import Emulator

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)
QUICK_START = re.search(r"## Quick start\n\n```bash\n(.*?)```", README, flags=re.S)


def test_quick_start_is_two_commands_and_ci_runs_the_same_test_command() -> None:
    assert QUICK_START is not None
    commands = QUICK_START.group(1).strip().splitlines()
    assert commands == [
        "python3 -m venv .venv && . .venv/bin/activate && "
        'pip install -e ".[dev]" --config-settings editable_mode=strict && agora-cr demo',
        "python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (
        'pip install --quiet --disable-pip-version-check -e ".[dev]" --config-settings editable_mode=strict'
        in ci
    )
    assert "\npython -m pytest\n" in ci


@pytest.mark.parametrize("index", range(len(PYTHON_BLOCKS)))
def test_readme_python_blocks_run_against_the_emulator(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    code = PYTHON_BLOCKS[index]
    with Emulator(qps_limit=None) as emu:
        monkeypatch.setenv("AGORA_APP_ID", emu.app_id)
        monkeypatch.setenv("AGORA_CUSTOMER_ID", emu.customer_id)
        monkeypatch.setenv("AGORA_CUSTOMER_SECRET", emu.customer_secret)
        monkeypatch.setenv("AGORA_BASE_URL", emu.base_url)
        namespace: dict[str, Any] = {
            "__name__": "readme_example",
            "app_id": emu.app_id,
            "customer_id": emu.customer_id,
            "customer_secret": emu.customer_secret,
            "access_key": "readme-access-key",
            "secret_key": "readme-secret-key",
        }
        exec(compile(code, f"README.md block {index}", "exec"), namespace)
        if "Emulator()" in code:  # the testing example brings its own emulator
            return
        assert emu.requests, "the block sent nothing"
        assert all(r.status < 300 or r.fault for r in emu.requests), [
            (r.operation, r.status) for r in emu.requests
        ]


BASH_BLOCKS = re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def test_the_first_session_runs_in_bash_as_written(tmp_path: Path) -> None:
    """The README's walk against the emulator, in a real shell, with the commands this install put on
    PATH (what a newcomer types after the quick start)."""
    (block,) = [b for b in BASH_BLOCKS if "agora-cr emulator" in b]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run(
        ["bash", "-e", "-c", block], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert '"resource_id"' in done.stdout or "resourceId" in done.stdout
