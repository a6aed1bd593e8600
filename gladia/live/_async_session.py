"""A live session, async: the twin of `gladia.live._session.LiveSession` on `websockets.asyncio.client`.

One reader task reads every message (so acknowledgments free the buffer while the caller sends), hands the
ones the caller asked for to the callbacks subscribed to them (awaiting those that return an awaitable) and
to the bounded inbox iteration reads, and reconnects after a retryable close; sends go out under one lock.
The decisions are `gladia.live._protocol`'s, shared with the sync session.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from gladia._core import clock
from gladia._core import constants as C
from gladia.errors import LiveBufferFullError, LiveConnectionError, LiveError, LiveSessionClosedError
from gladia.live import _session as S
from gladia.live._buffer import MAX_INCOMING_BYTES, reconnect_delay
from gladia.live._inbox import Inbox, note_dropped, overflow_error
from gladia.live._messages import LiveMessage
from gladia.live._protocol import STOP_RECORDING, AfterClose, LiveProtocol
from gladia.live._session import (
    END_WAIT_SECONDS,
    _closed_error,
    as_audio,
    closed_with,
    overdue_error,
    too_big_error,
)
from gladia.live._subscriptions import Subscribable, Subscriptions, callback_error


async def open_socket(url: str) -> ClientConnection:
    """A WebSocket to a session's URL (its token is the credential: no key is sent); its timeouts are the
    sync session's (`gladia.live._session.OPEN_TIMEOUT`, ...)."""
    return await connect(
        url,
        compression=None,
        max_size=MAX_INCOMING_BYTES,
        open_timeout=S.OPEN_TIMEOUT,
        ping_interval=S.PING_INTERVAL,
        ping_timeout=S.PING_TIMEOUT,
        close_timeout=S.CLOSE_TIMEOUT,
        user_agent_header=C.USER_AGENT,
    )


