"""The recorder's RTC token (AccessToken2, "007"), and the emulator checking it as the service does.

Vectors: AgoraIO/Tools, DynamicKey/AgoraDynamicKey/python3/test/AccessToken2Test.py (app ID, App
Certificate, channel, uid 2882341273, issue time 1111111, salt 1, expiry 600; the expected tokens of
test_service_rtc, test_service_rtc_uid_0 and test_multi_service). Codes 109 (token expired) and 110
(token invalid): the error-code table of Agora's Cloud Recording REST docs (their HTTP status is not
documented; the emulator answers 400).
"""

from __future__ import annotations

import time
import traceback

import pytest
from conftest import STORAGE, client_kwargs

from agora_cr import MixRecordingClient, TokenError, ValidationError
from agora_cr.testing import Emulator
from agora_cr.tokens import (
    JOIN_CHANNEL,
    PUBLISH_AUDIO,
    RtcToken,
    build_rtc_token,
    parse_token,
    verify_token,
)

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
VECTOR_RTC = (
    "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAw"
    "MoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
)
VECTOR_RTC_UID_0 = (
    "007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAw"
    "MoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADacImo="
)
VECTOR_MULTI_SERVICE = (
    "007eJxTYHh8IPKzTvBdf9ce8bk7G61vs06oca1e815/ot4+x7rfjDIKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbG7l8EGCKYGBgY"
    "GRgYWIEkCxCD+ExgkhlMsoBJBQbzFHMjYzPT1CRLC2MTC1NjS/NU41TjNMsUEzODpJSURC4GIwsLI2MTQyNzYyagORCTkEVZ4KKsWOXZgWIQm1HF"
    "//8HAL01L5I="
)


def test_agoras_vectors_reproduce() -> None:
    fixed = {"expire": 600, "issued_at": 1111111, "salt": 1}
    assert build_rtc_token(APP_ID, CERT, CHANNEL, UID, **fixed) == VECTOR_RTC
    assert build_rtc_token(APP_ID, CERT, CHANNEL, str(UID), **fixed) == VECTOR_RTC  # a user account
    assert build_rtc_token(APP_ID, CERT, CHANNEL, 0, **fixed) == VECTOR_RTC_UID_0


def test_a_token_reads_back_and_verifies() -> None:
    token = parse_token(VECTOR_RTC)
    assert token == RtcToken(APP_ID, 1111111, 600, 1, CHANNEL, str(UID), {JOIN_CHANNEL: 600})
    assert token.valid_until() == 1111711 and token.privilege_expires_at(PUBLISH_AUDIO) is None
    assert verify_token(VECTOR_RTC, CERT) and not verify_token(VECTOR_RTC, "0" * 32)
    many = parse_token(VECTOR_MULTI_SERVICE)  # RTC with publish privileges, then RTM, FPA, chat, APaaS
    assert many.privileges == {1: 600, 2: 600, 3: 600, 4: 600} and verify_token(many, CERT)


def test_a_publisher_token_has_the_publish_privileges() -> None:
    token = parse_token(build_rtc_token(APP_ID, CERT, "room", 1001, publisher=True, privilege_expire=3600))
    assert token.privileges == {1: 3600, 2: 3600, 3: 3600, 4: 3600} and token.expire == 24 * 3600


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"app_certificate": "short"}, "app_certificate"),
        ({"app_id": "not-an-app-id"}, "app_id"),
        ({"expire": 0}, "expire"),
        ({"expire": 24 * 3600 + 1}, "expire"),
        ({"privilege_expire": True}, "privilege_expire"),
    ],
)
def test_bad_inputs_are_validation_errors_without_the_certificate(
    kwargs: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {"app_id": APP_ID, "app_certificate": CERT, "channel": "room", "uid": 1}
    args.update(kwargs)
    with pytest.raises(ValidationError) as info:
        build_rtc_token(**args)  # type: ignore[arg-type]
    assert info.value.field == field
    frames = traceback.TracebackException.from_exception(info.value, capture_locals=True).stack
    text = (
        str(info.value)
        + repr(info.value)
        + "".join(str(f.locals) for f in frames if "agora_cr" in f.filename)
    )
    assert CERT not in text


@pytest.mark.parametrize("token", ["", "006abc", "007!!!", "007" + "QUJD", VECTOR_RTC[:40]])
def test_an_unreadable_token_is_a_validation_error(token: str) -> None:
    with pytest.raises(ValidationError):
        parse_token(token)


# ------------------------------------------------------------------------------------- the emulator
def _start(emu: Emulator, token: str | None, cname: str = "room", uid: str = "527841") -> object:
    with MixRecordingClient(**client_kwargs(emu, max_retries=0)) as client:
        resource = client.acquire(cname, uid)
        return client.start(resource.resource_id, cname, uid, token, storage_config=STORAGE)


@pytest.fixture
def certified() -> object:
    with Emulator(qps_limit=None, app_id=APP_ID, app_certificate=CERT) as emu:
        yield emu


def test_the_emulator_accepts_a_token_for_the_recorders_uid(certified: Emulator) -> None:
    assert _start(certified, build_rtc_token(APP_ID, CERT, "room", 527841, expire=3600))
    assert _start(certified, build_rtc_token(APP_ID, CERT, "room2", 0, expire=3600), cname="room2")  # any uid


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda: None, 110),
        (lambda: "007garbage", 110),
        (lambda: build_rtc_token(APP_ID, "a" * 32, "room", 527841), 110),  # another certificate
        (lambda: build_rtc_token(APP_ID, CERT, "other-room", 527841), 110),  # another channel
        (lambda: build_rtc_token(APP_ID, CERT, "room", 1001), 110),  # another uid
        (lambda: build_rtc_token("b" * 32, CERT, "room", 527841), 110),  # another App ID
        (
            lambda: build_rtc_token(
                APP_ID, CERT, "room", 527841, expire=60, issued_at=int(time.time()) - 120
            ),
            109,
        ),
    ],
    ids=["missing", "garbage", "foreign-certificate", "other-channel", "other-uid", "other-app", "expired"],
)
def test_the_emulator_refuses_tokens_as_the_service(certified: Emulator, make: object, code: int) -> None:
    with pytest.raises(TokenError) as info:
        _start(certified, make())  # type: ignore[operator]
    assert (info.value.status_code, info.value.error_code) == (400, code)


def test_without_a_certificate_any_token_is_taken() -> None:
    with Emulator(qps_limit=None) as emu:
        assert _start(emu, None) and _start(emu, "anything", cname="room2")
