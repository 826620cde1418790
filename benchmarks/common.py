"""Shared pieces of the benchmark: request payloads, statistics, machine line, emulator process.

Standard library only at import time: the official client's worker runs this module in its own venv
(``benchmarks/.venv-official``), where ``agora_cr`` and ``httpx`` are not installed.
"""

from __future__ import annotations

import base64
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent

# Fixed credentials so every process (emulator, workers) agrees without passing secrets around.
APP_ID = "0123456789abcdef0123456789abcdef"
CUSTOMER_ID = "c0ffee00c0ffee00c0ffee00c0ffee00"
CUSTOMER_SECRET = "5ec2e75ec2e75ec2e75ec2e75ec2e700"
AUTHORIZATION = "Basic " + base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()).decode()

UID = "527841"
TOKEN = "007eJxTYBBYb2bkz" + "A" * 120  # an RTC token is ~140 characters; the emulator does not check it

LIFECYCLE_OPS = ("acquire", "start", "query", "stop")


def timed_lifecycle(side: Any, cname: str) -> dict[str, float]:
    """acquire -> start -> query -> stop on a sync side; each call's duration in seconds."""
    clock = time.perf_counter
    t0 = clock()
    resource_id = side.acquire(cname, UID)
    t1 = clock()
    sid = side.start(resource_id, cname, UID)
    t2 = clock()
    side.query(resource_id, sid)
    t3 = clock()
    side.stop(resource_id, sid, cname, UID)
    t4 = clock()
    return {"acquire": t1 - t0, "start": t2 - t1, "query": t3 - t2, "stop": t4 - t3}


async def timed_lifecycle_async(side: Any, cname: str) -> dict[str, float]:
    """The same on an async side."""
    clock = time.perf_counter
    t0 = clock()
    resource_id = await side.acquire(cname, UID)
    t1 = clock()
    sid = await side.start(resource_id, cname, UID)
    t2 = clock()
    await side.query(resource_id, sid)
    t3 = clock()
    await side.stop(resource_id, sid, cname, UID)
    t4 = clock()
    return {"acquire": t1 - t0, "start": t2 - t1, "query": t3 - t2, "stop": t4 - t3}


# ----------------------------------------------------------------------------------------------- payloads
# "A full mix config": storage with a prefix, mix recording with a custom 4-window layout and per-user
# backgrounds, HLS + MP4 output. The official SDK's mix start always sends avFileType [hls, mp4], so every
# side sends exactly that.
STORAGE_CONFIG: dict[str, Any] = {
    "vendor": 1,
    "region": 0,
    "bucket": "bench-recordings",
    "accessKey": "AKIAIOSFODNN7EXAMPLE",
    "secretKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "fileNamePrefix": ["bench", "rooms"],
}
RECORDING_CONFIG: dict[str, Any] = {
    "channelType": 1,
    "maxIdleTime": 120,
    "streamTypes": 2,
    "audioProfile": 1,
    "videoStreamType": 0,
    "subscribeAudioUids": ["#allstream#"],
    "subscribeVideoUids": ["#allstream#"],
    "transcodingConfig": {
        "width": 1280,
        "height": 720,
        "fps": 15,
        "bitrate": 1130,
        "mixedVideoLayout": 3,
        "backgroundColor": "#101010",
        "layoutConfig": [
            {"uid": "1001", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5, "alpha": 1.0},
            {"uid": "1002", "x_axis": 0.5, "y_axis": 0.0, "width": 0.5, "height": 0.5, "render_mode": 1},
            {"uid": "1003", "x_axis": 0.0, "y_axis": 0.5, "width": 0.5, "height": 0.5},
            {"x_axis": 0.5, "y_axis": 0.5, "width": 0.5, "height": 0.5},
        ],
        "backgroundConfig": [
            {"uid": "1001", "image_url": "https://example.com/bg/1001.png", "render_mode": 0},
        ],
    },
}
RECORDING_FILE_CONFIG: dict[str, Any] = {"avFileType": ["hls", "mp4"]}


def acquire_body(cname: str, uid: str = UID) -> dict[str, Any]:
    return {"cname": cname, "uid": uid, "clientRequest": {}}


