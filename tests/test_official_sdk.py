"""Agora's official Python SDK (agora-rest-client 0.2.0, from PyPI) runs whole lifecycles against the
emulator in all three modes, as its README and examples call it (examples/cloud_recording/v1 of
AgoraIO-Community/agora-rest-client-python at 5278dec9).

Two things are pointed elsewhere and nothing else is touched (benchmarks/official_adapter.py): the SDK's
host probing (a DNS lookup thread per suffix, then one forever) gives way to the emulator's address, and
its hard-coded ``https://`` to ``http://`` (the emulator serves plain HTTP on loopback). Every request
body is the SDK's own, and the emulator must take it with no error and answer what the SDK expects.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("CI"):  # CI installs the dev extras: a missing SDK is a failure, not a skip
    import agora_rest_client  # noqa: F401
else:
    pytest.importorskip("agora_rest_client")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from official_adapter import patch_official

from agora_cr.testing import Emulator

V1 = "agora_rest_client.services.cloud_recording.v1"
CNAME, UID, TOKEN = "sdk_channel", "123456", None
STORAGE = {
    "region": 3,
    "vendor": 2,
    "bucket": "my-bucket",
    "accessKey": "AKEXAMPLE",
    "secretKey": "SKEXAMPLE",
}


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None) as emulator:
        emulator.set_channel_users(CNAME, 1)
        patch_official(emulator.base_url)
        yield emulator


def _build(module: str, cls: str, emu: Emulator) -> Any:
    import importlib

    from agora_rest_client.core.domain import Domain, EndpointRegion

    client_class = getattr(importlib.import_module(f"{V1}.{module}"), cls)
    return (
        client_class.new_builder()
        .with_app_id(emu.app_id)
        .with_credential_basic_auth(emu.customer_id, emu.customer_secret)
        .with_domain(Domain(EndpointRegion.US.value))
        .with_http_timeout_seconds(10)
        .build()
    )


def _statuses(emu: Emulator) -> list[tuple[str | None, int | None, tuple[str, ...]]]:
    return [(r.operation, r.status, r.warnings) for r in emu.requests]


def test_individual_lifecycle_as_the_official_example_runs_it(emu: Emulator) -> None:
    from agora_rest_client.services.cloud_recording.v1.individual_recording import api_start, api_update

    client = _build("individual_recording.individual_recording_client", "IndividualRecordingClient", emu)
    resource = client.acquire(CNAME, UID)
    started = client.start(resource.resourceId, CNAME, UID, TOKEN, api_start.StorageConfig(**STORAGE))
    queried = client.query(resource.resourceId, started.sid)
    assert queried.serverResponse is not None
    subscribe = api_update.StreamSubscribe(
        videoUidList=api_update.VideoUidList(subscribeVideoUids=["#allstream#"])
    )
    client.update(resource.resourceId, started.sid, CNAME, UID, stream_subscribe=subscribe)
    stopped = client.stop(resource.resourceId, started.sid, CNAME, UID)
    assert stopped.resourceId == resource.resourceId
    assert [(op, status) for op, status, _ in _statuses(emu)] == [
        ("acquire", 200), ("start", 200), ("query", 200), ("update", 200), ("stop", 200)
    ]  # fmt: skip
    assert emu.requests[1].body["clientRequest"].keys() == {"recordingFileConfig", "storageConfig"}


def test_mix_lifecycle_as_the_official_example_runs_it(emu: Emulator) -> None:
    from agora_rest_client.services.cloud_recording.v1.mix_recording import api_start

    client = _build("mix_recording.mix_recording_client", "MixRecordingClient", emu)
    resource = client.acquire(CNAME, UID)
    started = client.start(resource.resourceId, CNAME, UID, TOKEN, api_start.StorageConfig(**STORAGE))
    client.query(resource.resourceId, started.sid)
    client.update_layout(resource.resourceId, started.sid, CNAME, UID, mixed_video_layout=1)
    stopped = client.stop(resource.resourceId, started.sid, CNAME, UID)
    assert stopped.serverResponse is not None
    assert [status for _, status, _ in _statuses(emu)] == [200] * 5
    assert all(warnings == () for _, _, warnings in _statuses(emu))


def test_web_lifecycle_as_the_official_readme_runs_it(emu: Emulator) -> None:
    from agora_rest_client.services.cloud_recording.v1.web_recording import api_start, api_update

    client = _build("web_recording.web_recording_client", "WebRecordingClient", emu)
    resource = client.acquire(CNAME, UID)
    services = api_start.ExtensionServiceConfig(
        extensionServices=[
            api_start.ExtensionServices(
                serviceName="web_recorder_service",
                serviceParam=api_start.ServiceParam(
                    url="https://www.agora.io",
                    audioProfile=2,
                    videoWidth=1280,
                    videoHeight=720,
                    maxRecordingHour=1,
                ),
            )
        ]
    )
    started = client.start(resource.resourceId, CNAME, UID, api_start.StorageConfig(**STORAGE), services)
    client.query(resource.resourceId, started.sid)
    client.update(
        resource.resourceId,
        started.sid,
        CNAME,
        UID,
        web_recording_config=api_update.WebRecordingConfig(onhold=True),
    )
    client.stop(resource.resourceId, started.sid, CNAME, UID)
    assert [status for _, status, _ in _statuses(emu)] == [200] * 5
