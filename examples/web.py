"""Web page recording with a CDN push: record a URL and stream it to an RTMP address.

acquire -> start (web recorder + RTMP publisher) -> query until recording -> pause -> resume ->
move the CDN push to another address -> stop.

Runs against an in-process emulator by default. With AGORA_APP_ID, AGORA_CUSTOMER_ID and
AGORA_CUSTOMER_SECRET set (and optionally AGORA_REGION: US, EU, AP or CN) it talks to Agora instead;
then set the storage too (AGORA_STORAGE_VENDOR, AGORA_STORAGE_REGION, AGORA_STORAGE_BUCKET,
AGORA_STORAGE_ACCESS_KEY, AGORA_STORAGE_SECRET_KEY), AGORA_WEB_URL (the page) and AGORA_RTMP_URL
(the CDN address).

    python examples/web.py
"""

from __future__ import annotations

import os
import sys
import time

from agora_cr import ClientRequestException, ExtensionServiceName, WebRecordingClient, api_start, api_update
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
        fileNamePrefix=["recordings", "web"],
    )


def main() -> int:
    # In web mode cname is only a label that tells recording processes apart.
    cname = os.environ.get("AGORA_CNAME", "web_demo")
    uid = os.environ.get("AGORA_UID", "527843")
    page = os.environ.get("AGORA_WEB_URL", "https://example.com/live-class")
    rtmp = os.environ.get("AGORA_RTMP_URL", "rtmp://live.example.com/app/stream-key")
    emulator = None
    if all(os.environ.get(name) for name in CREDENTIALS):
        client = WebRecordingClient.from_env()
        poll_every = 5.0
    else:
        emulator = Emulator().start()
        client = WebRecordingClient(
            app_id=emulator.app_id,
            customer_id=emulator.customer_id,
            customer_secret=emulator.customer_secret,
            base_url=emulator.base_url,
        )
        poll_every = 0.1
    print(f"target: {'emulator' if emulator else client.current_endpoint}")

    try:
        with client:
            return record(client, cname, uid, page, rtmp, poll_every)
    except ClientRequestException as exc:
        print(f"failed: {type(exc).__name__}: status={exc.status_code} code={exc.error_code} {exc.error_msg}")
        return 1
    finally:
        if emulator is not None:
            emulator.close()


def record(client: WebRecordingClient, cname: str, uid: str, page: str, rtmp: str, poll_every: float) -> int:
    resource = client.acquire(cname, uid)  # web mode sends scene 1 by itself
    print(f"acquired: resource_id={resource.resource_id[:16]}...")

    # --8<-- [start:start]
    session = client.start(
        resource.resource_id,
        cname,
        uid,
        storage_config=storage_from_env(),
        extension_service_config=api_start.ExtensionServiceConfig(
            errorHandlePolicy="error_abort",
            extensionServices=[
                api_start.ExtensionServices(
                    serviceName=ExtensionServiceName.WEB_RECORDER_SERVICE.value,
                    errorHandlePolicy="error_abort",
                    serviceParam=api_start.ServiceParam(
                        url=page,
                        audioProfile=0,
                        videoWidth=1280,
                        videoHeight=720,
                        maxRecordingHour=2,
                        maxVideoDuration=120,  # MP4 slices of 120 minutes
                    ),
                ),
                api_start.ExtensionServices(
                    serviceName=ExtensionServiceName.RTMP_PUBLISH_SERVICE.value,
                    errorHandlePolicy="error_ignore",  # a CDN failure does not stop the recording
                    serviceParam=api_start.ServiceParam(outputs=[api_start.Outputs(rtmpUrl=rtmp)]),
                ),
            ],
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

        # --8<-- [start:update]
        # Pause: the page stays loaded but no slices are written; then resume.
        client.update(
            resource.resource_id,
            session.sid,
            cname,
            uid,
            web_recording_config=api_update.WebRecordingConfig(onhold=True),
        )
        print("paused")
        client.update(
            resource.resource_id,
            session.sid,
            cname,
            uid,
            web_recording_config=api_update.WebRecordingConfig(onhold=False),
        )
        print("resumed")

        # Move the CDN push to another address.
        client.update(
            resource.resource_id,
            session.sid,
            cname,
            uid,
            rtmp_publish_config=api_update.RtmpPublishConfig(
                outputs=[api_update.Outputs(rtmpUrl=rtmp + "-backup")],
            ),
        )
        print("cdn: pushing to the backup address")
        # --8<-- [end:update]

        # --8<-- [start:services]
        status = client.query(resource.resource_id, session.sid)
        for service in status.extension_service_states:
            outputs = ", ".join(f"{o.rtmp_url} ({o.status})" for o in service.outputs)
            print(f"service: {service.service_name} state={service.state} {outputs}".rstrip())
        # --8<-- [end:services]
    finally:
        result = client.stop(resource.resource_id, session.sid, cname, uid)
        print(f"stopped: uploading_status={result.uploading_status} files={len(result.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
