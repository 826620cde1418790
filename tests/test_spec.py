"""The OpenAPI description: valid, complete, and in agreement with the reference's examples."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from agora_cr.spec import load_spec
from agora_cr.testing.validation import compiled

from spec_support import (
    DATA,
    OPERATIONS,
    component,
    errors_of,
    load_json,
    operation,
    request_schema,
    response_schema,
)

EXAMPLES = sorted((DATA / "reference_examples").glob("*__request__*.json"))
# Which modes each reference example is written for.
START_EXAMPLE_MODES = {
    "start__request__1.json": "individual",
    "start__request__2.json": "individual",
    "start__request__3.json": "individual",
    "start__request__4.json": "individual",
    "start__request__5.json": "mix",
    "start__request__6.json": "web",
    "start__request__7.json": "web",
}
OP_OF_EXAMPLE = {"updateLayout": "update_layout"}


def test_spec_is_a_valid_openapi_document() -> None:
    validate(copy.deepcopy(load_spec()))


def test_spec_has_the_seven_operations_with_documented_ids() -> None:
    ids = {
        op["operationId"]
        for path in load_spec()["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert ids == {"acquire", "start", "query", "update", "updateLayout", "stop", "getNcsIp"}
    for name in OPERATIONS:
        assert operation(name)["summary"]


def test_mode_is_an_enum_and_update_layout_accepts_only_mix() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert schemas["Mode"]["enum"] == ["individual", "mix", "web"]
    assert schemas["MixMode"]["enum"] == ["mix"]
    params = [p["$ref"] for p in operation("update_layout")["parameters"]]
    assert "#/components/parameters/MixMode" in params


def test_basic_auth_and_servers() -> None:
    spec = load_spec()
    assert spec["components"]["securitySchemes"]["basicAuth"] == {
        "type": "http",
        "scheme": "basic",
        "description": spec["components"]["securitySchemes"]["basicAuth"]["description"],
    }
    assert spec["security"] == [{"basicAuth": []}]
    urls = [s["url"] for s in spec["servers"]]
    assert "https://api.sd-rtn.com" in urls and "https://api.agora.io" in urls
    regional = next(s for s in spec["servers"] if "variables" in s)
    assert "api-cn-east-1" in regional["variables"]["host"]["enum"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_reference_request_examples_validate(path: Path) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    op_name = path.name.split("__")[0]
    op_name = OP_OF_EXAMPLE.get(op_name, op_name)
    mode = START_EXAMPLE_MODES.get(path.name)
    assert errors_of(request_schema(op_name, mode), body) == []
    if op_name == "start":
        # The per-mode schema is also accepted by the operation's declared body schema.
        assert errors_of(request_schema("start"), body) == []


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
def test_reference_minimal_start_shapes_validate(mode: str) -> None:
    body = load_json("request_shapes.json")["start"][mode]
    assert errors_of(request_schema("start", mode), body) == []


@pytest.mark.parametrize("op_name", ["acquire", "stop"])
def test_other_request_shapes_validate(op_name: str) -> None:
    for body in load_json("request_shapes.json")[op_name]:
        assert errors_of(request_schema(op_name), body) == [], body


@pytest.mark.parametrize(
    ("mode", "other"),
    [("individual", "mix"), ("mix", "individual"), ("web", "individual"), ("individual", "web")],
)
def test_start_shapes_are_mode_specific(mode: str, other: str) -> None:
    body = load_json("request_shapes.json")["start"][other]
    assert errors_of(request_schema("start", mode), body) != []


BROKEN_FIELDS: list[tuple[str, list[str], Any]] = [
    ("individual", ["uid"], "0"),
    ("individual", ["uid"], "4294967296"),
    ("individual", ["uid"], 1001),
    ("individual", ["cname"], "x" * 64),
    ("individual", ["cname"], "bad/char"),
    ("individual", ["clientRequest", "recordingConfig", "maxIdleTime"], 4),
    ("individual", ["clientRequest", "recordingConfig", "subscribeUidGroup"], 6),
    ("individual", ["clientRequest", "recordingConfig", "streamMode"], "raw"),
    ("individual", ["clientRequest", "recordingConfig", "subscribeAudioUids"], ["abc"]),
    (
        "individual",
        ["clientRequest", "recordingConfig", "subscribeVideoUids"],
        [str(i) for i in range(1, 34)],
    ),
    ("individual", ["clientRequest", "recordingConfig", "transcodingConfig"], {"width": 640}),
    ("individual", ["clientRequest", "storageConfig", "vendor"], 9),
    ("individual", ["clientRequest", "storageConfig", "region"], 29),
    ("individual", ["clientRequest", "storageConfig", "fileNamePrefix"], ["has_underscore"]),
    ("individual", ["clientRequest", "storageConfig", "accesskey"], "wrong-case"),
    ("individual", ["clientRequest", "recordingFileConfig", "avFileType"], ["flv"]),
    ("mix", ["clientRequest", "recordingConfig", "transcodingConfig", "width"], 1921),
    ("mix", ["clientRequest", "recordingConfig", "transcodingConfig", "backgroundColor"], "red"),
    ("mix", ["clientRequest", "recordingConfig", "transcodingConfig", "mixedVideoLayout"], 4),
    ("mix", ["clientRequest", "recordingConfig", "audioProfile"], 3),
    ("mix", ["clientRequest", "recordingConfig", "channelType"], 2),
    ("mix", ["clientRequest", "snapshotConfig"], {"fileType": ["jpg"]}),
    ("web", ["uid"], "01"),
    ("web", ["cname"], "x" * 1025),
    (
        "web",
        ["clientRequest", "extensionServiceConfig", "extensionServices", 0, "serviceParam", "videoWidth"],
        239,
    ),
    (
        "web",
        [
            "clientRequest",
            "extensionServiceConfig",
            "extensionServices",
            0,
            "serviceParam",
            "maxRecordingHour",
        ],
        721,
    ),
    ("web", ["clientRequest", "extensionServiceConfig", "extensionServices", 0, "serviceName"], "bogus"),
    (
        "web",
        [
            "clientRequest",
            "extensionServiceConfig",
            "extensionServices",
            1,
            "serviceParam",
            "outputs",
            0,
            "rtmpUrl",
        ],
        "http://x",
    ),
    ("web", ["clientRequest", "recordingConfig"], {"channelType": 0}),
]


@pytest.mark.parametrize(("mode", "path", "value"), BROKEN_FIELDS)
def test_one_broken_field_fails_validation(mode: str, path: list[Any], value: Any) -> None:
    body = copy.deepcopy(load_json("request_shapes.json")["start"][mode])
    body.setdefault("clientRequest", {})
    target: Any = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    # The spec's whole verdict: its schemas, and the rules they cannot express (x-agora-rules; a
    # service's parameters are checked by its name).
    problem, _ = compiled().check_body("start", mode, body, strict=True)
    assert problem is not None


def test_uid_range_bounds() -> None:
    ok = ["1", "9", "10", "999999999", "1000000000", "4294967295", "4294967289", "4199999999"]
    bad = ["0", "00", "01", "-1", "4294967296", "4294967300", "9999999999", "1.0", " 1", ""]
    schema = component("Uid")
    assert [u for u in ok if errors_of(schema, u)] == []
    assert [u for u in bad if not errors_of(schema, u)] == []


RESPONSES = load_json("response_examples.json")


@pytest.mark.parametrize(
    "example", RESPONSES, ids=[f"{e['operation']}-{e['status']}-{i}" for i, e in enumerate(RESPONSES)]
)
def test_documented_responses_match_the_spec(example: dict[str, Any]) -> None:
    assert errors_of(response_schema(example["operation"], example["status"]), example["body"]) == []


def test_every_operation_documents_its_error_statuses() -> None:
    for name in ("acquire", "start", "query", "update", "update_layout", "stop"):
        statuses = set(operation(name)["responses"])
        assert {"200", "400", "401", "404", "429", "500", "504"} <= statuses, name
    assert {"201", "206"} <= set(operation("start")["responses"])


def test_unconfirmed_points_are_noted_in_the_spec() -> None:
    info = load_spec()["info"]
    assert len(info["x-agora-unconfirmed"]) >= 15
    schemas = load_spec()["components"]["schemas"]
    # Both spellings and shapes the sources disagree on are accepted.
    assert {"unSubscribeAudioUids", "unsubscribeAudioUids"} <= set(
        schemas["IndividualRecordingConfig"]["properties"]
    )
    assert {"payload", "playload"} <= set(schemas["ExtensionServiceState"]["properties"])
    assert {"region", "regionAffinity"} <= set(schemas["AcquireClientRequest"]["properties"])
    assert schemas["SnapshotConfig"]["properties"]["captureInterval"]["minimum"] == 1


def test_no_inline_yaml_comment_truncates_a_value() -> None:
    """A plain YAML scalar ends at `` #``: a description mentioning ``#`` must be quoted."""
    spec_file = Path(__file__).resolve().parents[1] / "openapi" / "cloud_recording.yaml"
    suspects, block_indent = [], None
    for number, line in enumerate(spec_file.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and indent > block_indent:
            continue  # inside a literal block (| or >), where # is text
        block_indent = indent if re.search(r":\s*[|>]-?\s*$", line) else None
        for match in re.finditer(r"\s#", line):
            before = line[: match.start()]
            if all(before.count(q) % 2 == 0 for q in ("'", '"')):
                suspects.append(f"{number}: {line}")
    assert suspects == []


def test_the_json_spec_the_client_loads_is_the_yaml_spec() -> None:
    """load_spec() reads the openapi.json that codegen.sh writes; it must say what the YAML says
    (JSON object keys are strings: the YAML's few integer keys compare as their text)."""
    import json

    import yaml

    from agora_cr.spec import load_spec, spec_text

    assert load_spec() == json.loads(json.dumps(yaml.safe_load(spec_text())))
