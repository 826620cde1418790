"""The emulator's request log: kept cheaply (masked fields, a secret-free body as its bytes), read back
as :class:`RecordedRequest` objects equal to masking the parsed request, and never holding a secret."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from agora_cr._secrets import MASK, mask, mask_headers
from agora_cr.testing import Emulator
from agora_cr.testing.records import build, kept_body, kept_headers, mask_json

CORPUS = Path(__file__).parent / "fidelity" / "corpus"
CORPUS_BODIES = [
    json.loads(path.read_text())["body"]
    for path in sorted(CORPUS.glob("*/*.json"))
    if "fragment" not in path.name
]
TRICKY: list[Any] = [
    {"cname": "room", "uid": "1", "clientRequest": {}},
    {"cname": "tokenroom", "uid": "1", "clientRequest": {"token": "t0k"}},
    {"a": [{"secretKey": "s", "inner": {"accessKey": "a", "x": [1, 2.5, None, True]}}]},
    {"\u0073ecretKey": "escaped name"},
    {"cname": "ünïcode", "salt": "pepper"},
    [],
    "text",
    3,
]


@pytest.mark.parametrize("body", CORPUS_BODIES + TRICKY)
def test_a_kept_body_reads_back_as_the_masked_copy(body: Any) -> None:
    for raw in (json.dumps(body).encode(), json.dumps(body, ensure_ascii=False).encode()):
        parsed = json.loads(raw)
        assert mask_json(parsed) == mask(parsed)
        fields = (
            "POST",
            "/p",
            "acquire",
            None,
            {},
            kept_body(raw, parsed),
            200,
            None,
            "h",
            "u",
            None,
            0.0,
            (),
        )
        assert build(fields).body == mask(parsed)


@pytest.mark.parametrize(
    "headers",
    [
        {"host": "x", "authorization": "Basic dXNlcjpwdw==", "content-type": "application/json"},
        {"Host": "x", "Authorization": "Basic dXNlcjpwdw=="},
        {"authorization": "no-scheme-token"},
        {"x-1": "a"},
        {},
    ],
)
def test_kept_headers_are_the_masked_headers(headers: dict[str, str]) -> None:
    assert kept_headers(headers) == mask_headers(headers)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"secretKey":"s3cr3t-value"}',
        b'{"\\u0073ecretKey":"s3cr3t-value"}',
        '{"secretKey":"s3cr3t-value"}'.encode("utf-16"),
        '{"secretKey":"s3cr3t-value"}'.encode("utf-32-le"),
        b'{"a":{"b":[{"token":"s3cr3t-value"}]}}',
    ],
)
def test_a_body_that_may_hold_a_secret_is_kept_masked(raw: bytes) -> None:
    kept = kept_body(raw, json.loads(raw))
    assert not isinstance(kept, bytes)
    assert "s3cr3t-value" not in repr(kept)


def test_the_log_never_holds_a_secret_even_before_it_is_read() -> None:
    secrets = ("AK-LOG-ACCESS", "SK-LOG-SECRET", "TOKEN-LOG-VALUE")
    with Emulator(qps_limit=None) as emu, httpx.Client(base_url=emu.base_url, auth=emu.auth) as http:
        prefix = f"/v1/apps/{emu.app_id}/cloud_recording"
        acquired = http.post(f"{prefix}/acquire", json={"cname": "room", "uid": "1", "clientRequest": {}})
        rid = acquired.json()["resourceId"]
        storage = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": secrets[0], "secretKey": secrets[1]}
        start = {
            "cname": "room",
            "uid": "1",
            "clientRequest": {"token": secrets[2], "storageConfig": storage},
        }
        http.post(f"{prefix}/resourceid/{rid}/mode/mix/start", json=start)
        escaped = b'{"cname":"room","uid":"1","clientRequest":{"\\u0074oken":"' + secrets[2].encode() + b'"}}'
        http.post(f"{prefix}/acquire", content=escaped, headers={"Content-Type": "application/json"})
        kept = repr(list(emu._requests))  # the log as kept, before any read builds the records
        records = emu.requests
    for secret in (*secrets, emu.customer_secret, emu.authorization.split(" ")[1]):
        assert secret not in kept
        assert secret not in repr(records)
    assert records[1].body["clientRequest"]["storageConfig"]["secretKey"] == MASK
    assert records[2].body["clientRequest"]["token"] == MASK
    assert [r.operation for r in records] == ["acquire", "start", "acquire"]


def test_records_read_twice_are_the_same_objects_and_the_limit_holds() -> None:
    with Emulator(qps_limit=None, max_recorded=5) as emu, httpx.Client(base_url=emu.base_url) as http:
        for _ in range(3):
            http.get("/v1/ncs/ip")
        first = emu.requests
        for _ in range(4):
            http.get("/v1/ncs/ip")
        second = emu.requests
    assert len(first) == 3 and len(second) == 5
    assert second[0] is first[2]  # built once, kept as built
