"""A live session, sync: audio sent from the caller's thread, messages read by one background thread.

Built on `websockets.sync.client`. The reader thread reads every message (so acknowledgments free the
buffer even while the caller is busy sending), hands the ones the caller asked for to the callbacks
subscribed to them and to the bounded inbox iteration reads (`gladia.live._inbox`), and reconnects after a
retryable close. Sends go out under one lock, so a reconnection's resend and the caller's new audio never
interleave. The decisions are `gladia.live._protocol`'s, shared with the async session.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import ClientConnection, connect

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection as AsyncConnection

from gladia._core import clock
from gladia._core import constants as C
from gladia.errors import LiveBufferFullError, LiveConnectionError, LiveError, LiveSessionClosedError
from gladia.live._buffer import MAX_INCOMING_BYTES, reconnect_delay
from gladia.live._inbox import Inbox, note_dropped, overflow_error
from gladia.live._messages import LiveMessage
from gladia.live._protocol import STOP_RECORDING, AfterClose, LiveProtocol
from gladia.live._subscriptions import Subscribable, Subscriptions, callback_error

END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
OPEN_TIMEOUT = C.LIVE_OPEN_TIMEOUT
PING_INTERVAL = C.LIVE_PING_INTERVAL
PING_TIMEOUT = C.LIVE_PING_TIMEOUT
CLOSE_TIMEOUT = C.LIVE_CLOSE_TIMEOUT
_WAKE_SECONDS = 0.25


def as_audio(audio: object) -> bytes:
    """The bytes of a chunk of audio, or TypeError."""
    if isinstance(audio, (bytes, bytearray, memoryview)):
        return bytes(audio)
    raise TypeError(
        f"send_audio() takes bytes (raw audio in the session's encoding), got {type(audio).__name__}"
    )


def open_socket(url: str) -> ClientConnection:
    """A WebSocket to a session's URL (its token is the credential: no key is sent)."""
    # No compression: audio does not compress, and deflating every frame costs CPU on both sides.
    opening = connect(
        url,
        compression=None,
        max_size=MAX_INCOMING_BYTES,
        open_timeout=OPEN_TIMEOUT,
        ping_interval=PING_INTERVAL,
        ping_timeout=PING_TIMEOUT,
        close_timeout=CLOSE_TIMEOUT,
        user_agent_header=C.USER_AGENT,
    )
    # Entered as a context manager, the form websockets >= 17.1 asks for (earlier ones return the
    # connection itself, whose __enter__ returns it): the session closes it itself.
    return opening.__enter__()


