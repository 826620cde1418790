"""Bad input never leaves the process; good input is sent and accepted.

The ranges and enums come from the spec: every integer/number field with ``minimum``/``maximum`` and
every ``enum`` in the per-mode ``start`` bodies (``x-agora-mode-schemas``), ``acquire``, ``update``
and ``updateLayout`` is set, inside an otherwise minimal valid body, to values just outside its range
(or outside its enum) and to values inside it. Invalid values must raise ``ValidationError`` with zero
requests reaching the emulator; valid values must be sent and accepted – or, where a rule the schema
cannot express applies (``decryptionMode`` needs a ``secret``, ...), rejected by the client *and* by
the emulator alike. cname and uid are covered by hypothesis.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import STORAGE, WEB_PARAM, client_kwargs
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from agora_cr import (
    IndividualRecordingClient,
    MixRecordingClient,
    ValidationError,
    WebRecordingClient,
)
from agora_cr._operations import operation as spec_operation
from agora_cr.spec import ecma_regex
from agora_cr.testing import Emulator

from schema_strategies import from_schema
from spec_support import deref

CLIENTS: dict[str, type[Any]] = {
    "individual": IndividualRecordingClient,
    "mix": MixRecordingClient,
    "web": WebRecordingClient,
}
START_KWARGS = {
    "token": "token",
    "storageConfig": "storage_config",
    "recordingConfig": "recording_config",
    "recordingFileConfig": "recording_file_config",
    "snapshotConfig": "snapshot_config",
    "appsCollection": "apps_collection",
    "transcodeOptions": "transcode_options",
    "extensionServiceConfig": "extension_service_config",
}
Path = tuple[Any, ...]
Steps = tuple[tuple[Any, dict[str, Any]], ...]


# ------------------------------------------------------------------------------------ spec walking
def leaves(schema: dict[str, Any], steps: Steps = ()) -> Iterator[tuple[Steps, dict[str, Any]]]:
    """Every field with a numeric range or an enum, with the schema of each step leading to it."""
    schema = deref(schema)
    if "anyOf" in schema:
        for branch in schema["anyOf"]:
            yield from leaves(branch, steps)
        return
    ranged = schema.get("type") in ("integer", "number") and ("minimum" in schema or "maximum" in schema)
    if "enum" in schema or ranged:
        yield steps, schema
    for key, child in schema.get("properties", {}).items():
        yield from leaves(child, (*steps, (key, schema)))
    if schema.get("type") == "array":
        yield from leaves(schema["items"], (*steps, (0, schema)))


def minimal(schema: dict[str, Any]) -> Any:
    """A small valid instance (required properties only)."""
    schema = deref(schema)
    if "anyOf" in schema:
        return minimal(schema["anyOf"][0])
    if "default" in schema:
        return copy.deepcopy(schema["default"])
    if "enum" in schema:
        return schema["enum"][0]
    if "enum" in schema.get("x-agora-lints", {}):  # a documented value, though others are only lints
        return schema["x-agora-lints"]["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {k: minimal(schema["properties"][k]) for k in schema.get("required", [])}
    if kind == "array":
        return [minimal(schema["items"]) for _ in range(schema.get("minItems", 0))]
    if kind in ("integer", "number"):
        return max(schema.get("minimum", 0), min(schema.get("maximum", 1), 1))
    if kind == "boolean":
        return False
    if kind == "string":
        if "example" in schema:
            return schema["example"]
        if "pattern" in schema:
            pattern = ecma_regex(schema["pattern"])
            return find(from_schema(schema), lambda s: pattern.search(s) is not None and s.isascii())
        return "x" * max(1, schema.get("minLength", 1))
    return None


def _branch(schema: dict[str, Any], key: Any) -> dict[str, Any]:
    schema = deref(schema)
    for branch in schema.get("anyOf", ()):
        target = deref(branch)
        if key in target.get("properties", {}) or (key == 0 and target.get("type") == "array"):
            return target
    return schema


def with_value(base: Any, steps: Steps, value: Any) -> Any:
    """``base`` with the field at ``steps`` set to ``value``, parents created minimal on the way."""
    body = copy.deepcopy(base)
    node = body
    for index, (key, parent_schema) in enumerate(steps):
        last = index == len(steps) - 1
        parent_schema = _branch(parent_schema, key)
        if key == 0:  # array item
            if last:
                node[:] = [value]
                return body
            if not node:
                node.append(minimal(parent_schema["items"]))
            node = node[0]
            continue
        if last:
            node[key] = value
            return body
        child_schema = _branch(parent_schema["properties"][key], steps[index + 1][0])
        if key not in node or not isinstance(node[key], (dict, list)):
            node[key] = minimal(child_schema)
        node = node[key]
    return value


def values(schema: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(valid, invalid) values for a ranged or enumerated field: the edges and just outside them."""
    if "enum" in schema:
        enum = schema["enum"]
        if all(isinstance(v, int) and not isinstance(v, bool) for v in enum):
            return list(enum), [max(enum) + 1, min(enum) - 1, str(enum[0])]
        return list(enum), ["not-in-the-enum", 0]
    low, high = schema.get("minimum"), schema.get("maximum")
    valid = [v for v in (low, high) if v is not None]
    if low is not None and high is not None and schema["type"] == "integer":
        valid.append((low + high) // 2)
    step = 1 if schema["type"] == "integer" else 0.001
    invalid = [
        v for v in ((low - step) if low is not None else None, (high + step) if high is not None else None)
    ]
    invalid = [v for v in invalid if v is not None]
    if schema["type"] == "integer":
        invalid.append(float(valid[0]) + 0.5)
    return valid, invalid


def label(steps: Steps) -> str:
    return ".".join(str(key) for key, _ in steps)


# ------------------------------------------------------------------------------------ sending
class Harness:
    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.clients = {mode: cls(**client_kwargs(emu, max_retries=0)) for mode, cls in CLIENTS.items()}
        self.uid = 20_000
        self.http = httpx.Client(base_url=emu.base_url, auth=emu.auth)
        self.figures = {"invalid": 0, "accepted": 0, "rule_rejected": 0}

    def close(self) -> None:
        for client in self.clients.values():
            client.close()
        self.http.close()

    def next(self) -> str:
        self.uid += 1
        return str(self.uid)

    def expect_invalid(self, what: str, send: Any) -> None:
        before = len(self.emu.requests)
        with pytest.raises(ValidationError):
            send()
            pytest.fail(f"{what}: invalid value was not rejected")
        assert len(self.emu.requests) == before, f"{what}: a request reached the emulator"
        self.figures["invalid"] += 1

    def expect_valid(self, what: str, send: Any, raw: Any) -> bool:
        """Sent and accepted; or, under a non-schema rule, rejected by client and emulator alike."""
        before = len(self.emu.requests)
        try:
            send()
        except ValidationError as exc:
            assert len(self.emu.requests) == before
            response = raw()
            assert response.status_code == 400 and response.json()["code"] == 2, (
                f"{what}: client rejected ({exc}) what the emulator accepts: {response.text}"
            )
            self.figures["rule_rejected"] += 1
            return False
        self.figures["accepted"] += 1
        return True

    def start(self, mode: str, client_request: dict[str, Any]) -> tuple[Any, Any]:
        client = self.clients[mode]
        uid = self.next()
        cname = "props"
        rid = client.acquire(cname, uid).resource_id
        kwargs = {START_KWARGS[key]: value for key, value in client_request.items()}

        def send() -> Any:
            return client.start(rid, cname, uid, **kwargs)

        def raw() -> httpx.Response:
            path = f"/v1/apps/{self.emu.app_id}/cloud_recording/resourceid/{rid}/mode/{mode}/start"
            body = {"cname": cname, "uid": uid, "clientRequest": client_request}
            return self.http.post(path, json=body)

        return send, raw


@pytest.fixture
def harness(emu: Emulator) -> Iterator[Harness]:
    h = Harness(emu)
    yield h
    h.close()


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
def test_every_start_range_and_enum(harness: Harness, mode: str) -> None:
    schema = {"$ref": spec_operation("start").body_schema_ref(mode)}
    base = minimal(schema)["clientRequest"]
    base["storageConfig"] = dict(STORAGE)
    if mode == "web":
        base["extensionServiceConfig"] = {
            "extensionServices": [
                {
                    "serviceName": "web_recorder_service",
                    "serviceParam": dict(WEB_PARAM),
                }
            ]
        }
    fields = [(steps, leaf) for steps, leaf in leaves(schema) if steps and steps[0][0] == "clientRequest"]
    assert len(fields) >= 10
    accepted_fields = set()
    for steps, leaf in fields:
        inner = steps[1:]  # below clientRequest
        valid, invalid = values(leaf)
        for value in invalid:
            send, _ = harness.start(mode, with_value(base, inner, value))
            harness.expect_invalid(f"{mode} {label(steps)}={value!r}", send)
        for value in valid:
            send, raw = harness.start(mode, with_value(base, inner, value))
            if harness.expect_valid(f"{mode} {label(steps)}={value!r}", send, raw):
                accepted_fields.add(label(steps))
    # Every field had at least one valid value actually sent and accepted – except the web services'
    # parameters outside web mode, which both client and emulator reject by rule (checked above).
    never = {label(steps) for steps, _ in fields} - accepted_fields
    if mode == "web":
        assert never == set()
    else:
        assert all(name.startswith("clientRequest.extensionServiceConfig") for name in never), never
    print(mode, len(fields), "fields", harness.figures)


def test_every_acquire_range_and_enum(harness: Harness) -> None:
    client = harness.clients["individual"]
    kwargs_of = {
        "resourceExpiredHour": "resource_expired_hour",
        "regionAffinity": "region_affinity",
        "region": "region",
        "scene": "scene",
    }
    schema = {"$ref": spec_operation("acquire").body_schema_ref("individual")}
    fields = [(s, leaf) for s, leaf in leaves(schema) if len(s) == 2 and s[0][0] == "clientRequest"]
    assert {s[1][0] for s, _ in fields} == set(kwargs_of)
    for steps, leaf in fields:
        name = kwargs_of[steps[1][0]]
        valid, invalid = values(leaf)
        for value in invalid:
            harness.expect_invalid(
                f"acquire {name}={value!r}", lambda v=value, n=name: client.acquire("props", "1", **{n: v})
            )
        for value in valid:
            assert harness.expect_valid(
                f"acquire {name}={value!r}",
                lambda v=value, n=name: client.acquire("props", "1", **{n: v}),
                None,
            )


@pytest.mark.parametrize("operation", ["update", "updateLayout"])
def test_every_update_range_and_enum(harness: Harness, operation: str) -> None:
    schema = {"$ref": spec_operation(operation).body_schema_ref(None)}
    fields = [(s, leaf) for s, leaf in leaves(schema) if s and s[0][0] == "clientRequest"]
    assert fields
    for steps, leaf in fields:
        _check_update_field(harness, operation, steps, leaf)


def _check_update_field(harness: Harness, operation: str, steps: Steps, leaf: dict[str, Any]) -> None:
    block = steps[1][0]
    mode = "mix" if operation == "updateLayout" or block in ("streamSubscribe", "storageConfig") else "web"
    client = harness.clients[mode]
    send, _ = harness.start(mode, _web_start() if mode == "web" else {"storageConfig": dict(STORAGE)})
    started = send()
    base = {"storageConfig": dict(STORAGE)} if block == "storageConfig" else {}
    valid, invalid = values(leaf)
    ids = (started.resource_id, started.sid, started.cname, started.uid)

    def call(value: Any) -> Any:
        client_request = with_value(base, steps[1:], value)
        if operation == "updateLayout":
            return client.update_layout(*ids, layout=client_request)
        kwargs = {
            "stream_subscribe": client_request.get("streamSubscribe"),
            "storage_config": client_request.get("storageConfig"),
            "web_recording_config": client_request.get("webRecordingConfig"),
            "rtmp_publish_config": client_request.get("rtmpPublishConfig"),
        }
        if mode == "web":
            kwargs.pop("stream_subscribe")
        return client.update(*ids, **kwargs)

    def raw(value: Any) -> httpx.Response:
        path = (
            f"/v1/apps/{harness.emu.app_id}/cloud_recording/resourceid/{started.resource_id}"
            f"/sid/{started.sid}/mode/{mode}/{operation}"
        )
        client_request = with_value(base, steps[1:], value)
        return harness.http.post(
            path, json={"cname": started.cname, "uid": started.uid, "clientRequest": client_request}
        )

    for value in invalid:
        harness.expect_invalid(f"{operation} {label(steps)}={value!r}", lambda v=value: call(v))
    for value in valid:
        harness.expect_valid(
            f"{operation} {label(steps)}={value!r}", lambda v=value: call(v), lambda v=value: raw(v)
        )


def _web_start() -> dict[str, Any]:
    return {
        "storageConfig": dict(STORAGE),
        "extensionServiceConfig": {
            "extensionServices": [
                {
                    "serviceName": "web_recorder_service",
                    "serviceParam": dict(WEB_PARAM),
                }
            ]
        },
    }


# ------------------------------------------------------------------------------------ cname and uid
UID_RE = ecma_regex(deref({"$ref": "#/components/schemas/Uid"})["pattern"])
CNAME_RE = ecma_regex(deref({"$ref": "#/components/schemas/RtcCname"})["pattern"])


def uid_is_valid(uid: Any) -> bool:
    if isinstance(uid, bool):
        return False
    if isinstance(uid, int):
        return 1 <= uid <= 4_294_967_295
    return isinstance(uid, str) and UID_RE.search(uid) is not None


UIDS = st.one_of(
    st.integers(-(2**33), 2**33),
    st.integers(4_294_967_290, 4_294_967_300),
    st.integers(-2, 3),
    st.text("0123456789", min_size=0, max_size=11),
    st.from_regex(r"\A[1-9][0-9]{0,9}\n?\Z"),
    st.text(max_size=6),
    st.sampled_from([True, None, 1.0, "01", " 1", "1 ", "1\n", "٣"]),
)
CNAMES = st.one_of(
    st.text(max_size=70),
    st.from_regex(CNAME_RE.pattern.replace(r"\Z", "$"), fullmatch=True),
    st.sampled_from(["room\n", "a" * 63, "a" * 64, "", "ok room", "日本"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(uid=UIDS)
def test_uid_property(uid: Any) -> None:
    _check_cname_uid("props", uid)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(cname=CNAMES)
def test_cname_property(cname: Any) -> None:
    _check_cname_uid(cname, "1001")


_emulator: list[tuple[Emulator, MixRecordingClient]] = []


def _shared() -> tuple[Emulator, MixRecordingClient]:
    if not _emulator:
        emu = Emulator(qps_limit=None).start()
        _emulator.append((emu, MixRecordingClient(**client_kwargs(emu, max_retries=0))))
    return _emulator[0]


@pytest.fixture(scope="module", autouse=True)
def _close_shared() -> Iterator[None]:
    yield
    while _emulator:
        emu, client = _emulator.pop()
        client.close()
        emu.close()


def _check_cname_uid(cname: Any, uid: Any) -> None:
    emu, client = _shared()
    valid = uid_is_valid(uid) and isinstance(cname, str) and CNAME_RE.search(cname) is not None
    before = len(emu.requests)
    if not valid:
        with pytest.raises(ValidationError):
            client.acquire(cname, uid)
        assert len(emu.requests) == before
        return
    assert client.acquire(cname, uid).resource_id
    assert emu.requests[-1].status == 200 and emu.requests[-1].body["uid"] == str(uid)


def test_ecma_end_anchor_rejects_trailing_newline() -> None:
    """Regression: Python's ``$`` also matches before a final newline, so ``"1001\\n"`` passed as a
    uid (client and emulator); spec patterns are ECMA-262, where ``$`` is the very end."""
    emu, client = _shared()
    before = len(emu.requests)
    for cname, uid in (("room", "1001\n"), ("room\n", "1001")):
        with pytest.raises(ValidationError):
            client.acquire(cname, uid)
    assert len(emu.requests) == before
    path = f"/v1/apps/{emu.app_id}/cloud_recording/acquire"
    body = {"cname": "room", "uid": "1001\n", "clientRequest": {"scene": 0}}
    with httpx.Client(base_url=emu.base_url, auth=emu.auth) as http:
        answer = http.post(path, json=body)
    assert (answer.status_code, answer.json()["code"]) == (400, 2)
