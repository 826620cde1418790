"""What a supervised recording leaves: every session it ran and all their files, in time order, with
the gaps between sessions marked."""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(eq=False)
class SessionRecord:
    """One recording task the supervisor ran (times are Unix seconds)."""

    #: The resource ID ``acquire`` gave for this task.
    resource_id: str
    #: The recording ID ``start`` returned.
    sid: str
    #: The uid the recorder joined the channel with.
    uid: str
    #: When ``start`` returned the sid.
    started_at: float
    #: When the task ended (stopped or found gone); ``None`` while live.
    ended_at: float | None = None
    #: ``stopped``, ``no_recorded_data`` (435), ``already_exiting`` (49), ``gone`` (404 at stop),
    #: ``not_started``, ``lost``, ``idle`` (left an empty channel), ``stop_failed``; ``None`` while live.
    exit_reason: str | None = None
    #: Its files: ``{"fileName", "sliceStartTime", ...}`` as the service reported them.
    files: list[dict[str, Any]] = field(default_factory=list)
    #: The uid after a high-availability migration (event 12), if any.
    migrated_uid: str | None = None

    def add_files(self, files: list[dict[str, Any]]) -> None:
        """Add the files not known yet (by name: ``fileName``, or web mode's ``filename``)."""
        known = {_name(item) for item in self.files}
        for item in files:
            if _name(item) not in known:
                self.files.append(item)
                known.add(_name(item))


def _name(item: dict[str, Any]) -> Any:
    return item.get("fileName") or item.get("filename")


@dataclass(frozen=True)
class Gap:
    """A stretch of time no session recorded (between one session's end and the next one's start)."""

    #: When the earlier session ended.
    start: float
    #: When the next session started.
    end: float
    #: The sid of the session before the gap.
    after_sid: str
    #: The sid of the session after the gap.
    before_sid: str


@dataclass
class Manifest:
    """Every session of one supervised recording, their files merged in time order, and the gaps."""

    #: The channel recorded.
    cname: str
    #: The recording mode (``individual``, ``mix`` or ``web``).
    mode: str
    #: Every session, in the order they started.
    sessions: list[SessionRecord]

    @property
    def files(self) -> list[dict[str, Any]]:
        """Every file of every session, by ``sliceStartTime`` then session order, each with its ``sid``."""
        merged = []
        for order, session in enumerate(self.sessions):
            for item in session.files:
                merged.append((item.get("sliceStartTime") or 0, order, {**item, "sid": session.sid}))
        return [item for _, _, item in sorted(merged, key=lambda entry: (entry[0], entry[1]))]

    @property
    def gaps(self) -> list[Gap]:
        """Where nothing was recorded between two sessions (a session that never recorded counts as
        a gap; a lost one ends when it stopped answering)."""
        out = []
        recorded = [session for session in self.sessions if session.exit_reason != "not_started"]
        for before, after in itertools.pairwise(recorded):
            end = before.ended_at if before.ended_at is not None else after.started_at
            if after.started_at > end:
                out.append(Gap(end, after.started_at, before.sid, after.sid))
        return out

    def to_dict(self) -> dict[str, Any]:
        """``cname``, ``mode``, ``sessions``, ``files`` and ``gaps`` as plain JSON-ready values."""
        return {
            "cname": self.cname,
            "mode": self.mode,
            "sessions": [asdict(session) for session in self.sessions],
            "files": self.files,
            "gaps": [asdict(gap) for gap in self.gaps],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2)
