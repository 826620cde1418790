"""Errors: what each failure raises, shown against the emulator."""

from __future__ import annotations

from agora_cr import (
    AlreadyStartedError,
    ClientRequestException,
    InvalidOperationError,
    MixRecordingClient,
    NotFoundError,
    ServerError,
    ValidationError,
    api_start,
)
from agora_cr.testing import Emulator

STORAGE = api_start.StorageConfig(vendor=1, region=0, bucket="b", accessKey="ak", secretKey="sk")

with (
    Emulator() as emulator,
    MixRecordingClient(
        app_id=emulator.app_id,
        customer_id=emulator.customer_id,
        customer_secret=emulator.customer_secret,
        base_url=emulator.base_url,
    ) as client,
):
    # --8<-- [start:catch]
    resource = client.acquire("room1", "1001")
    session = client.start(resource.resource_id, "room1", "1001", storage_config=STORAGE)
    try:
        client.start(resource.resource_id, "room1", "1001", storage_config=STORAGE)
    except AlreadyStartedError as exc:  # 201 {"code": 7}: a 2xx that is an error
        print(f"{type(exc).__name__}: status={exc.status_code} code={exc.error_code}")

    client.stop(resource.resource_id, session.sid, "room1", "1001")
    try:
        client.stop(resource.resource_id, session.sid, "room1", "1001")
    except InvalidOperationError as exc:  # 400 {"code": 49}: the task is already exiting
        print(f"{type(exc).__name__}: status={exc.status_code} code={exc.error_code}")

    try:
        client.query(resource.resource_id, session.sid)
    except NotFoundError as exc:  # 404: the session is over
        print(f"{type(exc).__name__}: status={exc.status_code} sid={exc.sid}")
    # --8<-- [end:catch]

    # --8<-- [start:validation]
    try:
        client.acquire("room1", "0")  # UIDs are 1..4294967295
    except ValidationError as exc:  # raised before anything is sent
        print(f"{type(exc).__name__}: field={exc.field}")
    # --8<-- [end:validation]

    # --8<-- [start:server]
    emulator.inject(operation="start", status=500, code=502, reason="Failed to allocate worker")
    resource = client.acquire("room2", "1002")
    try:
        client.start(resource.resource_id, "room2", "1002", storage_config=STORAGE)
    except ServerError as exc:
        # start is not retried on a 5xx: acquire a new resource ID (and, after repeated
        # failures, use another UID) before trying again.
        print(f"{type(exc).__name__}: status={exc.status_code} code={exc.error_code} {exc.error_msg}")
    except ClientRequestException as exc:  # the catch-all of every failed call
        print(f"unexpected: {exc!r}")
    # --8<-- [end:server]
