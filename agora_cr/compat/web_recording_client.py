"""The official SDK's module name: ``web_recording_client.WebRecordingClient.new_builder()``."""

from __future__ import annotations

from ..modes.web import AsyncWebRecordingClient, WebRecordingClient

__all__ = ["AsyncWebRecordingClient", "WebRecordingClient"]
