"""A hostile HTTP server for the SDK's reliability tests: raw asyncio sockets on loopback, in a thread.

It speaks just enough HTTP/1.1 to be believed, then misbehaves the way proxies, gateways and load
balancers do. Each request is answered by a *handler*, chosen in this order:

1. the next one queued for its method and path with `server.on(method, path, *handlers)` (each used once);
2. the one set with `server.always(method, path, handler)`;
3. `backend`, a small fake Gladia (upload, create, get, list, delete, download) whose jobs live in
   `server.jobs` and whose lies and lags are set on `server.settings`.

Paths may hold `{id}` for one path segment. Every request is recorded in `server.requests` (method, path,
query, headers, body size, arrival time) before it is answered, so tests can count POSTs and time gaps.

Handlers are coroutines `async def handler(x: Exchange) -> bool`, True to keep the connection alive;
the functions below build them:

    normal      reply, json_reply, job_reply, redirect (same origin or another), backend
    slow        drip (a byte at a time), pieces, raw(..., interval) (the head too), endless (a chunked body
                that never ends), endless_headers, silent, slow_reader (on an `early()` route: read the
                upload slowly)
    broken      truncate (Content-Length, then close early), reset (SO_LINGER 0: a RST), raw (anything)
    big         huge (GiBs made on the fly), gzip_bomb (a few MiB inflating to GiBs, streamed)
    lies        invalid_json, nested_json, create_then (the backend made the job; the answer says it
                failed), retry_after, echo_key (the key in an error body); lags and ignored filters are
                `server.settings`
    sequences   cycle (round and round), and `server.on(...)` queues

The rest drives the SDK (`call` a method of a sync or async client and get an `Outcome`, `raised`/`typed`
to judge it) and measures memory in a child process (`measure`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import itertools
import json
import re
import socket
import struct
import threading
import time
import uuid
import zlib
from asyncio.selector_events import _SelectorSocketTransport  # type: ignore[attr-defined]
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

Handler = Callable[["Exchange"], Awaitable[bool]]

MiB = 1024 * 1024
GiB = 1024 * MiB
KEEP_BODY_BYTES = 4 * MiB  # bodies are counted whole but kept only up to this size
CHUNK = 1 * MiB


# ---------------------------------------------------------------------------------------------- records


@dataclass
class Request:
    """One request as the server received it."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names
    body_size: int = 0
    body: bytes = b""  # the first KEEP_BODY_BYTES
    complete: bool = True  # False when the client stopped sending before the end of its body
    at: float = field(default_factory=time.monotonic)

    def param(self, name: str) -> list[str]:
        """Every value of query parameter `name`."""
        return [value for key, value in self.query if key == name]

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Job:
    id: str
    created: float  # epoch seconds
    custom_metadata: dict[str, Any] | None
    audio_url: str
    status: str = "done"


@dataclass
class Settings:
    """How the fake Gladia behind the scripted handlers behaves."""

    job_status: str = "done"  # the status GET shows for every job
    list_lag: float = 0.0  # a job shows in the list only this long after its creation
    ignore_filters: bool = False  # the list returns every job whatever the query asks
    stuck_next: bool = False  # `next` always points at offset 0
    audio: bytes = b"RIFF" + bytes(60)  # what the file endpoint serves
    clock_skew: float = 0.0  # added to every date the server shows (its clock is wrong by this much)


def iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).isoformat(timespec="milliseconds")[:-6] + "Z"


def job_json(job: Job, skew: float = 0.0, **overrides: Any) -> dict[str, Any]:
    """A job as Gladia's GET /v2/pre-recorded/{id} shows it (done with a one-line transcript), its dates
    shown by a clock `skew` seconds off."""
    body: dict[str, Any] = {
        "id": job.id,
        "request_id": f"G-{job.id[:8]}",
        "version": 2,
        "status": job.status,
        "created_at": iso(job.created + skew),
        "completed_at": iso(job.created + skew) if job.status in ("done", "error") else None,
        "custom_metadata": job.custom_metadata,
        "error_code": 500 if job.status == "error" else None,
        "kind": "pre-recorded",
        "file": None,
        "request_params": None,
        "result": {
            "metadata": {"audio_duration": 1.0, "billing_time": 1.0, "transcription_time": 0.1},
            "transcription": {"full_transcript": "hello", "languages": ["en"], "utterances": []},
        }
        if job.status == "done"
        else None,
    }
    body.update(overrides)
    return body


# ---------------------------------------------------------------------------------------------- exchange


