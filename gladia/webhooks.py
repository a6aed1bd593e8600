"""Gladia callbacks and webhooks: read them (`parse`), check their signature (`verify`), or both at once.

Gladia tells a server about a job in two ways:

- a **callback**, per job (`callback: true` and `callback_config.url`): the body holds the job id, the event
  and, on success, the whole result. Callbacks are not signed, so anyone who knows the URL can send one: put
  a secret token in the URL (`callback_url_with_token`) and fetch the job by its id before trusting its
  content.
- a **webhook**, per account: the body holds only the event and the job id (for a live session, the
  session's id: `live.start_session`, `live.start_recording`, `live.end_recording`, `live.end_session`).
  When a secret is set for the account's webhooks, Gladia signs them with the Standard Webhooks scheme
  (https://www.standardwebhooks.com).

A live session has callbacks too (`callback: true` and `callback_config.url` in its configuration): each
message the session's WebSocket carries, of the kinds `callback_config` chose, is POSTed as
`{id, event: "live.<type>", payload: <the message>}`, e.g. `live.transcript`. They are unsigned like the
pre-recorded ones; `parse` reads them into `LiveEvent`s whose `message` is the typed WebSocket message.

A signed webhook carries three headers: `webhook-id` (the message id, the same on every redelivery),
`webhook-timestamp` (Unix seconds) and `webhook-signature` (space-separated `v1,<base64>` entries, more than
one during a key rotation). Each signature is HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, keyed with the
bytes of the `whsec_`-prefixed base64 secret. The `svix-id`, `svix-timestamp` and `svix-signature` spellings
of the same headers are accepted too.

A webhook receiver, in short::

    body = await request.body()  # the raw bytes: parsed and re-serialized JSON no longer matches
    try:
        event = construct_event(body, request.headers, secret)
    except WebhookVerificationError:
        return Response(status_code=400)  # not signed with this secret, or not recently: ignore it
    except WebhookUnknownEventError:
        return Response(status_code=200)  # an event added since this SDK: acknowledge it
    if seen_before(event.message_id):  # Gladia redelivers until it gets a 2xx
        return Response(status_code=200)
    ...  # event.job_id, event.event
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import inspect
import json
import math
import re
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar, overload

import attrs

from gladia._core.job_id import check_job_id
from gladia.errors import (
    CallbackTokenError,
    InvalidJobIdError,
    ValidationError,
    WebhookMalformedHeaderError,
    WebhookMissingHeadersError,
    WebhookPayloadError,
    WebhookRawBodyError,
    WebhookSecretError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookUnknownEventError,
)

if TYPE_CHECKING:
    from gladia.types import DoneJob

    # The `*Message` models are named as strings in the LiveEvent[...] bases below: ruff sees no use.
    from gladia_api.models import (
        AudioChunkAckMessage,  # noqa: F401
        EndRecordingMessage,  # noqa: F401
        EndSessionMessage,  # noqa: F401
        ErrorDTO,
        NamedEntityRecognitionMessage,  # noqa: F401
        PostChapterizationMessage,  # noqa: F401
        PostFinalTranscriptMessage,  # noqa: F401
        PostSummarizationMessage,  # noqa: F401
        PostTranscriptMessage,  # noqa: F401
        PreRecordedResponse,
        SentimentAnalysisMessage,  # noqa: F401
        SpeechEndMessage,  # noqa: F401
        SpeechStartMessage,  # noqa: F401
        StartRecordingMessage,  # noqa: F401
        StartSessionMessage,  # noqa: F401
        StopRecordingAckMessage,  # noqa: F401
        StreamingResponse,
        TranscriptionResultDTO,
        TranscriptMessage,  # noqa: F401
        TranslationMessage,  # noqa: F401
    )

__all__ = [
    "Event",
    "TranscriptionCreated",
    "TranscriptionSucceeded",
    "TranscriptionFailed",
    "LiveEvent",
    "LiveSessionStarted",
    "LiveRecordingStarted",
    "LiveRecordingEnded",
    "LiveSessionEnded",
    "LiveAudioChunkAcknowledged",
    "LiveStopRecordingAcknowledged",
    "LiveSpeechStarted",
    "LiveSpeechEnded",
    "LiveTranscript",
    "LiveTranslation",
    "LiveNamedEntityRecognition",
    "LiveSentimentAnalysis",
    "LivePostTranscript",
    "LivePostFinalTranscript",
    "LivePostSummarization",
    "LivePostChapterization",
    "Kind",
    "HeaderSource",
    "parse",
    "verify",
    "construct_event",
    "sign",
    "secret_key",
    "callback_url_with_token",
    "verify_callback_token",
    "fetch_job",
    "fetch_job_async",
    "fetch_session",
    "fetch_session_async",
    "DEFAULT_TOLERANCE",
]

SECRET_PREFIX = "whsec_"  # noqa: S105  (a prefix, not a secret)
#: How far a webhook's timestamp may be from this server's clock, either way, in seconds (Standard Webhooks).
DEFAULT_TOLERANCE = 300

CREATED = "transcription.created"
SUCCEEDED = "transcription.success"
FAILED = "transcription.error"
LIVE_SESSION_STARTED = "live.start_session"
LIVE_RECORDING_STARTED = "live.start_recording"
LIVE_RECORDING_ENDED = "live.end_recording"
LIVE_SESSION_ENDED = "live.end_session"
# Sent only to a live session's callback URL, never as webhooks.
LIVE_AUDIO_CHUNK = "live.audio_chunk"
LIVE_STOP_RECORDING = "live.stop_recording"
LIVE_SPEECH_START = "live.speech_start"
LIVE_SPEECH_END = "live.speech_end"
LIVE_TRANSCRIPT = "live.transcript"
LIVE_TRANSLATION = "live.translation"
LIVE_NAMED_ENTITY_RECOGNITION = "live.named_entity_recognition"
LIVE_SENTIMENT_ANALYSIS = "live.sentiment_analysis"
LIVE_POST_TRANSCRIPT = "live.post_transcript"
LIVE_POST_FINAL_TRANSCRIPT = "live.post_final_transcript"
LIVE_POST_SUMMARIZATION = "live.post_summarization"
LIVE_POST_CHAPTERIZATION = "live.post_chapterization"

Kind = Literal["callback", "webhook"]


class HeaderSource(Protocol):
    """Anything with `.items()` of header names and values: a dict, or Starlette, Django, Flask headers."""

    def items(self) -> Iterable[tuple[str, str]]: ...


# ---------------------------------------------------------------------------------------------- events


@attrs.frozen(kw_only=True)
class Event:
    """A Gladia notification about one job. Match on the subclass, or on `event`.

    Attributes:
        job_id: the job the notification is about; fetch it to read the result with trust.
        event: the event's name as sent, e.g. "transcription.success".
        kind: "callback" (per job, unsigned, may carry the result) or "webhook" (per account, only the id).
        custom_metadata: the job's `custom_metadata` (callbacks only); None when absent or not an object.
        message_id: the `webhook-id` (or `svix-id`) header when headers were given: the same on every
            redelivery, so a receiver can drop the copies. None without it, e.g. for callbacks.
        raw: the whole body, as decoded from JSON.
    """

    job_id: str
    event: str
    kind: Kind
    custom_metadata: dict[str, Any] | None = attrs.field(default=None, hash=False)
    message_id: str | None = None
    raw: dict[str, Any] = attrs.field(factory=dict, repr=False, hash=False)


@attrs.frozen(kw_only=True)
class TranscriptionCreated(Event):
    """A job was created (webhooks only)."""


@attrs.frozen(kw_only=True)
class TranscriptionSucceeded(Event):
    """A job is done.

    `result` is the job's result as a callback sent it. It is None for webhooks (they carry only the id),
    and when the callback's payload could not be read as a result: `raw["payload"]` still holds it, and the
    job itself (fetched by `job_id`) is the trustworthy copy either way.
    """

    result: TranscriptionResultDTO | None = attrs.field(default=None, repr=False, hash=False)


@attrs.frozen(kw_only=True)
class TranscriptionFailed(Event):
    """A job failed.

    `error` is the `{code, message}` a callback sent. It is None for webhooks (they carry only the id) and
    when the callback's error could not be read; the job's own `error_code` tells the same.
    """

    error: ErrorDTO | None = attrs.field(default=None, hash=False)


MessageT = TypeVar("MessageT")


@attrs.frozen(kw_only=True)
class LiveEvent(Event, Generic[MessageT]):
    """A step of a live (real-time) session. `job_id` is the live session's id, not a pre-recorded job's:
    `fetch_job` refuses these events; `fetch_session` reads the session.

    Webhooks carry only the id, as for pre-recorded jobs. A callback also carries the message the session's
    WebSocket sent: `message`, read into its generated model (e.g. a `TranscriptMessage` for a
    LiveTranscript). It is None for webhooks, and when the callback's payload could not be read as that
    message: `raw["payload"]` still holds it.
    """

    message: MessageT | None = attrs.field(default=None, repr=False, hash=False)


@attrs.frozen(kw_only=True)
class LiveSessionStarted(LiveEvent["StartSessionMessage"]):
    """A live session was initiated (`live.start_session`): a webhook, or a lifecycle callback."""


@attrs.frozen(kw_only=True)
class LiveRecordingStarted(LiveEvent["StartRecordingMessage"]):
    """A live session started receiving audio (`live.start_recording`): a webhook, or a lifecycle callback."""


@attrs.frozen(kw_only=True)
class LiveRecordingEnded(LiveEvent["EndRecordingMessage"]):
    """A live session stopped receiving audio (`live.end_recording`): a webhook, or a lifecycle callback."""


@attrs.frozen(kw_only=True)
class LiveSessionEnded(LiveEvent["EndSessionMessage"]):
    """A live session is over (`live.end_session`): a webhook, or a lifecycle callback."""


@attrs.frozen(kw_only=True)
class LiveAudioChunkAcknowledged(LiveEvent["AudioChunkAckMessage"]):
    """A chunk of audio was acknowledged, or refused (`live.audio_chunk`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveStopRecordingAcknowledged(LiveEvent["StopRecordingAckMessage"]):
    """The request to stop recording was acknowledged (`live.stop_recording`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveSpeechStarted(LiveEvent["SpeechStartMessage"]):
    """Speech began (`live.speech_start`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveSpeechEnded(LiveEvent["SpeechEndMessage"]):
    """Speech ended (`live.speech_end`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveTranscript(LiveEvent["TranscriptMessage"]):
    """An utterance's transcript, partial or final: `message.data.is_final` (`live.transcript`; callbacks
    only)."""


@attrs.frozen(kw_only=True)
class LiveTranslation(LiveEvent["TranslationMessage"]):
    """The translation of a final utterance (`live.translation`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveNamedEntityRecognition(LiveEvent["NamedEntityRecognitionMessage"]):
    """The named entities of a final utterance (`live.named_entity_recognition`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LiveSentimentAnalysis(LiveEvent["SentimentAnalysisMessage"]):
    """The sentiment of a final utterance (`live.sentiment_analysis`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LivePostTranscript(LiveEvent["PostTranscriptMessage"]):
    """The whole transcript, once the recording ended (`live.post_transcript`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LivePostFinalTranscript(LiveEvent["PostFinalTranscriptMessage"]):
    """The whole transcript with every add-on result (`live.post_final_transcript`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LivePostSummarization(LiveEvent["PostSummarizationMessage"]):
    """The session's summary (`live.post_summarization`; callbacks only)."""


@attrs.frozen(kw_only=True)
class LivePostChapterization(LiveEvent["PostChapterizationMessage"]):
    """The session's chapters (`live.post_chapterization`; callbacks only)."""


_EVENT_CLASSES: dict[str, type[Event]] = {
    CREATED: TranscriptionCreated,
    SUCCEEDED: TranscriptionSucceeded,
    FAILED: TranscriptionFailed,
    LIVE_SESSION_STARTED: LiveSessionStarted,
    LIVE_RECORDING_STARTED: LiveRecordingStarted,
    LIVE_RECORDING_ENDED: LiveRecordingEnded,
    LIVE_SESSION_ENDED: LiveSessionEnded,
    LIVE_AUDIO_CHUNK: LiveAudioChunkAcknowledged,
    LIVE_STOP_RECORDING: LiveStopRecordingAcknowledged,
    LIVE_SPEECH_START: LiveSpeechStarted,
    LIVE_SPEECH_END: LiveSpeechEnded,
    LIVE_TRANSCRIPT: LiveTranscript,
    LIVE_TRANSLATION: LiveTranslation,
    LIVE_NAMED_ENTITY_RECOGNITION: LiveNamedEntityRecognition,
    LIVE_SENTIMENT_ANALYSIS: LiveSentimentAnalysis,
    LIVE_POST_TRANSCRIPT: LivePostTranscript,
    LIVE_POST_FINAL_TRANSCRIPT: LivePostFinalTranscript,
    LIVE_POST_SUMMARIZATION: LivePostSummarization,
    LIVE_POST_CHAPTERIZATION: LivePostChapterization,
}
# The generated model of each live event's callback body (`CallbackLive*Message`), whose `payload` is the
# WebSocket message. The four lifecycle events are also webhooks; the others are callbacks only.
_LIVE_CALLBACK_MODELS = {
    LIVE_SESSION_STARTED: "CallbackLiveStartSessionMessage",
    LIVE_RECORDING_STARTED: "CallbackLiveStartRecordingMessage",
    LIVE_RECORDING_ENDED: "CallbackLiveEndRecordingMessage",
    LIVE_SESSION_ENDED: "CallbackLiveEndSessionMessage",
    LIVE_AUDIO_CHUNK: "CallbackLiveAudioChunkAckMessage",
    LIVE_STOP_RECORDING: "CallbackLiveStopRecordingAckMessage",
    LIVE_SPEECH_START: "CallbackLiveSpeechStartMessage",
    LIVE_SPEECH_END: "CallbackLiveSpeechEndMessage",
    LIVE_TRANSCRIPT: "CallbackLiveTranscriptMessage",
    LIVE_TRANSLATION: "CallbackLiveTranslationMessage",
    LIVE_NAMED_ENTITY_RECOGNITION: "CallbackLiveNamedEntityRecognitionMessage",
    LIVE_SENTIMENT_ANALYSIS: "CallbackLiveSentimentAnalysisMessage",
    LIVE_POST_TRANSCRIPT: "CallbackLivePostTranscriptMessage",
    LIVE_POST_FINAL_TRANSCRIPT: "CallbackLivePostFinalTranscriptMessage",
    LIVE_POST_SUMMARIZATION: "CallbackLivePostSummarizationMessage",
    LIVE_POST_CHAPTERIZATION: "CallbackLivePostChapterizationMessage",
}
_LIVE_WEBHOOKS = frozenset(
    {LIVE_SESSION_STARTED, LIVE_RECORDING_STARTED, LIVE_RECORDING_ENDED, LIVE_SESSION_ENDED}
)


def parse(body: bytes | bytearray | str | Mapping[str, Any], headers: HeaderSource | None = None) -> Event:
    """Read a callback or webhook body into a typed event. This checks no signature: see `construct_event`.

    Args:
        body: the request body, raw (bytes or str) or already decoded from JSON.
        headers: the request's headers, to fill `message_id`; optional.

    Returns:
        A TranscriptionCreated, TranscriptionSucceeded or TranscriptionFailed; for live sessions, a
        LiveEvent: LiveSessionStarted, LiveRecordingStarted, LiveRecordingEnded or LiveSessionEnded
        (webhooks or callbacks), or, from a live session's callbacks only, LiveTranscript,
        LiveAudioChunkAcknowledged, LiveStopRecordingAcknowledged, LiveSpeechStarted, LiveSpeechEnded,
        LiveTranslation, LiveNamedEntityRecognition, LiveSentimentAnalysis, LivePostTranscript,
        LivePostFinalTranscript, LivePostSummarization or LivePostChapterization.

    Raises:
        WebhookUnknownEventError: a well-formed notification of an event this SDK does not know; answer it
            with a 2xx if you do not handle it, or Gladia retries it.
        WebhookPayloadError: anything else that is not a Gladia notification: not JSON, not an object, no
            event, or no job id (a UUID, as for the client's methods).
    """
    data = _decode(body)
    event = data.get("event")
    if not isinstance(event, str) or not event:
        raise WebhookPayloadError(
            f"The body has no 'event' naming what happened (got {_describe(event)}); it is not a Gladia "
            "callback or webhook."
        )
    cls = _EVENT_CLASSES.get(event)
    if cls is None:
        raise WebhookUnknownEventError(event, list(_EVENT_CLASSES))

    # Callbacks name the job at the top level; webhooks carry only `payload.id`. A live event that is never
    # a webhook is a callback even without its `id`, so that the error names the right place.
    payload = data.get("payload")
    kind: Kind
    if "id" in data or (event in _LIVE_CALLBACK_MODELS and event not in _LIVE_WEBHOOKS):
        kind, job_id, where = "callback", data.get("id"), "'id'"
    else:
        kind, where = "webhook", "'payload.id'"
        job_id = payload.get("id") if isinstance(payload, dict) else None
    # The same rule as for a job id passed to the client: callbacks are unsigned, so this id may come from
    # anyone, and the receiver will put it in a URL to fetch the job.
    if job_id is None:
        raise WebhookPayloadError(f"The {event} {kind} has no job id at {where}.")
    try:
        job_id = check_job_id(job_id)
    except InvalidJobIdError as exc:
        raise WebhookPayloadError(f"The {event} {kind} has no usable job id at {where}: {exc}") from None

    metadata = data.get("custom_metadata")
    common: dict[str, Any] = {
        "job_id": job_id,
        "event": event,
        "kind": kind,
        "custom_metadata": dict(metadata) if isinstance(metadata, dict) else None,
        "message_id": _message_id(headers) if headers is not None else None,
        "raw": data,
    }
    if cls is TranscriptionSucceeded:
        result = _read_result(payload) if kind == "callback" else None
        return TranscriptionSucceeded(result=result, **common)
    if cls is TranscriptionFailed:
        return TranscriptionFailed(error=_read_error(data.get("error")), **common)
    if issubclass(cls, LiveEvent):
        message = _read_live_message(event, data) if kind == "callback" else None
        return cls(message=message, **common)
    return cls(**common)


def _decode(body: object) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    raw = bytes(body) if isinstance(body, (bytearray, memoryview)) else body
    if not isinstance(raw, (bytes, str)):
        raise WebhookPayloadError(
            f"Expected the request body as bytes, str or a dict, got {type(body).__name__}."
        )
    if not raw.strip():
        raise WebhookPayloadError("The body is empty; a Gladia callback or webhook is a JSON object.")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise WebhookPayloadError(
            f"The body is not JSON ({exc}); a Gladia callback or webhook is a JSON object."
        ) from None
    if not isinstance(data, dict):
        raise WebhookPayloadError(
            f"The body is JSON but not an object (got {_describe(data)}); a Gladia callback or webhook "
            "is a JSON object."
        )
    return data


def _read_result(payload: Any) -> TranscriptionResultDTO | None:
    from gladia_api.models import TranscriptionResultDTO  # noqa: PLC0415  (keeps `import gladia` fast)

    if not isinstance(payload, dict):
        return None
    try:
        return TranscriptionResultDTO.from_dict(payload)
    # The generated reader fails in whatever way a surprising shape makes it fail. The result is a
    # convenience (the job is the trustworthy copy), so an unreadable one must not lose the job's id.
    except Exception:  # noqa: BLE001
        return None


def _read_live_message(event: str, data: dict[str, Any]) -> Any:
    """The WebSocket message a live callback carries, read by its generated `CallbackLive*Message` model."""
    from gladia_api import models  # noqa: PLC0415  (keeps `import gladia` fast)

    model = getattr(models, _LIVE_CALLBACK_MODELS[event])
    try:
        return model.from_dict(data).payload
    # As for a result: the message is a convenience, and an unreadable one must not lose the session's id.
    except Exception:  # noqa: BLE001
        return None


def _read_error(error: Any) -> ErrorDTO | None:
    from gladia_api.models import ErrorDTO  # noqa: PLC0415

    if not isinstance(error, dict) or not isinstance(error.get("code"), int) or "message" not in error:
        return None
    return ErrorDTO.from_dict(error)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return f"a JSON {'object' if isinstance(value, dict) else 'array'}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------------------------------------- signing


def secret_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_...` secret (the prefix is optional).

    Raises:
        WebhookSecretError: the secret is missing, empty, or not base64.
    """
    if not isinstance(secret, str):
        raise WebhookSecretError(
            f"The webhook secret must be a str such as 'whsec_...', got {type(secret).__name__}; is the "
            "setting or environment variable that holds it missing?"
        )
    # Secrets are pasted from a dashboard into env files: tolerate the stray newline, and a missing
    # padding as the reference libraries do.
    encoded = secret.strip()
    encoded = encoded[len(SECRET_PREFIX) :] if encoded.startswith(SECRET_PREFIX) else encoded
    encoded += "=" * (-len(encoded) % 4)
    try:
        key = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise WebhookSecretError(
            "The webhook secret is not valid base64; copy it whole, including the 'whsec_' prefix."
        ) from None
    if not key:
        raise WebhookSecretError("The webhook secret is empty; copy it from Gladia's webhook settings.")
    return key


def sign(secret: str, msg_id: str, timestamp: int, body: bytes | bytearray | str) -> str:
    """The `v1,<base64>` signature of one message, as sent in the `webhook-signature` header.

    Raises:
        WebhookSecretError: `secret` is not a usable secret.
        ValidationError: `msg_id` is not text, `timestamp` not an integer, or `body` not bytes or text.
    """
    key = secret_key(secret)
    if not isinstance(msg_id, str):
        raise ValidationError(f"msg_id must be the webhook-id, a str, got {type(msg_id).__name__}.")
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise ValidationError(f"timestamp must be an int of Unix seconds, got {type(timestamp).__name__}.")
    raw: object = body  # checked at run time: receivers pass what their framework gave them
    if isinstance(raw, str):
        data = _utf8(raw, "The body")
    elif isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
    else:
        raise ValidationError(f"body must be the raw request body (bytes or str), got {type(raw).__name__}.")
    return "v1," + base64.b64encode(_digest(key, msg_id, timestamp, data)).decode()


def _utf8(text: str, what: str) -> bytes:
    """`text` as UTF-8; a lone surrogate (which no request's bytes decode to) is refused, typed."""
    try:
        return text.encode()
    except UnicodeEncodeError as exc:
        raise WebhookPayloadError(
            f"{what} is a str holding a lone surrogate ({text[exc.start]!r} at index {exc.start}), so it is "
            "not text decoded from the bytes that were sent: pass the raw bytes as received (e.g. "
            "`await request.body()`)."
        ) from None


def _digest(key: bytes, msg_id: str, timestamp: int, body: bytes) -> bytes:
    # surrogatepass: a header value is whatever the caller's framework made of it; any str signs as itself.
    signed = f"{msg_id}.{timestamp}.".encode("utf-8", "surrogatepass") + body
    return hmac.new(key, signed, hashlib.sha256).digest()


# ---------------------------------------------------------------------------------------------- verifying

_HEADER_SETS = (
    ("webhook-id", "webhook-timestamp", "webhook-signature"),
    ("svix-id", "svix-timestamp", "svix-signature"),
)
# Digits only: int() would also take "+1", " 1" and "1_000", which no signer sends. 20 digits is far past
# any real time and keeps int() cheap on a hostile header.
_TIMESTAMP = re.compile(r"[0-9]{1,20}")


def verify(
    payload: bytes | bytearray | str,
    headers: HeaderSource,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> str:
    """Check that a webhook was signed by Gladia with `secret`, recently. Returns its message id.

    The checks run in this order, and the first that fails raises: the body is raw, the secret is usable,
    the three headers are present, the timestamp is an integer, the signature header has `v1,<base64>`
    entries, one of them matches, and the timestamp is within `tolerance` of `now`. The signature is checked
    before the age, so a WebhookTimestampError always means an authentic message sent at another time.

    Args:
        payload: the raw request body, exactly as received (a str is encoded as UTF-8).
        headers: the request's headers; names are matched without regard to case.
        secret: the account's webhook secret, `whsec_...`.
        tolerance: the largest difference, in seconds either way, between the timestamp and `now`.
        now: the current Unix time; defaults to the system clock (tests pass it).

    Returns:
        The message id (`webhook-id`): the same on every redelivery, to drop duplicates.

    Raises:
        WebhookRawBodyError: `payload` is a dict or other parsed value, not the raw body.
        WebhookSecretError: `secret` is not a usable secret.
        WebhookMissingHeadersError: a signing header is absent or empty.
        WebhookMalformedHeaderError: the timestamp is not an integer, or the signature header holds no
            `version,signature` entry.
        WebhookSignatureError: no `v1` signature matches: a wrong secret, a changed body, or a forgery.
        WebhookTimestampError: the signature matches but the timestamp is outside the tolerance.
    """
    if isinstance(payload, str):
        body = _utf8(payload, "The body")
    elif isinstance(payload, (bytes, bytearray, memoryview)):
        body = bytes(payload)
    else:
        raise WebhookRawBodyError(type(payload))
    if not tolerance >= 0:  # also refuses NaN, which would let every timestamp through
        raise ValidationError(f"tolerance must be a number of seconds >= 0, got {tolerance!r}.")
    if now is not None and not math.isfinite(now):
        raise ValidationError(f"now must be a finite Unix time, got {now!r}.")
    key = secret_key(secret)

    found = _normalize(headers)
    id_name, timestamp_name, signature_name = _header_set(found)
    missing = [name for name in (id_name, timestamp_name, signature_name) if not found.get(name, "").strip()]
    if missing:
        raise WebhookMissingHeadersError(missing)
    msg_id, timestamp_text, signatures = found[id_name], found[timestamp_name].strip(), found[signature_name]

    if not _TIMESTAMP.fullmatch(timestamp_text):
        raise WebhookMalformedHeaderError(timestamp_name, timestamp_text, "an integer number of Unix seconds")
    timestamp = int(timestamp_text)

    entries = [entry.partition(",") for entry in signatures.split()]
    candidates = [(version, sig) for version, comma, sig in entries if comma and version]
    if not candidates:
        raise WebhookMalformedHeaderError(
            signature_name, signatures, "space-separated 'v1,<base64 signature>' entries"
        )
    v1 = [sig for version, sig in candidates if version == "v1"]
    if not v1:
        versions = ", ".join(sorted({version for version, _ in candidates}))
        raise WebhookSignatureError(
            f"The {signature_name} header has no v1 (HMAC-SHA256) signature, only {versions}; this SDK "
            "verifies v1 signatures made with the webhook secret."
        )
    expected = _digest(key, msg_id, timestamp, body)
    if not any(hmac.compare_digest(expected, _b64(sig)) for sig in v1):
        raise WebhookSignatureError(
            f"None of the {len(v1)} v1 signature(s) in {signature_name} matches the body: the secret is "
            "not this endpoint's, or the body was changed on the way. Verify the raw body bytes as "
            "received, not JSON parsed and serialized again."
        )

    clock = time.time() if now is None else now
    if abs(clock - timestamp) > tolerance:
        raise WebhookTimestampError(timestamp, clock, tolerance)
    return msg_id


def construct_event(
    payload: bytes | bytearray | str,
    headers: HeaderSource,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> Event:
    """Verify a signed webhook, then parse it: what a webhook receiver calls first.

    Args and Raises: as `verify`, then as `parse`. The event's `message_id` is the verified `webhook-id`.
    """
    verify(payload, headers, secret, tolerance=tolerance, now=now)
    return parse(payload, headers)


def _normalize(headers: HeaderSource) -> dict[str, str]:
    """Header names lowercased; a name sent twice keeps its values joined by a space."""
    try:
        items = list(headers.items())
    except AttributeError:
        raise ValidationError(
            f"headers must be a mapping of header names to values, got {type(headers).__name__}."
        ) from None
    found: dict[str, str] = {}
    for name, value in items:
        key = _text(name).lower()
        text = _text(value)
        found[key] = f"{found[key]} {text}" if key in found else text
    return found


def _text(value: str | bytes) -> str:
    # Raw ASGI headers are bytes; HTTP header bytes are latin-1 by definition.
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _header_set(found: Mapping[str, str]) -> tuple[str, str, str]:
    """The Standard Webhooks names, unless only the svix- spellings were sent."""
    standard, svix = _HEADER_SETS
    if not any(name in found for name in standard) and any(name in found for name in svix):
        return svix
    return standard


def _message_id(headers: HeaderSource) -> str | None:
    found = _normalize(headers)
    msg_id = found.get(_header_set(found)[0], "")
    return msg_id or None


def _b64(signature: str) -> bytes:
    try:
        return base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):  # not base64, or not ASCII
        return b""


# ---------------------------------------------------------------------------------------------- callbacks

#: The query parameter `callback_url_with_token` adds.
TOKEN_PARAM = "token"  # noqa: S105  (a parameter name, not a token)


def callback_url_with_token(url: str, token: str, *, param: str = TOKEN_PARAM) -> str:
    """`url` with `token` as a query parameter, to give Gladia as `callback_config.url`.

    Callbacks are not signed. A token only you and Gladia know, checked on receipt with
    `verify_callback_token`, shows a callback came from someone who knew the URL you gave Gladia, and lets
    the receiver drop the rest cheaply. It does not vouch for the body: fetch the job by `event.job_id`
    before acting on its content. Make the token with `secrets.token_urlsafe(32)`, and keep it out of logs.

    Raises:
        ValidationError: the URL is not http(s), or the token or parameter name is empty.
    """
    if not isinstance(url, str):
        raise ValidationError(f"The callback URL must be a str, got {type(url).__name__}.")
    for name, value in (("token", token), ("param", param)):
        if not isinstance(value, str):
            raise ValidationError(f"The callback {name} must be a str, got {type(value).__name__}.")
        if not value.isprintable() or any("\ud800" <= char <= "\udfff" for char in value):
            raise ValidationError(
                f"The callback {name} must be printable text (e.g. secrets.token_urlsafe(32)), got {value!r}."
            )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018  (reading it checks it: a port out of range raises ValueError)
    except ValueError as exc:
        raise ValidationError(f"The callback URL {url!r} cannot be read: {exc}.") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"The callback URL must be an absolute http(s) URL, got {url!r}.")
    if not token or not param:
        raise ValidationError("The callback token and its parameter name must not be empty.")
    # Keep the other parameters exactly as written: re-encoding them could change what they mean.
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and urllib.parse.unquote_plus(piece.partition("=")[0]) != param
    ]
    kept.append(urllib.parse.urlencode({param: token}))
    return urllib.parse.urlunsplit(parts._replace(query="&".join(kept)))


def verify_callback_token(received: str | None, token: str) -> None:
    """Check, in constant time, the token a callback arrived with against the one put in its URL.

    Args:
        received: the query parameter's value in the request, e.g. `request.query_params.get("token")`;
            None when it is absent.
        token: the token given to `callback_url_with_token`.

    Raises:
        CallbackTokenError: the token is absent or another one.
        ValidationError: `token` is empty (every callback would be refused).
    """
    if not isinstance(token, str):
        raise ValidationError(f"The expected callback token must be a str, got {type(token).__name__}.")
    if not token:
        raise ValidationError("The expected callback token is empty.")
    if received is not None and not isinstance(received, str):
        raise ValidationError(
            f"received must be the query parameter's value, a str (or None), got {type(received).__name__}."
        )
    if not received:
        raise CallbackTokenError(
            "The callback has no token: its URL is not the one given to Gladia with callback_url_with_token."
        )
    # surrogatepass: any str compares as itself (a query string may decode to a lone surrogate).
    if not hmac.compare_digest(
        received.encode("utf-8", "surrogatepass"), token.encode("utf-8", "surrogatepass")
    ):
        raise CallbackTokenError("The callback's token does not match the one put in its URL.")


# ---------------------------------------------------------------------------------------------- trust by fetch


class _JobReader(Protocol):
    def get(self, job_id: str) -> PreRecordedResponse: ...


class _AsyncJobReader(Protocol):
    async def get(self, job_id: str) -> PreRecordedResponse: ...


_EXPECTED_STATUS = {SUCCEEDED: "done", FAILED: "error"}


@overload
def fetch_job(event: TranscriptionSucceeded, client: Any) -> DoneJob: ...
@overload
def fetch_job(event: Event, client: Any) -> PreRecordedResponse: ...
def fetch_job(event: Event, client: Any) -> PreRecordedResponse:
    """The event's job as Gladia has it now: act on this, not on what the notification's sender claims.

    Callbacks are not signed, and even a verified webhook carries only an id. Re-reading the job by its id,
    with your own API key, means the status and result a server acts on come from Gladia.

    Args:
        event: from `parse` or `construct_event`.
        client: a GladiaClient, or its `.prerecorded()`.

    Returns:
        The job; for a TranscriptionSucceeded, a DoneJob (its result is there, checked).

    Raises:
        ValidationError: the event is about a live session, or `client` is not a client that can read a
            pre-recorded job synchronously (an async client: use fetch_job_async).
        WebhookPayloadError: the job's status contradicts the event (a forged or mistaken notification).
        NotFoundError: no such job for your key (another account's id, or deleted since).
    """
    job_id = _pre_recorded_id(event, "fetch_job")
    reader: _JobReader = _reader(client, "fetch_job", live=False, is_async=False)
    return _consistent(event, _answer(reader.get(job_id), client, "fetch_job", live=False))


@overload
async def fetch_job_async(event: TranscriptionSucceeded, client: Any) -> DoneJob: ...
@overload
async def fetch_job_async(event: Event, client: Any) -> PreRecordedResponse: ...
async def fetch_job_async(event: Event, client: Any) -> PreRecordedResponse:
    """The async form of `fetch_job`, for an AsyncGladiaClient or its `.prerecorded()`."""
    job_id = _pre_recorded_id(event, "fetch_job_async")
    reader: _AsyncJobReader = _reader(client, "fetch_job_async", live=False, is_async=True)
    return _consistent(event, _answer(await reader.get(job_id), client, "fetch_job_async", live=False))


class _SessionReader(Protocol):
    def get(self, session_id: str) -> StreamingResponse: ...


class _AsyncSessionReader(Protocol):
    async def get(self, session_id: str) -> StreamingResponse: ...


def fetch_session(event: Event, client: Any) -> StreamingResponse:
    """The live session of a LiveEvent as Gladia has it now: act on this, not on the notification's body.

    Live callbacks are not signed, and a live webhook carries only an id: as `fetch_job` for pre-recorded
    jobs, this re-reads the session by its id with your own API key.

    Args:
        event: a LiveEvent from `parse` or `construct_event`.
        client: a GladiaClient, or its `.live()`.

    Raises:
        ValidationError: the event is about a pre-recorded job, not a live session, or `client` is not a
            client that can read a live session synchronously (an async client: use fetch_session_async).
        WebhookPayloadError: a LiveSessionEnded for a session Gladia reports as still running (a forged or
            mistaken notification).
        NotFoundError: no such session for your key (another account's id, or deleted since).
    """
    session_id = _live_id(event, "fetch_session")
    reader: _SessionReader = _reader(client, "fetch_session", live=True, is_async=False)
    return _session_consistent(event, _answer(reader.get(session_id), client, "fetch_session", live=True))


async def fetch_session_async(event: Event, client: Any) -> StreamingResponse:
    """The async form of `fetch_session`, for an AsyncGladiaClient or its `.live()`."""
    session_id = _live_id(event, "fetch_session_async")
    reader: _AsyncSessionReader = _reader(client, "fetch_session_async", live=True, is_async=True)
    answer = await reader.get(session_id)
    return _session_consistent(event, _answer(answer, client, "fetch_session_async", live=True))


def _wanted(live: bool, is_async: bool) -> str:
    client = "AsyncGladiaClient" if is_async else "GladiaClient"
    return f"{client} or its .{'live' if live else 'prerecorded'}()"


def _reader(client: Any, function: str, *, live: bool, is_async: bool) -> Any:
    """What reads the job (or session) from `client`, refused before any request if it is the wrong kind."""
    factory = getattr(client, "live" if live else "prerecorded", None)
    reader = factory() if callable(factory) else client
    get = getattr(reader, "get", None)
    wanted = _wanted(live, is_async)
    kind = type(client).__name__
    if not callable(get) or type(reader).__module__.partition(".")[0] == "httpx":
        raise ValidationError(f"{function} needs a {wanted}, which reads it with your API key; got a {kind}.")
    if live and hasattr(reader, "upload_file"):
        raise ValidationError(
            f"{function} reads live sessions, and {kind} reads pre-recorded jobs: pass the client's .live()"
        )
    if not live and hasattr(reader, "start_session"):
        raise ValidationError(
            f"{function} reads pre-recorded jobs, and {kind} reads live sessions: pass the client's "
            ".prerecorded()"
        )
    if inspect.iscoroutinefunction(get) != is_async:
        other = function.removesuffix("_async") if is_async else f"{function}_async"
        how = "is sync" if is_async else "is async"
        use = other if is_async else f"await {other}"
        raise ValidationError(f"{function} needs a {wanted}; this {kind} {how}: use {use}(event, client).")
    return reader


def _answer(found: object, client: Any, function: str, *, live: bool) -> Any:
    """What the reader's `get` answered, if it is the job (or session) asked for; else a typed refusal."""
    from gladia_api.models import PreRecordedResponse, StreamingResponse  # noqa: PLC0415  (import cost)

    expected = StreamingResponse if live else PreRecordedResponse
    if isinstance(found, expected):
        return found
    if inspect.iscoroutine(found):
        found.close()  # never awaited: close it, so Python does not warn about it
    kind = type(client).__name__
    raise ValidationError(
        f"{function} needs a {_wanted(live, function.endswith('_async'))}: {kind}.get() answered a "
        f"{type(found).__name__}, not a {expected.__name__}."
    )


def _check_event(event: object, function: str) -> None:
    if not isinstance(event, Event):
        raise ValidationError(
            f"{function} needs an event from parse() or construct_event(), got a {type(event).__name__}."
        )


def _live_id(event: Event, function: str) -> str:
    _check_event(event, function)
    if not isinstance(event, LiveEvent):
        raise ValidationError(
            f"{event.event} is about pre-recorded job {event.job_id}, not a live session: use fetch_job"
        )
    return event.job_id


def _session_consistent(event: Event, session: StreamingResponse) -> StreamingResponse:
    if isinstance(event, LiveSessionEnded) and str(session.status) not in ("done", "error"):
        raise WebhookPayloadError(
            f"The notification says {event.event} for live session {event.job_id}, but Gladia reports its "
            f"status as {session.status!s}: do not act on it (it may be forged, or about another session)"
        )
    return session


def _pre_recorded_id(event: Event, function: str) -> str:
    _check_event(event, function)
    if isinstance(event, LiveEvent):
        raise ValidationError(
            f"{event.event} is about live session {event.job_id}, not a pre-recorded job: fetch_job reads "
            "pre-recorded jobs only"
        )
    return event.job_id


def _consistent(event: Event, job: PreRecordedResponse) -> PreRecordedResponse:
    expected = _EXPECTED_STATUS.get(event.event)
    if expected is not None and str(job.status) != expected:
        raise WebhookPayloadError(
            f"The notification says {event.event} for job {event.job_id}, but Gladia reports its status as "
            f"{job.status!s}: do not act on it (it may be forged, or about another job)"
        )
    if expected == "done":
        from gladia.prerecorded._polling import done  # noqa: PLC0415  (keeps `import gladia.webhooks` light)

        return done(job)  # a DoneJob, as fetch_job's overload says: its result is checked to be there
    return job
