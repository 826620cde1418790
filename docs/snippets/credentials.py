"""Three ways to configure a client; run with AGORA_* variables set (the docs test points them at
the emulator)."""

from __future__ import annotations

import os

from agora_cr import IndividualRecordingClient, RegionArea

# --8<-- [start:env]
# AGORA_APP_ID, AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET; optional AGORA_REGION (US, EU, AP, CN)
# and AGORA_BASE_URL (emulator or proxy). Keyword arguments override the environment.
with IndividualRecordingClient.from_env() as client:
    print(client.acquire("room1", "1001").resource_id != "")
# --8<-- [end:env]

base_url = os.environ.get("AGORA_BASE_URL")  # None against the real service

# --8<-- [start:kwargs]
client = IndividualRecordingClient(
    app_id=os.environ["AGORA_APP_ID"],
    customer_id=os.environ["AGORA_CUSTOMER_ID"],
    customer_secret=os.environ["AGORA_CUSTOMER_SECRET"],
    region=RegionArea.EU,  # picks the EU hosts; ignored when base_url is given
    base_url=base_url,
    timeout=30.0,  # seconds per HTTP attempt
    max_retries=2,  # extra attempts for retryable failures
)
print(client.region, client.endpoints[0] if base_url is None else "base_url")
client.close()
# --8<-- [end:kwargs]

# --8<-- [start:regions]
for area in RegionArea:
    print(area.value, area.hosts()[0])
# --8<-- [end:regions]
