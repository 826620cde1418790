"""The official SDK's module name: ``mix_recording_client.MixRecordingClient.new_builder()``."""

from __future__ import annotations

from ..modes.mix import AsyncMixRecordingClient, MixRecordingClient

__all__ = ["AsyncMixRecordingClient", "MixRecordingClient"]
