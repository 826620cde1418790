"""The documentation site builds with ``mkdocs build --strict`` and covers the spec and the public API.

One build (about 3 s) is shared by every test of this module.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import subprocess
import sys
import types
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import agora_cr
from agora_cr.spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("mkdocstrings") is None:
    if os.environ.get("CI"):
        raise RuntimeError("mkdocs / mkdocstrings are missing: install the dev extra")
    pytest.skip("mkdocs is not installed (pip install -e '.[dev]')", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [], log
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "div", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "br", "pre"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in ("td", "th"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    """Visible text of a built page (``a.<wbr>b`` reads ``a.b``); each table cell on its own line."""
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def section_text(site: Path, section: str) -> str:
    return "\n".join(page_text(p) for p in sorted((site / section).rglob("index.html")))


# ------------------------------------------------------------------------------------------ spec walk
def _resolve(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _field_names(spec: Mapping[str, Any], schema: Mapping[str, Any], seen: set[int]) -> Iterator[str]:
    schema = _resolve(spec, schema)
    if id(schema) in seen:
        return
    seen.add(id(schema))
    for key in ("anyOf", "oneOf", "allOf"):
        for variant in schema.get(key, ()):
            yield from _field_names(spec, variant, seen)
    if "items" in schema:
        yield from _field_names(spec, schema["items"], seen)
    for name, sub in schema.get("properties", {}).items():
        yield name
        yield from _field_names(spec, sub, seen)


def spec_operations() -> list[tuple[str, Mapping[str, Any]]]:
    spec = load_spec()
    return [
        (item[method]["operationId"], item[method])
        for item in spec["paths"].values()
        for method in HTTP_METHODS
        if method in item
    ]


def request_field_names() -> set[str]:
    """Every property name reachable from a request body or a path parameter of the spec."""
    spec = load_spec()
    names: set[str] = set()
    for _, op in spec_operations():
        for param in op.get("parameters", ()):
            names.add(_resolve(spec, param)["name"])
        body = op.get("requestBody")
        if body:
            schema = body["content"]["application/json"]["schema"]
            names.update(_field_names(spec, schema, set()))
        for ref in op.get("x-agora-mode-schemas", {}).values():
            names.update(_field_names(spec, {"$ref": ref}, set()))
    return names


# ------------------------------------------------------------------------------------------ REST reference
def test_every_operation_has_a_rest_page(site: Path) -> None:
    for operation_id, op in spec_operations():
        page = site / "reference" / "rest" / operation_id / "index.html"
        assert page.is_file(), f"no REST page for {operation_id}"
        text = page_text(page)
        assert op["summary"].strip() in " ".join(text.split())
        for status in op["responses"]:
            assert re.search(rf"\b{status}\b", text), f"{operation_id}: status {status} missing"


def test_every_request_field_appears_in_the_rest_reference(site: Path) -> None:
    text = section_text(site, "reference/rest")
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    names = request_field_names()
    assert len(names) > 100  # the walk found the spec's fields
    missing = sorted(names - words)
    assert missing == [], f"request fields missing from the REST reference: {missing}"


def test_json_paths_are_flattened(site: Path) -> None:
    text = page_text(site / "reference" / "rest" / "start" / "index.html")
    for path in (
        "clientRequest.storageConfig.extensionParams.endpoint",
        "clientRequest.recordingConfig.transcodingConfig.layoutConfig[].x_axis",
        "clientRequest.extensionServiceConfig.extensionServices[].serviceParam.outputs[].rtmpUrl",
        "clientRequest.snapshotConfig.captureInterval",
    ):
        assert path in text, path


def test_service_error_codes_are_listed(site: Path) -> None:
    text = page_text(site / "reference" / "rest" / "index.html")
    description = load_spec()["components"]["schemas"]["ServiceError"]["description"]
    codes = re.findall(r"(?:values:|;)\s*(\d+)\s", " ".join(description.split()))
    assert len(codes) > 20
    table = text.split("Service error codes", 1)[1]
    for number in codes:
        assert re.search(rf"(?m)^\s*{number}\s*$", table), f"code {number} is not in the code table"
    assert "TaskConflictError" in table and "AlreadyStartedError" in table


# ------------------------------------------------------------------------------------------ API reference
def _expected_anchor(name: str) -> str | None:
    obj = getattr(agora_cr, name)
    if isinstance(obj, types.ModuleType):
        return obj.__name__
    if inspect.isclass(obj) or inspect.isfunction(obj):
        return f"{obj.__module__}.{obj.__qualname__}"
    return None


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    pages = sorted((site / "reference" / "api").rglob("index.html"))
    raw = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    ids = set(re.findall(r'\bid="([^"]+)"', raw))
    text = "\n".join(page_text(p) for p in pages)
    missing = []
    for name in agora_cr.__all__:
        anchor = _expected_anchor(name)
        if anchor is not None:
            if anchor not in ids:
                missing.append(f"{name} (no heading {anchor})")
        elif name not in text:
            missing.append(name)
    assert missing == [], f"public names missing from the API reference: {missing}"


def test_guide_pages_embed_the_tested_examples(site: Path) -> None:
    for mode in ("individual", "mix", "web"):
        text = page_text(site / "guide" / mode / "index.html")
        source = (ROOT / "examples" / f"{mode}.py").read_text(encoding="utf-8")
        # The whole script is on the page, without the snippet section markers.
        assert "def main() -> int:" in text and "--8<--" not in text
        assert source.splitlines()[0].strip('"') in text


def test_exception_tree_on_the_errors_page_matches_the_code() -> None:
    from agora_cr import exceptions

    source = (ROOT / "docs" / "guide" / "errors.md").read_text(encoding="utf-8")
    tree = source.split("```text", 1)[1].split("```", 1)[0]
    shown = set(re.findall(r"\b([A-Z][A-Za-z]+(?:Error|Exception))\b", tree))
    classes = {n for n in exceptions.__all__ if isinstance(getattr(exceptions, n), type)}
    assert shown == classes
    for line in tree.splitlines():
        names = re.findall(r"[├└]── (\w+)", line)
        if names:
            parent = getattr(exceptions, names[0]).__mro__[1].__name__
            assert parent in tree.split(line)[0], f"{names[0]} is drawn under the wrong parent"


def test_no_broken_relative_links(site: Path) -> None:
    """mkdocs checks Markdown links; this also covers the HTML the hook generates."""
    broken = []
    for page in site.rglob("index.html"):  # (404.html uses root-relative links by design)
        raw = page.read_text(encoding="utf-8")
        for target in re.findall(r'\bhref="([^"#?]*)[^"]*"', raw):
            if not target or re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue
            resolved = (page.parent / target).resolve()
            if target.endswith("/") or resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert broken == []
