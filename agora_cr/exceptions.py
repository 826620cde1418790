"""Exceptions raised by agora-cr.

The whole hierarchy (root compatible with the official ``agora-rest-client``)::

    ClientException                       status_code, error_code, error_msg, request_id, context
    ├── ClientClosedError                 the client was closed and cannot send requests
    ├── ValidationError                   bad input, detected before anything is sent (has .field)
    │   └── ClientBuildException          bad client configuration (credentials, region, URL, NaN)
    ├── WebhookError                      a notification (NCS webhook) that cannot be accepted
    │   ├── WebhookSignatureError         missing or wrong Agora-Signature(-V2) (answer 401)
    │   └── WebhookPayloadError           a body that is not a notification (answer 400)
    └── ServiceResponseException
        └── ClientRequestException        any failed call (catch this one)
            ├── BadRequestError           HTTP 400
            │   ├── InvalidParameterError     code 2
            │   ├── InvalidOperationError     code 49   (task already exiting, repeated stop)
            │   └── TaskConflictError         code 53   (same cname+uid already recording)
            ├── AuthenticationError       HTTP 401  (customer ID / secret rejected)
            ├── NotFoundError             HTTP 404 / code 404 (session ended, never started, failover)
            ├── RateLimitError            HTTP 429  (.retry_after)
            ├── ServerError               HTTP 5xx
            │   └── RequestTimeoutError       code 62 / HTTP 504
            ├── AlreadyStartedError       code 7    (201: start repeated with the same resource ID)
            ├── RequestNotCompletedError  code 65   (206: reached the backend, not completed)
            ├── NoRecordedDataError       code 435  (206 on stop: nobody published)
            ├── ResourceExpiredError      code 433  (resource ID older than 5 minutes)
            ├── TokenError                code 109 / 110 (RTC token expired / invalid)
            ├── InvalidResponseError      a response that is not what the API documents
            │                             (HTML, empty, invalid JSON, wrong shape, missing fields)
            ├── ClientTimeoutException    an attempt or the whole call ran out of time (a TimeoutError)
            │   └── RateLimitTimeoutError     no request slot in the rate budget before the deadline
            └── ConnectionError           no host could be reached (.hosts_tried; a builtin
                                          ConnectionError too)

Every exception carries ``status_code``, ``error_code``, ``error_msg``, ``request_id`` and the call's
``operation``, ``resource_id``, ``sid``, ``cname``, ``uid`` (``None`` where unknown) and
``hosts_tried``. Which class a response becomes is decided in one place: :func:`exception_for`.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

__all__ = [
    "AlreadyStartedError",
    "AuthenticationError",
    "BadRequestError",
    "ClientBuildException",
    "ClientClosedError",
    "ClientException",
    "ClientRequestException",
    "ClientTimeoutException",
    "ConnectionError",
    "InvalidOperationError",
    "InvalidParameterError",
    "InvalidResponseError",
    "NoRecordedDataError",
    "NotFoundError",
    "RateLimitError",
    "RateLimitTimeoutError",
    "RequestNotCompletedError",
    "RequestTimeoutError",
    "ResourceExpiredError",
    "ServerError",
    "ServiceResponseException",
    "TaskConflictError",
    "TokenError",
    "ValidationError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "exception_for",
]


class ClientException(Exception):
    """Root of every agora-cr error."""

    def __init__(
        self,
        status_code: int | None = None,
        error_code: int | None = None,
        error_msg: str | None = None,
        *,
        request_id: str | None = None,
        operation: str | None = None,
        resource_id: str | None = None,
        sid: str | None = None,
        cname: str | None = None,
        uid: str | None = None,
        hosts_tried: Sequence[str] = (),
    ) -> None:
        super().__init__(error_msg)
        self.status_code = status_code
        self.error_code = error_code
        self.error_msg = error_msg
        self.request_id = request_id
        self.operation = operation
        self.resource_id = resource_id
        self.sid = sid
        self.cname = cname
        self.uid = uid
        self.hosts_tried: tuple[str, ...] = tuple(hosts_tried)

    def _details(self) -> list[str]:
        parts = []
        for name in (
            "status_code",
            "error_code",
            "request_id",
            "operation",
            "resource_id",
            "sid",
            "cname",
            "uid",
        ):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.hosts_tried:
            parts.append(f"hosts_tried={list(self.hosts_tried)!r}")
        return parts

    def __str__(self) -> str:
        details = ", ".join(self._details())
        message = self.error_msg or self.__class__.__name__
        return f"{message} ({details})" if details else message

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({', '.join([f'error_msg={self.error_msg!r}', *self._details()])})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.__class__, self.__dict__.copy()))


def _rebuild(cls: type[ClientException], state: dict[str, Any]) -> ClientException:
    obj = cls.__new__(cls)
    Exception.__init__(obj, state.get("error_msg"))
    obj.__dict__.update(state)
    return obj


class ClientClosedError(ClientException):
    """A method was called on a client after ``close()`` / ``aclose()`` / leaving its ``with`` block."""

    def __init__(self, error_msg: str = "the client is closed; create a new one to send requests") -> None:
        super().__init__(None, None, error_msg)


class WebhookError(ClientException):
    """A notification from Agora's notification service (NCS) that cannot be accepted."""

    def __init__(self, error_msg: str) -> None:
        super().__init__(None, None, error_msg)


