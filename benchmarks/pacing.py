"""Section 5 of benchmarks/run.py: bursts inside the service's 10 requests/s budget.

The emulator runs in the driver's process with its limiter on (10 requests/s, sliding one-second
window); every client runs in worker processes (``worker.py --mode burst``), several at once for the
fleet scenarios, all told to begin at the same instant. Per scenario: failed lifecycles, 429 answers
counted by the emulator, and the wall time against the ideal (requests / 10 s). Paced scenarios are
the product; ``rate_limit=None``, per-process limiters without Redis and the official client are the
contrast, whose failures are expected (and do not fail the run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from common import APP_ID, BENCH_DIR, CUSTOMER_ID, CUSTOMER_SECRET, REPO, clean_env

QPS = 10
#: Requests per lifecycle (acquire, start, query, stop).
PER_LIFECYCLE = 4


@dataclass(frozen=True)
class Scenario:
    label: str
    kind: str
    rate_limit: str  # worker.py --rate-limit (ours only)
    processes: int
    lifecycles: int  # per process
    concurrency: int  # per process
    paced: bool  # the product (its failures fail the run) or a contrast

    @property
    def requests(self) -> int:
        return self.processes * self.lifecycles * PER_LIFECYCLE


def scenarios(quick: bool, official: bool, redis_url: str | None) -> list[Scenario]:
    one = (20, 20) if quick else (50, 20)
    fleet = (2, 10, 5) if quick else (4, 25, 5)
    items = [
        Scenario("ours-sync, paced (default)", "ours-sync", "default", 1, *one, True),
        Scenario("ours-async, paced (default)", "ours-async", "default", 1, *one, True),
    ]
    if not quick:
        items += [
            Scenario("ours-sync, rate_limit=None", "ours-sync", "none", 1, *one, False),
            Scenario("ours-async, rate_limit=None", "ours-async", "none", 1, *one, False),
        ]
    if official:
        items.append(Scenario("official (agora-rest-client)", "official", "-", 1, *one, False))
    n, lifecycles, concurrency = fleet
    if redis_url is not None:
        items.append(
            Scenario(
                f"{n} × ours-async on one Redis",
                "ours-async",
                f"redis:{redis_url}",
                n,
                lifecycles,
                concurrency,
                True,
            )
        )
        if not quick:
            items.append(
                Scenario(
                    f"{n} × ours-sync on one Redis",
                    "ours-sync",
                    f"redis:{redis_url}",
                    n,
                    lifecycles,
                    concurrency,
                    True,
                )
            )
    if not quick:
        items.append(
            Scenario(
                f"{n} × ours-async, each its own limiter",
                "ours-async",
                "default",
                n,
                lifecycles,
                concurrency,
                False,
            )
        )
        if official:
            items.append(Scenario(f"{n} × official", "official", "-", n, lifecycles, concurrency, False))
    return items


def _run(scenario: Scenario, python_for: Callable[[str], str]) -> dict[str, Any]:
    from agora_cr.testing import Emulator

    with Emulator(
        app_id=APP_ID, customer_id=CUSTOMER_ID, customer_secret=CUSTOMER_SECRET, qps_limit=QPS
    ) as emu:
        start_at = time.time() + 3.0  # every process imported and ready by then
        procs = []
        for _ in range(scenario.processes):
            cmd = [
                python_for(scenario.kind),
                str(BENCH_DIR / "worker.py"),
                *("--kind", scenario.kind, "--base-url", emu.base_url, "--mode", "burst"),
                *("--lifecycles", str(scenario.lifecycles), "--concurrency", str(scenario.concurrency)),
                *("--warmup", "0", "--rate-limit", scenario.rate_limit, "--start-at", f"{start_at:.3f}"),
            ]
            procs.append(
                subprocess.Popen(
                    cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=clean_env()
                )
            )
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=600)
            lines = [line for line in out.splitlines() if line.strip()]
            if proc.returncode != 0 or not lines:
                raise RuntimeError(f"{scenario.label}: worker exited {proc.returncode}:\n{err[-3000:]}")
            results.append(json.loads(lines[-1]))
        statuses = [r.status for r in emu.requests]
    wall = max(r["ended_at"] for r in results) - start_at
    ideal = scenario.requests / QPS
    ok = sum(r["ok"] for r in results)
    return {
        "label": scenario.label,
        "paced": scenario.paced,
        "processes": scenario.processes,
        "lifecycles": scenario.processes * scenario.lifecycles,
        "concurrency": scenario.processes * scenario.concurrency,
        "failed": sum(r["errors"] for r in results),
        "error_kinds": sorted({k for r in results for k in r["error_kinds"]}),
        "answered_429": statuses.count(429),
        "requests_sent": len(statuses),
        "wall_s": wall,
        "ideal_s": ideal,
        "wall_over_ideal": wall / ideal,
        # requests of completed lifecycles per second, as a share of the budget
        "budget_used": ok * PER_LIFECYCLE / wall / QPS if wall > 0 else 0.0,
    }


def run_pacing(
    quick: bool, official: str | None, python_for: Callable[[str], str], log: Callable[[str], None]
) -> dict[str, Any]:
    """Every scenario once; the results and a note on what was skipped."""
    notes = []
    redis_server: Any = None
    redis_url: str | None = None
    if shutil.which("redis-server"):
        from agora_cr.testing import RedisServer

        redis_server = RedisServer().start()
        redis_url = redis_server.url
    else:
        notes.append("redis-server is not installed: the fleet-on-Redis scenarios were skipped")
    items = scenarios(quick, official is not None, redis_url)
    log(f"[5/6] pacing inside the {QPS} requests/s budget (emulator limiter on; {len(items)} scenarios)")
    results = []
    try:
        for scenario in items:
            result = _run(scenario, python_for)
            results.append(result)
            log(
                f"      {scenario.label:40s} failed {result['failed']:3d}  429s {result['answered_429']:4d}"
                f"  wall {result['wall_s']:5.1f}s = {result['wall_over_ideal']:.2f}× ideal"
            )
            time.sleep(1.2)  # let the window empty between scenarios (new emulator, same port space)
    finally:
        if redis_server is not None:
            redis_server.close()
    return {"results": results, "notes": notes}


def report_lines(pacing: dict[str, Any]) -> tuple[list[str], list[str], int]:
    """Markdown for the report, missed targets, failed paced lifecycles."""
    lines = [
        f"## 5. Bursts inside the {QPS} requests/s budget (target: paced scenarios lose nothing, "
        "meet no 429, wall ≤ 1.1× ideal)",
        "",
        f"The emulator's limiter is on ({QPS} requests/s, sliding one-second window, as the service). "
        "Each lifecycle is acquire → start → query → stop (4 requests); ideal wall = requests / 10 s. "
        "Workers are separate processes told to begin at the same instant; the fleet scenarios share one "
        "`redis-server` through `RedisRateLimiter`. *Budget used* = requests of completed lifecycles "
        "per second / 10. One run per scenario, `max_retries` at its default (2).",
        "",
        "| scenario | processes | lifecycles | concurrency | failed | 429 answered | wall (s) | ideal (s) "
        "| wall / ideal | budget used |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    missed: list[str] = []
    failures = 0
    for r in pacing["results"]:
        kinds = f" ({', '.join(r['error_kinds'])})" if r["failed"] else ""
        lines.append(
            f"| {r['label']} | {r['processes']} | {r['lifecycles']} | {r['concurrency']} | "
            f"{r['failed']}{kinds} | {r['answered_429']} | {r['wall_s']:.1f} | {r['ideal_s']:.1f} | "
            f"{r['wall_over_ideal']:.2f}× | {r['budget_used']:.0%} |"
        )
        if r["paced"]:
            failures += r["failed"]
            if r["answered_429"]:
                missed.append(f"pacing: {r['label']} was answered {r['answered_429']} × 429")
            if r["wall_over_ideal"] > 1.1:
                missed.append(f"pacing: {r['label']} took {r['wall_over_ideal']:.2f}× the ideal (> 1.1×)")
    lines.append("")
    lines.extend(f"*{note}.*" for note in pacing["notes"])
    if pacing["notes"]:
        lines.append("")
    return lines, missed, failures
