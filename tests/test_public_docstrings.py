"""Every public name has a docstring, as the API reference shows it.

The reference is rendered by mkdocstrings from what griffe loads with the options of ``mkdocs.yml``
(runtime inspection plus the extensions in ``docs/_hooks``), so this loads the package the same way and
walks the public API: each module's ``__all__`` (or its public names), every public class, function,
method, property, attribute and dataclass field defined in ``agora_cr``, inherited ones included (what
is inherited from builtins, the standard library or httpx is not ours to document). A field's or an
attribute's docstring is its ``#:`` comment (or a string literal below it); the value's own ``__doc__``
(``int``'s, an enum's) does not count.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

if importlib.util.find_spec("griffe") is None:
    pytest.skip("griffe is not installed (pip install -e '.[dev]')", allow_module_level=True)

import griffe  # noqa: E402

#: The public modules: the package, its documented subpackages and the official SDK's module names.
PUBLIC_MODULES = (
    "agora_cr",
    "agora_cr.testing",
    "agora_cr.testing.pytest_plugin",
    "agora_cr.webhooks",
    "agora_cr.supervisor",
    "agora_cr.tokens",
    "agora_cr.ratelimit",
    "agora_cr.results",
    "agora_cr.exceptions",
    "agora_cr.regions",
    "agora_cr.enums",
    "agora_cr.compat.api_start",
    "agora_cr.compat.api_update",
    "agora_cr.compat.builder",
    "agora_cr.compat.individual_recording_client",
    "agora_cr.compat.mix_recording_client",
    "agora_cr.compat.web_recording_client",
)


def _handler_config() -> dict[str, Any]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            handler: dict[str, Any] = plugin["mkdocstrings"]["handlers"]["python"]
            return handler
    raise AssertionError("mkdocs.yml configures no mkdocstrings python handler")


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    """``agora_cr`` as the docs site loads it (same paths, inspection and extensions)."""
    handler = _handler_config()
    options = handler.get("options", {})
    paths = [str(ROOT / path) for path in handler.get("paths", ["."])]
    loaded = griffe.load(
        "agora_cr",
        search_paths=[*paths, *sys.path],
        force_inspection=options.get("force_inspection", False),
        extensions=griffe.load_extensions(*options.get("extensions", [])),
        docstring_parser=options.get("docstring_style", "google"),
        resolve_aliases=True,
        resolve_external=False,
    )
    assert isinstance(loaded, griffe.Module)
    return loaded


def _final(obj: griffe.Object | griffe.Alias) -> griffe.Object | None:
    try:
        return obj.final_target if isinstance(obj, griffe.Alias) else obj
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _runtime(path: str) -> Any:
    """The Python object at ``path`` (``None`` if it exists only on instances)."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            try:
                obj = inspect.getattr_static(obj, part)
            except AttributeError:
                return None
        return obj
    return None


def _docstring(obj: griffe.Object) -> str:
    text = obj.docstring.value.strip() if obj.docstring else ""
    if text and obj.is_attribute and "property" not in obj.labels:
        value = _runtime(obj.path)
        own_type_doc = getattr(type(value), "__doc__", None)
        if value is not None and isinstance(own_type_doc, str) and text == inspect.cleandoc(own_type_doc):
            return ""  # the value's type speaks (an enum member repeating its class, an int)
    return text


def _module(package: griffe.Module, name: str) -> griffe.Module:
    module = package if name == "agora_cr" else package[name.removeprefix("agora_cr.")]
    target = _final(module)
    assert isinstance(target, griffe.Module), name
    return target


def _public_names(module: griffe.Module) -> list[str]:
    if module.exports is not None:
        return [name if isinstance(name, str) else name.name for name in module.exports]
    return [name for name in module.members if not name.startswith("_")]


def walk(package: griffe.Module) -> Iterator[tuple[str, griffe.Object]]:
    """(public path, object) for every public object of the API, each path once."""
    seen: set[str] = set()

    def visit(path: str, member: griffe.Object | griffe.Alias) -> Iterator[tuple[str, griffe.Object]]:
        target = _final(member)
        if target is None or path in seen or not target.path.startswith("agora_cr"):
            return
        seen.add(path)
        yield path, target
        if target.is_class:
            for name, child in target.all_members.items():
                if not name.startswith("_"):
                    yield from visit(f"{path}.{name}", child)

    for module_name in PUBLIC_MODULES:
        module = _module(package, module_name)
        yield from visit(module.path, module)
        for name in _public_names(module):
            member = module.members.get(name)
            assert member is not None, f"{module_name}.__all__ names {name!r}, which griffe does not see"
            target = _final(member)
            if target is not None and not target.is_module:  # (the public modules are walked themselves)
                yield from visit(f"{module.path}.{name}", member)


