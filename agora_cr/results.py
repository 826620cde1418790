"""Typed results: views over the generated response models.

Each result holds the model that ``agora_cr_generated`` parsed from the response body (``result.model``)
and reads its attributes through it: snake_case names as the generator made them (``resource_id``), the
wire's camelCase names as aliases (``response.resourceId``, as in Agora's official SDK), and, for
``query`` and ``stop``, the fields of ``serverResponse`` directly on the result. A field added to a
response schema is therefore an attribute of the result after ``./codegen.sh``, with no edit here.

Values read through a view are plain and tolerant: an absent field is ``None`` (never the generator's
``UNSET``), a scalar of the wrong JSON type is ``None`` (an integer also accepts a string of ASCII digits,
a string also accepts a number), nested objects are views themselves and lists of objects are lists of
views. What the service may vary is normalised by hand-written conveniences: ``files`` is always a list
of :class:`RecordedFile` whatever ``fileListMode`` says, ``status_name`` names the status. ``to_dict()``
returns the body as received (secrets masked); ``result["key"]`` reads one raw field. Reprs never show
secrets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

import attrs

from agora_cr_generated.models import FileInfo
from agora_cr_generated.types import Unset

from ._secrets import MASK, is_secret, mask

__all__ = [
    "AcquireResult",
    "ExtensionServiceStatus",
    "NcsIpResult",
    "QueryResult",
    "Record",
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

T = TypeVar("T")

_MAX_INT_DIGITS = 20  # longer digit strings are not numbers of this API (and int() may refuse them)
_NAMED_TYPE = re.compile(r"^[A-Z]\w*$")


# ----------------------------------------------------------------------------------- plain values
def plain_str(value: Any) -> str | None:
    """A string, or a number written as one; anything else is ``None``."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def plain_int(value: Any) -> int | None:
    """An integer, or a string of ASCII digits; anything else is ``None``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= _MAX_INT_DIGITS:
        return int(value)
    return None


def plain_bool(value: Any) -> bool | None:
    """A boolean; anything else is ``None``."""
    return value if isinstance(value, bool) else None


def plain_number(value: Any) -> int | float | None:
    """A number; anything else is ``None``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _as_view(value: Any) -> Any:
    if isinstance(value, Unset) or value is None:
        return None
    if isinstance(value, list):
        return [_as_view(item) for item in value]
    if attrs.has(type(value)):
        return Record(value)
    if isinstance(value, dict):
        return value
    return value


_SCALARS: dict[frozenset[str], Callable[[Any], Any]] = {
    frozenset({"str"}): plain_str,
    frozenset({"int"}): plain_int,
    frozenset({"bool"}): plain_bool,
    frozenset({"float"}): plain_number,
}


@functools.cache
def _reader(model: Any, name: str) -> Callable[[Any], Any]:
    """How to present the generated attribute ``name``: a plain scalar, or views of nested models."""
    annotation = str(attrs.fields_dict(model)[name].type)
    parts = frozenset(part.strip() for part in annotation.split("|")) - {"Unset", "None"}
    scalar = _SCALARS.get(parts)
    if scalar is not None:
        return lambda value: None if isinstance(value, Unset) else scalar(value)
    if len(parts) == 1 and _NAMED_TYPE.match(next(iter(parts))):  # one nested model
        return lambda value: Record(value) if attrs.has(type(value)) else None
    return _as_view


@functools.cache
def _aliases(model: Any) -> dict[str, str]:
    """Every name a view of ``model`` answers to (snake_case and wire camelCase) -> attribute."""
    table = {}
    for python, wire in model.__wire_names__.items():
        table[python] = python
        table.setdefault(wire, python)
    return table


def _read(model: Any, name: str) -> Any:
    """``model``'s field called ``name`` (either spelling), presented plainly; ``AttributeError`` if none."""
    cls: Any = type(model)
    python = _aliases(cls).get(name)
    if python is None:
        raise AttributeError(name)
    return _reader(cls, python)(getattr(model, python))


