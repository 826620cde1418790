"""Composite recording (``mode=mix``): every user mixed into one file; the only mode with update_layout."""

from __future__ import annotations

from .._client import BaseClient
from .._transport import AsyncClient, SyncClient
from . import _calls
from ._op import op

__all__ = ["AsyncMixRecordingClient", "MixRecordingClient"]


class _Mix(BaseClient):
    """The operations of composite recording (shared by the sync and async clients)."""

    _mode = "mix"

    acquire = op(_calls.acquire, "acquire")
    start = op(_calls.start, "start")
    query = op(_calls.query, "query")
    update = op(_calls.update, "update")
    update_layout = op(_calls.update_layout, "updateLayout")
    stop = op(_calls.stop, "stop")
    get_ncs_ip = op(_calls.get_ncs_ip, "getNcsIp")


class MixRecordingClient(_Mix, SyncClient):
    """Blocking client for composite (mix) recording."""


class AsyncMixRecordingClient(_Mix, AsyncClient):
    """Asyncio client for composite (mix) recording (the same methods as :class:`MixRecordingClient`,
    awaited)."""
