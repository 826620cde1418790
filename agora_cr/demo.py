"""``agora-cr demo``: every mode's lifecycle against the embedded emulator, printed step by step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .compat import api_start, api_update
from .modes import IndividualRecordingClient, MixRecordingClient, WebRecordingClient
from .results import QueryResult, StopResult
from .testing import Emulator

# The emulator accepts any storage credentials; these never leave the machine.
STORAGE = api_start.StorageConfig(
    vendor=1, region=0, bucket="demo-bucket", accessKey="demo-access-key", secretKey="demo-secret-key"
)
# Bounded: the emulator reports "in progress" with files by the third query.
MAX_QUERIES = 5


def _short(value: str | None, keep: int = 12) -> str:
    if value is None:
        return "-"
    return value if len(value) <= keep * 2 else f"{value[:keep]}…{value[-4:]} ({len(value)} chars)"


def _files(result: QueryResult | StopResult) -> str:
    names = [f.file_name for f in result.files]
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f"{len(names)} file(s)" + (f": {shown}" if names else "")


class _Printer:
    def __init__(self, out: TextIO, mode: str) -> None:
        self.out, self.mode = out, mode

    def step(self, name: str, text: str) -> None:
        self.out.write(f"[{self.mode:<10}] {name:<13} {text}\n")
        self.out.flush()


def _wait_for_files(client: Any, resource_id: str, sid: str, say: _Printer) -> None:
    for _ in range(MAX_QUERIES):
        status = client.query(resource_id, sid)
        extra = ""
        for service in status.extension_service_states:
            extra += f"; {service.service_name}: {service.state}"
        say.step("query", f"status={status.status} ({status.status_name}), {_files(status)}{extra}")
        if status.files:
            return


def _individual(client: IndividualRecordingClient, emu: Emulator, say: _Printer) -> None:
    cname, uid = "demo-individual", "10001"
    emu.set_channel_users(cname, 2)
    resource = client.acquire(cname, uid)
    say.step("acquire", f"resource_id={_short(resource.resource_id)}")
    started = client.start(
        resource.resource_id,
        cname,
        uid,
        None,
        storage_config=STORAGE,
        recording_config=api_start.RecordingConfig(
            channelType=1,
            streamTypes=2,
            streamMode="standard",
            subscribeAudioUids=["#allstream#"],
            subscribeVideoUids=["#allstream#"],
            subscribeUidGroup=0,
        ),
        recording_file_config=api_start.RecordingFileConfig(avFileType=["hls"]),
    )
    say.step("start", f"sid={started.sid}")
    _wait_for_files(client, resource.resource_id, started.sid, say)
    client.update(
        resource.resource_id,
        started.sid,
        cname,
        uid,
        stream_subscribe=api_update.StreamSubscribe(
            videoUidList=api_update.VideoUidList(subscribeVideoUids=["#allstream#"])
        ),
    )
    say.step("update", "video subscription set to #allstream#")
    stopped = client.stop(resource.resource_id, started.sid, cname, uid)
    say.step("stop", f"uploading_status={stopped.uploading_status}, {_files(stopped)}")


def _mix(client: MixRecordingClient, emu: Emulator, say: _Printer) -> None:
    cname, uid = "demo-mix", "10002"
    emu.set_channel_users(cname, 2)
    resource = client.acquire(cname, uid)
    say.step("acquire", f"resource_id={_short(resource.resource_id)}")
    started = client.start(
        resource.resource_id,
        cname,
        uid,
        None,
        storage_config=STORAGE,
        recording_config=api_start.RecordingConfig(
            channelType=1,
            audioProfile=1,
            transcodingConfig=api_start.TranscodingConfig(
                width=1280, height=720, fps=15, bitrate=1130, mixedVideoLayout=1
            ),
        ),
        recording_file_config=api_start.RecordingFileConfig(avFileType=["hls", "mp4"]),
    )
    say.step("start", f"sid={started.sid}")
    _wait_for_files(client, resource.resource_id, started.sid, say)
    client.update(
        resource.resource_id,
        started.sid,
        cname,
        uid,
        stream_subscribe=api_update.StreamSubscribe(
            audioUidList=api_update.AudioUidList(subscribeAudioUids=["#allstream#"])
        ),
    )
    say.step("update", "audio subscription set to #allstream#")
    client.update_layout(
        resource.resource_id,
        started.sid,
        cname,
        uid,
        mixed_video_layout=3,
        background_color="#1E90FF",
        layout_config=[
            api_start.LayoutConfig(x_axis=0.0, y_axis=0.0, width=0.5, height=1.0),
            api_start.LayoutConfig(x_axis=0.5, y_axis=0.0, width=0.5, height=1.0),
        ],
    )
    say.step("updateLayout", "custom layout: two side-by-side windows on #1E90FF")
    stopped = client.stop(resource.resource_id, started.sid, cname, uid)
    say.step("stop", f"uploading_status={stopped.uploading_status}, {_files(stopped)}")


def _web(client: WebRecordingClient, emu: Emulator, say: _Printer) -> None:
    del emu  # web recording needs no users in a channel
    cname, uid = "demo-web-page", "10003"
    resource = client.acquire(cname, uid)
    say.step("acquire", f"resource_id={_short(resource.resource_id)} (scene 1)")
    started = client.start(
        resource.resource_id,
        cname,
        uid,
        storage_config=STORAGE,
        extension_service_config=api_start.ExtensionServiceConfig(
            extensionServices=[
                api_start.ExtensionServices(
                    serviceName="web_recorder_service",
                    serviceParam=api_start.ServiceParam(
                        url="https://example.com/page",
                        audioProfile=0,
                        videoWidth=1280,
                        videoHeight=720,
                        maxRecordingHour=1,
                    ),
                ),
                api_start.ExtensionServices(
                    serviceName="rtmp_publish_service",
                    serviceParam=api_start.RtmpPublishParam(
                        outputs=[api_start.RtmpOutput(rtmpUrl="rtmp://cdn.example.com/live/demo")]
                    ),
                ),
            ]
        ),
        recording_file_config=api_start.RecordingFileConfig(avFileType=["hls", "mp4"]),
    )
    say.step("start", f"sid={started.sid}")
    _wait_for_files(client, resource.resource_id, started.sid, say)
    client.update(
        resource.resource_id,
        started.sid,
        cname,
        uid,
        web_recording_config=api_update.WebRecordingConfig(onhold=True),
    )
    say.step("update", "web recording paused (onhold=true)")
    stopped = client.stop(resource.resource_id, started.sid, cname, uid)
    say.step("stop", f"uploading_status={stopped.uploading_status}, {_files(stopped)}")


WALKS: dict[str, tuple[type[Any], Callable[[Any, Emulator, _Printer], None]]] = {
    "individual": (IndividualRecordingClient, _individual),
    "mix": (MixRecordingClient, _mix),
    "web": (WebRecordingClient, _web),
}


def run_demo(out: TextIO, modes: Sequence[str] = ("individual", "mix", "web")) -> int:
    """Start an emulator and walk each mode's lifecycle; returns the exit status (0)."""
    with Emulator(qps_limit=None) as emu:
        out.write(f"agora-cr demo: embedded Cloud Recording emulator at {emu.base_url}\n\n")
        for mode in modes:
            client_cls, walk = WALKS[mode]
            with client_cls(
                app_id=emu.app_id,
                customer_id=emu.customer_id,
                customer_secret=emu.customer_secret,
                base_url=emu.base_url,
            ) as client:
                walk(client, emu, _Printer(out, mode))
            out.write("\n")
        out.write(f"done: {len(modes)} mode(s), {len(emu.requests)} requests served.\n")
    return 0
