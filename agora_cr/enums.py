"""Named values of the API (use ``.value`` or the member itself; both are accepted)."""

from __future__ import annotations

import enum

__all__ = ["ExtensionServiceName", "FileListMode", "Mode", "Scene", "UploadingStatus"]


class ExtensionServiceName(str, enum.Enum):
    """``extensionServices[].serviceName``."""

    #: Web page recording (web mode): ``serviceParam`` is a ``WebRecorderParam``.
    WEB_RECORDER_SERVICE = "web_recorder_service"
    #: Push the recorded page to a CDN (web mode): ``serviceParam`` is a ``RtmpPublishParam``.
    RTMP_PUBLISH_SERVICE = "rtmp_publish_service"
    #: Legacy (mix mode): upload to ApsaraVideo for VoD (``serviceParam`` is an ``AliyunVodParam``).
    ALIYUN_VOD_SERVICE = "aliyun_vod_service"


class Mode(str, enum.Enum):
    """The recording mode, the ``{mode}`` segment of the URL; each mode has its own client class."""

    #: One file set per user (single stream).
    INDIVIDUAL = "individual"
    #: One composite file set for the channel.
    MIX = "mix"
    #: A web page recorded (and optionally pushed to a CDN).
    WEB = "web"


class Scene(enum.IntEnum):
    """``acquire.clientRequest.scene`` (filled by the client from its mode)."""

    #: Real-time audio/video recording, individual and mix modes (``scene`` 0).
    REALTIME = 0
    #: Web page recording (``scene`` 1, required in web mode).
    WEB = 1
    #: Legacy postponed transcoding or audio mixing, individual mode only (``scene`` 2).
    POSTPONED_TRANSCODING = 2


class FileListMode(str, enum.Enum):
    """``serverResponse.fileListMode``: the shape of ``fileList`` in ``query`` and ``stop`` answers."""

    #: ``fileList`` is one M3U8 file name (mix mode with ``avFileType`` ``["hls"]``).
    STRING = "string"
    #: ``fileList`` is a list of files (individual mode, or mix with ``["hls", "mp4"]``).
    JSON = "json"


class UploadingStatus(str, enum.Enum):
    """``serverResponse.uploadingStatus`` of a ``stop`` answer: where the recorded files are."""

    #: All files are in your storage.
    UPLOADED = "uploaded"
    #: Some files went to Agora's backup storage and will be forwarded to yours.
    BACKUPED = "backuped"
    #: Not known (the service also spells it ``unknow``).
    UNKNOWN = "unknown"