# ------------------------------------------------------------------------------------------ views
class Record:
    """A read-only view of one generated model (any nested object of a response)."""

    #: Generated attributes whose own fields read through this view too (``serverResponse``).
    _through: ClassVar[tuple[str, ...]] = ()
    #: Names shown by ``repr`` (besides the model's own fields).
    _shown: ClassVar[tuple[str, ...]] = ()
    __slots__ = ("model",)

    def __init__(self, model: Any) -> None:
        #: The model ``agora_cr_generated`` parsed (its attributes as the generator typed them).
        self.model = model

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        model = self.model
        try:
            return _read(model, name)
        except AttributeError:
            pass
        for inner_name in self._through:
            inner = getattr(model, inner_name, None)
            if inner is not None and not isinstance(inner, Unset):
                try:
                    return _read(inner, name)
                except AttributeError:
                    continue
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def __getitem__(self, key: str) -> Any:
        """The raw value of one field by its JSON key (``result["serverResponse"]``)."""
        return self.to_dict()[key]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object this view was read from, with secret values masked."""
        data: dict[str, Any] = mask(self.model.to_dict())
        return data

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.model == other.model)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        skip = {*self._shown, *self._through}
        names = [*self._shown, *(n for n in type(self.model).__wire_names__ if n not in skip)]
        for name in names:
            value = getattr(self, name)
            if value is None or value == []:
                continue
            parts.append(f"{name}={MASK!r}" if is_secret(name) else f"{name}={mask(value)!r}")
        extra = getattr(self.model, "additional_properties", None)
        if extra:
            parts.append(f"additional_properties={mask(extra)!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


class RecordedFile(Record):
    """One recorded file (an M3U8 or MP4 of ``query``/``stop``, or a web recorder slice)."""

    __slots__ = ()

    def __init__(self, model: Any) -> None:
        super().__init__(FileInfo(file_name=model) if isinstance(model, str) else model)

    @property
    def file_name(self) -> str:
        """The file's name (``fileName``; web mode spells it ``filename``); ``""`` if absent."""
        for name in ("file_name", "filename"):
            try:
                value = _read(self.model, name)
            except AttributeError:
                continue
            if value:
                return str(value)
        return ""

    fileName = file_name

    @property
    def track_type(self) -> str | None:
        """``audio``, ``video`` or ``audio_and_video`` (``None`` for web slices)."""
        return self._field("track_type", plain_str)

    @property
    def uid(self) -> str | None:
        """UID of the recorded user (``"0"`` in mix mode)."""
        return self._field("uid", plain_str)

    @property
    def mixed_all_user(self) -> bool | None:
        """True when every user is mixed into this file."""
        return self._field("mixed_all_user", plain_bool)

    @property
    def is_playable(self) -> bool | None:
        """True when the file can be played online."""
        return self._field("is_playable", plain_bool)

    @property
    def slice_start_time(self) -> int | None:
        """Start of the file as a Unix timestamp in milliseconds."""
        return self._field("slice_start_time", plain_int)

    def _field(self, name: str, read: Callable[[Any], T | None]) -> T | None:
        value = getattr(self.model, name, None)
        return None if value is None or isinstance(value, Unset) else read(value)

    def __repr__(self) -> str:
        shown = ("file_name", "track_type", "uid", "mixed_all_user", "is_playable", "slice_start_time")
        parts = [f"{name}={getattr(self, name)!r}" for name in shown if getattr(self, name) is not None]
        return f"RecordedFile({', '.join(parts)})"


class RtmpOutputStatus(Record):
    """State of one CDN output of the RTMP publish service (``rtmp_url``, ``status``)."""

    __slots__ = ()


class ExtensionServiceStatus(Record):
    """One entry of ``extensionServiceState`` (web mode): the service and the state in its payload."""

    _through = ("payload", "playload")
    _shown = ("service_name", "state", "onhold", "uploading_status", "files", "outputs")
    __slots__ = ()

    @property
    def _payload(self) -> Any:
        for name in ("payload", "playload"):  # the legacy spelling is read too
            value = getattr(self.model, name, None)
            if value is not None and not isinstance(value, Unset):
                return value
        return None

    @property
    def payload_dict(self) -> dict[str, Any]:
        """The service's payload as received (``state``, ``onhold``, ``fileList``, ``outputs``, ...)."""
        payload = self._payload
        return {} if payload is None else mask(payload.to_dict())

    payload = payload_dict

    @property
    def files(self) -> list[RecordedFile]:
        """The web recorder's files."""
        payload = self._payload
        value = None if payload is None else payload.file_list
        return [RecordedFile(item) for item in value] if isinstance(value, list) else []

    fileList = files

    @property
    def outputs(self) -> list[RtmpOutputStatus]:
        """The RTMP publisher's outputs."""
        payload = self._payload
        value = None if payload is None else payload.outputs
        return [RtmpOutputStatus(item) for item in value] if isinstance(value, list) else []