class Exchange:
    """One request and the socket to answer it on."""

    def __init__(
        self,
        server: HostileServer,
        request: Request,
        writer: asyncio.StreamWriter,
        reader: asyncio.StreamReader | None = None,
    ) -> None:
        self.server = server
        self.request = request
        self.writer = writer
        self.reader = reader  # the request's body is still in it on the routes set with `early()`

    async def head(self, status: int, headers: Mapping[str, str] | None = None) -> None:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await self.writer.drain()

    async def send(self, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None) -> bool:
        merged = {"content-type": "application/json", **(headers or {}), "content-length": str(len(body))}
        await self.head(status, merged)
        self.writer.write(body)
        await self.writer.drain()
        return True

    async def write(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()


_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


# ---------------------------------------------------------------------------------------------- handlers


def reply(status: int = 200, body: bytes | str = b"", headers: Mapping[str, str] | None = None) -> Handler:
    """A normal answer."""
    data = body.encode() if isinstance(body, str) else body

    async def handler(x: Exchange) -> bool:
        return await x.send(status, data, headers)

    return handler


def json_reply(value: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Handler:
    return reply(status, json.dumps(value).encode(), headers)


def drip(body: bytes, interval: float, status: int = 200) -> Handler:
    """The whole Content-Length announced, then one byte every `interval` seconds."""

    async def handler(x: Exchange) -> bool:
        await x.head(status, {"content-type": "application/json", "content-length": str(len(body))})
        for index in range(len(body)):
            await x.write(body[index : index + 1])
            await asyncio.sleep(interval)
        return True

    return handler


def pieces(body: bytes, count: int, interval: float, status: int = 200) -> Handler:
    """`body` (Content-Length announced) in `count` pieces, `interval` seconds apart: slow, never silent long."""

    async def handler(x: Exchange) -> bool:
        await x.head(status, {"content-type": "application/octet-stream", "content-length": str(len(body))})
        step = max(1, -(-len(body) // count))
        for offset in range(0, len(body), step):
            await x.write(body[offset : offset + step])
            await asyncio.sleep(interval)
        return True

    return handler


def endless(piece: bytes = b" ", interval: float = 0.05, status: int = 200) -> Handler:
    """A chunked body that never ends: `piece` every `interval` seconds (0: as fast as the client reads)."""

    async def handler(x: Exchange) -> bool:
        await x.head(status, {"content-type": "application/json", "transfer-encoding": "chunked"})
        await x.write(b"1\r\n[\r\n")
        frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        while True:
            await x.write(frame)
            if interval:
                await asyncio.sleep(interval)
            else:
                await asyncio.sleep(0)

    return handler


def raw(data: bytes, interval: float = 0.0) -> Handler:
    """Send `data` as is (a broken status line, a head without end...), a byte every `interval` seconds if
    given, then close."""

    async def handler(x: Exchange) -> bool:
        if not interval:
            await x.write(data)
            return False
        for index in range(len(data)):
            await x.write(data[index : index + 1])
            await asyncio.sleep(interval)
        return False

    return handler


def endless_headers(interval: float = 0.0) -> Handler:
    """A status line, then header lines forever."""

    async def handler(x: Exchange) -> bool:
        await x.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n")
        line = b"x-filler: " + b"a" * 1000 + b"\r\n"
        while True:
            await x.write(line)
            await asyncio.sleep(interval)

    return handler


def cycle(*handlers: Handler) -> Handler:
    """Each request answered by the next of `handlers`, round and round."""
    turn = itertools.cycle(handlers)

    async def handler(x: Exchange) -> bool:
        return await next(turn)(x)

    return handler


def truncate(body: bytes, declared: int | None = None, status: int = 200) -> Handler:
    """Announce `declared` bytes (default: twice the body), send `body`, close."""

    async def handler(x: Exchange) -> bool:
        length = declared if declared is not None else 2 * len(body) + 1
        await x.head(status, {"content-type": "application/json", "content-length": str(length)})
        await x.write(body)
        return False

    return handler


def reset(after_head: bool = False) -> Handler:
    """Reset the connection (SO_LINGER 0, so the client sees a RST), before or after a response head."""

    async def handler(x: Exchange) -> bool:
        if after_head:
            await x.head(200, {"content-type": "application/json", "content-length": "100"})
        _abort(x.writer)
        return False

    return handler


def slow_reader(bytes_per_second: int, then: Handler | None = None) -> Handler:
    """On an `early()` route: read the request body at `bytes_per_second`, then let `then` answer (by
    default the fake Gladia)."""

    async def handler(x: Exchange) -> bool:
        assert x.reader is not None
        step = max(1, bytes_per_second // 10)
        left = int(x.request.headers.get("content-length") or 0)
        tail = b""
        while True:  # up to Content-Length, or to the end of a chunked body
            data = await x.reader.read(min(step, left) if left else step)
            if not data:
                break
            x.request.body_size += len(data)
            tail = (tail + data)[-5:]
            left -= len(data)
            if left <= 0 and ("content-length" in x.request.headers or tail == b"0\r\n\r\n"):
                break
            await asyncio.sleep(0.1)
        await (then or backend)(x)
        return False

    return handler


def silent() -> Handler:
    """Read the request, then say nothing until the client gives up."""

    async def handler(x: Exchange) -> bool:
        await asyncio.sleep(3600)
        return False

    return handler


def huge(size: int, status: int = 200, chunked: bool = False) -> Handler:
    """A JSON-looking body of `size` bytes, made on the fly (never held in memory)."""

    async def handler(x: Exchange) -> bool:
        headers = {"content-type": "application/json"}
        headers["transfer-encoding" if chunked else "content-length"] = "chunked" if chunked else str(size)
        await x.head(status, headers)
        prefix = b'{"id": "'
        filler = b"a" * CHUNK
        await _body_piece(x, prefix, chunked)
        left = size - len(prefix)
        while left > 0:
            piece = filler if left >= CHUNK else filler[:left]
            await _body_piece(x, piece, chunked)
            left -= len(piece)
        if chunked:
            await x.write(b"0\r\n\r\n")
        return True

    return handler


async def _body_piece(x: Exchange, piece: bytes, chunked: bool) -> None:
    if chunked:
        await x.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
    else:
        await x.write(piece)


def gzip_bomb(inflated: int, status: int = 200, encoding: str = "gzip") -> Handler:
    """`content-encoding: gzip` over about inflated/1000 bytes that inflate to `inflated` bytes (`[  ...  ]`).

    Built from one raw deflate segment (1 MiB of spaces, full-flushed, so each copy stands alone) repeated:
    nothing like the inflated size is ever held. The gzip trailer (CRC of the whole) is computed only when
    a client has read everything before it.
    """
    spaces = b" " * CHUNK
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(b"[" + spaces[1:]) + compressor.flush(zlib.Z_FULL_FLUSH)
    segment = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(b"]") + compressor.flush(zlib.Z_FINISH)
    gzip = encoding == "gzip"  # else "deflate": the zlib format (RFC 1950), as HTTP means it
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" if gzip else b"\x78\xda"
    count = max(1, inflated // CHUNK)
    length = len(header) + len(first) + (count - 1) * len(segment) + len(last) + (8 if gzip else 4)
    batch = segment * 64

    def trailer() -> bytes:
        check = zlib.crc32 if gzip else zlib.adler32
        value = check(b"[" + spaces[1:])
        for _ in range(count - 1):
            value = check(spaces, value)
        value = check(b"]", value)
        if not gzip:
            return struct.pack(">I", value)
        return struct.pack("<II", value, (count * CHUNK + 1) & 0xFFFFFFFF)

    async def handler(x: Exchange) -> bool:
        await x.head(
            status,
            {"content-type": "application/json", "content-encoding": encoding, "content-length": str(length)},
        )
        await x.write(header + first)
        left = count - 1
        while left > 0:
            take = min(left, 64)
            await x.write(batch if take == 64 else segment * take)
            left -= take
        await x.write(last + await asyncio.to_thread(trailer))
        return True

    return handler


def redirect(location: str, status: int = 307) -> Handler:
    """A redirect to `location` (a path on this server, or a whole URL to another origin)."""
    return reply(status, b"", {"location": location})


def invalid_json(status: int = 200) -> Handler:
    return reply(status, b'{"id": "45463597-20b7-4af7-b3b3-f5fb778203ab", "status": "do')


def nested_json(depth: int = 100_000, status: int = 200) -> Handler:
    """`[[[[...]]]]` `depth` deep: valid JSON that recursive parsers cannot read."""
    return reply(status, b"[" * depth + b"]" * depth)


def retry_after(value: str, status: int = 429) -> Handler:
    return json_reply({"message": "slow down"}, status, {"retry-after": value})


def echo_key(status: int = 401) -> Handler:
    """An error whose body repeats the x-gladia-key it was sent (as some gateways do)."""

    async def handler(x: Exchange) -> bool:
        key = x.request.headers.get("x-gladia-key", "")
        body = {"message": f"invalid key {key!r}", "key": key, "validation_errors": [f"key {key} refused"]}
        return await x.send(status, json.dumps(body).encode())

    return handler


def create_then(
    status: int = 503, body: Any = None, newer_jobs: int = 0, then: Handler | None = None
) -> Handler:
    """Create the job for real (as a backend behind a failing proxy would), then answer `status` (or let
    `then` answer: a reset, a truncated body, silence...).

    `newer_jobs` more jobs (by others, without the tag) are created just after it.
    """

    async def handler(x: Exchange) -> bool:
        x.server._create_job(x.request)
        for index in range(newer_jobs):
            x.server.add_job(custom_metadata={"other": "client"}, created=time.time() + 0.001 * (index + 1))
        if then is not None:
            return await then(x)
        return await x.send(status, json.dumps(body or {"message": "unavailable"}).encode())

    return handler


def job_reply(status: str = "done", **overrides: Any) -> Handler:
    """GET of a job: the job the path names, as `job_json` draws it, with fields replaced."""

    async def handler(x: Exchange) -> bool:
        job_id = x.request.path.rstrip("/").rsplit("/", 1)[-1]
        job = x.server.jobs.get(job_id) or Job(job_id, time.time(), None, "")
        shown = Job(job.id, job.created, job.custom_metadata, job.audio_url, status)
        return await x.send(200, json.dumps(job_json(shown, **overrides)).encode())

    return handler


async def backend(x: Exchange) -> bool:
    """The fake Gladia: what a well-behaved server would answer."""
    server, request = x.server, x.request
    route = (request.method, _shape(request.path))
    if route == ("POST", "/v2/upload") or (request.method == "POST" and request.path.startswith("/upload")):
        file_id = str(uuid.uuid4())
        return await x.send(
            200,
            json.dumps(
                {
                    "audio_url": f"{server.url}/file/{file_id}",
                    "audio_metadata": {
                        "id": file_id,
                        "filename": "audio.wav",
                        "extension": "wav",
                        "size": request.body_size,
                        "audio_duration": 1.0,
                        "number_of_channels": 1,
                    },
                }
            ).encode(),
        )
    if route == ("POST", "/v2/pre-recorded"):
        job = server._create_job(request)
        return await x.send(
            201, json.dumps({"id": job.id, "result_url": f"{server.url}/v2/pre-recorded/{job.id}"}).encode()
        )
    if route == ("GET", "/v2/pre-recorded"):
        return await x.send(200, json.dumps(server._list_page(request)).encode())
    job = server.jobs.get(request.path.split("/")[3]) if route[1].startswith("/v2/pre-recorded/") else None
    if job is None:
        return await x.send(404, json.dumps({"message": "no such job", "statusCode": 404}).encode())
    if route == ("GET", "/v2/pre-recorded/{id}"):
        shown = Job(job.id, job.created, job.custom_metadata, job.audio_url, server.settings.job_status)
        return await x.send(200, json.dumps(job_json(shown, server.settings.clock_skew)).encode())
    if route == ("GET", "/v2/pre-recorded/{id}/file"):
        return await x.send(200, server.settings.audio, {"content-type": "application/octet-stream"})
    if route == ("DELETE", "/v2/pre-recorded/{id}"):
        del server.jobs[job.id]
        return await x.send(202, b"")
    return await x.send(404, b'{"message": "no such route"}')


_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _shape(path: str) -> str:
    return "/".join("{id}" if _UUID.match(part) else part for part in path.split("/"))


def _abort(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


# ---------------------------------------------------------------------------------------------- server


class HostileServer:
    """The server; use it as a context manager (or call close())."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.jobs: dict[str, Job] = {}
        self.settings = Settings()
        self._queued: dict[tuple[str, str], list[Handler]] = {}
        self._always: dict[tuple[str, str], Handler] = {}
        self._early: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self._protocols: list[asyncio.StreamReaderProtocol] = []
        self._transports: list[asyncio.BaseTransport] = []
        self._loop = Loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hostile-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the hostile server did not start")

    # ------------------------------------------------------------------------------------- scripting

    def on(self, method: str, path: str, *handlers: Handler) -> HostileServer:
        """Answer the next requests to `method path` with these handlers, one each, in order."""
        with self._lock:
            self._queued.setdefault((method.upper(), path), []).extend(handlers)
        return self

    def early(self, method: str, path: str) -> HostileServer:
        """Hand requests to `method path` to their handler before reading their body (which it may read
        slowly, or never); the connection is closed after the answer."""
        with self._lock:
            self._early.append((method.upper(), path))
        return self

    def always(self, method: str, path: str, handler: Handler) -> HostileServer:
        """Answer every request to `method path` (once its queue is empty) with `handler`."""
        with self._lock:
            self._always[(method.upper(), path)] = handler
        return self

    def add_job(
        self,
        *,
        custom_metadata: dict[str, Any] | None = None,
        created: float | None = None,
        status: str = "done",
    ) -> Job:
        job = Job(str(uuid.uuid4()), time.time() if created is None else created, custom_metadata, "", status)
        with self._lock:
            self.jobs[job.id] = job
        return job

    # ------------------------------------------------------------------------------------- reading

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def received(self, method: str, path: str | None = None) -> list[Request]:
        """The requests received for `method` (and `path`, which may hold `{id}`)."""
        pattern = _pattern(path) if path is not None else None
        return [
            r
            for r in list(self.requests)
            if r.method == method.upper() and (pattern is None or pattern.fullmatch(r.path))
        ]

    def count(self, method: str, path: str | None = None) -> int:
        return len(self.received(method, path))

    @property
    def created(self) -> list[Job]:
        """Jobs created through POST /v2/pre-recorded (not those added by the test)."""
        return [job for job in self.jobs.values() if job.audio_url]

    # ------------------------------------------------------------------------------------- life

    def close(self) -> None:
        if self._loop.is_closed():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if not self._thread.is_alive():
            # Whatever the shutdown left (it ran out of time on a loaded machine, or a connection came in
            # late): aborted here, on the stopped loop, so no socket of this server outlives it.
            self._loop.run_until_complete(self._abort_all())
        self._loop.close()
        # A connection the kernel completed as the server closed may have been accepted with no transport
        # ever made for it (its task dropped with the loop): its socket is closed here all the same.
        for conn in self._listener.accepted:
            if conn.fileno() != -1:
                conn.close()
        release_transports(self._loop)

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        transports = self._transports

        class Tracked(asyncio.StreamReaderProtocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                transports.append(transport)  # every connection's transport, aborted at shutdown
                super().connection_made(transport)

        def protocol() -> asyncio.StreamReaderProtocol:
            # asyncio.start_server's protocol, kept: its transport is closed at shutdown whatever happened
            made = Tracked(asyncio.StreamReader(limit=MiB), self._serve)
            self._protocols.append(made)
            return made

        self._listener = _Listener()
        self._listener.bind(("127.0.0.1", 0))
        self._server = self._loop.run_until_complete(self._loop.create_server(protocol, sock=self._listener))
        self.port: int = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _shutdown(self) -> None:
        self._server.close()
        # A connection accepted just now has its handler task scheduled but not started: let it start
        # (and register its writer), or its socket would outlive the loop.
        for _ in range(3):
            await asyncio.sleep(0)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._abort_all()
        await self._server.wait_closed()
        for _ in range(3):
            await asyncio.sleep(0)

    async def _abort_all(self) -> None:
        # Every connection ever accepted, even one still flushing its buffer to a client that stopped
        # reading: force it shut, then let the loop run the callbacks that close the sockets.
        # A connection the kernel had queued may still be accepted while this runs (its transport made a few
        # loop turns later, under load): abort what exists, let the loop run, and again until nothing new came.
        aborted: set[int] = set()
        for _ in range(20):
            transports: list[Any] = [writer.transport for writer in self._writers]
            transports += [getattr(made, "_transport", None) for made in self._protocols]
            transports += self._transports
            transports += self._loop.made
            fresh = [t for t in transports if t is not None and id(t) not in aborted]
            for transport in fresh:
                aborted.add(id(transport))
                transport.abort()
            await asyncio.sleep(0.01)
            if not fresh and len(aborted) == len({id(t) for t in transports if t is not None}):
                break

    # ------------------------------------------------------------------------------------- serving

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.append(writer)
        try:
            while True:
                request = await self._read_request(reader)
                if request is None:
                    break
                keep = await self._pick(request)(Exchange(self, request, writer, reader))
                if not keep or not request.complete:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            self._tasks.discard(task)
            if not writer.transport.is_closing():
                writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1)

    def _pick(self, request: Request) -> Handler:
        with self._lock:
            for (method, path), handlers in self._queued.items():
                if handlers and method == request.method and _pattern(path).fullmatch(request.path):
                    return handlers.pop(0)
            for (method, path), handler in self._always.items():
                if method == request.method and _pattern(path).fullmatch(request.path):
                    return handler
        return backend

    async def _read_request(self, reader: asyncio.StreamReader) -> Request | None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return None
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        parts = urlsplit(target)
        request = Request(method.upper(), parts.path, parse_qsl(parts.query, keep_blank_values=True), headers)
        self.requests.append(request)
        with self._lock:
            early = any(m == request.method and _pattern(p).fullmatch(request.path) for m, p in self._early)
        if early:  # the handler reads the body, or not
            request.complete = False
            return request
        try:
            if headers.get("transfer-encoding", "").lower() == "chunked":
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
                    if size == 0:
                        await reader.readuntil(b"\r\n")
                        break
                    await self._take(reader, request, size)
                    await reader.readexactly(2)
            else:
                await self._take(reader, request, int(headers.get("content-length") or 0))
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            request.complete = False
        return request

    async def _take(self, reader: asyncio.StreamReader, request: Request, size: int) -> None:
        while size > 0:
            data = await reader.read(min(size, CHUNK))
            if not data:
                raise asyncio.IncompleteReadError(b"", size)
            size -= len(data)
            request.body_size += len(data)
            if len(request.body) < KEEP_BODY_BYTES:
                request.body += data[: KEEP_BODY_BYTES - len(request.body)]

    # ------------------------------------------------------------------------------------- fake Gladia

    def _create_job(self, request: Request) -> Job:
        try:
            body = request.json()
        except ValueError:
            body = {}
        job = Job(
            str(uuid.uuid4()),
            time.time(),
            body.get("custom_metadata"),
            body.get("audio_url") or "?",
            self.settings.job_status,
        )
        with self._lock:
            self.jobs[job.id] = job
        return job

    def _list_page(self, request: Request) -> dict[str, Any]:
        settings = self.settings
        try:
            offset = int(request.param("offset")[0]) if request.param("offset") else 0
            limit = int(request.param("limit")[0]) if request.param("limit") else 20
        except ValueError:
            offset, limit = 0, 20
        now = time.time()
        with self._lock:
            jobs = sorted(self.jobs.values(), key=lambda job: job.created, reverse=True)
        if settings.list_lag:
            jobs = [job for job in jobs if now - job.created >= settings.list_lag]
        if not settings.ignore_filters:
            wanted = {
                key[len("custom_metadata[") : -1]: value
                for key, value in request.query
                if key.startswith("custom_metadata[") and key.endswith("]")
            }
            statuses = request.param("status")
            jobs = [
                job
                for job in jobs
                if all(str((job.custom_metadata or {}).get(k)) == v for k, v in wanted.items())
                and (not statuses or job.status in statuses)
            ]
        page = jobs[offset : offset + limit]
        base = f"{self.url}/v2/pre-recorded"
        query = "&".join(f"{quote(k)}={quote(v)}" for k, v in request.query if k not in ("offset", "limit"))
        more = f"&{query}" if query else ""
        following = 0 if settings.stuck_next else offset + limit
        return {
            "first": f"{base}?offset=0&limit={limit}{more}",
            "current": f"{base}?offset={offset}&limit={limit}{more}",
            "next": f"{base}?offset={following}&limit={limit}{more}"
            if settings.stuck_next or offset + limit < len(jobs)
            else None,
            "items": [
                job_json(Job(j.id, j.created, j.custom_metadata, j.audio_url, j.status), settings.clock_skew)
                for j in page
            ],
        }


class Loop(asyncio.SelectorEventLoop):
    """The server's event loop, remembering every transport it makes, so none outlives the server."""

    def __init__(self) -> None:
        super().__init__()
        self.made: list[asyncio.Transport] = []

    def _make_socket_transport(
        self, sock: socket.socket, protocol: Any, waiter: Any = None, *, extra: Any = None, server: Any = None
    ) -> Any:
        # As asyncio's own (the same on 3.10 to 3.13), but a transport that fails half-way through being made
        # closes its socket: a connection accepted just as the server closes trips the assertion in asyncio's
        # Server._attach after the transport took the socket, and that half-made transport, in no list, then
        # warned "unclosed transport" in whichever test the garbage collector next ran.
        ensure = getattr(self, "_ensure_fd_no_transport", None)  # 3.12+
        if ensure is not None:
            ensure(sock)
        transport = _SelectorSocketTransport.__new__(_SelectorSocketTransport)
        try:
            transport.__init__(self, sock, protocol, waiter, extra, server)  # type: ignore[misc]
        except BaseException:
            sock.close()
            transport._sock = None  # type: ignore[attr-defined]
            raise
        self.made.append(transport)
        return transport


async def abort_transports(loop: Loop) -> None:
    """Abort every transport `loop` made that is still open, and let the loop close their sockets."""
    for transport in loop.made:
        if not transport.is_closing():
            transport.abort()
    for _ in range(3):
        await asyncio.sleep(0.01)


def release_transports(loop: Loop) -> None:
    """After `loop` closed: close the socket of any transport it made that could not be aborted in time (a
    loop stopped first), so its `__del__` has nothing left to warn about."""
    for transport in loop.made:
        sock: socket.socket | None = getattr(transport, "_sock", None)
        if sock is not None:
            sock.close()
            setattr(transport, "_sock", None)  # noqa: B010


class _Listener(socket.socket):
    """The server's listening socket, remembering every connection it accepts, so none outlives the server."""

    def __init__(self) -> None:
        super().__init__(socket.AF_INET, socket.SOCK_STREAM)
        self.accepted: list[socket.socket] = []

    def accept(self) -> tuple[socket.socket, Any]:
        conn, address = super().accept()
        self.accepted.append(conn)
        return conn, address


def serve() -> Iterator[HostileServer]:
    """The body of each test file's `server` fixture: a fresh server, closed after the test.

    Then the garbage is collected, so a socket the SDK left open fails the test that left it (as a
    ResourceWarning in its teardown), not whichever test the collector happens to run in next. What
    survives is frozen (gc.freeze), so each collection scans only what the last test made: ~2 ms
    instead of ~100 ms, over hundreds of cases.
    """
    running = HostileServer()
    try:
        yield running
    finally:
        running.close()
    del running
    gc.collect()
    gc.freeze()


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path).replace(re.escape("{id}"), "[^/]+"))


# ---------------------------------------------------------------------------------------------- driving the SDK

MODES = ("sync", "async")
KEY = "hostile-key-0f1e2d3c4b5a69788796a5b4"
JOB_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab"


@dataclass
class Outcome:
    """What one SDK call did: its value or its exception, and how long it took."""

    value: Any = None
    error: BaseException | None = None
    elapsed: float = 0.0

    def describe(self) -> str:
        if self.error is None:
            return f"returned {self.value!r:.200} after {self.elapsed:.1f} s"
        return f"raised {type(self.error).__module__}.{type(self.error).__name__}: {self.error!s:.300} after {self.elapsed:.1f} s"


def call(
    mode: str,
    url: str,
    method: str,
    *args: Any,
    client: Mapping[str, Any] | None = None,
    list_limit: int = 1000,
    api: str = "prerecorded",
    with_options: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Outcome:
    """Build a GladiaClient (`mode` "sync") or AsyncGladiaClient ("async") on `url`, make one call of its
    `api` ("prerecorded" or "live"), on a `with_options` copy when given, close it. `list` is drained (at
    most `list_limit` items, so a loop still ends)."""
    from gladia import AsyncGladiaClient, GladiaClient

    settings = {"api_key": KEY, "api_url": url, **(client or {})}
    if method in ("poll", "create_and_poll", "transcribe") and "timeout" in kwargs:
        # The cases name the job deadline `timeout`, its name when they were written: now `wait_timeout`.
        kwargs["wait_timeout"] = kwargs.pop("timeout")
    started = time.monotonic()
    outcome = Outcome()
    try:
        if mode == "sync":
            with GladiaClient(**settings) as gladia:
                copy = gladia.with_options(**with_options) if with_options else gladia
                result = getattr(getattr(copy, api)(), method)(*args, **kwargs)
                if method == "list":
                    result = list(itertools.islice(result, list_limit))
                outcome.value = result
        else:

            async def run() -> Any:
                async with AsyncGladiaClient(**settings) as gladia:
                    copy = gladia.with_options(**with_options) if with_options else gladia
                    calls = getattr(copy, api)()
                    if method == "list":
                        jobs = []
                        async for job in calls.list(*args, **kwargs):
                            jobs.append(job)
                            if len(jobs) >= list_limit:
                                break
                        return jobs
                    return await getattr(calls, method)(*args, **kwargs)

            outcome.value = asyncio.run(run())
    except Exception as exc:  # noqa: BLE001 - the outcome is what the tests judge
        outcome.error = exc
    outcome.elapsed = time.monotonic() - started
    return outcome


def raised(outcome: Outcome, name: str = "GladiaError") -> BaseException:
    """The exception of `outcome`, asserting it is `gladia.errors.<name>`; the failure message says what
    happened instead (including when gladia.errors has no such class yet)."""
    from gladia import errors

    expected = getattr(errors, name, None)
    assert expected is not None, f"gladia.errors has no {name}; the call {outcome.describe()}"
    assert isinstance(outcome.error, expected), f"expected {name}; the call {outcome.describe()}"
    return outcome.error


def typed(outcome: Outcome) -> None:
    """The call returned, or raised a GladiaError (never a raw exception)."""
    if outcome.error is not None:
        raised(outcome, "GladiaError")


def chain(error: BaseException) -> list[BaseException]:
    """`error` and every exception behind it (__cause__ and __context__)."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [error]
    while todo:
        current = todo.pop()
        if any(current is s for s in seen):
            continue
        seen.append(current)
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]
    return seen


def gaps(requests: list[Request]) -> list[float]:
    """Seconds between consecutive requests."""
    return [b.at - a.at for a, b in itertools.pairwise(requests)]


# ---------------------------------------------------------------------------------------------- memory

CHILD = r"""
import asyncio, json, resource, sys
from gladia import AsyncGladiaClient, GladiaClient

url, mode, action, job_id = sys.argv[1:5]
settings = json.loads(sys.argv[5])


def peak():  # bytes (ru_maxrss is in KiB on Linux, in bytes on macOS)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


class Sink:
    written = 0

    def write(self, data):
        self.written += len(data)
        return len(data)


sink = Sink()


def act(api):
    if action == "get":
        return api.get(job_id)
    return api.download(job_id, sink)


report = {}
try:
    if mode == "sync":
        with GladiaClient(api_key=settings.pop("api_key"), api_url=url, **settings) as gladia:
            api = gladia.prerecorded()
            try:  # warm up: every module the call needs
                api.get("00000000-0000-4000-8000-000000000000")
            except Exception:
                pass
            report["baseline"] = peak()
            act(api)
    else:

        async def main():
            async with AsyncGladiaClient(api_key=settings.pop("api_key"), api_url=url, **settings) as gladia:
                api = gladia.prerecorded()
                try:
                    await api.get("00000000-0000-4000-8000-000000000000")
                except Exception:
                    pass
                report["baseline"] = peak()
                result = act(api)
                await result

        asyncio.run(main())
except Exception as exc:
    report["error"] = type(exc).__name__
    report["mro"] = [c.__name__ for c in type(exc).__mro__]
    report["limit"] = getattr(exc, "limit", None)
    report["message"] = str(exc)[:300]
report["peak"] = peak()
report["written"] = sink.written
print(json.dumps(report))
"""


def measure(
    url: str,
    mode: str,
    action: str,
    job_id: str,
    *,
    client: Mapping[str, Any] | None = None,
    kill_above: int = 1536 * MiB,
    timeout: float = 60,
) -> dict[str, Any]:
    """Run one call (`get` or `download` into a sink) in a child process; its report: `baseline` and
    `peak` RSS in bytes (ru_maxrss before and after the call), the `error` raised and its `limit`.

    A watchdog kills the child (and says so in the report) past `kill_above` bytes of RSS, so an SDK that
    reads a hostile answer whole fails the test instead of the machine.
    """
    import subprocess
    import sys

    the_settings = {"api_key": KEY, "max_retries": 0, **(client or {})}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, mode, action, job_id, json.dumps(the_settings)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + timeout
    killed = ""
    highest = 0
    while child.poll() is None:
        try:
            with open(f"/proc/{child.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        highest = max(highest, int(line.split()[1]) * 1024)
        except OSError:
            pass
        if highest > kill_above:
            killed = f"killed at {highest // MiB} MiB of RSS"
        elif time.monotonic() > deadline:
            killed = f"killed after {timeout} s"
        if killed:
            child.kill()
            break
        time.sleep(0.02)
    out, err = child.communicate()
    if killed:
        return {"killed": killed, "baseline": 0, "peak": highest, "error": None}
    lines = out.decode().strip().splitlines()
    assert lines, f"the child printed nothing; stderr: {err.decode()[-2000:]}"
    report: dict[str, Any] = json.loads(lines[-1])
    return report
