"""Error mapping: HTTP status + Agora code -> one exception class, with full context."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import (
    AlreadyStartedError,
    AuthenticationError,
    BadRequestError,
    ClientRequestException,
    IndividualRecordingClient,
    InvalidOperationError,
    InvalidResponseError,
    MixRecordingClient,
    NoRecordedDataError,
    NotFoundError,
    RateLimitError,
    RequestTimeoutError,
    ResourceExpiredError,
    ServerError,
    TaskConflictError,
    exceptions,
)
from agora_cr.testing import Emulator


@pytest.fixture
def mix(emu: Emulator) -> Iterator[MixRecordingClient]:
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        yield client


def test_exceptions_module_draws_the_tree() -> None:
    doc = exceptions.__doc__ or ""
    for name in (
        "ClientException",
        "ValidationError",
        "ClientRequestException",
        "AlreadyStartedError",
        "TaskConflictError",
        "RequestNotCompletedError",
        "ClientTimeoutException",
        "ConnectionError",
    ):
        assert name in doc
    assert "└──" in doc


def test_repeated_start_is_already_started(mix: MixRecordingClient, emu: Emulator) -> None:
    rid = mix.acquire("room", "11").resource_id
    mix.start(rid, "room", "11", storage_config=STORAGE)
    with pytest.raises(AlreadyStartedError) as info:
        mix.start(rid, "room", "11", storage_config=STORAGE)
    error = info.value
    assert (error.status_code, error.error_code) == (201, 7)
    assert (
        error.resource_id == rid
        and error.cname == "room"
        and error.uid == "11"
        and error.operation == "start"
    )
    assert [r.operation for r in emu.requests].count("start") == 2  # never retried


def test_task_conflict_and_stop_twice(mix: MixRecordingClient) -> None:
    first = mix.start(mix.acquire("room", "12").resource_id, "room", "12", storage_config=STORAGE)
    with pytest.raises(TaskConflictError) as conflict:
        mix.start(mix.acquire("room", "12").resource_id, "room", "12", storage_config=STORAGE)
    assert isinstance(conflict.value, BadRequestError) and conflict.value.error_code == 53
    mix.stop(first.resource_id, first.sid, "room", "12")
    with pytest.raises(InvalidOperationError) as again:
        mix.stop(first.resource_id, first.sid, "room", "12")
    assert (again.value.status_code, again.value.error_code, again.value.sid) == (400, 49, first.sid)
    with pytest.raises(NotFoundError) as gone:
        mix.query(first.resource_id, first.sid)
    assert (gone.value.status_code, gone.value.error_code) == (404, 404)
    assert gone.value.error_msg == "failed to find worker"


def test_bad_credentials(emu: Emulator) -> None:
    with (
        IndividualRecordingClient(**client_kwargs(emu, customer_secret="wrong")) as client,
        pytest.raises(AuthenticationError) as info,
    ):
        client.acquire("room", "1")
    assert info.value.status_code == 401 and info.value.error_msg == "Invalid authentication credentials"
    assert "wrong" not in repr(info.value) and "wrong" not in str(info.value)


@pytest.mark.parametrize(
    "status,code,cls",
    [
        (400, 2, exceptions.InvalidParameterError),
        (400, 433, ResourceExpiredError),
        (206, 435, NoRecordedDataError),
        (504, 62, RequestTimeoutError),
        (500, 502, ServerError),
        (404, None, NotFoundError),
        (429, None, RateLimitError),
        (418, 999, ClientRequestException),
        (200, 1003, ClientRequestException),  # a 2xx body carrying an error code
        (206, 77, ClientRequestException),
    ],
)
def test_status_and_code_table(
    mix: MixRecordingClient, emu: Emulator, status: int, code: int | None, cls: type
) -> None:
    if code is None:
        emu.inject(operation="acquire", status=status)
    else:
        emu.inject(operation="acquire", status=status, code=code, reason="because")
    with pytest.raises(cls) as info:
        mix.acquire("room", "13")
    error = info.value
    assert type(error) is cls
    assert error.status_code == status and error.request_id
    assert re.fullmatch(r"[0-9a-f]{32}", error.request_id)  # the emulator's X-Request-ID header
    if code is not None:
        assert error.error_code == code and error.error_msg == "because"
    assert error.request_id in str(error)


@pytest.mark.parametrize("kind", ["html", "empty", "invalid_json", "wrong_shape"])
def test_malformed_responses_become_invalid_response_error(
    mix: MixRecordingClient, emu: Emulator, kind: str
) -> None:
    emu.inject(kind, operation="acquire")
    with pytest.raises((InvalidResponseError, ServerError)) as info:
        mix.acquire("room", "14")
    assert isinstance(info.value, ClientRequestException)
    assert info.value.error_msg


def test_html_502_is_server_error_with_readable_message(mix: MixRecordingClient, emu: Emulator) -> None:
    emu.inject("html", operation="acquire", status=502)
    with pytest.raises(ServerError) as info:
        mix.acquire("room", "15")
    assert info.value.status_code == 502 and "html" in (info.value.error_msg or "").lower()


def test_200_missing_required_fields(mix: MixRecordingClient, emu: Emulator) -> None:
    emu.inject(operation="start", status=200, body={"cname": "room", "uid": "16", "resourceId": "r"})
    rid = mix.acquire("room", "16").resource_id
    with pytest.raises(InvalidResponseError, match="sid"):
        mix.start(rid, "room", "16", storage_config=STORAGE)
    emu.inject(operation="query", status=200, body={"resourceId": "r", "sid": "s", "serverResponse": []})
    with pytest.raises(InvalidResponseError, match="serverResponse"):
        mix.query("r", "s")
