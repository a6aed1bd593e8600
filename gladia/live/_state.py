"""What a live session knows and decides, whatever drives it: the sans-IO half of both sessions.

`SessionState` holds a session's state (its protocol, the unread messages, the subscriptions, the error that
ended it, whether it is closing or finished) and makes every decision that needs no I/O: whether audio may
still be sent, what a message received means (queued, overflowing, ending the session with which verdict),
what a closed connection means (reconnect or end, with which error), which error wins. `AsyncLiveSession`
(`gladia.live._async_session`) inherits it and only drives it: it reads and writes sockets, waits, and calls
these methods between two awaits, so each decision is made whole. The sync `LiveSession` is that same
session, run on an event loop of its own (`gladia.live._session`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypedDict, TypeVar

from gladia._core import constants as C
from gladia.errors import LiveBufferFullError, LiveConnectionError, LiveError, LiveSessionClosedError
from gladia.live._inbox import Inbox, note_dropped, overflow_error
from gladia.live._messages import LiveMessage, message_cost
from gladia.live._protocol import AfterClose, LiveProtocol
from gladia.live._subscriptions import Subscribable, Subscriptions

if TYPE_CHECKING:
    from typing_extensions import Required

Connection = TypeVar("Connection")


class SessionSettings(TypedDict, total=False):
    """What makes a session, the same for both (`start_session` passes them; see `SessionState`)."""

    session_id: Required[str]
    url: Required[str]
    protocol: Required[LiveProtocol]
    buffer_wait: Required[float]  # the longest a send waits for room, or a write for the server
    max_unread_bytes: int  # the memory unread messages may hold
    end_timeout: float  # the longest the end may take after stop_recording()


class Received:
    """What one message received means: `message` (None for an acknowledgment or anything else the caller
    does not see) to hand to the callbacks, or `error` set when it ends the session at once."""

    __slots__ = ("error", "message")

    def __init__(self, message: LiveMessage | None, error: LiveError | None = None) -> None:
        self.message = message
        self.error = error


class SessionState(Subscribable, Generic[Connection]):
    """The state of one live session and the decisions made on it (see the module docstring)."""

    def __init__(
        self,
        *,
        session_id: str,
        url: str,
        protocol: LiveProtocol,
        buffer_wait: float,
        max_unread_bytes: int = C.LIVE_MAX_UNREAD_BYTES,
        end_timeout: float = C.LIVE_END_WAIT_SECONDS,
        allow_async: bool,
    ) -> None:
        self.id = session_id
        self.url = url
        self._protocol = protocol
        self._buffer_wait = buffer_wait
        self._end_timeout = end_timeout
        self._inbox = Inbox(max_unread_bytes)
        self._subscriptions = Subscriptions(allow_async=allow_async)
        self._iterating = False  # an iteration started: messages are queued even with subscriptions
        self._error: LiveError | None = None
        self._error_seen = False  # raised to the caller at least once
        self._closing = False
        self._finished = False
        self._ws: Connection | None = None
        self._stalled: Connection | None = None  # a write to it timed out

    # ------------------------------------------------------------------------------------------ errors

    def _fail_with(self, error: LiveError | None) -> None:
        """Record what ended the session: the first error wins (a later one is a consequence of it)."""
        if self._error is None:
            self._error = error

    def _raise_error(self) -> None:
        if self._error is not None:
            self._error_seen = True
            raise self._error

    def _reader_failed(self, exc: BaseException) -> None:
        """A bug in the reader: the session fails with it rather than leave the caller waiting."""
        self._fail_with(
            LiveConnectionError(
                f"The live session's reader failed ({type(exc).__name__}: {exc})",
                session_id=self.id,
                close_code=None,
            )
        )

    # ------------------------------------------------------------------------------------------ sending

    def _over(self) -> bool:
        """The session ended, or is ending: nothing more is sent, nothing more is waited for."""
        return self._closing or self._finished or self._protocol.ended

    def _stopped_or_over(self) -> bool:
        return self._over() or self._protocol.stop_requested

    def _check_open(self) -> None:
        """Raise the error that ended the session, or LiveSessionClosedError once it takes no more audio."""
        self._raise_error()
        if self._stopped_or_over():
            raise LiveSessionClosedError(
                "This live session no longer takes audio: it was stopped, closed or has ended",
                session_id=self.id,
            )

    def _buffer_full(self) -> LiveBufferFullError:
        return LiveBufferFullError(
            f"{self._protocol.buffer.pending} bytes of audio are still waiting for Gladia's acknowledgment "
            f"after {self._buffer_wait:g} s: the server is not keeping up, or the connection is stuck. Send "
            "more slowly, or raise max_buffer_bytes",
            session_id=self.id,
        )

    def _mark_stalled(self) -> None:
        """A write did not go through within the buffer wait: the session fails with LiveStalledError."""
        self._fail_with(self._protocol.after_close(None, closing=False, stalled=self._buffer_wait).error)
        self._closing = True

    def _mark_overdue(self) -> None:
        """The session did not end within `end_timeout` of stop_recording(): it fails, and closes."""
        self._fail_with(self._protocol.overdue_error(self._end_timeout))
        self._closing = True

    # ------------------------------------------------------------------------------------------ receiving

    def _receive(self, raw: str | bytes) -> Received:
        """Decide what a message received means: parsed, queued for iteration (or overflowing the inbox),
        and, when it ends the session, its verdict recorded in the same step, so an iteration that sees
        the end sees the verdict too."""
        cost = message_cost(raw)
        try:
            message = self._protocol.on_message(raw, cost)
        except LiveError as error:
            return Received(None, error)
        kept = message is None or self._keep_message(message, cost)
        if self._protocol.ended:
            self._fail_with(self._protocol.end_error())
        if not kept:
            return Received(message, overflow_error(self.id, self._inbox))
        return Received(message)

    def _keep_message(self, message: LiveMessage, cost: int) -> bool:
        """Queue `message` for iteration if anyone may iterate; False when the inbox overflowed."""
        if self._subscriptions and not self._iterating:
            return True  # only subscribed to: nobody will read a queue
        dropped = self._inbox.dropped_partials
        kept = self._inbox.put(message, cost)
        note_dropped(self.id, self._inbox, dropped)
        return kept

    # ------------------------------------------------------------------------------------------ closing

    def _on_close(self, ws: Connection, code: int | None, reason: str, refused: int | None) -> bool:
        """`ws` closed (`code`, `reason`; `refused`: the code this side sent refusing a message): record
        what that means; whether to reconnect."""
        if self._ws is ws:
            self._ws = None
        stalled = self._buffer_wait if self._stalled is ws else None
        closed = self._protocol.after_close(
            code, closing=self._closing, reason=reason, refused=refused, stalled=stalled
        )
        self._fail_with(closed.error)
        return closed.then is AfterClose.RECONNECT
