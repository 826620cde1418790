"""Helpers for tests that check data against openapi/cloud_recording.yaml (with jsonschema)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

from agora_cr.spec import load_spec

DATA = Path(__file__).parent / "data"

# operation name (as in generated/agora_cr_generated/api/cloud_recording) -> (path, method)
OPERATIONS = {
    "acquire": ("/v1/apps/{appid}/cloud_recording/acquire", "post"),
    "start": ("/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start", "post"),
    "query": ("/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query", "get"),
    "update": (
        "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/update",
        "post",
    ),
    "update_layout": (
        "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/updateLayout",
        "post",
    ),
    "stop": ("/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop", "post"),
    "get_ncs_ip": ("/v1/ncs/ip", "get"),
}


def operation(name: str) -> dict[str, Any]:
    path, method = OPERATIONS[name]
    op: dict[str, Any] = load_spec()["paths"][path][method]
    return op


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """Follow one local ``$ref`` (``#/components/...``)."""
    while "$ref" in node:
        target: Any = load_spec()
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


@functools.cache
def _validator(schema_json: str) -> jsonschema.Draft7Validator:
    schema = {**json.loads(schema_json), "components": load_spec()["components"]}
    return jsonschema.Draft7Validator(schema)


def validator(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    """A validator for a (sub)schema of the spec, resolving ``#/components`` references."""
    return _validator(json.dumps(schema, sort_keys=True))


def component(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def request_schema(op_name: str, mode: str | None = None) -> dict[str, Any]:
    op = operation(op_name)
    if mode is not None and "x-agora-mode-schemas" in op:
        return {"$ref": op["x-agora-mode-schemas"][mode]}
    schema: dict[str, Any] = op["requestBody"]["content"]["application/json"]["schema"]
    return schema


def response_schema(op_name: str, status: int) -> dict[str, Any]:
    response = deref(operation(op_name)["responses"][str(status)])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def errors_of(schema: dict[str, Any], instance: Any) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in e.absolute_path)}: {e.message}"
        for e in validator(schema).iter_errors(instance)
    ]


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))