class WebhookSignatureError(WebhookError):
    """No ``Agora-Signature-V2`` / ``Agora-Signature`` header, or one that does not match the body.
    Its message never holds the secret or a signature."""


class WebhookPayloadError(WebhookError, ValueError):
    """A body that is not a notification (not JSON, not an object, or not raw bytes)."""


class ValidationError(ClientException, ValueError):
    """Bad input, detected before any request was sent. ``field`` is its JSON path."""

    def __init__(self, error_msg: str, *, field: str | None = None, operation: str | None = None) -> None:
        super().__init__(None, None, error_msg, operation=operation)
        self.field = field

    def _details(self) -> list[str]:
        parts = [f"field={self.field!r}"] if self.field else []
        if self.operation:
            parts.append(f"operation={self.operation!r}")
        return parts

    def __str__(self) -> str:
        return self.error_msg or "invalid input"


class ClientBuildException(ValidationError):
    """The client cannot be built from the given configuration (``field`` names the option, if one)."""

    def __init__(self, error_msg: str, *, field: str | None = None) -> None:
        super().__init__(error_msg, field=field)


class ServiceResponseException(ClientException):
    """A call to the service failed (the official SDK's intermediate class)."""


class ClientRequestException(ServiceResponseException):
    """Any failed request: error responses, malformed responses, timeouts, unreachable hosts."""


class BadRequestError(ClientRequestException):
    """HTTP 400."""


class InvalidParameterError(BadRequestError):
    """Code 2: a parameter has the wrong type, spelling, case or range."""


class InvalidOperationError(BadRequestError):
    """Code 49: the task is already exiting (for example a repeated ``stop``)."""


class TaskConflictError(BadRequestError):
    """Code 53: a task with the same cname and uid already exists; use another uid."""


class AuthenticationError(ClientRequestException):
    """HTTP 401: the customer ID / secret were rejected."""


class NotFoundError(ClientRequestException):
    """HTTP 404: no such session (ended, never started, or failing over)."""


class RateLimitError(ClientRequestException):
    """HTTP 429: too many requests (the service allows 10 per second)."""

    #: Seconds the service asked to wait (its ``Retry-After`` header); ``None`` if it did not say.
    retry_after: float | None = None


class ServerError(ClientRequestException):
    """HTTP 5xx."""


class RequestTimeoutError(ServerError):
    """Code 62 / HTTP 504: the backend timed out."""


class AlreadyStartedError(ClientRequestException):
    """Code 7 (HTTP 201): recording already started with this resource ID."""


class RequestNotCompletedError(ClientRequestException):
    """Code 65 (HTTP 206): the request reached the backend but did not complete."""


class NoRecordedDataError(ClientRequestException):
    """Code 435 (HTTP 206 on stop): nothing was recorded."""


class ResourceExpiredError(ClientRequestException):
    """Code 433: the resource ID expired (start within 5 minutes of acquire)."""


class TokenError(ClientRequestException):
    """Code 109 (token expired) or 110 (token invalid)."""


class InvalidResponseError(ClientRequestException):
    """The service answered something the API does not document (HTML, invalid JSON, missing fields)."""


class ClientTimeoutException(ClientRequestException, TimeoutError):
    """An attempt timed out, or the call's total deadline passed. Also a builtin ``TimeoutError``."""


class RateLimitTimeoutError(ClientTimeoutException):
    """The call's deadline passed while it waited for a slot in the request budget (``rate_limit=``):
    nothing was sent. ``waited`` holds the seconds it waited."""

    #: Seconds the call waited for a slot before its deadline passed.
    waited: float | None = None


class ConnectionError(ClientRequestException, builtins.ConnectionError):
    """No host could be reached, or a connection was lost; ``hosts_tried`` lists the hosts tried. Also a
    builtin ``ConnectionError`` (``except ConnectionError`` catches it whichever one is in scope)."""


#: Agora ``code`` -> exception class; consulted first, whatever the HTTP status.
CODE_TABLE: dict[int, type[ClientRequestException]] = {
    2: InvalidParameterError,
    7: AlreadyStartedError,
    49: InvalidOperationError,
    53: TaskConflictError,
    62: RequestTimeoutError,
    65: RequestNotCompletedError,
    109: TokenError,
    110: TokenError,
    433: ResourceExpiredError,
    435: NoRecordedDataError,
}
#: HTTP status -> exception class, used when the code is absent or not in :data:`CODE_TABLE`.
STATUS_TABLE: dict[int, type[ClientRequestException]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    429: RateLimitError,
    504: RequestTimeoutError,
}


def exception_class_for(status_code: int | None, error_code: int | None) -> type[ClientRequestException]:
    """The class a response with this status and Agora code maps to."""
    if error_code is not None:
        by_code = CODE_TABLE.get(error_code)
        if by_code is not None:
            # Code 404 is "failed to find worker"; it rides on 404 and maps there below.
            return by_code
    if status_code is not None:
        by_status = STATUS_TABLE.get(status_code)
        if by_status is not None:
            return by_status
        if status_code >= 500:
            return ServerError
        if 400 <= status_code < 500:
            return BadRequestError if status_code == 400 else ClientRequestException
    return ClientRequestException


def exception_for(
    status_code: int | None, error_code: int | None, error_msg: str | None, **context: Any
) -> ClientRequestException:
    """Build the exception for a failed response (the single mapping point)."""
    cls = exception_class_for(status_code, error_code)
    return cls(status_code, error_code, error_msg, **context)
