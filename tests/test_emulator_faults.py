"""Emulator fault injection, hosts going down, the QPS limiter and concurrency, over real HTTP."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from agora_cr.testing import Emulator, RequestInfo

ACQUIRE = {"cname": "demo_channel", "uid": "527841", "clientRequest": {}}
START = {
    "cname": "demo_channel",
    "uid": "527841",
    "clientRequest": {
        "recordingConfig": {"channelType": 0},
        "storageConfig": {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "ak", "secretKey": "sk"},
    },
}


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None) as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emu.base_url, auth=emu.auth, timeout=5) as http:
        yield http


def acquire(client: httpx.Client, emu: Emulator) -> httpx.Response:
    return client.post(f"/v1/apps/{emu.app_id}/cloud_recording/acquire", json=ACQUIRE)


def start(client: httpx.Client, emu: Emulator, rid: str) -> httpx.Response:
    return client.post(f"/v1/apps/{emu.app_id}/cloud_recording/resourceid/{rid}/mode/mix/start", json=START)


# ------------------------------------------------------------------------------ status faults
def test_service_and_gateway_5xx(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(operation="acquire", status=500, code=501, reason="no_worker_manager_available")
    emu.inject(
        operation="acquire", status=502, message="An invalid response was received from the upstream server"
    )
    emu.inject(operation="acquire", status=504)
    emu.inject(operation="acquire", status=503)
    first, second, third, fourth, fifth = (acquire(client, emu) for _ in range(5))
    assert (first.status_code, first.json()) == (500, {"code": 501, "reason": "no_worker_manager_available"})
    assert second.status_code == 502 and second.json()["message"].startswith("An invalid response")
    assert (third.status_code, third.json()["code"]) == (504, 62)
    assert fourth.status_code == 503 and "message" in fourth.json()
    assert fifth.status_code == 200
    assert [r.fault for r in emu.requests] == ["status"] * 4 + [None]
    assert [r.code for r in emu.requests][:3] == [501, None, 62]


def test_429_with_and_without_retry_after(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(status=429, retry_after=3)
    emu.inject(status=429)
    with_header, without = acquire(client, emu), acquire(client, emu)
    assert (with_header.status_code, with_header.headers["Retry-After"]) == (429, "3")
    assert with_header.json() == {"message": "API rate limit exceeded"}
    assert without.status_code == 429 and "Retry-After" not in without.headers


def test_start_206_code_65_then_retry_with_same_resource(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(operation="start", status=206, code=65, reason="request not completed", times=2)
    rid = acquire(client, emu).json()["resourceId"]
    first, second, third = (start(client, emu, rid) for _ in range(3))
    assert [first.status_code, second.status_code] == [206, 206]
    assert first.json() == {"code": 65, "reason": "request not completed"}
    assert third.status_code == 200 and len(third.json()["sid"]) == 32
    assert emu.faults == []


def test_custom_body_and_headers(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(
        status=500, body={"code": 500, "reason": "internal_error", "extra": 1}, headers={"X-Test": "yes"}
    )
    response = acquire(client, emu)
    assert response.json()["extra"] == 1 and response.headers["X-Test"] == "yes"


# ------------------------------------------------------------------------------ transport faults
def test_delay_then_normal_response(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(operation="acquire", delay=0.3)
    began = time.perf_counter()
    response = acquire(client, emu)
    assert time.perf_counter() - began >= 0.3
    assert response.status_code == 200
    assert emu.requests[-1].fault == "delay"


def test_delay_makes_a_client_timeout(emu: Emulator) -> None:
    emu.inject(delay=1.0, status=500)
    with (
        httpx.Client(base_url=emu.base_url, auth=emu.auth, timeout=0.2) as short,
        pytest.raises(httpx.ReadTimeout),
    ):
        acquire(short, emu)


@pytest.mark.parametrize("kind", ["drop", "reset"])
def test_dropped_connection(emu: Emulator, client: httpx.Client, kind: str) -> None:
    emu.inject(kind, operation="acquire")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        acquire(client, emu)
    assert acquire(client, emu).status_code == 200
    assert emu.requests[0].status is None and emu.requests[0].fault == kind


def test_malformed_bodies(emu: Emulator, client: httpx.Client) -> None:
    emu.inject("html", status=502)
    emu.inject("empty")
    emu.inject("invalid_json")
    emu.inject("wrong_shape")
    emu.inject("huge", size=2_000_000)
    html, empty, invalid, shape, huge = (acquire(client, emu) for _ in range(5))
    assert html.status_code == 502 and html.headers["content-type"] == "text/html"
    assert html.text.lstrip().startswith("<html>")
    assert empty.status_code == 200 and empty.content == b""
    assert invalid.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        invalid.json()
    assert shape.status_code == 200 and isinstance(shape.json(), list)
    assert huge.status_code == 200 and len(huge.content) == 2_000_000 and "padding" in huge.json()


def test_unknown_kind_and_bad_times_are_rejected(emu: Emulator) -> None:
    with pytest.raises(ValueError):
        emu.inject("meteor")
    with pytest.raises(ValueError):
        emu.inject(status=500, times=0)


# ------------------------------------------------------------------------------ matching and order
def test_faults_are_consumed_in_order_and_can_be_cleared(emu: Emulator, client: httpx.Client) -> None:
    first = emu.inject(status=500, times=2)
    emu.inject(status=503)
    statuses = [acquire(client, emu).status_code for _ in range(4)]
    assert statuses == [500, 500, 503, 200]
    assert first.hits == 2 and first.remaining == 0
    emu.inject(status=500, times=None)
    assert [acquire(client, emu).status_code for _ in range(3)] == [500, 500, 500]
    emu.clear_faults()
    assert acquire(client, emu).status_code == 200


def test_after_skips_matches_and_predicate_filters(emu: Emulator, client: httpx.Client) -> None:
    emu.inject("invalid_json", operation="acquire", after=1)
    seen: list[RequestInfo] = []

    def is_uid_7(info: RequestInfo) -> bool:
        seen.append(info)
        return bool(info.body and info.body.get("uid") == "7")

    emu.inject(status=500, code=500, predicate=is_uid_7)
    assert acquire(client, emu).status_code == 200
    assert acquire(client, emu).content.startswith(b'{"resourceId": "abc"')
    seven = client.post(f"/v1/apps/{emu.app_id}/cloud_recording/acquire", json={**ACQUIRE, "uid": "7"})
    assert seven.status_code == 500
    assert seen[-1].operation == "acquire" and seen[-1].host == "primary"


def test_operation_filter(emu: Emulator, client: httpx.Client) -> None:
    emu.inject(operation=["query", "stop"], status=504, times=None)
    assert acquire(client, emu).status_code == 200
    assert (
        client.get(f"/v1/apps/{emu.app_id}/cloud_recording/resourceid/r/sid/s/mode/mix/query").status_code
        == 504
    )


# ------------------------------------------------------------------------------ hosts
def test_added_hosts_share_state_and_can_go_down(emu: Emulator, client: httpx.Client) -> None:
    west = emu.add_host("api-us-west-1")
    assert west != emu.base_url and emu.hosts["api-us-west-1"] == west
    rid = acquire(client, emu).json()["resourceId"]
    with httpx.Client(base_url=west, auth=emu.auth, timeout=5) as other:
        assert start(other, emu, rid).status_code == 200  # acquired on primary, started on west
        assert emu.requests[-1].host == "api-us-west-1" and emu.requests[-1].url == west
        emu.set_host_down("api-us-west-1")
        assert emu.is_host_down(west)
        with pytest.raises(httpx.ConnectError):
            other.get("/v1/ncs/ip")  # the pooled keep-alive connection was closed too
        with pytest.raises(httpx.ConnectError):
            httpx.get(west + "/v1/ncs/ip", timeout=2)
        assert client.get("/v1/ncs/ip").status_code == 200  # primary unaffected
        emu.set_host_down(west, False)
        assert other.get("/v1/ncs/ip").status_code == 200
    assert emu.hosts["api-us-west-1"] == west  # same port after coming back
    with pytest.raises(ValueError):
        emu.add_host("api-us-west-1")
    with pytest.raises(KeyError):
        emu.set_host_down("nowhere")


def test_fault_for_one_host_only(emu: Emulator, client: httpx.Client) -> None:
    east = emu.add_host("api-us-east-1")
    emu.inject("html", host="api-us-east-1", times=None)
    assert client.get("/v1/ncs/ip").status_code == 200
    assert httpx.get(east + "/v1/ncs/ip", auth=emu.auth).status_code == 502


def test_primary_host_can_go_down(emu: Emulator) -> None:
    url = emu.base_url
    emu.set_host_down("primary")
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/v1/ncs/ip", timeout=2)
    emu.set_host_down("primary", False)
    assert httpx.get(url + "/v1/ncs/ip", auth=emu.auth).status_code == 200


# ------------------------------------------------------------------------------ QPS limiter
def test_qps_limiter_answers_429_then_recovers() -> None:
    with Emulator() as emu, httpx.Client(base_url=emu.base_url, auth=emu.auth) as client:
        responses = [client.get("/v1/ncs/ip") for _ in range(30)]
        statuses = [r.status_code for r in responses]
        assert statuses.count(200) == 10 and statuses.count(429) == 20
        limited = next(r for r in responses if r.status_code == 429)
        assert limited.json() == {"message": "API rate limit exceeded"}
        assert int(limited.headers["Retry-After"]) >= 1
        time.sleep(1.05)
        assert client.get("/v1/ncs/ip").status_code == 200
        emu.set_qps_limit(None)
        assert all(client.get("/v1/ncs/ip").status_code == 200 for _ in range(30))


def test_qps_limit_is_configurable_and_ignores_unauthenticated() -> None:
    with Emulator(qps_limit=3) as emu, httpx.Client(base_url=emu.base_url) as client:
        assert all(client.get("/v1/ncs/ip").status_code == 401 for _ in range(5))
        statuses = [client.get("/v1/ncs/ip", auth=emu.auth).status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]


# ------------------------------------------------------------------------------ concurrency, shutdown
def test_500_concurrent_connections() -> None:
    # Ten AsyncClients of 50 connections each: one pool of 500 is itself slow (httpcore scans its pool
    # per request), which would measure the client rather than the emulator.
    async def run(emu: Emulator) -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=50, max_keepalive_connections=50)
        clients = [
            httpx.AsyncClient(base_url=emu.base_url, auth=emu.auth, limits=limits, timeout=30)
            for _ in range(10)
        ]
        url = f"/v1/apps/{emu.app_id}/cloud_recording/acquire"
        try:
            calls = (clients[i % 10].post(url, json={**ACQUIRE, "uid": str(i + 1)}) for i in range(500))
            return await asyncio.gather(*calls)
        finally:
            await asyncio.gather(*(client.aclose() for client in clients))

    with Emulator(qps_limit=None) as emu:
        emu.inject(operation="acquire", delay=0.3, times=None)  # hold every request so all 500 overlap
        responses = asyncio.run(run(emu))
        assert [r.status_code for r in responses] == [200] * 500
        assert len({r.json()["resourceId"] for r in responses}) == 500
        assert emu.peak_connections == 500


def test_close_is_prompt_with_requests_in_flight() -> None:
    emu = Emulator(qps_limit=None).start()
    emu.inject(delay=30, times=None)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            httpx.get(emu.base_url + "/v1/ncs/ip", timeout=10)
        except httpx.HTTPError as exc:
            errors.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    time.sleep(0.2)
    began = time.perf_counter()
    emu.close()
    assert time.perf_counter() - began < 1.5
    thread.join(5)
    assert not thread.is_alive() and len(errors) == 1


# ------------------------------------------------------------------------------ HTTP edge cases
def raw_exchange(emu: Emulator, payload: bytes) -> bytes:
    port = int(emu.base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_chunked_body_expect_continue_and_connection_close(emu: Emulator) -> None:
    body = json.dumps(ACQUIRE).encode()
    head = (
        f"POST /v1/apps/{emu.app_id}/cloud_recording/acquire HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: {emu.authorization}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    ).encode()
    answer = raw_exchange(emu, head + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")
    assert b"Connection: close" in answer and b'"resourceId"' in answer


def test_malformed_request_line_is_400(emu: Emulator) -> None:
    assert raw_exchange(emu, b"NONSENSE\r\n\r\n").startswith(b"HTTP/1.1 400 ")


def test_an_emulator_bug_answers_500_not_a_dropped_connection(
    emu: Emulator, client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(request: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(emu._service, "respond", broken)
    response = client.get("/v1/ncs/ip")
    assert response.status_code == 500 and "boom" in response.json()["reason"]
