"""Notifications (NCS webhooks): signatures, typed events, repeats and order, the receiver apps, the
emulator's deliveries (resends and faults) and the CLI.

Sources of the bodies and rules (AgoraIO/Docs-Source at 8c1f0c5):
- shared/notification-center-service/request-header-body.mdx: envelope, headers;
- shared/notification-center-service/event-types/cloud-recording.mdx: payload fields, every event's
  details, and the sample details of events 31 (individual, composite) and 71 (web);
- shared/common/_enable-ncs.mdx: the signature sample (secret "secret") and its published values;
- shared/notification-center-service/signature-verification-code/python.mdx: the body the current
  sample pages sign (without ``eventMs``), whose printed values do not reproduce (values below are ours);
- shared/notification-center-service/_notification_center_service.mdx: answer 200 with JSON within 10 s,
  resend at once then at growing intervals, at most three times; no order; duplicates.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
import wsgiref.simple_server
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from conftest import STORAGE, WEB_PARAM, client_kwargs

from agora_cr import (
    IndividualRecordingClient,
    MixRecordingClient,
    ValidationError,
    WebhookPayloadError,
    WebhookSignatureError,
    WebRecordingClient,
    webhooks,
)
from agora_cr.testing import Emulator

SECRET = "ncs-secret-7c1e5a"
TOKEN = "007eJxTYNhx"

# -------------------------------------------------------------------------- the docs' signature sample
#: _enable-ncs.mdx's body: the printed values reproduce from it (it still has ``eventMs``).
DOCS_BODY = (
    b'{"eventMs":1560408533119,"eventType":10,"noticeId":"4eb720f0-8da7-11e9-a43e-53f411c2761f",'
    b'"notifyMs":1560408533119,"payload":{"a":"1","b":2},"productId":1}'
)
DOCS_V1 = "033c62f40f687675f17f0f41f91a40c71c0f134c"
DOCS_V2 = "6d3320c60b11101395b7fc8f9068748808a0aa1bfa064438e39d1bc2c7d74d99"
#: python.mdx's body (no ``eventMs``, a hyphen lost): it prints the values above, which it cannot give.
PAGE_BODY = (
    b'{"eventType":10,"noticeId":"4eb720f0-8da7-11e9-a43e53f411c2761f","notifyMs":1560408533119,'
    b'"payload":{"a":"1","b":2},"productId":1}'
)
PAGE_V1 = "92ea60c5249b641f80de046d11e1cb2d15f1d1b2"
PAGE_V2 = "6ba85d7c1122f6c51143cce7765f06c601c0fbd691987f4510e45b943b2639e8"

# cloud-recording.mdx: the details samples of 31 (individual and composite with MP4) and 71 (web).
UPLOADED_INDIVIDUAL = {
    "msgName": "uploaded",
    "fileList": [
        {"fileName": "xxx.m3u8", "trackType": "audio", "uid": "57297", "mixedAllUser": False,
         "isPlayable": True, "sliceStartTime": 1619172871089},
        {"fileName": "xxx.m3u8", "trackType": "audio", "uid": "10230", "mixedAllUser": False,
         "isPlayable": True, "sliceStartTime": 1619172871099},
    ],
    "status": 0,
}  # fmt: skip
UPLOADED_COMPOSITE_MP4 = {
    "msgName": "uploaded",
    "fileList": [
        {"fileName": "xxx.mp4", "trackType": "audio_and_video", "uid": "0", "mixedAllUser": True,
         "isPlayable": True, "sliceStartTime": 1619172632080},
        {"fileName": "xxx.m3u8", "trackType": "audio_and_video", "uid": "0", "mixedAllUser": True,
         "isPlayable": True, "sliceStartTime": 1619172632080},
    ],
    "status": 0,
}  # fmt: skip
WEB_STOPPED = {
    "msgName": "web_recorder_stopped",
    "code": 1,
    "message": "max_recording_hour",
    "details": "max recording hour is 4",
    "fileList": [
        {"filename": "test_p1627613634_www.m3u8", "sliceStartTime": 1627613641393},
        {"filename": "test_p1627613634_www_0.mp4", "sliceStartTime": 1627613641393},
    ],
}


def _envelope(
    event_type: int, details: Any, *, sid: str = "s1", sequence: int = 0, notice: str = "n1"
) -> bytes:
    return webhooks.dumps(
        {
            "noticeId": notice,
            "productId": 3,
            "eventType": event_type,
            "notifyMs": 1619172871100,
            "payload": {
                "cname": "room",
                "uid": "527841",
                "sid": sid,
                "sequence": sequence,
                "sendts": 1619172871089,
                "serviceType": 2,
                "details": details,
            },
        }
    )


def _signed(body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {"Content-Type": "application/json", **webhooks.sign(body, secret)}


# ----------------------------------------------------------------------------------------- signatures
def test_the_docs_signature_sample_reproduces_from_its_original_body() -> None:
    assert webhooks.sign(DOCS_BODY, "secret") == {"Agora-Signature": DOCS_V1, "Agora-Signature-V2": DOCS_V2}
    webhooks.verify(DOCS_BODY, {"Agora-Signature-V2": DOCS_V2}, "secret")
    webhooks.verify(DOCS_BODY, {"Agora-Signature": DOCS_V1}, "secret")


def test_the_current_sample_pages_body_has_other_signatures_than_they_print() -> None:
    assert webhooks.sign(PAGE_BODY, "secret") == {"Agora-Signature": PAGE_V1, "Agora-Signature-V2": PAGE_V2}
    with pytest.raises(WebhookSignatureError):
        webhooks.verify(PAGE_BODY, {"Agora-Signature-V2": DOCS_V2}, "secret")


def test_v2_is_preferred_and_v1_accepted_alone() -> None:
    body = _envelope(40, {"msgName": "recorder_started", "status": 0})
    good = webhooks.sign(body, SECRET)
    webhooks.verify(
        body, {"agora-signature-v2": good["Agora-Signature-V2"], "agora-signature": "0" * 40}, SECRET
    )
    with pytest.raises(WebhookSignatureError, match="Agora-Signature-V2"):  # a wrong V2 is not saved by V1
        webhooks.verify(
            body, {"Agora-Signature-V2": "0" * 64, "Agora-Signature": good["Agora-Signature"]}, SECRET
        )
    webhooks.verify(body, [("AGORA-SIGNATURE", good["Agora-Signature"].upper())], SECRET)
    webhooks.verify(body, {"Agora-Signature-V2": good["Agora-Signature-V2"]}, ["old-secret", SECRET])


@pytest.mark.parametrize(
    "headers, body_change",
    [({}, None), ("signed", b'"status":1'), ("other-secret", None)],
    ids=["unsigned", "tampered", "wrong-secret"],
)
def test_unsigned_tampered_and_foreign_bodies_are_refused_without_leaking(
    headers: Any, body_change: Any
) -> None:
    body = _envelope(40, {"msgName": "recorder_started", "status": 0})
    signed = webhooks.sign(body, "another-secret" if headers == "other-secret" else SECRET)
    sent_headers = {} if headers == {} else signed
    if body_change is not None:
        body = body.replace(b'"status":0', body_change)
    with pytest.raises(WebhookSignatureError) as info:
        webhooks.construct_event(body, sent_headers, SECRET)
    text = str(info.value) + repr(info.value)
    locals_text = "".join(
        str(frame.locals)
        for frame in traceback.TracebackException.from_exception(info.value, capture_locals=True).stack
    )
    for secret_thing in (SECRET, *signed.values()):
        assert secret_thing not in text
        assert SECRET not in locals_text


def test_a_parsed_body_is_refused_for_verification() -> None:
    with pytest.raises(WebhookPayloadError, match="raw request body"):
        webhooks.verify(json.loads(_envelope(40, {})), {}, SECRET)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- parsing
def test_the_docs_uploaded_samples_parse_typed() -> None:
    event = webhooks.parse(_envelope(31, UPLOADED_INDIVIDUAL))
    assert (event.event_type, event.name, event.known) == (31, "uploaded", True)
    assert (event.cname, event.uid, event.sid, event.sequence, event.service_type) == (
        "room",
        "527841",
        "s1",
        0,
        2,
    )
    assert event.noticeId == event.notice_id == "n1"
    assert type(event.details.model).__name__ == "UploadedDetails"
    assert [(f.uid, f.track_type, f.mixed_all_user) for f in event.details.file_list] == [
        ("57297", "audio", False),
        ("10230", "audio", False),
    ]
    composite = webhooks.parse(_envelope(32, {**UPLOADED_COMPOSITE_MP4, "msgName": "backuped"}))
    assert composite.name == "backuped" and [f.file_name for f in composite.details.file_list] == [
        "xxx.mp4",
        "xxx.m3u8",
    ]
    assert event.to_dict() == json.loads(_envelope(31, UPLOADED_INDIVIDUAL))


def test_the_docs_web_stopped_sample_parses_with_its_lowercase_filename() -> None:
    event = webhooks.parse(_envelope(71, WEB_STOPPED))
    assert (event.details.code, event.details.message) == (1, "max_recording_hour")
    assert [f.filename for f in event.details.file_list] == [
        "test_p1627613634_www.m3u8",
        "test_p1627613634_www_0.mp4",
    ]


def test_every_documented_event_type_has_typed_details() -> None:
    documented = {1, 2, 3, 4, 11, 12, 30, 31, 32, 33, 40, 41, 42, 43, 44, 45, 60, 61, 70, 71, 72, 73, 80, 81, 90,
                  100, 1001}  # fmt: skip
    assert set(webhooks.event_kinds()) == documented
    assert webhooks.event_types()["session_failover"] == 12
    failover = webhooks.parse(_envelope(12, {"msgName": "session_failover", "newUid": 4012345}))
    assert failover.details.new_uid == 4012345
    leave = webhooks.parse(_envelope(41, {"msgName": "recorder_leave", "leaveCode": 6}))
    assert leave.details.leave_code & 4  # LEAVE_CODE_NO_USERS
    stream = webhooks.parse(_envelope(43, {"msgName": "recorder_audio_stream_state_changed", "streamUid": "0",
                                           "state": 1, "UtcMs": 1619172871089}))  # fmt: skip
    assert stream.details.utc_ms == 1619172871089 and stream.details.UtcMs == 1619172871089


def test_unknown_types_unknown_fields_and_odd_shapes_parse() -> None:
    unknown = webhooks.parse(_envelope(777, {"msgName": "something_new", "level": 3}))
    assert (unknown.known, unknown.name, unknown.details["level"]) == (False, "something_new", 3)
    extra = webhooks.parse(_envelope(40, {"msgName": "recorder_started", "status": 0, "newField": [1]}))
    assert extra.details.status == 0 and extra.details["newField"] == [1]
    odd = webhooks.parse(
        _envelope(31, {"msgName": "uploaded", "fileList": "a.m3u8"})
    )  # not the documented list
    assert odd.details["fileList"] == "a.m3u8"
    bare = webhooks.parse(b'{"eventType": 40}')
    assert bare.sid is None and bare.details.msg_name is None


@pytest.mark.parametrize("body", [b"", b"<html>", b"[1, 2]", b'"text"', b"[" * 5000 + b"]" * 5000])
def test_a_body_that_is_not_a_notification_is_a_typed_error(body: bytes) -> None:
    with pytest.raises(WebhookPayloadError):
        webhooks.parse(body)


# ---------------------------------------------------------------------------------- repeats and order
def _event(sequence: int, *, sid: str = "s1", notice: str | None = None) -> webhooks.Event:
    return webhooks.parse(_envelope(40, {}, sid=sid, sequence=sequence, notice=notice or f"{sid}-{sequence}"))


def test_a_resend_is_a_repeat_whatever_its_notify_ms() -> None:
    dedupe = webhooks.Deduplicator()
    first = json.loads(_envelope(40, {}, notice="same"))
    resend = {**first, "notifyMs": first["notifyMs"] + 1500}
    assert dedupe.seen(webhooks.parse(first)) is False
    assert dedupe.seen(webhooks.parse(resend)) is True
    assert dedupe.seen(_event(1)) is False


def test_the_deduplicator_is_bounded_in_entries_and_time() -> None:
    now = [0.0]
    dedupe = webhooks.Deduplicator(max_entries=3, ttl=10.0, clock=lambda: now[0])
    for i in range(5):
        assert dedupe.seen(_event(i)) is False
    assert len(dedupe) == 3
    assert dedupe.seen(_event(4)) is True and dedupe.seen(_event(0)) is False  # 0 was forgotten
    now[0] = 11.0
    assert dedupe.seen(_event(4)) is False  # past its ttl


def test_the_reorderer_releases_each_session_in_sequence_order() -> None:
    now = [0.0]
    order = webhooks.Reorderer(max_wait=5.0, clock=lambda: now[0])
    assert order.push(_event(2)) == []
    assert order.push(_event(0, sid="other")) == [_event(0, sid="other")]
    assert [e.sequence for e in order.push(_event(0))] == [0]
    assert [e.sequence for e in order.push(_event(1))] == [1, 2]
    assert order.push(_event(5)) == []  # 3 and 4 are missing
    now[0] = 6.0
    assert [e.sequence for e in order.due()] == [5]  # the gap is given up after max_wait
    assert [e.sequence for e in order.push(_event(3))] == [3]  # late: passed on at once


# ---------------------------------------------------------------------------- a receiver on loopback
class _Quiet(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


class Receiver:
    """A real HTTP receiver on 127.0.0.1: the WSGI app under the standard library's server."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self.server = wsgiref.simple_server.make_server("127.0.0.1", 0, app, handler_class=_Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}/ncs"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self._thread.join(5)
        self.server.server_close()


