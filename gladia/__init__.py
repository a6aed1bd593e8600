"""gladia: a dependable, typed Python SDK for Gladia's pre-recorded speech-to-text API.

    from gladia import GladiaClient

    client = GladiaClient(api_key="...").prerecorded()
    job = client.transcribe("meeting.wav", {"language_config": {"languages": ["en"]}})
    print(job.result.transcription.full_transcript)

The clients are imported on first use, so `import gladia` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from gladia._version import __version__
from gladia.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    GladiaDeprecationWarning,
    GladiaError,
    GladiaWarning,
    InternalServerError,
    InvalidJobIdError,
    InvalidOptionsError,
    InvalidSourceError,
    JobMayExistError,
    LiveBufferFullError,
    LiveCallbackError,
    LiveConnectionError,
    LiveError,
    LiveIncompleteError,
    LiveProtocolError,
    LiveQueueFullError,
    LiveSessionClosedError,
    LiveStalledError,
    LiveURLError,
    MicrophoneError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    PollTimeoutError,
    RateLimitError,
    ResponseTooLargeError,
    SourceChangedError,
    SourceNotReplayableError,
    TranscriptionError,
    UnexpectedResponseError,
    UnprocessableEntityError,
    UploadError,
    ValidationError,
    WebhookError,
    WebhookPayloadError,
    WebhookVerificationError,
)

if TYPE_CHECKING:
    from gladia._client import AsyncGladiaClient, GladiaClient
    from gladia._core.pages_async import AsyncJobList, AsyncJobPage
    from gladia._core.pages_sync import JobList, JobPage
    from gladia.live._async_session import AsyncLiveSession
    from gladia.live._client_async import AsyncLiveClient
    from gladia.live._client_sync import LiveClient
    from gladia.live._messages import LiveMessage, UnknownLiveMessage
    from gladia.live._session import LiveSession
    from gladia.live.microphone import Microphone
    from gladia.prerecorded._client_async import AsyncPreRecordedClient
    from gladia.prerecorded._client_sync import PreRecordedClient
    from gladia.prerecorded._outcome import FailedAddon, failed_addons, job_error_reason
    from gladia.prerecorded._raw import RawResponse

_LAZY = {
    "GladiaClient": "gladia._client",
    "AsyncGladiaClient": "gladia._client",
    "PreRecordedClient": "gladia.prerecorded._client_sync",
    "AsyncPreRecordedClient": "gladia.prerecorded._client_async",
    "RawResponse": "gladia.prerecorded._raw",
    "JobList": "gladia._core.pages_sync",
    "AsyncJobList": "gladia._core.pages_async",
    "JobPage": "gladia._core.pages_sync",
    "AsyncJobPage": "gladia._core.pages_async",
    "FailedAddon": "gladia.prerecorded._outcome",
    "failed_addons": "gladia.prerecorded._outcome",
    "job_error_reason": "gladia.prerecorded._outcome",
    "LiveClient": "gladia.live._client_sync",
    "AsyncLiveClient": "gladia.live._client_async",
    "LiveSession": "gladia.live._session",
    "AsyncLiveSession": "gladia.live._async_session",
    "LiveMessage": "gladia.live._messages",
    "UnknownLiveMessage": "gladia.live._messages",
    "Microphone": "gladia.live.microphone",
}

__all__ = [
    "__version__",
    "GladiaClient",
    "AsyncGladiaClient",
    "PreRecordedClient",
    "AsyncPreRecordedClient",
    "RawResponse",
    "JobList",
    "AsyncJobList",
    "JobPage",
    "AsyncJobPage",
    "FailedAddon",
    "failed_addons",
    "job_error_reason",
    "LiveClient",
    "AsyncLiveClient",
    "LiveSession",
    "AsyncLiveSession",
    "LiveMessage",
    "UnknownLiveMessage",
    "Microphone",
    "MicrophoneError",
    "GladiaError",
    "ValidationError",
    "ConfigurationError",
    "InvalidOptionsError",
    "InvalidSourceError",
    "InvalidJobIdError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "PayloadTooLargeError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "UnexpectedResponseError",
    "APIConnectionError",
    "APITimeoutError",
    "ResponseTooLargeError",
    "ClientClosedError",
    "JobMayExistError",
    "UploadError",
    "SourceChangedError",
    "SourceNotReplayableError",
    "TranscriptionError",
    "PollTimeoutError",
    "LiveError",
    "LiveIncompleteError",
    "LiveProtocolError",
    "LiveConnectionError",
    "LiveBufferFullError",
    "LiveSessionClosedError",
    "LiveStalledError",
    "LiveURLError",
    "LiveCallbackError",
    "LiveQueueFullError",
    "WebhookError",
    "WebhookVerificationError",
    "WebhookPayloadError",
    "GladiaWarning",
    "GladiaDeprecationWarning",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gladia' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
