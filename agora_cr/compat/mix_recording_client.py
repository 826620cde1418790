"""Seed-compatible module: ``mix_recording_client.MixRecordingClient.new_builder()``."""

from __future__ import annotations

from ..modes.mix import AsyncMixRecordingClient, MixRecordingClient

__all__ = ["AsyncMixRecordingClient", "MixRecordingClient"]
