"""Access to the OpenAPI description shipped with the package.

A wheel carries ``openapi/cloud_recording.yaml`` as package data of ``agora_cr.openapi``; an editable
install (a source checkout) reads the same file from the repository's ``openapi/`` folder.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

SPEC_PACKAGE = "agora_cr.openapi"
SPEC_FILE = "cloud_recording.yaml"


def spec_path() -> Path:
    """Return the path of the OpenAPI file this installation uses."""
    try:
        installed = Path(str(resources.files(SPEC_PACKAGE).joinpath(SPEC_FILE)))
    except ModuleNotFoundError:
        installed = None
    if installed is not None and installed.is_file():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "openapi" / SPEC_FILE
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"{SPEC_FILE} is missing from this installation of agora_cr")


def spec_text() -> str:
    """Return the text of the OpenAPI description."""
    return spec_path().read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """Parse the OpenAPI description (cached; treat the result as read-only)."""
    import yaml

    data = yaml.safe_load(spec_text())
    if not isinstance(data, dict):  # pragma: no cover - the file is ours
        raise RuntimeError(f"{SPEC_FILE} is not a mapping")
    return data
