"""A hostile live server for the SDK's live-session reliability tests: real sockets on loopback, in a thread.

`LiveHostile` answers `POST /v2/live` (through `tests.hostile.server.HostileServer`) with a session whose `url`
points at a WebSocket server of its own, run by a *script* per connection:

    async def script(ws: ServerConnection, number: int) -> None   # number: 0 for the first connection

built on `websockets.asyncio.server` (its frames, closes and pings are real), or, for faults in the
handshake itself, a raw TCP handler `async def raw(reader, writer)`. The scripts below cover a normal
Gladia (`gladia`: acknowledge every frame, end the session after stop_recording) and its misbehaviours:
silence, garbage, lying acknowledgments, closes of every kind, resets, floods, no pongs.

`drive(mode, ...)` runs one session with the sync (`LiveSession`) or async (`AsyncLiveSession`) client
through a *flow* (send, stop, then iterate / wait / leave the `with` block) and returns what it did.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from tests.hostile import server as H

Script = Callable[[ServerConnection, int], Awaitable[None]]
Raw = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]

SESSION_ID = "7d0f4b9e-3c1a-4e55-9b7e-2f8a6c1d0e42"
AUDIO = bytes(range(250)) * 256  # 64,000 bytes: 2 s of 16 kHz 16-bit mono, every byte telling its place
MODES = H.MODES


class LiveHostile:
    """The WebSocket side: one event loop in a thread, serving the script set with `script()`."""

    def __init__(self, http: H.HostileServer) -> None:
        self.http = http
        self.connections = 0
        self.connected_at: list[float] = []
        self.audio = bytearray()  # the audio kept by scripts that acknowledge (what Gladia would transcribe)
        self.texts: list[str] = []  # text frames received
        self.sent = 0  # messages the scripts sent
        self._script: Script | None = None
        self._raw: Raw | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="hostile-live", daemon=True)
        self._thread.start()

        async def start() -> Server:
            return await serve(
                self._handle, "127.0.0.1", 0, ping_interval=None, max_size=None, compression=None
            )

        self._server: Server = self._run(start())
        self._raw_server: asyncio.Server = self._run(asyncio.start_server(self._handle_raw, "127.0.0.1", 0))
        self._tasks: set[asyncio.Task[Any]] = set()

    def _run(self, coroutine: Awaitable[Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)  # type: ignore[arg-type]

    def script(self, script: Script) -> None:
        """Serve WebSocket connections with `script`; the session's URL points here."""
        self._script = script
        self._announce(f"ws://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/v2/live?token=t")

    def raw(self, handler: Raw) -> None:
        """Answer the WebSocket's TCP connections with `handler` (no WebSocket handshake is done)."""
        self._raw = handler
        self._announce(f"ws://127.0.0.1:{self._raw_server.sockets[0].getsockname()[1]}/v2/live?token=t")

    def _announce(self, url: str) -> None:
        body = {"id": SESSION_ID, "created_at": "2026-01-01T00:00:00.000Z", "url": url}
        self.http.always("POST", "/v2/live", H.json_reply(body, status=201))

    async def _handle(self, ws: ServerConnection) -> None:
        number = self.connections
        self.connections += 1
        self.connected_at.append(time.monotonic())
        assert self._script is not None
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._script(ws, number)
        except (ConnectionClosed, asyncio.CancelledError):
            pass
        finally:
            self._tasks.discard(task)
            ws.transport.abort()

    async def _handle_raw(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.connected_at.append(time.monotonic())
        assert self._raw is not None
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._raw(reader, writer)
        except (OSError, asyncio.CancelledError, asyncio.IncompleteReadError):
            pass
        finally:
            self._tasks.discard(task)
            writer.transport.abort()

    def close(self) -> None:
        async def stop() -> None:
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._server.close()
            self._raw_server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)

        with contextlib.suppress(Exception):
            self._run(stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()


def live_server() -> Iterator[LiveHostile]:
    """The body of a `live` fixture: an HTTP hostile server and the WebSocket side beside it."""
    for http in H.serve():
        live = LiveHostile(http)
        try:
            yield live
        finally:
            live.close()


# ------------------------------------------------------------------------------------------ scripts


HEAD = {"session_id": SESSION_ID, "created_at": "2026-01-01T00:00:00Z"}


def ack(start: int, end: Any) -> str:
    return json.dumps(
        {
            **HEAD,
            "type": "audio_chunk",
            "acknowledged": True,
            "error": None,
            "data": {"byte_range": [start, end]},
        }
    )


def transcript(text: str, *, final: bool, number: int = 0) -> str:
    utterance = {
        "text": text,
        "start": 0.0,
        "end": 1.0,
        "confidence": 1.0,
        "channel": 0,
        "words": [],
        "language": "en",
    }
    data = {"id": f"00_{number:08d}", "is_final": final, "utterance": utterance}
    return json.dumps(
        {"type": "transcript", "session_id": SESSION_ID, "created_at": "2026-01-01T00:00:00Z", "data": data}
    )


END_SESSION = json.dumps(
    {"type": "end_session", "session_id": SESSION_ID, "created_at": "2026-01-01T00:00:00Z"}
)
STOP_ACK = json.dumps(
    {
        **HEAD,
        "type": "stop_recording",
        "acknowledged": True,
        "error": None,
        "data": {"recording_duration": 2.0, "recording_left_to_process": 0.0},
    }
)


def gladia(live: LiveHostile, *, before: list[str | bytes] = (), final: str = "") -> Script:  # type: ignore[assignment]
    """A well-behaved Gladia: send `before` first, keep and acknowledge every frame (as session offsets,
    so a resumed stream is acknowledged where it left off), and after stop_recording send `final` as a
    final transcript, acknowledge the stop, end the session and close (1000)."""

    async def script(ws: ServerConnection, number: int) -> None:
        for frame in before:
            await ws.send(frame)
        async for data in ws:
            if isinstance(data, bytes):
                start = len(live.audio)
                live.audio += data
                await ws.send(ack(start, len(live.audio)))
                continue
            live.texts.append(data)
            if json.loads(data).get("type") == "stop_recording":
                if final:
                    await ws.send(transcript(final, final=True))
                await ws.send(STOP_ACK)
                await ws.send(END_SESSION)
                await ws.close(1000)
                return

    return script


def silent(live: LiveHostile) -> Script:
    """Read everything, answer nothing, never close."""

    async def script(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, str):
                live.texts.append(data)

    return script


def deaf() -> Script:
    """Stop reading the socket at once: no pong, no close frame seen, ever."""

    async def script(ws: ServerConnection, number: int) -> None:
        ws.transport.pause_reading()
        await asyncio.sleep(3600)

    return script


def close_after_audio(code: int | None, reason: str = "") -> Script:
    """Close once the first audio frame arrives: with `code`, or with an empty close frame (None)."""

    async def script(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                break
        if code is None:
            ws.transport.write(b"\x88\x00")  # a close frame with no status code
            await asyncio.sleep(0.2)
            ws.transport.close()
        else:
            await ws.close(code, reason)

    return script


def reset_connection(ws: ServerConnection) -> None:
    """Drop the TCP connection with a RST (SO_LINGER 0), no close frame."""
    sock = ws.transport.get_extra_info("socket")
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    ws.transport.abort()


def then(first: Script, rest: Script) -> Script:
    """`first` for the first connection, `rest` for the others."""

    async def script(ws: ServerConnection, number: int) -> None:
        await (first if number == 0 else rest)(ws, number)

    return script


# ------------------------------------------------------------------------------------------ raw (handshake)


def never_answer() -> Raw:
    """Accept the TCP connection, read the upgrade request, never answer."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        await asyncio.sleep(3600)

    return handler


def answer(data: bytes) -> Raw:
    """Read the upgrade request, write `data`, close."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(data)
        await writer.drain()
        writer.close()

    return handler


# ------------------------------------------------------------------------------------------ the client


@dataclass
class LiveOutcome:
    messages: list[Any] = field(default_factory=list)
    value: Any = None
    error: BaseException | None = None
    elapsed: float = 0.0
    session: Any = None

    def describe(self) -> str:
        kinds = [type(m).__name__ for m in self.messages][:20]
        if self.error is None:
            return f"returned {self.value!r} after {self.elapsed:.2f} s, messages {kinds}"
        return (
            f"raised {type(self.error).__module__}.{type(self.error).__name__}: {self.error!s:.300} "
            f"after {self.elapsed:.2f} s, messages {kinds}"
        )


def drive(
    mode: str,
    live: LiveHostile,
    flow: str = "iterate",
    audio: bytes = AUDIO,
    *,
    wait: float = 10.0,
    pause: float = 0.0,
    chunk: int = 0,
    until: Callable[[Any], bool] | None = None,
    **start: Any,
) -> LiveOutcome:
    """One session, sync or async, through `flow`:

    iterate   send `audio`, stop_recording(), read every message, close()
    wait      send, stop, wait_until_ended(`wait`) (its result is `value`), then read, close()
    with      in a `with` block: send, leave it (it stops and waits); then read what is left
    unread    send, then read nothing for `pause` seconds; `value` is the inbox (size and drops), then read

    `audio` goes in one send_audio() call, or in calls of `chunk` bytes. With `until`, `unread` stops
    pausing as soon as `until(session)` holds.
    """
    pieces = (
        [audio[i : i + chunk] for i in range(0, len(audio), chunk)] if chunk else [audio] if audio else []
    )
    from gladia import AsyncGladiaClient, GladiaClient

    settings = {"api_key": H.KEY, "api_url": live.http.url, "max_retries": 0}
    outcome = LiveOutcome()
    started = time.monotonic()
    try:
        if mode == "sync":
            with GladiaClient(**settings) as client:
                _sync_flow(client, flow, pieces, wait, pause, until, start, outcome)
        else:
            asyncio.run(
                _async_flow(AsyncGladiaClient, settings, flow, pieces, wait, pause, until, start, outcome)
            )
    except Exception as exc:  # noqa: BLE001 - the outcome is what the tests judge
        outcome.error = exc
    outcome.elapsed = time.monotonic() - started
    return outcome


def _inbox(session: Any) -> tuple[int, int]:
    return session._inbox.bytes, session._inbox.dropped_partials


def _sync_flow(
    client: Any,
    flow: str,
    audio: list[bytes],
    wait: float,
    pause: float,
    until: Any,
    start: Any,
    out: LiveOutcome,
) -> None:
    if flow == "with":
        with client.live().start_session(**start) as session:
            out.session = session
            for piece in audio:
                session.send_audio(piece)
        out.messages += list(session)
        return
    session = out.session = client.live().start_session(**start)
    try:
        for piece in audio:
            session.send_audio(piece)
        if flow == "unread":
            deadline = time.monotonic() + pause
            while time.monotonic() < deadline and not (until and until(session)):
                time.sleep(0.02)
            out.value = _inbox(session)
        else:
            session.stop_recording()
        if flow == "wait":
            out.value = session.wait_until_ended(wait)
        for message in session:
            out.messages.append(message)
    finally:
        session.close()


async def _async_flow(
    kind: Any,
    settings: Any,
    flow: str,
    audio: list[bytes],
    wait: float,
    pause: float,
    until: Any,
    start: Any,
    out: LiveOutcome,
) -> None:
    async with kind(**settings) as client:
        if flow == "with":
            async with await client.live().start_session(**start) as session:
                out.session = session
                for piece in audio:
                    await session.send_audio(piece)
            out.messages += [m async for m in session]
            return
        session = out.session = await client.live().start_session(**start)
        try:
            for piece in audio:
                await session.send_audio(piece)
            if flow == "unread":
                deadline = time.monotonic() + pause
                while time.monotonic() < deadline and not (until and until(session)):  # noqa: ASYNC110  (polls a session attribute)
                    await asyncio.sleep(0.02)
                out.value = _inbox(session)
            else:
                await session.stop_recording()
            if flow == "wait":
                out.value = await session.wait_until_ended(wait)
            async for message in session:
                out.messages.append(message)
        finally:
            await session.close()


def raised(outcome: LiveOutcome, name: str) -> BaseException:
    """The exception of `outcome`, asserting it is `gladia.errors.<name>`."""
    from gladia import errors

    expected = getattr(errors, name)
    assert isinstance(outcome.error, expected), f"expected {name}; the session {outcome.describe()}"
    return outcome.error
