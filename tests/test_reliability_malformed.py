"""Malformed responses: every operation × every malformed kind → a typed exception or a tolerant parse.

Never a raw ``KeyError`` / ``TypeError`` / ``AttributeError``: both the emulator's fault kinds (HTML
page, empty body, invalid JSON, wrong shape, huge body) and hypothesis-drawn JSON of any shape go
through the real response handling.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx
import pytest
from conftest import client_kwargs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import OPERATIONS, call_for

from agora_cr import (
    ClientRequestException,
    InvalidResponseError,
    MixRecordingClient,
    QueryResult,
    ServerError,
    StopResult,
)
from agora_cr.testing import Emulator

RID = "R" * 40
SID = "a" * 32

KINDS: dict[str, dict[str, Any]] = {
    "html": {"kind": "html"},  # 502 nginx page
    "html_200": {"kind": "html", "status": 200},
    "empty": {"kind": "empty"},
    "invalid_json": {"kind": "invalid_json"},
    "wrong_shape": {"kind": "wrong_shape"},
    "huge": {"kind": "huge", "size": 4 * 1024 * 1024},
    "wrong_field_types": {"status": 200, "body": {"resourceId": 5, "sid": ["x"], "serverResponse": "?"}},
    "null_body": {"status": 200, "body": None, "content_type": "application/json"},
    "nested_wrong_shape": {
        "status": 200,
        "body": {
            "resourceId": RID,
            "sid": SID,
            "serverResponse": {"fileList": 5, "extensionServiceState": {}},
        },
    },
    "error_wrong_shape": {"status": 400, "body": {"code": {"x": 1}, "reason": ["a"]}},
    "text_plain_500": {"status": 500, "body": "oops", "content_type": "text/plain"},
}


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("operation", OPERATIONS)
def test_malformed_response_is_a_typed_error(emu: Emulator, operation: str, kind: str) -> None:
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        call = call_for(client, operation)
        emu.inject(operation=operation, **KINDS[kind])
        try:
            result = call()
        except ClientRequestException as exc:
            assert exc.operation == operation
            assert exc.status_code is not None
            text = str(exc)
            assert len(text) < 2000  # a huge body is never pasted into the message
            if exc.status_code == 200:
                assert isinstance(exc, (InvalidResponseError, ClientRequestException))
            if kind.startswith("html") and exc.status_code >= 500:
                assert isinstance(exc, ServerError)
        else:  # tolerant parse: only where the body still has what the API documents
            assert kind in {"nested_wrong_shape"} and operation not in ("query", "stop")
            assert result.resource_id


@pytest.mark.parametrize("operation", ["query", "stop"])
def test_unknown_fields_and_enum_values_parse_tolerantly(emu: Emulator, operation: str) -> None:
    body = {
        "resourceId": RID,
        "sid": SID,
        "brandNewField": {"nested": [1, 2]},
        "serverResponse": {
            "status": 99,
            "fileListMode": "xml",
            "uploadingStatus": "teleported",
            "fileList": [{"fileName": "a.m3u8", "trackType": "hologram", "isPlayable": "yes", "extra": 1}],
            "extensionServiceState": [{"serviceName": "future_service", "payload": {"state": "dreaming"}}],
            "subServiceStatus": {"recordingService": "unknown_state"},
        },
    }
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        call = call_for(client, operation)
        emu.inject(operation=operation, status=200, body=body)
        result = call()
    assert result.to_dict()["brandNewField"] == {"nested": [1, 2]}
    assert result.file_list_mode == "xml" and result.files[0].track_type == "hologram"
    assert result.files[0].is_playable is None  # wrong type: dropped, not a crash
    if isinstance(result, QueryResult):
        assert result.status == 99 and result.status_name == "unknown"
    else:
        assert isinstance(result, StopResult) and result.uploading_status == "teleported"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "resourceId",
        "sid",
        "serverResponse",
        "fileList",
        "extensionServiceState",
        "payload",
        "playload",
        "status",
        "fileListMode",
        "uploadingStatus",
        "outputs",
        "subServiceStatus",
        "code",
        "reason",
        "message",
        "sliceStartTime",
        "fileName",
        "cname",
        "uid",
    ]
)
#: JSON objects whose keys are the ones the parser reads, with values of any shape.
SHAPED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=25,
)


def _client_answering(status: int, content: bytes) -> MixRecordingClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=content))
    return MixRecordingClient(
        app_id="a1",
        customer_id="c",
        customer_secret="s",
        base_url="http://mock",
        transport=transport,
        max_retries=0,
        rate_limit=None,
    )


def _every_operation(client: MixRecordingClient) -> list[Any]:
    return [
        lambda: client.acquire("room", "1"),
        lambda: client.start(
            RID,
            "room",
            "1",
            storage_config={"vendor": 1, "region": 0, "bucket": "b", "accessKey": "a", "secretKey": "s"},
        ),
        lambda: client.query(RID, SID),
        lambda: client.update(RID, SID, "room", "1", {"audioUidList": {"subscribeAudioUids": ["1"]}}),
        lambda: client.update_layout(RID, SID, "room", "1", mixed_video_layout=1),
        lambda: client.stop(RID, SID, "room", "1"),
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    status=st.sampled_from([200, 201, 206, 400, 404, 429, 500, 502, 504]),
    body=st.one_of(SHAPED, JSON, st.dictionaries(KEYS, SHAPED, max_size=6)),
)
def test_any_json_body_gives_a_result_or_a_typed_error(status: int, body: Any) -> None:
    with _client_answering(status, json.dumps(body).encode()) as client:
        for call in _every_operation(client):
            with contextlib.suppress(ClientRequestException):
                call()


@settings(max_examples=60, deadline=None)
@given(content=st.binary(max_size=64))
def test_any_bytes_give_a_result_or_a_typed_error(content: bytes) -> None:
    with _client_answering(200, content) as client:
        for call in _every_operation(client):
            with contextlib.suppress(ClientRequestException):
                call()