class AsyncLiveSession(Subscribable):
    """A live transcription session, async: `await send_audio()`, `await stop_recording()`, `async for`
    or `session.on(kind, callback)` (plain or async callbacks, run in the session's reader task).

    Use it as an async context manager: leaving the block normally stops the recording (if you did not)
    and waits for the session to end, then raises the error that ended the session if nothing raised it
    yet; leaving it with an exception or a cancellation closes the socket at once. Unread messages are
    bounded as in `LiveSession`. Made by `await client.live().start_session(options)`.
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
        opener: Callable[[str], Awaitable[ClientConnection]] = open_socket,
    ) -> None:
        self.id = session_id
        self.url = url
        self._protocol = protocol
        self._buffer_wait = buffer_wait
        self._end_timeout = end_timeout
        self._watchdog: asyncio.Task[None] | None = None
        self._opener = opener
        self._send_lock = asyncio.Lock()
        self._changed = asyncio.Condition()
        self._inbox = Inbox(max_unread_bytes)
        self._subscriptions = Subscriptions(allow_async=True)
        self._iterating = False  # an iteration started: messages are queued even with subscriptions
        self._error: LiveError | None = None
        self._error_seen = False  # raised to the caller at least once
        self._closing = False
        self._finished = False
        self._ws: ClientConnection | None = None
        self._connecting: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"<AsyncLiveSession id={self.id!r}>"

    async def _start(self) -> AsyncLiveSession:
        try:
            self._ws = await self._opener(self.url)
        except (OSError, InvalidHandshake, InvalidURI, asyncio.TimeoutError) as exc:
            raise LiveConnectionError(
                f"Could not open the live session's WebSocket ({type(exc).__name__}: {exc})",
                session_id=self.id,
                close_code=None,
            ) from exc
        return self

    def _start_reader(self) -> None:
        """Start reading on first use (sending, iterating, waiting): callbacks subscribed before then see
        every message, the first included."""
        if self._reader is None:
            self._reader = asyncio.create_task(self._read(), name=f"gladia-live-{self.id[:8]}")

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
        async with self._changed:
            self._check_open()
            if buffer.room() < len(piece):
                try:
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: buffer.room() >= len(piece) or self._stopped()),
                        self._buffer_wait,
                    )
                except asyncio.TimeoutError:
                    raise LiveBufferFullError(
                        f"{buffer.pending} bytes of audio are still waiting for Gladia's acknowledgment after "
                        f"{self._buffer_wait:g} s: the server is not keeping up, or the connection is stuck. "
                        "Send more slowly, or raise max_buffer_bytes",
                        session_id=self.id,
                    ) from None
                self._check_open()
            buffer.add(piece)

    def _stopped(self) -> bool:
        return self._error is not None or self._closing or self._finished or self._protocol.ended

    def _raise_error(self) -> None:
        if self._error is not None:
            self._error_seen = True
            raise self._error

    def _check_open(self) -> None:
        self._raise_error()
        if self._stopped() or self._protocol.stop_requested:
            raise LiveSessionClosedError(
                "This live session no longer takes audio: it was stopped, closed or has ended",
                session_id=self.id,
            )

    async def _flush(self, *, stop: bool = False) -> None:
        async with self._send_lock:
            ws = self._ws
            if ws is None:
                return  # reconnecting: the reader sends everything unacknowledged once connected
            frames = list(self._protocol.buffer.frames())
            try:
                for frame in frames:
                    await ws.send(frame)
                if stop:
                    await ws.send(STOP_RECORDING)
            except ConnectionClosed:
                pass  # the reader sees the close and resumes from the last acknowledgment

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
        """Fail the session if it did not end within `end_timeout` of stop_recording(); close its socket."""
        await asyncio.sleep(self._end_timeout)
        if self._finished:
            return
        if self._error is None and not self._protocol.ended:
            self._error = overdue_error(self.id, self._end_timeout)
        self._closing = True
        ws = self._ws or self._connecting
        async with self._changed:
            self._changed.notify_all()
        if ws is not None:
            await _close_socket(ws)

    # ------------------------------------------------------------------------------------------ receiving

    async def __aiter__(self) -> AsyncIterator[LiveMessage]:
        """The messages Gladia sends, typed, until the session ends (then its error, if it failed); see
        `LiveSession.__iter__`."""
        self._iterating = True
        self._start_reader()
        while True:
            message = self._inbox.get()
            if message is None:
                if self._finished or self._protocol.ended:
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
            while await self._read_connection():
                pass
        except Exception as exc:  # noqa: BLE001  (a bug must not leave the caller waiting on a silent session)
            self._error = LiveConnectionError(
                f"The live session's reader failed ({type(exc).__name__}: {exc})",
                session_id=self.id,
                close_code=None,
            )
        finally:
            self._finished = True
            async with self._changed:
                self._changed.notify_all()

    async def _read_connection(self) -> bool:
        ws = self._ws
        assert ws is not None
        try:
            async for raw in ws:
                message = self._protocol.on_message(raw)
                kept = message is None or self._keep_message(message, len(raw))
                async with self._changed:
                    self._changed.notify_all()
                if not kept:
                    return await self._fail(ws, overflow_error(self.id, self._inbox))
                if message is not None and self._subscriptions:
                    for key, callback in self._subscriptions.matching(message):
                        try:
                            result = callback(message)
                            if inspect.isawaitable(result):
                                await result
                        except Exception as exc:  # noqa: BLE001  (it ends the session, raised to the caller)
                            return await self._fail(ws, callback_error(self.id, key, exc))
                if self._protocol.ended:
                    return await self._fail(
                        ws, None
                    )  # over: the socket is closed even if the server keeps it
        except ConnectionClosed:
            pass
        code, too_big = closed_with(ws)
        if too_big and not self._closing:
            self._ws = None
            self._protocol.after_close(1009, closing=False)
            self._error = too_big_error(self.id)
            return False
        while True:
            decision = self._protocol.after_close(code, closing=self._closing)
            self._ws = None
            if decision is not AfterClose.RECONNECT:
                if decision is AfterClose.FAIL:
                    self._error = _closed_error(self.id, code, ws.close_reason or "")
                return False
            await clock.asleep(reconnect_delay(self._protocol.reconnects))
            try:
                new = await self._opener(self.url)
            except (OSError, InvalidHandshake, asyncio.TimeoutError):
                code = None
                continue
            self._connecting = new  # so close() can close it before it becomes the session's
            async with self._send_lock:
                frames, stop = self._protocol.resume()
                self._ws = new
                try:
                    for frame in frames:
                        await new.send(frame)
                    if stop:
                        await new.send(STOP_RECORDING)
                except ConnectionClosed:
                    pass
            self._connecting = None
            return True

    def _keep_message(self, message: LiveMessage, size: int) -> bool:
        """Queue `message` for iteration if anyone may iterate; False when the inbox overflowed."""
        if self._subscriptions and not self._iterating:
            return True  # only subscribed to: nobody will read a queue
        dropped = self._inbox.dropped_partials
        kept = self._inbox.put(message, size)
        note_dropped(self.id, self._inbox, dropped)
        return kept

    async def _fail(self, ws: ClientConnection, error: LiveError | None) -> bool:
        """End the session with `error` (raised to the caller next; None once it ended): close the socket,
        read no more."""
        if self._error is None:
            self._error = error
        self._closing = True
        self._ws = None
        async with self._changed:
            self._changed.notify_all()
        # Closed while this task drains what still comes: websockets stops reading the socket while its
        # incoming queue is full, and would then never see the server's close frame.
        closing = asyncio.ensure_future(ws.close(code=1000))
        try:
            with contextlib.suppress(ConnectionClosed):
                async for _ in ws:
                    pass
            with contextlib.suppress(Exception):
                await asyncio.wait_for(closing, S.CLOSE_TIMEOUT + 1)
        finally:
            ws.transport.abort()  # no close answered in time, or cancelled: the TCP connection goes all the same
        return False

    # ------------------------------------------------------------------------------------------ closing

    async def close(self) -> None:
        """Close the socket now and stop the reader; idempotent, and safe to call while being cancelled."""
        winding_down = self._closing or self._protocol.ended  # the reader is closing its socket itself
        self._closing = True
        ws, reader = self._ws or self._connecting, self._reader
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None and watchdog is not asyncio.current_task():
            watchdog.cancel()
        if ws is not None:
            await _close_socket(ws)
        if reader is not None and not reader.done() and reader is not asyncio.current_task():
            if winding_down:  # let it finish the close handshake (bounded), rather than drop the socket
                await asyncio.wait({reader}, timeout=S.CLOSE_TIMEOUT + 2)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    async def wait_until_ended(self, timeout: float = END_WAIT_SECONDS) -> bool:
        """Wait until the session ends; False when `timeout` passed first."""
        self._start_reader()
        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: self._finished or self._protocol.ended), timeout
                )
            except asyncio.TimeoutError:
                return False
        return True

    async def __aenter__(self) -> AsyncLiveSession:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None and self._error is None:
                if not (self._stopped() or self._protocol.stop_requested):
                    await self.stop_recording()
                # Bounded by end_timeout (then the session fails), plus the time to close the socket.
                ended = await self.wait_until_ended(self._end_timeout + 2 * S.CLOSE_TIMEOUT + 1)
                if not ended and self._error is None:
                    self._error = overdue_error(self.id, self._end_timeout)
        finally:
            # Shielded, so a cancellation arriving now still leaves the socket closed and the reader stopped.
            closing = asyncio.ensure_future(self.close())
            try:
                await asyncio.shield(closing)
            except asyncio.CancelledError:
                await closing
                raise
        if kind is None and not self._error_seen:
            self._raise_error()  # how a session only subscribed to learns that it failed


async def _close_socket(ws: ClientConnection) -> None:
    """Close `ws`, waiting for the server's close frame at most CLOSE_TIMEOUT (websockets' own wait, plus a
    margin), then drop the TCP connection whatever happened: no socket is left open."""
    with contextlib.suppress(Exception):
        await asyncio.wait_for(ws.close(code=1000), S.CLOSE_TIMEOUT + 1)
    ws.transport.abort()