@pytest.fixture
def received() -> Iterator[tuple[Receiver, list[webhooks.Event]]]:
    events: list[webhooks.Event] = []
    receiver = Receiver(webhooks.WebhookWSGIApp(SECRET, events.append))
    yield receiver, events
    receiver.close()


EXPECTED = {
    "individual": [40, 41, 30, 31, 11],
    "mix": [40, 42, 41, 30, 31, 11],
    "web": [70, 71, 30, 31, 11],
}
CLIENTS = {"individual": IndividualRecordingClient, "mix": MixRecordingClient, "web": WebRecordingClient}
WEB_CONFIG = {
    "url": "https://example.com/page",
    "videoWidth": 1280,
    "videoHeight": 720,
    "maxRecordingHour": 1,
}


def _start_web(emu: Emulator, cname: str = "room") -> tuple[WebRecordingClient, str, str]:
    client = WebRecordingClient(**client_kwargs(emu))
    resource = client.acquire(cname, "527841")
    started = client.start(resource.resource_id, cname, "527841", storage_config=STORAGE,
                           extension_service_config={"extensionServices": [
                               {"serviceName": "web_recorder_service", "errorHandlePolicy": "error_abort",
                                "serviceParam": WEB_PARAM}]})  # fmt: skip
    client.close()
    return client, resource.resource_id, started.sid


