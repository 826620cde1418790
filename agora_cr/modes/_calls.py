"""The call builders behind every mode method: named parameters in Agora's SDK order, every other
``clientRequest`` field of the mode as a keyword (``**blocks``), checked against the spec.

Each builder takes the client first and returns the :class:`~agora_cr._requests.Call`; ``op`` turns it
into the sync and the async method. The named parameters keep the positional order of Agora's official
Python SDK (``start(resource_id, cname, uid, token, storage_config, ...)``), so code written for it runs
unchanged; which other keywords a mode accepts comes from the generated ``clientRequest`` model of that
mode, so a block added to the spec is accepted after ``./codegen.sh`` with no edit here.

What is not given is not sent: the service applies its documented defaults. ``extra_body`` sends what
the keywords cannot express (a key the spec does not know, as some of Agora's own SDKs send); it is
checked like the rest, and a key the spec does not know is a lint, not an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeAlias

from .._client import BaseClient
from .._operations import SCENES, operation
from .._requests import Call, wire_blocks
from .._wire import to_wire
from ..results import (
    AcquireResult,
    NcsIpResult,
    QueryResult,
    StartResult,
    StopResult,
    UpdateLayoutResult,
    UpdateResult,
)


class SupportsToDict(Protocol):
    """Anything with ``to_dict()`` in wire form: ``api_start``/``api_update`` blocks, generated models."""

    def to_dict(self) -> dict[str, Any]: ...


#: A request block: an ``api_start``/``api_update`` block, a generated attrs model or a wire-form dict.
Block: TypeAlias = "SupportsToDict | Mapping[str, Any]"
#: More of the request body, sent as given: ``{"clientRequest": {...}, "someTopLevelKey": ...}``.
ExtraBody: TypeAlias = "Mapping[str, Any] | None"


def _request(
    client: BaseClient, operation_id: str, method: str, blocks: dict[str, Any], **ids: Any
) -> Call[Any]:
    """Build ``operation_id``'s call from a method's blocks (by Python name) and identifiers."""
    client_request = wire_blocks(operation(operation_id), client._mode, method, blocks)
    return client._requests.call(operation_id, client_request=client_request, **ids)


# ---------------------------------------------------------------------------------------- acquire
def _acquire(
    client: BaseClient, cname: Any, uid: Any, blocks: dict[str, Any], scene: int | None, extra_body: ExtraBody
) -> Call[Any]:
    mode = client._mode
    client_request = wire_blocks(operation("acquire"), mode, "acquire", blocks)
    client_request.setdefault("scene", SCENES[mode] if scene is None else scene)
    start_parameter = client_request.get("startParameter")
    if isinstance(start_parameter, dict):
        client_request["startParameter"] = client._start_defaults(start_parameter)
    return client._requests.call(
        "acquire", cname=cname, uid=uid, client_request=client_request, extra_body=extra_body
    )


def _acquire_named(
    resource_expired_hour: int | None, exclude_resource_ids: Sequence[str] | None, region_affinity: int | None
) -> dict[str, Any]:
    """The acquire options Agora's SDK takes positionally, by their keyword names."""
    if isinstance(exclude_resource_ids, tuple):
        exclude_resource_ids = list(exclude_resource_ids)
    return {
        "resource_expired_hour": resource_expired_hour,
        "exclude_resource_ids": exclude_resource_ids,
        "region_affinity": region_affinity,
    }


