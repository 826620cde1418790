"""Bad input raises ValidationError naming the JSON path, and nothing reaches the emulator."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import STORAGE, WEB_PARAM, client_kwargs

from agora_cr import (
    ClientException,
    IndividualRecordingClient,
    MixRecordingClient,
    ValidationError,
    WebRecordingClient,
    api_start,
)
from agora_cr.testing import Emulator

RID = "resource-id-0001"
SID = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def clients(emu: Emulator) -> Iterator[dict[str, Any]]:
    with (
        IndividualRecordingClient(**client_kwargs(emu)) as ind,
        MixRecordingClient(**client_kwargs(emu)) as mix,
        WebRecordingClient(**client_kwargs(emu)) as web,
    ):
        yield {"individual": ind, "mix": mix, "web": web}
    assert emu.requests == []  # nothing was sent by any case


def storage(**changes: Any) -> dict[str, Any]:
    return {**STORAGE, **changes}


CASES: list[tuple[str, str, Any, str]] = [
    # (mode, field, call, message fragment)
    ("individual", "cname", lambda c: c.acquire("bad/name", "1"), "1 to 63 characters"),
    ("mix", "cname", lambda c: c.acquire("x" * 64, "1"), "1 to 63 characters"),
    ("individual", "uid", lambda c: c.acquire("room", "0"), "an integer 1..4294967295 written in decimal"),
    (
        "individual",
        "uid",
        lambda c: c.acquire("room", "4294967296"),
        "an integer 1..4294967295 written in decimal",
    ),
    ("individual", "uid", lambda c: c.acquire("room", "abc"), "an integer 1..4294967295 written in decimal"),
    ("web", "uid", lambda c: c.acquire("any label", 1.5), "expected"),
    (
        "mix",
        "clientRequest.resourceExpiredHour",
        lambda c: c.acquire("room", "1", resource_expired_hour=721),
        "<= 720",
    ),
    ("web", "clientRequest.region", lambda c: c.acquire("room", "1", region="MARS"), "not one of"),
    (
        "mix",
        "clientRequest.regionAffinity",
        lambda c: c.acquire("room", "1", region_affinity=9),
        "not one of",
    ),
    ("individual", "clientRequest.scene", lambda c: c.acquire("room", "1", scene=1), "not one of"),
    ("individual", "clientRequest.storageConfig", lambda c: c.start(RID, "room", "1", None), "required"),
    ("individual", "resource_id", lambda c: c.start("", "room", "1", storage_config=STORAGE), "at least"),
    (
        "mix",
        "clientRequest.storageConfig.vendor",
        lambda c: c.start(RID, "room", "1", None, storage(vendor=9)),
        "not one of",
    ),
    (
        "mix",
        "clientRequest.storageConfig.secretKey",
        lambda c: c.start(RID, "room", "1", None, storage(secretKey="")),
        "at least",
    ),
    (
        "individual",
        "clientRequest.recordingConfig.maxIdleTime",
        lambda c: c.start(
            RID, "room", "1", None, STORAGE, {"channelType": 0, "subscribeUidGroup": 0, "maxIdleTime": 3}
        ),
        ">= 5",
    ),
    (
        "mix",
        "clientRequest.snapshotConfig",
        lambda c: c.start(RID, "room", "1", None, STORAGE, snapshot_config={"fileType": ["jpg"]}),
        "not accepted in mix",
    ),
    (
        "web",
        "clientRequest.recordingConfig",
        lambda c: c.start(
            RID, "room", "1", STORAGE, {"extensionServices": []}, recording_config={"channelType": 0}
        ),
        "not accepted in web",
    ),
    (
        "mix",
        "clientRequest.recordingConfig.transcodingConfig.width",
        lambda c: c.start(
            RID,
            "room",
            "1",
            None,
            STORAGE,
            {"channelType": 0, "transcodingConfig": {"width": 1920, "height": 1920}},
        ),
        "1920x1080",
    ),
    (
        "mix",
        "clientRequest.recordingConfig.secret",
        lambda c: c.start(RID, "room", "1", None, STORAGE, {"channelType": 0, "decryptionMode": 1}),
        "decryptionMode",
    ),
    (
        "mix",
        "clientRequest.recordingConfig.salt",
        lambda c: c.start(
            RID, "room", "1", None, STORAGE, {"channelType": 0, "decryptionMode": 7, "secret": "s"}
        ),
        "7 or 8",
    ),
    (
        "mix",
        "clientRequest.recordingConfig.transcodingConfig.maxResolutionUid",
        lambda c: c.start(
            RID, "room", "1", None, STORAGE, {"channelType": 0, "transcodingConfig": {"mixedVideoLayout": 2}}
        ),
        "mixedVideoLayout",
    ),
    (
        "mix",
        "clientRequest.storageConfig.extensionParams.endpoint",
        lambda c: c.start(RID, "room", "1", None, storage(vendor=11)),
        "vendor is 11",
    ),
    (
        "individual",
        "clientRequest.storageConfig.fileNamePrefix[1]",
        lambda c: c.start(RID, "room", "1", None, storage(fileNamePrefix=["ok", "not/ok"])),
        "letters a-z A-Z and digits 0-9 only",
    ),
    (
        "mix",
        "clientRequest.recordingFileConfig.avFileType",
        lambda c: c.start(RID, "room", "1", None, STORAGE, recording_file_config={"avFileType": ["mp4"]}),
        "mp4",
    ),
    (
        "mix",
        "clientRequest.recordingFileConfig.avFileType",
        lambda c: c.start(
            RID, "room", "1", None, STORAGE, recording_file_config={"avFileType": ["hls", "hls"]}
        ),
        "unique",
    ),
    (
        "individual",
        "clientRequest.recordingConfig.streamTypes",
        lambda c: c.start(
            RID,
            "room",
            "1",
            None,
            STORAGE,
            {"channelType": 0, "subscribeUidGroup": 0, "streamTypes": 0},
            snapshot_config={"fileType": ["jpg"]},
        ),
        "snapshot",
    ),
    (
        "web",
        "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.videoWidth",
        lambda c: c.start(
            RID,
            "label",
            "1",
            STORAGE,
            {"extensionServices": [{"serviceParam": {**WEB_PARAM, "videoWidth": 1920, "videoHeight": 1920}}]},
        ),
        "2073600",
    ),
    (
        "web",
        "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.videoWidth",
        lambda c: c.start(
            RID,
            "label",
            "1",
            STORAGE,
            {
                "extensionServices": [
                    {"serviceName": "web_recorder_service", "serviceParam": {**WEB_PARAM, "videoWidth": 100}}
                ]
            },
        ),
        ">= 240",
    ),
    (
        "web",
        "clientRequest.extensionServiceConfig",
        lambda c: c.start(RID, "label", "1", STORAGE),
        "required",
    ),
    ("individual", "sid", lambda c: c.query(RID, ""), "at least"),
    (
        "individual",
        "clientRequest.webRecordingConfig",
        lambda c: c.update(RID, SID, "room", "1", web_recording_config={"onhold": True}),
        "not accepted",
    ),
    (
        "web",
        "clientRequest.streamSubscribe",
        lambda c: c.update(RID, SID, "room", "1", stream_subscribe={"audioUidList": {}}),
        "not accepted",
    ),
    (
        "web",
        "clientRequest.rtmpPublishConfig.outputs[0].rtmpUrl",
        lambda c: c.update(RID, SID, "room", "1", rtmp_publish_config={"outputs": [{"rtmpUrl": "http://x"}]}),
        "an rtmp:// or rtmps:// URL",
    ),
    (
        "mix",
        "clientRequest.maxResolutionUid",
        lambda c: c.update_layout(RID, SID, "room", "1", mixed_video_layout=2),
        "mixedVideoLayout",
    ),
    (
        "mix",
        "clientRequest.backgroundColor",
        lambda c: c.update_layout(RID, SID, "room", "1", background_color="red"),
        "#RRGGBB",
    ),
    (
        "mix",
        "clientRequest.layoutConfig[0].x_axis",
        lambda c: c.update_layout(
            RID, SID, "room", "1", layout_config=[{"x_axis": 2, "y_axis": 0, "width": 1, "height": 1}]
        ),
        "<= 1",
    ),
    ("web", "clientRequest.async_stop", lambda c: c.stop(RID, SID, "room", "1", async_stop="yes"), "boolean"),
]


@pytest.mark.parametrize("mode,field,call,fragment", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_validation_error_names_field_and_sends_nothing(
    clients: dict[str, Any], mode: str, field: str, call: Any, fragment: str
) -> None:
    with pytest.raises(ValidationError) as info:
        call(clients[mode])
    error = info.value
    assert isinstance(error, ClientException)
    assert error.field == field, str(error)
    assert fragment in str(error)
    assert str(error).startswith(field)


def test_secret_values_never_appear_in_validation_errors(emu: Emulator) -> None:
    with (
        MixRecordingClient(**client_kwargs(emu, strict=True)) as client,
        pytest.raises(ValidationError) as info,
    ):
        client.start(RID, "room", "1", None, storage(secretKey="S" * 2000))  # over a length lint
    assert "SSSS" not in str(info.value) and "SSSS" not in repr(info.value)
    assert emu.requests == []


def test_blocks_reject_unknown_fields_at_construction() -> None:
    with pytest.raises(ValidationError, match="unknown field 'acessKey'"):
        api_start.StorageConfig(acessKey="x")
    block = api_start.StorageConfig(access_key="AK", secretKey="SK", vendor=1)
    assert block.accessKey == "AK" and block.secret_key == "SK"
    assert "AK" not in repr(block) and "SK" not in repr(block)
    assert block.to_dict() == {"accessKey": "AK", "secretKey": "SK", "vendor": 1}


def test_update_layout_only_on_mix() -> None:
    assert hasattr(MixRecordingClient, "update_layout")
    assert not hasattr(IndividualRecordingClient, "update_layout")
    assert not hasattr(WebRecordingClient, "update_layout")


# --------------------------------------------------------------- a clientRequest is checked once per content
def test_checked_config_reused_still_checks_ids_and_changes(emu: Emulator) -> None:
    """A configuration that passed is not re-checked, but cname/uid are checked on every call and a
    changed (mutated) block is checked again: nothing invalid is ever sent."""
    with MixRecordingClient(**client_kwargs(emu)) as client:
        block = api_start.StorageConfig(**STORAGE)
        rid = client.acquire("room1", "1").resource_id
        client.start(rid, "room1", "1", storage_config=block)
        sent = len(emu.requests)
        with pytest.raises(ValidationError) as bad_cname:
            client.start(rid, "bad/name", "1", storage_config=block)
        assert bad_cname.value.field == "cname"
        with pytest.raises(ValidationError) as bad_uid:
            client.start(rid, "room2", "0", storage_config=block)
        assert bad_uid.value.field == "uid"
        block.vendor = 99  # the same object, now out of range
        with pytest.raises(ValidationError) as bad_vendor:
            client.start(rid, "room2", "2", storage_config=block)
        assert bad_vendor.value.field == "clientRequest.storageConfig.vendor"
        assert len(emu.requests) == sent


def test_checked_configs_are_bounded_per_client(emu: Emulator) -> None:
    with (
        MixRecordingClient(**client_kwargs(emu)) as client,
        MixRecordingClient(**client_kwargs(emu)) as other,
    ):
        for hour in range(1, 60):
            client.acquire("room", "1", resource_expired_hour=hour)
        assert len(client._requests._checked) == 32
        assert len(other._requests._checked) == 0  # per client, no shared state


@pytest.mark.parametrize("value", [float("nan"), {1, 2}, object()], ids=["nan", "set", "object"])
def test_value_that_is_not_json_is_a_validation_error(clients: dict[str, Any], value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        clients["mix"].start(RID, "room", "1", storage_config=storage(fileNamePrefix=value))
    assert info.value.field.startswith("clientRequest")


def test_an_empty_update_is_sent_as_the_service_accepts_it(emu: Emulator) -> None:
    """Agora's update page documents no required block; an empty clientRequest is not refused."""
    with WebRecordingClient(**client_kwargs(emu)) as client, pytest.raises(ClientException):
        client.update(RID, SID, "room", "1")  # no such session: the emulator answers 404
    assert [r.operation for r in emu.requests] == ["update"]
    assert emu.requests[0].body["clientRequest"] == {}