def _lifecycle(emu: Emulator, mode: str, cname: str = "room") -> str:
    with CLIENTS[mode](**client_kwargs(emu)) as client:  # type: ignore[abstract]
        resource = client.acquire(cname, "527841")
        if mode == "web":
            started = client.start(resource.resource_id, cname, "527841", storage_config=STORAGE,
                                   extension_service_config={"extensionServices": [
                                       {"serviceName": "web_recorder_service", "errorHandlePolicy": "error_abort",
                                        "serviceParam": WEB_PARAM}]})  # fmt: skip
        else:
            started = client.start(resource.resource_id, cname, "527841", TOKEN, storage_config=STORAGE)
        client.stop(resource.resource_id, started.sid, cname, "527841")
        return str(started.sid)


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
def test_a_lifecycle_delivers_every_expected_event_verified_and_typed(
    mode: str, received: tuple[Receiver, list[webhooks.Event]]
) -> None:
    receiver, events = received
    with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        sid = _lifecycle(emu, mode)
        emu.wait_for_webhooks(10)
        deliveries = emu.deliveries
    assert [e.event_type for e in events] == EXPECTED[mode]
    assert [e.sequence for e in events] == list(range(len(EXPECTED[mode])))
    assert {e.sid for e in events} == {sid} and {e.cname for e in events} == {"room"}
    assert all(d.status == 200 and d.attempt == 1 for d in deliveries)
    uploaded = next(e for e in events if e.name == "uploaded")
    if mode == "web":
        stopped = next(e for e in events if e.name == "web_recorder_stopped")
        assert stopped.details.code == 0 and stopped.details.file_list
    else:
        assert uploaded.details.status == 0 and uploaded.details.file_list
        assert all(f.file_name.startswith(sid) for f in uploaded.details.file_list)
    assert next(e for e in events if e.name == "session_exit").details.exit_status == 0


