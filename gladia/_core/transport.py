"""What the httpx transports every request goes through decide: API key, retries, size caps, logging.

Living at the transport layer means a raw generated endpoint called through `client.raw` gets exactly
the same behaviour as the SDK's own methods. Each request carries its `Plan` (gladia/_core/request.py:
its operation, overall deadline, retry budget, timeouts and size cap), the only settings the transport
reads; a raw call is given its plan by the raw client's request hook, from the same function. The attempt
loop itself is in gladia/_core/transport_async.py (and its generated sync twin, transport_sync.py); the
connection pools, the bounded inflation of a body and a caller's own http_client are here.

The key is never written into the request the caller holds: each attempt is a copy that carries it, sent
only to the configured API origin (so it never follows a redirect to another host), and never over plain
http to a remote host (the configuration refuses such an api_url unless explicitly allowed). A request
or an exception shown later (`err.__cause__.request.headers`) therefore never holds the key.
"""

from __future__ import annotations

import base64
import importlib.util
import os
import random
import sys
import weakref
import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any

import httpx

from gladia._core import aio, clock
from gladia._core import constants as C
from gladia._core.config import ClientConfig, mask_url, origin_of
from gladia._core.deadline import DeadlineExceeded
from gladia._core.log import logger, redacted_headers
from gladia._core.request import Plan, plan_of, stamper
from gladia._core.response import request_id_of
from gladia._core.retry import RetryPolicy
from gladia.errors import ConfigurationError, ResponseTooLargeError, UnexpectedResponseError

#: The pools of the SDK's own transports. httpx keeps 20 idle connections by default; with many
#: requests in flight, httpcore 1.0's pool offers the same idle connection to every request starting
#: at that moment, and all but one loop back for another, scanning every connection each time. On the
#: emulator with 64 jobs in flight that loop took half the client's CPU (bench/RESULTS.md, row 3). With
#: at most 8 idle connections the loop stays short; connections are still reused at low concurrency.
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=8)

# Bodies the SDK reads whole are inflated by the SDK itself, at most up to the cap; it asks only for the
# encodings it inflates that way.
ACCEPT_ENCODING = "gzip, deflate"


