"""Blocks of ``start`` (and of acquire's ``startParameter``), built with camelCase or snake_case names.

Names follow the official SDK (``StorageConfig``, ``RecordingConfig``, ``ExtensionServices``,
``ServiceParam``, ...); the spec's names are aliases (``ExtensionService``, ``WebRecorderParam``, ...).
Each block accepts exactly the fields its OpenAPI schema(s) define::

    api_start.StorageConfig(region=0, vendor=1, bucket="b", accessKey="ak", secretKey="sk")
"""

from __future__ import annotations

from ._models import WireModel

__all__ = [
    "AliyunVodParam",
    "AppsCollection",
    "Audio",
    "BackgroundConfig",
    "Container",
    "ExtensionParams",
    "ExtensionService",
    "ExtensionServiceConfig",
    "ExtensionServices",
    "IndividualRecordingConfig",
    "LayoutConfig",
    "LayoutRegion",
    "MediaContainer",
    "MixRecordingConfig",
    "Outputs",
    "RecordingConfig",
    "RecordingFileConfig",
    "RtmpOutput",
    "RtmpPublishConfig",
    "RtmpPublishParam",
    "ServiceParam",
    "SnapshotConfig",
    "StartParameter",
    "StorageConfig",
    "TransConfig",
    "TranscodeOptions",
    "TranscodingConfig",
    "UserBackground",
    "VideoData",
    "VodApiData",
    "WebRecorderParam",
]


class ExtensionParams(WireModel):
    """``storageConfig.extensionParams``: ``sse``, ``tag``, ``endpoint`` (required for vendor 11)."""

    _schemas = ("ExtensionParams",)
    __slots__ = ()


class StorageConfig(WireModel):
    """Third-party storage: ``vendor``, ``region``, ``bucket``, ``accessKey``, ``secretKey``, ..."""

    _schemas = ("StorageConfig",)
    __slots__ = ()


class LayoutConfig(WireModel):
    """One region of a custom layout (``x_axis``, ``y_axis``, ``width``, ``height``, ``uid``, ...)."""

    _schemas = ("LayoutRegion",)
    __slots__ = ()


LayoutRegion = LayoutConfig


class BackgroundConfig(WireModel):
    """Per-UID background image (``uid``, ``image_url``, ``render_mode``)."""

    _schemas = ("UserBackground",)
    __slots__ = ()


UserBackground = BackgroundConfig


class TranscodingConfig(WireModel):
    """Mix-mode canvas: ``width``, ``height``, ``fps``, ``bitrate``, ``mixedVideoLayout``, ..."""

    _schemas = ("TranscodingConfig",)
    __slots__ = ()


class RecordingConfig(WireModel):
    """``recordingConfig`` of individual or mix mode (the mode's schema decides what is allowed)."""

    _schemas = ("IndividualRecordingConfig", "MixRecordingConfig")
    __slots__ = ()


class IndividualRecordingConfig(WireModel):
    _schemas = ("IndividualRecordingConfig",)
    __slots__ = ()


class MixRecordingConfig(WireModel):
    _schemas = ("MixRecordingConfig",)
    __slots__ = ()


class RecordingFileConfig(WireModel):
    """``avFileType``: ``["hls"]`` (default) or ``["hls", "mp4"]``."""

    _schemas = ("RecordingFileConfig",)
    __slots__ = ()


class SnapshotConfig(WireModel):
    """Individual-mode screenshots: ``captureInterval``, ``fileType`` (``["jpg"]``)."""

    _schemas = ("SnapshotConfig",)
    __slots__ = ()


class MediaContainer(WireModel):
    _schemas = ("MediaContainer",)
    __slots__ = ()


class RtmpOutput(WireModel):
    """One CDN output: ``rtmpUrl``."""

    _schemas = ("RtmpOutput",)
    __slots__ = ()


Outputs = RtmpOutput


class WebRecorderParam(WireModel):
    _schemas = ("WebRecorderParam",)
    __slots__ = ()


class RtmpPublishParam(WireModel):
    _schemas = ("RtmpPublishParam",)
    __slots__ = ()


class VideoData(WireModel):
    _schemas = ("VodApiData/videoData",)
    __slots__ = ()


class VodApiData(WireModel):
    _schemas = ("VodApiData",)
    __slots__ = ()


class AliyunVodParam(WireModel):
    _schemas = ("AliyunVodParam",)
    __slots__ = ()


class ServiceParam(WireModel):
    """``serviceParam`` of any extension service (web recorder, RTMP publish, legacy VoD)."""

    _schemas = ("WebRecorderParam", "RtmpPublishParam", "AliyunVodParam")
    __slots__ = ()


class ExtensionServices(WireModel):
    """One extension service: ``serviceName``, ``serviceParam``, ``errorHandlePolicy``."""

    _schemas = ("ExtensionService",)
    __slots__ = ()


ExtensionService = ExtensionServices


class ExtensionServiceConfig(WireModel):
    """Web mode: ``extensionServices`` (+ ``errorHandlePolicy``, legacy ``apiVersion``)."""

    _schemas = ("ExtensionServiceConfig",)
    __slots__ = ()


class RtmpPublishConfig(WireModel):
    """``outputs``: the CDN address (at most one)."""

    _schemas = ("RtmpPublishConfig",)
    __slots__ = ()


class AppsCollection(WireModel):
    """Legacy postponed transcoding: ``combinationPolicy``."""

    _schemas = ("AppsCollection",)
    __slots__ = ()


class TransConfig(WireModel):
    _schemas = ("TranscodeOptions/transConfig",)
    __slots__ = ()


class Container(WireModel):
    _schemas = ("TranscodeOptions/container",)
    __slots__ = ()


class Audio(WireModel):
    _schemas = ("TranscodeOptions/audio",)
    __slots__ = ()


class TranscodeOptions(WireModel):
    """Legacy postponed transcoding / audio mixing: ``transConfig``, ``container``, ``audio``."""

    _schemas = ("TranscodeOptions",)
    __slots__ = ()


class StartParameter(WireModel):
    """``acquire.clientRequest.startParameter``: the same blocks as ``start``'s ``clientRequest``."""

    _schemas = ("StartIndividualClientRequest", "StartMixClientRequest", "StartWebClientRequest")
    __slots__ = ()