def test_an_idle_channel_ends_the_session_and_its_events_say_why(
    received: tuple[Receiver, list[webhooks.Event]],
) -> None:
    """The case webhooks exist for: nobody stopped the recording, the channel emptied, the recorder left
    after maxIdleTime (leaveCode 4, LEAVE_CODE_NO_USERS) and the files were uploaded."""
    receiver, events = received
    with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        with MixRecordingClient(**client_kwargs(emu)) as client:
            resource = client.acquire("empty", "527841")
            client.start(resource.resource_id, "empty", "527841", TOKEN, storage_config=STORAGE,
                         recording_config={"channelType": 0, "maxIdleTime": 5})  # fmt: skip
        emu.set_channel_users("empty", 0)
        emu.advance_time(6)
        emu.wait_for_webhooks(10)
    assert [e.event_type for e in events] == [40, 42, 41, 30, 31, 11]
    assert events[2].details.leave_code == 4


def test_a_web_recording_that_reaches_max_recording_hour_reports_code_1(
    received: tuple[Receiver, list[webhooks.Event]],
) -> None:
    receiver, events = received
    with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        _start_web(emu)
        emu.advance_time(3601)
        emu.wait_for_webhooks(10)
    stopped = [e for e in events if e.name == "web_recorder_stopped"]
    assert [(e.details.code, e.details.message) for e in stopped] == [(1, "max_recording_hour")]
    assert [e.event_type for e in events] == [70, 71, 30, 31, 11]


