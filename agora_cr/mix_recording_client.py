"""Seed-compatible module: ``mix_recording_client.MixRecordingClient.new_builder()...build()``."""

from __future__ import annotations

from .mix import AsyncMixRecordingClient, MixRecordingClient

__all__ = ["AsyncMixRecordingClient", "MixRecordingClient"]