#: Bodies the service takes though the spec documents them otherwise: sent, and reported as a lint
#: (refused only by a strict client). (mode, field of the lint, call)
LINT_CASES: list[tuple[str, str, Any]] = [
    (
        "individual",
        "clientRequest.recordingConfig.transcodingConfig",  # mix-only block in an individual body
        lambda c: c.start(
            RID, "room", "1", None, STORAGE, {"channelType": 0, "transcodingConfig": {"width": 640}}
        ),
    ),
    (
        "individual",
        "clientRequest.storageConfig.fileNamePrefix",  # over the documented 128 characters
        lambda c: c.start(RID, "room", "1", None, storage(fileNamePrefix=["a" * 100, "b" * 40])),
    ),
    (
        "mix",
        "clientRequest.streamSubscribe.videoUidList.subscribeVideoUids",  # empty: "not recommended"
        lambda c: c.update(RID, SID, "room", "1", {"videoUidList": {"subscribeVideoUids": []}}),
    ),
    (
        "web",
        "clientRequest.extensionServiceConfig.errorHandlePolicy",  # "" for unset, as Go's SDK sends
        lambda c: c.start(
            RID,
            "room",
            "1",
            STORAGE,
            {
                "errorHandlePolicy": "",
                "extensionServices": [{"serviceName": "web_recorder_service", "serviceParam": WEB_PARAM}],
            },
        ),
    ),
]