def skip_missing_sniffio() -> None:
    """Make `import sniffio` fail fast when sniffio is not installed.

    httpcore 1.0 imports sniffio (optional) each time it sets up an async lock or event, and a failed
    import searches every sys.path entry again: a fifth of the async client's CPU in bench row 3
    (encode/httpcore#1103). Recording the absence once in sys.modules changes no outcome (the import
    still fails, with ModuleNotFoundError), only its cost. Nothing is done when sniffio is installed.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


class Decisions:
    """What both transports decide, independent of how they wait and send: the key, the plan of each
    request, whether to retry an answer or a failure, and the errors for bodies that cannot be read."""

    def __init__(self, config: ClientConfig, rng: random.Random | None) -> None:
        self._config = config
        self._policy = RetryPolicy()
        self._rng = rng or random.Random()
        self.retries = 0  # retries made over this transport's life; read by tests and benchmarks
        self._auth = (
            None
            if config.url_credentials is None
            else "Basic " + base64.b64encode(":".join(config.url_credentials).encode()).decode()
        )

    def plan(self, request: httpx.Request) -> Plan:
        """The request's plan (set by the one request path, or by the raw client's hook); a request that
        has none gets the client's defaults."""
        found = plan_of(request)
        if found is None:
            stamper(self._config)(request)
            found = plan_of(request)
            assert found is not None
        return found

    def attempt(self, request: httpx.Request, plan: Plan) -> httpx.Request:
        """The request to send for one attempt: a copy carrying the key (for the API's origin only)."""
        if plan.deadline.expired():
            raise DeadlineExceeded(
                f"the request's deadline passed before it could be sent ({request.method} {request.url.path})",
                request=request,
            )
        headers = request.headers.copy()
        if origin_of(request.url) == self._config.origin:
            headers[C.API_KEY_HEADER] = self._config.api_key
            if self._auth is not None and "authorization" not in headers:
                headers["Authorization"] = self._auth
        else:
            # Another origin (a redirect to storage, or a user's raw call elsewhere): never the key.
            headers.pop(C.API_KEY_HEADER, None)
        extensions = dict(request.extensions)
        extensions["timeout"] = plan.deadline.clamp_timeout(plan.timeout)
        return httpx.Request(
            request.method, request.url, headers=headers, stream=request.stream, extensions=extensions
        )

    def after_response(
        self,
        request: httpx.Request,
        plan: Plan,
        response: httpx.Response,
        started: float,
        sent: httpx.Request,
    ) -> float | None:
        """The wait before trying again after this answer, or None to return it."""
        logger.info(
            "%s %s -> %d in %.0f ms (request id %s)",
            request.method,
            request.url.path,
            response.status_code,
            (clock.monotonic() - started) * 1000,
            request_id_of(response) or "-",
        )
        if logger.isEnabledFor(10):
            logger.debug("request headers %s", redacted_headers(sent.headers))
        delay = self._policy.delay_after_status(
            plan.operation,
            response.status_code,
            response.headers.get("retry-after"),
            plan.budget.used + 1,
            self._rng,
        )
        return self._spend(request, plan, delay, f"answered {response.status_code}")

    def after_error(self, request: httpx.Request, plan: Plan, error: Exception) -> float | None:
        """The wait before trying again after this failure, or None to raise it."""
        if isinstance(error, DeadlineExceeded):
            return None
        delay = self._policy.delay_after_error(
            plan.operation, error, plan.replayable, plan.budget.used + 1, self._rng
        )
        if delay is None:
            logger.info("%s %s failed: %s", request.method, request.url.path, type(error).__name__)
        return self._spend(request, plan, delay, f"failed ({type(error).__name__})")

    def _spend(self, request: httpx.Request, plan: Plan, delay: float | None, what: str) -> float | None:
        # A wait that would end past the deadline is not made: the failure is reported now instead.
        if delay is None or not plan.deadline.allows(delay) or not plan.budget.take():
            return None
        self.retries += 1
        # INFO, as httpx and openai-python log their retries: a library prints nothing by default.
        logger.info(
            "%s %s %s; retry %d/%d in %.2f s",
            request.method,
            request.url.path,
            what,
            plan.budget.used,
            plan.budget.max_retries,
            delay,
        )
        return delay

    def too_large(self, request: httpx.Request, status: int, limit: int) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"the answer is larger than {limit:,} bytes (max_response_bytes); the SDK stopped reading it",
            limit=limit,
            status_code=status,
            method=request.method,
            url=mask_url(request.url, self._config),
        )

    def undecodable(self, request: httpx.Request, status: int, error: Exception) -> UnexpectedResponseError:
        return UnexpectedResponseError(
            f"the answer's body could not be decompressed ({error})",
            status_code=status,
            method=request.method,
            url=mask_url(request.url, self._config),
        )


_STEP = 1024 * 1024


class BoundedBody:
    """A body read whole: inflated here (never past `limit` bytes, however well it compresses)."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()
        names = [part.strip().lower() for part in (encoding or "").split(",") if part.strip()]
        stages: list[_Zlib | _Other] = []
        for name in names:
            if name in ("gzip", "x-gzip"):
                stages.append(_Zlib(zlib.MAX_WBITS | 16))
            elif name == "deflate":
                stages.append(_Zlib(zlib.MAX_WBITS, raw_fallback=True))
            elif name != "identity":
                stages.append(_Other(name))
        self._stages = stages[::-1]  # the last encoding applied is the first undone

    def feed(self, chunk: bytes) -> bool:
        """Take raw bytes; False once the body is over the cap."""
        self._push(0, chunk)
        return len(self.data) <= self.limit

    def finish(self) -> bytes:
        for index, stage in enumerate(self._stages):
            self._push(index + 1, stage.flush())
        return bytes(self.data)

    def _push(self, stage: int, chunk: bytes) -> None:
        if stage == len(self._stages):
            self.data += chunk
            return
        decoder = self._stages[stage]
        pending = chunk
        while pending and len(self.data) <= self.limit:
            # At most 1 MiB per step: never a large transient copy beside the body being built.
            out = decoder.decompress(pending, max(1, min(_STEP, self.limit + 1 - len(self.data))))
            pending = decoder.unconsumed_tail
            if not out:
                break
            self._push(stage + 1, out)


class _Zlib:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), inflated at most `max_length` at a time."""

    def __init__(self, wbits: int, *, raw_fallback: bool = False) -> None:
        self._z = zlib.decompressobj(wbits)
        self._fallback = raw_fallback

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._fallback:
            self._fallback = False
            try:
                return self._z.decompress(data, max_length)
            except zlib.error:
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._z.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._z.unconsumed_tail

    def flush(self) -> bytes:
        return self._z.flush()


