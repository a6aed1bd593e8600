"""A live session, sync: audio sent from the caller's thread, messages read by one background thread.

Built on `websockets.sync.client`. The reader thread reads every message (so acknowledgments free the
buffer even while the caller is busy sending), hands the ones the caller asked for to the callbacks
subscribed to them and to the bounded inbox iteration reads (`gladia.live._inbox`), and reconnects after a
retryable close. Sends go out under one lock, one frame at a time, so a reconnection's resend and the
caller's new audio never interleave. The decisions are `gladia.live._protocol`'s, shared with the async
session.

Every wait is bounded. Writes: a write the server does not take within `buffer_wait` (it stopped reading:
TCP zero window) fails the session with `LiveStalledError` instead of blocking forever: the reader, which
never writes, watches the writes in progress and drops a connection whose write overstays (that wakes
every thread blocked on it, websockets' keepalive included), and the socket's own timeout is there too,
should the reader be busy. After a reconnection the audio owed is resent by a thread of its own, so the
reader reads the acknowledgments meanwhile. The end: after
`stop_recording()` a watchdog thread waits until `end_timeout` has passed on `gladia._core.clock`, then fails
the session. Reads: the reader wakes every `LIVE_WAKE_SECONDS` to see whether a close frame came that the
server's TCP connection outlives. Closing: a close frame, at most `CLOSE_TIMEOUT` for the server's answer
(`INTERRUPT_CLOSE_TIMEOUT` when leaving on an exception such as Ctrl-C), then the TCP connection is
dropped. A connection being opened registers with the session before its handshake, so closing aborts it
too. Reconnection delays are slept on the clock in steps of `LIVE_WAKE_SECONDS`, so closing is felt within
one; the other waits are for events (a message, room in the buffer, the end), with deadlines on the clock.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI
from websockets.protocol import State
from websockets.sync.client import ClientConnection, connect

if TYPE_CHECKING:
    from typing_extensions import Unpack
    from websockets.asyncio.client import ClientConnection as AsyncConnection

from gladia._core import clock
from gladia._core import constants as C
from gladia._core.log import logger
from gladia.errors import LiveConnectionError, LiveError, LiveURLError
from gladia.live._buffer import MAX_INCOMING_BYTES
from gladia.live._messages import LiveMessage
from gladia.live._protocol import STOP_RECORDING
from gladia.live._state import SessionSettings, SessionState
from gladia.live._subscriptions import callback_error
from gladia.live._url import redact

END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
OPEN_TIMEOUT = C.LIVE_OPEN_TIMEOUT
PING_INTERVAL = C.LIVE_PING_INTERVAL
PING_TIMEOUT = C.LIVE_PING_TIMEOUT
CLOSE_TIMEOUT = C.LIVE_CLOSE_TIMEOUT
INTERRUPT_CLOSE_TIMEOUT = C.LIVE_INTERRUPT_CLOSE_TIMEOUT
WAKE_SECONDS = _WAKE_SECONDS = C.LIVE_WAKE_SECONDS


def as_audio(audio: object) -> bytes:
    """The bytes of a chunk of audio, or TypeError."""
    if isinstance(audio, (bytes, bytearray, memoryview)):
        return bytes(audio)
    raise TypeError(
        f"send_audio() takes bytes (raw audio in the session's encoding), got {type(audio).__name__}"
    )


class Redirected(Exception):
    """The server answered the WebSocket handshake with a redirect: not followed (the URL was checked)."""


def redirect_of(exc: InvalidStatus) -> Redirected | None:
    """A redirect answering the handshake, as Redirected (its target redacted); None for other statuses."""
    response = exc.response
    if not 300 <= response.status_code < 400:
        return None
    return Redirected(redact(str(response.headers.get("Location", "(no Location)"))))


class Connection(ClientConnection):
    """websockets' connection, refusing a redirect of the handshake before it is followed anywhere."""

    def handshake(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().handshake(*args, **kwargs)
        except InvalidStatus as exc:
            redirect = redirect_of(exc)
            if redirect is None:
                raise
            raise redirect from exc


class Opening:
    """One WebSocket being opened, which another thread may abort (close() during a reconnection, Ctrl-C
    during the first handshake). Its TCP connection is made here (`tcp`) when no proxy is configured, and
    a duplicate of the socket kept, so a TCP connect, a TLS handshake or a WebSocket upgrade in progress
    all fail at once when it is aborted; the connection websockets makes registers here too (`connection`,
    its `create_connection`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: ClientConnection | None = None
        self._socket: socket.socket | None = None  # the one connecting, then a duplicate of it
        self.aborted = False

    def tcp(self, host: str, port: int, timeout: float) -> socket.socket:
        """A TCP connection to `host:port`, each address tried in turn within `timeout`."""
        deadline = time.monotonic() + timeout
        failures: list[OSError] = []
        for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            sock = socket.socket(family, kind, proto)
            with self._lock:
                aborted, self._socket = self.aborted, sock
            try:
                if aborted:
                    raise ConnectionAbortedError("the session was closed while connecting")
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sock.connect(address)
            except OSError as exc:
                sock.close()
                if self.aborted:
                    raise
                failures.append(exc)
                continue
            except BaseException:
                sock.close()
                raise
            sock.settimeout(None)
            with self._lock:
                self._socket = sock.dup()  # the TLS layer takes `sock` over; shutting this down still works
            return sock
        raise failures[0] if failures else OSError(f"{host} has no address")

    def connection(self, sock: socket.socket, protocol: Any, **kwargs: Any) -> ClientConnection:
        connection = Connection(sock, protocol, **kwargs)
        with self._lock:
            self._connection = connection
            aborted = self.aborted
        if aborted:
            drop(connection)
        return connection

    def abort(self) -> None:
        """Stop the opening: whatever it is waiting for fails at once."""
        with self._lock:
            self.aborted = True
            connection, sock = self._connection, self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if connection is not None:
            drop(connection)

    def release(self) -> None:
        """The opening is over: the duplicate socket goes."""
        with self._lock:
            sock, self._socket = self._socket, None
        if sock is not None:
            sock.close()


def direct(url: str) -> tuple[str, int] | None:
    """Where to connect for `url` when no proxy applies (websockets would use one from the environment,
    and then connects itself); None otherwise."""
    from websockets.uri import parse_uri  # noqa: PLC0415

    uri = parse_uri(url)
    try:
        from websockets.proxy import get_proxy  # noqa: PLC0415  (websockets >= 15)
    except ImportError:
        return uri.host, uri.port
    return (uri.host, uri.port) if get_proxy(uri) is None else None


def open_socket(url: str, opening: Opening) -> ClientConnection:
    """A WebSocket to a session's URL (its token is the credential: no key is sent)."""
    started = time.monotonic()
    target = direct(url)
    sock = None if target is None else opening.tcp(*target, OPEN_TIMEOUT)
    # No compression: audio does not compress, and deflating every frame costs CPU on both sides.
    connecting = connect(
        url,
        sock=sock,
        compression=None,
        max_size=MAX_INCOMING_BYTES,
        max_queue=C.LIVE_MAX_QUEUED_FRAMES,
        open_timeout=max(0.001, OPEN_TIMEOUT - (time.monotonic() - started)),
        ping_interval=PING_INTERVAL,
        ping_timeout=PING_TIMEOUT,
        close_timeout=CLOSE_TIMEOUT,
        user_agent_header=C.USER_AGENT,
        create_connection=cast(
            "type[ClientConnection]", opening.connection
        ),  # a factory, as websockets allows
    )
    # Entered as a context manager, the form websockets >= 17.1 asks for (earlier ones return the
    # connection itself, whose __enter__ returns it): the session closes it itself.
    return connecting.__enter__()


def drop(ws: ClientConnection) -> None:
    """Drop the TCP connection now, whatever state it is in: a write or read blocked on it fails at once,
    and websockets' thread reading it ends."""
    with contextlib.suppress(OSError):
        ws.socket.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(Exception):
        ws.close_socket()


class Closer:
    """Closes one connection with a close frame, in a thread of its own (so the reader may drain what still
    comes), and drops the TCP connection when the server has not answered within `timeout`."""

    def __init__(self, ws: ClientConnection, timeout: float) -> None:
        self.ws = ws
        self.deadline = time.monotonic() + timeout
        ws.close_timeout = timeout  # websockets' own wait for the server's close frame
        self._thread = threading.Thread(target=self._close, name="gladia-live-close", daemon=True)
        self._thread.start()

    def _close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close(code=1000)

    @property
    def overdue(self) -> bool:
        return time.monotonic() > self.deadline

    def finish(self) -> None:
        """Wait for the close (at most until the deadline), then drop whatever is left."""
        self._thread.join(max(0.0, self.deadline - time.monotonic()) + 0.1)
        if self._thread.is_alive():
            drop(self.ws)
            self._thread.join(1.0)


class Stalled(Exception):
    """A write could not be made within the buffer wait: the server stopped reading."""


class LiveSession(SessionState[ClientConnection]):
    """A live transcription session: `send_audio()`, `stop_recording()`, and `for message in session` or
    `session.on(kind, callback)`.

    Use it as a context manager: leaving the block normally stops the recording (if you did not) and waits
    for the session to end, then raises the error that ended the session if nothing raised it yet; leaving
    it with an exception (Ctrl-C included) closes the socket at once (at most `INTERRUPT_CLOSE_TIMEOUT`,
    half a second, for the server to answer the close).

    A session that ends without what makes it complete (the acknowledgment of `stop_recording`, every
    byte of audio acknowledged, the final transcript of the last utterance, `end_session`) fails with
    `LiveIncompleteError`; the messages received stay readable by iterating.

    Messages not read yet are kept for iteration up to `max_unread_bytes` of memory: past it the oldest
    partial transcripts are dropped, then the session fails with `LiveQueueFullError` (no final is ever
    dropped). A session only subscribed to (nothing iterating) keeps none.

    Attributes:
        id: the session's id (read it later with `client.live().get(id)`).
        url: the WebSocket URL it streams to (its token included: keep it as secret as the API key).
    """

    def __init__(
        self,
        *,
        opener: Callable[[str, Opening], ClientConnection] = open_socket,
        **settings: Unpack[SessionSettings],
    ) -> None:
        super().__init__(allow_async=False, **settings)
        self._end_deadline: float | None = None
        self._watchdog: threading.Thread | None = None
        self._opener = opener
        self._state = threading.Condition()  # guards the protocol, the session's state and the fields below
        self._send_lock = threading.Lock()  # one sender at a time, in order
        self._opening: Opening | None = None  # a connection being opened, which closing aborts
        self._broken: ClientConnection | None = None  # a write to it was cut mid-frame: only dropped
        self._writing: tuple[ClientConnection, float] | None = None  # a write in progress, since when
        self._stop_sent_on: ClientConnection | None = None
        self._resender: threading.Thread | None = None
        self._ws = self._first_connection()
        self._reader = threading.Thread(target=self._read, name=f"gladia-live-{self.id[:8]}", daemon=True)
        self._reader_started = False

    def __repr__(self) -> str:
        return f"<LiveSession id={self.id!r}>"

    def _start(self) -> LiveSession:
        """The session, connected (its constructor connects; the async session connects here)."""
        return self

    def _start_reader(self) -> None:
        """Start reading on first use (sending, iterating, waiting): callbacks subscribed before then see
        every message, the first included. Until then the socket holds what arrives (nothing to acknowledge
        yet), and websockets answers pings on its own thread."""
        with self._state:
            if self._reader_started or self._finished:
                return
            self._reader_started = True
        self._reader.start()

    # ------------------------------------------------------------------------------------------ opening

    def _first_connection(self) -> ClientConnection:
        try:
            ws = self._connect()
        except LiveError:
            raise
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError, Redirected) as exc:
            raise open_error(self.id, exc) from exc
        assert ws is not None
        return ws

    def _connect(self) -> ClientConnection | None:
        """A new connection to the session's URL; None when the session was closed meanwhile."""
        opening = Opening()
        with self._state:
            if self._closing:
                return None
            self._opening = opening
        try:
            ws = self._opener(self.url, opening)
        except BaseException:
            opening.abort()  # Ctrl-C in the handshake: its socket and thread go now
            raise
        finally:
            with self._state:
                self._opening = None
            opening.release()
        with contextlib.suppress(OSError):
            ws.socket.settimeout(self._buffer_wait)  # every write: a stalled link fails it, never blocks
        return ws

    # ------------------------------------------------------------------------------------------ sending

    def send_audio(self, audio: bytes) -> None:
        """Send a chunk of audio (raw, in the session's encoding). It is kept until Gladia acknowledges it,
        and sent again after a reconnection if it was not.

        Blocks while the buffer of unacknowledged audio is full, at most `buffer_wait` seconds; a write
        the server does not take within `buffer_wait` fails the session.

        Raises:
            LiveSessionClosedError: after stop_recording() or close(), or once the session ended.
            LiveBufferFullError: no room freed within the buffer wait (the server is not acknowledging).
            LiveStalledError: the server stopped reading (no write went through within the buffer wait).
            LiveConnectionError: the session failed (its socket closed for good).
        """
        data = as_audio(audio)
        self._start_reader()
        frame = self._protocol.buffer.frame_bytes
        for start in range(0, len(data), frame):
            self._keep(data[start : start + frame])
            self._flush()

    def _keep(self, piece: bytes) -> None:
        deadline = clock.monotonic() + self._buffer_wait
        with self._state:
            while True:
                self._check_open()
                if self._protocol.buffer.room() >= len(piece):
                    self._protocol.buffer.add(piece)
                    return
                left = deadline - clock.monotonic()
                if left <= 0:
                    raise self._buffer_full()
                self._state.wait(min(left, _WAKE_SECONDS))

    def _flush(self, *, stop: bool = False) -> None:
        """Send the audio not sent yet (then `stop_recording` if `stop`) on the current connection. While
        another send holds the link longer than the buffer wait (a reconnection resending), the audio stays
        kept: that send, or the next, carries it."""
        if not self._send_lock.acquire(timeout=self._buffer_wait):
            return
        try:
            self._send_owed(stop=stop)
        except Stalled:
            self._fail_stalled()
            self._raise_error()
        finally:
            self._send_lock.release()

    def _send_owed(self, *, ws: ClientConnection | None = None, stop: bool) -> None:
        """Under the send lock: every frame not given to the connection yet, one at a time (the caller may
        add audio meanwhile; it goes too), then `stop_recording` if `stop` (once per connection)."""
        buffer = self._protocol.buffer
        while True:
            with self._state:
                current = self._ws
                if current is None or (ws is not None and current is not ws) or current is self._broken:
                    return  # reconnecting: the new connection is sent everything unacknowledged
                frame = buffer.next_frame()
            if frame is None:
                break
            if not self._write(current, frame):
                return
            if buffer.sent >= buffer.received and not stop:
                return  # (read unlocked: audio added meanwhile is flushed by whoever added it)
        if stop and self._stop_sent_on is not current and self._write(current, STOP_RECORDING):
            self._stop_sent_on = current

    def _write(self, ws: ClientConnection, data: bytes | str) -> bool:
        """Send one message; False when the connection is gone (the reader decides what follows)."""
        was_open = ws.protocol.state is State.OPEN
        self._writing = (ws, time.monotonic())  # a wait on the peer: real time
        try:
            ws.send(data)
        except ConnectionClosed as exc:
            cause = exc.__cause__
            timed_out = was_open and isinstance(cause, TimeoutError) and "closing" not in str(cause)
            if timed_out or self._stalled is ws:
                self._stalled = ws
                raise Stalled from exc
            return False
        except BaseException:
            # Ctrl-C (or anything) in the middle of a frame: what follows on this connection would be
            # garbage, so it is dropped, never closed with a frame.
            self._broken = ws
            drop(ws)
            raise
        finally:
            self._writing = None
        return True

    def _watch_writes(self, ws: ClientConnection) -> None:
        """From the reader: drop `ws` if a write to it has lasted longer than the buffer wait."""
        writing = self._writing
        if writing is not None and writing[0] is ws and time.monotonic() - writing[1] > self._buffer_wait:
            self._stalled = ws
            drop(ws)

    def _fail_stalled(self) -> None:
        with self._state:
            self._mark_stalled()
            self._state.notify_all()

    def stop_recording(self) -> None:
        """No more audio: Gladia transcribes what it has, sends the final messages, then ends the session.

        Raises:
            LiveSessionClosedError, LiveStalledError, LiveConnectionError: as `send_audio`.
        """
        self._start_reader()
        with self._state:
            if self._protocol.stop_requested:
                return
            self._check_open()
            self._protocol.stop_requested = True
            self._end_deadline = clock.monotonic() + self._end_timeout
            self._watchdog = threading.Thread(
                target=self._watch_end, name=f"gladia-live-end-{self.id[:8]}", daemon=True
            )
        self._watchdog.start()
        self._flush(stop=True)

    # ------------------------------------------------------------------------------------------ time

    def _watch_end(self) -> None:
        """After stop_recording(): fail the session if it does not end within `end_timeout` (a deadline on
        the clock; the wait is for the end, woken as soon as the session ends or closes)."""
        deadline = self._end_deadline
        assert deadline is not None
        with self._state:
            while True:
                if self._over():
                    return
                left = deadline - clock.monotonic()
                if left <= 0:
                    break
                self._state.wait(min(left, _WAKE_SECONDS))
            self._mark_overdue()
            self._state.notify_all()
            ws = self._ws
        if ws is not None:
            Closer(ws, CLOSE_TIMEOUT).finish()  # the reader drains what still comes meanwhile

    # ------------------------------------------------------------------------------------------ receiving

    def __iter__(self) -> Iterator[LiveMessage]:
        """The messages Gladia sends, typed, until the session ends.

        With no subscription every message is kept for iteration from the start; once `on()` was called,
        from the moment an iteration starts (callbacks see every message either way).

        Raises:
            LiveConnectionError, LiveCallbackError, LiveQueueFullError: once the messages received are
                read, if the session failed (LiveIncompleteError when it ended incomplete).
        """
        self._iterating = True
        self._start_reader()
        while True:
            with self._state:
                message = self._inbox.get()
                if message is None:
                    if self._finished or self._protocol.ended or not self._reader_started:
                        break
                    # In short waits, so Ctrl-C is felt at once on every platform.
                    self._state.wait(_WAKE_SECONDS)
                    continue
            yield message
        self._raise_error()

    def _read(self) -> None:
        try:
            ws = self._ws
            while ws is not None:
                self._read_connection(ws)
                ws = self._after(ws)
        except Exception as exc:  # noqa: BLE001  (a bug must not leave the caller waiting on a silent session)
            logger.warning("live session %s: the reader failed", self.id, exc_info=True)
            with self._state:
                self._reader_failed(exc)
        finally:
            with self._state:
                self._finished = True
                self._closing = True
                self._state.notify_all()

    def _read_connection(self, ws: ClientConnection) -> None:
        """Read one connection until it is closed."""
        closer: Closer | None = None
        while True:
            self._watch_writes(ws)
            try:
                raw = ws.recv(timeout=_WAKE_SECONDS)
            except TimeoutError:
                if closer is None:
                    closer = self._tick(ws)
                elif closer.overdue:
                    drop(ws)
                continue
            except ConnectionClosed:
                break
            if closer is None and not self._closing:
                closer = self._take(ws, raw)
        if closer is not None:
            closer.finish()

    def _tick(self, ws: ClientConnection) -> Closer | None:
        """No message for a while: a close frame the TCP connection outlives?"""
        if ws.protocol.state is State.CLOSING and not self._closing:
            # A close frame came (or this side refused a message) and the server keeps the TCP connection
            # open: websockets waits for the server to close it; the close timeout bounds that wait.
            return Closer(ws, CLOSE_TIMEOUT)
        return None

    def _take(self, ws: ClientConnection, raw: str | bytes) -> Closer | None:
        """Read one message; a Closer when it ends the session."""
        with self._state:
            received = self._receive(raw)  # under the lock: an iteration that sees the end sees its verdict
            self._state.notify_all()
        message = received.message
        if received.error is not None:
            return self._fail(ws, received.error)
        if message is not None and self._subscriptions:
            # Outside the lock: a callback may call send_audio() or close().
            for key, callback in self._subscriptions.matching(message):
                try:
                    callback(message)
                # BaseException too: a SystemExit raised on this thread would end it silently.
                except BaseException as exc:  # noqa: BLE001  (it ends the session, raised to the caller)
                    return self._fail(ws, callback_error(self.id, key, exc))
        if self._protocol.ended:
            return self._fail(
                ws, self._protocol.end_error()
            )  # the socket is closed even if the server keeps it
        return None

    def _fail(self, ws: ClientConnection, error: LiveError | None) -> Closer:
        """End the session with `error` (raised to the caller next; None once it ended): close the socket,
        read no more."""
        with self._state:
            self._fail_with(error)
            self._closing = True
            self._state.notify_all()
        return Closer(ws, CLOSE_TIMEOUT)

    def _after(self, ws: ClientConnection) -> ClientConnection | None:
        """`ws` closed: the connection to read next (a reconnection), or None when the session is over."""
        code, reason, refused = closed_with(ws)
        while True:
            with self._state:
                reconnect = self._on_close(ws, code, reason, refused)
                self._state.notify_all()
                if not reconnect:
                    return None
                delay = self._protocol.delays[-1]
            if not self._pause(delay):
                return None
            try:
                new = self._connect()
            except Redirected as exc:
                with self._state:
                    self._fail_with(open_error(self.id, exc))
                return None
            except (OSError, InvalidHandshake, TimeoutError) as exc:
                logger.debug("live session %s: reconnection failed: %s", self.id, exc)
                code, reason, refused = None, "", None  # no connection: counts as lost, retried while allowed
                continue
            if new is None:
                return None
            return new if self._resume(new) else None

    def _pause(self, delay: float) -> bool:
        """Wait `delay` seconds on the clock before a reconnection, in short steps, so closing the session
        meanwhile is felt at once; False when it was."""
        left = delay
        while left > 0:
            if self._closing:
                return False
            step = min(left, _WAKE_SECONDS)
            clock.sleep(step)
            left -= step
        return not self._closing

    def _resume(self, ws: ClientConnection) -> bool:
        """Make `ws` the session's connection and have what is owed sent to it (by a thread of its own,
        while this one reads); False if the session was closed meanwhile (then `ws` is closed)."""
        with self._send_lock, self._state:
            # close() sets _closing and reads _ws under this lock: either it sees this connection and
            # closes it, or this sees _closing.
            closing = self._closing
            if not closing:
                stop = self._protocol.resume()
                self._ws = ws
        if closing:
            Closer(ws, INTERRUPT_CLOSE_TIMEOUT).finish()
            return False
        previous = self._resender
        if previous is not None:
            previous.join()  # its connection is gone: it ended, or ends at once
        self._resender = threading.Thread(
            target=self._resend, args=(ws, stop), name=f"gladia-live-resend-{self.id[:8]}", daemon=True
        )
        self._resender.start()
        return True

    def _resend(self, ws: ClientConnection, stop: bool) -> None:
        with self._send_lock:
            try:
                self._send_owed(ws=ws, stop=stop)
            except Stalled:
                self._fail_stalled()

    # ------------------------------------------------------------------------------------------ closing

    def close(self) -> None:
        """Close the socket now (the session ends as Gladia ends a closed connection); idempotent. The
        server gets `CLOSE_TIMEOUT` seconds to answer the close, then the TCP connection is dropped."""
        self._shutdown(CLOSE_TIMEOUT)

    def _shutdown(self, timeout: float) -> None:
        with self._state:
            self._closing = True
            ws, opening = self._ws, self._opening
            broken = ws is not None and ws is self._broken
            self._state.notify_all()
        try:
            if opening is not None:
                opening.abort()
            if ws is not None:
                if broken:
                    drop(ws)
                else:
                    Closer(ws, timeout).finish()
            self._join(CLOSE_TIMEOUT + 2)
        except BaseException:
            # Interrupted while closing (Ctrl-C during the close handshake): drop it all now.
            if ws is not None:
                drop(ws)
            self._join(1.0)
            raise

    def _join(self, timeout: float) -> None:
        """Wait for the session's threads: each ends as soon as its connection is closed (a reconnection
        resolving the host (DNS) or connecting through a proxy can take up to OPEN_TIMEOUT, and a callback
        as long as it runs)."""
        me = threading.current_thread()
        for helper in (self._watchdog, self._resender):
            if helper is not None and helper is not me:
                helper.join(timeout)  # each sees _closing, or its connection closed, at once
        if self._reader_started and self._reader is not me:
            self._reader.join(max(timeout, OPEN_TIMEOUT))
            if self._reader.is_alive():
                logger.warning(
                    "live session %s: its reader is still busy (a callback?) after close()", self.id
                )

    def wait_until_ended(self, timeout: float = END_WAIT_SECONDS) -> bool:
        """Wait until the session ends (all its messages read); False when `timeout` passed first."""
        self._start_reader()
        deadline = clock.monotonic() + timeout
        while True:
            with self._state:
                if self._finished or self._protocol.ended or not self._reader_started:
                    return True
                left = deadline - clock.monotonic()
                if left <= 0:
                    return False
                self._state.wait(min(left, _WAKE_SECONDS))

    def __enter__(self) -> LiveSession:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        interrupted = kind is not None
        try:
            if kind is None and self._error is None:
                with self._state:
                    still_recording = not self._stopped_or_over()
                if still_recording:
                    self.stop_recording()
                # Bounded by end_timeout (then the session fails), plus the time to close the socket.
                if not self.wait_until_ended(self._end_timeout + 2 * CLOSE_TIMEOUT + 1):
                    with self._state:
                        self._fail_with(self._protocol.overdue_error(self._end_timeout))
        except BaseException:
            interrupted = True  # Ctrl-C while waiting for the end, or the session failing as it stops
            raise
        finally:
            self._shutdown(INTERRUPT_CLOSE_TIMEOUT if interrupted else CLOSE_TIMEOUT)
        if kind is None and not self._error_seen:
            self._raise_error()  # how a session only subscribed to learns that it failed


def open_error(session_id: str, exc: BaseException) -> LiveError:
    """The error of a WebSocket that could not be opened."""
    if isinstance(exc, Redirected):
        return LiveURLError(
            f"The server redirected the live session's WebSocket to {exc}: the SDK does not follow "
            "redirects of a live session (its URL was checked before connecting). Nothing was sent there",
            session_id=session_id,
            url=str(exc),
        )
    return LiveConnectionError(
        f"Could not open the live session's WebSocket ({type(exc).__name__}: {redact(str(exc))})",
        session_id=session_id,
        close_code=None,
    )


def closed_with(ws: ClientConnection | AsyncConnection) -> tuple[int | None, str, int | None]:
    """How a connection closed: the code received (1006 when lost without a close frame), the reason, and
    the code this side sent if it refused what the server sent."""
    sent = ws.protocol.close_sent
    return ws.close_code, ws.close_reason or "", sent.code if sent is not None else None
