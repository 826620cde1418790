"""The generated low-level client: documented responses parse, and models round-trip."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import agora_cr_generated.models as models
from agora_cr.spec import load_spec
from agora_cr_generated.client import Client

from schema_strategies import from_schema
from spec_support import component, errors_of, load_json

RESPONSES = load_json("response_examples.json")


@pytest.mark.parametrize(
    "example", RESPONSES, ids=[f"{e['operation']}-{e['status']}-{i}" for i, e in enumerate(RESPONSES)]
)
def test_documented_responses_parse_through_the_generated_operation(example: dict[str, Any]) -> None:
    module = importlib.import_module(f"agora_cr_generated.api.cloud_recording.{example['operation']}")
    response = httpx.Response(example["status"], json=example["body"])
    parsed = module._parse_response(client=Client(base_url="http://127.0.0.1"), response=response)
    assert type(parsed).__name__ == example["expect"]
    # Nothing in the body is lost: known keys become attributes, unknown keys are kept.
    assert parsed.to_dict() == example["body"]


def test_query_file_list_variants_parse_to_their_types() -> None:
    by_mode = [e for e in RESPONSES if e["operation"] == "query" and e["status"] == 200]
    lists = [models.QueryResponse.from_dict(e["body"]).server_response for e in by_mode]
    assert isinstance(lists[0].file_list, list) and lists[0].file_list[0].file_name == "xxx.m3u8"
    assert lists[1].file_list == "xxx.m3u8"
    states = lists[2].extension_service_state
    assert states[0].payload.state == "inProgress" and states[1].payload.outputs[0].status == "publishing"


def test_legacy_playload_key_parses() -> None:
    body = next(e["body"] for e in RESPONSES if "playload" in str(e["body"]))
    stop = models.StopResponse.from_dict(body)
    assert stop.server_response.extension_service_state[1].playload.file_list[0].filename == "b.mp4"


def _object_schemas() -> list[str]:
    schemas = load_spec()["components"]["schemas"]
    return sorted(n for n, s in schemas.items() if s.get("type") == "object" and hasattr(models, n))


def test_every_object_schema_has_a_generated_model() -> None:
    schemas = load_spec()["components"]["schemas"]
    missing = [n for n, s in schemas.items() if s.get("type") == "object" and not hasattr(models, n)]
    assert missing == []


@pytest.mark.parametrize("name", _object_schemas())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_generated_models_round_trip(name: str, data: st.DataObject) -> None:
    value = data.draw(from_schema(component(name)))
    assert errors_of(component(name), value) == []  # the strategy itself obeys the spec
    model_cls = getattr(models, name)
    model = model_cls.from_dict(value)
    assert model.to_dict() == value
    assert model_cls.from_dict(model.to_dict()) == model
