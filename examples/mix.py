"""Composite (mix) recording: every user mixed into one file, with layouts.

acquire -> start (custom layout on a 1280x720 canvas, HLS + MP4) -> query until recording ->
update_layout (vertical layout) -> query the files -> stop.

Runs against an in-process emulator by default. With AGORA_APP_ID, AGORA_CUSTOMER_ID and
AGORA_CUSTOMER_SECRET set (and optionally AGORA_REGION: US, EU, AP or CN) it talks to Agora instead;
then set the storage too (AGORA_STORAGE_VENDOR, AGORA_STORAGE_REGION, AGORA_STORAGE_BUCKET,
AGORA_STORAGE_ACCESS_KEY, AGORA_STORAGE_SECRET_KEY) and, for a channel with an App Certificate,
AGORA_TOKEN. AGORA_CNAME and AGORA_UID choose the channel and the recorder's UID.

    python examples/mix.py
"""

from __future__ import annotations

import os
import sys
import time

from agora_cr import ClientRequestException, MixRecordingClient, api_start
from agora_cr.testing import Emulator

CREDENTIALS = ("AGORA_APP_ID", "AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET")


def storage_from_env() -> api_start.StorageConfig:
    """Where the files go. The emulator accepts any values; Agora needs a real bucket."""
    return api_start.StorageConfig(
        vendor=int(os.environ.get("AGORA_STORAGE_VENDOR", "1")),  # 1: Amazon S3
        region=int(os.environ.get("AGORA_STORAGE_REGION", "0")),  # 0: us-east-1 for S3
        bucket=os.environ.get("AGORA_STORAGE_BUCKET", "example-bucket"),
        accessKey=os.environ.get("AGORA_STORAGE_ACCESS_KEY", "example-access-key"),
        secretKey=os.environ.get("AGORA_STORAGE_SECRET_KEY", "example-secret-key"),
        fileNamePrefix=["recordings", "mix"],
    )


def main() -> int:
    cname = os.environ.get("AGORA_CNAME", "demo_channel")
    uid = os.environ.get("AGORA_UID", "527842")
    token = os.environ.get("AGORA_TOKEN")  # needed when the App Certificate is enabled
    emulator = None
    if all(os.environ.get(name) for name in CREDENTIALS):
        client = MixRecordingClient.from_env()
        poll_every = 5.0
    else:
        emulator = Emulator().start()
        emulator.set_channel_users(cname, 2)  # pretend two users publish in the channel
        client = MixRecordingClient(
            app_id=emulator.app_id,
            customer_id=emulator.customer_id,
            customer_secret=emulator.customer_secret,
            base_url=emulator.base_url,
        )
        poll_every = 0.1
    print(f"target: {'emulator' if emulator else client.current_endpoint}")

    try:
        with client:
            return record(client, cname, uid, token, poll_every)
    except ClientRequestException as exc:
        print(f"failed: {type(exc).__name__}: status={exc.status_code} code={exc.error_code} {exc.error_msg}")
        return 1
    finally:
        if emulator is not None:
            emulator.close()


def record(client: MixRecordingClient, cname: str, uid: str, token: str | None, poll_every: float) -> int:
    resource = client.acquire(cname, uid)
    print(f"acquired: resource_id={resource.resource_id[:16]}...")

    # --8<-- [start:start]
    # Two users side by side on a 1280x720 canvas (custom layout: mixedVideoLayout 3).
    # Coordinates and sizes are fractions of the canvas.
    session = client.start(
        resource.resource_id,
        cname,
        uid,
        token,
        storage_config=storage_from_env(),
        recording_config=api_start.RecordingConfig(
            channelType=0,
            streamTypes=2,
            audioProfile=1,  # 48 kHz mono, about 128 kbps
            maxIdleTime=30,
            transcodingConfig=api_start.TranscodingConfig(
                width=1280,
                height=720,
                fps=15,
                bitrate=1130,
                mixedVideoLayout=3,
                backgroundColor="#1F2937",
                layoutConfig=[
                    api_start.LayoutConfig(uid="1001", x_axis=0.0, y_axis=0.0, width=0.5, height=1.0),
                    api_start.LayoutConfig(uid="1002", x_axis=0.5, y_axis=0.0, width=0.5, height=1.0),
                ],
            ),
        ),
        recording_file_config=api_start.RecordingFileConfig(avFileType=["hls", "mp4"]),
    )
    print(f"started: sid={session.sid}")
    # --8<-- [end:start]

    try:
        for _ in range(20):
            status = client.query(resource.resource_id, session.sid)
            print(f"query: status={status.status} ({status.status_name})")
            if status.is_recording:
                break
            time.sleep(poll_every)
        else:
            print("the recorder did not start")
            return 1

        # --8<-- [start:layout]
        # update_layout replaces the whole layout: whatever is omitted reverts to its default.
        client.update_layout(
            resource.resource_id,
            session.sid,
            cname,
            uid,
            mixed_video_layout=2,  # vertical: one large window plus a column of small ones
            max_resolution_uid="1001",  # the large window
            background_color="#000000",
        )
        print("layout: vertical, 1001 large")
        # --8<-- [end:layout]

        status = client.query(resource.resource_id, session.sid)
        print(f"query: status={status.status} file_list_mode={status.file_list_mode}")
        for file in status.files:
            print(f"file: {file.file_name}")
    finally:
        result = client.stop(resource.resource_id, session.sid, cname, uid)
        print(f"stopped: uploading_status={result.uploading_status} files={len(result.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
