"""One side, one measurement, in its own process (so its CPU time and peak RSS are its own).

    python benchmarks/worker.py --kind ours-async --base-url http://127.0.0.1:PORT \
        --mode burst --lifecycles 1000 --concurrency 100

``seq``: lifecycles (acquire -> start -> query -> stop) one after another. ``burst``: ``--lifecycles``
lifecycles with ``--concurrency`` in flight (threads for sync sides, tasks on one event loop for async
sides). Prints one JSON line: wall time, lifecycles/s, per-call latency percentiles, errors, RSS.
Standard library only (plus the side under test): the official side runs in its own venv.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sides
from common import (
    LIFECYCLE_OPS,
    current_rss_mib,
    peak_rss_mib,
    percentile,
    timed_lifecycle,
    timed_lifecycle_async,
)
from sides import ASYNC_KINDS, KINDS, make

OPS = LIFECYCLE_OPS


class Recorder:
    """Per-call latencies (seconds) and errors; list.append is atomic under the GIL."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {op: [] for op in OPS}
        self.errors: list[str] = []
        self.ok = 0

    def add(self, durations: dict[str, float]) -> None:
        for op, seconds in durations.items():
            self.latencies[op].append(seconds)
        self.ok += 1

    def fail(self, exc: Exception) -> None:
        self.errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")


def _sync_lifecycle(side: Any, cname: str, rec: Recorder) -> None:
    try:
        durations = timed_lifecycle(side, cname)
    except Exception as exc:  # counted, reported, and fails the run
        rec.fail(exc)
    else:
        rec.add(durations)


async def _async_lifecycle(side: Any, cname: str, rec: Recorder) -> None:
    try:
        durations = await timed_lifecycle_async(side, cname)
    except Exception as exc:
        rec.fail(exc)
    else:
        rec.add(durations)


def run_sync(
    side: Any, mode: str, n: int, concurrency: int, prefix: str, warmup: int
) -> tuple[Recorder, float]:
    scratch = Recorder()
    for i in range(warmup):
        _sync_lifecycle(side, f"{prefix}w{i}", scratch)
    if scratch.errors:
        raise SystemExit(f"warm-up failed: {scratch.errors[0]}")
    rec = Recorder()
    names = [f"{prefix}{i}" for i in range(n)]
    if mode == "seq":
        started = time.perf_counter()
        for name in names:
            _sync_lifecycle(side, name, rec)
        return rec, time.perf_counter() - started
    # burst: a pool of `concurrency` threads, as a backend would use with a blocking client
    lifecycle: Callable[[str], None] = lambda name: _sync_lifecycle(side, name, rec)  # noqa: E731
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        # start the threads before the clock, as a long-lived pool would be
        list(pool.map(lambda _: time.sleep(0.01), range(concurrency)))
        started = time.perf_counter()
        list(pool.map(lifecycle, names))
        wall = time.perf_counter() - started
    return rec, wall


async def run_async(
    side: Any, mode: str, n: int, concurrency: int, prefix: str, warmup: int
) -> tuple[Recorder, float]:
    scratch = Recorder()
    for i in range(warmup):
        await _async_lifecycle(side, f"{prefix}w{i}", scratch)
    if scratch.errors:
        raise SystemExit(f"warm-up failed: {scratch.errors[0]}")
    rec = Recorder()
    names = [f"{prefix}{i}" for i in range(n)]
    started = time.perf_counter()
    if mode == "seq":
        for name in names:
            await _async_lifecycle(side, name, rec)
    else:
        queue = iter(names)

        async def worker() -> None:
            for name in queue:  # shared iterator: each name is taken once (single event loop)
                await _async_lifecycle(side, name, rec)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    await side.aclose()
    return rec, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=KINDS, required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mode", choices=("seq", "burst"), default="seq")
    parser.add_argument("--lifecycles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--rate-limit", default="none", help="ours: none | default | redis:<url> (see sides.RATE_LIMIT)"
    )
    parser.add_argument(
        "--start-at", type=float, default=0.0, help="time.time() to begin at (several processes at once)"
    )
    args = parser.parse_args(argv)
    sides.RATE_LIMIT["spec"] = args.rate_limit

    rss_start = current_rss_mib()
    side = make(args.kind, args.base_url)
    prefix = f"b{os.getpid()}x"
    rss_ready = current_rss_mib()
    if args.start_at:
        time.sleep(max(0.0, args.start_at - time.time()))
    began_at = time.time()
    cpu_before = time.process_time()
    if args.kind in ASYNC_KINDS:
        rec, wall = asyncio.run(
            run_async(side, args.mode, args.lifecycles, args.concurrency, prefix, args.warmup)
        )
    else:
        rec, wall = run_sync(side, args.mode, args.lifecycles, args.concurrency, prefix, args.warmup)
        side.close()
    cpu = time.process_time() - cpu_before  # user+sys of every thread, warm-up included
    total = args.lifecycles + args.warmup
    every = sorted(x for op in OPS for x in rec.latencies[op])
    result = {
        "kind": args.kind,
        "mode": args.mode,
        "lifecycles": args.lifecycles,
        "concurrency": args.concurrency if args.mode == "burst" else 1,
        "ok": rec.ok,
        "errors": len(rec.errors),
        "error_samples": sorted(set(rec.errors))[:5],
        "wall_s": wall,
        "lifecycles_per_s": rec.ok / wall if wall > 0 else 0.0,
        "calls_per_s": 4 * rec.ok / wall if wall > 0 else 0.0,
        "cpu_s": cpu,
        "cpu_ms_per_lifecycle": cpu / total * 1000 if total else 0.0,
        "p50_ms": percentile(every, 50) * 1000,
        "p99_ms": percentile(every, 99) * 1000,
        "per_op_p50_ms": {op: percentile(sorted(rec.latencies[op]), 50) * 1000 for op in OPS},
        "rss_start_mib": rss_start,
        "rss_ready_mib": rss_ready,
        "peak_rss_mib": peak_rss_mib(),
        "threads_at_end": threading.active_count(),
        "began_at": began_at,
        "ended_at": time.time(),
        "error_kinds": sorted({e.split(":", 1)[0] for e in rec.errors}),
        "python": sys.version.split()[0],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
