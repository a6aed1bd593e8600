"""Every public error crosses a process: it pickles and unpickles with its type, message and fields, so a
`ProcessPoolExecutor` worker can raise it (before, a TranscriptionError broke the pool)."""

from __future__ import annotations

import inspect
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

from gladia import errors
from gladia_api.models import PreRecordedResponse

JOB = {
    "id": "45463597-20b7-4af7-b3b3-f5fb778203ab",
    "request_id": "G-1",
    "version": 2,
    "status": "error",
    "created_at": "2026-01-01T00:00:00Z",
    "kind": "pre-recorded",
    "error_code": 400,
    "post_session_metadata": {
        "error": {"code": 400, "message": "http://x/nothing-here.wav answered HTTP 404"}
    },
}


def job() -> PreRecordedResponse:
    return PreRecordedResponse.from_dict(JOB)


def examples() -> list[errors.GladiaError]:
    """One instance of each public error class, with the fields its constructor takes."""
    api = {"status_code": 422, "request_id": "G-9", "body": {"message": "no"}, "validation_errors": ["a: b"]}
    made: list[errors.GladiaError] = [
        errors.GladiaError("plain"),
        errors.ValidationError("bad"),
        errors.ConfigurationError("no key"),
        errors.InvalidOptionsError(["language: not one", "x: not an option"]),
        errors.InvalidSourceError("empty"),
        errors.InvalidJobIdError("not a uuid"),
        errors.APIError("refused", method="POST", url="https://api.gladia.io/v2/upload", **api),
        errors.BadRequestError("bad", **api),
        errors.AuthenticationError("who", **{**api, "status_code": 401}),
        errors.PermissionDeniedError("no", **{**api, "status_code": 403}),
        errors.NotFoundError("gone", **{**api, "status_code": 404}),
        errors.PayloadTooLargeError("big", **{**api, "status_code": 413}),
        errors.UnprocessableEntityError("no", **api),
        errors.RateLimitError("slow down", retry_after=3.0, **{**api, "status_code": 429}),
        errors.InternalServerError("oops", **{**api, "status_code": 503}),
        errors.UnexpectedResponseError("odd", status_code=200),
        errors.ResponseTooLargeError("too big", limit=10, status_code=200),
        errors.APIConnectionError("refused", method="GET", url="https://api.gladia.io/v2/pre-recorded"),
        errors.APITimeoutError("slow", method="GET", url="https://api.gladia.io/v2/pre-recorded"),
        errors.ClientClosedError("closed"),
        errors.JobMayExistError("gladia_sdk_request_id", "abc", "a 503"),
        errors.UploadError("up"),
        errors.SourceChangedError("grew"),
        errors.SourceNotReplayableError("pipe"),
        errors.TranscriptionError(job(), reason="http://x/nothing-here.wav answered HTTP 404"),
        errors.PollTimeoutError("45463597-20b7-4af7-b3b3-f5fb778203ab", "processing", 12.0),
        errors.LiveError("down", session_id="s"),
        errors.LiveBufferFullError("full", session_id="s"),
        errors.LiveSessionClosedError("closed", session_id="s"),
        errors.LiveCallbackError("raised", session_id="s"),
        errors.LiveQueueFullError("unread", session_id="s"),
        errors.WebhookError("bad"),
        errors.WebhookVerificationError("bad"),
        errors.WebhookRawBodyError(dict),
        errors.WebhookSecretError("not whsec"),
        errors.WebhookMissingHeadersError(["webhook-id"]),
        errors.WebhookMalformedHeaderError("webhook-timestamp", "soon", "a number"),
        errors.WebhookSignatureError("no match"),
        errors.WebhookTimestampError(1_600_000_000, 1_700_000_000.0, 300.0),
        errors.CallbackTokenError("no token"),
        errors.WebhookPayloadError("not json"),
        errors.WebhookUnknownEventError("transcription.new", ["transcription.success"]),
        errors.LiveConnectionError("closed", session_id="s", close_code=1011, reason="gone"),
        errors.LiveIncompleteError(
            "cut short", session_id="s", close_code=1000, missing=["end_session"], unacknowledged_bytes=3200
        ),
        errors.LiveProtocolError("bad utf-8", session_id="s", close_code=1007),
        errors.LiveStalledError("stalled", session_id="s", pending_bytes=4096),
        errors.LiveURLError("not wss", session_id="s", url="ws://other/v2/live?token=<redacted>"),
        errors.MicrophoneError("no input device", device="default"),
    ]
    return made


def fields(error: BaseException) -> dict[str, Any]:
    return {key: value for key, value in vars(error).items() if key != "response"}


def test_every_public_error_class_has_an_example() -> None:
    public = {
        name
        for name in errors.__all__
        if inspect.isclass(getattr(errors, name)) and issubclass(getattr(errors, name), errors.GladiaError)
    }
    assert public == {type(e).__name__ for e in examples()}


@pytest.mark.parametrize("error", examples(), ids=lambda e: type(e).__name__)
def test_each_error_survives_a_pickle_round_trip(error: errors.GladiaError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert fields(copy).keys() == fields(error).keys()
    for key, value in fields(error).items():
        assert repr(getattr(copy, key)) == repr(value), key


def test_an_api_error_leaves_its_http_response_behind() -> None:
    response = httpx.Response(401, request=httpx.Request("GET", "https://api.gladia.io/v2/pre-recorded"))
    error = errors.AuthenticationError("who", status_code=401)
    error.response = response
    copy = pickle.loads(pickle.dumps(error))
    assert copy.response is None and copy.status_code == 401


def test_a_transcription_error_says_why_the_job_failed() -> None:
    error = errors.TranscriptionError(job(), reason="http://x/nothing-here.wav answered HTTP 404")
    assert "nothing-here.wav answered HTTP 404" in str(error)
    assert error.error_code == 400 and error.reason == "http://x/nothing-here.wav answered HTTP 404"


def _fail(kind: str) -> None:
    if kind == "transcription":
        raise errors.TranscriptionError(job(), reason="the audio URL answered HTTP 404")
    if kind == "api":
        raise errors.RateLimitError("slow down", status_code=429, retry_after=2.0)
    raise errors.WebhookTimestampError(1_600_000_000, 1_700_000_000.0, 300.0)


@pytest.mark.parametrize("kind", ["transcription", "api", "webhook"])
def test_an_error_raised_in_a_process_pool_worker_reaches_the_caller_whole(kind: str) -> None:
    # spawn: a fresh interpreter, as on macOS and Windows (and no fork() of this multi-threaded process).
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(_fail, kind)
        with pytest.raises(errors.GladiaError) as raised:
            future.result(timeout=60)
        assert pool.submit(len, "still alive").result(timeout=60) == len(
            "still alive"
        )  # the pool is not broken
    if kind == "transcription":
        assert isinstance(raised.value, errors.TranscriptionError)
        assert raised.value.job.id == JOB["id"] and "HTTP 404" in str(raised.value)
    elif kind == "api":
        assert isinstance(raised.value, errors.RateLimitError) and raised.value.retry_after == 2.0
    else:
        assert (
            isinstance(raised.value, errors.WebhookTimestampError) and raised.value.timestamp == 1_600_000_000
        )
