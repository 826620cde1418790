"""Full lifecycles per mode, sync and async, through the modern constructor, over real HTTP."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import (
    AsyncIndividualRecordingClient,
    AsyncMixRecordingClient,
    AsyncWebRecordingClient,
    ClientBuildException,
    ClientClosedError,
    IndividualRecordingClient,
    MixRecordingClient,
    RegionArea,
    WebRecordingClient,
    api_start,
    api_update,
)
from agora_cr.testing import Emulator
from agora_cr_generated.models.recording_file_config import RecordingFileConfig as GenRecordingFileConfig
from agora_cr_generated.models.storage_config import StorageConfig as GenStorageConfig

WEB_SERVICES = {
    "extensionServices": [
        {
            "serviceName": "web_recorder_service",
            "serviceParam": {
                "url": "https://example.com/page",
                "audioProfile": 0,
                "videoWidth": 1280,
                "videoHeight": 720,
                "maxRecordingHour": 1,
            },
        },
        {
            "serviceName": "rtmp_publish_service",
            "serviceParam": {"outputs": [{"rtmpUrl": "rtmp://cdn.example/live"}]},
        },
    ]
}


def _sync_lifecycle(client: Any, mode: str, emu: Emulator) -> None:
    acquired = client.acquire("room1", 1001, resource_expired_hour=24)
    assert (
        acquired.resource_id == acquired.resourceId and acquired.cname == "room1" and acquired.uid == "1001"
    )
    if mode == "web":
        started = client.start(acquired.resource_id, "room1", "1001", STORAGE, WEB_SERVICES)
    else:
        started = client.start(acquired.resource_id, "room1", "1001", None, STORAGE)
    assert len(started.sid) == 32 and started.to_dict()["sid"] == started.sid
    emu.set_channel_users("room1", 2)
    statuses = [client.query(started.resource_id, started.sid).status for _ in range(3)]
    assert statuses == [1, 4, 5]
    last = client.query(started.resource_id, started.sid)
    assert last.is_recording and last.status_name == "in_progress"
    assert last.files and all(f.file_name for f in last.files)
    if mode == "web":
        names = [s.service_name for s in last.extension_service_states]
        assert names == ["web_recorder_service", "rtmp_publish_service"]
        client.update(
            started.resource_id, started.sid, "room1", "1001", web_recording_config={"onhold": True}
        )
        paused = client.query(started.resource_id, started.sid)
        assert paused.extension_service_states[0].onhold is True
    else:
        client.update(
            started.resource_id,
            started.sid,
            "room1",
            "1001",
            stream_subscribe=api_update.StreamSubscribe(
                audio_uid_list=api_update.AudioUidList(subscribe_audio_uids=["#allstream#"])
            ),
        )
    if mode == "mix":
        client.update_layout(
            started.resource_id,
            started.sid,
            "room1",
            "1001",
            mixed_video_layout=3,
            background_color="#FF0000",
            layout_config=[api_start.LayoutConfig(x_axis=0, y_axis=0, width=1, height=1)],
        )
    stopped = client.stop(started.resource_id, started.sid, "room1", "1001")
    assert stopped.uploading_status == stopped.uploadingStatus == "uploaded"
    assert stopped.sid == started.sid


@pytest.mark.parametrize(
    "cls,mode",
    [(IndividualRecordingClient, "individual"), (MixRecordingClient, "mix"), (WebRecordingClient, "web")],
)
def test_sync_lifecycle(cls: Any, mode: str, emu: Emulator) -> None:
    with cls(**client_kwargs(emu)) as client:
        assert client.mode == mode
        _sync_lifecycle(client, mode, emu)
    sent = [r for r in emu.requests]
    assert [r.operation for r in sent][:2] == ["acquire", "start"]
    assert all(r.status == 200 for r in sent)
    assert sent[0].body["clientRequest"] == {"scene": 1 if mode == "web" else 0, "resourceExpiredHour": 24}
    start_body = sent[1].body["clientRequest"]
    # Sent as given: what was left out takes the service's documented defaults, not the client's.
    assert "recordingConfig" not in start_body and "recordingFileConfig" not in start_body
    assert all(r.warnings == () for r in sent)
    assert not hasattr(cls, "update_layout") or mode == "mix"


async def _async_lifecycle(client: Any, mode: str) -> None:
    acquired = await client.acquire("room2", "2002")
    if mode == "web":
        started = await client.start(acquired.resource_id, "room2", "2002", STORAGE, WEB_SERVICES)
    else:
        started = await client.start(acquired.resource_id, "room2", "2002", storage_config=STORAGE)
    queried = await client.query(started.resource_id, started.sid)
    assert queried.sid == started.sid and queried.status == 1
    if mode == "web":
        await client.update(
            started.resource_id,
            started.sid,
            "room2",
            "2002",
            rtmp_publish_config={"outputs": [{"rtmpUrl": "rtmp://cdn.example/other"}]},
        )
    else:
        await client.update(
            started.resource_id,
            started.sid,
            "room2",
            "2002",
            stream_subscribe={"videoUidList": {"subscribeVideoUids": ["2"]}},
        )
    if mode == "mix":
        await client.update_layout(started.resource_id, started.sid, "room2", "2002", mixed_video_layout=1)
    stopped = await client.stop(started.resource_id, started.sid, "room2", "2002", async_stop=True)
    assert stopped.sid == started.sid


@pytest.mark.parametrize(
    "cls,mode",
    [
        (AsyncIndividualRecordingClient, "individual"),
        (AsyncMixRecordingClient, "mix"),
        (AsyncWebRecordingClient, "web"),
    ],
)
async def test_async_lifecycle(cls: Any, mode: str, emu: Emulator) -> None:
    async with cls(**client_kwargs(emu)) as client:
        await _async_lifecycle(client, mode)
    assert client.closed
    assert [r.operation for r in emu.requests][-1] == "stop"
    assert emu.requests[-1].body["clientRequest"] == {"async_stop": True}


async def test_async_concurrent_lifecycles_share_one_pool(emu: Emulator) -> None:
    async with AsyncMixRecordingClient(**client_kwargs(emu)) as client:

        async def one(i: int) -> str:
            acquired = await client.acquire(f"room{i}", str(100 + i))
            started = await client.start(
                acquired.resource_id, f"room{i}", str(100 + i), storage_config=STORAGE
            )
            await client.stop(started.resource_id, started.sid, f"room{i}", str(100 + i))
            return started.sid

        sids = await asyncio.gather(*(one(i) for i in range(8)))
    assert len(set(sids)) == 8


def test_generated_models_dicts_and_snake_case_are_accepted(emu: Emulator) -> None:
    with IndividualRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room3", "3003").resource_id
        storage = GenStorageConfig(vendor=1, region=0, bucket="b", access_key="AK-GEN", secret_key="SK-GEN")
        files = GenRecordingFileConfig(av_file_type=["hls"])
        recording = api_start.RecordingConfig(
            channel_type=1,
            subscribe_uid_group=1,
            stream_types=2,
            subscribe_video_uids=["#allstream#"],
            max_idle_time=120,
        )
        started = client.start(
            rid,
            "room3",
            "3003",
            storage_config=storage,
            recording_config=recording,
            recording_file_config=files,
        )
        client.stop(started.resource_id, started.sid, "room3", "3003")
    body = emu.requests[1].body["clientRequest"]
    assert body["storageConfig"]["bucket"] == "b"
    assert body["recordingConfig"] == {
        "channelType": 1,
        "subscribeUidGroup": 1,
        "streamTypes": 2,
        "subscribeVideoUids": ["#allstream#"],
        "maxIdleTime": 120,
    }
    assert body["recordingFileConfig"] == {"avFileType": ["hls"]}


def test_individual_screenshot_only_and_legacy_scene(emu: Emulator) -> None:
    with IndividualRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room4", "4004", enable_postpone_transcoding_mix=True).resource_id
        assert emu.requests[-1].body["clientRequest"]["scene"] == 2
        rid = client.acquire("room4", "4005").resource_id
        started = client.start(
            rid,
            "room4",
            "4005",
            storage_config=STORAGE,
            snapshot_config=api_start.SnapshotConfig(captureInterval=5, fileType=["jpg"]),
        )
        body = emu.requests[-1].body["clientRequest"]
        assert "recordingFileConfig" not in body and body["snapshotConfig"]["fileType"] == ["jpg"]
        stopped = client.stop(started.resource_id, started.sid, "room4", "4005")
        assert stopped.uploading_status == "uploaded" and stopped.files == []


def test_from_env(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGORA_APP_ID", emu.app_id)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", emu.customer_id)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", emu.customer_secret)
    monkeypatch.setenv("AGORA_REGION", "eu")
    monkeypatch.setenv("AGORA_BASE_URL", emu.base_url)
    with MixRecordingClient.from_env() as client:
        assert client.region is RegionArea.EU and client.endpoints == (emu.base_url,)
        assert client.acquire("room5", "5005").resource_id
    monkeypatch.delenv("AGORA_BASE_URL")
    with WebRecordingClient.from_env() as client:
        assert client.endpoints[0] == "https://api-eu-west-1.agora.io"
    monkeypatch.delenv("AGORA_CUSTOMER_SECRET")
    with pytest.raises(ClientBuildException, match="AGORA_CUSTOMER_SECRET"):
        IndividualRecordingClient.from_env()


def test_region_host_lists() -> None:
    def hosts(region: Any) -> tuple[str, ...]:
        with IndividualRecordingClient(app_id="a1", customer_id="c", customer_secret="s", region=region) as c:
            return c.endpoints

    assert hosts(RegionArea.US) == (
        "https://api-us-west-1.agora.io",
        "https://api-us-east-1.agora.io",
        "https://api-us-west-1.sd-rtn.com",
        "https://api-us-east-1.sd-rtn.com",
        "https://api.agora.io",
        "https://api.sd-rtn.com",
    )
    assert hosts("CN")[0] == "https://api-cn-east-1.sd-rtn.com"
    assert hosts(RegionArea.CN.value)[-2:] == ("https://api.sd-rtn.com", "https://api.agora.io")
    assert hosts(RegionArea.AP)[:2] == (
        "https://api-ap-southeast-1.agora.io",
        "https://api-ap-northeast-1.agora.io",
    )
    assert hosts(RegionArea.EU)[1] == "https://api-eu-central-1.agora.io"
    with pytest.raises(ClientBuildException, match="region"):
        hosts("MARS")


def test_closed_client_raises_clear_error(emu: Emulator) -> None:
    client = IndividualRecordingClient(**client_kwargs(emu))
    client.close()
    client.close()  # idempotent
    with pytest.raises(ClientClosedError, match="closed"):
        client.acquire("room", "1")
    with pytest.raises(ClientClosedError), client:
        pass
    assert emu.requests == []


async def test_closed_async_client_raises(emu: Emulator) -> None:
    client = AsyncWebRecordingClient(**client_kwargs(emu))
    await client.aclose()
    with pytest.raises(ClientClosedError):
        await client.query("r", "s")


def test_build_errors() -> None:
    with pytest.raises(ClientBuildException, match="customer_secret"):
        IndividualRecordingClient(app_id="a", customer_id="c", customer_secret="")
    with pytest.raises(ClientBuildException, match="app_id"):
        IndividualRecordingClient.new_builder().with_basic_auth("c", "s").with_region("US").build()
    with pytest.raises(ClientBuildException, match="region"):
        MixRecordingClient.new_builder().with_app_id("a").with_basic_auth("c", "s").build()
    with pytest.raises(ClientBuildException, match="base URL"):
        WebRecordingClient(app_id="a", customer_id="c", customer_secret="s", base_url="ftp://x")
    with pytest.raises(ClientBuildException, match="max_retries"):
        WebRecordingClient(app_id="a", customer_id="c", customer_secret="s", max_retries=-1)


def test_building_and_using_a_client_starts_no_thread(emu: Emulator) -> None:
    before = {t.ident for t in threading.enumerate()}
    with (
        IndividualRecordingClient.new_builder()
        .with_app_id(emu.app_id)
        .with_basic_auth(emu.customer_id, emu.customer_secret)
        .with_region(RegionArea.US)
        .build() as idle
    ):
        assert idle.current_endpoint == "https://api-us-west-1.agora.io"
    with MixRecordingClient(**client_kwargs(emu)) as client:
        rid = client.acquire("room6", "6006").resource_id
        started = client.start(rid, "room6", "6006", storage_config=STORAGE)
        client.query(started.resource_id, started.sid)
        client.stop(started.resource_id, started.sid, "room6", "6006")
        during = {t.ident for t in threading.enumerate()}
    after = {t.ident for t in threading.enumerate()}
    # the emulator may serve each connection on its own thread; none of ours may appear or remain
    ours = [t for t in threading.enumerate() if t.ident not in before and "agora_cr" in (t.name or "")]
    assert ours == []
    assert after - before <= during - before
    assert threading.active_count() == len(after)


def test_results_repr_to_dict_and_aliases(emu: Emulator) -> None:
    with MixRecordingClient(**client_kwargs(emu)) as client:
        acquired = client.acquire("room7", "7007")
        started = client.start(
            acquired.resource_id,
            "room7",
            "7007",
            storage_config=STORAGE,
            recording_file_config={"avFileType": ["hls", "mp4"]},
        )
        for _ in range(3):
            queried = client.query(started.resource_id, started.sid)
        stopped = client.stop(started.resource_id, started.sid, "room7", "7007")
    assert queried.file_list_mode == queried.fileListMode == "json"
    assert queried.fileList == queried.files and queried.files[0].fileName == queried.files[0].file_name
    assert queried.serverResponse["status"] == 5
    assert queried.to_dict()["serverResponse"]["fileListMode"] == "json"
    assert repr(stopped).startswith("StopResult(resource_id=")
    assert acquired == acquired and acquired.to_dict() == {
        "cname": "room7",
        "uid": "7007",
        "resourceId": acquired.resource_id,
    }
