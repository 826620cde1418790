"""The three recording modes, each a sync and an async client over the same operations."""

from __future__ import annotations

from .individual import AsyncIndividualRecordingClient, IndividualRecordingClient
from .mix import AsyncMixRecordingClient, MixRecordingClient
from .web import AsyncWebRecordingClient, WebRecordingClient

__all__ = [
    "AsyncIndividualRecordingClient",
    "AsyncMixRecordingClient",
    "AsyncWebRecordingClient",
    "IndividualRecordingClient",
    "MixRecordingClient",
    "WebRecordingClient",
]
