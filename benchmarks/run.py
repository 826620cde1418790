"""agora-cr benchmark: our clients vs raw httpx (the floor) vs the official ``agora-rest-client``.

    .venv/bin/python benchmarks/run.py            # full run, a few minutes; writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --quick    # smoke run, well under a minute; RESULTS-quick.md

Measures, side by side in one run:

1. client overhead per call with no network (in-process canned transport), ours / floor;
2. sequential lifecycles (acquire -> start -> query -> stop) per second over loopback against the
   emulator (``python -m agora_cr.testing.cli --no-qps-limit`` in its own process, fresh per run);
3. concurrency at a real round trip: 200 concurrent lifecycles against the emulator adding 30 ms per
   answer (``--rtt-ms``): our async client on each socket layer (httpx, aiohttp) vs the official
   client and our sync client in 100 threads, each in its own process (throughput, per-call p50/p99,
   peak RSS, CPU per lifecycle, errors);
4. import time and the first-call latency after import;
5. bursts inside the service's 10 requests/s budget (the emulator's limiter on): one process and a
   fleet of processes sharing one Redis, paced, against ``rate_limit=None`` and the official client
   (failed lifecycles, 429s, wall time against the ideal; see ``pacing.py``).
6. the emulator alone: requests per second one emulator process serves to a keep-alive load
   generator in another process (``emulator_load.py``), for ``acquire`` and for whole lifecycles.

The official client is installed from PyPI into ``benchmarks/.venv-official`` (created on first use)
and runs there in subprocesses; see ``official_adapter.py`` for how it is pointed at the emulator.
Exit status: 1 if any lifecycle failed (or, with ``--check``, if a target was missed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import BENCH_DIR, REPO, EmulatorProcess, clean_env, machine_line, run_json, summary
from pacing import report_lines, run_pacing

OFFICIAL_PACKAGE = "agora-rest-client==0.2.0"
OFFICIAL_VENV = BENCH_DIR / ".venv-official"
OURS_PY = sys.executable
TARGET_OVERHEAD = 1.3
TARGET_E2E = 2.0
SEQ_KINDS = ("floor-sync", "ours-sync", "floor-async", "ours-async", "ours-async-aiohttp", "official")
BURST_KINDS = ("ours-async-aiohttp", "ours-async", "official", "ours-sync")
#: Async sides run this many lifecycles at once (tasks); sync sides use this many threads.
BURST_TASKS = 200
BURST_THREADS = 100
TARGET_BURST = 2.0
TARGET_EMULATOR_RPS = 10_000


class Config:
    def __init__(self, quick: bool, repeats: int | None, rtt_ms: float = 30.0) -> None:
        self.quick = quick
        self.overhead_calls = 300 if quick else 2000
        self.overhead_repeats = repeats or (3 if quick else 7)
        self.seq_lifecycles = 60 if quick else 300
        self.seq_repeats = 1 if quick else (repeats or 5)
        self.burst_lifecycles = 400 if quick else 1000
        self.burst_repeats = 1 if quick else (repeats or 3)
        self.burst_kinds = BURST_KINDS
        self.rtt_ms = rtt_ms
        self.emulator_seconds = 3.0 if quick else 10.0
        self.emulator_repeats = 1 if quick else (repeats or 3)
        self.import_runs = 3 if quick else 9
        self.startup_runs = 1 if quick else 3


def log(message: str) -> None:
    print(message, flush=True)


# ------------------------------------------------------------------------------------ official env
def official_python(skip: bool, timeout: float) -> tuple[str | None, str]:
    """Path of the official venv's python (created on first use), or None and why not."""
    if skip:
        return None, "skipped (--no-official)"
    bindir = "Scripts" if os.name == "nt" else "bin"
    python = OFFICIAL_VENV / bindir / ("python.exe" if os.name == "nt" else "python")
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('agora-rest-client'))"]

    def installed() -> str | None:
        if not python.exists():
            return None
        done = subprocess.run(probe, capture_output=True, text=True, check=False, env=clean_env())
        return done.stdout.strip() if done.returncode == 0 else None

    version = installed()
    if version != "0.2.0":
        log(f"creating {OFFICIAL_VENV.relative_to(REPO)} with {OFFICIAL_PACKAGE} (pip, PyPI) ...")
        steps = [
            [sys.executable, "-m", "venv", "--clear", str(OFFICIAL_VENV)],
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", OFFICIAL_PACKAGE],
        ]
        for step in steps:
            try:
                done = subprocess.run(step, capture_output=True, text=True, check=False, timeout=timeout)
            except (OSError, subprocess.TimeoutExpired) as exc:
                return None, f"could not create the official client's venv: {exc}"
            if done.returncode != 0:
                tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
                return None, f"could not create the official client's venv: {' / '.join(tail)}"
        version = installed()
        if version != "0.2.0":
            return None, f"agora-rest-client 0.2.0 not importable in {OFFICIAL_VENV} (got {version!r})"
    return str(python), f"agora-rest-client {version} in {OFFICIAL_VENV.relative_to(REPO)}"


