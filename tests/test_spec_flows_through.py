""" "Regenerate on API changes": a change to the spec reaches users after ``./codegen.sh`` with no edit in
``agora_cr/``, and each mode method offers exactly the ``clientRequest`` blocks the spec gives its mode.

The flow test works on a temporary copy of the repository: it adds (a) a field to the mix
``recordingConfig``, (b) a new top-level block of the mix ``start`` body, (c) a field to the query
``serverResponse``, (d) a field to a notification's details and (e) a new notification event type,
runs ``codegen.sh``, then drives the copy's client against the copy's emulator in a
fresh interpreter (so the copy's code, not the installed package, runs).
"""

from __future__ import annotations

import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

import agora_cr
from agora_cr import (
    AsyncIndividualRecordingClient,
    AsyncMixRecordingClient,
    AsyncWebRecordingClient,
    IndividualRecordingClient,
    MixRecordingClient,
    WebRecordingClient,
)

ROOT = Path(__file__).resolve().parents[1]
#: Named parameters that are not clientRequest fields: the call's identity, three conveniences
#: (Agora's SDK flag for legacy postponed transcoding, the whole updateLayout body as one block, and
#: extra_body for what the keywords cannot express).
NOT_BLOCKS = {"resource_id", "sid", "cname", "uid", "enable_postpone_transcoding_mix", "layout", "extra_body"}
METHODS = {
    "acquire": "acquire",
    "start": "start",
    "update": "update",
    "update_layout": "updateLayout",
    "stop": "stop",
}


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _yaml_spec() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "openapi" / "cloud_recording.yaml").read_text(encoding="utf-8"))


