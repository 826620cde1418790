"""Bad input raises ValidationError naming the JSON path, and nothing reaches the emulator."""

from __future__ import annotations

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
    api_update,
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
    ("individual", "cname", lambda c: c.acquire("bad/name", "1"), "format"),
    ("mix", "cname", lambda c: c.acquire("x" * 64, "1"), "format"),
    ("individual", "uid", lambda c: c.acquire("room", "0"), "format"),
    ("individual", "uid", lambda c: c.acquire("room", "4294967296"), "format"),
    ("individual", "uid", lambda c: c.acquire("room", "abc"), "format"),
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
        "individual",
        "clientRequest.recordingConfig.subscribeUidGroup",
        lambda c: c.start(RID, "room", "1", None, STORAGE, {"channelType": 0}),
        "required",
    ),
    (
        "individual",
        "clientRequest.recordingConfig.transcodingConfig",
        lambda c: c.start(
            RID,
            "room",
            "1",
            None,
            STORAGE,
            api_start.RecordingConfig(
                channelType=0, subscribeUidGroup=0, transcodingConfig=api_start.TranscodingConfig(width=640)
            ),
        ),
        "unknown field",
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
        "clientRequest.storageConfig.fileNamePrefix",
        lambda c: c.start(RID, "room", "1", None, storage(fileNamePrefix=["a" * 100, "b" * 40])),
        "128",
    ),
    (
        "individual",
        "clientRequest.storageConfig.fileNamePrefix[1]",
        lambda c: c.start(RID, "room", "1", None, storage(fileNamePrefix=["ok", "not/ok"])),
        "format",
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
        "mix",
        "clientRequest.streamSubscribe.videoUidList.subscribeVideoUids",
        lambda c: c.update(
            RID,
            SID,
            "room",
            "1",
            api_update.StreamSubscribe(videoUidList=api_update.VideoUidList(subscribeVideoUids=[])),
        ),
        "at least 1",
    ),
    (
        "web",
        "clientRequest.rtmpPublishConfig.outputs[0].rtmpUrl",
        lambda c: c.update(RID, SID, "room", "1", rtmp_publish_config={"outputs": [{"rtmpUrl": "http://x"}]}),
        "format",
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
        "format",
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


def test_secret_values_never_appear_in_validation_errors(clients: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        clients["mix"].start(RID, "room", "1", None, storage(secretKey="S" * 2000))
    assert "SSSS" not in str(info.value) and "SSSS" not in repr(info.value)


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