def python_for(kind: str, official: str | None) -> str:
    if kind == "official":
        assert official is not None
        return official
    return OURS_PY


# ----------------------------------------------------------------------------------------- sections
def run_overhead(cfg: Config) -> dict[str, Any]:
    log(f"[1/6] client overhead, no network ({cfg.overhead_repeats} x {cfg.overhead_calls} calls per op)")
    cmd = [
        OURS_PY,
        str(BENCH_DIR / "overhead.py"),
        "--calls",
        str(cfg.overhead_calls),
        "--repeats",
        str(cfg.overhead_repeats),
    ]
    return run_json(cmd, timeout=600)


def _rotated(kinds: Sequence[str], rep: int) -> list[str]:
    shift = rep % len(kinds)
    return list(kinds[shift:]) + list(kinds[:shift])


def _run_worker(
    kind: str,
    official: str | None,
    mode: str,
    lifecycles: int,
    timeout: float,
    extra: Sequence[str] = (),
    emulator_args: Sequence[str] = (),
) -> dict[str, Any]:
    """One worker.py run of ``kind`` against a fresh emulator process; its JSON result."""
    with EmulatorProcess(OURS_PY, emulator_args) as emu:
        cmd = [
            python_for(kind, official),
            str(BENCH_DIR / "worker.py"),
            *("--kind", kind, "--base-url", emu.base_url, "--mode", mode, "--lifecycles", str(lifecycles)),
            *extra,
        ]
        return run_json(cmd, timeout=timeout)


def run_sequential(cfg: Config, official: str | None) -> dict[str, list[dict[str, Any]]]:
    kinds = [k for k in SEQ_KINDS if k != "official" or official]
    log(f"[2/6] sequential lifecycles over loopback ({cfg.seq_repeats} x {cfg.seq_lifecycles} per client)")
    results: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for rep in range(cfg.seq_repeats):
        for kind in _rotated(kinds, rep):
            results[kind].append(_run_worker(kind, official, "seq", cfg.seq_lifecycles, timeout=600))
            r = results[kind][-1]
            log(f"      {kind:18s} {r['lifecycles_per_s']:8.1f} lifecycles/s  errors {r['errors']}")
    return results


def _concurrency(kind: str) -> int:
    return BURST_TASKS if "async" in kind else BURST_THREADS


def run_burst(cfg: Config, official: str | None) -> dict[str, list[dict[str, Any]]]:
    kinds = [k for k in cfg.burst_kinds if k != "official" or official]
    log(
        f"[3/6] concurrency: {cfg.burst_lifecycles} lifecycles, {BURST_TASKS} at once (async) or "
        f"{BURST_THREADS} threads (sync), {cfg.rtt_ms:g} ms round trip "
        f"({cfg.burst_repeats} run(s) per client)"
    )
    results: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for rep in range(cfg.burst_repeats):
        for kind in _rotated(kinds, rep):
            results[kind].append(
                _run_worker(
                    kind,
                    official,
                    "burst",
                    cfg.burst_lifecycles,
                    timeout=900,
                    extra=("--concurrency", str(_concurrency(kind))),
                    emulator_args=("--latency-ms", f"{cfg.rtt_ms:g}"),
                )
            )
            r = results[kind][-1]
            log(
                f"      {kind:18s} {r['lifecycles_per_s']:6.1f} lifecycles/s  p50 {r['p50_ms']:7.1f} ms"
                f"  p99 {r['p99_ms']:7.1f} ms  peak RSS {r['peak_rss_mib']:5.1f} MiB  errors {r['errors']}"
            )
    return results


