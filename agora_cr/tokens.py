"""RTC tokens (Agora AccessToken2, "007") for the recorder's uid.

With the App Certificate enabled, the recorder joins the channel with a token, and it cannot be
renewed during a recording: mint one whose privileges outlive the planned recording.
:func:`build_rtc_token` makes one; :func:`parse_token` reads one back (without the certificate);
:func:`verify_token` checks its signature.

The format is Agora's (AgoraIO/Tools, DynamicKey/AgoraDynamicKey: AccessToken2): the version "007"
followed by the base64 of the zlib-compressed bytes ``signature (length-prefixed) + signing info``,
where the signing info is app ID, issue time, expiry, salt and the services with their privileges,
all little-endian and length-prefixed, and the signature is HMAC-SHA256 keyed by
``HMAC(salt, HMAC(issue time, certificate))``. This module is our own implementation, checked
against the test vectors of AgoraIO/Tools (``python3/test/AccessToken2Test.py``): it is typed,
raises typed errors, never prints, and keeps the certificate out of traceback locals. Agora's own
``agoraiotools`` package would do the building too; it prints to stdout on a bad token and is untyped.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import struct
import time
import zlib
from dataclasses import dataclass, field

from .exceptions import ValidationError

#: The AccessToken2 version prefix every token starts with.
VERSION = "007"
#: The RTC service's type in a token.
SERVICE_RTC = 1
#: RTC privilege: join the channel (all a recorder needs).
JOIN_CHANNEL = 1
#: RTC privilege: publish audio.
PUBLISH_AUDIO = 2
#: RTC privilege: publish video.
PUBLISH_VIDEO = 3
#: RTC privilege: publish data streams.
PUBLISH_DATA = 4
#: The longest a token or a privilege may last (Agora: 24 hours).
MAX_EXPIRE = 24 * 3600

_HEX32 = re.compile(r"[0-9a-fA-F]{32}")


class _Certificate:
    """The App Certificate, shown as ``***``."""

    __slots__ = ("_key",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not _HEX32.fullmatch(value):
            raise ValidationError("the App Certificate is 32 hexadecimal characters", field="app_certificate")
        self._key = value.encode()

    def signing_key(self, issued_at: int, salt: int) -> bytes:
        first = hmac.new(_u32(issued_at), self._key, hashlib.sha256).digest()
        return hmac.new(_u32(salt), first, hashlib.sha256).digest()

    def __repr__(self) -> str:
        return "***"


def _u16(value: int) -> bytes:
    return struct.pack("<H", value)


def _u32(value: int) -> bytes:
    return struct.pack("<I", value)


def _text(value: bytes) -> bytes:
    return _u16(len(value)) + value


class _Reader:
    __slots__ = ("at", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, size: int) -> bytes:
        if self.at + size > len(self.data):
            raise ValueError("the token ends early")
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def u16(self) -> int:
        value: int = struct.unpack("<H", self.take(2))[0]
        return value

    def u32(self) -> int:
        value: int = struct.unpack("<I", self.take(4))[0]
        return value

    def text(self) -> bytes:
        return self.take(self.u16())


@dataclass(frozen=True)
class RtcToken:
    """What an AccessToken2 says about RTC (read by :func:`parse_token`; times are Unix seconds)."""

    #: The App ID it was issued for.
    app_id: str
    #: When it was issued.
    issued_at: int
    #: Seconds after ``issued_at`` the token itself is valid.
    expire: int
    #: The random salt of the signature.
    salt: int
    #: The channel name it is for.
    channel: str
    #: The uid (or user account) it is for; ``""`` for any uid.
    uid: str
    #: Privilege -> seconds after ``issued_at`` it lasts.
    privileges: dict[int, int] = field(default_factory=dict)
    #: The HMAC-SHA256 signature carried by the token.
    signature: bytes = field(default=b"", repr=False, compare=False)
    #: The signed bytes (the signing info), which :func:`verify_token` checks the signature of.
    signed: bytes = field(default=b"", repr=False, compare=False)

    @property
    def expires_at(self) -> int:
        """When the token stops being accepted to join."""
        return self.issued_at + self.expire

    def privilege_expires_at(self, privilege: int = JOIN_CHANNEL) -> int | None:
        """When ``privilege`` ends (``None``: the token does not grant it)."""
        seconds = self.privileges.get(privilege)
        return None if seconds is None else self.issued_at + seconds

    def valid_until(self) -> int:
        """When the recorder can no longer be in the channel with it: the earlier of the token's and
        the join privilege's ends (0 when it grants no join)."""
        join = self.privilege_expires_at(JOIN_CHANNEL)
        return 0 if join is None else min(self.expires_at, join)


