"""Individual recording: one file set per user, plus screenshots.

acquire -> start (recording and screenshots) -> query until recording -> update subscriptions -> stop.

Runs against an in-process emulator by default. With AGORA_APP_ID, AGORA_CUSTOMER_ID and
AGORA_CUSTOMER_SECRET set (and optionally AGORA_REGION: US, EU, AP or CN) it talks to Agora instead;
then set the storage too (AGORA_STORAGE_VENDOR, AGORA_STORAGE_REGION, AGORA_STORAGE_BUCKET,
AGORA_STORAGE_ACCESS_KEY, AGORA_STORAGE_SECRET_KEY) and, for a channel with an App Certificate,
AGORA_TOKEN. AGORA_CNAME and AGORA_UID choose the channel and the recorder's UID.

    python examples/individual.py
"""

from __future__ import annotations

import os
import sys
import time

from agora_cr import ClientRequestException, IndividualRecordingClient, api_start, api_update
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
        fileNamePrefix=["recordings", "individual"],
    )


def main() -> int:
    cname = os.environ.get("AGORA_CNAME", "demo_channel")
    uid = os.environ.get("AGORA_UID", "527841")
    token = os.environ.get("AGORA_TOKEN")  # needed when the App Certificate is enabled
    emulator = None
    if all(os.environ.get(name) for name in CREDENTIALS):
        client = IndividualRecordingClient.from_env()
        poll_every = 5.0
    else:
        emulator = Emulator().start()
        emulator.set_channel_users(cname, 2)  # pretend two users publish in the channel
        client = IndividualRecordingClient(
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


def record(
    client: IndividualRecordingClient, cname: str, uid: str, token: str | None, poll_every: float
) -> int:
    # --8<-- [start:lifecycle]
    resource = client.acquire(cname, uid)
    print(f"acquired: resource_id={resource.resource_id[:16]}...")

    session = client.start(
        resource.resource_id,
        cname,
        uid,
        token,
        storage_config=storage_from_env(),
        recording_config=api_start.RecordingConfig(
            channelType=0,  # 0 communication, 1 live broadcasting
            streamTypes=2,  # audio and video
            subscribeAudioUids=["#allstream#"],
            subscribeVideoUids=["#allstream#"],
            subscribeUidGroup=0,  # up to 2 users at a time
            maxIdleTime=30,
        ),
        recording_file_config=api_start.RecordingFileConfig(avFileType=["hls"]),
        snapshot_config=api_start.SnapshotConfig(captureInterval=5, fileType=["jpg"]),
    )
    print(f"started: sid={session.sid}")
    # --8<-- [end:lifecycle]

    try:
        # --8<-- [start:query]
        # A 200 from start only means "accepted": poll until the recorder runs (status 4 or 5).
        for _ in range(20):
            status = client.query(resource.resource_id, session.sid)
            print(f"query: status={status.status} ({status.status_name})")
            if status.is_recording:
                break
            time.sleep(poll_every)
        else:
            print("the recorder did not start")
            return 1
        # --8<-- [end:query]

        # --8<-- [start:update]
        # Record only the video of UID 1001 from now on (audio stays as it was).
        client.update(
            resource.resource_id,
            session.sid,
            cname,
            uid,
            stream_subscribe=api_update.StreamSubscribe(
                videoUidList=api_update.VideoUidList(subscribeVideoUids=["1001"]),
            ),
        )
        print("updated: video subscription is now ['1001']")
        # --8<-- [end:update]

        status = client.query(resource.resource_id, session.sid)
        for file in status.files:
            print(f"file: {file.file_name} uid={file.uid} track={file.track_type}")
    finally:
        # --8<-- [start:stop]
        # Always stop: a session left running keeps recording (and billing) until maxIdleTime.
        result = client.stop(resource.resource_id, session.sid, cname, uid)
        print(f"stopped: uploading_status={result.uploading_status} files={len(result.files)}")
        # --8<-- [end:stop]
    return 0


if __name__ == "__main__":
    sys.exit(main())
