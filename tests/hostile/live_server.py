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
import base64
import contextlib
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
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
        self._loop = H.Loop()  # remembers its transports, so closing leaves none open
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
        if not self._thread.is_alive():
            # The connections the scripts left open (a silent server keeps its socket): aborted now.
            self._loop.run_until_complete(H.abort_transports(self._loop))
        self._loop.close()
        H.release_transports(self._loop)


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


def stalled(live: LiveHostile, *, then_talk: bool = False) -> Script:
    """Complete the handshake, then never read again (TCP zero window once the buffers are full); with
    `then_talk`, keep sending partial transcripts all the same."""

    async def script(ws: ServerConnection, number: int) -> None:
        ws.transport.pause_reading()
        live.texts.append("stalled")
        for n in range(100_000 if then_talk else 0):
            await ws.send(transcript("still here", final=False, number=n))
            await asyncio.sleep(0.05)
        await asyncio.sleep(3600)

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


async def handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer a WebSocket upgrade by hand (for raw handlers that then misbehave in frames)."""
    head = await reader.readuntil(b"\r\n\r\n")
    key = next(
        line.split(b":", 1)[1].strip()
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"sec-websocket-key:")
    )
    accept = base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
    writer.write(
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n"
    )
    await writer.drain()


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


# ------------------------------------------------------------------------------------------ interrupts

#: Where a session can be when the caller is interrupted (Ctrl-C, a task cancelled):
#:   init       POST /v2/live sent, never answered
#:   handshake  the WebSocket upgrade sent, never answered
#:   reconnect  the first connection closed with 1012 (retryable); the second one's upgrade never answered
#:   reconnect-tcp  the same, but the second one's TCP connect never completes (the listener's queue full)
#:   streaming  send_audio() writing to a server that stopped reading (its buffers full)
#:   flushing   stop_recording() sent; the audio is read but never acknowledged, nothing comes
#:   ending     everything acknowledged, the stop too; no end_session comes
#:   closing    end_session came; the server never answers the close frame nor closes the TCP connection
STAGES = ("init", "handshake", "reconnect", "reconnect-tcp", "streaming", "flushing", "ending", "closing")

_CHILD = r"""
import asyncio, gc, json, os, sys, threading, time
from gladia import AsyncGladiaClient, GladiaClient

url, mode, key = sys.argv[1:4]
audio = bytes(int(os.environ["LIVE_AUDIO"]))
start = json.loads(os.environ["LIVE_START"])
stop = os.environ["LIVE_STOP"] == "1"


def sockets():
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return count


def report(kind):
    left = time.monotonic()
    time.sleep(0.1)  # (a thread ending on its own gets a moment)
    gc.collect()
    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    print(json.dumps({"left_at": left, "kind": kind, "threads": threads, "sockets": sockets()}), flush=True)


def sync_flow():
    with GladiaClient(api_key=key, api_url=url, max_retries=0) as client:
        with client.live().start_session(**start) as session:
            session.send_audio(audio)
            if stop:
                session.stop_recording()
            for _ in session:
                pass


async def async_flow():
    async with AsyncGladiaClient(api_key=key, api_url=url, max_retries=0) as client:
        async with await client.live().start_session(**start) as session:
            await session.send_audio(audio)
            if stop:
                await session.stop_recording()
            async for _ in session:
                pass


try:
    # asyncio.run cancels its main task on SIGINT, then raises KeyboardInterrupt (Python 3.11+).
    sync_flow() if mode == "sync" else asyncio.run(async_flow())
except KeyboardInterrupt:
    report("KeyboardInterrupt")
except BaseException as exc:
    report(f"{type(exc).__name__}: {str(exc)[:300]}")
else:
    report("returned")
