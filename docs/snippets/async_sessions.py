"""Async: record three channels at once with one AsyncMixRecordingClient."""

from __future__ import annotations

import asyncio

from agora_cr import AsyncMixRecordingClient, api_start
from agora_cr.testing import Emulator

STORAGE = api_start.StorageConfig(vendor=1, region=0, bucket="b", accessKey="ak", secretKey="sk")


# --8<-- [start:session]
async def record(client: AsyncMixRecordingClient, cname: str, uid: str) -> str:
    resource = await client.acquire(cname, uid)
    session = await client.start(resource.resource_id, cname, uid, storage_config=STORAGE)
    try:
        while not (await client.query(resource.resource_id, session.sid)).is_recording:
            await asyncio.sleep(0.1)  # use about 5 s against the real service
    finally:
        result = await client.stop(resource.resource_id, session.sid, cname, uid)
    return f"{cname}: {result.uploading_status}, {len(result.files)} file(s)"


async def main(base_url: str, app_id: str, customer_id: str, customer_secret: str) -> None:
    # One client (one connection pool) serves every concurrent call.
    async with AsyncMixRecordingClient(
        app_id=app_id, customer_id=customer_id, customer_secret=customer_secret, base_url=base_url
    ) as client:
        results = await asyncio.gather(*(record(client, f"room{n}", "9000") for n in range(3)))
    for line in results:
        print(line)


# --8<-- [end:session]


if __name__ == "__main__":
    # The real service allows 10 requests per second (the client backs off on 429); the emulator
    # enforces the same limit unless told otherwise.
    with Emulator(qps_limit=None) as emulator:
        asyncio.run(main(emulator.base_url, emulator.app_id, emulator.customer_id, emulator.customer_secret))
