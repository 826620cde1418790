"""Named values of the API (use ``.value`` or the member itself; both are accepted)."""

from __future__ import annotations

import enum

__all__ = ["ExtensionServiceName", "FileListMode", "Mode", "Scene", "UploadingStatus"]


class ExtensionServiceName(str, enum.Enum):
    """``extensionServices[].serviceName``."""

    WEB_RECORDER_SERVICE = "web_recorder_service"
    RTMP_PUBLISH_SERVICE = "rtmp_publish_service"
    ALIYUN_VOD_SERVICE = "aliyun_vod_service"


class Mode(str, enum.Enum):
    INDIVIDUAL = "individual"
    MIX = "mix"
    WEB = "web"


class Scene(enum.IntEnum):
    """``acquire.clientRequest.scene`` (filled by the client from its mode)."""

    REALTIME = 0
    WEB = 1
    POSTPONED_TRANSCODING = 2


class FileListMode(str, enum.Enum):
    STRING = "string"
    JSON = "json"


class UploadingStatus(str, enum.Enum):
    UPLOADED = "uploaded"
    BACKUPED = "backuped"
    UNKNOWN = "unknown"
