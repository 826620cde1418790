"""agora-cr: a typed client for Agora Cloud Recording (REST v1).

::

    from agora_cr import IndividualRecordingClient, RegionArea, api_start

    with IndividualRecordingClient.from_env() as client:
        resource = client.acquire("room1", "1001")
        session = client.start(resource.resource_id, "room1", "1001",
                               storage_config=api_start.StorageConfig(vendor=1, region=0, bucket="b",
                                                                      accessKey="ak", secretKey="sk"))
"""

from __future__ import annotations

from . import exceptions
from ._logging import setup_from_env as _setup_logging
from .compat import (
    api_start,
    api_update,
    individual_recording_client,
    mix_recording_client,
    web_recording_client,
)
from .compat.builder import ClientBuilder
from .enums import ExtensionServiceName, FileListMode, Mode, Scene, UploadingStatus
from .exceptions import (
    AlreadyStartedError,
    AuthenticationError,
    BadRequestError,
    ClientBuildException,
    ClientClosedError,
    ClientException,
    ClientRequestException,
    ClientTimeoutException,
    ConnectionError,
    InvalidOperationError,
    InvalidParameterError,
    InvalidResponseError,
    NoRecordedDataError,
    NotFoundError,
    RateLimitError,
    RateLimitTimeoutError,
    RequestNotCompletedError,
    RequestTimeoutError,
    ResourceExpiredError,
    ServerError,
    ServiceResponseException,
    TaskConflictError,
    TokenError,
    ValidationError,
    WebhookError,
    WebhookPayloadError,
    WebhookSignatureError,
)
from .modes import (
    AsyncIndividualRecordingClient,
    AsyncMixRecordingClient,
    AsyncWebRecordingClient,
    IndividualRecordingClient,
    MixRecordingClient,
    WebRecordingClient,
)
from .ratelimit import LocalRateLimiter, RateLimiter, RedisRateLimiter
from .regions import RegionArea
from .results import (
    AcquireResult,
    ExtensionServiceStatus,
    NcsIpResult,
    QueryResult,
    RecordedFile,
    RecordingSession,
    RtmpOutputStatus,
    StartResult,
    StopResult,
    UpdateLayoutResult,
    UpdateResult,
)

#: The version of this package.
__version__ = "0.1.0"

_setup_logging()  # AGORA_CR_LOG=debug|info|warning: log to stderr (nothing is added without it)

__all__ = [
    "AcquireResult",
    "AlreadyStartedError",
    "AsyncIndividualRecordingClient",
    "AsyncMixRecordingClient",
    "AsyncWebRecordingClient",
    "AuthenticationError",
    "BadRequestError",
    "ClientBuildException",
    "ClientBuilder",
    "ClientClosedError",
    "ClientException",
    "ClientRequestException",
    "ClientTimeoutException",
    "ConnectionError",
    "ExtensionServiceName",
    "ExtensionServiceStatus",
    "FileListMode",
    "IndividualRecordingClient",
    "InvalidOperationError",
    "InvalidParameterError",
    "InvalidResponseError",
    "LocalRateLimiter",
    "MixRecordingClient",
    "Mode",
    "NcsIpResult",
    "NoRecordedDataError",
    "NotFoundError",
    "QueryResult",
    "RateLimitError",
    "RateLimitTimeoutError",
    "RateLimiter",
    "RecordedFile",
    "RecordingSession",
    "RedisRateLimiter",
    "RegionArea",
    "RequestNotCompletedError",
    "RequestTimeoutError",
    "ResourceExpiredError",
    "RtmpOutputStatus",
    "Scene",
    "ServerError",
    "ServiceResponseException",
    "StartResult",
    "StopResult",
    "TaskConflictError",
    "TokenError",
    "UpdateLayoutResult",
    "UpdateResult",
    "UploadingStatus",
    "ValidationError",
    "WebRecordingClient",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "__version__",
    "api_start",
    "api_update",
    "exceptions",
    "individual_recording_client",
    "mix_recording_client",
    "web_recording_client",
]