def test_a_migration_announces_the_new_uid(received: tuple[Receiver, list[webhooks.Event]]) -> None:
    receiver, events = received
    with Emulator(qps_limit=None, clock="manual", webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        emu.set_channel_users("room", 1)
        with MixRecordingClient(**client_kwargs(emu)) as client:
            resource = client.acquire("room", "527841")
            sid = client.start(resource.resource_id, "room", "527841", TOKEN, storage_config=STORAGE).sid
        emu.fail_session(sid, "migrate", new_uid="4012345")
        emu.wait_for_webhooks(10)
    failover = [e for e in events if e.name == "session_failover"]
    assert [(e.sid, e.details.new_uid) for e in failover] == [(sid, 4012345)]


def test_a_replayed_delivery_is_answered_but_not_handed_on(
    received: tuple[Receiver, list[webhooks.Event]],
) -> None:
    receiver, events = received
    body = _envelope(31, UPLOADED_INDIVIDUAL, notice="replayed")
    for _ in range(2):
        answer = httpx.post(receiver.url, content=body, headers=_signed(body))
        assert (answer.status_code, answer.json()) == (200, {})
    tampered = body.replace(b"57297", b"57298")
    assert httpx.post(receiver.url, content=tampered, headers=_signed(body)).status_code == 401
    assert (
        httpx.post(receiver.url, content=body, headers={"Content-Type": "application/json"}).status_code
        == 401
    )
    assert httpx.post(receiver.url, content=b"nope", headers=_signed(b"nope")).status_code == 400
    assert httpx.get(receiver.url).status_code == 405
    time.sleep(0.1)
    assert [e.notice_id for e in events] == ["replayed"]


# ------------------------------------------------------------------------------------ resends, faults
class Flaky:
    """A WSGI receiver that fails its first ``failures`` requests with ``answer``."""

    def __init__(self, failures: int, answer: tuple[str, bytes]) -> None:
        self.failures = failures
        self.answer = answer
        self.events: list[webhooks.Event] = []
        self.app = webhooks.WebhookWSGIApp(SECRET, self.events.append)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self.failures > 0:
            self.failures -= 1
            environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            start_response(self.answer[0], [("Content-Type", "application/json")])
            return [self.answer[1]]
        return self.app(environ, start_response)


@pytest.mark.parametrize(
    "answer", [("500 Internal Server Error", b"{}"), ("200 OK", b"not json")], ids=["500", "200-not-json"]
)
def test_a_failed_delivery_is_resent_with_a_new_notify_ms_and_the_same_notice_id(
    answer: tuple[str, bytes],
) -> None:
    flaky = Flaky(2, answer)
    receiver = Receiver(flaky)
    try:
        with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET,
                      webhook_retry_delays=(0.0, 0.05, 0.1)) as emu:  # fmt: skip
            _lifecycle(emu, "mix")
            emu.wait_for_webhooks(10)
            deliveries = emu.deliveries
    finally:
        receiver.close()
    first = [d for d in deliveries if d.event_type == 40]
    assert [(d.attempt, d.delivered) for d in first] == [(1, False), (2, False), (3, True)]
    assert len({d.notice_id for d in first}) == 1
    assert first[-1].body["notifyMs"] > first[0].body["notifyMs"]  # a new notifyMs on each resend
    assert [e.event_type for e in flaky.events] == EXPECTED["mix"]


