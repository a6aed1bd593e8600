"""A microphone for live sessions: an input device (the default one unless told) as chunks of 16-bit PCM.

    from gladia import GladiaClient
    from gladia.live import Microphone

    live = GladiaClient().live()
    with Microphone() as mic, live.start_session(mic.session_options()) as session:
        for chunk in mic:  # 100 ms of 16 kHz 16-bit mono each, until mic.close()
            session.send_audio(chunk)

PortAudio records in a thread of its own (through `sounddevice`, the `mic` extra, imported when a
microphone first opens) and hands each block to a bounded queue as bytes; the iteration, sync or `async
for`, takes them in order. Recording starts when the microphone opens, so nothing said between `open()`
and the first read is lost. `close()`, from any thread or a signal handler (or leaving the `with` block),
stops recording: the iteration yields what was recorded before it, then ends. So a SIGINT handler that
closes the microphone turns Ctrl-C into "stop talking": what was said is still sent and transcribed.

Nothing here hangs, grows without bound or leaks PortAudio's errors: unread audio is capped
(`max_unread_seconds`: past it recording stops, and the iteration raises MicrophoneError once the audio kept
is read), a device that delivers nothing for `read_timeout` seconds (unplugged, its sound server gone)
raises MicrophoneError, and so does every failure of PortAudio, with what to do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from types import ModuleType, TracebackType
from typing import Any

from gladia._core import clock
from gladia._core import constants as C
from gladia.errors import InvalidOptionsError, MicrophoneError, ValidationError
from gladia.live._options import live_request_problems, live_session_body

__all__ = ["Microphone", "MicrophoneError"]

#: What the microphone records: 16-bit little-endian PCM, the live API's default encoding.
ENCODING = "wav/pcm"
BIT_DEPTH = 16
DEFAULT_SAMPLE_RATE = 16000
DEFAULT_CHUNK_MS = 100
#: How long a read waits for the device's next chunk before MicrophoneError. A device's first block can
#: take a while (a PulseAudio null sink's first one came after 1.6 s here; Bluetooth headsets take longer).
READ_TIMEOUT = 10.0
#: The most audio kept recorded and unread (1.9 MB at 16 kHz mono).
MAX_UNREAD_SECONDS = 60.0
_WAKE_SECONDS = 0.25  # a sync read waits in slices this short, so Ctrl-C is felt at once everywhere
# PortAudio's codes (PaErrorCode) for a format the device does not take.
_PA_INVALID_CHANNEL_COUNT = -9998
_PA_INVALID_SAMPLE_RATE = -9997
_PA_FORMAT_NOT_SUPPORTED = -9994

_logger = logging.getLogger(C.LOGGER_NAME)
_MISSING_EXTRA = "the microphone needs the sounddevice package: pip install 'gladia[mic]'"
_NO_PORTAUDIO = (
    "the microphone needs the PortAudio library, which sounddevice could not load ({reason}): on Debian "
    "and Ubuntu, apt install libportaudio2; on Fedora, dnf install portaudio; on macOS and Windows it "
    "comes with sounddevice's wheel"
)


def _sounddevice() -> ModuleType:
    """The sounddevice module (PortAudio starts when it is first imported).

    Raises:
        ModuleNotFoundError: the `mic` extra is not installed (its message says how to install it).
        MicrophoneError: sounddevice is there but PortAudio, the C library it records with, is not.
    """
    try:
        import sounddevice  # noqa: PLC0415  (the mic extra, on first use)
    except ModuleNotFoundError as exc:
        if exc.name != "sounddevice":
            raise
        raise ModuleNotFoundError(_MISSING_EXTRA, name="sounddevice") from None
    except OSError as exc:  # sounddevice raises OSError("PortAudio library not found") at import
        raise MicrophoneError(_NO_PORTAUDIO.format(reason=exc)) from None
    module: ModuleType = sounddevice
    return module


def _input_devices(sd: ModuleType) -> list[str]:
    """The names of the input devices PortAudio knows, for error messages (empty if it cannot tell)."""
    try:
        devices = sd.query_devices()
    except Exception:  # noqa: BLE001  (only for a message)
        return []
    return [f"{d['index']}: {d['name']}" for d in devices if d.get("max_input_channels", 0) > 0]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _checked_number(name: str, value: object, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValidationError(
            f"Microphone({name}={value!r}): {name} must be a number from {low:g} to {high:g}"
        )


class _Chunks:
    """The chunks recorded and not read yet: put by PortAudio's thread, taken by one sync or async reader.

    Bounded by `limit` chunks: a put past it is refused (the caller then stops recording). `end()` marks the
    end of the recording, with the error that ended it if one did: the reader gets the chunks put before
    it, then None, or the error, on every read after.

    Nothing on the putting side takes a lock a reader may hold: the queue is a `SimpleQueue`, whose `put`
    never blocks. So `close()` may be called from a signal handler, which runs on the main thread wherever
    it was (inside a read, say), even though it waits for PortAudio's thread to hand over its last chunks.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()  # None: the end
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []
        self.ended = False
        self.error: MicrophoneError | None = None
        self.closing = False  # close() was called: the stream stopping is not the device failing
        self._drained = False  # the reader took the end

    def put(self, chunk: bytes) -> bool:
        if self.ended:
            return True
        if self._queue.qsize() >= self._limit:
            return False
        self._queue.put(chunk)
        self._wake()
        return True

    def end(self, error: MicrophoneError | None = None) -> None:
        if self.ended:
            return
        self.ended = True
        self.error = error
        self._queue.put(None)
        self._wake()

    def _wake(self) -> None:
        for loop, future in tuple(self._waiters):
            with contextlib.suppress(RuntimeError):  # that loop is closed: nobody waits there any more
                loop.call_soon_threadsafe(_resolve, future)

    def _after_end(self) -> None:
        self._drained = True
        if self.error is not None:
            raise self.error

    def get(self, timeout: float, stalled: MicrophoneError) -> bytes | None:
        """The next chunk, waiting up to `timeout` seconds for one (then `stalled` is raised); None once
        the recording ended and every chunk was read."""
        # A wait for the device, as a socket read waits for its peer; its deadline is on the SDK's clock.
        deadline = clock.monotonic() + timeout
        while not self._drained:
            left = deadline - clock.monotonic()
            try:
                # In short waits, so Ctrl-C is felt at once on every platform.
                chunk = self._queue.get(timeout=max(0.0, min(left, _WAKE_SECONDS)))
            except queue.Empty:
                if left <= 0:
                    raise stalled from None
                continue
            if chunk is not None:
                return chunk
            self._after_end()
        self._after_end()
        return None

    async def aget(self, timeout: float, stalled: MicrophoneError) -> bytes | None:
        """`get`, awaited: the event loop runs while it waits."""
        loop = asyncio.get_running_loop()
        deadline = clock.monotonic() + timeout
        while not self._drained:
            waiter = (loop, loop.create_future())
            self._waiters.append(waiter)  # before looking: a chunk put from now on wakes it
            try:
                chunk = self._queue.get_nowait()
            except queue.Empty:
                left = deadline - clock.monotonic()
                if left <= 0:
                    raise stalled from None
                with contextlib.suppress(asyncio.TimeoutError):  # looked at again, then `stalled`
                    await asyncio.wait_for(waiter[1], left)
                continue
            finally:
                self._waiters.remove(waiter)
            if chunk is not None:
                return chunk
            self._after_end()
        self._after_end()
        return None


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class Microphone:
    """An input device recording 16-bit PCM for a live session: iterate over it (`for`, or `async for`)
    for chunks of `chunk_ms` milliseconds, as bytes, until it is closed.

    Use it as a context manager (`with`, or `async with`), which opens the device and always closes it
    (cancelled while opening too); iterating over a microphone never opened opens it for that iteration.
    Recording starts when it opens, and `close()` (from any thread, or a signal handler) ends the
    iteration once the audio recorded before is read. The session must read the same format: give
    `start_session()` the options from `session_options()`.

    Args:
        sample_rate: samples per second, one of the rates Gladia's live API takes (8000, 16000, 32000,
            44100, 48000). PortAudio converts the device's own rate where it can (PulseAudio and most
            drivers do).
        channels: how many channels to record, interleaved (1 to 8; the device must have them).
        device: the input device: None for the system's default, an index, or a substring of its name
            (as `python -m sounddevice` lists them).
        chunk_ms: the length of each chunk, in milliseconds (10 to 1000; Gladia suggests about 100).
        read_timeout: how long a read waits for the device's next chunk before MicrophoneError.
        max_unread_seconds: the most audio kept recorded but not read; past it recording stops, and the
            iteration raises MicrophoneError once the audio kept is read.

    Raises:
        InvalidOptionsError: a sample rate or a number of channels Gladia's live API does not take.
        ValidationError: another argument out of its range.
    """

    def __init__(
        self,
        *,
        sample_rate: int = DEFAULT_SAMPLE_RATE,
        channels: int = 1,
        device: int | str | None = None,
        chunk_ms: int = DEFAULT_CHUNK_MS,
        read_timeout: float = READ_TIMEOUT,
        max_unread_seconds: float = MAX_UNREAD_SECONDS,
    ) -> None:
        for name, value in (("sample_rate", sample_rate), ("channels", channels)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"Microphone({name}={value!r}): {name} must be an int")
        problems = live_request_problems({"sample_rate": sample_rate, "channels": channels})
        if problems:
            raise InvalidOptionsError(problems)
        _checked_number("chunk_ms", chunk_ms, 10, 1000)
        _checked_number("read_timeout", read_timeout, 0.01, 3600)
        _checked_number("max_unread_seconds", max_unread_seconds, chunk_ms / 1000, 3600)
        if not (device is None or isinstance(device, str) or type(device) is int):
            raise ValidationError(
                f"Microphone(device={device!r}): give None (the default input), an index or a name"
            )
        self.sample_rate = sample_rate
        self.channels = channels
        self.device = device
        self.chunk_ms = chunk_ms
        self.read_timeout = float(read_timeout)
        self.max_unread_seconds = float(max_unread_seconds)
        self._frames = max(1, round(sample_rate * chunk_ms / 1000))
        # Guards the fields below (open() and close() may race); reentrant, for close() from a signal handler.
        self._lock = threading.RLock()
        self._stream: Any = None
        self._chunks: _Chunks | None = None
        self.overflows = 0
        """How many times PortAudio reported input it had to drop (the recording thread ran late)."""

    def __repr__(self) -> str:
        state = "open" if self._stream is not None else "closed"
        return (
            f"<Microphone device={self.device!r} sample_rate={self.sample_rate} channels={self.channels} "
            f"chunk_ms={self.chunk_ms} {state}>"
        )

    # ------------------------------------------------------------------------------------------ format

    @property
    def chunk_bytes(self) -> int:
        """The size of each chunk, in bytes."""
        return self._frames * self.channels * BIT_DEPTH // 8

    @property
    def options(self) -> dict[str, Any]:
        """The audio options of a live session that reads this microphone: encoding, bit_depth,
        sample_rate and channels."""
        return {
            "encoding": ENCODING,
            "bit_depth": BIT_DEPTH,
            "sample_rate": self.sample_rate,
            "channels": self.channels,
        }

    def session_options(self, options: object = None) -> dict[str, Any]:
        """`options` for `start_session()`, with this microphone's audio format: the encoding, bit depth,
        sample rate and channels it records, added where `options` leaves them out.

        Args:
            options: the session's other options, as in Gladia's docs (a dict or a `StreamingRequest`),
                or None.

        Returns:
            The options as a JSON-ready dict, checked.

        Raises:
            InvalidOptionsError: `options` gives another format than the microphone records (the session
                would hear noise), or holds what Gladia would refuse; nothing was sent.
        """
        body = live_session_body(options)
        problems = []
        for key, value in self.options.items():
            given = body.get(key)
            if given is not None and given != value:
                instead = (
                    f"or open Microphone({key}={given!r})"
                    if key in ("sample_rate", "channels")
                    else "as the microphone records 16-bit PCM only"
                )
                problems.append(
                    f"{key}: the session would read {given!r} but the microphone records {value!r}: leave "
                    f"{key} out (the microphone's is used), {instead}"
                )
        if problems:
            raise InvalidOptionsError(problems)
        return {**body, **self.options}

    # ------------------------------------------------------------------------------------------ open, close

    def open(self) -> None:
        """Open the device and start recording (nothing happens if it is already open).

        Raises:
            ModuleNotFoundError: the `mic` extra (sounddevice) is not installed.
            MicrophoneError: no input device, or the device refused to record this format.
        """
        with self._lock:
            if self._stream is not None:
                return
            sd = _sounddevice()
            chunks = _Chunks(limit=max(1, int(self.max_unread_seconds * 1000 // self.chunk_ms)))
            stream = self._new_stream(sd, chunks)
            try:
                stream.start()
            except sd.PortAudioError as exc:
                with contextlib.suppress(Exception):
                    stream.close()
                raise self._device_error(sd, exc) from None
            self._stream, self._chunks = stream, chunks
        _logger.debug("microphone opened: %r", self)

    def _new_stream(self, sd: ModuleType, chunks: _Chunks) -> Any:
        owner = self

        def on_audio(data: Any, frames: int, when: Any, status: Any) -> None:  # PortAudio's thread
            if status.input_overflow:
                owner.overflows += 1
            if not chunks.put(bytes(data)):
                chunks.end(owner._overflow_error())
                raise sd.CallbackAbort

        def on_finished() -> None:  # PortAudio's thread: the stream stopped, by close() or on its own
            chunks.end(None if chunks.closing else owner._lost_error())

        try:
            return sd.RawInputStream(
                samplerate=self.sample_rate,
                blocksize=self._frames,
                device=self.device,
                channels=self.channels,
                dtype="int16",
                callback=on_audio,
                finished_callback=on_finished,
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise self._device_error(sd, exc) from None

    def close(self) -> None:
        """Stop recording and close the device; idempotent, from any thread, or from a signal handler (a
        SIGINT handler may call it to end the recording on Ctrl-C). The iteration yields the audio recorded
        before, then ends."""
        with self._lock:
            stream, self._stream = self._stream, None
            chunks = self._chunks
            if chunks is not None:
                chunks.closing = True
        if stream is not None:
            try:
                stream.stop()  # PortAudio hands over the blocks it holds, then calls on_finished
            except Exception as exc:  # noqa: BLE001  (a device gone already: closing must still finish)
                _logger.debug("microphone: stopping the stream failed: %s", exc)
            finally:
                with contextlib.suppress(Exception):
                    stream.close()
            _logger.debug("microphone closed: %r", self)
        if chunks is not None:
            chunks.end()  # in case PortAudio did not call on_finished

    def __enter__(self) -> Microphone:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Microphone:
        # In a thread: PortAudio may take a while to open a device. Cancelled meanwhile, the thread opens
        # it all the same, and no `async with` block would close it: it is closed here.
        opening = asyncio.ensure_future(asyncio.to_thread(self.open))
        try:
            await asyncio.shield(opening)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await opening
            await asyncio.to_thread(self.close)
            raise
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Shielded: a cancellation arriving now still leaves the device closed.
        closing = asyncio.ensure_future(asyncio.to_thread(self.close))
        try:
            await asyncio.shield(closing)
        except asyncio.CancelledError:
            await closing
            raise

    # ------------------------------------------------------------------------------------------ reading

    def __iter__(self) -> Iterator[bytes]:
        """The chunks recorded, in order, until the microphone is closed and what it recorded is read.

        Raises:
            MicrophoneError: the device failed, stopped delivering audio, or the audio was not read fast
                enough (after the audio recorded before it).
        """
        opened_here = self._chunks is None  # never opened; once closed, it is only drained
        if opened_here:
            self.open()
        chunks = self._chunks
        assert chunks is not None
        try:
            while True:
                chunk = chunks.get(self.read_timeout, self._stalled_error())
                if chunk is None:
                    return
                yield chunk
        finally:
            if opened_here:
                self.close()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        """The chunks recorded, as `__iter__`, awaited: the event loop runs while the next one comes."""
        opened_here = self._chunks is None
        if opened_here:
            await self.__aenter__()
        chunks = self._chunks
        assert chunks is not None
        try:
            while True:
                chunk = await chunks.aget(self.read_timeout, self._stalled_error())
                if chunk is None:
                    return
                yield chunk
        finally:
            if opened_here:
                await self.__aexit__(None, None, None)

    # ------------------------------------------------------------------------------------------ errors

    def _name(self) -> str:
        return "the default input device" if self.device is None else f"input device {self.device!r}"

    def _device_error(self, sd: ModuleType, exc: Exception) -> MicrophoneError:
        """PortAudio's refusal to open the device, said with what to do."""
        devices = _input_devices(sd)
        if not devices:
            return MicrophoneError(
                f"No microphone: PortAudio finds no input device on this machine ({exc}). Plug one in, or "
                "check that the sound server (PulseAudio, PipeWire) runs and this user may use it",
                device=self.device,
            )
        listed = "; ".join(devices)
        code = exc.args[1] if len(exc.args) > 1 else None
        if code in (_PA_INVALID_SAMPLE_RATE, _PA_INVALID_CHANNEL_COUNT, _PA_FORMAT_NOT_SUPPORTED):
            return MicrophoneError(
                f"{_upper(self._name())} cannot record {self.channels} channel(s) of 16-bit audio at "
                f"{self.sample_rate} Hz ({exc}). Try another sample_rate (48000, 44100, 16000), channels=1, "
                f"or another device: {listed}",
                device=self.device,
            )
        return MicrophoneError(
            f"Cannot record from {self._name()} ({exc}). The input devices are: {listed}",
            device=self.device,
        )

    def _stalled_error(self) -> MicrophoneError:
        return MicrophoneError(
            f"{_upper(self._name())} delivered no audio for {self.read_timeout:g} s (unplugged, muted by the "
            "system, or its sound server stopped?). Check it, or raise read_timeout",
            device=self.device,
        )

    def _lost_error(self) -> MicrophoneError:
        return MicrophoneError(
            f"{_upper(self._name())} stopped recording on its own (unplugged, or its sound server stopped): the "
            "audio recorded until then was read",
            device=self.device,
        )

    def _overflow_error(self) -> MicrophoneError:
        return MicrophoneError(
            f"The microphone's audio was not read for {self.max_unread_seconds:g} s (max_unread_seconds): "
            "recording stopped rather than drop audio or grow without bound. Read it as it comes (send it "
            "from its own thread or task), or raise max_unread_seconds",
            device=self.device,
        )
