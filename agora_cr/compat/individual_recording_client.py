"""The official SDK's module name: ``individual_recording_client.IndividualRecordingClient.new_builder()``."""

from __future__ import annotations

from ..modes.individual import AsyncIndividualRecordingClient, IndividualRecordingClient

__all__ = ["AsyncIndividualRecordingClient", "IndividualRecordingClient"]
