"""Typed notifications: views over the models ``agora_cr_generated`` made from the spec's
``NotificationEvent`` and the details schema of each event type (``x-agora-events`` in the spec).

:func:`parse` never refuses a notification the service may send: an unknown event type, unknown
fields, or details of an unexpected shape still parse (the details then read through the generic
``NotificationDetails`` model); only a body that is not a JSON object is refused.
"""

from __future__ import annotations

import functools
import json
from typing import Any, NamedTuple

import orjson

import agora_cr_generated.models as generated

from ..exceptions import WebhookPayloadError
from ..results import Record
from ..spec import load_spec


class EventKind(NamedTuple):
    """What the spec says of one event type."""

    #: The ``eventType`` number (``31``).
    event_type: int
    #: Its name in the spec (``"uploaded"``).
    name: str
    #: The generated model of its ``details``.
    model: type[Any]


@functools.cache
def event_kinds() -> dict[int, EventKind]:
    """Every event type the spec describes, by number (read from its details schemas)."""
    kinds: dict[int, EventKind] = {}
    for schema_name, schema in load_spec()["components"]["schemas"].items():
        for event_type, name in (schema.get("x-agora-events") or {}).items():
            kinds[int(event_type)] = EventKind(int(event_type), str(name), getattr(generated, schema_name))
    return dict(sorted(kinds.items()))


def event_types() -> dict[str, int]:
    """Event type numbers by name (``event_types()["uploaded"] == 31``)."""
    return {kind.name: number for number, kind in event_kinds().items()}


class EventDetails(Record):
    """The ``details`` of one event, read through its event type's generated model (``.model``)."""

    __slots__ = ()


class Event(Record):
    """One notification: the envelope (``notice_id``, ``event_type``, ``notify_ms``, ``product_id``)
    and the payload's fields (``cname``, ``uid``, ``sid``, ``sequence``, ``sendts``, ``service_type``)
    as attributes, and :attr:`details` typed by the event type. ``.model`` is the generated
    ``NotificationEvent``; camelCase names (``event.noticeId``) work too."""

    _through = ("payload",)
    _shown = ("notice_id", "event_type", "name", "cname", "uid", "sid", "sequence")
    __slots__ = ("details",)

    def __init__(self, model: Any, details: EventDetails) -> None:
        super().__init__(model)
        #: The event's details, parsed by the details model of its type.
        self.details = details

    @property
    def name(self) -> str | None:
        """The event's name (``uploaded``), from the spec for known types, else ``details.msgName``."""
        kind = event_kinds().get(self.event_type) if isinstance(self.event_type, int) else None
        if kind is not None:
            return kind.name
        value = self.details.msg_name
        return value if isinstance(value, str) else None

    @property
    def known(self) -> bool:
        """Whether the spec describes this event type."""
        return isinstance(self.event_type, int) and self.event_type in event_kinds()


def _details(event_type: Any, raw: Any) -> EventDetails:
    kind = event_kinds().get(event_type) if type(event_type) is int else None
    fields = raw if isinstance(raw, dict) else {}
    model = generated.NotificationDetails if kind is None else kind.model
    return EventDetails(_lenient(model, fields))


def _lenient(model: type[Any], fields: dict[str, Any]) -> Any:
    """``model.from_dict(fields)``; a field whose value does not fit the model (``fileList: null``,
    a string where a list is documented) is kept in ``additional_properties`` instead, so the others
    stay typed and nothing is lost."""
    try:
        return model.from_dict(fields)
    except Exception:  # (generated code raises what it meets: TypeError, AttributeError, ...)
        pass
    fitting, odd = {}, {}
    for key, value in fields.items():
        try:
            model.from_dict({key: value})
        except Exception:
            odd[key] = value
        else:
            fitting[key] = value
    parsed = model.from_dict(fitting)
    parsed.additional_properties.update(odd)
    return parsed


#: Deepest nesting a notification may have (NCS bodies have 4 levels; deeper is not a notification and
#: would exhaust the stack of anything that walks it).
MAX_DEPTH = 64


def _too_deep(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def _loads(text: bytes | str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass  # orjson refuses lone surrogate escapes ("\ud83d") that JSON itself allows
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise WebhookPayloadError(f"the notification body is not JSON ({type(exc).__name__})") from None


def parse(body: bytes | str | dict[str, Any]) -> Event:
    """The typed :class:`Event` of a notification body (raw bytes, text, or an already parsed dict).

    Does not check the signature: use :func:`~agora_cr.webhooks.construct_event` on what the network
    gave you. Raises :class:`~agora_cr.WebhookPayloadError` for a body that is not a JSON object.
    """
    if isinstance(body, dict):
        data: Any = body
    else:
        text = bytes(body) if isinstance(body, (bytes, bytearray, memoryview)) else body
        if not isinstance(text, (bytes, str)):
            kind = type(body).__name__
            raise WebhookPayloadError(f"a notification body is bytes, text or a dict, not {kind}")
        data = _loads(text)
    if not isinstance(data, dict):
        raise WebhookPayloadError(f"the notification body is a JSON {type(data).__name__}, not an object")
    if _too_deep(data):
        raise WebhookPayloadError(f"the notification body is nested deeper than {MAX_DEPTH} levels")
    event_type = data.get("eventType")
    if isinstance(event_type, str) and event_type.isascii() and event_type.isdigit():
        data = {**data, "eventType": int(event_type)}  # ("31" read as 31)
    payload = data.get("payload")
    envelope = {key: value for key, value in data.items() if key != "payload"}
    # (an empty payload when there is none or it is not an object: its fields then read as None)
    inner_fields = payload.items() if isinstance(payload, dict) else ()
    envelope["payload"] = {key: value for key, value in inner_fields if key != "details"}
    # (a field of the wrong type, e.g. a numeric noticeId, is kept aside, never refused)
    model = _lenient(generated.NotificationEvent, {k: v for k, v in envelope.items() if k != "payload"})
    model.payload = _lenient(generated.NotificationPayload, envelope["payload"])
    raw_details = payload.get("details") if isinstance(payload, dict) else None
    inner = model.payload
    has_details = isinstance(payload, dict) and "details" in payload
    if isinstance(inner, generated.NotificationPayload) and has_details:
        inner.additional_properties["details"] = raw_details  # (kept: to_dict() is the whole body)
    return Event(model, _details(data.get("eventType"), raw_details))


def dumps(event: dict[str, Any]) -> bytes:
    """A notification body as NCS writes it (compact JSON, UTF-8)."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode()
