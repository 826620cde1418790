"""Shared helpers of the tests/test_reliability_*.py files: live sessions per operation, timing, figures."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import STORAGE

from agora_cr import MixRecordingClient
from agora_cr.testing import Emulator

#: Every operation of a mix client (the only mode with all six).
OPERATIONS = ("acquire", "start", "query", "update", "updateLayout", "stop")
#: Operations retried on 5xx / timeouts (DESIGN.md retry table); ``start`` only on code 65.
RETRIED = ("acquire", "query", "update", "updateLayout", "stop")

_uid_counter = iter(range(100_000, 10_000_000))


def next_uid() -> str:
    return str(next(_uid_counter))


def call_for(client: MixRecordingClient, operation: str, cname: str = "room") -> Callable[[], Any]:
    """Prepare whatever ``operation`` needs (a resource ID, a live session) and return the call."""
    uid = next_uid()
    if operation == "acquire":
        return lambda: client.acquire(cname, uid)
    rid = client.acquire(cname, uid).resource_id
    if operation == "start":
        return lambda: client.start(rid, cname, uid, storage_config=STORAGE)
    started = client.start(rid, cname, uid, storage_config=STORAGE)
    sid = started.sid
    calls: dict[str, Callable[[], Any]] = {
        "query": lambda: client.query(rid, sid),
        "update": lambda: client.update(
            rid, sid, cname, uid, {"audioUidList": {"subscribeAudioUids": ["1"]}}
        ),
        "updateLayout": lambda: client.update_layout(rid, sid, cname, uid, mixed_video_layout=1),
        "stop": lambda: client.stop(rid, sid, cname, uid),
    }
    return calls[operation]


def attempts(emu: Emulator, operation: str) -> list[int | None]:
    """Statuses the emulator answered for ``operation`` (one per attempt that reached it)."""
    return [r.status for r in emu.requests if r.operation == operation]


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    box: list[float] = []
    began = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - began)


_FIGURES = os.environ.get("AGORA_CR_FIGURES")


def record_figure(name: str, **values: Any) -> None:
    """Append a measured figure to the JSONL file named by ``AGORA_CR_FIGURES`` (off when unset)."""
    if not _FIGURES:
        return
    try:
        with Path(_FIGURES).open("a", encoding="utf-8") as out:
            out.write(json.dumps({"figure": name, **values}) + "\n")
    except OSError:  # pragma: no cover - read-only /tmp
        pass
