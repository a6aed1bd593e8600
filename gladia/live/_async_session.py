"""A live session: `AsyncLiveSession`, on `websockets.asyncio.client`. The sync `LiveSession`
(`gladia.live._session`) drives this same session from the caller's thread: there is one session.

One reader task reads every message (so acknowledgments free the buffer while the caller sends), hands the
ones the caller asked for to the callbacks subscribed to them (awaiting those that return an awaitable) and
to the bounded inbox iteration reads, and reconnects after a retryable close; sends go out under one lock,
one frame at a time. The decisions are `gladia.live._protocol`'s and `gladia.live._state`'s (sans-IO).

Every wait is bounded: a write the server does not take within `buffer_wait` fails the session with
`LiveStalledError` (a timer drops the connection); the end after `stop_recording()` is watched by a task
keeping its deadline on `gladia._core.clock`; a close frame the server leaves its TCP connection open after is
answered and the connection dropped `CLOSE_TIMEOUT` later; leaving on an exception or a cancellation gives
the server `INTERRUPT_CLOSE_TIMEOUT` to answer the close. The socket's settings are this module's
constants (tests lower them).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import AsyncGenerator, Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI
from websockets.protocol import State

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

if TYPE_CHECKING:
    from typing_extensions import Unpack

END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
OPEN_TIMEOUT = C.LIVE_OPEN_TIMEOUT
PING_INTERVAL = C.LIVE_PING_INTERVAL
PING_TIMEOUT = C.LIVE_PING_TIMEOUT
CLOSE_TIMEOUT = C.LIVE_CLOSE_TIMEOUT
INTERRUPT_CLOSE_TIMEOUT = C.LIVE_INTERRUPT_CLOSE_TIMEOUT
WAKE_SECONDS = C.LIVE_WAKE_SECONDS

#: How a session calls one callback with one message (the sync session runs them on a thread of its own).
CallBack = Callable[[Callable[[Any], object], LiveMessage], Awaitable[None]]


def as_audio(audio: object) -> bytes:
    """The bytes of a chunk of audio, or TypeError."""
    if isinstance(audio, (bytes, bytearray, memoryview)):
        return bytes(audio)
    raise TypeError(
        f"send_audio() takes bytes (raw audio in the session's encoding), got {type(audio).__name__}"
    )


class Redirected(Exception):
    """The server answered the WebSocket handshake with a redirect: not followed (the URL was checked)."""


class CallbackRaised(Exception):
    """A callback run away from the session's loop raised `__cause__` (any exception, SystemExit too)."""


def redirect_of(exc: InvalidStatus) -> Redirected | None:
    """A redirect answering the handshake, as Redirected (its target redacted); None for other statuses."""
    response = exc.response
    if not 300 <= response.status_code < 400:
        return None
    return Redirected(redact(str(response.headers.get("Location", "(no Location)"))))


async def call_back(callback: Callable[[Any], object], message: LiveMessage) -> None:
    """Call `callback` with `message`, awaiting what it returns if that is awaitable."""
    result = callback(message)
    if inspect.isawaitable(result):
        await result


class Connection(ClientConnection):
    """websockets' connection, bounded where it waits on the server with no limit of its own, and
    refusing a redirect of the handshake before it is followed anywhere."""

    _close_timer: asyncio.TimerHandle | None = None

    async def handshake(self, *args: Any, **kwargs: Any) -> None:
        try:
            await super().handshake(*args, **kwargs)
        except InvalidStatus as exc:
            redirect = redirect_of(exc)
            if redirect is None:
                raise
            raise redirect from exc

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._close_timer is None and self.protocol.state is State.CLOSING:
            # A close frame came (or this side refused a message) and the server keeps the TCP connection
            # open: websockets would wait for it until the keepalive's next ping.
            self._close_timer = asyncio.get_running_loop().call_later(CLOSE_TIMEOUT, self.transport.abort)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._close_timer is not None:
            self._close_timer.cancel()
        super().connection_lost(exc)


async def open_socket(url: str) -> ClientConnection:
    """A WebSocket to a session's URL (its token is the credential: no key is sent). No compression: audio
    does not compress, and deflating every frame costs CPU on both sides."""
    return await connect(
        url,
        compression=None,
        max_size=MAX_INCOMING_BYTES,
        max_queue=C.LIVE_MAX_QUEUED_FRAMES,
        open_timeout=OPEN_TIMEOUT,
        ping_interval=PING_INTERVAL,
        ping_timeout=PING_TIMEOUT,
        close_timeout=CLOSE_TIMEOUT,
        user_agent_header=C.USER_AGENT,
        create_connection=Connection,
    )


