"""The home page example: one mix recording against the emulator."""

from __future__ import annotations

from agora_cr import MixRecordingClient, api_start
from agora_cr.testing import Emulator

with Emulator() as emulator:
    # --8<-- [start:home]
    client = MixRecordingClient(
        app_id=emulator.app_id,  # against Agora: your App ID, customer ID and secret,
        customer_id=emulator.customer_id,  # and region=RegionArea.EU etc. instead of base_url
        customer_secret=emulator.customer_secret,
        base_url=emulator.base_url,
    )
    with client:
        resource = client.acquire("room1", "1001")
        session = client.start(
            resource.resource_id,
            "room1",
            "1001",
            storage_config=api_start.StorageConfig(
                vendor=1, region=0, bucket="my-bucket", accessKey="...", secretKey="..."
            ),
        )
        print(client.query(resource.resource_id, session.sid).status_name)
        result = client.stop(resource.resource_id, session.sid, "room1", "1001")
        print(result.uploading_status, [f.file_name for f in result.files])
    # --8<-- [end:home]