def build_rtc_token(
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: str | int,
    *,
    expire: int = MAX_EXPIRE,
    privilege_expire: int | None = None,
    publisher: bool = False,
    issued_at: int | None = None,
    salt: int | None = None,
) -> str:
    """An RTC token for ``uid`` in ``channel`` (``uid`` 0 or ``""``: any uid), valid ``expire``
    seconds from ``issued_at`` (default now), with the join privilege (and, for a ``publisher``, the
    publish privileges) for ``privilege_expire`` seconds (default ``expire``). Both at most 24 h."""
    key = _Certificate(app_certificate)
    del app_certificate  # (no plain certificate in this frame's locals)
    if not isinstance(app_id, str) or not _HEX32.fullmatch(app_id):
        raise ValidationError("the App ID is 32 hexadecimal characters", field="app_id")
    privilege_expire = expire if privilege_expire is None else privilege_expire
    for name, value in (("expire", expire), ("privilege_expire", privilege_expire)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_EXPIRE:
            raise ValidationError(f"{name} is a number of seconds, 1..{MAX_EXPIRE}", field=name)
    issued = int(time.time()) if issued_at is None else issued_at
    nonce = secrets.randbelow(99_999_999) + 1 if salt is None else salt
    user = b"" if uid in (0, "0", "") else str(uid).encode()
    privileges = [JOIN_CHANNEL, *((PUBLISH_AUDIO, PUBLISH_VIDEO, PUBLISH_DATA) if publisher else ())]
    service = (
        _u16(SERVICE_RTC)
        + _u16(len(privileges))
        + b"".join(_u16(p) + _u32(privilege_expire) for p in privileges)
        + _text(channel.encode())
        + _text(user)
    )
    signed = _text(app_id.encode()) + _u32(issued) + _u32(expire) + _u32(nonce) + _u16(1) + service
    signature = hmac.new(key.signing_key(issued, nonce), signed, hashlib.sha256).digest()
    return VERSION + base64.b64encode(zlib.compress(_text(signature) + signed)).decode()


def parse_token(token: str) -> RtcToken:
    """Read an AccessToken2 (no certificate needed; see :func:`verify_token` for the signature).
    Raises :class:`~agora_cr.ValidationError` for anything that is not one with an RTC service."""
    if not isinstance(token, str) or not token.startswith(VERSION):
        raise ValidationError("not an AccessToken2 (it starts with 007)", field="token")
    try:
        raw = zlib.decompress(base64.b64decode(token[len(VERSION) :], validate=True))
        reader = _Reader(raw)
        signature = reader.text()
        signed = raw[reader.at :]
        app_id = reader.text().decode()
        issued_at, expire, salt = reader.u32(), reader.u32(), reader.u32()
        for _ in range(reader.u16()):
            service = reader.u16()
            privileges = {}
            for _ in range(reader.u16()):
                privilege = reader.u16()
                privileges[privilege] = reader.u32()
            if service != SERVICE_RTC:  # other services' fields differ: RTC must come first (it sorts first)
                break
            channel, uid = reader.text().decode(), reader.text().decode()
            return RtcToken(app_id, issued_at, expire, salt, channel, uid, privileges, signature, signed)
    except (ValueError, zlib.error, struct.error, UnicodeDecodeError) as exc:
        raise ValidationError(f"the token cannot be read ({exc})", field="token") from None
    raise ValidationError("the token has no RTC service", field="token")


def verify_token(token: str | RtcToken, app_certificate: str) -> bool:
    """Whether ``token`` was signed with ``app_certificate`` (constant-time)."""
    key = _Certificate(app_certificate)
    del app_certificate
    parsed = parse_token(token) if isinstance(token, str) else token
    signing_key = key.signing_key(parsed.issued_at, parsed.salt)
    expected = hmac.new(signing_key, parsed.signed, hashlib.sha256).digest()
    return hmac.compare_digest(expected, parsed.signature)
