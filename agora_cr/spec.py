"""The OpenAPI description shipped with the package, loaded once.

``openapi/cloud_recording.yaml`` is the hand-maintained source. ``./codegen.sh`` writes the same document
as ``openapi.json`` into the generated package, and that JSON form is what runs: one ``json.loads`` at the
first use instead of a YAML parse (``codegen.sh --check`` fails when it is stale, like any generated file).
A wheel also carries the YAML as package data of ``agora_cr.openapi``; an editable install reads it from
the repository's ``openapi/`` folder.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

SPEC_PACKAGE = "agora_cr.openapi"
SPEC_FILE = "cloud_recording.yaml"
#: The generated package and the JSON form of the spec that ``codegen.sh`` writes into it.
GENERATED_PACKAGE = "agora_cr_generated"
SPEC_JSON = "openapi.json"


def spec_path() -> Path:
    """Return the path of the OpenAPI (YAML) file this installation carries."""
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
    """Return the text of the OpenAPI description (YAML)."""
    return spec_path().read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """The parsed OpenAPI description (cached; treat the result as read-only)."""
    text = resources.files(GENERATED_PACKAGE).joinpath(SPEC_JSON).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):  # pragma: no cover - the file is generated
        raise RuntimeError(f"{SPEC_JSON} is not a mapping")
    return data


def _ecma_source(pattern: str) -> str:
    """Rewrite an ECMA-262 ``pattern`` so Python's ``re`` reads it the same way.

    JSON Schema patterns are ECMA-262 regular expressions. Python differs where the spec's patterns
    rely on it: an unescaped ``$`` outside a character class also matches before a final newline
    (``"1001\\n"`` would pass ``^[0-9]+$``); ECMA's ``$`` (no ``m`` flag) only matches at the end.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=256)
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a spec ``pattern`` with JSON-Schema (ECMA-262) meaning; use ``.search`` on it."""
    return re.compile(_ecma_source(pattern))


def schema_name(ref: str) -> str:
    """``"#/components/schemas/StorageConfig"`` -> ``"StorageConfig"``."""
    return ref.rsplit("/", 1)[-1]


def resolve(ref: str) -> dict[str, Any]:
    """The node a local ``$ref`` (``#/components/...``) points at."""
    if not ref.startswith("#/"):
        raise ValueError(f"unsupported $ref {ref!r}")
    node: Any = load_spec()
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    if not isinstance(node, dict):
        raise ValueError(f"$ref {ref!r} is not a schema")
    return node


def deref(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` itself, or the schema its ``$ref`` points at."""
    ref = schema.get("$ref")
    return resolve(ref) if isinstance(ref, str) else schema
