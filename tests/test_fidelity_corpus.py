"""Fidelity: the emulator takes what the real service takes, and our client sends it, for real bodies.

``tests/fidelity/corpus/`` holds request and response bodies collected from Agora's docs (both OpenAPI
files and the doc pages, ``docs/``), Agora's official SDKs (``sdk-*/``) and public projects that call the
real service (``projects/``); each file names its source and what was replaced (placeholders only), and
each folder's SOURCES.md lists where they come from. For every request body:

* the emulator, over HTTP, does not answer it ``400 {code: 2}`` (it may report lints);
* our client sends it: the body the emulator receives is the corpus body (blocks it knows as keywords,
  the rest through ``extra_body``; ``null`` members are not sent, which the service reads alike).

A few bodies break what the docs say the service refuses; they are the controls below, refused with
the error named. Every documented response parses into a result or maps to its typed exception.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import client_kwargs

from agora_cr import (
    ClientRequestException,
    IndividualRecordingClient,
    MixRecordingClient,
    ValidationError,
    WebRecordingClient,
)
from agora_cr._operations import operation
from agora_cr._responses import RESULT_TYPES, Answer, failure, success
from agora_cr._secrets import mask
from agora_cr.testing import Emulator

CORPUS = Path(__file__).parent / "fidelity" / "corpus"
FILES = sorted(path for path in CORPUS.glob("*/*.json") if "fragment" not in path.name)
REQUESTS = [path for path in FILES if json.loads(path.read_text())["kind"] == "request"]
RESPONSES = [path for path in FILES if json.loads(path.read_text())["kind"] == "response"]

#: Real bodies that break what the docs say the service refuses: (file, field of the error, why).
CONTROLS = {
    "projects/acquire__mix__request__agora-go-backend-middleware-startparameter.json": (
        "clientRequest.startParameter.storageConfig.fileNamePrefix[0]",
        "fileNamePrefix segments are letters and digits only ([EN-cur] start.mdx); 'test_channel'",
    ),
    "projects/start__mix__request__agora-go-backend-middleware-default.json": (
        "clientRequest.storageConfig.fileNamePrefix[0]",
        "as above",
    ),
    "projects/start__mix__request__cloud-recording-golang.json": (
        "clientRequest.storageConfig.fileNamePrefix[0]",
        "as above: 'team_standup'",
    ),
    "projects/acquire__mix__request__democracy-api-uid-zero.json": ("uid", "uid is 1..4294967295, never 0"),
    "projects/start__mix__request__democracy-api-r2-vendor11.json": ("uid", "as above"),
    "projects/stop__mix__request__democracy-api-uid-zero.json": ("uid", "as above"),
    "projects/start__mix__request__agora-go-backend-middleware-full-recordingconfig.json": (
        "clientRequest.recordingConfig.transcodingConfig.layoutConfig[0].width",
        "layout regions are fractions of the canvas, 0.0-1.0 ([EN-cur] start.mdx); the middleware sends pixels",
    ),
    "projects/updateLayout__mix__request__agora-go-backend-middleware-pixel-layout.json": (
        "clientRequest.layoutConfig[0].width",
        "as above",
    ),
}
CLIENTS = {"individual": IndividualRecordingClient, "mix": MixRecordingClient, "web": WebRecordingClient}
STORAGE = {"vendor": 1, "region": 0, "bucket": "bucket", "accessKey": "ak", "secretKey": "sk"}
WEB_SERVICE = {
    "serviceName": "web_recorder_service",
    "serviceParam": {"url": "https://example.com", "audioProfile": 0, "videoWidth": 1280, "videoHeight": 720,
                     "maxRecordingHour": 1},
}  # fmt: skip


def _case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text())
    case["name"] = str(path.relative_to(CORPUS))
    if case["mode"] is None and case["operation"] != "acquire":
        case["mode"] = "mix"  # a body the docs give for every mode
    return case


def _acquire_mode(body: Any) -> str:
    request = body.get("clientRequest") if isinstance(body, dict) else None
    return "web" if isinstance(request, dict) and request.get("scene") == 1 else "mix"


class Raw:
    """The emulator driven with raw HTTP, as a caller in any language would."""

    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.http = httpx.Client(base_url=emu.base_url, auth=emu.auth, timeout=10)

    def post(self, path: str, body: Any) -> httpx.Response:
        return self.http.post(f"/v1/apps/{self.emu.app_id}/cloud_recording/{path}", json=body)

    def acquire(self, cname: Any, uid: Any, mode: str) -> str:
        scene = 1 if mode == "web" else 0
        answer = self.post("acquire", {"cname": cname, "uid": uid, "clientRequest": {"scene": scene}})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["resourceId"])

    def session(self, cname: Any, uid: Any, mode: str) -> tuple[str, str]:
        rid = self.acquire(cname, uid, mode)
        request: dict[str, Any] = {"storageConfig": STORAGE}
        if mode == "web":
            request["extensionServiceConfig"] = {"extensionServices": [WEB_SERVICE]}
        answer = self.post(
            f"resourceid/{rid}/mode/{mode}/start", {"cname": cname, "uid": uid, "clientRequest": request}
        )
        assert answer.status_code == 200, answer.text
        return rid, str(answer.json()["sid"])

    def send(self, case: dict[str, Any]) -> httpx.Response:
        """Create what the body needs (a resource, a live session), then send the body itself."""
        body, mode, op = case["body"], case["mode"], case["operation"]
        cname, uid = (body.get("cname"), body.get("uid")) if isinstance(body, dict) else (None, None)
        if op == "acquire":
            return self.post("acquire", body)
        if op == "start":
            rid = self.acquire(cname, uid, mode)
            return self.post(f"resourceid/{rid}/mode/{mode}/start", body)
        if op == "query":  # a GET; Agora's Java SDK sends the body `null` with it
            cname, uid = "corpus", "7"
        rid, sid = self.session(cname, uid, mode)
        path = f"/v1/apps/{self.emu.app_id}/cloud_recording/resourceid/{rid}/sid/{sid}/mode/{mode}/{op}"
        if op == "query":
            headers = {"content-type": "application/json"}
            return self.http.request("GET", path, content=json.dumps(body).encode(), headers=headers)
        return self.http.post(path, json=body)


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_the_emulator_takes_every_real_request_body(emu: Emulator, path: Path) -> None:
    case = _case(path)
    if case["operation"] == "acquire":
        case["mode"] = _acquire_mode(case["body"])
    raw = Raw(emu)
    if case["name"] in CONTROLS:  # refused on its body: no resource or session needed
        op, mode = case["operation"], case["mode"]
        path = "acquire" if op == "acquire" else f"resourceid/{'R' * 40}/sid/{'a' * 32}/mode/{mode}/{op}"
        if op == "start":
            path = f"resourceid/{'R' * 40}/mode/{mode}/start"
        answer = raw.post(path, case["body"])
    else:
        answer = raw.send(case)
    refused = answer.status_code == 400 and answer.json().get("code") == 2
    if case["name"] in CONTROLS:
        field, why = CONTROLS[case["name"]]
        assert refused and answer.json()["reason"].startswith(field), (why, answer.text)
        return
    assert not refused, f"{case['name']} ({case['source']}): {answer.text}"
    assert answer.status_code == 200, answer.text
    lints = answer.headers.get("x-agora-cr-lint")
    assert (lints is None) == (emu.requests[-1].warnings == ())


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def _send_with_client(client: Any, case: dict[str, Any], rid: str, sid: str) -> None:
    """Call the client method of the case's operation with the body's blocks as keywords."""
    op, mode = case["operation"], case["mode"]
    if op == "query":
        client.query(rid, sid)
        return
    body = dict(case["body"])
    cname, uid = body.pop("cname"), body.pop("uid")
    request = dict(body.pop("clientRequest", None) or {})
    by_wire = {wire: name for name, wire in operation(op).blocks(mode).items()}
    keywords = {by_wire[key]: request.pop(key) for key in list(request) if key in by_wire}
    extra = {**body, **({"clientRequest": request} if request else {})}
    if op == "acquire":
        client.acquire(cname, uid, extra_body=extra or None, **keywords)
    elif op == "start":
        client.start(rid, cname, uid, extra_body=extra or None, **keywords)
    elif op == "stop":
        keywords.setdefault("async_stop", None)
        client.stop(rid, sid, cname, uid, extra_body=extra or None, **keywords)
    elif op == "update":
        client.update(rid, sid, cname, uid, extra_body=extra or None, **keywords)
    else:
        client.update_layout(rid, sid, cname, uid, extra_body=extra or None, **keywords)


@pytest.mark.parametrize(
    "path",
    [p for p in REQUESTS if str(p.relative_to(CORPUS)) not in CONTROLS],
    ids=lambda p: str(p.relative_to(CORPUS)),
)
def test_our_client_sends_every_real_request_body(emu: Emulator, path: Path) -> None:
    case = _case(path)
    body = case["body"]
    if case["operation"] == "acquire":
        case["mode"] = _acquire_mode(body)
    raw = Raw(emu)
    rid = sid = "unused"
    if case["operation"] == "query":
        rid, sid = raw.session("corpus", "7", case["mode"])
    elif case["operation"] == "start":
        rid = raw.acquire(body["cname"], body["uid"], case["mode"])
    elif case["operation"] != "acquire":
        rid, sid = raw.session(body["cname"], body["uid"], case["mode"])
    with CLIENTS[case["mode"]](**client_kwargs(emu, max_retries=0)) as client:
        _send_with_client(client, case, rid, sid)
    sent = emu.requests[-1]
    assert sent.operation == case["operation"] and sent.status == 200, (sent.status, sent.code)
    if case["operation"] == "query":
        assert sent.method == "GET" and sent.body is None
        return
    expected = _without_nulls(body)
    if case["operation"] == "acquire":  # the client always says which scene its mode records
        request = dict(expected.get("clientRequest") or {})
        request.setdefault("scene", 1 if case["mode"] == "web" else 0)
        expected = {**expected, "clientRequest": request}
    assert sent.body == mask(expected)


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_our_client_refuses_the_controls_before_sending(emu: Emulator, name: str) -> None:
    case = _case(CORPUS / name)
    field, why = CONTROLS[name]
    with CLIENTS[case["mode"]](**client_kwargs(emu)) as client, pytest.raises(ValidationError) as info:
        _send_with_client(client, case, "R" * 40, "a" * 32)
    assert info.value.field == field, why
    assert emu.requests == []


@pytest.mark.parametrize("path", RESPONSES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_documented_response_parses(path: Path) -> None:
    case = _case(path)
    op = operation(case["operation"])
    body = case["body"]
    answer = Answer(case["status"], {"x-request-id": "req-1"}, json.dumps(body).encode())
    code = body.get("code") if isinstance(body, dict) else None
    if case["status"] == 200 and code in (None, 0):
        result = success(op, answer, {}, [])
        assert isinstance(result, RESULT_TYPES[op.id])
        assert repr(result) and result.request_id == "req-1"
        assert isinstance(result.to_dict(), dict)
        if "resourceId" in body:
            assert result.resource_id == result.resourceId == body["resourceId"]
        if op.id in ("query", "stop"):
            assert all(f.file_name for f in result.files)
        return
    if case["status"] == 200:
        with pytest.raises(ClientRequestException) as raised:
            success(op, answer, {}, [])
        error = raised.value
    else:
        error = failure(op, answer, {}, [])
    assert isinstance(error, ClientRequestException)
    assert error.status_code == case["status"] and error.request_id == "req-1"
    if isinstance(code, int):
        assert error.error_code == code
    assert error.error_msg