@pytest.mark.parametrize("mode,field,call", LINT_CASES, ids=[f"{c[0]}-{c[1]}" for c in LINT_CASES])
def test_a_lint_is_sent_and_reported_and_refused_in_strict_mode(
    emu: Emulator, caplog: pytest.LogCaptureFixture, mode: str, field: str, call: Any
) -> None:
    classes = {"individual": IndividualRecordingClient, "mix": MixRecordingClient, "web": WebRecordingClient}
    client = classes[mode](**client_kwargs(emu))
    # No such resource or session: the emulator answers 4xx, after checking the body.
    with client, caplog.at_level("WARNING", "agora_cr"), contextlib.suppress(ClientException):
        call(client)
    assert len(emu.requests) == 1 and emu.requests[0].code != 2  # sent, and not refused as invalid
    assert any(warning.startswith(field) for warning in emu.requests[0].warnings), emu.requests[0].warnings
    assert any(field in record.getMessage() for record in caplog.records)
    with classes[mode](**client_kwargs(emu, strict=True)) as strict, pytest.raises(ValidationError) as info:
        call(strict)
    assert info.value.field == field
    assert len(emu.requests) == 1  # the strict client sent nothing


def test_fields_the_docs_do_not_require_may_be_left_out(emu: Emulator) -> None:
    """Agora's Python SDK starts without recordingConfig; Go's drops subscribeUidGroup when 0; three
    documented individual examples have no recordingFileConfig."""
    with IndividualRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room", "1").resource_id
        client.start(rid, "room", "1", None, STORAGE, {"channelType": 0})
        rid = client.acquire("room", "2").resource_id
        client.start(rid, "room", "2", None, STORAGE)
    starts = [r for r in emu.requests if r.operation == "start"]
    assert [r.status for r in starts] == [200, 200] and all(r.warnings == () for r in starts)
    masked = {**STORAGE, "accessKey": "***", "secretKey": "***"}
    assert starts[1].body["clientRequest"] == {"storageConfig": masked}
