"""Spec ↔ emulator ↔ client agreement, checked by schemathesis against the emulator.

Schemathesis reads ``openapi/cloud_recording.yaml`` and sends bounded numbers of generated requests,
valid (positive) and invalid (negative), to a running emulator in strict mode (every lint an error)
with Basic auth (the spec's servers are real hosts: the base URL is overridden). Every response must be
documented for its operation (status, content type, body schema), no request may produce a 5xx, and an
invalid request must be rejected. On the same generated bodies:

* the client's whole check (schema and rules, strict) refuses exactly what the emulator answered
  ``400 {code: 2}``;
* the compiled schema checks (strict) agree with an independent implementation, jsonschema, run on the
  spec with its lints written as plain keywords (``x-agora-lints`` merged in; optional strings given
  ``minLength: 1``, as strict checks refuse an empty one).

``start`` has one body schema per mode (``x-agora-mode-schemas``): the test spells that extension
out as one concrete path per mode, so a body is never drawn for one mode and sent to another.
"""

from __future__ import annotations

import copy
import functools
import os
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest

if os.environ.get("CI"):  # CI installs the dev extras: a missing schemathesis is a failure, not a skip
    import schemathesis
else:
    schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi import checks as st_checks

from agora_cr import ValidationError
from agora_cr._operations import operation
from agora_cr._validation import parameter_check, schema_check, validate
from agora_cr.spec import load_spec
from agora_cr.testing import Emulator
from agora_cr.testing.validation import compiled

EXAMPLES = 25  # per operation and generation mode: ~15 s for the whole module on 2 cores

START = "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start"
PATH_PARAMETERS = {"resourceid": "ResourceId", "sid": "Sid", "appid": "AppId"}


def per_mode_spec() -> dict[str, Any]:
    """The spec with ``start`` split into one path per mode, each with its ``x-agora-mode-schemas`` body."""
    spec = copy.deepcopy(load_spec())
    item = spec["paths"].pop(START)
    op = item["post"]
    for mode, ref in op["x-agora-mode-schemas"].items():
        concrete = copy.deepcopy(op)
        concrete["operationId"] = f"start_{mode}"
        concrete["parameters"] = [p for p in concrete["parameters"] if not p["$ref"].endswith("/Mode")]
        concrete["requestBody"]["content"]["application/json"]["schema"] = {"$ref": ref}
        spec["paths"][START.replace("{mode}", mode)] = {"post": concrete}
    return spec


def body_refs(label: str) -> list[str]:
    """The schemas a body of this operation may match (acquire: one per scene family)."""
    if label.startswith("GET"):
        return []
    if "/mode/" in label and label.endswith("/start"):
        return [operation("start").body_schema_ref(label.split("/mode/")[1].split("/")[0])]
    if label.endswith("/acquire"):
        return [operation("acquire").body_schema_ref("mix"), operation("acquire").body_schema_ref("web")]
    return [operation(label.rsplit("/", 1)[1]).body_schema_ref(None)]


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(qps_limit=None, strict=True) as emu:
        yield emu


@functools.cache
def _strict_oracle_spec() -> dict[str, Any]:
    """The spec as jsonschema should read it to refuse what strict checks refuse."""
    spec = copy.deepcopy(load_spec())

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            lints = node.pop("x-agora-lints", None)
            if lints:
                node.update(lints)
            required = set(node["required"]) if isinstance(node.get("required"), list) else set()
            for name, prop in (node.get("properties") or {}).items():
                if name not in required and isinstance(prop, dict):
                    target = prop
                    if "$ref" in prop:  # wrap: a $ref's siblings are ignored in OpenAPI 3.0
                        node["properties"][name] = target = {"allOf": [prop]}
                    target.setdefault("not", {"const": ""})
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(spec["components"]["schemas"])
    return spec


def _oracle(ref: str) -> Any:
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    resource: Resource[Any] = Resource.from_contents(_strict_oracle_spec(), default_specification=DRAFT7)
    registry: Registry[Any] = Registry().with_resource("urn:spec", resource)
    return Draft7Validator({"$ref": "urn:spec" + ref}, registry=registry)


def operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize(
    "mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"]
)
def test_emulator_and_client_agree_with_the_spec(emulator: Emulator, mode: GenerationMode) -> None:
    config = SchemathesisConfig.from_dict(
        {
            "base-url": emulator.base_url,
            "auth": {"basic": {"username": emulator.customer_id, "password": emulator.customer_secret}},
        }
    )
    schema = schemathesis.openapi.from_dict(per_mode_spec(), config=config)
    oracles: dict[str, Any] = {}
    checks = [
        st_checks.status_code_conformance,
        st_checks.content_type_conformance,
        st_checks.response_schema_conformance,
        schemathesis.checks.not_a_server_error,
    ]
    if mode is GenerationMode.NEGATIVE:
        checks.append(st_checks.negative_data_rejection)
    disagreements: list[str] = []
    counts = {"cases": 0, "client_rejected": 0}
    began = time.monotonic()

    def runner(op: Any) -> Any:
        strategy = op.as_strategy(generation_mode=mode, path_parameters={"appid": emulator.app_id})
        refs = body_refs(op.label)

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case: Any) -> None:
            counts["cases"] += 1
            response = case.call(timeout=10)
            case.validate_response(response, checks=checks)
            body = case.body
            if not isinstance(body, (dict, list, str, int, float, bool)) and body is not None:
                return  # no body generated (GET, or a negative case without one)
            if not refs:
                return
            # 1. The emulator answered 400 {code: 2} exactly when the client's strict check refuses.
            refused = response.status_code == 400 and _code(response) == 2
            client_refuses = _client_refuses(op.label, case.path_parameters or {}, body)
            counts["client_rejected"] += client_refuses
            if refused != client_refuses and response.status_code in (200, 400, 404):
                disagreements.append(
                    f"{op.label}: emulator={refused} client={client_refuses}: {body!r}"[:500]
                )
            # 2. The compiled schema checks agree with jsonschema on the lint-as-error spec.
            compiled_ok = oracle_ok = False
            for r in refs:
                try:
                    validate(schema_check(r), body, "", "op", strict=True)
                    compiled_ok = True
                except ValidationError as exc:
                    if "an integer written as" in str(exc):  # 24.0: JSON Schema's integer, our lint
                        return
                validator = oracles.setdefault(r, _oracle(r))
                oracle_ok = oracle_ok or validator.is_valid(body)
            if compiled_ok != oracle_ok:
                disagreements.append(
                    f"{op.label}: compiled={compiled_ok} jsonschema={oracle_ok}: {body!r}"[:500]
                )
            # Path parameters: the client checks them before sending, with the spec's patterns.
            for name, component in PATH_PARAMETERS.items():
                value = (case.path_parameters or {}).get(name)
                if value is None or name == "appid":
                    continue
                # Schemathesis holds path parameters percent-encoded ("%F0%9D%92%8D" for one
                # character): the client's length and pattern checks apply to the value itself.
                value = unquote(value) if isinstance(value, str) else value
                try:
                    validate(parameter_check(component), value, name, "op")
                    param_ok = True
                except ValidationError:
                    param_ok = False
                if mode is GenerationMode.POSITIVE and not param_ok:
                    disagreements.append(f"{op.label}: spec-valid {name} {value!r} rejected by the client")

        return run

    for op in operations(schema):
        runner(op)()

    elapsed = time.monotonic() - began
    print(f"schemathesis {mode.value}: {counts['cases']} cases in {elapsed:.1f}s; {counts}")
    assert disagreements == []
    assert counts["cases"] >= EXAMPLES * 3


def _code(response: Any) -> Any:
    try:
        return response.json().get("code")
    except ValueError:
        return None


def _client_refuses(label: str, params: dict[str, Any], body: Any) -> bool:
    """The client's (and emulator's) whole strict verdict on a generated request, without HTTP."""
    if label.endswith("/acquire"):
        operation_id, mode = "acquire", None
    elif "/mode/" in label and label.endswith("/start"):
        operation_id, mode = "start", label.split("/mode/")[1].split("/")[0]
    else:
        operation_id, mode = label.rsplit("/", 1)[1], params.get("mode")
    decoded = {k: unquote(v) if isinstance(v, str) else v for k, v in params.items()}
    if mode is not None:
        decoded["mode"] = mode
    spec = compiled()
    if spec.check_params(operation_id, decoded) is not None:
        return True
    problem, _ = spec.check_body(operation_id, mode, body, strict=True)
    return problem is not None
