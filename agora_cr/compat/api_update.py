"""Blocks of ``update`` and ``updateLayout``, built with camelCase or snake_case names::

api_update.StreamSubscribe(videoUidList=api_update.VideoUidList(subscribeVideoUids=["#allstream#"]))
api_update.WebRecordingConfig(onhold=True)
"""

from __future__ import annotations

from agora_cr_generated import models as m

from .._wire import WireModel
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

    _models = (m.AudioUidList,)
    __slots__ = ()


class VideoUidList(WireModel):
    """``subscribeVideoUids`` / ``unSubscribeVideoUids``."""

    _models = (m.VideoUidList,)
    __slots__ = ()


class StreamSubscribe(WireModel):
    """Individual / mix: ``audioUidList``, ``videoUidList``."""

    _models = (m.StreamSubscribe,)
    __slots__ = ()


class WebRecordingConfig(WireModel):
    """Web: ``onhold`` (``True`` pauses, ``False`` resumes)."""

    _models = (m.WebRecordingConfig,)
    __slots__ = ()


class UpdateLayout(WireModel):
    """The whole ``updateLayout`` ``clientRequest`` as one block (alternative to keyword arguments)."""

    _models = (m.UpdateLayoutClientRequest,)
    __slots__ = ()