def acquire(
    client: BaseClient,
    /,
    cname: str,
    uid: str | int,
    resource_expired_hour: int | None = None,
    exclude_resource_ids: Sequence[str] | None = None,
    region_affinity: int | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[AcquireResult]:
    """Get a resource ID for one recording session (valid 5 minutes; call ``start`` within 2 s).

    Keywords: ``region`` (``"CN"``, ``"AP"``, ``"EU"``, ``"NA"``), ``start_parameter`` (the later
    ``start`` blocks, declared in advance) and any other ``clientRequest`` field of the spec.
    """
    named = _acquire_named(resource_expired_hour, exclude_resource_ids, region_affinity)
    return _acquire(client, cname, uid, {**named, **blocks}, None, extra_body)


def acquire_individual(
    client: BaseClient,
    /,
    cname: str,
    uid: str | int,
    enable_postpone_transcoding_mix: bool = False,
    resource_expired_hour: int | None = None,
    exclude_resource_ids: Sequence[str] | None = None,
    region_affinity: int | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[AcquireResult]:
    """Get a resource ID for one recording session (valid 5 minutes; call ``start`` within 2 s).

    ``enable_postpone_transcoding_mix=True`` asks for the legacy postponed transcoding (``scene`` 2).
    Keywords: ``scene``, ``region`` (``"CN"``, ``"AP"``, ``"EU"``, ``"NA"``), ``start_parameter`` and any
    other ``clientRequest`` field of the spec.
    """
    named = _acquire_named(resource_expired_hour, exclude_resource_ids, region_affinity)
    scene = 2 if enable_postpone_transcoding_mix else None
    return _acquire(client, cname, uid, {**named, **blocks}, scene, extra_body)


# ------------------------------------------------------------------------------------------ start
def _start(
    client: BaseClient, resource_id: Any, cname: Any, uid: Any, blocks: dict[str, Any], extra_body: ExtraBody
) -> Call[Any]:
    client_request = wire_blocks(operation("start"), client._mode, "start", blocks)
    return client._requests.call(
        "start",
        resource_id=resource_id,
        cname=cname,
        uid=uid,
        client_request=client._start_defaults(client_request),
        extra_body=extra_body,
    )


def start(
    client: BaseClient,
    /,
    resource_id: str,
    cname: str,
    uid: str | int,
    token: str | None = None,
    storage_config: Block | None = None,
    recording_config: Block | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[StartResult]:
    """Start recording with an acquired resource ID; a 200 means accepted (confirm with ``query``).

    ``storage_config`` is required; what is omitted takes the service's documented defaults (without
    ``recording_config``: every user, audio and video; without ``recording_file_config``: HLS). Other
    blocks (``recording_file_config``, ``snapshot_config``, ...) are keywords: exactly the
    ``clientRequest`` fields the spec gives this mode.
    """
    named = {"token": token, "storage_config": storage_config, "recording_config": recording_config}
    return _start(client, resource_id, cname, uid, {**named, **blocks}, extra_body)


def start_web(
    client: BaseClient,
    /,
    resource_id: str,
    cname: str,
    uid: str | int,
    storage_config: Block | None = None,
    extension_service_config: Block | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[StartResult]:
    """Start recording the page that ``extension_service_config``'s ``web_recorder_service`` describes.

    ``serviceName`` may be omitted in each service: it is inferred from ``serviceParam`` (``url``: the
    web recorder, ``outputs``: the RTMP publisher). Other blocks (``recording_file_config``, ...) are
    keywords: exactly the ``clientRequest`` fields the spec gives web mode.
    """
    named = {"storage_config": storage_config, "extension_service_config": extension_service_config}
    return _start(client, resource_id, cname, uid, {**named, **blocks}, extra_body)


# ------------------------------------------------------------------------------------------ query
def query(client: BaseClient, /, resource_id: str, sid: str) -> Call[QueryResult]:
    """The session's status and files so far (only while it is live; 404 after it ended)."""
    return client._requests.call("query", resource_id=resource_id, sid=sid)


# ----------------------------------------------------------------------------------------- update
def update(
    client: BaseClient,
    /,
    resource_id: str,
    sid: str,
    cname: str,
    uid: str | int,
    stream_subscribe: Block | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[UpdateResult]:
    """Change the subscription lists (``stream_subscribe``) or refresh ``storage_config`` credentials.

    Each call overrides what it sets; wait for each answer before the next update.
    """
    blocks = {"stream_subscribe": stream_subscribe, **blocks}
    ids = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid, "extra_body": extra_body}
    return _request(client, "update", "update", blocks, **ids)


def update_web(
    client: BaseClient,
    /,
    resource_id: str,
    sid: str,
    cname: str,
    uid: str | int,
    web_recording_config: Block | None = None,
    rtmp_publish_config: Block | None = None,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[UpdateResult]:
    """Pause or resume (``web_recording_config``), change the CDN address (``rtmp_publish_config``) or
    refresh ``storage_config`` credentials. Each call overrides what it sets."""
    blocks = {
        "web_recording_config": web_recording_config,
        "rtmp_publish_config": rtmp_publish_config,
        **blocks,
    }
    ids = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid, "extra_body": extra_body}
    return _request(client, "update", "update", blocks, **ids)


def update_layout(
    client: BaseClient,
    /,
    resource_id: str,
    sid: str,
    cname: str,
    uid: str | int,
    max_resolution_uid: str | int | None = None,
    mixed_video_layout: int | None = None,
    background_color: str | None = None,
    background_image: str | None = None,
    default_user_background_image: str | None = None,
    layout_config: Sequence[Block] | None = None,
    background_config: Sequence[Block] | None = None,
    *,
    layout: Block | None = None,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[UpdateLayoutResult]:
    """Replace the whole composite layout: anything omitted reverts to its default.

    ``layout`` passes the whole ``clientRequest`` as one block (``api_update.UpdateLayout``); the named
    arguments and keywords are merged over it.
    """
    if isinstance(max_resolution_uid, int) and not isinstance(max_resolution_uid, bool):
        max_resolution_uid = str(max_resolution_uid)
    named = {
        "max_resolution_uid": max_resolution_uid,
        "mixed_video_layout": mixed_video_layout,
        "background_color": background_color,
        "background_image": background_image,
        "default_user_background_image": default_user_background_image,
        "layout_config": layout_config,
        "background_config": background_config,
    }
    client_request: dict[str, Any] = dict(to_wire(layout)) if layout is not None else {}
    client_request.update(
        wire_blocks(operation("updateLayout"), client._mode, "update_layout", {**named, **blocks})
    )
    return client._requests.call(
        "updateLayout",
        resource_id=resource_id,
        sid=sid,
        cname=cname,
        uid=uid,
        client_request=client_request,
        extra_body=extra_body,
    )


# ------------------------------------------------------------------------------------------- stop
def stop(
    client: BaseClient,
    /,
    resource_id: str,
    sid: str,
    cname: str,
    uid: str | int,
    async_stop: bool = False,
    *,
    extra_body: ExtraBody = None,
    **blocks: Any,
) -> Call[StopResult]:
    """Stop recording and leave the channel; the answer lists the files and the upload status.

    ``async_stop=True`` answers at once instead of after the upload (up to ~20 s).
    """
    ids = {"resource_id": resource_id, "sid": sid, "cname": cname, "uid": uid, "extra_body": extra_body}
    return _request(client, "stop", "stop", {"async_stop": async_stop, **blocks}, **ids)


# ---------------------------------------------------------------------------------------- ncs ip
def get_ncs_ip(client: BaseClient, /) -> Call[NcsIpResult]:
    """The IP addresses of Agora's notification (NCS) servers, to allow in a firewall (re-query daily)."""
    return client._requests.call("getNcsIp")