def test_every_public_name_has_a_docstring(package: griffe.Module) -> None:
    walked = list(walk(package))
    assert len(walked) > 800  # the walk reached the members, not only the modules
    missing = sorted(
        f"{path} ({obj.kind.value}{'' if obj.path == path else ', defined as ' + obj.path})"
        for path, obj in walked
        if not _docstring(obj)
    )
    assert missing == [], f"{len(missing)} public names have no docstring:\n" + "\n".join(missing)


def test_every_dataclass_field_is_listed(package: griffe.Module) -> None:
    """Inspection alone lists no field without a class-level default; the reference must show them."""
    unlisted = []
    classes = {obj.path: obj for _, obj in walk(package) if obj.is_class}
    assert len(classes) > 50
    for path, cls in classes.items():
        runtime = _runtime(path)
        if not isinstance(runtime, type):
            continue
        if dataclasses.is_dataclass(runtime):
            fields = [field.name for field in dataclasses.fields(runtime)]
        elif attrs.has(runtime):
            fields = [field.name for field in attrs.fields(runtime)]
        else:
            continue
        unlisted += [
            f"{path}.{name}" for name in fields if not name.startswith("_") and name not in cls.all_members
        ]
    assert unlisted == []


def test_every_public_member_a_class_defines_is_listed(package: griffe.Module) -> None:
    """Inspection follows ``dir()``, which can hide what a class defines (on Python 3.11, a ``str``
    enum's methods); the reference must show every public name of the class body."""
    unlisted = []
    for path, cls in ((path, obj) for path, obj in walk(package) if obj.is_class):
        runtime = _runtime(path)
        if isinstance(runtime, type):
            names = [name for name in vars(runtime) if not name.startswith("_")]
            unlisted += [f"{path}.{name}" for name in names if name not in cls.all_members]
    assert unlisted == []


def test_operations_are_documented_on_every_client_sync_and_async(package: griffe.Module) -> None:
    """``op`` builds each operation per client class: a method on a blocking client, a coroutine
    method on an asyncio one. ``help()`` and the reference must both show its docstring, and the
    reference must mark the asyncio ones ``async``."""
    import agora_cr
    from agora_cr._transport import AsyncClient
    from agora_cr.modes._op import op

    clients = [name for name in agora_cr.__all__ if name.endswith("RecordingClient")]
    assert len(clients) == 6
    checked = 0
    for name in clients:
        runtime = getattr(agora_cr, name)
        is_async = issubclass(runtime, AsyncClient)
        cls = _final(package[name])
        assert isinstance(cls, griffe.Class)
        operations = [n for n in dir(runtime) if isinstance(inspect.getattr_static(runtime, n), op)]
        assert {"acquire", "start", "query", "update", "stop"} <= set(operations), name
        for operation in operations:
            method = getattr(runtime, operation)
            assert inspect.iscoroutinefunction(method) is is_async, f"{name}.{operation}"
            assert inspect.getdoc(method), f"{name}.{operation} has no runtime docstring"
            shown = _final(cls.all_members[operation])
            assert isinstance(shown, griffe.Function), f"{name}.{operation} is not a method in the reference"
            assert shown.docstring and shown.docstring.value.strip(), f"{name}.{operation}: no docstring"
            assert ("async" in shown.labels) is is_async, f"{name}.{operation}: async label"
            returned = inspect.signature(method).return_annotation
            assert str(shown.returns) == returned, f"{name}.{operation} returns {shown.returns}"
            checked += 1
    assert checked == 6 * 6 + 2  # acquire, start, query, update, stop, get_ncs_ip; mix: update_layout


def test_modules_show_no_plumbing(package: griffe.Module) -> None:
    """``from __future__ import annotations`` and type variables are not part of any module's API."""
    for module_name in PUBLIC_MODULES:
        module = _module(package, module_name)
        shown = [name for name in module.members if not name.startswith("_")]
        assert "annotations" not in shown, module_name
        assert not [name for name in shown if name in ("T", "P", "R")], module_name
