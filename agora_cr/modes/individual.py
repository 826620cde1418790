"""Individual recording (``mode=individual``): one file set per user, optional screenshots."""

from __future__ import annotations

from .._client import BaseClient
from .._transport import AsyncClient, SyncClient
from . import _calls
from ._op import op

__all__ = ["AsyncIndividualRecordingClient", "IndividualRecordingClient"]


class _Individual(BaseClient):
    """The operations of individual recording (shared by the sync and async clients)."""

    _mode = "individual"

    acquire = op(_calls.acquire_individual, "acquire")
    start = op(_calls.start, "start")
    query = op(_calls.query, "query")
    update = op(_calls.update, "update")
    stop = op(_calls.stop, "stop")
    get_ncs_ip = op(_calls.get_ncs_ip, "getNcsIp")


class IndividualRecordingClient(_Individual, SyncClient):
    """Blocking client for individual recording.

    ``IndividualRecordingClient(app_id=..., customer_id=..., customer_secret=..., region=RegionArea.US)``
    or ``IndividualRecordingClient.new_builder()...build()``; use it as a context manager or ``close()`` it.
    """


class AsyncIndividualRecordingClient(_Individual, AsyncClient):
    """Asyncio client for individual recording (the same methods as :class:`IndividualRecordingClient`,
    awaited)."""
