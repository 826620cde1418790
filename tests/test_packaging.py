"""Packaging: every package is declared, and a wheel carries the very spec the repo holds."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _declared_packages() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(data["tool"]["setuptools"]["packages"])


def _packages_under(base: Path, prefix: str) -> set[str]:
    found = set()
    for init in base.rglob("__init__.py"):
        rel = init.parent.relative_to(base)
        found.add(".".join((prefix, *rel.parts)) if rel.parts else prefix)
    return found


def test_every_package_in_the_tree_is_declared() -> None:
    tree = _packages_under(ROOT / "agora_cr", "agora_cr") | _packages_under(
        ROOT / "generated" / "agora_cr_generated", "agora_cr_generated"
    )
    assert tree | {"agora_cr.openapi"} == _declared_packages()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("agora_cr-*.whl")
    return path


def test_wheel_ships_the_spec_the_generated_client_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "agora_cr/openapi/cloud_recording.yaml" in names
    assert "agora_cr/py.typed" in names
    assert "agora_cr_generated/py.typed" in names
    assert "agora_cr_generated/api/cloud_recording/start.py" in names
    shipped = zipfile.ZipFile(wheel).read("agora_cr/openapi/cloud_recording.yaml")
    assert shipped == (ROOT / "openapi" / "cloud_recording.yaml").read_bytes()


def test_a_non_editable_install_loads_the_shipped_spec(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    code = "from agora_cr.spec import spec_path, load_spec; print(spec_path()); print(load_spec()['info']['title'])"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=tmp_path
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(tmp_path)
    assert out[1] == "Agora Cloud Recording RESTful API"


def test_a_users_mypy_strict_finds_the_installed_package(tmp_path: Path) -> None:
    """The README's install (editable, ``editable_mode=strict``) type-checks in a user's own project:
    mypy cannot follow setuptools' default editable import hook, only paths it can see."""
    app = tmp_path / "app.py"
    app.write_text(
        "from agora_cr import MixRecordingClient, AcquireResult\n"
        "from agora_cr_generated.models import AcquireResponse\n\n\n"
        "def resource(client: MixRecordingClient) -> AcquireResult:\n"
        '    return client.acquire("room", "1")\n\n\n'
        "def model(value: AcquireResponse) -> object:\n"
        "    return value\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            sys.executable,
            str(app),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # outside the repository: only the installed package can be found
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
