"""A live session, sync: the one session (`AsyncLiveSession`) driven from the caller's thread.

The session runs on an event loop of its own, in a background thread (`gladia-live-loop-<id>`): each method
hands the async session's coroutine to that loop and waits for it in short waits, so Ctrl-C is felt at once
(it cancels what was waiting; leaving the `with` block then closes the socket, as a cancelled async session
does). Callbacks given to `on()` run one at a time, in order, on a thread of their own (`gladia-live-<id>`),
so one may call `send_audio()`, `stop_recording()` or `close()`. Every bound, decision and error is the async
session's; once the session is closed its threads are gone, and what is left (the messages not read yet,
the error that ended it) is read without them.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import queue
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Coroutine, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from gladia.live._async_session import (
    CLOSE_TIMEOUT,
    END_WAIT_SECONDS,
    WAKE_SECONDS,
    AsyncLiveSession,
    CallbackRaised,
    as_audio,
)
from gladia.live._inbox import Inbox
from gladia.live._messages import LiveMessage
from gladia.live._subscriptions import Subscribable

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from gladia.live._state import SessionSettings

T = TypeVar("T")

#: The most audio given to send_audio() and not yet handed to the session (one batch for its loop).
OUTBOX_BYTES = 256 * 1024
#: The most memory of messages (as the inbox counts it) handed to the caller's thread at once.
BATCH_BYTES = 1024 * 1024


class LoopGone(Exception):
    """The session's loop has stopped (the session was closed): what is left is read without it."""


class Loop:
    """An event loop running in a thread of its own, for the caller's thread to run coroutines on."""

    def __init__(self, name: str, on_stop: Callable[[], object]) -> None:
        self.loop = asyncio.new_event_loop()
        self._on_stop = on_stop
        self.stopping = False
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        loop = self.loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            self.stopping = True
            # Stopped: the session's sockets are dropped, then whatever still runs is cancelled and waited for.
            with contextlib.suppress(Exception):
                self._on_stop()
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.wait(tasks, timeout=CLOSE_TIMEOUT + 1))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run `coroutine` on the loop and wait for it. Interrupted (Ctrl-C), it is cancelled; LoopGone when
        the loop has stopped."""
        return self.wait(self.submit(coroutine))

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Start `coroutine` on the loop; LoopGone when the loop has stopped (or when called from the loop's own
        thread, such as a garbage collection finishing an iteration there: waiting would never end)."""
        if self.stopping or not self.thread.is_alive() or threading.current_thread() is self.thread:
            coroutine.close()
            raise LoopGone
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def wait(self, future: concurrent.futures.Future[T]) -> T:
        """What `future` gives, waited for in short waits; interrupted (Ctrl-C), it is cancelled."""
        try:
            while True:
                try:
                    return future.result(WAKE_SECONDS)  # short waits: Ctrl-C is felt at once
                except concurrent.futures.TimeoutError:
                    if future.done():
                        raise  # (the coroutine's own TimeoutError)
                    if not self.thread.is_alive():
                        raise LoopGone from None
                except concurrent.futures.CancelledError:
                    if self.stopping:  # cancelled by the loop's end, not by this thread
                        raise LoopGone from None
                    raise
        except BaseException:
            future.cancel()
            raise

    def stop(self, timeout: float) -> None:
        """Stop the loop (the session's sockets are dropped) and wait for its thread, at most `timeout`."""
        self.stopping = True
        if self.thread.is_alive():
            with contextlib.suppress(RuntimeError):  # (already closed)
                self.loop.call_soon_threadsafe(self.loop.stop)
            if self.thread is not threading.current_thread():
                self.thread.join(timeout)