def run_emulator(cfg: Config) -> dict[str, list[dict[str, Any]]]:
    from emulator_load import MIXES, run_load

    log(
        f"[6/6] the emulator alone: {cfg.emulator_repeats} x {cfg.emulator_seconds:g} s per mix, "
        "16 keep-alive connections from a generator process"
    )
    results: dict[str, list[dict[str, Any]]] = {mix: [] for mix in MIXES}
    for _ in range(cfg.emulator_repeats):
        for mix in MIXES:
            with EmulatorProcess(OURS_PY) as emu:
                assert emu.proc is not None
                r = run_load(emu.base_url, cfg.emulator_seconds, 16, mix, server_pid=emu.proc.pid)
            results[mix].append(r)
            log(
                f"      {mix:10s} {r['requests_per_s']:8.0f} requests/s  server CPU "
                f"{r.get('server_cpu_us_per_request', float('nan')):5.0f} µs/request  errors {r['errors']}"
            )
    return results


_IMPORTTIME = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(\S+)\s*$")


def _importtime_us(python: str, module: str) -> int:
    done = subprocess.run(
        [python, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=clean_env(),
    )
    for line in done.stderr.splitlines():
        match = _IMPORTTIME.match(line)
        if match and match.group(3) == module:
            return int(match.group(2))
    raise RuntimeError(f"no importtime line for {module}")


def _wall_ms(python: str, code: str) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, cwd=REPO, env=clean_env())
    return (time.perf_counter() - started) * 1000


def run_startup(cfg: Config, official: str | None) -> dict[str, Any]:
    log(f"[4/6] import time ({cfg.import_runs} runs) and first-call latency ({cfg.startup_runs} run(s))")
    out: dict[str, Any] = {}
    out["importtime_agora_cr_ms"] = summary(
        [_importtime_us(OURS_PY, "agora_cr") / 1000 for _ in range(cfg.import_runs)]
    )
    out["importtime_httpx_ms"] = summary(
        [_importtime_us(OURS_PY, "httpx") / 1000 for _ in range(cfg.import_runs)]
    )
    bare, ours, httpx_only = [], [], []
    for _ in range(cfg.import_runs):
        bare.append(_wall_ms(OURS_PY, "pass"))
        ours.append(_wall_ms(OURS_PY, "import agora_cr"))
        httpx_only.append(_wall_ms(OURS_PY, "import httpx"))
    out["wall_bare_ms"] = summary(bare)
    out["wall_import_agora_cr_ms"] = summary([o - b for o, b in zip(ours, bare, strict=True)])
    out["wall_import_httpx_ms"] = summary([h - b for h, b in zip(httpx_only, bare, strict=True)])
    if official:
        module = "agora_rest_client.services.cloud_recording.v1.mix_recording.mix_recording_client"
        out["importtime_official_ms"] = summary(
            [_importtime_us(official, module) / 1000 for _ in range(cfg.import_runs)]
        )
    kinds = ["floor-sync", "ours-sync"] + (["official"] if official else [])
    first: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for _ in range(cfg.startup_runs):
        for kind in kinds:
            with EmulatorProcess(OURS_PY) as emu:
                cmd = [python_for(kind, official), str(BENCH_DIR / "startup.py"), "--kind", kind]
                first[kind].append(run_json([*cmd, "--base-url", emu.base_url], timeout=120))
    out["first_call"] = first
    return out


# ------------------------------------------------------------------------------------------ report
def _fmt(s: dict[str, float], digits: int = 1) -> str:
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def _med(values: Sequence[float]) -> float:
    return statistics.median(values)