class _Other:
    """An encoding the SDK did not ask for (br, zstd): httpx's decoder, checked against the cap per chunk."""

    unconsumed_tail = b""

    def __init__(self, name: str) -> None:
        from httpx import _decoders  # noqa: PLC0415

        self._decoder = _decoders.SUPPORTED_DECODERS.get(name, _decoders.IdentityDecoder)()

    def decompress(self, data: bytes, max_length: int) -> bytes:
        out: bytes = self._decoder.decode(data)
        return out

    def flush(self) -> bytes:
        out: bytes = self._decoder.flush()
        return out


def _clean_headers(response: httpx.Response, length: int) -> list[tuple[bytes, bytes]]:
    kept = [
        (name, value)
        for name, value in response.headers.raw
        if name.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
    ]
    kept.append((b"content-length", str(length).encode()))
    return kept


# Compression can make a body a little larger than its content, never more than this for a JSON answer.
FRAMING = 64 * 1024


def declared_length(response: httpx.Response) -> int:
    try:
        return int(response.headers.get("content-length", "-1"))
    except ValueError:
        return -1


def read_in_memory(
    decisions: Decisions, request: httpx.Request, plan: Plan, response: httpx.Response
) -> httpx.Response:
    """An answer read already (made in memory, as by httpx.MockTransport), checked against the cap."""
    assert plan.max_bytes is not None
    if len(response.content) > plan.max_bytes:
        raise decisions.too_large(request, response.status_code, plan.max_bytes)
    return response


def whole_response(
    decisions: Decisions, request: httpx.Request, plan: Plan, response: httpx.Response, data: bytes
) -> httpx.Response:
    """The answer rebuilt around its inflated body (read by transport_async.read_whole)."""
    assert plan.max_bytes is not None
    if len(data) > plan.max_bytes:
        raise decisions.too_large(request, response.status_code, plan.max_bytes)
    return httpx.Response(
        response.status_code,
        headers=_clean_headers(response, len(data)),
        content=data,
        extensions=response.extensions,
    )


def _sync_pool(limits: httpx.Limits) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(limits=limits)
    # httpx has no public way to give its pool a network backend; this attribute has been stable across
    # httpcore 1.x (pinned below 2.0). Without it, only the body's arrival is checked against the deadline.
    # Imported here, as httpx imports httpcore: when the first client is made, not with `import gladia`.
    from gladia._core.sockets import deadline_backend  # noqa: PLC0415

    pool = getattr(transport, "_pool", None)
    backend = deadline_backend(getattr(pool, "_network_backend", None))
    if backend is not None:
        pool._network_backend = backend  # type: ignore[union-attr]
    return transport


#: Pools left behind in a forked child: the parent's connections, never used (or closed) by the child,
#: which would otherwise talk on the parent's sockets (and a TLS close would break the parent's session).
_INHERITED: list[object] = []


class PoolOwner:
    """The sync transport's connection pool: its own (made here) or the one it was given. A process made
    by `fork()` gets a fresh pool of its own on its first request, as database drivers do."""

    def __init__(self, inner: httpx.BaseTransport | None, limits: httpx.Limits) -> None:
        self._owns_pool = inner is None
        self._limits = limits
        self._inner = inner or _sync_pool(limits)
        self._pid = os.getpid()

    def _pool(self) -> httpx.BaseTransport:
        if self._pid != os.getpid() and self._owns_pool:
            _INHERITED.append(self._inner)
            self._inner, self._pid = _sync_pool(self._limits), os.getpid()
        return self._inner

    def close(self) -> None:
        if self._pid == os.getpid():
            self._inner.close()