class AsyncLiveSession(SessionState[ClientConnection]):
    """A live transcription session, async: `await send_audio()`, `await stop_recording()`, `async for`
    or `session.on(kind, callback)` (plain or async callbacks, run in the session's reader task).

    Use it as an async context manager: leaving the block normally stops the recording (if you did not)
    and waits for the session to end, then raises the error that ended the session if nothing raised it
    yet; leaving it with an exception or a cancellation closes the socket at once. Unread messages are
    bounded, and an incomplete ending raised, as in `LiveSession`. Made by
    `await client.live().start_session(options)`.
    """

    def __init__(
        self,
        *,
        opener: Callable[[str], Awaitable[ClientConnection]] = open_socket,
        call_back: CallBack = call_back,
        allow_async: bool = True,
        **settings: Unpack[SessionSettings],
    ) -> None:
        super().__init__(allow_async=allow_async, **settings)
        self._call_back = call_back
        self._watchdog: asyncio.Task[None] | None = None
        self._opener = opener
        self._send_lock = asyncio.Lock()
        self._changed = asyncio.Condition()
        self._connecting: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"<AsyncLiveSession id={self.id!r}>"

    async def _start(self) -> AsyncLiveSession:
        try:
            self._ws = await self._opener(self.url)
        except (OSError, InvalidHandshake, InvalidURI, asyncio.TimeoutError, Redirected) as exc:
            raise open_error(self.id, exc) from exc
        return self

    def _start_reader(self) -> None:
        """Start reading on first use (sending, iterating, waiting): callbacks subscribed before then see
        every message, the first included."""
        if self._reader is None and not self._finished:
            self._reader = asyncio.create_task(self._read(), name=f"gladia-live-{self.id[:8]}")

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ------------------------------------------------------------------------------------------ sending

    async def send_audio(self, audio: bytes) -> None:
        """Send a chunk of audio; see `LiveSession.send_audio`. Waits while the buffer is full."""
        data = as_audio(audio)
        self._start_reader()
        frame = self._protocol.buffer.frame_bytes
        for start in range(0, len(data), frame):
            await self._keep(data[start : start + frame])
            await self._flush()

    async def _keep(self, piece: bytes) -> None:
        buffer = self._protocol.buffer
        self._check_open()
        if buffer.room() < len(piece):

            def room() -> bool:
                return buffer.room() >= len(piece) or self._error is not None or self._over()

            if not await self._wait(room, self._buffer_wait):
                raise self._buffer_full()
            self._check_open()
        buffer.add(piece)

    async def _wait(self, done: Callable[[], bool], timeout: float) -> bool:
        """Wait until `done()` (checked whenever the session changes), at most `timeout` seconds on the
        clock; whether it is done."""
        deadline = clock.monotonic() + timeout
        while not done():
            left = deadline - clock.monotonic()
            if left <= 0:
                return False
            async with self._changed:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(done), min(left, WAKE_SECONDS))
        return True

    def _closed(self) -> bool:
        return self._closing  # (a call: read again after each await, where mypy would keep a narrowed value)

    async def _flush(self, *, stop: bool = False) -> None:
        """Send the audio not sent yet (then `stop_recording`); see `LiveSession._flush`."""
        lock = self._send_lock
        if lock.locked():
            try:
                await asyncio.wait_for(lock.acquire(), self._buffer_wait)
            except asyncio.TimeoutError:
                return  # another send (a reconnection resending) holds the link: it carries this audio
        else:
            await lock.acquire()
        try:
            await self._send_owed(self._ws, stop=stop)
        finally:
            lock.release()
        if self._stalled is not None:
            await self._fail_stalled()
            self._raise_error()

    async def _send_owed(self, ws: ClientConnection | None, *, stop: bool) -> None:
        """Under the send lock: every frame not given to `ws` yet, one at a time, then `stop_recording`."""
        while ws is not None and self._ws is ws:
            frame = self._protocol.buffer.next_frame()
            if frame is None:
                if stop:
                    await self._write(ws, STOP_RECORDING)
                return
            if not await self._write(ws, frame):
                return

    async def _write(self, ws: ClientConnection, data: bytes | str) -> bool:
        """Send one message within the buffer wait (else the connection is dropped as stalled); False when
        the connection is gone."""
        timer = asyncio.get_running_loop().call_later(self._buffer_wait, self._stall, ws)
        try:
            await ws.send(data)
        except ConnectionClosed:
            return False
        finally:
            timer.cancel()
        return True

    def _stall(self, ws: ClientConnection) -> None:
        self._stalled = ws
        ws.transport.abort()  # not even a close frame could be written

    async def _fail_stalled(self) -> None:
        self._mark_stalled()
        await self._notify()

    async def stop_recording(self) -> None:
        """No more audio: Gladia transcribes what it has, sends the final messages, then ends the session."""
        self._start_reader()
        if self._protocol.stop_requested:
            return
        self._check_open()
        self._protocol.stop_requested = True
        self._watchdog = asyncio.create_task(self._overdue(), name=f"gladia-live-end-{self.id[:8]}")
        await self._flush(stop=True)

    async def _overdue(self) -> None:
        """Fail the session if it did not end within `end_timeout` of stop_recording() (a deadline on the
        clock; the wait is for the end); close its socket."""

        if await self._wait(self._over, self._end_timeout):
            return
        self._mark_overdue()
        ws = self._ws or self._connecting
        await self._notify()
        if ws is not None:
            await close_socket(ws, CLOSE_TIMEOUT)

    # ------------------------------------------------------------------------------------------ receiving

    async def __aiter__(self) -> AsyncGenerator[LiveMessage, None]:
        """The messages Gladia sends, typed, until the session ends (then its error, if it failed); see
        `LiveSession.__iter__`."""
        self._iterating = True
        self._start_reader()
        while True:
            message = self._inbox.get()
            if message is None:
                if self._finished or self._protocol.ended or self._reader is None:
                    break
                async with self._changed:
                    await self._changed.wait_for(
                        lambda: len(self._inbox) > 0 or self._finished or self._protocol.ended
                    )
                continue
            yield message
        self._raise_error()

    async def _read(self) -> None:
        try:
            ws = self._ws
            while ws is not None:
                await self._read_connection(ws)
                ws = await self._after(ws)
        except Exception as exc:  # noqa: BLE001  (a bug must not leave the caller waiting on a silent session)
            logger.warning("live session %s: the reader failed", self.id, exc_info=True)
            self._reader_failed(exc)
        finally:
            self._finished = True
            self._closing = True
            await self._notify()

    async def _read_connection(self, ws: ClientConnection) -> None:
        """Read one connection until it is closed."""
        try:
            async for raw in ws:
                if self._closing:
                    continue  # closing: what still comes is drained, unread
                ends, error = await self._take(ws, raw)
                if ends:
                    await self._fail(ws, error)
                    return
        except ConnectionClosed:
            pass

    async def _take(self, ws: ClientConnection, raw: str | bytes) -> tuple[bool, LiveError | None]:
        """Read one message; whether it ends the session, and with which error (None: it ended well)."""
        received = self._receive(
            raw
        )  # before anything awaits: an iteration that sees the end sees its verdict
        await self._notify()
        message = received.message
        if received.error is not None:
            return True, received.error
        if message is not None and self._subscriptions:
            for key, callback in self._subscriptions.matching(message):
                try:
                    await self._call_back(callback, message)
                except CallbackRaised as raised:
                    return True, callback_error(self.id, key, raised.__cause__ or raised)
                except Exception as exc:  # noqa: BLE001  (it ends the session, raised to the caller)
                    return True, callback_error(self.id, key, exc)
        if self._protocol.ended:
            return True, self._protocol.end_error()  # the socket is closed even if the server keeps it
        return False, None

    async def _fail(self, ws: ClientConnection, error: LiveError | None) -> None:
        """End the session with `error` (raised to the caller next; None once it ended): close the socket,
        read no more."""
        self._fail_with(error)
        self._closing = True
        await self._notify()
        # Closed while this task drains what still comes: websockets stops reading the socket while its
        # incoming queue is full, and would then never see the server's close frame.
        closing = asyncio.ensure_future(ws.close(code=1000))
        try:
            with contextlib.suppress(ConnectionClosed):
                async for _ in ws:
                    pass
            with contextlib.suppress(Exception):
                await asyncio.wait_for(closing, CLOSE_TIMEOUT + 1)
        finally:
            ws.transport.abort()  # no close answered in time, or cancelled: the TCP connection goes all the same
            if not closing.done():
                closing.cancel()

    async def _after(self, ws: ClientConnection) -> ClientConnection | None:
        """`ws` closed: the connection to read next (a reconnection), or None when the session is over."""
        code, reason, refused = closed_with(ws)
        while True:
            reconnect = self._on_close(ws, code, reason, refused)
            await self._notify()
            if not reconnect:
                return None
            await clock.asleep(self._protocol.delays[-1])
            if self._closed():
                return None
            try:
                new = await self._opener(self.url)
            except Redirected as exc:
                self._fail_with(open_error(self.id, exc))
                return None
            except (OSError, InvalidHandshake, asyncio.TimeoutError):
                code, reason, refused = None, "", None
                continue
            if self._closed():  # closed while connecting
                await close_socket(new, C.LIVE_INTERRUPT_CLOSE_TIMEOUT)
                return None
            self._connecting = new  # so close() can close it before it becomes the session's
            async with self._send_lock:
                stop = self._protocol.resume()
                self._ws = new
                self._connecting = None
                await self._send_owed(new, stop=stop)
            if self._stalled is new:
                await self._fail_stalled()
            return new

    # ------------------------------------------------------------------------------------------ closing

    async def close(self) -> None:
        """Close the socket now and stop the reader; idempotent, and safe to call while being cancelled.
        The server gets `CLOSE_TIMEOUT` seconds to answer the close, then the TCP connection is dropped."""
        await self._shutdown(CLOSE_TIMEOUT)

    async def _shutdown(self, timeout: float) -> None:
        winding_down = self._closing or self._protocol.ended  # the reader is closing its socket itself
        self._closing = True
        ws, reader = self._ws or self._connecting, self._reader
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None and watchdog is not asyncio.current_task():
            watchdog.cancel()
        try:
            if ws is not None:
                await close_socket(ws, timeout)
            running = reader is not None and not reader.done() and reader is not asyncio.current_task()
            if running and winding_down:  # let it finish the close handshake (bounded), rather than drop it
                assert reader is not None
                await asyncio.wait({reader}, timeout=timeout + 0.1)
        finally:
            # Cancelled meanwhile too: the connection and the reader go all the same.
            self._abort()
            if reader is not None and not reader.done() and reader is not asyncio.current_task():
                with contextlib.suppress(asyncio.CancelledError):
                    await reader

    def _abort(self) -> None:
        """Drop the connection and stop the reader now, without waiting for anything."""
        self._closing = True
        for ws in (self._ws, self._connecting):
            if ws is not None:
                ws.transport.abort()
        if self._reader is not None and self._reader is not asyncio.current_task():
            self._reader.cancel()

    async def wait_until_ended(self, timeout: float = END_WAIT_SECONDS) -> bool:
        """Wait until the session ends; False when `timeout` passed first."""
        self._start_reader()
        return await self._wait(
            lambda: self._finished or self._protocol.ended or self._reader is None, timeout
        )

    async def __aenter__(self) -> AsyncLiveSession:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        interrupted = kind is not None
        try:
            if kind is None and self._error is None:
                if not self._stopped_or_over():
                    await self.stop_recording()
                # Bounded by end_timeout (then the session fails), plus the time to close the socket.
                if not await self.wait_until_ended(self._end_timeout + 2 * CLOSE_TIMEOUT + 1):
                    self._fail_with(self._protocol.overdue_error(self._end_timeout))
        except BaseException:
            interrupted = True  # cancelled while waiting for the end, or the session failing as it stops
            raise
        finally:
            # Shielded, so a cancellation arriving now still leaves the socket closed and the reader stopped.
            timeout = INTERRUPT_CLOSE_TIMEOUT if interrupted else CLOSE_TIMEOUT
            closing = asyncio.ensure_future(self._shutdown(timeout))
            try:
                await asyncio.shield(closing)
            except asyncio.CancelledError:
                self._abort()  # cancelled while closing: no more waiting for the server
                await closing
                raise
        if kind is None and not self._error_seen:
            self._raise_error()  # how a session only subscribed to learns that it failed


async def close_socket(ws: ClientConnection, timeout: float) -> None:
    """Close `ws`, waiting for the server's close frame at most `timeout`, then drop the TCP connection
    whatever happened (cancelled included): no socket is left open."""
    try:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(ws.close(code=1000), timeout)
    finally:
        ws.transport.abort()


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


def closed_with(ws: ClientConnection) -> tuple[int | None, str, int | None]:
    """How a connection closed: the code received (1006 when lost without a close frame), the reason, and
    the code this side sent if it refused what the server sent."""
    sent = ws.protocol.close_sent
    return ws.close_code, ws.close_reason or "", sent.code if sent is not None else None