def build_report(
    cfg: Config,
    argv: Sequence[str],
    official_note: str,
    overhead: dict[str, Any],
    seq: dict[str, list[dict[str, Any]]],
    burst: dict[str, list[dict[str, Any]]],
    startup: dict[str, Any],
    pacing: dict[str, Any],
    emulator: dict[str, list[dict[str, Any]]],
    load: tuple[str, str],
    elapsed: float,
) -> tuple[str, list[str], int]:
    """Markdown report, the list of missed targets, and the number of failed lifecycles."""
    missed: list[str] = []
    failures = 0
    lines: list[str] = []
    add = lines.append
    mode = "quick (smoke; small samples, not for conclusions)" if cfg.quick else "full"
    add("# agora-cr benchmark results")
    add("")
    add(
        "Generated by `" + " ".join(["python benchmarks/run.py", *argv]) + "`" + f" ({mode}) on "
        f"{dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, {elapsed:.0f} s."
    )
    add("")
    add(
        f"**Machine:** {machine_line()}; httpx {_pkg_version('httpx')}, httpcore "
        f"{_pkg_version('httpcore')}, anyio {_pkg_version('anyio')}, sniffio {_pkg_version('sniffio')}; "
        f"load average at start / end: {load[0]} / {load[1]}."
    )
    add("")
    add(f"**Official client:** {official_note}.")
    add("")
    add(
        "Medians over repeats, with the min–max spread in parentheses. Ratios are the headline; "
        "absolute times are context. Ratios are paired: each repeat runs every side back to back, "
        "the ratio is taken per repeat, then its median and spread are reported."
    )
    add("")

    # 1 -----------------------------------------------------------------------------------------
    add("## 1. Client overhead per call, no network (target: ours ≤ 1.3× the floor)")
    add("")
    add(
        "Floor = raw `httpx.Client` / `httpx.AsyncClient` sending a hand-built request (same method, "
        "URL, headers and JSON body bytes as ours, checked before timing) and `json.loads` of the "
        "answer. Both go through the same in-process `httpx.BaseTransport` returning the emulator's "
        f"own canned answers. {overhead['repeats']} repeats × {overhead['calls']} calls per op and side; "
        "each repeat alternates floor and ours in 10 slices and takes each side's median slice. "
        "`start` sends the full mix config (storage with prefix, 1280×720 custom 4-window layout, "
        "per-user background, HLS+MP4); `start (dict)` passes the same blocks as plain dicts instead of "
        "`api_start` objects."
    )
    add("")
    add(
        "| operation | floor sync µs | ours sync µs | **ours/floor sync** | floor async µs | ours async µs "
        "| **ours/floor async** | target |"
    )
    add("|---|---:|---:|---:|---:|---:|---:|:---:|")
    for op in ("acquire", "start", "start_dict", "query", "stop"):
        s, a = overhead["sync"][op], overhead["async"][op]
        ok = s["ratio"]["median"] <= TARGET_OVERHEAD and a["ratio"]["median"] <= TARGET_OVERHEAD
        if not ok:
            missed.append(
                f"overhead {op}: sync {s['ratio']['median']:.2f}x, async {a['ratio']['median']:.2f}x"
            )
        name = "start (dict)" if op == "start_dict" else op
        add(
            f"| {name} | {_fmt(s['floor_us'])} | {_fmt(s['ours_us'])} | **{_fmt(s['ratio'], 2)}** | "
            f"{_fmt(a['floor_us'])} | {_fmt(a['ours_us'])} | **{_fmt(a['ratio'], 2)}** | "
            f"{'met' if ok else 'MISSED'} |"
        )
    wire = overhead["wire"]
    same = all(w["identical"] for w in wire.values())
    add("")
    add(
        "Same request on the wire (method, URL, headers, body bytes), ours vs floor: "
        + (
            "yes, for all four operations."
            if same
            else "; ".join(f"{op}: {', '.join(w['differences']) or 'same'}" for op, w in wire.items())
        )
    )
    add("")

    # 2 -----------------------------------------------------------------------------------------
    add("## 2. Sequential lifecycles over loopback (target: ours ≥ 2× the official client)")
    add("")
    add(
        f"acquire → start → query → stop, one after another, {cfg.seq_lifecycles} lifecycles per run, "
        f"{cfg.seq_repeats} run(s) per client, each client in its own process against a fresh emulator "
        "process (qps limit off), 3 warm-up lifecycles not counted."
    )
    add("")
    official_seq = [r["lifecycles_per_s"] for r in seq.get("official", [])]
    add(
        "| client | lifecycles/s | per-call p50 ms | **vs official (paired)** | target "
        "| client CPU ms / lifecycle | CPU vs official |"
    )
    add("|---|---:|---:|---:|:---:|---:|---:|")
    official_cpu = [r["cpu_ms_per_lifecycle"] for r in seq.get("official", [])]
    for kind, runs in seq.items():
        failures += sum(r["errors"] for r in runs)
        rates = [r["lifecycles_per_s"] for r in runs]
        p50 = summary([r["p50_ms"] for r in runs])
        vs, verdict = "", ""
        if official_seq and kind != "official":
            ratio = summary([x / o for x, o in zip(rates, official_seq, strict=True)])
            vs = f"**{_fmt(ratio, 2)}×**"
            if kind.startswith("ours"):
                ok = ratio["median"] >= TARGET_E2E
                verdict = "met" if ok else "MISSED"
                floor_runs = seq.get(kind.replace("ours", "floor"), [])
                if not ok and len(floor_runs) == len(official_seq):
                    floor_ratio = statistics.median(
                        f["lifecycles_per_s"] / o for f, o in zip(floor_runs, official_seq, strict=True)
                    )
                    missed.append(
                        f"sequential {kind}: {ratio['median']:.2f}x the official client "
                        f"(raw httpx, the floor of any httpx client here: {floor_ratio:.2f}x)"
                    )
                elif not ok:
                    missed.append(f"sequential {kind}: {ratio['median']:.2f}x the official client")
        cpu = [r["cpu_ms_per_lifecycle"] for r in runs]
        cpu_vs = ""
        if official_cpu and kind != "official":
            cpu_vs = f"{_fmt(summary([c / o for c, o in zip(cpu, official_cpu, strict=True)]), 2)}×"
        add(
            f"| {kind} | {_fmt(summary(rates))} | {_fmt(p50, 2)} | {vs} | {verdict} "
            f"| {_fmt(summary(cpu), 2)} | {cpu_vs} |"
        )
    add("")
    add(
        "Client CPU = user+sys time of the client process per lifecycle (`time.process_time`, all "
        "threads, warm-up included): what each client costs its host, independent of how fast the "
        "emulator answers. The floor rows bound what any httpx-based client can reach against this "
        "emulator: the emulator's own service time per request is the larger part of a lifecycle."
    )
    add("")

    # 3 -----------------------------------------------------------------------------------------
    add(
        f"## 3. Concurrency at a {cfg.rtt_ms:g} ms round trip: {BURST_TASKS} concurrent lifecycles "
        f"(target: ours async ≥ {TARGET_BURST:g}× the official client's throughput, p99 per call no worse)"
    )
    add("")
    add(
        f"{cfg.burst_lifecycles} lifecycles per run against a fresh emulator process that waits "
        f"{cfg.rtt_ms:g} ms before every answer (`--latency-ms`, a network round trip), rate limiting off "
        f"on both ends. Async sides: one event loop, one client, {BURST_TASKS} tasks taking lifecycles "
        f"from a shared queue. Sync sides: a `ThreadPoolExecutor({BURST_THREADS})` sharing one client "
        "(the official client opens a connection per call). Every side with its default settings: "
        '`ours-async` (httpx) keeps 10 connections, `ours-async-aiohttp` (`http_backend="aiohttp"`) 100. '
        "Peak RSS = `ru_maxrss` of the side's process; CPU = its user+sys time per lifecycle."
    )
    add("")
    add(
        "| client | lifecycles/s | **vs official (paired)** | p50 ms/call | p99 ms/call | peak RSS MiB "
        "| client CPU ms / lifecycle | errors |"
    )
    add("|---|---:|---:|---:|---:|---:|---:|---:|")
    official_rates = [r["lifecycles_per_s"] for r in burst.get("official", [])]
    for kind, runs in burst.items():
        errors = sum(r["errors"] for r in runs)
        failures += errors
        rates = [r["lifecycles_per_s"] for r in runs]
        vs = ""
        if official_rates and kind != "official" and len(rates) == len(official_rates):
            ratio = summary([x / o for x, o in zip(rates, official_rates, strict=True)])
            vs = f"**{_fmt(ratio, 2)}×**"
        add(
            f"| {kind} | {_fmt(summary(rates))} | {vs} | "
            f"{_fmt(summary([r['p50_ms'] for r in runs]))} | {_fmt(summary([r['p99_ms'] for r in runs]))} | "
            f"{_fmt(summary([r['peak_rss_mib'] for r in runs]))} | "
            f"{_fmt(summary([r['cpu_ms_per_lifecycle'] for r in runs]), 2)} | {errors} |"
        )
        samples = sorted({s for r in runs for s in r["error_samples"]})
        if samples:
            add(f"|   ↳ {kind} errors | {'; '.join(s.replace('|', '/')[:160] for s in samples[:2])} |||||||")
    async_kinds = [k for k in burst if k.startswith("ours-async")]
    if "official" in burst and async_kinds:
        off_rate = _med(official_rates)
        off_p99 = _med([r["p99_ms"] for r in burst["official"]])
        best = max(async_kinds, key=lambda k: _med([r["lifecycles_per_s"] for r in burst[k]]))
        best_rate = _med([r["lifecycles_per_s"] for r in burst[best]])
        best_p99 = _med([r["p99_ms"] for r in burst[best]])
        add("")
        add(
            f"Best async side: `{best}`, {best_rate / off_rate:.2f}× the official client's throughput, "
            f"p99 {best_p99:.0f} ms against {off_p99:.0f} ms."
        )
        if not (best_rate >= TARGET_BURST * off_rate and best_p99 <= off_p99):
            missed.append(
                f"concurrency: {best} {best_rate:.0f} vs official {off_rate:.0f} lifecycles/s "
                f"({best_rate / off_rate:.2f}x), p99 {best_p99:.0f} vs {off_p99:.0f} ms"
            )
    add("")

    # 4 -----------------------------------------------------------------------------------------
    add("## 4. Import time and first call")
    add("")
    add("| measure | ms |")
    add("|---|---:|")
    rows = [
        ("`python -X importtime -c 'import agora_cr'`, cumulative", "importtime_agora_cr_ms"),
        ("… of which `httpx` alone (`-X importtime -c 'import httpx'`)", "importtime_httpx_ms"),
        ("wall `python -c 'import agora_cr'` minus `python -c pass`", "wall_import_agora_cr_ms"),
        ("wall `python -c 'import httpx'` minus `python -c pass`", "wall_import_httpx_ms"),
        ("bare interpreter start (`python -c pass`)", "wall_bare_ms"),
        ("official: `-X importtime` of its mix client module", "importtime_official_ms"),
    ]
    for label, key in rows:
        if key in startup:
            add(f"| {label} | {_fmt(startup[key])} |")
    add("")
    add(
        "First lifecycle in a fresh process right after import, against the emulator (ms; median of "
        f"{cfg.startup_runs} process(es)); *warm* is the best of the next two lifecycles."
    )
    add("")
    add(
        "| client | import | construct client | first acquire | first start | first query | first stop "
        "| warm acquire | warm start | warm query | warm stop |"
    )
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind, runs in startup["first_call"].items():

        def m(key: str, op: str | None = None, runs: list[dict[str, Any]] = runs) -> str:
            values = [r[key] if op is None else r[key][op] for r in runs]
            return f"{_med(values):.1f}"

        ops = ("acquire", "start", "query", "stop")
        add(
            f"| {kind} | {m('import_ms')} | {m('construct_ms')} | "
            + " | ".join(m("first", op) for op in ops)
            + " | "
            + " | ".join(m("warm", op) for op in ops)
            + " |"
        )
    add("")

    # 5 -----------------------------------------------------------------------------------------
    pacing_lines, pacing_missed, pacing_failures = report_lines(pacing)
    lines.extend(pacing_lines)
    missed.extend(pacing_missed)
    failures += pacing_failures

    # 6 -----------------------------------------------------------------------------------------
    add(f"## 6. The emulator alone (target: ≥ {TARGET_EMULATOR_RPS:,} acquire requests/s in one process)")
    add("")
    add(
        "`python -m agora_cr.testing.cli --no-qps-limit` in its own process; `emulator_load.py` in "
        "another drives it over 16 keep-alive connections, one request in flight on each, every answer's "
        "status checked. `acquire`: what most of a test suite sends; `lifecycle`: acquire → start → "
        "query → stop on a fresh channel each time. Server CPU = the emulator process's user+sys time "
        "per answered request; generator CPU shows the load generator is not the limit."
    )
    add("")
    add("| mix | requests/s | p50 ms | p99 ms | server CPU µs/request | generator CPU µs/request | errors |")
    add("|---|---:|---:|---:|---:|---:|---:|")
    for mix, runs in emulator.items():
        errors = sum(r["errors"] for r in runs)
        failures += errors

        def cell(key: str, digits: int, runs: list[dict[str, Any]] = runs) -> str:
            values = [r[key] for r in runs if key in r]
            return _fmt(summary(values), digits) if values else "n/a"

        add(
            f"| {mix} | {cell('requests_per_s', 0)} | {cell('p50_ms', 2)} | {cell('p99_ms', 2)} | "
            f"{cell('server_cpu_us_per_request', 0)} | {cell('load_cpu_us_per_request', 0)} | {errors} |"
        )
    if emulator.get("acquire"):
        rate = _med([r["requests_per_s"] for r in emulator["acquire"]])
        if rate < TARGET_EMULATOR_RPS:
            missed.append(f"emulator: {rate:.0f} acquire requests/s (target {TARGET_EMULATOR_RPS})")
    add("")

    # summary -------------------------------------------------------------------------------------
    add("## Targets")
    add("")
    if missed:
        add("Missed in this run:")
        add("")
        lines.extend(f"- {m}" for m in missed)
    else:
        add("All targets met in this run.")
    add("")
    add("## How to reproduce")
    add("")
    add("```bash")
    add('python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[dev]"')
    add("python benchmarks/run.py            # full run, a few minutes -> benchmarks/RESULTS.md")
    add("python benchmarks/run.py --quick    # smoke run, < 1 minute -> benchmarks/RESULTS-quick.md")
    add("```")
    add("")
    add(
        f"The first run creates `benchmarks/.venv-official` (`pip install {OFFICIAL_PACKAGE}`, needs PyPI); "
        "`--no-official` skips the official client. The official client is pointed at the emulator "
        "inside its worker process only (`benchmarks/official_adapter.py`): its DNS probing of "
        "`api-*.agora.io`/`sd-rtn.com` and the endless non-daemon re-probe thread started by "
        "`Domain.run` are replaced by a fixed one-host list, and its hard-coded `https://` URL scheme "
        "by `http://`. Everything per call is left as shipped (a new `requests` connection per call, "
        "a `func_timeout` thread per call, `uuid1` trace IDs, `dir()`-based `to_dict`). All processes "
        "talk to 127.0.0.1 only. Machine load matters: on a shared 2-core machine compare ratios from "
        "the same run, not absolute numbers across runs."
    )
    add("")
    return "\n".join(lines), missed, failures


