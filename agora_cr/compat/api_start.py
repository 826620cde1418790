"""Blocks of ``start`` (and of acquire's ``startParameter``), built with camelCase or snake_case names.

Names follow the official SDK (``StorageConfig``, ``RecordingConfig``, ``ExtensionServices``,
``ServiceParam``, ...); the spec's names are aliases (``ExtensionService``, ``WebRecorderParam``, ...).
Each block accepts exactly the fields its OpenAPI schema(s) define::

    api_start.StorageConfig(region=0, vendor=1, bucket="b", accessKey="ak", secretKey="sk")
"""

from __future__ import annotations

from agora_cr_generated import models as m

from .._wire import WireModel

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

    _models = (m.ExtensionParams,)
    __slots__ = ()


class StorageConfig(WireModel):
    """Third-party storage: ``vendor``, ``region``, ``bucket``, ``accessKey``, ``secretKey``, ..."""

    _models = (m.StorageConfig,)
    __slots__ = ()


class LayoutConfig(WireModel):
    """One region of a custom layout (``x_axis``, ``y_axis``, ``width``, ``height``, ``uid``, ...)."""

    _models = (m.LayoutRegion,)
    __slots__ = ()


LayoutRegion = LayoutConfig


class BackgroundConfig(WireModel):
    """Per-UID background image (``uid``, ``image_url``, ``render_mode``)."""

    _models = (m.UserBackground,)
    __slots__ = ()


UserBackground = BackgroundConfig


class TranscodingConfig(WireModel):
    """Mix-mode canvas: ``width``, ``height``, ``fps``, ``bitrate``, ``mixedVideoLayout``, ..."""

    _models = (m.TranscodingConfig,)
    __slots__ = ()


class RecordingConfig(WireModel):
    """``recordingConfig`` of individual or mix mode (the mode's schema decides what is allowed)."""

    _models = (m.IndividualRecordingConfig, m.MixRecordingConfig)
    __slots__ = ()


class IndividualRecordingConfig(WireModel):
    """``recordingConfig`` of individual mode (``streamTypes``, ``subscribeUidGroup``, ...)."""

    _models = (m.IndividualRecordingConfig,)
    __slots__ = ()


class MixRecordingConfig(WireModel):
    """``recordingConfig`` of mix mode (``streamTypes``, ``audioProfile``, ``transcodingConfig``, ...)."""

    _models = (m.MixRecordingConfig,)
    __slots__ = ()


class RecordingFileConfig(WireModel):
    """``avFileType``: ``["hls"]`` (default) or ``["hls", "mp4"]``."""

    _models = (m.RecordingFileConfig,)
    __slots__ = ()


class SnapshotConfig(WireModel):
    """Individual-mode screenshots: ``captureInterval``, ``fileType`` (``["jpg"]``)."""

    _models = (m.SnapshotConfig,)
    __slots__ = ()


class MediaContainer(WireModel):
    """Legacy container options: ``format``, ``sampleRate``, ``bitrate``, ``channels`` (strings)."""

    _models = (m.MediaContainer,)
    __slots__ = ()


class RtmpOutput(WireModel):
    """One CDN output: ``rtmpUrl``."""

    _models = (m.RtmpOutput,)
    __slots__ = ()


Outputs = RtmpOutput


class WebRecorderParam(WireModel):
    """``serviceParam`` of ``web_recorder_service``: ``url``, ``videoWidth``, ``videoHeight``, ..."""

    _models = (m.WebRecorderParam,)
    __slots__ = ()


class RtmpPublishParam(WireModel):
    """``serviceParam`` of ``rtmp_publish_service`` (CDN push): ``outputs``, one address."""

    _models = (m.RtmpPublishParam,)
    __slots__ = ()


class VideoData(WireModel):
    """Legacy VoD video metadata: ``title``, ``description``, ``coverUrl``."""

    _models = (m.VodApiDataVideoData,)
    __slots__ = ()


class VodApiData(WireModel):
    """Legacy VoD metadata: ``videoData``."""

    _models = (m.VodApiData,)
    __slots__ = ()


class AliyunVodParam(WireModel):
    """Legacy ``serviceParam`` of ``aliyun_vod_service`` (mix mode VoD upload)."""

    _models = (m.AliyunVodParam,)
    __slots__ = ()


class ServiceParam(WireModel):
    """``serviceParam`` of any extension service (web recorder, RTMP publish, legacy VoD)."""

    _models = (m.WebRecorderParam, m.RtmpPublishParam, m.AliyunVodParam)
    __slots__ = ()


class ExtensionServices(WireModel):
    """One extension service: ``serviceName``, ``serviceParam``, ``errorHandlePolicy``."""

    _models = (m.ExtensionService,)
    __slots__ = ()


ExtensionService = ExtensionServices


class ExtensionServiceConfig(WireModel):
    """Web mode: ``extensionServices`` (+ ``errorHandlePolicy``, legacy ``apiVersion``)."""

    _models = (m.ExtensionServiceConfig,)
    __slots__ = ()


class RtmpPublishConfig(WireModel):
    """``outputs``: the CDN address (at most one)."""

    _models = (m.RtmpPublishConfig,)
    __slots__ = ()


class AppsCollection(WireModel):
    """Legacy postponed transcoding: ``combinationPolicy``."""

    _models = (m.AppsCollection,)
    __slots__ = ()


class TransConfig(WireModel):
    """Legacy ``transcodeOptions.transConfig``: ``transMode`` (``postponeTranscoding``/``audioMix``)."""

    _models = (m.TranscodeOptionsTransConfig,)
    __slots__ = ()


class Container(WireModel):
    """Legacy ``transcodeOptions.container``: ``format`` (``mp4``, or ``mp3``/``m4a``/``aac``)."""

    _models = (m.TranscodeOptionsContainer,)
    __slots__ = ()


class Audio(WireModel):
    """Legacy ``transcodeOptions.audio`` (audio mixing): ``sampleRate``, ``bitrate``, ``channels``."""

    _models = (m.TranscodeOptionsAudio,)
    __slots__ = ()


class TranscodeOptions(WireModel):
    """Legacy postponed transcoding / audio mixing: ``transConfig``, ``container``, ``audio``."""

    _models = (m.TranscodeOptions,)
    __slots__ = ()


class StartParameter(WireModel):
    """``acquire.clientRequest.startParameter``: the same blocks as ``start``'s ``clientRequest``."""

    _models = (m.StartIndividualClientRequest, m.StartMixClientRequest, m.StartWebClientRequest)
    __slots__ = ()
