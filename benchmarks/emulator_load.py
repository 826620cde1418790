"""Load generator for the emulator: requests per second and latency over N keep-alive connections.

    python benchmarks/emulator_load.py --spawn                       # starts the emulator CLI itself
    python benchmarks/emulator_load.py --spawn --mix lifecycle --processes 2
    python benchmarks/emulator_load.py --base-url http://127.0.0.1:PORT --seconds 10

Each connection (an ``asyncio.Protocol``) sends one pre-built HTTP/1.1 request, waits for the whole
answer (``Content-Length``), checks its status and sends the next: one request in flight per connection,
no pipelining. Mixes: ``acquire`` (what most of a test suite sends) and ``lifecycle`` (acquire -> start
-> query -> stop on a fresh channel each time, ids taken from the answers). Only answers completed in
the measured window count. Prints one JSON line. Standard library only.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import functools
import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (
    APP_ID,
    AUTHORIZATION,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    REPO,
    EmulatorProcess,
    acquire_body,
    clean_env,
    path_acquire,
    path_query,
    path_start,
    path_stop,
    percentile,
    start_body,
    stop_body,
)

MIXES = ("acquire", "lifecycle")
_CNAME = "@@CNAME@@"
_ACQUIRE_VARIANTS = 256  # distinct channels per connection, cycled


def _request(method: str, path: str, host: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: {AUTHORIZATION}\r\n"
    if method == "POST":
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + body


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


class _Script:
    """What one connection sends next, given the last answer."""

    def first(self) -> bytes:
        raise NotImplementedError

    def next(self, status: int, body: bytes) -> tuple[bytes, bool]:
        """The next request and whether the answer just read was the expected one."""
        raise NotImplementedError


class _AcquireScript(_Script):
    def __init__(self, host: str, conn: int) -> None:
        path = path_acquire()
        self._requests = [
            _request("POST", path, host, _json(acquire_body(f"load-{conn}-{i}")))
            for i in range(_ACQUIRE_VARIANTS)
        ]
        self._i = 0

    def first(self) -> bytes:
        return self._requests[0]

    def next(self, status: int, body: bytes) -> tuple[bytes, bool]:
        self._i = (self._i + 1) % _ACQUIRE_VARIANTS
        return self._requests[self._i], status == 200


class _LifecycleScript(_Script):
    """acquire -> start (mix) -> query -> stop, then again on a new channel."""

    def __init__(self, host: str, conn: int) -> None:
        self._host = host
        self._prefix = f"life-{os.getpid()}-{conn}-"
        self._n = 0
        self._step = 0
        self._resource = self._sid = ""
        self._start = _json(start_body(_CNAME))
        self._stop = _json(stop_body(_CNAME))
        self._acquire = _json(acquire_body(_CNAME))

    def _body(self, template: bytes) -> bytes:
        return template.replace(_CNAME.encode(), f"{self._prefix}{self._n}".encode())

    def first(self) -> bytes:
        self._n += 1
        self._step = 0
        return _request("POST", path_acquire(), self._host, self._body(self._acquire))

    def next(self, status: int, body: bytes) -> tuple[bytes, bool]:
        if status != 200:
            return self.first(), False
        if self._step == 0:
            self._resource = json.loads(body)["resourceId"]
            self._step = 1
            path = path_start(self._resource)
            return _request("POST", path, self._host, self._body(self._start)), True
        if self._step == 1:
            self._sid = json.loads(body)["sid"]
            self._step = 2
            return _request("GET", path_query(self._resource, self._sid), self._host), True
        if self._step == 2:
            self._step = 3
            path = path_stop(self._resource, self._sid)
            return _request("POST", path, self._host, self._body(self._stop)), True
        return self.first(), True


class _Stats:
    def __init__(self, begin: float, end: float) -> None:
        self.begin, self.end = begin, end
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.errors = 0  # unexpected statuses, broken connections, malformed answers (in the window)
        self.sent_total = 0
        self.answered_total = 0  # warm-up and ramp-down included (for CPU per request)

    def answer(self, sent: float, now: float, status: int, ok: bool) -> None:
        self.answered_total += 1
        if self.begin <= now < self.end:
            self.latencies.append(now - sent)
            self.statuses[status] += 1
            if not ok:
                self.errors += 1


def _status_and_length(head: bytes) -> tuple[int, int]:
    """Status and ``Content-Length`` of a lower-cased response head; (-1, 0) when malformed."""
    at = head.find(b"\r\ncontent-length:")
    if at < 0 or not head.startswith(b"http/1."):
        return -1, 0
    stop = head.find(b"\r\n", at + 2)
    try:
        return int(head[9:12]), int(head[at + 17 : stop if stop > 0 else len(head)])
    except ValueError:
        return -1, 0


class _Connection(asyncio.Protocol):
    def __init__(self, script: _Script, stats: _Stats, lost: asyncio.Future[None]) -> None:
        self._script = script
        self._stats = stats
        self._lost = lost
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None
        self._sent = 0.0
        self.stopping = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._send(self._script.first())

    def _send(self, data: bytes) -> None:
        assert self._transport is not None
        self._sent = time.perf_counter()
        self._stats.sent_total += 1
        self._transport.write(data)

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(buffer[:end]).lower()
        status, length = _status_and_length(head)
        if status < 0:
            self._error()
            return
        total = end + 4 + length
        if len(buffer) < total:
            return
        body = bytes(buffer[end + 4 : total])
        del buffer[:total]
        now = time.perf_counter()
        request, ok = self._script.next(status, body)
        self._stats.answer(self._sent, now, status, ok)
        if self.stopping or b"\r\nconnection: close" in head:
            self._close()
        else:
            self._send(request)

    def _error(self) -> None:
        if self._stats.begin <= time.perf_counter() < self._stats.end:
            self._stats.errors += 1
        self._close()

    def _close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._lost.done():
            self._lost.set_result(None)

    def stop(self) -> None:
        """Close once the answer in flight is read (no half-read answer counts as an error)."""
        self.stopping = True

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()


async def _drive(host: str, port: int, script: _Script, stats: _Stats, until: float) -> None:
    """One connection slot: (re)connects until ``until`` (perf_counter)."""
    loop = asyncio.get_running_loop()
    while time.perf_counter() < until:
        lost: asyncio.Future[None] = loop.create_future()
        try:
            _, protocol = await loop.create_connection(
                functools.partial(_Connection, script, stats, lost), host, port
            )
        except OSError:
            stats.errors += 1
            await asyncio.sleep(0.05)
            continue
        try:
            await asyncio.wait_for(asyncio.shield(lost), max(0.0, until - time.perf_counter()))
        except asyncio.TimeoutError:
            protocol.stop()
            try:
                await asyncio.wait_for(asyncio.shield(lost), 1.0)
            except asyncio.TimeoutError:  # no answer to the last request: give up on it
                protocol.abort()
                await lost
            return
        if stats.begin <= time.perf_counter() < stats.end:  # closed early by the server: connect again
            stats.errors += 1


async def _load(
    base_url: str, seconds: float, connections: int, mix: str, warmup: float, start_at: float
) -> _Stats:
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    make = _AcquireScript if mix == "acquire" else _LifecycleScript
    scripts = [make(f"{host}:{port}", i) for i in range(connections)]
    delay = start_at - time.time()
    if delay > 0:
        await asyncio.sleep(delay)
    begin = time.perf_counter() + warmup
    stats = _Stats(begin, begin + seconds)
    await asyncio.gather(*(_drive(host, port, s, stats, stats.end) for s in scripts))
    return stats


def _worker(
    base_url: str, seconds: float, connections: int, mix: str, warmup: float, start_at: float
) -> dict[str, Any]:
    cpu = time.process_time()
    stats = asyncio.run(_load(base_url, seconds, connections, mix, warmup, start_at))
    return {
        "latencies": stats.latencies,
        "statuses": dict(stats.statuses),
        "errors": stats.errors,
        "sent": stats.sent_total,
        "answered": stats.answered_total,
        "cpu": time.process_time() - cpu,
    }


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process (Linux), for the server's CPU per request."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_load(
    base_url: str,
    seconds: float = 10.0,
    connections: int = 16,
    mix: str = "acquire",
    *,
    warmup: float = 1.0,
    processes: int = 1,
    server_pid: int | None = None,
) -> dict[str, Any]:
    """Drive the emulator at ``base_url``; answers per second, latency percentiles, errors, statuses.

    ``processes`` > 1 splits the connections over that many generator processes (when one cannot keep
    up with the server); ``server_pid`` adds the server's CPU time per request (Linux)."""
    if mix not in MIXES:
        raise ValueError(f"mix must be one of {MIXES}")
    processes = max(1, min(processes, connections))
    shares = [connections // processes + (i < connections % processes) for i in range(processes)]
    start_at = time.time() + (1.0 if processes > 1 else 0.0)  # let spawned workers import first
    cpu_before: float | None = None
    if processes == 1:
        cpu_before = _cpu_seconds(server_pid) if server_pid else None
        results = [_worker(base_url, seconds, connections, mix, warmup, start_at)]
    else:
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool:
            futures = [pool.submit(_worker, base_url, seconds, n, mix, warmup, start_at) for n in shares]
            cpu_before = _cpu_seconds(server_pid) if server_pid else None
            results = [future.result() for future in futures]
    cpu_after = _cpu_seconds(server_pid) if server_pid else None
    latencies = sorted(x for r in results for x in r["latencies"])
    statuses: Counter[int] = Counter()
    for r in results:
        statuses.update({int(k): v for k, v in r["statuses"].items()})
    answered = len(latencies)
    report: dict[str, Any] = {
        "mix": mix,
        "connections": connections,
        "processes": processes,
        "seconds": seconds,
        "requests": answered,
        "requests_per_s": answered / seconds,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "errors": sum(r["errors"] for r in results),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "loadavg": _loadavg(),
    }
    sent = sum(r["sent"] for r in results)
    if sent:  # this generator's own CPU per request (all of its processes), to see it is not the limit
        report["load_cpu_us_per_request"] = sum(r["cpu"] for r in results) / sent * 1e6
    answered_total = sum(r["answered"] for r in results)
    if cpu_before is not None and cpu_after is not None and answered_total:
        # Over the whole run (warm-up and ramp-down too; connection setup is included).
        report["server_cpu_us_per_request"] = (cpu_after - cpu_before) / answered_total * 1e6
    return report


def _loadavg() -> str:
    try:
        with open("/proc/loadavg") as handle:
            return handle.read().strip()
    except OSError:
        return "n/a"


def _pin(pid: int, cpus: set[int]) -> None:
    """Pin every thread of ``pid`` to ``cpus`` (Linux)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        os.sched_setaffinity(int(tid), cpus)


class _Emulator(EmulatorProcess):
    """The emulator CLI in its own process (as ``EmulatorProcess`` starts it), optionally pinned.

    Reads its URL from either output format of the CLI: ``base_url=...`` or ``export AGORA_BASE_URL=...``.
    """

    def __init__(self, cpus: set[int] | None) -> None:
        super().__init__(sys.executable)
        self.cpus = cpus
        self.pid = 0

    def __enter__(self) -> _Emulator:
        cmd = [sys.executable, "-m", "agora_cr.testing.cli", "--no-qps-limit", "--app-id", APP_ID]
        cmd += ["--customer-id", CUSTOMER_ID, "--customer-secret", CUSTOMER_SECRET]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=clean_env()
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:  # ends when the CLI releases its stdout (or says "serving")
            name, _, value = line.strip().removeprefix("export ").partition("=")
            if name in ("base_url", "AGORA_BASE_URL"):
                self.base_url = value.strip("'")
            if line.startswith("serving") or (self.base_url and name == "AGORA_EMULATOR_PID"):
                break
        if not self.base_url:
            self.__exit__()
            raise RuntimeError("the emulator did not start")
        self.pid = self.proc.pid
        if self.cpus:
            _pin(self.pid, self.cpus)
        return self


def _cpus(text: str | None) -> set[int] | None:
    return None if not text else {int(x) for x in text.split(",")}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--base-url", help="a running emulator (credentials of benchmarks/common.py)")
    where.add_argument("--spawn", action="store_true", help="start the emulator CLI in its own process")
    parser.add_argument("--mix", choices=MIXES, default="acquire")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--processes", type=int, default=1, help="generator processes (default 1)")
    parser.add_argument("--server-pid", type=int, help="with --base-url: report the server's CPU per request")
    parser.add_argument("--emulator-cpus", help="with --spawn: pin the emulator to these CPUs, e.g. 0")
    parser.add_argument("--load-cpus", help="pin this generator (and its workers) to these CPUs, e.g. 1")
    args = parser.parse_args(argv)
    load_cpus = _cpus(args.load_cpus)
    if load_cpus:
        os.sched_setaffinity(0, load_cpus)

    def run(base_url: str, pid: int | None) -> dict[str, Any]:
        return run_load(
            base_url,
            args.seconds,
            args.connections,
            args.mix,
            warmup=args.warmup,
            processes=args.processes,
            server_pid=pid,
        )

    if args.spawn:
        with _Emulator(_cpus(args.emulator_cpus)) as emulator:
            report = run(emulator.base_url, emulator.pid)
    else:
        report = run(args.base_url, args.server_pid)
    print(json.dumps(report))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