def _pkg_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="agora-cr benchmark (see the module docstring).")
    parser.add_argument("--quick", action="store_true", help="seconds-long smoke run (CI)")
    parser.add_argument("--no-official", action="store_true", help="skip the official client")
    parser.add_argument("--repeats", type=int, default=None, help="override the number of repeats")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="report path (default RESULTS.md, or RESULTS-quick.md with --quick)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--rtt-ms", type=float, default=30.0, help="round trip the emulator adds in section 3 (default 30)"
    )
    args = parser.parse_args(argv)
    argv_shown = sys.argv[1:] if argv is None else argv
    cfg = Config(args.quick, args.repeats, args.rtt_ms)
    output = args.output or BENCH_DIR / ("RESULTS-quick.md" if args.quick else "RESULTS.md")

    started = time.perf_counter()
    load_start = _loadavg()
    log(f"machine: {machine_line()}; python {platform.python_version()} at {sys.executable}")
    official, official_note = official_python(args.no_official, timeout=120 if args.quick else 300)
    log(f"official client: {official_note}")
    if official is None and not args.no_official:
        log("NOTE: the official-client comparison is SKIPPED in this run: " + official_note)

    overhead = run_overhead(cfg)
    seq = run_sequential(cfg, official)
    burst = run_burst(cfg, official)
    startup = run_startup(cfg, official)
    pacing = run_pacing(cfg.quick, official, lambda kind: python_for(kind, official), log)
    emulator = run_emulator(cfg)
    elapsed = time.perf_counter() - started
    report, missed, failures = build_report(
        cfg,
        argv_shown,
        official_note,
        overhead,
        seq,
        burst,
        startup,
        pacing,
        emulator,
        (load_start, _loadavg()),
        elapsed,
    )
    output.write_text(report, encoding="utf-8")
    log("")
    log(report.split("## How to reproduce")[0].rstrip())
    log("")
    log(f"wrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output} in {elapsed:.0f} s")
    if failures:
        log(f"FAILED: {failures} lifecycle(s) failed")
        return 1
    if args.check and missed:
        log("targets missed (--check): " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
