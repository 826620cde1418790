"""Spec ↔ emulator ↔ client agreement, checked by schemathesis against the emulator.

Schemathesis reads ``openapi/cloud_recording.yaml`` and sends bounded numbers of generated requests,
valid (positive) and invalid (negative), to a running emulator with Basic auth (the spec's servers
are real hosts: the base URL is overridden). Every response must be documented for its operation
(status, content type, body schema), no request may produce a 5xx, and an invalid request must be
rejected. The same generated bodies go through the client's validator, which must reach the very same
verdict as the emulator's schema validation on every one of them.

``start`` has one body schema per mode (``x-agora-mode-schemas``): the test spells that extension
out as one concrete path per mode, so a body is never drawn for one mode and sent to another.
"""

from __future__ import annotations

import copy
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
    with Emulator(qps_limit=None) as emu:
        yield emu


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
    spec_validators = compiled()
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
            # The client's verdict on the body must equal the emulator's schema verdict.
            if not refs:
                return
            emulator_ok = any(spec_validators.validator(r).is_valid(body) for r in refs)
            client_ok = False
            for r in refs:
                try:
                    validate(schema_check(r), body, "", "op")
                    client_ok = True
                except ValidationError:
                    pass
            counts["client_rejected"] += not client_ok
            if mode is GenerationMode.POSITIVE and not emulator_ok:
                disagreements.append(f"{op.label}: spec-valid body rejected by the emulator schema: {body!r}")
            if client_ok != emulator_ok:
                disagreements.append(f"{op.label}: client={client_ok} emulator={emulator_ok}: {body!r}"[:500])
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
