"""Every exception the gladia SDK raises. Catch `GladiaError` to catch them all.

    GladiaError
     ├── ValidationError (also a ValueError)   bad input, refused before anything is sent
     │    ├── ConfigurationError               missing or empty API key, malformed api_url, bad timeout
     │    ├── InvalidOptionsError              options Gladia would refuse; `.problems` lists each one
     │    ├── InvalidSourceError               missing, empty, unreadable or unsupported audio source
     │    └── InvalidJobIdError                a job id that cannot be one (empty, not a UUID, a path)
     ├── APIError                              Gladia answered with an error status
     │    │                                    (status_code, request_id, body, validation_errors, method, url)
     │    ├── BadRequestError                  400
     │    ├── AuthenticationError              401
     │    ├── PermissionDeniedError            403
     │    ├── NotFoundError                    404
     │    ├── PayloadTooLargeError             413
     │    ├── UnprocessableEntityError         422
     │    ├── RateLimitError                   429 (retry_after)
     │    ├── InternalServerError              5xx
     │    └── UnexpectedResponseError          a status or body the API does not document
     │         └── ResponseTooLargeError       an answer larger than max_response_bytes (limit)
     ├── APIConnectionError                    no usable answer: refused, reset, DNS, TLS
     │    └── APITimeoutError                  no whole answer within the timeout or deadline
     ├── ClientClosedError                     a call on a client that was closed (make a new client)
     ├── JobMayExistError                      creating a job failed and the SDK cannot tell whether
     │                                         it was created (tag_key, tag: list() finds it)
     ├── UploadError                           a local source could not be sent as it was checked
     │    ├── SourceChangedError               the file changed while it was being uploaded
     │    └── SourceNotReplayableError         a stream that cannot be sent again was asked for again
     ├── TranscriptionError                    the job ended in `error` (job_id, error_code, job)
     ├── PollTimeoutError                      the job was not final in time (job_id, last_status)
     ├── LiveError                             a live session cannot go on (session_id)
     │    ├── LiveConnectionError              its WebSocket closed for good (close_code, reason)
     │    │    ├── LiveIncompleteError         it ended without what makes it complete (missing)
     │    │    ├── LiveProtocolError           the server broke the protocol (bad UTF-8, another session)
     │    │    └── LiveStalledError            the server stopped reading the audio (pending_bytes)
     │    ├── LiveBufferFullError              audio stayed unacknowledged, the buffer full, too long
     │    ├── LiveSessionClosedError           audio or stop_recording() after the session was closed
     │    ├── LiveCallbackError                a callback given to on() raised (its exception: __cause__)
     │    ├── LiveQueueFullError               messages left unread filled the queue (max_unread_bytes)
     │    ├── LiveURLError                     the WebSocket URL Gladia gave is not one to use (url)
     │    └── MicrophoneError                  the microphone cannot record (device)
     └── WebhookError                          a callback or webhook that cannot be trusted or read
          ├── WebhookVerificationError         its signature, timestamp or headers do not check out
          │    ├── WebhookRawBodyError           given parsed JSON, not the raw body (also a TypeError)
          │    ├── WebhookSecretError            the secret given is not a usable `whsec_` secret
          │    ├── WebhookMissingHeadersError    signing headers absent or empty (missing)
          │    ├── WebhookMalformedHeaderError   a signing header that cannot be read (header, value)
          │    ├── WebhookSignatureError         no signature matches: wrong secret or changed body
          │    ├── WebhookTimestampError         signed, but outside the tolerance (timestamp, age)
          │    └── CallbackTokenError            a callback without the token put in its URL
          └── WebhookPayloadError              its body is not a Gladia notification we know
               └── WebhookUnknownEventError    an event this SDK does not know (event)

    GladiaWarning (a UserWarning)              valid for Gladia, but probably not what you meant
     └── GladiaDeprecationWarning             a deprecated keyword (also a DeprecationWarning)


Messages say what went wrong and what to do about it. None of them, nor any repr, contains the API key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import httpx

    from gladia_api.models import PreRecordedResponse

__all__ = [
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
    "LiveConnectionError",
    "LiveBufferFullError",
    "LiveSessionClosedError",
    "LiveCallbackError",
    "LiveQueueFullError",
    "LiveIncompleteError",
    "LiveProtocolError",
    "LiveStalledError",
    "LiveURLError",
    "MicrophoneError",
    "WebhookError",
    "WebhookVerificationError",
    "WebhookRawBodyError",
    "WebhookSecretError",
    "WebhookMissingHeadersError",
    "WebhookMalformedHeaderError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "CallbackTokenError",
    "WebhookPayloadError",
    "WebhookUnknownEventError",
    "GladiaWarning",
    "GladiaDeprecationWarning",
]


class GladiaError(Exception):
    """The base of every exception the SDK raises.

    Every one pickles with its message and its attributes (so it crosses a process: a
    `ProcessPoolExecutor` worker can raise it), except an `httpx.Response` it holds, which stays behind.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        state = {key: value for key, value in self.__dict__.items() if key != "response"}
        return _restore, (type(self), self.args, state)


