"""A recording that stays up: ``client.supervise(cname, uid, backup_uid=..., **start_blocks)``.

It runs Agora's integration best practices for Cloud Recording (see :mod:`._settings` for each
timing and its source): start, confirm with ``query``, monitor, tell a high-availability migration
from a loss, restart with the backup uid (``excludeResourceIds`` of the previous tasks), refresh STS
storage credentials, and always stop on the way out. Its :class:`Manifest` lists every session and
all their files in time order, with the gaps. With ``state_file=``, a restarted process resumes a
recording it was supervising instead of leaking it.
"""

from __future__ import annotations

from ._drivers import AsyncSupervisor, SyncSupervisor
from ._flow import STATES, Supervisor
from ._manifest import Gap, Manifest, SessionRecord
from ._settings import SupervisorSettings

__all__ = [
    "STATES",
    "AsyncSupervisor",
    "Gap",
    "Manifest",
    "SessionRecord",
    "Supervisor",
    "SupervisorSettings",
    "SyncSupervisor",
]