class _Result(Record):
    """A whole response body, with the request id the service answered it under."""

    __slots__ = ("_headers",)

    def __init__(self, model: Any, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(model)
        self._headers = headers

    @property
    def request_id(self) -> str | None:
        """The service's id of this request (``X-Request-ID``), ``None`` if it sent none."""
        from ._responses import request_id

        return None if self._headers is None else request_id(self._headers)

    def __repr__(self) -> str:
        shown = super().__repr__()
        rid = self.request_id
        if rid is None:
            return shown
        return f"{shown[:-1]}{'' if shown.endswith('(') else ', '}request_id={rid!r})"


class AcquireResult(_Result):
    """``acquire``: the resource ID to pass to ``start`` (valid for 5 minutes)."""

    _shown = ("resource_id", "cname", "uid")
    __slots__ = ()


class StartResult(_Result):
    """``start``: the recording ID (``sid``). A 200 means accepted; confirm with ``query``."""

    _shown = ("resource_id", "sid", "cname", "uid")
    __slots__ = ()


class RecordingSession(StartResult):
    """What ``client.recording(...)`` yields: the started session (``resource_id``, ``sid``, ``cname``,
    ``uid``) and, once the ``with`` block has stopped it, ``stop_result`` (``None`` until then, or when
    ``stop`` failed)."""

    __slots__ = ("_cname", "_uid", "stop_result")

    def __init__(self, started: StartResult, cname: str, uid: str) -> None:
        super().__init__(started.model, started._headers)
        self._cname = cname
        self._uid = uid
        #: The :class:`StopResult` once the block has stopped the session.
        self.stop_result: StopResult | None = None

    @property
    def cname(self) -> str:
        """The channel name (as answered, else as given)."""
        return plain_str(getattr(self.model, "cname", None)) or self._cname

    @property
    def uid(self) -> str:
        """The recorder's UID (as answered, else as given)."""
        return plain_str(getattr(self.model, "uid", None)) or self._uid


class UpdateResult(_Result):
    """``update`` accepted."""

    _shown = ("resource_id", "sid", "cname", "uid")
    __slots__ = ()


class UpdateLayoutResult(_Result):
    """``updateLayout`` accepted."""

    _shown = ("resource_id", "sid", "cname", "uid")
    __slots__ = ()


def _files(server: Any) -> list[RecordedFile]:
    """``serverResponse.fileList`` as a list whatever ``fileListMode`` says (a string is one name)."""
    if server is None:
        return []
    value = server.file_list
    if isinstance(value, str):
        return [RecordedFile(value)] if value else []
    if isinstance(value, list):
        return [RecordedFile(item) for item in value]
    return []


def _services(server: Any) -> list[ExtensionServiceStatus]:
    value = None if server is None else server.extension_service_state
    return [ExtensionServiceStatus(item) for item in value] if isinstance(value, list) else []


def _server(model: Any) -> Any:
    server = model.server_response
    return None if isinstance(server, Unset) else server


class _SessionState(_Result):
    """What ``query`` and ``stop`` answer alike: the files and the web services' states."""

    _through = ("server_response",)
    __slots__ = ()

    @property
    def extension_service_states(self) -> list[ExtensionServiceStatus]:
        """Web mode: the state of each extension service (``serverResponse.extensionServiceState``)."""
        return _services(_server(self.model))

    @property
    def files(self) -> list[RecordedFile]:
        """Every recorded file (the web recorder's included), whatever ``fileListMode`` says."""
        found = _files(_server(self.model))
        for service in self.extension_service_states:
            found.extend(service.files)
        return found

    fileList = files
    extensionServiceState = extension_service_states


class QueryResult(_SessionState):
    """``query``: the session's status, its files (always a list) and web service states.

    Every field of ``serverResponse`` reads directly on the result (``result.status``).
    """

    _shown = ("resource_id", "sid", "cname", "uid", "status", "file_list_mode", "files", "slice_start_time")
    __slots__ = ()

    @property
    def status(self) -> int | None:
        """``serverResponse.status``: ``5`` recording, ``4`` ready, ``8`` exited, ... (``status_name``)."""
        server = _server(self.model)
        return None if server is None else _read(server, "status")

    @property
    def status_name(self) -> str | None:
        """``status`` as a word (``"in_progress"``, ``"exited"``, ...; ``"unknown"`` for new values)."""
        status = self.status
        return None if status is None else STATUS_NAMES.get(status, "unknown")

    @property
    def is_recording(self) -> bool:
        """True when all components are ready or recording is in progress (status 4 or 5)."""
        return self.status in (4, 5)

    @property
    def sub_service_status(self) -> str | None:
        """Legacy ``subServiceStatus.recordingService`` (``serviceInProgress``, ...)."""
        server = _server(self.model)
        sub = None if server is None else server.sub_service_status
        if sub is None or isinstance(sub, Unset):
            return None
        return plain_str(sub.recording_service)


class StopResult(_SessionState):
    """``stop``: the upload status and the files (web mode: per-service states).

    Every field of ``serverResponse`` reads directly on the result (``result.uploading_status``).
    """

    _shown = ("resource_id", "sid", "cname", "uid", "uploading_status", "file_list_mode", "files")
    __slots__ = ()

    @property
    def uploading_status(self) -> str | None:
        """``uploaded``, ``backuped`` (some files went to Agora's backup) or ``unknown``; in web mode
        the first service's, when ``serverResponse`` has none."""
        server = _server(self.model)
        status = None if server is None else _read(server, "uploading_status")
        if status is None:
            for service in self.extension_service_states:
                status = service.uploading_status
                if status is not None:
                    break
        return status

    uploadingStatus = uploading_status


class NcsIpResult(_Result):
    """``getNcsIp``: the notification servers' addresses to allow in a firewall (``ips``)."""

    __slots__ = ()

    @property
    def ips(self) -> list[str]:
        """The ``primaryIP`` of every notification server."""
        data = self.model.data
        service = None if isinstance(data, Unset) else data.service
        hosts = None if service is None or isinstance(service, Unset) else service.hosts
        if not isinstance(hosts, list):
            return []
        found = [plain_str(getattr(host, "primary_ip", None)) for host in hosts]
        return [ip for ip in found if ip]