def test_an_unreachable_receiver_gets_the_first_try_and_three_resends() -> None:
    with Emulator(qps_limit=None, webhook_url="http://127.0.0.1:9/ncs", webhook_secret=SECRET,
                  webhook_retry_delays=(0.0, 0.01, 0.02)) as emu:  # fmt: skip
        _lifecycle(emu, "mix")
        emu.wait_for_webhooks(20)
        deliveries = emu.deliveries
    per_event = [d for d in deliveries if d.event_type == 40]
    assert [d.attempt for d in per_event] == [1, 2, 3, 4] and not any(d.delivered for d in per_event)


def test_duplicates_reach_the_handler_once(received: tuple[Receiver, list[webhooks.Event]]) -> None:
    receiver, events = received
    with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        emu.inject_webhook("duplicate", times=None)
        _lifecycle(emu, "individual")
        emu.wait_for_webhooks(10)
        deliveries = emu.deliveries
    assert len(deliveries) == 2 * len(EXPECTED["individual"]) and all(d.delivered for d in deliveries)
    assert [e.event_type for e in events] == EXPECTED["individual"]


def test_a_dropped_event_never_arrives(received: tuple[Receiver, list[webhooks.Event]]) -> None:
    receiver, events = received
    with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
        emu.inject_webhook("drop", event_type=30)
        _lifecycle(emu, "mix")
        emu.wait_for_webhooks(10)
    assert [e.event_type for e in events] == [40, 42, 41, 31, 11]
    assert [e.sequence for e in events] == [0, 1, 2, 4, 5]  # the gap shows the loss


@pytest.mark.parametrize("kind", ["delay", "reorder"])
def test_out_of_order_deliveries_are_put_back_in_order_by_the_reorderer(kind: str) -> None:
    arrived: list[webhooks.Event] = []
    ordered: list[webhooks.Event] = []
    app = webhooks.WebhookWSGIApp(SECRET, ordered.append, reorder=webhooks.Reorderer(max_wait=30))
    plain = webhooks.WebhookWSGIApp(SECRET, arrived.append, deduplicate=False)

    def both(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        headers = [(k[5:].replace("_", "-"), str(v)) for k, v in environ.items() if k.startswith("HTTP_")]
        plain.dispatch(plain.accept(body, headers)[2])
        status, answer, events = app.accept(body, headers)
        start_response(f"{status} OK", [("Content-Type", "application/json")])
        app.dispatch(events)
        return [answer]

    receiver = Receiver(both)
    try:
        with Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET) as emu:
            emu.inject_webhook(kind, event_type=40, delay=0.3)
            _lifecycle(emu, "mix")
            emu.wait_for_webhooks(10)
    finally:
        receiver.close()
    assert [e.event_type for e in arrived] != EXPECTED["mix"]  # out of order on the wire
    assert [e.event_type for e in ordered] == EXPECTED["mix"]


# --------------------------------------------------------------------------------------- ASGI app
def test_the_asgi_app_answers_first_then_awaits_an_async_handler() -> None:
    handled: list[tuple[str, webhooks.Event]] = []

    async def handler(event: webhooks.Event) -> None:
        await asyncio.sleep(0)
        handled.append(("async", event))

    app = webhooks.WebhookApp(SECRET, handler)

    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as client:
            body = _envelope(11, {"msgName": "session_exit", "exitStatus": 0}, notice="a1")
            statuses = [(await client.post("/ncs", content=body, headers=_signed(body))).status_code]
            statuses.append((await client.post("/ncs", content=body, headers=_signed(body))).status_code)
            statuses.append((await client.post("/ncs", content=body, headers={})).status_code)
            statuses.append((await client.post("/ncs", content=b"[]", headers=_signed(b"[]"))).status_code)
            return statuses

    assert asyncio.run(run()) == [200, 200, 401, 400]
    assert [(kind, e.name) for kind, e in handled] == [("async", "session_exit")]