class AsyncPoolOwner:
    """The async transport's connection pools: one per event loop (a pool belongs to the loop that made
    its connections), so a client used from one `asyncio.run()` after another, or from threads each with
    a loop of its own, works. A caller's own httpx.AsyncClient cannot move between loops: used from a second
    one, ConfigurationError says so. After `fork()` the child starts pools of its own."""

    def __init__(self, inner: httpx.AsyncBaseTransport | None, limits: httpx.Limits) -> None:
        skip_missing_sniffio()
        self._given = inner
        self._limits = limits
        self._pools: weakref.WeakKeyDictionary[
            Any, tuple[httpx.AsyncBaseTransport, AsyncGenerator[None, None]]
        ]
        self._pools = weakref.WeakKeyDictionary()
        self._plain: httpx.AsyncBaseTransport | None = None  # the pool used outside asyncio (trio)
        self._given_loop: weakref.ref[Any] | None = None
        self._pid = os.getpid()

    async def _pool(self) -> httpx.AsyncBaseTransport:
        if self._pid != os.getpid():
            _INHERITED.append(self._pools)
            self._pools, self._pid = weakref.WeakKeyDictionary(), os.getpid()
        loop = _running_loop()
        if self._given is not None:
            if not getattr(self._given, "loop_bound", False):
                return self._given
            if loop is not None and self._given_loop is not None and self._given_loop() is not loop:
                raise ConfigurationError(
                    "This async Gladia client was first used in another event loop, and the httpx.AsyncClient "
                    "passed as http_client cannot move between event loops. Make the client (and its "
                    "http_client) inside the event loop that uses it, e.g. once per asyncio.run()"
                )
            if loop is not None:
                self._given_loop = weakref.ref(loop)
            return self._given
        if loop is None:
            if self._plain is None:
                self._plain = httpx.AsyncHTTPTransport(limits=self._limits)
            return self._plain
        found = self._pools.get(loop)
        if found is not None:
            return found[0]
        pool = httpx.AsyncHTTPTransport(limits=self._limits)
        # An async generator started in this loop is closed by the loop's shutdown (asyncio.run calls
        # shutdown_asyncgens): its `finally` then closes this loop's connections while the loop still
        # runs, so none is left open when the loop ends, even if the client is never closed.
        closer = _close_at_loop_end(pool)
        await closer.__anext__()
        self._pools[loop] = (pool, closer)
        return pool

    async def aclose(self) -> None:
        """Close this event loop's pool (the pools of other loops close as their loops end)."""
        if self._given is not None:
            return  # the caller's client is the caller's to close
        loop = _running_loop()
        found = self._pools.pop(loop, None) if loop is not None else None
        if found is not None:
            await found[1].aclose()
        elif loop is None and self._plain is not None:
            await self._plain.aclose()


async def _close_at_loop_end(pool: httpx.AsyncBaseTransport) -> AsyncGenerator[None, None]:
    try:
        yield
    finally:
        await pool.aclose()


def _running_loop() -> object | None:
    try:
        import asyncio  # noqa: PLC0415

        return asyncio.get_running_loop()
    except RuntimeError:  # not asyncio (trio), or no loop: nothing to compare
        return None


# -------------------------------------------------------------------------------- a caller's own client


def merged_headers(request: httpx.Request, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
    """The request with the caller's client headers added where the SDK set none (never its API key header:
    the SDK alone decides where the key goes)."""
    headers = request.headers.copy()
    for name, value in client.headers.multi_items():
        if name.lower() not in headers and name.lower() != C.API_KEY_HEADER:
            headers[name] = value
    return httpx.Request(
        request.method, request.url, headers=headers, stream=request.stream, extensions=request.extensions
    )


class ThreadedClientTransport(httpx.AsyncBaseTransport):
    """Sends async requests through a caller's sync httpx.Client, in worker threads: how
    `GladiaClient(http_client=...).prerecorded_async()` honours the caller's client."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.SyncByteStream):
            raise RuntimeError("an async-only request body cannot go through a sync http_client")
        merged = merged_headers(request, self.client)
        response = await aio.in_thread(lambda: self.client.send(merged, stream=True, follow_redirects=False))
        return httpx.Response(
            response.status_code,
            headers=response.headers.raw,
            stream=_ThreadedStream(response),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Nothing: the caller's client is the caller's to close."""


class _ThreadedStream(httpx.AsyncByteStream):
    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._chunks: Iterator[bytes] = response.iter_raw()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            chunk = await aio.in_thread(next, self._chunks, None)
            if chunk is None:
                return
            yield chunk

    async def aclose(self) -> None:
        await aio.in_thread(self._response.close)
