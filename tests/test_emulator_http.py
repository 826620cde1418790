"""The emulator's HTTP/1.1 layer over real sockets: pipelining, bodies, connection handling, limits."""

from __future__ import annotations

import gc
import json
import logging
import socket
import threading
import warnings
from collections.abc import Iterator

import pytest

from agora_cr.testing import Emulator
from agora_cr.testing.server import MAX_BODY, MAX_HEAD


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None) as emulator:
        yield emulator


def connect(emu: Emulator) -> socket.socket:
    host, port = emu.base_url.removeprefix("http://").rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=10)


def acquire(emu: Emulator, cname: str, *, version: str = "HTTP/1.1", extra: str = "") -> bytes:
    body = json.dumps({"cname": cname, "uid": "527841", "clientRequest": {}}).encode()
    head = (
        f"POST /v1/apps/{emu.app_id}/cloud_recording/acquire {version}\r\nHost: x\r\n"
        f"Authorization: {emu.authorization}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{extra}\r\n"
    )
    return head.encode() + body


class Reader:
    """Reads whole responses (``Content-Length`` framed) off a socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def response(self) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            assert self._fill(), f"closed before a response: {self.buffer[:200]!r}"
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            assert self._fill(), "closed inside a body"
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(lines[0].split(" ")[1]), headers, body

    def closed(self) -> bool:
        """True when the server closed the connection (after anything still buffered)."""
        return not self.buffer and not self._fill()


def test_pipelined_requests_are_answered_in_order(emu: Emulator) -> None:
    names = [f"room-{i}" for i in range(20)]
    with connect(emu) as sock:
        sock.sendall(b"".join(acquire(emu, name) for name in names))
        reader = Reader(sock)
        answers = [reader.response() for _ in names]
    assert [status for status, _, _ in answers] == [200] * len(names)
    assert [json.loads(body)["cname"] for _, _, body in answers] == names
    assert len({headers["x-request-id"] for _, headers, _ in answers}) == len(names)


def test_pipelined_requests_that_wait_stay_in_order() -> None:
    with Emulator(qps_limit=None, latency=0.01) as emu:
        emu.inject("delay", delay=0.1, predicate=lambda info: info.body["cname"] == "room-0")
        with connect(emu) as sock:
            sock.sendall(b"".join(acquire(emu, f"room-{i}") for i in range(5)))
            reader = Reader(sock)
            cnames = [json.loads(reader.response()[2])["cname"] for _ in range(5)]
    assert cnames == [f"room-{i}" for i in range(5)]


def test_many_pipelined_requests_from_a_client_that_reads_late(emu: Emulator) -> None:
    """The server stops reading while its answers are not taken, and loses none of them."""
    count = 3000
    request = f"GET /v1/ncs/ip HTTP/1.1\r\nHost: x\r\nAuthorization: {emu.authorization}\r\n\r\n".encode()
    with connect(emu) as sock:
        sender = threading.Thread(target=sock.sendall, args=(request * count,))
        sender.start()
        reader = Reader(sock)
        statuses = [reader.response()[0] for _ in range(count)]
        sender.join(10)
    assert statuses == [200] * count
    assert len(emu.requests) == count


def test_a_request_sent_byte_by_byte(emu: Emulator) -> None:
    with connect(emu) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for byte in acquire(emu, "slow-room"):
            sock.send(bytes([byte]))
        status, _, body = Reader(sock).response()
    assert status == 200 and json.loads(body)["cname"] == "slow-room"


def test_a_chunked_body_with_extensions_and_trailers(emu: Emulator) -> None:
    body = json.dumps({"cname": "chunky", "uid": "527841", "clientRequest": {}}).encode()
    head = (
        f"POST /v1/apps/{emu.app_id}/cloud_recording/acquire HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: {emu.authorization}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunks = b"".join(f"{len(part):X};ext=1\r\n".encode() + part + b"\r\n" for part in (body[:7], body[7:]))
    with connect(emu) as sock:
        sock.sendall(head + chunks[:5])
        sock.sendall(chunks[5:] + b"0\r\nX-Trailer: yes\r\n\r\n" + acquire(emu, "after"))
        reader = Reader(sock)
        first, second = reader.response(), reader.response()
    assert first[0] == 200 and json.loads(first[2])["cname"] == "chunky"
    assert second[0] == 200 and json.loads(second[2])["cname"] == "after"
    assert emu.requests[0].body == {"cname": "chunky", "uid": "527841", "clientRequest": {}}


def test_expect_100_continue_answers_before_the_body_is_sent(emu: Emulator) -> None:
    request = acquire(emu, "continued", extra="Expect: 100-continue\r\n")
    head, _, body = request.partition(b"\r\n\r\n")
    with connect(emu) as sock:
        sock.sendall(head + b"\r\n\r\n")
        reader = Reader(sock)
        while b"\r\n\r\n" not in reader.buffer:
            assert reader._fill()
        assert reader.buffer == b"HTTP/1.1 100 Continue\r\n\r\n"
        reader.buffer = b""
        sock.sendall(body)
        status, _, answer = reader.response()
    assert status == 200 and json.loads(answer)["cname"] == "continued"


def test_connection_close_ends_the_connection_after_the_answer(emu: Emulator) -> None:
    with connect(emu) as sock:
        sock.sendall(acquire(emu, "a", extra="Connection: close\r\n") + acquire(emu, "never"))
        reader = Reader(sock)
        status, headers, _ = reader.response()
        assert status == 200 and headers["connection"] == "close"
        assert reader.closed()
    assert [r.body["cname"] for r in emu.requests] == ["a"]


def test_http_1_0_closes_unless_it_asks_for_keep_alive(emu: Emulator) -> None:
    with connect(emu) as sock:
        sock.sendall(acquire(emu, "old", version="HTTP/1.0"))
        reader = Reader(sock)
        status, headers, _ = reader.response()
        assert status == 200 and headers["connection"] == "close"
        assert reader.closed()
    with connect(emu) as sock:
        kept = acquire(emu, "kept", version="HTTP/1.0", extra="Connection: keep-alive\r\n")
        sock.sendall(kept + kept)
        reader = Reader(sock)
        assert [reader.response()[1]["connection"] for _ in range(2)] == ["keep-alive", "keep-alive"]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * (MAX_HEAD + 10) + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * (MAX_HEAD + 10), 431),  # no end of head yet
        (f"POST / HTTP/1.1\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n".encode(), 413),
        (b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400),
        (f"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n{MAX_BODY + 1:x}\r\n".encode(), 413),
        (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400),
        (b"GET /\r\n\r\n", 400),
        (b"GET / HTTP/2\r\n\r\n", 400),
    ],
)
def test_refused_requests_get_an_answer_and_a_closed_connection(
    emu: Emulator, payload: bytes, status: int
) -> None:
    with connect(emu) as sock:
        sock.sendall(payload)
        reader = Reader(sock)
        answer = reader.response()
        assert answer[0] == status and answer[1]["connection"] == "close"
        assert reader.closed()


def test_a_truncated_head_is_400_and_a_truncated_body_is_no_answer(emu: Emulator) -> None:
    with connect(emu) as sock:
        sock.sendall(b"GET /v1/ncs/ip HTTP/1.1\r\nHost: x\r\n")
        sock.shutdown(socket.SHUT_WR)
        reader = Reader(sock)
        assert reader.response()[0] == 400
        assert reader.closed()
    with connect(emu) as sock:
        sock.sendall(acquire(emu, "cut")[:-5])
        sock.shutdown(socket.SHUT_WR)
        assert Reader(sock).closed()
    assert emu.requests == []


def test_requests_before_a_half_close_are_all_answered(emu: Emulator) -> None:
    with connect(emu) as sock:
        sock.sendall(acquire(emu, "one") + acquire(emu, "two"))
        sock.shutdown(socket.SHUT_WR)
        reader = Reader(sock)
        cnames = [json.loads(reader.response()[2])["cname"] for _ in range(2)]
        assert reader.closed()
    assert cnames == ["one", "two"]


def test_a_host_going_down_aborts_its_connections_and_comes_back_on_its_port(emu: Emulator) -> None:
    url = emu.base_url
    with connect(emu) as idle:
        idle.sendall(acquire(emu, "before"))
        assert Reader(idle).response()[0] == 200
        emu.set_host_down("primary")
        try:
            seen = idle.recv(1)
        except ConnectionResetError:
            seen = b""
        assert seen == b""
        with pytest.raises(ConnectionRefusedError):
            connect(emu)
    emu.set_host_down("primary", False)
    assert emu.base_url == url
    with connect(emu) as sock:
        sock.sendall(acquire(emu, "after"))
        assert Reader(sock).response()[0] == 200
    assert emu.peak_connections >= 1


def test_closing_with_connections_open_leaves_nothing_behind(caplog: pytest.LogCaptureFixture) -> None:
    """No pending task, no unclosed transport: idle, half-sent and waiting connections at close."""
    emu = Emulator(qps_limit=None).start()
    emu.inject("delay", delay=30)
    sockets = [connect(emu) for _ in range(3)]
    sockets[0].sendall(acquire(emu, "waits"))  # the delayed one
    sockets[1].sendall(b"POST /v1/ncs/ip HTTP/1.1\r\nContent-Length: 10\r\n\r\n{")
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, "asyncio"):
        warnings.simplefilter("always")
        emu.close()
        gc.collect()
    for sock in sockets:
        sock.close()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
