"""Client overhead per call with no network: ours vs raw httpx over the same in-process transport.

    python benchmarks/overhead.py [--calls 2000] [--repeats 7]

Canned responses are the emulator's own answers (captured once at start-up: acquire, start, the third
query - status 5 with a file list - and stop). Both sides send through the same ``httpx.BaseTransport``
/ ``httpx.AsyncBaseTransport`` that returns those bytes; before timing, the requests of both sides are
captured and compared (method, URL, headers, body bytes), so the floor does exactly the same work on
the wire. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import httpx
from common import UID, summary
from sides import FloorAsync, FloorSync, OursAsync, OursSync, dict_blocks

BASE_URL = "https://api-us-west-1.agora.io"
CNAME = "bench-room-0001"
OPS = ("acquire", "start", "start_dict", "query", "stop")
#: Each repeat's batch is cut into this many slices, alternating floor and ours, and each side's time
#: for the repeat is the median slice: slow drift and short stalls of a shared VM hit both sides alike.
SLICES = 10


def capture_responses() -> dict[str, bytes]:
    """One real lifecycle against an in-process emulator; returns the raw response bodies."""
    from common import APP_ID, CUSTOMER_ID, CUSTOMER_SECRET

    from agora_cr.testing import Emulator

    bodies: dict[str, bytes] = {}

    def keep(response: httpx.Response) -> None:
        response.read()
        bodies[response.url.path.rsplit("/", 1)[-1]] = response.content

    with Emulator(
        app_id=APP_ID, customer_id=CUSTOMER_ID, customer_secret=CUSTOMER_SECRET, qps_limit=None
    ) as emu:
        floor = FloorSync(emu.base_url)
        floor.http.event_hooks["response"] = [keep]
        resource_id = floor.acquire(CNAME, UID)
        sid = floor.start(resource_id, CNAME, UID)
        for _ in range(3):  # the third query reports status 5 with the file list
            floor.query(resource_id, sid)
        floor.stop(resource_id, sid, CNAME, UID)
        floor.close()
    return bodies


class _Canned:
    def __init__(self, bodies: dict[str, bytes]) -> None:
        self.bodies = bodies
        self.headers = {
            op: [(b"content-type", b"application/json"), (b"content-length", str(len(b)).encode())]
            for op, b in bodies.items()
        }
        self.captured: list[httpx.Request] | None = None

    def respond(self, request: httpx.Request) -> httpx.Response:
        if self.captured is not None:
            self.captured.append(request)
        op = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, headers=self.headers[op], content=self.bodies[op], request=request)


class CannedTransport(httpx.BaseTransport):
    def __init__(self, canned: _Canned) -> None:
        self.canned = canned

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.canned.respond(request)


class AsyncCannedTransport(httpx.AsyncBaseTransport):
    def __init__(self, canned: _Canned) -> None:
        self.canned = canned

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.canned.respond(request)


def _ids(bodies: dict[str, bytes]) -> tuple[str, str]:
    start = json.loads(bodies["start"])
    return start["resourceId"], start["sid"]


def sync_calls(side: Any, resource_id: str, sid: str) -> dict[str, Callable[[], Any]]:
    return {
        "acquire": lambda: side.acquire(CNAME, UID),
        "start": lambda: side.start(resource_id, CNAME, UID),
        "query": lambda: side.query(resource_id, sid),
        "stop": lambda: side.stop(resource_id, sid, CNAME, UID),
    }


def async_calls(side: Any, resource_id: str, sid: str) -> dict[str, Callable[[], Any]]:
    return sync_calls(side, resource_id, sid)  # the same lambdas; they return coroutines


def _describe(request: httpx.Request) -> dict[str, Any]:
    return {
        "method": request.method,
        "url": str(request.url),
        "headers": sorted((k.lower(), v) for k, v in request.headers.items()),
        "body": request.content,
    }


def compare_wire(canned: _Canned, floor: Any, ours: Any, resource_id: str, sid: str) -> dict[str, Any]:
    """Send each op once from both sides and compare what reached the transport."""
    report: dict[str, Any] = {}
    for op in ("acquire", "start", "query", "stop"):
        seen = []
        for side in (floor, ours):
            canned.captured = []
            sync_calls(side, resource_id, sid)[op]()
            seen.append(_describe(canned.captured[0]))
        canned.captured = None
        a, b = seen
        diffs = [key for key in ("method", "url", "headers", "body") if a[key] != b[key]]
        if diffs == ["body"] and json.loads(a["body"]) == json.loads(b["body"]):
            diffs = ["body bytes (same JSON)"]
        report[op] = {"identical": not diffs, "differences": diffs}
        if "headers" in diffs:
            report[op]["floor_headers"] = a["headers"]
            report[op]["ours_headers"] = b["headers"]
    return report


def time_batch(call: Callable[[], Any], n: int) -> float:
    gc.collect()
    clock = time.perf_counter
    started = clock()
    for _ in range(n):
        call()
    return (clock() - started) / n


async def time_batch_async(call: Callable[[], Any], n: int) -> float:
    gc.collect()
    clock = time.perf_counter
    started = clock()
    for _ in range(n):
        await call()
    return (clock() - started) / n


Times = dict[str, dict[str, list[float]]]


def _new_times() -> Times:
    return {op: {"floor": [], "ours": []} for op in OPS}


def _order(rep: int) -> tuple[str, str]:
    return ("floor", "ours") if rep % 2 == 0 else ("ours", "floor")


def _schedule(repeats: int) -> Iterator[tuple[int, str, dict[str, list[float]]]]:
    """(repeat, op, slice times) for every slice: each repeat runs every op in SLICES alternations."""
    for rep in range(repeats):
        for op in OPS:
            slices: dict[str, list[float]] = {"floor": [], "ours": []}
            for _ in range(SLICES):
                yield rep, op, slices


def _keep(times: Times, op: str, slices: dict[str, list[float]]) -> None:
    """After the op's last slice, record each side's median slice for this repeat."""
    if len(slices["floor"]) == SLICES and len(slices["ours"]) == SLICES:
        for name in ("floor", "ours"):
            times[op][name].append(statistics.median(slices[name]))


def measure_sync(canned: _Canned, n: int, repeats: int) -> dict[str, Any]:
    resource_id, sid = _ids(canned.bodies)
    transport = CannedTransport(canned)
    floor = FloorSync(BASE_URL, transport)
    ours = OursSync(BASE_URL, transport)
    ours_dict = OursSync(BASE_URL, transport, blocks=dict_blocks())
    wire = compare_wire(canned, floor, ours, resource_id, sid)
    sides = {
        "floor": sync_calls(floor, resource_id, sid),
        "ours": sync_calls(ours, resource_id, sid),
    }
    sides["floor"]["start_dict"] = sides["floor"]["start"]
    sides["ours"]["start_dict"] = sync_calls(ours_dict, resource_id, sid)["start"]
    for calls in sides.values():  # warm-up: lazy spec loading, compiled checks, pools
        for call in calls.values():
            for _ in range(20):
                call()
    times = _new_times()
    for rep, op, slice_ in _schedule(repeats):
        for name in _order(rep):
            slice_[name].append(time_batch(sides[name][op], max(1, n // SLICES)))
        _keep(times, op, slice_)
    return {"times": times, "wire": wire}


async def measure_async(canned: _Canned, n: int, repeats: int) -> dict[str, Any]:
    resource_id, sid = _ids(canned.bodies)
    transport = AsyncCannedTransport(canned)
    floor = FloorAsync(BASE_URL, transport)
    ours = OursAsync(BASE_URL, transport)
    ours_dict = OursAsync(BASE_URL, transport, blocks=dict_blocks())
    sides = {
        "floor": async_calls(floor, resource_id, sid),
        "ours": async_calls(ours, resource_id, sid),
    }
    sides["floor"]["start_dict"] = sides["floor"]["start"]
    sides["ours"]["start_dict"] = async_calls(ours_dict, resource_id, sid)["start"]
    for calls in sides.values():
        for call in calls.values():
            for _ in range(20):
                await call()
    times = _new_times()
    for rep, op, slice_ in _schedule(repeats):
        for name in _order(rep):
            slice_[name].append(await time_batch_async(sides[name][op], max(1, n // SLICES)))
        _keep(times, op, slice_)
    for side in (floor, ours, ours_dict):
        await side.aclose()
    return {"times": times}


def digest(times: dict[str, dict[str, list[float]]]) -> dict[str, Any]:
    """Per op: floor and ours medians (µs), and the ratio ours/floor per repeat (paired)."""
    out: dict[str, Any] = {}
    for op, sides in times.items():
        ratios = [o / f for o, f in zip(sides["ours"], sides["floor"], strict=True)]
        out[op] = {
            "floor_us": summary([t * 1e6 for t in sides["floor"]]),
            "ours_us": summary([t * 1e6 for t in sides["ours"]]),
            "ratio": summary(ratios),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=2000, help="calls per timed batch")
    parser.add_argument("--repeats", type=int, default=7, help="batches per side and op")
    args = parser.parse_args(argv)
    canned = _Canned(capture_responses())
    sync = measure_sync(canned, args.calls, args.repeats)
    async_ = asyncio.run(measure_async(canned, args.calls, args.repeats))
    result = {
        "calls": args.calls,
        "repeats": args.repeats,
        "sync": digest(sync["times"]),
        "async": digest(async_["times"]),
        "wire": sync["wire"],
        "response_bytes": {op: len(body) for op, body in canned.bodies.items()},
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
