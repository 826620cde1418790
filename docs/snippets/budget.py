"""Pacing: a burst inside the 10 requests/s budget, and a fleet sharing it on Redis (docs test)."""

from __future__ import annotations

import asyncio
import shutil

from agora_cr import AsyncMixRecordingClient, MixRecordingClient, RedisRateLimiter
from agora_cr.testing import Emulator, RedisServer

STORAGE = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "ak", "secretKey": "sk"}

with Emulator(qps_limit=10) as emu:  # the emulator answers 429 above 10 requests/s, as the service
    credentials = {
        "app_id": emu.app_id,
        "customer_id": emu.customer_id,
        "customer_secret": emu.customer_secret,
        "base_url": emu.base_url,
    }

    # --8<-- [start:burst]
    async def record(client: AsyncMixRecordingClient, cname: str) -> None:
        resource = await client.acquire(cname, "1001")
        session = await client.start(resource.resource_id, cname, "1001", "<token>", storage_config=STORAGE)
        await client.stop(resource.resource_id, session.sid, cname, "1001")

    async def burst() -> None:
        # No rate_limit=: the App ID's shared limiter, 10 requests/s, stop first.
        async with AsyncMixRecordingClient(**credentials) as client:
            await asyncio.gather(*(record(client, f"room{i}") for i in range(8)))

    asyncio.run(burst())  # 24 requests in about 2.2 s; none answered 429
    # --8<-- [end:burst]
    print("429 answers:", sum(r.status == 429 for r in emu.requests))

    if shutil.which("redis-server"):
        with RedisServer() as redis_server:
            # --8<-- [start:fleet]
            # In every process of the fleet (same URL, same App ID): one budget for all of them.
            limiter = RedisRateLimiter(redis_server.url, qps=10)
            with MixRecordingClient(**credentials, rate_limit=limiter) as client:
                resource = client.acquire("fleet-room", "1001")
                print("paced on", limiter)
            limiter.close()
            # --8<-- [end:fleet]
    else:
        print("paced on RedisRateLimiter('redis://127.0.0.1:PORT/0', qps=10)")
