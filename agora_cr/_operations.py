"""The operation table: what each API operation sends and how its answers parse, from generated code.

Every endpoint module of ``agora_cr_generated`` carries public handles (``codegen/templates``):
``OPERATION_ID``, ``METHOD``, ``PATH``, ``path(...)`` and ``parse(status, data)``. The table below is
built from those modules, so an operation, path or response model changed in the spec reaches the
client after ``./codegen.sh`` with no edit here. The spec adds what the generator does not model: which
request schema each recording mode uses (``x-agora-mode-schemas``, or the ``scene`` an acquire body
allows) and which update blocks a mode offers (``x-agora-mode-blocks``).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import agora_cr_generated.api
import agora_cr_generated.models

from .spec import deref, load_spec, resolve, schema_name

MODES = ("individual", "mix", "web")
#: The ``scene`` of acquire bodies in each mode (web recording is scene 1).
SCENES = {"individual": 0, "mix": 0, "web": 1}


@dataclass(frozen=True, eq=False)
class Operation:
    """One API operation: how to address it and how to read its answers."""

    id: str
    method: str
    #: ``path(**parameters) -> str``: the request path, each parameter percent-encoded.
    path: Callable[..., str]
    path_parameters: tuple[str, ...]
    #: ``parse(status, data)``: the generated model of a decoded JSON body (``None``: status undocumented).
    parse: Callable[[int, object], Any]
    #: The spec's operation object (``x-`` extensions included).
    spec: Mapping[str, Any]

    #: Whether the operation sends a JSON body.
    has_body: bool

    @functools.cache  # noqa: B019 - operations live as long as the process
    def body_schema_ref(self, mode: str | None) -> str:
        """The request-body schema (``#/components/schemas/...``) this operation uses in ``mode``."""
        return _body_schema_ref(self.id, mode)

    def cname_schema_ref(self, mode: str | None) -> str:
        """The schema of the body's ``cname`` in ``mode`` (``x-agora-mode-cname``, else the body's own)."""
        by_mode = self.spec.get("x-agora-mode-cname")
        if by_mode and mode in by_mode:
            return str(by_mode[mode])
        return f"{self.body_schema_ref(mode)}/properties/cname"

    def client_request_model(self, mode: str | None) -> type[Any]:
        """The generated model of the body's ``clientRequest`` in ``mode``."""
        return _client_request_model(self.id, mode)

    def blocks(self, mode: str | None) -> dict[str, str]:
        """``clientRequest`` fields a mode's method offers: Python name -> JSON key, in schema order."""
        return _blocks(self.id, mode)


def _endpoint_modules() -> list[ModuleType]:
    modules = []
    api = agora_cr_generated.api
    for tag in pkgutil.iter_modules(api.__path__, api.__name__ + "."):
        package = importlib.import_module(tag.name)
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            if hasattr(module, "OPERATION_ID"):
                modules.append(module)
    return modules


def _spec_operations() -> dict[str, Mapping[str, Any]]:
    found: dict[str, Mapping[str, Any]] = {}
    for item in load_spec()["paths"].values():
        for operation in item.values():
            if isinstance(operation, Mapping) and "operationId" in operation:
                found[str(operation["operationId"])] = operation
    return found


@functools.cache
def operations() -> dict[str, Operation]:
    """Every operation of the API by ``operationId`` (built once, at the first call)."""
    spec = _spec_operations()
    table: dict[str, Operation] = {}
    for module in _endpoint_modules():
        operation_id = str(module.OPERATION_ID)
        table[operation_id] = Operation(
            id=operation_id,
            method=str(module.METHOD),
            path=module.path,
            path_parameters=tuple(module.PATH_PARAMETERS),
            parse=module.parse,
            spec=spec[operation_id],
            has_body="requestBody" in spec[operation_id],
        )
    return table


def operation(operation_id: str) -> Operation:
    """The operation called ``operation_id`` (``acquire``, ``start``, ...)."""
    return operations()[operation_id]


@functools.cache
def _body_schema_ref(operation_id: str, mode: str | None) -> str:
    spec = _spec_operations()[operation_id]
    by_mode = spec.get("x-agora-mode-schemas")
    if by_mode and mode is not None:
        return str(by_mode[mode])
    schema = deref(spec["requestBody"])["content"]["application/json"]["schema"]
    if "$ref" in schema:
        return str(schema["$ref"])
    # acquire: one alternative per scene; pick the one whose clientRequest.scene allows the mode's.
    scene = SCENES.get(mode or "", 0)
    for branch in schema.get("anyOf", ()):
        client_request = deref(resolve(branch["$ref"])["properties"]["clientRequest"])
        if scene in deref(client_request["properties"]["scene"]).get("enum", ()):
            return str(branch["$ref"])
    raise KeyError(f"no request schema for {operation_id} in mode {mode}")


@functools.cache
def _client_request_model(operation_id: str, mode: str | None) -> type[Any]:
    body = resolve(_body_schema_ref(operation_id, mode))
    ref = body["properties"]["clientRequest"]["$ref"]
    model: type[Any] = getattr(agora_cr_generated.models, schema_name(ref))
    return model


@functools.cache
def _blocks(operation_id: str, mode: str | None) -> dict[str, str]:
    wire_names: dict[str, str] = dict(_client_request_model(operation_id, mode).__wire_names__)
    offered = _spec_operations()[operation_id].get("x-agora-mode-blocks")
    if offered and mode is not None:
        allowed = set(offered[mode])
        wire_names = {name: key for name, key in wire_names.items() if key in allowed}
    return wire_names