class Callbacks:
    """Runs the session's callbacks one at a time, in order, on a thread of its own (started at the first);
    the session's reader waits for each, as it waits for an async callback."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._queue: queue.SimpleQueue[
            tuple[Callable[[Any], object], LiveMessage, asyncio.Future[None]] | None
        ]
        self._queue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    async def __call__(self, callback: Callable[[Any], object], message: LiveMessage) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
            self._thread.start()
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put((callback, message, done))
        await done

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            callback, message, done = item
            try:
                callback(message)
            # BaseException too: a SystemExit raised on this thread would end it silently.
            except BaseException as exc:  # noqa: BLE001  (it ends the session, raised to the caller)
                raised = CallbackRaised()
                raised.__cause__ = exc
                _settle(done, raised)
            else:
                _settle(done, None)

    def stop(self, timeout: float) -> None:
        """Let the thread end once its callback returns; wait for it at most `timeout`."""
        self._queue.put(None)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)


def _settle(done: asyncio.Future[None], error: BaseException | None) -> None:
    def settle() -> None:
        if not done.done():
            if error is None:
                done.set_result(None)
            else:
                done.set_exception(error)

    with contextlib.suppress(RuntimeError):  # the loop stopped meanwhile (the session was closed)
        done.get_loop().call_soon_threadsafe(settle)


class LiveSession(Subscribable):
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

    def __init__(self, **settings: Unpack[SessionSettings]) -> None:
        self.id = settings["session_id"]
        self.url = settings["url"]
        self._callbacks = Callbacks(f"gladia-live-{self.id[:8]}")
        self._session = AsyncLiveSession(call_back=self._callbacks, allow_async=False, **settings)
        self._subscriptions = self._session._subscriptions  # on() subscribes to the one session
        self._loop = Loop(f"gladia-live-loop-{self.id[:8]}", self._session._abort)
        # Audio given to send_audio() and not handed to the session yet, sent by one `_drain` at a time.
        self._outbox: collections.deque[bytes] = collections.deque()
        self._outbox_bytes = 0
        self._outbox_lock = threading.Lock()
        self._draining = False  # a `_drain` is running, or about to
        self._drain: concurrent.futures.Future[None] | None = None  # the latest
        self._send_error: Exception | None = None  # what the last drain raised, for the caller
        self._unread: collections.deque[LiveMessage] = collections.deque()  # handed over, not yielded yet
        # Not closed, and no longer referenced: its threads end with it.
        self._finalizer = weakref.finalize(self, _stop, self._loop, self._callbacks)
        try:
            self._loop.run(self._session._start())  # connected here (the async session: in `_start`)
        except BaseException:
            self._stop()
            raise

    def __repr__(self) -> str:
        return f"<LiveSession id={self.id!r}>"

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """The session's state (`_protocol`, `_inbox`, ...) is the one session's."""
            if name.startswith("__") or not name.startswith("_") or name == "_session":
                raise AttributeError(name)
            return getattr(self._session, name)

    def _start(self) -> LiveSession:
        """The session, connected (by its constructor)."""
        return self

    def _stop(self) -> None:
        self._finalizer.detach()
        _stop(self._loop, self._callbacks)

    # ------------------------------------------------------------------------------------------ sending

    def send_audio(self, audio: bytes) -> None:
        """Send a chunk of audio (raw, in the session's encoding). It is kept until Gladia acknowledges it,
        and sent again after a reconnection if it was not.

        The session's thread sends it, in order, as soon as it can: the call returns at once unless the
        buffer of unacknowledged audio is full, and then waits for room, at most `buffer_wait` seconds. A
        write the server does not take within `buffer_wait` fails the session. A failure to send is raised
        by the call that waited for it, else by the next one (`send_audio`, `stop_recording`, the end of
        the `with` block).

        Raises:
            LiveSessionClosedError: after stop_recording() or close(), or once the session ended.
            LiveBufferFullError: no room freed within the buffer wait (the server is not acknowledging).
            LiveStalledError: the server stopped reading (no write went through within the buffer wait).
            LiveConnectionError: the session failed (its socket closed for good).
        """
        data = as_audio(audio)
        session = self._session
        with self._outbox_lock:
            self._raise_send_error()
            session._check_open()
            self._outbox.append(data)
            self._outbox_bytes += len(data)
            start, self._draining = not self._draining, True
        if start:
            # Handed to the loop in batches: one wake-up of its thread for as much audio as came meanwhile.
            try:
                self._drain = self._loop.submit(self._send_outbox())
            except LoopGone:
                self._drained()
                session._check_open()  # closed: raises why
        if self._outbox_bytes > min(session._protocol.buffer.room(), OUTBOX_BYTES):
            self._settle()  # the buffer is full (wait for room, as the async session does), or the batch

    async def _send_outbox(self) -> None:
        """On the loop: send the audio in the outbox, in order, until it is empty or sending fails."""
        emptied = False
        try:
            while True:
                with self._outbox_lock:
                    if not self._outbox:
                        emptied, self._draining = True, False  # at once: audio added next starts a sender
                        return
                    data = self._outbox[0]  # counted until sent: a caller waits for room as it would
                try:
                    await self._session.send_audio(data)
                except Exception as exc:  # noqa: BLE001  (raised to the caller: its next call, or the one waiting)
                    with self._outbox_lock:
                        self._send_error = exc
                    return
                with self._outbox_lock:
                    self._outbox.popleft()
                    self._outbox_bytes -= len(data)
        finally:
            if not emptied:  # failed or cancelled: the audio left is not sent
                self._drained()

    def _drained(self) -> None:
        """The outbox's sender is done (or could not start): what it leaves goes."""
        with self._outbox_lock:
            self._outbox.clear()
            self._outbox_bytes = 0
            self._draining = False

    def _settle(self, *, raising: bool = True) -> None:
        """Wait until the audio given to send_audio() is handed to the session; raise why it could not be."""
        while self._draining:
            drain = self._drain
            if drain is None or drain.done():  # (the newest is being started: a moment)
                if drain is not None and drain.cancelled():
                    self._drained()  # cancelled before it ran
                time.sleep(0.0005)
                continue
            with contextlib.suppress(LoopGone, concurrent.futures.CancelledError):
                self._loop.wait(drain)
            if not self._loop.thread.is_alive():
                self._drained()
        if raising:
            with self._outbox_lock:
                self._raise_send_error()

    def _raise_send_error(self) -> None:
        error, self._send_error = self._send_error, None
        if error is not None:
            raise error

    def stop_recording(self) -> None:
        """No more audio: Gladia transcribes what it has, sends the final messages, then ends the session.

        Raises:
            LiveSessionClosedError, LiveStalledError, LiveConnectionError: as `send_audio`.
        """
        self._settle()
        try:
            self._loop.run(self._session.stop_recording())
        except LoopGone:
            if not self._session._protocol.stop_requested:
                self._session._check_open()

    # ------------------------------------------------------------------------------------------ receiving

    def __iter__(self) -> Iterator[LiveMessage]:
        """The messages Gladia sends, typed, until the session ends.

        With no subscription every message is kept for iteration from the start; once `on()` was called,
        from the moment an iteration starts (callbacks see every message either way).

        Raises:
            LiveConnectionError, LiveCallbackError, LiveQueueFullError: once the messages received are
                read, if the session failed (LiveIncompleteError when it ended incomplete).
        """
        unread, session = self._unread, self._session
        messages = session.__aiter__()
        try:
            while True:
                while unread:
                    yield unread.popleft()  # (taken first: what a `break` leaves is read next time)
                try:
                    unread.extend(self._loop.run(_next_batch(messages, session._inbox)))
                except StopAsyncIteration:
                    return
                except LoopGone:
                    break
        except GeneratorExit:  # the caller stopped iterating: so does the async iteration
            with contextlib.suppress(LoopGone):
                self._loop.run(messages.aclose())
            raise
        session._iterating = True  # closed: what was received and not read yet, then the error
        while (left := session._inbox.get()) is not None:
            yield left
        session._raise_error()

    def wait_until_ended(self, timeout: float = END_WAIT_SECONDS) -> bool:
        """Wait until the session ends (all its messages read); False when `timeout` passed first."""
        try:
            return self._loop.run(self._session.wait_until_ended(timeout))
        except LoopGone:
            return True

    # ------------------------------------------------------------------------------------------ closing

    def close(self) -> None:
        """Close the socket now (the session ends as Gladia ends a closed connection); idempotent. The
        server gets `CLOSE_TIMEOUT` seconds to answer the close, then the TCP connection is dropped."""
        try:
            self._settle(raising=False)  # (bounded: each write and each wait for room is)
            with contextlib.suppress(LoopGone):
                self._loop.run(self._session.close())
        finally:
            self._stop()

    def __enter__(self) -> LiveSession:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self._settle()  # the audio sent in the block goes before the recording is stopped
            self._loop.run(self._session.__aexit__(kind, error, tb))
        except LoopGone:
            if kind is None and not self._session._error_seen:
                self._session._raise_error()
        finally:
            self._stop()


async def _next_batch(messages: AsyncGenerator[LiveMessage, None], inbox: Inbox) -> list[LiveMessage]:
    """On the loop: the next message, with those queued behind it (up to BATCH_BYTES as the inbox counts
    them): one hand-over to the caller's thread for many messages."""
    batch = [await messages.__anext__()]
    taken = 0
    while taken < BATCH_BYTES:
        before = inbox.bytes
        message = inbox.get()
        if message is None:
            break
        batch.append(message)
        taken += before - inbox.bytes
    return batch


def _stop(loop: Loop, callbacks: Callbacks) -> None:
    """Stop a session's threads: its loop (dropping its sockets), then its callbacks' thread."""
    loop.stop(CLOSE_TIMEOUT + 2)
    callbacks.stop(CLOSE_TIMEOUT + 2)
