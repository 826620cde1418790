"""Typed results of the six operations.

Attributes are snake_case (``resource_id``); the wire's camelCase names are aliases
(``response.resourceId``), so code written for the official SDK keeps working. ``to_dict()`` returns
the response body as received. Reprs never show secrets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ._constants import SECRET_FIELDS
from .exceptions import InvalidResponseError

__all__ = [
    "AcquireResult",
    "ExtensionServiceStatus",
    "QueryResult",
    "RecordedFile",
    "RecordingSession",
    "RtmpOutputStatus",
    "StartResult",
    "StopResult",
    "UpdateLayoutResult",
    "UpdateResult",
]

#: Query ``serverResponse.status`` values and their meaning.
STATUS_NAMES: dict[int, str] = {
    0: "not_started",
    1: "initialised",
    2: "starting",
    3: "partially_ready",
    4: "ready",
    5: "in_progress",
    6: "stop_requested",
    7: "stopped",
    8: "exited",
    20: "exited_abnormally",
}


class _Record:
    """Small immutable record: declared fields, camelCase aliases, masked repr, ``to_dict``."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _aliases: ClassVar[dict[str, str]] = {}
    __slots__ = ("_raw",)

    def __getattr__(self, name: str) -> Any:
        target = self._aliases.get(name)
        if target is None:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        return getattr(self, target)

    def to_dict(self) -> dict[str, Any]:
        """The wire (camelCase) object this record was read from."""
        copied: dict[str, Any] = _copy(self._raw)
        return copied

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        for name in self._fields:
            value = getattr(self, name)
            if value is None or value == []:
                continue
            parts.append(f"{name}={'***' if name in SECRET_FIELDS else repr(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("***" if k in SECRET_FIELDS else _copy(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _opt_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _opt_bool(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    return value if isinstance(value, bool) else None


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidResponseError(None, None, f"malformed response: {where} is not an object")
    return value


def _sequence(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidResponseError(None, None, f"malformed response: {where} is not a list")
    return value


class RecordedFile(_Record):
    """One recorded file (M3U8, MP4 or, in web mode, a slice)."""

    _fields = ("file_name", "track_type", "uid", "mixed_all_user", "is_playable", "slice_start_time")
    _aliases: ClassVar[dict[str, str]] = {
        "fileName": "file_name",
        "filename": "file_name",
        "trackType": "track_type",
        "mixedAllUser": "mixed_all_user",
        "isPlayable": "is_playable",
        "sliceStartTime": "slice_start_time",
    }
    __slots__ = ("file_name", "is_playable", "mixed_all_user", "slice_start_time", "track_type", "uid")

    def __init__(self, raw: Any) -> None:
        if isinstance(raw, str):
            raw = {"fileName": raw}
        data = _mapping(raw, "fileList item")
        self._raw = dict(data)
        self.file_name = _opt_str(data, "fileName") or _opt_str(data, "filename") or ""
        self.track_type = _opt_str(data, "trackType")
        self.uid = _opt_str(data, "uid")
        self.mixed_all_user = _opt_bool(data, "mixedAllUser")
        self.is_playable = _opt_bool(data, "isPlayable")
        self.slice_start_time = _opt_int(data, "sliceStartTime")


class RtmpOutputStatus(_Record):
    """State of one CDN output of the RTMP publish service."""

    _fields = ("rtmp_url", "status")
    _aliases: ClassVar[dict[str, str]] = {"rtmpUrl": "rtmp_url"}
    __slots__ = ("rtmp_url", "status")

    def __init__(self, raw: Any) -> None:
        data = _mapping(raw, "outputs item")
        self._raw = dict(data)
        self.rtmp_url = _opt_str(data, "rtmpUrl")
        self.status = _opt_str(data, "status")


class ExtensionServiceStatus(_Record):
    """One entry of ``extensionServiceState`` (web mode): the service and its payload."""

    _fields = ("service_name", "state", "onhold", "uploading_status", "files", "outputs")
    _aliases: ClassVar[dict[str, str]] = {
        "serviceName": "service_name",
        "uploadingStatus": "uploading_status",
        "fileList": "files",
        "payload": "payload_dict",
    }
    __slots__ = ("files", "onhold", "outputs", "payload_dict", "service_name", "state", "uploading_status")

    def __init__(self, raw: Any) -> None:
        data = _mapping(raw, "extensionServiceState item")
        self._raw = dict(data)
        payload = data.get("payload")
        if payload is None:
            payload = data.get("playload")  # legacy spelling
        body = _mapping(payload, "extensionServiceState payload")
        self.payload_dict: dict[str, Any] = dict(body)
        self.service_name = _opt_str(data, "serviceName")
        self.state = _opt_str(body, "state")
        self.onhold = _opt_bool(body, "onhold")
        self.uploading_status = _opt_str(body, "uploadingStatus")
        self.files = [RecordedFile(f) for f in _sequence(body.get("fileList"), "payload.fileList")]
        self.outputs = [RtmpOutputStatus(o) for o in _sequence(body.get("outputs"), "payload.outputs")]


def _files(server: Mapping[str, Any]) -> list[RecordedFile]:
    file_list = server.get("fileList")
    if file_list is None:
        return []
    if isinstance(file_list, str):  # fileListMode "string": one M3U8 name
        return [RecordedFile(file_list)] if file_list else []
    return [RecordedFile(f) for f in _sequence(file_list, "serverResponse.fileList")]


class _SessionResult(_Record):
    _fields: ClassVar[tuple[str, ...]] = ("resource_id", "sid", "cname", "uid")
    _aliases: ClassVar[dict[str, str]] = {"resourceId": "resource_id"}
    __slots__ = ("cname", "resource_id", "sid", "uid")

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self.resource_id: str = raw["resourceId"]
        self.sid: str = raw["sid"]
        self.cname = _opt_str(raw, "cname")
        self.uid = _opt_str(raw, "uid")


class AcquireResult(_Record):
    """``acquire``: the resource ID to pass to ``start`` (valid for 5 minutes)."""

    _fields = ("resource_id", "cname", "uid")
    _aliases: ClassVar[dict[str, str]] = {"resourceId": "resource_id"}
    __slots__ = ("cname", "resource_id", "uid")

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self.resource_id: str = raw["resourceId"]
        self.cname = _opt_str(raw, "cname")
        self.uid = _opt_str(raw, "uid")


class StartResult(_SessionResult):
    """``start``: the recording ID (``sid``). A 200 means accepted; confirm with ``query``."""

    __slots__ = ()


class RecordingSession(StartResult):
    """What ``client.recording(...)`` yields: the started session (``resource_id``, ``sid``, ``cname``,
    ``uid``) and, once the ``with`` block has stopped it, ``stop_result`` (``None`` until then, or when
    ``stop`` failed)."""

    __slots__ = ("stop_result",)

    def __init__(self, started: StartResult, cname: str, uid: str) -> None:
        super().__init__(started._raw)
        self.cname = self.cname or cname
        self.uid = self.uid or uid
        self.stop_result: StopResult | None = None


class UpdateResult(_SessionResult):
    """``update`` accepted."""

    __slots__ = ()


class UpdateLayoutResult(_SessionResult):
    """``updateLayout`` accepted."""

    __slots__ = ()


class QueryResult(_SessionResult):
    """``query``: status, files (always a list), web service states."""

    _fields = (
        "resource_id",
        "sid",
        "cname",
        "uid",
        "status",
        "file_list_mode",
        "files",
        "slice_start_time",
        "extension_service_states",
        "sub_service_status",
    )
    _aliases: ClassVar[dict[str, str]] = {
        "resourceId": "resource_id",
        "serverResponse": "server_response",
        "fileListMode": "file_list_mode",
        "fileList": "files",
        "sliceStartTime": "slice_start_time",
        "extensionServiceState": "extension_service_states",
        "subServiceStatus": "sub_service_status",
    }
    __slots__ = (
        "extension_service_states",
        "file_list_mode",
        "files",
        "server_response",
        "slice_start_time",
        "status",
        "sub_service_status",
    )

    def __init__(self, raw: Mapping[str, Any]) -> None:
        super().__init__(raw)
        server = _mapping(raw.get("serverResponse"), "serverResponse")
        self.server_response: dict[str, Any] = dict(server)
        self.status = _opt_int(server, "status")
        self.file_list_mode = _opt_str(server, "fileListMode")
        self.files = _files(server)
        self.slice_start_time = _opt_int(server, "sliceStartTime")
        self.extension_service_states = [
            ExtensionServiceStatus(s)
            for s in _sequence(server.get("extensionServiceState"), "extensionServiceState")
        ]
        for service in self.extension_service_states:
            self.files.extend(service.files)
        sub = _mapping(server.get("subServiceStatus"), "subServiceStatus")
        self.sub_service_status = _opt_str(sub, "recordingService")

    @property
    def status_name(self) -> str | None:
        """``status`` as a word (``"in_progress"``, ``"exited"``, ...)."""
        return None if self.status is None else STATUS_NAMES.get(self.status, "unknown")

    @property
    def is_recording(self) -> bool:
        """True when all components are ready or recording is in progress (status 4 or 5)."""
        return self.status in (4, 5)


class StopResult(_SessionResult):
    """``stop``: upload status and files (web: per-service states)."""

    _fields = (
        "resource_id",
        "sid",
        "cname",
        "uid",
        "uploading_status",
        "file_list_mode",
        "files",
        "extension_service_states",
    )
    _aliases: ClassVar[dict[str, str]] = {
        "resourceId": "resource_id",
        "serverResponse": "server_response",
        "fileListMode": "file_list_mode",
        "fileList": "files",
        "uploadingStatus": "uploading_status",
        "extensionServiceState": "extension_service_states",
    }
    __slots__ = ("extension_service_states", "file_list_mode", "files", "server_response", "uploading_status")

    def __init__(self, raw: Mapping[str, Any]) -> None:
        super().__init__(raw)
        server = _mapping(raw.get("serverResponse"), "serverResponse")
        self.server_response: dict[str, Any] = dict(server)
        self.file_list_mode = _opt_str(server, "fileListMode")
        self.files = _files(server)
        self.extension_service_states = [
            ExtensionServiceStatus(s)
            for s in _sequence(server.get("extensionServiceState"), "extensionServiceState")
        ]
        uploading = _opt_str(server, "uploadingStatus")
        for service in self.extension_service_states:
            self.files.extend(service.files)
            if uploading is None and service.uploading_status is not None:
                uploading = service.uploading_status
        self.uploading_status = uploading