class LiveSession(Subscribable):
    """A live transcription session: `send_audio()`, `stop_recording()`, and `for message in session` or
    `session.on(kind, callback)`.

    Use it as a context manager: leaving the block normally stops the recording (if you did not) and waits
    for the session to end, then raises the error that ended the session if nothing raised it yet; leaving
    it with an exception (Ctrl-C included) closes the socket at once.

    Messages not read yet are kept for iteration up to `max_unread_bytes` of JSON: past it the oldest
    partial transcripts are dropped, then the session fails with `LiveQueueFullError` (no final is ever
    dropped). A session only subscribed to (nothing iterating) keeps none.

    Attributes:
        id: the session's id (read it later with `client.live().get(id)`).
        url: the WebSocket URL it streams to.
    """

    def __init__(
        self,
        *,
        session_id: str,
        url: str,
        protocol: LiveProtocol,
        buffer_wait: float,
        max_unread_bytes: int = C.LIVE_MAX_UNREAD_BYTES,
        end_timeout: float = END_WAIT_SECONDS,
        opener: Callable[[str], ClientConnection] = open_socket,
    ) -> None:
        self.id = session_id
        self.url = url
        self._protocol = protocol
        self._buffer_wait = buffer_wait
        self._end_timeout = end_timeout
        self._watchdog: threading.Timer | None = None
        self._opener = opener
        self._state = threading.Condition()  # guards the protocol and the fields below
        self._send_lock = threading.Lock()  # one sender at a time, in order
        self._inbox = Inbox(max_unread_bytes)  # guarded by _state
        self._subscriptions = Subscriptions(allow_async=False)
        self._iterating = False  # an iteration started: messages are queued even with subscriptions
        self._error: LiveError | None = None
        self._error_seen = False  # raised to the caller at least once
        self._closing = False
        self._finished = False
        self._ws: ClientConnection | None = self._open()
        self._reader = threading.Thread(target=self._read, name=f"gladia-live-{session_id[:8]}", daemon=True)
        self._reader_started = False

    def __repr__(self) -> str:
        return f"<LiveSession id={self.id!r}>"

    def _start_reader(self) -> None:
        """Start reading on first use (sending, iterating, waiting): callbacks subscribed before then see
        every message, the first included. Until then the socket holds what arrives (nothing to acknowledge
        yet), and websockets answers pings on its own thread."""
        with self._state:
            if self._reader_started:
                return
            self._reader_started = True
        self._reader.start()

    # ------------------------------------------------------------------------------------------ sending

    def send_audio(self, audio: bytes) -> None:
        """Send a chunk of audio (raw, in the session's encoding). It is kept until Gladia acknowledges it,
        and sent again after a reconnection if it was not.

        Blocks while the buffer of unacknowledged audio is full.

        Raises:
            LiveSessionClosedError: after stop_recording() or close(), or once the session ended.
            LiveBufferFullError: no room freed within the buffer wait (the server is not acknowledging).
            LiveConnectionError: the session failed (its socket closed for good).
        """
        data = as_audio(audio)
        self._start_reader()
        frame = self._protocol.buffer.frame_bytes
        for start in range(0, len(data), frame):
            self._keep(data[start : start + frame])
            self._flush()

    def _keep(self, piece: bytes) -> None:
        deadline = time.monotonic() + self._buffer_wait
        with self._state:
            while True:
                self._check_open()
                if self._protocol.buffer.room() >= len(piece):
                    self._protocol.buffer.add(piece)
                    return
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LiveBufferFullError(
                        f"{self._protocol.buffer.pending} bytes of audio are still waiting for Gladia's "
                        f"acknowledgment after {self._buffer_wait:g} s: the server is not keeping up, or the "
                        "connection is stuck. Send more slowly, or raise max_buffer_bytes",
                        session_id=self.id,
                    )
                self._state.wait(left)

    def _stopped_or_over(self) -> bool:
        protocol = self._protocol
        return self._closing or self._finished or protocol.ended or protocol.stop_requested

    def _raise_error(self) -> None:
        if self._error is not None:
            self._error_seen = True
            raise self._error

    def _check_open(self) -> None:
        self._raise_error()
        if self._stopped_or_over():
            raise LiveSessionClosedError(
                "This live session no longer takes audio: it was stopped, closed or has ended",
                session_id=self.id,
            )

    def _flush(self, *, stop: bool = False) -> None:
        with self._send_lock:
            with self._state:
                ws = self._ws
                frames = list(self._protocol.buffer.frames()) if ws is not None else []
            if ws is None:
                return  # reconnecting: the reader sends everything unacknowledged once connected
            try:
                for frame in frames:
                    ws.send(frame)
                if stop:
                    ws.send(STOP_RECORDING)
            except ConnectionClosed:
                pass  # the reader sees the close and resumes from the last acknowledgment

    def stop_recording(self) -> None:
        """No more audio: Gladia transcribes what it has, sends the final messages, then ends the session."""
        self._start_reader()
        with self._state:
            if self._protocol.stop_requested:
                return
            self._check_open()
            self._protocol.stop_requested = True
            self._watchdog = threading.Timer(self._end_timeout, self._overdue)
            self._watchdog.daemon = True
            self._watchdog.start()
        self._flush(stop=True)

    def _overdue(self) -> None:
        """The session did not end within `end_timeout` of stop_recording(): fail it, close its socket."""
        with self._state:
            if self._finished:
                return
            if self._error is None and not self._protocol.ended:
                self._error = overdue_error(self.id, self._end_timeout)
            self._closing = True
            ws = self._ws
            self._state.notify_all()
        if ws is not None:
            ws.close(code=1000)  # the reader sees the close and ends

    # ------------------------------------------------------------------------------------------ receiving

    def __iter__(self) -> Iterator[LiveMessage]:
        """The messages Gladia sends, typed, until the session ends.

        With no subscription every message is kept for iteration from the start; once `on()` was called,
        from the moment an iteration starts (callbacks see every message either way).

        Raises:
            LiveConnectionError, LiveCallbackError, LiveQueueFullError: once the messages received are
                read, if the session failed.
        """
        self._iterating = True
        self._start_reader()
        while True:
            with self._state:
                message = self._inbox.get()
                if message is None:
                    if self._finished or self._protocol.ended:
                        break
                    # In short waits, so Ctrl-C is felt at once on every platform.
                    self._state.wait(_WAKE_SECONDS)
                    continue
            yield message
        self._raise_error()

    def _read(self) -> None:
        try:
            while self._read_connection():
                pass
        except Exception as exc:  # noqa: BLE001  (a bug must not leave the caller waiting on a silent session)
            self._error = LiveConnectionError(
                f"The live session's reader failed ({type(exc).__name__}: {exc})",
                session_id=self.id,
                close_code=None,
            )
        finally:
            with self._state:
                self._finished = True
                self._state.notify_all()

    def _read_connection(self) -> bool:
        """Read one connection until it closes; True when there is a new one to read."""
        ws = self._ws
        assert ws is not None
        try:
            for raw in ws:
                with self._state:
                    message = self._protocol.on_message(raw)
                    kept = message is None or self._keep_message(message, len(raw))
                    self._state.notify_all()
                if not kept:
                    return self._fail(ws, overflow_error(self.id, self._inbox))
                if message is not None and self._subscriptions:
                    # Outside the lock: a callback may call send_audio() or close().
                    for key, callback in self._subscriptions.matching(message):
                        try:
                            callback(message)
                        # BaseException too: a SystemExit raised on this thread would end it silently.
                        except BaseException as exc:  # noqa: BLE001  (it ends the session, raised to the caller)
                            return self._fail(ws, callback_error(self.id, key, exc))
                if self._protocol.ended:
                    return self._fail(ws, None)  # over: the socket is closed even if the server keeps it
        except ConnectionClosed:
            pass
        code, too_big = closed_with(ws)
        if too_big and not self._closing:
            with self._state:
                self._ws = None
                self._protocol.after_close(1009, closing=False)
                self._error = too_big_error(self.id)
            return False
        while True:
            with self._state:
                decision = self._protocol.after_close(code, closing=self._closing)
                if decision is not AfterClose.RECONNECT:
                    self._ws = None
                    if decision is AfterClose.FAIL:
                        self._error = _closed_error(self.id, code, ws.close_reason or "")
                    return False
                attempt = self._protocol.reconnects
                self._ws = None
            clock.sleep(reconnect_delay(attempt))
            try:
                new = self._opener(self.url)
            except (OSError, InvalidHandshake, TimeoutError):
                code = None  # no connection: counts as lost, retried while attempts are left
                continue
            return self._resume(new)

    def _keep_message(self, message: LiveMessage, size: int) -> bool:
        """Queue `message` for iteration if anyone may iterate; False when the inbox overflowed."""
        if self._subscriptions and not self._iterating:
            return True  # only subscribed to: nobody will read a queue
        dropped = self._inbox.dropped_partials
        kept = self._inbox.put(message, size)
        note_dropped(self.id, self._inbox, dropped)
        return kept

    def _fail(self, ws: ClientConnection, error: LiveError | None) -> bool:
        """End the session with `error` (raised to the caller next; None once it ended): close the socket,
        read no more."""
        with self._state:
            if self._error is None:
                self._error = error
            self._closing = True
            self._ws = None
            self._state.notify_all()
        # Closed from another thread while this one drains what still comes: websockets stops reading the
        # socket while its incoming queue is full, and would then never see the server's close frame.
        closer = threading.Thread(target=ws.close, args=(1000,), name=f"gladia-live-close-{self.id[:8]}")
        closer.start()
        with contextlib.suppress(ConnectionClosed):
            for _ in ws:
                pass
        closer.join()
        return False

    def _resume(self, ws: ClientConnection) -> bool:
        """Make `ws` the session's connection and send it what is owed; False if the session was closed
        meanwhile (then `ws` is closed)."""
        with self._send_lock:
            with self._state:
                # close() sets _closing and reads _ws under this lock: either it sees this connection and
                # closes it, or this sees _closing.
                closing = self._closing
                if not closing:
                    frames, stop = self._protocol.resume()
                    self._ws = ws
            if closing:
                ws.close()
                return False
            try:
                for frame in frames:
                    ws.send(frame)
                if stop:
                    ws.send(STOP_RECORDING)
            except ConnectionClosed:
                pass  # read_connection sees it, and decides again
        return True

    def _open(self) -> ClientConnection:
        try:
            return self._opener(self.url)
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as exc:
            raise LiveConnectionError(
                f"Could not open the live session's WebSocket ({type(exc).__name__}: {exc})",
                session_id=self.id,
                close_code=None,
            ) from exc

    # ------------------------------------------------------------------------------------------ closing

    def close(self) -> None:
        """Close the socket now (the session ends as Gladia ends a closed connection); idempotent."""
        with self._state:
            self._closing = True
            ws = self._ws
            if self._watchdog is not None:
                self._watchdog.cancel()
        if ws is not None:
            ws.close(code=1000)
        if self._reader_started and self._reader is not threading.current_thread():
            self._reader.join()

    def wait_until_ended(self, timeout: float = END_WAIT_SECONDS) -> bool:
        """Wait until the session ends (all its messages read); False when `timeout` passed first."""
        self._start_reader()
        with self._state:
            return self._state.wait_for(lambda: self._finished or self._protocol.ended, timeout)

    def __enter__(self) -> LiveSession:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None and self._error is None:
                with self._state:
                    still_recording = not self._stopped_or_over()
                if still_recording:
                    self.stop_recording()
                # Bounded by end_timeout (then the session fails), plus the time to close the socket.
                if not self.wait_until_ended(self._end_timeout + 2 * CLOSE_TIMEOUT + 1):
                    with self._state:
                        if self._error is None:
                            self._error = overdue_error(self.id, self._end_timeout)
        finally:
            self.close()
        if kind is None and not self._error_seen:
            self._raise_error()  # how a session only subscribed to learns that it failed