def _restore(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> BaseException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


# ---------------------------------------------------------------------------------------------- local input


class ValidationError(GladiaError, ValueError):
    """Input the SDK refused before sending anything; nothing was uploaded or created."""


class ConfigurationError(ValidationError):
    """The client cannot be built as asked (API key, api_url, timeouts, retries)."""


class InvalidOptionsError(ValidationError):
    """Transcription options Gladia would refuse. `problems` holds one line per problem, with its path."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Invalid transcription options ({head}); nothing was sent:\n{lines}")


class InvalidSourceError(ValidationError):
    """An audio source that cannot be uploaded or transcribed as given."""


class InvalidJobIdError(ValidationError):
    """A string that cannot be a Gladia job id."""


# ---------------------------------------------------------------------------------------------- API answers


class APIError(GladiaError):
    """Gladia answered with an error status.

    Attributes:
        status_code: the HTTP status.
        request_id: Gladia's id for the request (quote it to support), when it sent one.
        body: the decoded JSON body, or the text when it was not JSON.
        validation_errors: the per-field problems Gladia listed, if any.
        method, url: the request that failed.
        response: the httpx.Response (its headers; its body already read), when there was one.
    """

    #: The answer that raised this error (not pickled).
    response: httpx.Response | None = None

    #: What to do about it, appended to the message.
    _advice: ClassVar[str] = ""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        body: Any = None,
        validation_errors: Sequence[str] = (),
        method: str = "",
        url: str = "",
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.body = body
        self.validation_errors: tuple[str, ...] = tuple(validation_errors)
        self.method = method
        self.url = url
        super().__init__(self._render())

    def _render(self) -> str:
        where = f" to {self.method} {self.url}" if self.method else ""
        text = f"Gladia answered {self.status_code}{where}: {self.message}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        text += "".join(f"\n  - {problem}" for problem in self.validation_errors)
        if self.advice:
            text += f"\n{self.advice}"
        return text

    @property
    def advice(self) -> str:
        """What to do about this error."""
        return self._advice


class BadRequestError(APIError):
    """400: Gladia could not read the request."""


class AuthenticationError(APIError):
    """401: the API key is missing or not valid."""

    _advice = "Check the API key: pass api_key=... or set GLADIA_API_KEY (keys are at app.gladia.io)."


class PermissionDeniedError(APIError):
    """403: the job exists but this action is not allowed on it now."""


class NotFoundError(APIError):
    """404: no such job for this API key, or it was deleted."""


class PayloadTooLargeError(APIError):
    """413: the audio is larger or longer than the account allows."""

    _advice = "Split or compress the audio, or pass a URL so Gladia fetches it."


class UnprocessableEntityError(APIError):
    """422: the request was read but some values are not valid; see `validation_errors`."""


class RateLimitError(APIError):
    """429: too many requests or concurrent jobs. `retry_after` is the wait Gladia asked for, in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)

    @property
    def advice(self) -> str:
        wait = f" after {self.retry_after:g} s" if self.retry_after is not None else " later"
        return f"The SDK already retried; try again{wait}, or raise max_retries."


class InternalServerError(APIError):
    """5xx: Gladia failed to handle the request."""

    _advice = "This is on Gladia's side; the SDK already retried what was safe to retry."


class UnexpectedResponseError(APIError):
    """An answer the SDK cannot read: an undocumented status, or a body that is not the documented JSON."""