def _spec_blocks(spec: dict[str, Any], operation_id: str, mode: str) -> set[str]:
    """The clientRequest fields (snake_case) the YAML spec gives ``operation_id`` in ``mode``."""
    schemas = spec["components"]["schemas"]

    def deref(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = schemas[node["$ref"].rsplit("/", 1)[1]]
        return node

    operation = next(
        op for item in spec["paths"].values() for op in item.values() if op.get("operationId") == operation_id
    )
    if "x-agora-mode-schemas" in operation:
        body = deref({"$ref": operation["x-agora-mode-schemas"][mode]})
    else:
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        branches = schema.get("anyOf", [schema])
        scene = 1 if mode == "web" else 0
        body = next(
            deref(b)
            for b in branches
            if scene
            in deref(deref(b)["properties"]["clientRequest"])["properties"]
            .get("scene", {})
            .get("enum", [scene])
        )
    fields = set(deref(body["properties"]["clientRequest"])["properties"])
    if "x-agora-mode-blocks" in operation:
        fields &= set(operation["x-agora-mode-blocks"][mode])
    return {_snake(name) for name in fields}


CLIENTS = [
    IndividualRecordingClient,
    AsyncIndividualRecordingClient,
    MixRecordingClient,
    AsyncMixRecordingClient,
    WebRecordingClient,
    AsyncWebRecordingClient,
]


@pytest.mark.parametrize("client_class", CLIENTS, ids=lambda c: c.__name__)
def test_each_mode_method_offers_exactly_the_spec_blocks_of_its_mode(client_class: type[Any]) -> None:
    spec = _yaml_spec()
    mode = client_class._mode
    for method, operation_id in METHODS.items():
        if not hasattr(client_class, method):
            assert (method, mode) != ("update_layout", "mix")
            continue
        parameters = set(inspect.signature(getattr(client_class, method)).parameters) - {"self"}
        assert parameters - NOT_BLOCKS == _spec_blocks(spec, operation_id, mode), (
            client_class.__name__,
            method,
        )


@pytest.mark.parametrize("client_class", [MixRecordingClient, WebRecordingClient], ids=lambda c: c.__name__)
def test_a_block_of_another_mode_is_refused_before_sending(client_class: type[Any]) -> None:
    other = "snapshot_config"  # individual mode only
    with (
        client_class(
            app_id="a1", customer_id="c", customer_secret="s", base_url="http://127.0.0.1:9"
        ) as client,
        pytest.raises(agora_cr.ValidationError) as info,
    ):
        client.start("R" * 20, "room", "1", storage_config={"vendor": 1}, **{other: {"fileType": ["jpg"]}})
    assert info.value.field == "clientRequest.snapshotConfig"


# ------------------------------------------------------------------------------------ the flow test
SPEC_EDITS = {
    # (a) a field inside a block: mix recordingConfig.
    "    MixRecordingConfig:\n": {
        "after": '        transcodingConfig: {$ref: "#/components/schemas/TranscodingConfig"}\n',
        "add": "        audioGainDb: {type: integer, minimum: -20, maximum: 20, description: Audio gain.}\n",
    },
    # (b) a new top-level block of the mix start body.
    "    StartMixClientRequest:\n": {
        "after": '        extensionServiceConfig: {$ref: "#/components/schemas/ExtensionServiceConfig"}\n',
        "add": '        watermarkConfig: {$ref: "#/components/schemas/WatermarkConfig"}\n',
    },
    # (c) a field of the query serverResponse.
    "    QueryServerResponse:\n": {
        "after": '        extensionServiceState: {$ref: "#/components/schemas/ExtensionServiceStates"}\n',
        "add": "        recordingDurationMs: {type: integer, format: int64, description: Recorded so far (ms).}\n",
    },
    # (d) a field of a notification's details (event 31, uploaded).
    "    UploadedDetails:\n": {
        "after": '        status: {type: integer, description: "0 normal; other values abnormal."}\n',
        "add": "        uploadedBytes: {type: integer, description: Bytes uploaded.}\n",
    },
}
NEW_SCHEMA = """    WatermarkConfig:
      type: object
      description: A watermark drawn over the composite video.
      required: [imageUrl]
      additionalProperties: false
      properties:
        imageUrl: {$ref: "#/components/schemas/HttpUrl"}
        opacity: {type: number, minimum: 0, maximum: 1, description: Opacity.}
    RecorderPausedDetails:
      type: object
      description: (e) a new notification event type.
      x-agora-events: {50: recorder_paused}
      properties:
        pausedMs: {type: integer, description: Pause length.}
"""


def _edit_spec(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for schema, edit in SPEC_EDITS.items():
        start = text.index(schema)
        at = text.index(edit["after"], start) + len(edit["after"])
        text = text[:at] + edit["add"] + text[at:]
    anchor = "    # ---------------------------------------------------------------- query / stop responses\n"
    assert anchor in text
    text = text.replace(anchor, NEW_SCHEMA + anchor)
    path.write_text(text, encoding="utf-8")


SCRIPT = """
import inspect, json, sys
from agora_cr import MixRecordingClient, api_start
from agora_cr.testing import Emulator

out = {}
with Emulator(qps_limit=None) as emu:
    with MixRecordingClient(app_id=emu.app_id, customer_id=emu.customer_id,
                            customer_secret=emu.customer_secret, base_url=emu.base_url) as client:
        out["start_parameters"] = list(inspect.signature(client.start).parameters)
        rid = client.acquire("room", "7").resource_id
        session = client.start(
            rid, "room", "7",
            storage_config={"vendor": 1, "region": 0, "bucket": "b", "accessKey": "a", "secretKey": "s"},
            recording_config=api_start.RecordingConfig(channelType=0, audio_gain_db=6),
            watermark_config={"imageUrl": "https://example.com/logo.png", "opacity": 0.5},
        )
        out["sent"] = emu.requests[-1].body["clientRequest"]
        emu.inject(operation="query", status=200, body={
            "resourceId": rid, "sid": session.sid,
            "serverResponse": {"status": 5, "recordingDurationMs": 12345},
        })
        result = client.query(rid, session.sid)
        out["duration"] = result.recording_duration_ms
        out["duration_camel"] = result.recordingDurationMs
        out["duration_model"] = result.model.server_response.recording_duration_ms
        out["model_module"] = type(result.model).__module__
        try:
            client.start(rid, "room", "7", storage_config={"vendor": 1, "region": 0, "bucket": "b",
                         "accessKey": "a", "secretKey": "s"}, watermark_config={"opacity": 0.5})
        except Exception as exc:
            out["missing_required"] = [type(exc).__name__, getattr(exc, "field", None)]
from agora_cr import webhooks
uploaded = webhooks.parse({"eventType": 31, "payload": {"details": {"uploadedBytes": 99}}})
out["uploaded_bytes"] = uploaded.details.uploaded_bytes
paused = webhooks.parse({"eventType": 50, "payload": {"details": {"pausedMs": 1500}}})
out["paused"] = [paused.name, paused.known, paused.details.paused_ms, type(paused.details.model).__name__]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def edited_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("repo")
    for name in ("agora_cr", "generated", "openapi", "codegen"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "codegen.sh", copy / "codegen.sh")
    _edit_spec(copy / "openapi" / "cloud_recording.yaml")
    env = {**os.environ, "AGORA_CR_CODEGEN_VENV": str(ROOT / ".codegen-venv")}
    done = subprocess.run(
        ["bash", str(copy / "codegen.sh")], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return copy


def test_spec_changes_reach_the_client_after_codegen_with_no_handwritten_edit(edited_copy: Path) -> None:
    # Nothing in agora_cr/ was edited: the copy's handwritten layer is byte-identical to the repo's.
    for source in (ROOT / "agora_cr").rglob("*.py"):
        assert (edited_copy / source.relative_to(ROOT)).read_bytes() == source.read_bytes()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(edited_copy), str(edited_copy / "generated")])}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT)],
        env=env,
        cwd=edited_copy,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    # (b) the new block is a keyword of the mix start method, and (a) + (b) are sent as given.
    assert "watermark_config" in out["start_parameters"]
    assert out["sent"]["watermarkConfig"] == {"imageUrl": "https://example.com/logo.png", "opacity": 0.5}
    assert out["sent"]["recordingConfig"]["audioGainDb"] == 6
    # The new block is validated like any other: its required field is checked before sending.
    assert out["missing_required"] == ["ValidationError", "clientRequest.watermarkConfig.imageUrl"]
    # (c) the new response field is a typed attribute of the result, read from the generated model.
    assert out["duration"] == out["duration_camel"] == out["duration_model"] == 12345
    assert out["model_module"] == "agora_cr_generated.models.query_response"
    # (d) a new details field and (e) a new event type of the notifications are typed the same way.
    assert out["uploaded_bytes"] == 99
    assert out["paused"] == ["recorder_paused", True, 1500, "RecorderPausedDetails"]


def test_the_copy_runs_its_own_code(edited_copy: Path) -> None:
    """The flow test would prove nothing if the installed package shadowed the copy."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(edited_copy), str(edited_copy / "generated")])}
    code = "import agora_cr, agora_cr_generated; print(agora_cr.__file__); print(agora_cr_generated.__file__)"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=edited_copy, capture_output=True, text=True, check=True
    )
    assert [line.startswith(str(edited_copy)) for line in done.stdout.split()] == [True, True], done.stdout


def test_a_query_runs_generated_code_and_holds_a_generated_model() -> None:
    """The generated client is on the request path: its endpoint builds the path and parses the body."""
    import agora_cr_generated.models
    from agora_cr.testing import Emulator

    seen: set[str] = set()

    def trace(frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            module = frame.f_globals.get("__name__", "")
            if module.startswith("agora_cr_generated."):
                seen.add(f"{module}.{frame.f_code.co_name}")

    with Emulator(qps_limit=None) as emu:
        kwargs = {
            "app_id": emu.app_id,
            "customer_id": emu.customer_id,
            "customer_secret": emu.customer_secret,
        }
        with MixRecordingClient(**kwargs, base_url=emu.base_url) as client:
            rid = client.acquire("room", "9").resource_id
            storage = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "a", "secretKey": "s"}
            sid = client.start(rid, "room", "9", storage_config=storage).sid
            sys.setprofile(trace)
            try:
                result = client.query(rid, sid)
            finally:
                sys.setprofile(None)
    assert "agora_cr_generated.api.cloud_recording.query.path" in seen
    assert "agora_cr_generated.api.cloud_recording.query.parse" in seen
    assert "agora_cr_generated.models.query_response.from_dict" in seen
    assert isinstance(result.model, agora_cr_generated.models.QueryResponse)
    assert result.resource_id == result.model.resource_id == rid
