"""Blocks of ``update`` and ``updateLayout``, built with camelCase or snake_case names::

api_update.StreamSubscribe(videoUidList=api_update.VideoUidList(subscribeVideoUids=["#allstream#"]))
api_update.WebRecordingConfig(onhold=True)
"""

from __future__ import annotations

from ._models import WireModel
from .api_start import (
    BackgroundConfig,
    ExtensionParams,
    LayoutConfig,
    LayoutRegion,
    Outputs,
    RtmpOutput,
    RtmpPublishConfig,
    StorageConfig,
    UserBackground,
)

__all__ = [
    "AudioUidList",
    "BackgroundConfig",
    "ExtensionParams",
    "LayoutConfig",
    "LayoutRegion",
    "Outputs",
    "RtmpOutput",
    "RtmpPublishConfig",
    "StorageConfig",
    "StreamSubscribe",
    "UpdateLayout",
    "UserBackground",
    "VideoUidList",
    "WebRecordingConfig",
]


class AudioUidList(WireModel):
    """``subscribeAudioUids`` / ``unSubscribeAudioUids``."""

    _schemas = ("AudioUidList",)
    __slots__ = ()


class VideoUidList(WireModel):
    """``subscribeVideoUids`` / ``unSubscribeVideoUids``."""

    _schemas = ("VideoUidList",)
    __slots__ = ()


class StreamSubscribe(WireModel):
    """Individual / mix: ``audioUidList``, ``videoUidList``."""

    _schemas = ("StreamSubscribe",)
    __slots__ = ()


class WebRecordingConfig(WireModel):
    """Web: ``onhold`` (``True`` pauses, ``False`` resumes)."""

    _schemas = ("WebRecordingConfig",)
    __slots__ = ()


class UpdateLayout(WireModel):
    """The whole ``updateLayout`` ``clientRequest`` as one block (alternative to keyword arguments)."""

    _schemas = ("UpdateLayoutClientRequest",)
    __slots__ = ()