def start_body(cname: str, uid: str = UID, token: str = TOKEN) -> dict[str, Any]:
    return {
        "cname": cname,
        "uid": uid,
        "clientRequest": {
            "token": token,
            "storageConfig": STORAGE_CONFIG,
            "recordingConfig": RECORDING_CONFIG,
            "recordingFileConfig": RECORDING_FILE_CONFIG,
        },
    }


def stop_body(cname: str, uid: str = UID) -> dict[str, Any]:
    return {"cname": cname, "uid": uid, "clientRequest": {}}


def path_acquire(app_id: str = APP_ID) -> str:
    return f"/v1/apps/{app_id}/cloud_recording/acquire"


def path_start(resource_id: str, app_id: str = APP_ID, mode: str = "mix") -> str:
    return f"/v1/apps/{app_id}/cloud_recording/resourceid/{resource_id}/mode/{mode}/start"


def path_query(resource_id: str, sid: str, app_id: str = APP_ID, mode: str = "mix") -> str:
    return f"/v1/apps/{app_id}/cloud_recording/resourceid/{resource_id}/sid/{sid}/mode/{mode}/query"


def path_stop(resource_id: str, sid: str, app_id: str = APP_ID, mode: str = "mix") -> str:
    return f"/v1/apps/{app_id}/cloud_recording/resourceid/{resource_id}/sid/{sid}/mode/{mode}/stop"


# --------------------------------------------------------------------------------------------- statistics
def summary(values: Sequence[float]) -> dict[str, float]:
    """Median and min-max of a non-empty sample."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sample (q in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def peak_rss_mib() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except OSError:  # pragma: no cover - not Linux
        return float("nan")


# ------------------------------------------------------------------------------------------------ machine
def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    return (
        f"CPU {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()} "
        f"({platform.python_implementation()}); {platform.system()} {platform.release()} "
        f"({platform.machine()})"
    )


# ------------------------------------------------------------------------------------ emulator subprocess
class EmulatorProcess:
    """``python -m agora_cr.testing.cli --no-qps-limit`` in its own process (its own core on 2 cores).

    The clients under test run in other processes, so neither side's CPU time is charged to the other.
    """

    def __init__(self, python: str, args: Sequence[str] = ()) -> None:
        self.python = python
        self.args = list(args)  # more CLI options, e.g. ("--latency-ms", "30")
        self.proc: subprocess.Popen[str] | None = None
        self.base_url = ""

    def __enter__(self) -> EmulatorProcess:
        cmd = [
            self.python,
            "-m",
            "agora_cr.testing.cli",
            "--no-qps-limit",
            "--app-id",
            APP_ID,
            "--customer-id",
            CUSTOMER_ID,
            "--customer-secret",
            CUSTOMER_SECRET,
            *self.args,
        ]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=clean_env()
        )
        assert self.proc.stdout is not None
        import shlex  # here: only this class reads the CLI's output

        deadline = time.monotonic() + 60
        # Bounded: the CLI prints `export NAME=value` lines (shell-quoted), AGORA_EMULATOR_PID last,
        # then closes its stdout; `base_url=` and "serving" are the older format.
        for line in self.proc.stdout:
            words = shlex.split(line)
            name, _, value = (words[-1] if words else "").partition("=")
            if name in ("AGORA_BASE_URL", "base_url"):
                self.base_url = value
            if name == "AGORA_EMULATOR_PID" or line.startswith("serving") or time.monotonic() > deadline:
                break
        if not self.base_url:
            self.__exit__(None, None, None)
            raise RuntimeError("the emulator did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None


def clean_env() -> dict[str, str]:
    """The environment for child processes: no proxies (loopback only), unbuffered, no user site."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in {"http_proxy", "https_proxy", "all_proxy"}}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    env.pop("PYTHONPATH", None)
    return env


def run_json(cmd: Sequence[str], timeout: float) -> dict[str, Any]:
    """Run a worker that prints one JSON object on its last stdout line."""
    done = subprocess.run(
        list(cmd), capture_output=True, text=True, timeout=timeout, cwd=REPO, env=clean_env(), check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}... exited {done.returncode}:\n{done.stderr[-3000:]}")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if not lines:
        raise RuntimeError(f"{' '.join(cmd[:3])}... printed nothing:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result