def closed_with(ws: ClientConnection | AsyncConnection) -> tuple[int | None, bool]:
    """How a connection closed: its code (1006 when lost without a close frame), and whether this side
    closed it because the server sent a message over MAX_INCOMING_BYTES."""
    sent = ws.protocol.close_sent
    too_big = sent is not None and sent.code == 1009
    code = ws.close_code
    return code, too_big


def too_big_error(session_id: str) -> LiveConnectionError:
    return LiveConnectionError(
        f"The server sent a WebSocket message over {MAX_INCOMING_BYTES} bytes, the most the SDK reads: "
        "the session was closed",
        session_id=session_id,
        close_code=1009,
    )


def overdue_error(session_id: str, end_timeout: float) -> LiveConnectionError:
    return LiveConnectionError(
        f"The live session did not end within {end_timeout:g} s of stop_recording() (no end_session from "
        "the server): its socket was closed. Raise end_timeout if the session needs longer",
        session_id=session_id,
        close_code=None,
    )


def _closed_error(session_id: str, code: int | None, reason: str) -> LiveConnectionError:
    why = f"closed with code {code}" + (f" ({reason})" if reason else "") if code is not None else "was lost"
    advice = {
        1008: "the server refused what was sent",
        1009: "a message was larger than Gladia accepts",
    }.get(
        code or 0, "reconnecting did not help" if code is None or code < 4000 else "Gladia ended the session"
    )
    return LiveConnectionError(
        f"The live session's WebSocket {why}: {advice}", session_id=session_id, close_code=code, reason=reason
    )