class ResponseTooLargeError(UnexpectedResponseError):
    """An answer larger than the client's `max_response_bytes` (counted after decompression). `limit` is the cap.

    Reading stopped at the cap, so memory stays bounded; `body` is None.
    """

    def __init__(self, message: str, *, limit: int, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(message, **kwargs)

    @property
    def advice(self) -> str:
        return (
            f"No Gladia answer comes near {self.limit:,} bytes: check api_url and any proxy in between, or "
            "raise the client's max_response_bytes if you expect answers this large."
        )


# ---------------------------------------------------------------------------------------------- transport


class APIConnectionError(GladiaError):
    """No usable answer from Gladia: the connection was refused, reset or could not be made."""

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        self.method = method
        self.url = url
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """Gladia did not answer within the timeout."""


# ---------------------------------------------------------------------------------------------- jobs


class ClientClosedError(GladiaError):
    """A call on a client after close() (or after its `with` block): nothing was sent. Not a network error
    that a retry could fix: make a new client, or make the call before closing this one."""


class JobMayExistError(GladiaError):
    """Creating a job failed in a way that cannot prove it was not created, and looking for it failed too.

    The SDK tags every job it creates with `custom_metadata[tag_key] = tag`. Look for it before creating
    it again: `list(custom_metadata={err.tag_key: err.tag})`. The failure is chained as `__cause__`.
    """

    def __init__(self, tag_key: str, tag: str, reason: str) -> None:
        self.tag_key = tag_key
        self.tag = tag
        self.reason = reason
        super().__init__(
            f"Creating the job failed ({reason}) and the SDK could not tell whether Gladia created it, so it "
            f"did not try again: the job may exist. Look for it with "
            f"list(custom_metadata={{{tag_key!r}: {tag!r}}}) before creating it again."
        )


class UploadError(GladiaError):
    """A local audio source could not be sent as it was when it was checked; nothing usable was uploaded."""


class SourceChangedError(UploadError):
    """The file changed while it was being uploaded (it grew or shrank)."""


class SourceNotReplayableError(UploadError):
    """The upload had to be sent again (a retry or a redirect), but the stream cannot be sent again."""


class TranscriptionError(GladiaError):
    """The job ended with status `error`. `job` is the whole job as Gladia returned it."""

    def __init__(
        self, job: PreRecordedResponse, message: str | None = None, *, reason: str | None = None
    ) -> None:
        self.job = job
        self.job_id: str = job.id
        #: Why the job failed, when Gladia said (`gladia.job_error_reason(job)`).
        self.reason = reason
        raw = job.error_code
        code = _as_code(raw)
        #: The HTTP-like status Gladia gave the failure: an int, or None when it sent none or one that is
        #: not a number (a digit string such as "500" is read as 500; the raw value stays in `.job`).
        self.error_code: int | None = code
        if code is not None:
            detail = f" with error code {code}"
        elif raw is None or type(raw).__name__ == "Unset":
            detail = ""
        else:
            detail = f" with error code {str(raw)[:50]!r} (not a number)"
        why = f": {reason.rstrip('.')}" if reason else ""
        message = message or f"Transcription job {job.id} failed{detail}{why}."
        super().__init__(f"{message} The whole job is in `.job`.")


def _as_code(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 3:
        return int(value.strip())
    return None


class PollTimeoutError(GladiaError):
    """The job was not `done` or `error` before the deadline. It is still running: resume with poll(job_id).

    `last_status` is the last status seen (a status this SDK does not know is named as Gladia sent it);
    `last_error` the failure of the last looks, when the job could not be read at the end.
    """

    def __init__(
        self,
        job_id: str,
        last_status: str | None,
        waited: float,
        *,
        last_error: BaseException | None = None,
        unknown_status: bool = False,
    ) -> None:
        self.job_id = job_id
        self.last_status = last_status
        self.waited = waited
        self.last_error = last_error
        if last_error is not None:
            seen = f"last seen {last_status}" if last_status else "never read"
            first = str(last_error).splitlines()[0][:200] if str(last_error) else ""
            text = (
                f"Job {job_id} was {seen}, and could not be read for the last looks of the {waited:.0f} s "
                f"waited ({type(last_error).__name__}: {first}). It may still be running on Gladia's side: "
                f"call poll({job_id!r}) to wait again once Gladia answers, or pass a longer timeout."
            )
        elif unknown_status:
            text = (
                f"Job {job_id} was still in status {last_status!r} after {waited:.0f} s; this SDK does not know "
                f"that status and took it as not final. Call get({job_id!r}) to see the job, or poll({job_id!r}) "
                "to wait again."
            )
        else:
            text = (
                f"Job {job_id} was still {last_status or 'unknown'} after {waited:.0f} s. It keeps running on "
                f"Gladia's side: call poll({job_id!r}) to wait again, or pass a longer timeout."
            )
        super().__init__(text)


# ---------------------------------------------------------------------------------------------- live


class LiveError(GladiaError):
    """A live session cannot go on. `session_id` is the session's id (None before it was created)."""

    def __init__(self, message: str, *, session_id: str | None = None) -> None:
        self.session_id = session_id
        super().__init__(message)


class LiveConnectionError(LiveError):
    """The session's WebSocket closed with a code that ends it, or every reconnection failed.

    Attributes:
        close_code: the WebSocket close code (None when the connection was lost without one).
        reason: the close reason the server gave, if any.
    """

    def __init__(
        self, message: str, *, session_id: str | None, close_code: int | None, reason: str = ""
    ) -> None:
        self.close_code = close_code
        self.reason = reason
        super().__init__(message, session_id=session_id)


class LiveBufferFullError(LiveError):
    """send_audio() waited too long for room: the server has not acknowledged the audio kept for it."""


class LiveSessionClosedError(LiveError):
    """Audio or stop_recording() for a session that was stopped, ended or closed."""


class LiveCallbackError(LiveError):
    """A callback subscribed with `session.on()` raised: the session was closed. The callback's exception
    is this error's `__cause__`."""


class LiveQueueFullError(LiveError):
    """The messages received and left unread outgrew `max_unread_bytes` (partial transcripts were dropped
    first): the session was closed. Read the messages as they come, subscribe to them with `session.on()`,
    or ask for fewer kinds with `messages_config`."""


class LiveIncompleteError(LiveConnectionError):
    """The session ended without the messages that make it complete: the acknowledgment of
    `stop_recording`, the acknowledgment of every byte of audio sent, the final transcript of the utterance
    last heard, `end_session`. What was received stays readable: iterate the session.

    Attributes:
        missing: what did not come, one phrase each.
        unacknowledged_bytes: audio handed to the session that Gladia never acknowledged (so never
            transcribed for sure).
    """

    def __init__(
        self,
        message: str,
        *,
        session_id: str | None,
        close_code: int | None,
        reason: str = "",
        missing: Sequence[str] = (),
        unacknowledged_bytes: int = 0,
    ) -> None:
        self.missing = tuple(missing)
        self.unacknowledged_bytes = unacknowledged_bytes
        super().__init__(message, session_id=session_id, close_code=close_code, reason=reason)


class LiveProtocolError(LiveConnectionError):
    """The server broke the WebSocket or the live protocol (a text message that is not UTF-8, a message
    over the size the SDK reads, messages of another session): the session was closed, not resumed, since
    a new connection would get the same."""


class LiveStalledError(LiveConnectionError):
    """The server stopped reading: the audio could not be written within `buffer_wait` seconds. The session
    was closed (its TCP connection dropped, since not even a close frame could be written).

    Attributes:
        pending_bytes: audio kept for the session and not acknowledged when it stalled.
    """

    def __init__(self, message: str, *, session_id: str | None, pending_bytes: int = 0) -> None:
        self.pending_bytes = pending_bytes
        super().__init__(message, session_id=session_id, close_code=None)


class MicrophoneError(LiveError):
    """The microphone cannot record: no input device, a device that refuses the format, or one that failed
    or stopped delivering audio while recording. The message says which, and what to do.

    Attributes:
        device: the device asked for (None: the default input device).
    """

    def __init__(self, message: str, *, device: int | str | None = None) -> None:
        self.device = device
        super().__init__(message)


class LiveURLError(LiveError):
    """The WebSocket URL Gladia gave for the session was refused before anything was sent to it: not a
    WebSocket URL, plain `ws://` for an API reached over https, or a host other than the API's that
    `start_session(allowed_hosts=...)` does not name.

    Attributes:
        url: the URL refused, its query values (the session's token) replaced by `<redacted>`.
    """

    def __init__(self, message: str, *, session_id: str | None, url: str) -> None:
        self.url = url
        super().__init__(message, session_id=session_id)


# ---------------------------------------------------------------------------------------------- webhooks


class WebhookError(GladiaError):
    """A callback or webhook request that cannot be trusted or read."""


class WebhookVerificationError(WebhookError):
    """The signature, timestamp or headers of a signed webhook do not check out; do not act on it."""


# One class per failed check, rather than one class with a `.reason`: a receiver usually answers every
# WebhookVerificationError alike (4xx, log, drop), but the few it treats apart are told apart with a plain
# `except`: WebhookSecretError and WebhookRawBodyError are bugs in the receiver, not in the request, and
# fail every delivery until fixed; WebhookTimestampError means the signature was valid, so it points at a
# replay or a skewed clock rather than at a forger. Each keeps, as attributes, the values its message quotes.


class WebhookRawBodyError(WebhookVerificationError, TypeError):
    """verify() was given a parsed body; the signature covers the exact bytes Gladia sent."""

    def __init__(self, given: type) -> None:
        self.given = given
        super().__init__(
            f"verify() needs the raw request body (bytes or str) exactly as received, not a "
            f"{given.__name__}: JSON parsed and serialized again does not match the signature. Read it with "
            f"`await request.body()` (Starlette, FastAPI), `request.body` (Django) or "
            f"`request.get_data()` (Flask)."
        )


class WebhookSecretError(WebhookVerificationError):
    """The webhook secret given to the SDK cannot be a Standard Webhooks secret; no request can verify."""


class WebhookMissingHeadersError(WebhookVerificationError):
    """A signing header is absent or empty. `missing` names each one."""

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing: tuple[str, ...] = tuple(missing)
        names = ", ".join(self.missing)
        text = f"Missing webhook signature header(s): {names} (the svix- spellings are accepted too)."
        if len(self.missing) == 3:  # none of them: most likely an unsigned request, not a damaged one
            text += (
                " Gladia signs webhooks only when a secret is set for them: check that one is, and that no "
                "proxy in front of this server drops these headers. Callbacks are never signed: do not "
                "verify them."
            )
        super().__init__(text)


class WebhookMalformedHeaderError(WebhookVerificationError):
    """A signing header is present but cannot be read. `header` is its name, `value` what it held."""

    def __init__(self, header: str, value: str, expected: str) -> None:
        self.header = header
        self.value = value
        shown = value if len(value) <= 60 else value[:57] + "..."
        super().__init__(f"Malformed {header} header {shown!r}: expected {expected}.")


class WebhookSignatureError(WebhookVerificationError):
    """No signature in the header matches the body: a wrong secret, a changed body, or a forgery."""


class WebhookTimestampError(WebhookVerificationError):
    """The signature is valid but the message was sent too long ago or too far ahead of this clock.

    Attributes:
        timestamp: the `webhook-timestamp` sent, in Unix seconds.
        now: this server's time when it checked, in Unix seconds.
        tolerance: the largest difference allowed either way, in seconds.
    """

    def __init__(self, timestamp: int, now: float, tolerance: float) -> None:
        self.timestamp = timestamp
        self.now = now
        self.tolerance = tolerance
        when = f"{self.age:.0f} s old" if self.age > 0 else f"{-self.age:.0f} s in the future"
        super().__init__(
            f"The webhook's timestamp {timestamp} is {when}; the tolerance is {tolerance:g} s either way. "
            "Its signature is valid, so this is a replay of an old message or this server's clock is off."
        )

    @property
    def age(self) -> float:
        """How old the message is, in seconds: positive when sent in the past, negative when in the future."""
        return self.now - self.timestamp


class CallbackTokenError(WebhookVerificationError):
    """A callback arrived without the token put in its URL, or with another one."""


class WebhookPayloadError(WebhookError):
    """The body is not a Gladia callback or webhook this SDK understands."""


class WebhookUnknownEventError(WebhookPayloadError):
    """A well-formed notification of an event this SDK does not know (one added since?). `event` names it."""

    def __init__(self, event: str, known: Sequence[str]) -> None:
        self.event = event
        self.known: tuple[str, ...] = tuple(known)
        super().__init__(
            f"Unknown event {event!r}; this SDK knows {', '.join(self.known)}. Answer 2xx to the events "
            "you do not handle, or Gladia will keep retrying them."
        )


# ---------------------------------------------------------------------------------------------- warnings


class GladiaWarning(UserWarning):
    """A request Gladia accepts but that probably does not do what was meant (e.g. a config without its flag)."""


class GladiaDeprecationWarning(GladiaWarning, DeprecationWarning):
    """A keyword or feature that still works but will go: the message says what to use instead."""