def test_a_failing_handler_does_not_change_the_answer(
    received: tuple[Receiver, list[webhooks.Event]],
) -> None:
    def broken(event: webhooks.Event) -> None:
        raise RuntimeError("handler bug")

    receiver = Receiver(webhooks.WebhookWSGIApp(SECRET, broken))
    try:
        body = _envelope(40, {"msgName": "recorder_started", "status": 0})
        assert httpx.post(receiver.url, content=body, headers=_signed(body)).status_code == 200
    finally:
        receiver.close()


def test_reprs_never_show_the_secret() -> None:
    app = webhooks.WebhookWSGIApp(SECRET, print)
    with Emulator(webhook_url="http://127.0.0.1:9/", webhook_secret=SECRET) as emu:
        text = repr(app) + repr(emu._notifier) + repr(webhooks.WebhookApp(SECRET, print))
    assert SECRET not in text


# ---------------------------------------------------------------------------------------------- CLI
def test_cli_listen_prints_verified_events_as_json_lines_and_stops_on_sigterm() -> None:
    env = {**os.environ, "AGORA_WEBHOOK_SECRET": SECRET}
    command = [sys.executable, "-m", "agora_cr.cli", "webhook", "listen", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stderr is not None and process.stdout is not None
        banner = process.stderr.readline()
        assert banner.startswith("listening on http://127.0.0.1:"), banner
        url = banner.split()[2]
        with Emulator(qps_limit=None, webhook_url=url, webhook_secret=SECRET) as emu:
            _lifecycle(emu, "mix")
            emu.wait_for_webhooks(10)
        lines = [json.loads(process.stdout.readline()) for _ in EXPECTED["mix"]]
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 128 + signal.SIGTERM
    finally:
        process.kill()
    assert [line["eventType"] for line in lines] == EXPECTED["mix"]
    assert all(line["verified"] and line["payload"]["cname"] == "room" for line in lines)
    assert lines[0]["name"] == "recorder_started"


def test_the_guide_framework_examples_are_valid_python() -> None:
    """FastAPI, Starlette and Flask are not installed here: their examples are compiled, and the
    names they use from agora_cr exist (the stdlib receiver on the page runs: docs/snippets)."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "guide" / "webhooks.md").read_text(
        encoding="utf-8"
    )
    blocks = [block.split("```", 1)[0] for block in page.split("```python\n")[1:]]
    assert len(blocks) == 3
    for block in blocks:
        compile(block, "webhooks.md", "exec")
        for name in ("WebhookApp", "WebhookWSGIApp", "construct_event", "Event"):
            if f"webhooks.{name}" in block:
                assert hasattr(webhooks, name)


# ------------------------------------------------------------------- regressions from a red-team pass
def test_the_asgi_app_releases_held_events_when_their_gap_times_out_without_new_requests() -> None:
    handled: list[int] = []
    app = webhooks.WebhookApp(SECRET, lambda e: handled.append(e.sequence), reorder=webhooks.Reorderer(0.2))

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as client:
            for sequence in (0, 2, 3):  # 1 was lost
                body = _envelope(40, {}, sequence=sequence, notice=f"n{sequence}")
                await client.post("/ncs", content=body, headers=_signed(body))
            assert handled == [0]
            await asyncio.sleep(0.5)  # no request comes: the app's timer releases them

    asyncio.run(run())
    assert handled == [0, 2, 3]


def test_a_forgotten_session_releases_what_it_held() -> None:
    order = webhooks.Reorderer(max_sessions=1)
    assert order.push(_event(1, sid="a")) == []  # waits for 0
    assert [(e.sid, e.sequence) for e in order.push(_event(0, sid="b"))] == [("a", 1), ("b", 0)]
    with pytest.raises(ValueError):
        webhooks.Reorderer(max_sessions=0)
    with pytest.raises(ValueError):
        webhooks.Reorderer(max_wait=float("nan"))


def test_a_restarted_emulator_delivers_again(received: tuple[Receiver, list[webhooks.Event]]) -> None:
    receiver, events = received
    emu = Emulator(qps_limit=None, webhook_url=receiver.url, webhook_secret=SECRET)
    for cname in ("first", "second"):
        with emu:
            _lifecycle(emu, "individual", cname=cname)
            emu.wait_for_webhooks(10)
    assert [e.cname for e in events] == ["first"] * 5 + ["second"] * 5


def test_a_receiver_url_that_cannot_work_is_recorded_not_fatal() -> None:
    with Emulator(qps_limit=None, webhook_url="http://127.0.0.1:99999/", webhook_secret=SECRET,
                  webhook_retry_delays=(0.0, 0.0, 0.0), max_recorded=8) as emu:  # fmt: skip
        _lifecycle(emu, "individual")
        emu.wait_for_webhooks(10)
        deliveries = emu.deliveries
    assert len(deliveries) == 8 and not any(d.delivered for d in deliveries)  # bounded, each recorded


def test_a_bad_secret_in_a_rotation_list_is_a_validation_error_without_the_others() -> None:
    body = _envelope(40, {})
    for call in (
        lambda: webhooks.construct_event(body, _signed(body), [SECRET, ""]),
        lambda: webhooks.verify(body, _signed(body), [SECRET, None]),  # type: ignore[list-item]
        lambda: webhooks.WebhookApp([SECRET, 5], print),  # type: ignore[list-item]
    ):
        with pytest.raises(ValidationError) as info:
            call()
        frames = traceback.TracebackException.from_exception(info.value, capture_locals=True).stack
        own = "".join(str(f.locals) for f in frames if f"{os.sep}agora_cr{os.sep}" in f.filename)
        assert SECRET not in own and SECRET not in str(info.value)


def test_odd_fields_keep_the_rest_of_the_details_typed() -> None:
    null_files = webhooks.parse(_envelope(31, {"msgName": "uploaded", "status": 0, "fileList": None}))
    assert null_files.details.status == 0 and (null_files.details.file_list or []) == []
    odd = webhooks.parse(_envelope(31, {"msgName": "uploaded", "status": 0, "fileList": "a.m3u8"}))
    assert odd.details.status == 0 and odd.details["fileList"] == "a.m3u8"
    as_text = webhooks.parse(json.dumps({"eventType": "31", "payload": {"details": {"status": 0}}}))
    assert (as_text.name, as_text.details.status) == ("uploaded", 0)
    lone = webhooks.parse(b'{"eventType": 40, "payload": {"cname": "\\ud83d"}}')  # JSON allows it
    assert lone.cname == "\ud83d"
    with pytest.raises(WebhookPayloadError, match="nested deeper"):
        webhooks.parse(b'{"a":' * 100 + b"1" + b"}" * 100)


def test_header_objects_of_servers_and_bad_headers() -> None:
    import email.message

    body = _envelope(40, {})
    message = email.message.Message()  # what http.server hands its handlers
    for name, value in _signed(body).items():
        message[name] = value
    webhooks.verify(body, message, SECRET)  # type: ignore[arg-type]
    for bad in (None, "Agora-Signature: x", [("a", "b", "c")]):
        with pytest.raises(ValidationError):
            webhooks.verify(body, bad, SECRET)  # type: ignore[arg-type]
    status, _, _ = webhooks.WebhookWSGIApp(SECRET, print).accept(body, None)  # type: ignore[arg-type]
    assert status == 400


def test_a_chunked_wsgi_request_is_read_to_its_end() -> None:
    import io

    body = _envelope(40, {"msgName": "recorder_started", "status": 0})
    handled: list[webhooks.Event] = []
    app = webhooks.WebhookWSGIApp(SECRET, handled.append)
    environ = {"REQUEST_METHOD": "POST", "wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True}
    environ.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in _signed(body).items()})
    statuses: list[str] = []
    response = app(environ, lambda status, headers: statuses.append(status))
    list(response)
    response.close()  # type: ignore[attr-defined]
    assert statuses == ["200 OK"] and len(handled) == 1


def test_cli_listen_on_a_port_it_cannot_have_exits_2_without_a_traceback() -> None:
    env = {**os.environ, "AGORA_WEBHOOK_SECRET": SECRET}
    done = subprocess.run([sys.executable, "-m", "agora_cr.cli", "webhook", "listen", "--port", "99999"],
                          env=env, capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr and "cannot listen" in done.stderr


def test_fault_parameters_are_checked() -> None:
    with Emulator(webhook_url="http://127.0.0.1:9/", webhook_secret=SECRET) as emu:
        for kwargs in ({"times": 0}, {"delay": -1.0}, {"delay": float("nan")}):
            with pytest.raises(ValueError):
                emu.inject_webhook("delay", **kwargs)  # type: ignore[arg-type]
