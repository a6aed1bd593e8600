"""Subscriptions to a live session's messages: which callbacks want which message. Shared by both sessions.

A key is `"message"` (every message), a message's `type` (`"transcript"`, `"speech_start"`, ...), or a
message class (`TranscriptMessage`, ..., `UnknownLiveMessage` for what this SDK cannot read). Keys are
checked when subscribing, so a typo fails at once instead of never firing. The typed overloads of `on()`
live here too, written once for `LiveSession` and `AsyncLiveSession`.
"""

from __future__ import annotations

import difflib
import inspect
import threading
from collections.abc import Callable
from typing import Any, Literal, TypeVar, overload

from gladia.errors import LiveCallbackError, ValidationError
from gladia.live._messages import MESSAGE_MODELS, LiveMessage, UnknownLiveMessage
from gladia_api import models as M

_T = TypeVar("_T", bound=LiveMessage)
_EVERY = "message"
_CLASSES = frozenset([*MESSAGE_MODELS.values(), UnknownLiveMessage])


class _Entry:
    __slots__ = ("callback", "key", "wanted")

    def __init__(self, key: object, wanted: type | None, callback: Callable[[Any], object]) -> None:
        self.key = key
        self.wanted = wanted  # None: every message
        self.callback = callback


def message_class(key: object) -> type | None:
    """The class a subscription key stands for (None for every message), or ValidationError/TypeError."""
    if isinstance(key, str):
        if key == _EVERY:
            return None
        model: type | None = MESSAGE_MODELS.get(key)
        if model is None:
            known = [_EVERY, *MESSAGE_MODELS]
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValidationError(
                f"{key!r} is not a kind of live message{hint}: use 'message' for all of them, one of "
                f"{', '.join(repr(k) for k in MESSAGE_MODELS)}, or a message class (UnknownLiveMessage for "
                "kinds this SDK does not know)"
            )
        return model
    if isinstance(key, type) and key in _CLASSES:
        return key
    raise TypeError(
        f"on() takes 'message', a message type such as 'transcript', or a message class such as "
        f"TranscriptMessage; got {key!r}"
    )


class Subscriptions:
    """The callbacks of one session, in the order they subscribed. Safe to change from any thread while
    the session's reader reads them: changes replace the tuple, readers take it as it is."""

    def __init__(self, *, allow_async: bool) -> None:
        self._allow_async = allow_async
        self._entries: tuple[_Entry, ...] = ()
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return bool(self._entries)

    def add(self, key: object, callback: Callable[[Any], object]) -> Callable[[], None]:
        """Subscribe `callback` to `key`'s messages; the function returned unsubscribes it (idempotent)."""
        wanted = message_class(key)
        if not callable(callback):
            raise TypeError(f"on() takes a callable to call with each message, got {type(callback).__name__}")
        if not self._allow_async and inspect.iscoroutinefunction(callback):
            raise TypeError(
                "LiveSession calls its callbacks on a thread of its own and cannot await them: pass a plain "
                "function (AsyncLiveSession awaits async callbacks)"
            )
        entry = _Entry(key, wanted, callback)
        with self._lock:
            self._entries = (*self._entries, entry)

        def unsubscribe() -> None:
            with self._lock:
                self._entries = tuple(e for e in self._entries if e is not entry)

        return unsubscribe

    def matching(self, message: LiveMessage) -> list[tuple[object, Callable[[Any], object]]]:
        """The (key, callback) pairs `message` goes to, in subscription order."""
        return [
            (e.key, e.callback) for e in self._entries if e.wanted is None or isinstance(message, e.wanted)
        ]


def callback_error(session_id: str, key: object, exc: BaseException) -> LiveCallbackError:
    """The error that ends a session whose callback (subscribed to `key`) raised `exc`."""
    name = repr(key) if isinstance(key, str) else getattr(key, "__name__", repr(key))
    error = LiveCallbackError(
        f"A callback subscribed to {name} raised {type(exc).__name__}: {exc}. The session was closed",
        session_id=session_id,
    )
    error.__cause__ = exc
    return error


class Subscribable:
    """`on()`, the same for the sync and the async session (their `_subscriptions`)."""

    _subscriptions: Subscriptions

    @overload
    def on(self, kind: type[_T], callback: Callable[[_T], object]) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["message"], callback: Callable[[LiveMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["start_session"], callback: Callable[[M.StartSessionMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["start_recording"], callback: Callable[[M.StartRecordingMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["audio_chunk"], callback: Callable[[M.AudioChunkAckMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["stop_recording"], callback: Callable[[M.StopRecordingAckMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["speech_start"], callback: Callable[[M.SpeechStartMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["speech_end"], callback: Callable[[M.SpeechEndMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["transcript"], callback: Callable[[M.TranscriptMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["translation"], callback: Callable[[M.TranslationMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self,
        kind: Literal["named_entity_recognition"],
        callback: Callable[[M.NamedEntityRecognitionMessage], object],
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["sentiment_analysis"], callback: Callable[[M.SentimentAnalysisMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["end_recording"], callback: Callable[[M.EndRecordingMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["post_transcript"], callback: Callable[[M.PostTranscriptMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self,
        kind: Literal["post_final_transcript"],
        callback: Callable[[M.PostFinalTranscriptMessage], object],
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["post_summarization"], callback: Callable[[M.PostSummarizationMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["post_chapterization"], callback: Callable[[M.PostChapterizationMessage], object]
    ) -> Callable[[], None]: ...
    @overload
    def on(
        self, kind: Literal["end_session"], callback: Callable[[M.EndSessionMessage], object]
    ) -> Callable[[], None]: ...
    def on(self, kind: Any, callback: Any) -> Callable[[], None]:
        """Call `callback` with every message of a kind as it arrives; returns a function that unsubscribes.

        `kind` is `"message"` (every message), a message `type` (`"transcript"`, `"speech_start"`, ...), or a
        message class (`TranscriptMessage`, ...; `UnknownLiveMessage` for kinds this SDK cannot read): the
        callback gets the message typed accordingly. Callbacks run in the order they subscribed, one message
        at a time, the session's reader waiting for each: on a thread of its own for `LiveSession`, in its
        reader task for `AsyncLiveSession` (which awaits a callback that returns an awaitable, so `async def`
        works).
        Keep them quick: the reader reads Gladia's acknowledgments too, and a slow callback holds up the
        audio buffer, so `send_audio()` may wait. The session starts reading at its first `send_audio()`,
        `stop_recording()`, iteration or wait: subscribe before, and the callback sees every message from
        the first (`start_session` included).

        A callback that raises closes the session: the next `send_audio()`, `stop_recording()`, iteration
        or the end of the `with` block raises `LiveCallbackError`, whose `__cause__` is the exception.

        Iteration and callbacks both see the messages: once anything is subscribed, messages are queued
        for `for message in session` only from the moment an iteration starts, so a session that is only
        subscribed to keeps nothing in memory. With no subscription, every message is queued.

        Raises:
            ValidationError: `kind` is a string that names no kind of message (a typo).
            TypeError: `kind` is not a message class, or `callback` cannot be called (or, for `LiveSession`,
                is an `async def`).
        """
        return self._subscriptions.add(kind, callback)