"""


@dataclass
class Interrupted:
    """How a child process left its session after SIGINT."""

    left_after: float  # seconds from the signal to the `with` block left
    kind: str  # "KeyboardInterrupt", or what ended it instead
    threads: list[str]  # threads still alive in the child after it left
    sockets: int  # sockets still open in the child after it left (its HTTP client closed too)


def interrupt(mode: str, live: LiveHostile, stage: str, *, delay: float = 0.3) -> Interrupted:
    """Run a session in a child process (`mode` sync: Ctrl-C is a KeyboardInterrupt in its main thread;
    async: asyncio.run cancels the task), send it SIGINT `delay` seconds after the server sees `stage`."""
    reached = threading.Event()
    env = {**os.environ, "LIVE_AUDIO": str(len(AUDIO)), "LIVE_START": "{}", "LIVE_STOP": "0"}
    if stage == "init":

        async def hold(x: H.Exchange) -> bool:
            reached.set()
            await asyncio.sleep(3600)
            return False

        live.script(silent(live))
        live.http.always("POST", "/v2/live", hold)
    elif stage == "handshake":

        async def never(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            reached.set()
            await asyncio.sleep(3600)

        live.raw(never)
    elif stage == "reconnect":

        async def drop_then_hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            if live.connections == 1:
                await handshake(reader, writer)
                await reader.read(10)  # some audio
                writer.write(b"\x88\x02\x03\xf4")  # close 1012: restarting, come back
                await writer.drain()
                await asyncio.sleep(1)
                return
            await reader.readuntil(b"\r\n\r\n")
            reached.set()
            await asyncio.sleep(3600)

        live.raw(drop_then_hang)
    elif stage == "reconnect-tcp":
        listener = _FullAfterOne(reached)
        body = {"id": SESSION_ID, "created_at": "2026-01-01T00:00:00Z", "url": listener.url}
        live.http.always("POST", "/v2/live", H.json_reply(body, status=201))
        delay = max(delay, 1.0)  # (the SYN is dropped silently: give the reconnection time to be in it)
    elif stage == "streaming":

        async def stall(ws: ServerConnection, number: int) -> None:
            ws.transport.pause_reading()
            reached.set()
            await asyncio.sleep(3600)

        live.script(stall)
        env["LIVE_AUDIO"] = str(64 * 1024 * 1024)  # more than the socket buffers hold
        env["LIVE_START"] = json.dumps({"max_buffer_bytes": 128 * 1024 * 1024, "buffer_wait": 600})
    else:

        async def answer_then_hang(ws: ServerConnection, number: int) -> None:
            async for data in ws:
                if isinstance(data, bytes):
                    start = len(live.audio)
                    live.audio += data
                    if stage != "flushing":
                        await ws.send(ack(start, len(live.audio)))
                    continue
                if stage != "flushing":
                    await ws.send(STOP_ACK)
                if stage == "closing":
                    await ws.send(END_SESSION)
                    ws.transport.pause_reading()  # the client's close frame is never read
                reached.set()
                await asyncio.sleep(3600)

        live.script(answer_then_hang)
        env["LIVE_STOP"] = "1"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, live.http.url, mode, H.KEY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert reached.wait(30), f"the session never reached {stage!r}"
        time.sleep(delay)
        signalled = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
        if stage == "reconnect-tcp":
            listener.close()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert lines, f"the child reported nothing; stderr: {err[-2000:]}"
    report = json.loads(lines[-1])
    return Interrupted(report["left_at"] - signalled, report["kind"], report["threads"], report["sockets"])


class _FullAfterOne:
    """A WebSocket listener that takes one connection (answers its upgrade by hand, then closes it with
    1012, restarting), then accepts nothing more, its queue full: a reconnection's TCP connect hangs."""

    def __init__(self, reached: threading.Event) -> None:
        self._server = socket.create_server(("127.0.0.1", 0), backlog=0)
        self._fillers: list[socket.socket] = []
        self._reached = reached
        self.url = f"ws://127.0.0.1:{self._server.getsockname()[1]}/v2/live?token=t"
        self._thread = threading.Thread(target=self._serve, name="hostile-full-listener", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            conn, _ = self._server.accept()
            with conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += conn.recv(4096)
                key = next(
                    line.split(b":", 1)[1].strip()
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"sec-websocket-key:")
                )
                accept = base64.b64encode(
                    hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest()
                )
                conn.sendall(
                    b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n"
                )
                conn.recv(10)  # some audio
                port = self._server.getsockname()[1]
                for _ in range(8):  # the accept queue, full: the next SYNs are dropped
                    filler = socket.socket()
                    filler.setblocking(False)
                    with contextlib.suppress(BlockingIOError):
                        filler.connect(("127.0.0.1", port))
                    self._fillers.append(filler)
                time.sleep(0.2)
                conn.sendall(b"\x88\x02\x03\xf4")  # close 1012, and the TCP connection with it
                self._reached.set()

    def close(self) -> None:
        self._server.close()
        for filler in self._fillers:
            filler.close()
        self._thread.join(5)


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (a route is looked up; nothing is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere, only the route is chosen
        address: str = probe.getsockname()[0]
        if not address.startswith("127."):
            return address
    return None


# ------------------------------------------------------------------------------------------ memory

_UNREAD = r"""
import asyncio, gc, json, sys, time
from gladia import AsyncGladiaClient, GladiaClient

url, mode, key, bound = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024


def over(session):
    return session._error is not None or session._protocol.ended or session._finished


report = {}


def sync_flow():
    with GladiaClient(api_key=key, api_url=url, max_retries=0) as client:
        session = client.live().start_session(max_unread_bytes=bound, end_timeout=600)
        try:
            gc.collect()
            report["baseline"] = rss()
            session.send_audio(bytes(3200))  # then reads nothing
            deadline = time.monotonic() + 120
            while not over(session) and time.monotonic() < deadline:
                time.sleep(0.02)
            gc.collect()
            report["after"] = rss()
            report["held"], report["counted"] = len(session._inbox), session._inbox.bytes
            report["error"] = type(session._error).__name__ if session._error else None
        finally:
            session.close()


async def async_flow():
    async with AsyncGladiaClient(api_key=key, api_url=url, max_retries=0) as client:
        session = await client.live().start_session(max_unread_bytes=bound, end_timeout=600)
        try:
            gc.collect()
            report["baseline"] = rss()
            await session.send_audio(bytes(3200))
            deadline = time.monotonic() + 120
            while not over(session) and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            gc.collect()
            report["after"] = rss()
            report["held"], report["counted"] = len(session._inbox), session._inbox.bytes
            report["error"] = type(session._error).__name__ if session._error else None
        finally:
            await session.close()


sync_flow() if mode == "sync" else asyncio.run(async_flow())
print(json.dumps(report))
"""


def flood_unread(live: LiveHostile, mode: str, message: str, count: int, bound: int) -> dict[str, Any]:
    """A session in a child process that reads nothing while the server sends `message` `count` times
    (then end_session); its report: RSS `baseline` and `after` (bytes, VmRSS), the messages `held`,
    what the inbox `counted`, and the `error` that ended the session."""

    async def flood(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                await ws.send(ack(0, len(data)))
                break
        for _ in range(count):
            await ws.send(message)
            live.sent += 1
        await ws.send(END_SESSION)
        async for _ in ws:
            pass

    live.script(flood)
    child = subprocess.run(
        [sys.executable, "-c", _UNREAD, live.http.url, mode, H.KEY, str(bound)],
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the child reported nothing; stderr: {child.stderr[-2000:]}"
    report: dict[str, Any] = json.loads(lines[-1])
    return report
