"""Signatures of notifications: ``Agora-Signature`` (HMAC-SHA1) and ``Agora-Signature-V2``
(HMAC-SHA256), lowercase hex of the raw body keyed with the NCS secret (AgoraIO/Docs-Source,
shared/notification-center-service/signature-verification.mdx).

The secret never stays in a local of a frame that raises (a traceback-with-locals tool would record
it): it is wrapped in :class:`_Secret` and the name deleted, and the digests are compared in a
frame that returns.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence

from ..exceptions import ValidationError, WebhookPayloadError, WebhookSignatureError

#: The headers NCS signs with, newest first (the one :func:`verify` prefers).
SIGNATURE_HEADERS = (("agora-signature-v2", "sha256"), ("agora-signature", "sha1"))


def _key_bytes(secret: object) -> tuple[bytes, ...] | None:
    """The secret(s) as bytes, or ``None`` when they are not non-empty strings (returns, never
    raises: a raising frame would hold the secret in its locals)."""
    if isinstance(secret, _Secret):
        return secret._keys
    if isinstance(secret, (str, bytes, bytearray)):
        values: list[object] = [secret]
    elif isinstance(secret, (list, tuple)):
        values = list(secret)
    else:
        return None
    keys = []
    for value in values:
        if isinstance(value, str) and value:
            keys.append(value.encode())
        elif isinstance(value, (bytes, bytearray)) and value:
            keys.append(bytes(value))
        else:
            return None
    return tuple(keys) or None


class _Secret:
    """The NCS secret(s), shown as ``***``."""

    __slots__ = ("_keys",)

    def __init__(self, keys: tuple[bytes, ...]) -> None:
        self._keys = keys

    @classmethod
    def of(cls, secret: object) -> _Secret:
        """Wrap ``secret`` (a string, bytes, or a list of them while rotating); ``ValidationError``
        otherwise, raised once the plain value is out of every frame's locals."""
        try:
            keys = _key_bytes(secret)
        finally:
            del secret
        if keys is None:
            raise ValidationError(
                "the webhook secret must be a non-empty string or bytes (or a list of them)", field="secret"
            )
        return cls(keys)

    def matches(self, body: bytes, digest: str, signature: str) -> bool:
        given = signature.strip().lower().encode()
        return any(
            hmac.compare_digest(hmac.new(key, body, digest).hexdigest().encode(), given) for key in self._keys
        )

    def sign(self, body: bytes) -> dict[str, str]:
        key = self._keys[0]
        return {
            "Agora-Signature": hmac.new(key, body, hashlib.sha1).hexdigest(),
            "Agora-Signature-V2": hmac.new(key, body, hashlib.sha256).hexdigest(),
        }

    def __repr__(self) -> str:
        return "***"


def raw_body(body: object) -> bytes:
    """The body as the bytes that were signed (``str`` is taken as UTF-8); anything parsed refused."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode()
    raise WebhookPayloadError(
        f"pass the raw request body (bytes), not a {type(body).__name__}: the signature is over the "
        "exact bytes Agora sent, and re-serialising a parsed body changes them"
    )


def _header(headers: object, name: str) -> str | None:
    """The first value of header ``name`` (case-insensitive) in a mapping, an object with
    ``items()`` (``http.server``'s ``HTTPMessage``, werkzeug's and starlette's headers) or a list of
    ``(name, value)`` pairs."""
    items_of = getattr(headers, "items", None)
    items = items_of() if callable(items_of) else headers
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise ValidationError("headers must be a mapping or (name, value) pairs", field="headers")
    for item in items:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise ValidationError("headers must be a mapping or (name, value) pairs", field="headers")
        key, value = item
        key_text = key.decode("latin-1") if isinstance(key, (bytes, bytearray)) else str(key)
        if key_text.lower() == name:
            return value.decode("latin-1") if isinstance(value, (bytes, bytearray)) else str(value)
    return None


def sign(body: bytes | str, secret: str | bytes) -> dict[str, str]:
    """The two signature headers NCS would send with ``body`` (for tests and the emulator)."""
    try:
        key = _Secret.of(secret)
    finally:
        del secret  # (no plain secret in this frame's locals, even when raising)
    return key.sign(raw_body(body))


def verify(
    body: bytes | str,
    headers: Mapping[str, str] | Sequence[tuple[str, str]],
    secret: str | bytes | Sequence[str | bytes] | _Secret,
) -> None:
    """Check that ``body`` (the raw bytes received) was signed with ``secret``.

    ``Agora-Signature-V2`` (HMAC-SHA256) is checked when present, else ``Agora-Signature``
    (HMAC-SHA1); comparisons are constant-time, header names are case-insensitive. ``secret`` may be
    a list (while rotating it: any one matches). Raises :class:`~agora_cr.WebhookSignatureError`.
    """
    try:
        key = _Secret.of(secret)
    finally:
        del secret  # (no plain secret in this frame's locals, even when raising)
    data = raw_body(body)
    for name, digest in SIGNATURE_HEADERS:
        signature = _header(headers, name)
        if signature is None:
            continue
        if key.matches(data, digest, signature):
            return
        raise WebhookSignatureError(f"the {name.title()} header does not match the body and the secret")
    raise WebhookSignatureError("the request has no Agora-Signature-V2 or Agora-Signature header")
