"""Seed-compatible module: ``web_recording_client.WebRecordingClient.new_builder()...build()``."""

from __future__ import annotations

from .web import AsyncWebRecordingClient, WebRecordingClient

__all__ = ["AsyncWebRecordingClient", "WebRecordingClient"]
