"""The httpx transports every request goes through: API key, deadlines, size caps, retries, logging.

Living at the transport layer means a raw generated endpoint called through `client.raw` gets exactly
the same behaviour as the SDK's own methods. The SDK's own requests say what they are in
`request.extensions` (their operation, overall deadline and retry budget, set by gladia/_core/request.py);
a raw call without them is recognised from its URL and gets the client's defaults.

The key is never written into the request the caller holds: each attempt is a copy that carries it, sent
only to the configured API origin (so it never follows a redirect to another host), and never over plain
http to a remote host (the configuration refuses such an api_url unless explicitly allowed). A request
or an exception shown later (`err.__cause__.request.headers`) therefore never holds the key.
"""

from __future__ import annotations

import base64
import importlib.util
import random
import sys
import weakref
import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any

import attrs
import httpx

from gladia._core import aio, clock
from gladia._core import constants as C
from gladia._core.config import ClientConfig, mask_url, origin_of
from gladia._core.deadline import CURRENT, Deadline, DeadlineExceeded
from gladia._core.log import logger, redacted_headers
from gladia._core.retry import RetryBudget, RetryPolicy
from gladia._core.routes import Operation, operation_of
from gladia.errors import ConfigurationError, ResponseTooLargeError, UnexpectedResponseError

#: request.extensions keys the pipeline sets on each of the SDK's requests.
OPERATION = "gladia.operation"
DEADLINE = "gladia.deadline"
BUDGET = "gladia.budget"
TIMEOUT = "gladia.timeout"  # an httpx.Timeout for this request only (a per-call override)
MAX_BYTES = "gladia.max_response_bytes"  # a cap for this request's body (None: the client's)
#: Set on a request whose body cannot be sent twice (e.g. a pipe): it is then never retried once sent.
NOT_REPLAYABLE = "gladia.not_replayable"

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


@attrs.define
class _Plan:
    """What the transport knows about one request, across its attempts (and its redirects)."""

    operation: Operation
    deadline: Deadline
    budget: RetryBudget
    timeout: httpx.Timeout
    same_origin: bool
    max_bytes: int | None  # None: the body is streamed to the caller (downloads)


class _Shared:
    """What both transports decide, independent of how they wait and send."""

    def __init__(self, config: ClientConfig, rng: random.Random | None) -> None:
        self._config = config
        self._policy = RetryPolicy(max_retries=config.max_retries)
        self._rng = rng or random.Random()
        self.retries = 0  # retries made over this transport's life; read by tests and benchmarks
        self._auth = (
            None
            if config.url_credentials is None
            else "Basic " + base64.b64encode(":".join(config.url_credentials).encode()).decode()
        )

    def plan(self, request: httpx.Request) -> _Plan:
        same_origin = origin_of(request.url) == self._config.origin
        ext = request.extensions
        operation = ext.get(OPERATION)
        if not isinstance(operation, Operation):
            operation = ext[OPERATION] = (
                operation_of(request.method, request.url.path, self._config.path_prefix)
                if same_origin
                else Operation.OTHER
            )
        # Stored back, so a redirect (which shares these extensions) keeps the same deadline and budget.
        deadline = ext.get(DEADLINE)
        if not isinstance(deadline, Deadline):
            deadline = ext[DEADLINE] = Deadline.after(self._config.request_deadline(operation))
        budget = ext.get(BUDGET)
        if not isinstance(budget, RetryBudget):
            budget = ext[BUDGET] = RetryBudget(self._config.max_retries)
        timeout = ext.get(TIMEOUT)
        if not isinstance(timeout, httpx.Timeout):
            timeout = self._config.timeouts.for_operation(operation)
        max_bytes = ext.get(MAX_BYTES, self._config.max_response_bytes)
        if operation is Operation.DOWNLOAD:
            max_bytes = None
        return _Plan(operation, deadline, budget, timeout, same_origin, max_bytes)

    def attempt(self, request: httpx.Request, plan: _Plan) -> httpx.Request:
        """The request to send for one attempt: a copy carrying the key (for the API's origin only)."""
        if plan.deadline.expired():
            raise DeadlineExceeded(
                f"the request's deadline passed before it could be sent ({request.method} {request.url.path})",
                request=request,
            )
        headers = request.headers.copy()
        if plan.same_origin:
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
        plan: _Plan,
        response: httpx.Response,
        started: float,
        sent: httpx.Request,
    ) -> float | None:
        elapsed_ms = (clock.monotonic() - started) * 1000
        request_id = response.headers.get("x-request-id") or response.headers.get("request-id") or "-"
        logger.info(
            "%s %s -> %d in %.0f ms (request id %s)",
            request.method,
            request.url.path,
            response.status_code,
            elapsed_ms,
            request_id,
        )
        if logger.isEnabledFor(10):
            logger.debug("request headers %s", redacted_headers(sent.headers))
        retry = plan.budget.used + 1
        delay = self._policy.delay_after_status(
            plan.operation, response.status_code, response.headers.get("retry-after"), retry, self._rng
        )
        return self._spend(request, plan, delay, f"answered {response.status_code}")

    def after_error(self, request: httpx.Request, plan: _Plan, error: Exception) -> float | None:
        if isinstance(error, DeadlineExceeded):
            return None
        replayable = not request.extensions.get(NOT_REPLAYABLE, False)
        retry = plan.budget.used + 1
        delay = self._policy.delay_after_error(plan.operation, error, replayable, retry, self._rng)
        if delay is None:
            logger.info("%s %s failed: %s", request.method, request.url.path, type(error).__name__)
        return self._spend(request, plan, delay, f"failed ({type(error).__name__})")

    def _spend(self, request: httpx.Request, plan: _Plan, delay: float | None, what: str) -> float | None:
        # A wait that would end past the deadline is not made: the failure is reported now instead.
        if delay is None or not plan.deadline.allows(delay) or not plan.budget.take():
            return None
        self.retries += 1
        logger.warning(
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


class _Body:
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
_FRAMING = 64 * 1024


def _declared_length(response: httpx.Response) -> int:
    try:
        return int(response.headers.get("content-length", "-1"))
    except ValueError:
        return -1


def _in_memory(
    shared: _Shared, request: httpx.Request, plan: _Plan, response: httpx.Response
) -> httpx.Response:
    assert plan.max_bytes is not None
    if len(response.content) > plan.max_bytes:
        raise shared.too_large(request, response.status_code, plan.max_bytes)
    return response


def _read_whole(
    shared: _Shared, request: httpx.Request, plan: _Plan, response: httpx.Response
) -> httpx.Response:
    assert plan.max_bytes is not None
    if response.is_stream_consumed:  # read already (a response made in memory, as by MockTransport)
        return _in_memory(shared, request, plan, response)
    if _declared_length(response) > plan.max_bytes + _FRAMING:  # too large as announced: not even read
        response.close()
        raise shared.too_large(request, response.status_code, plan.max_bytes)
    body = _Body(response.headers.get("content-encoding"), plan.max_bytes)
    try:
        for chunk in response.iter_raw():
            if not body.feed(chunk):
                raise shared.too_large(request, response.status_code, plan.max_bytes)
            if plan.deadline.expired():
                raise DeadlineExceeded("the answer did not arrive whole before the deadline", request=request)
        data = body.finish()
    except (zlib.error, httpx.DecodingError) as exc:
        raise shared.undecodable(request, response.status_code, exc) from None
    finally:
        response.close()
    if len(data) > plan.max_bytes:
        raise shared.too_large(request, response.status_code, plan.max_bytes)
    return httpx.Response(
        response.status_code,
        headers=_clean_headers(response, len(data)),
        content=data,
        extensions=response.extensions,
    )


async def _aread_whole(
    shared: _Shared, request: httpx.Request, plan: _Plan, response: httpx.Response
) -> httpx.Response:
    assert plan.max_bytes is not None
    if response.is_stream_consumed:
        return _in_memory(shared, request, plan, response)
    if _declared_length(response) > plan.max_bytes + _FRAMING:  # too large as announced: not even read
        await response.aclose()
        raise shared.too_large(request, response.status_code, plan.max_bytes)
    body = _Body(response.headers.get("content-encoding"), plan.max_bytes)
    try:
        async for chunk in response.aiter_raw():
            if not body.feed(chunk):
                raise shared.too_large(request, response.status_code, plan.max_bytes)
            if plan.deadline.expired():
                raise DeadlineExceeded("the answer did not arrive whole before the deadline", request=request)
        data = body.finish()
    except (zlib.error, httpx.DecodingError) as exc:
        raise shared.undecodable(request, response.status_code, exc) from None
    finally:
        await response.aclose()
    if len(data) > plan.max_bytes:
        raise shared.too_large(request, response.status_code, plan.max_bytes)
    return httpx.Response(
        response.status_code,
        headers=_clean_headers(response, len(data)),
        content=data,
        extensions=response.extensions,
    )


def _sync_pool() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(limits=POOL_LIMITS)
    # httpx has no public way to give its pool a network backend; this attribute has been stable across
    # httpcore 1.x (pinned below 2.0). Without it, only the body's arrival is checked against the deadline.
    # Imported here, as httpx imports httpcore: when the first client is made, not with `import gladia`.
    from gladia._core.sockets import deadline_backend  # noqa: PLC0415

    pool = getattr(transport, "_pool", None)
    backend = deadline_backend(getattr(pool, "_network_backend", None))
    if backend is not None:
        pool._network_backend = backend  # type: ignore[union-attr]
    return transport


class GladiaTransport(httpx.BaseTransport):
    """Wraps another httpx transport (by default a pooled HTTPTransport) with Gladia's rules."""

    def __init__(
        self,
        config: ClientConfig,
        inner: httpx.BaseTransport | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self._inner = inner or _sync_pool()
        self._shared = _Shared(config, rng)

    @property
    def retries(self) -> int:
        return self._shared.retries

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        plan = self._shared.plan(request)
        while True:
            started = clock.monotonic()
            token = CURRENT.set(plan.deadline)
            try:
                sent = self._shared.attempt(request, plan)
                response = self._inner.handle_request(sent)
                if plan.max_bytes is not None:
                    # Read the (small, JSON) body here, so a stall or reset in the middle of it is retried
                    # like any other failure, and its size and deadline are checked as it arrives.
                    response = _read_whole(self._shared, request, plan, response)
            except httpx.TransportError as error:
                delay = self._shared.after_error(request, plan, error)
                if delay is None:
                    raise
            else:
                delay = self._shared.after_response(request, plan, response, started, sent)
                if delay is None:
                    return response
                response.close()
            finally:
                CURRENT.reset(token)
            clock.sleep(delay)

    def close(self) -> None:
        self._inner.close()


class AsyncGladiaTransport(httpx.AsyncBaseTransport):
    """The async sibling of GladiaTransport: same rules, waits without blocking the event loop.

    The connection pool it makes belongs to one event loop; used from another one (a second
    `asyncio.run()`), it starts a new pool there instead of failing.
    """

    def __init__(
        self,
        config: ClientConfig,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        rng: random.Random | None = None,
        limits: httpx.Limits = POOL_LIMITS,
    ) -> None:
        skip_missing_sniffio()
        self._owns_pool = inner is None
        self._limits = limits
        self._inner = inner or httpx.AsyncHTTPTransport(limits=limits)
        self._loop: weakref.ref[Any] | None = None
        self._closer: AsyncGenerator[None, None] | None = None
        self._shared = _Shared(config, rng)

    @property
    def retries(self) -> int:
        return self._shared.retries

    async def _pool(self) -> httpx.AsyncBaseTransport:
        loop = _running_loop()
        if loop is None or (self._loop is not None and self._loop() is loop):
            return self._inner
        if self._loop is not None:
            if not self._owns_pool:
                raise ConfigurationError(
                    "This async Gladia client was first used in another event loop, and the httpx.AsyncClient "
                    "passed as http_client cannot move between event loops. Make the client (and its "
                    "http_client) inside the event loop that uses it, e.g. once per asyncio.run()"
                )
            # The old pool was closed when its loop ended (below); this loop gets a pool of its own.
            self._inner = httpx.AsyncHTTPTransport(limits=self._limits)
        self._loop = weakref.ref(loop)
        if self._owns_pool:
            # An async generator started in this loop is closed by the loop's shutdown (asyncio.run calls
            # shutdown_asyncgens): its `finally` then closes this loop's connections while the loop still
            # runs, so none is left open when the loop ends, even if the client is never closed.
            closer = _close_at_loop_end(self._inner)
            await closer.__anext__()
            self._closer = closer
        return self._inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import anyio  # noqa: PLC0415  (async code only: sync users never import it)

        plan = self._shared.plan(request)
        inner = await self._pool()
        while True:
            started = clock.monotonic()
            try:
                sent = self._shared.attempt(request, plan)
                left = plan.deadline.remaining()
                with anyio.fail_after(left if left is not None else float("inf")):
                    response = await inner.handle_async_request(sent)
                    if plan.max_bytes is not None:
                        response = await _aread_whole(self._shared, request, plan, response)
            except TimeoutError:
                error: Exception = DeadlineExceeded(
                    f"no whole answer before the deadline ({request.method} {request.url.path})",
                    request=request,
                )
                self._shared.after_error(request, plan, error)
                raise error from None
            except httpx.TransportError as exc:
                delay = self._shared.after_error(request, plan, exc)
                if delay is None:
                    raise
            else:
                delay = self._shared.after_response(request, plan, response, started, sent)
                if delay is None:
                    return response
                await response.aclose()
            await clock.asleep(delay)

    async def aclose(self) -> None:
        if self._loop is not None and self._loop() is not _running_loop():
            return  # that loop's pool was (or will be) closed as its loop ends; nothing is bound to this one
        if self._closer is not None:
            closer, self._closer = self._closer, None
            await closer.aclose()
        else:
            await self._inner.aclose()


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


def _merged(request: httpx.Request, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
    """The request with the caller's client headers added where the SDK set none (never its API key header:
    the SDK alone decides where the key goes)."""
    headers = request.headers.copy()
    for name, value in client.headers.multi_items():
        if name.lower() not in headers and name.lower() != C.API_KEY_HEADER:
            headers[name] = value
    return httpx.Request(
        request.method, request.url, headers=headers, stream=request.stream, extensions=request.extensions
    )


class ClientTransport(httpx.BaseTransport):
    """Sends through a caller's own httpx.Client (its proxies, certificates, auth, hooks, mounts), without
    changing anything in it. Redirects are followed by the SDK's own client, so the key rules hold."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise httpx.ConnectError("the http_client given to GladiaClient was closed", request=request)
        return self.client.send(_merged(request, self.client), stream=True, follow_redirects=False)

    def close(self) -> None:
        """Nothing: the caller's client is the caller's to close."""


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """The async sibling of ClientTransport, for an httpx.AsyncClient of the caller's."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise httpx.ConnectError("the http_client given to AsyncGladiaClient was closed", request=request)
        return await self.client.send(_merged(request, self.client), stream=True, follow_redirects=False)

    async def aclose(self) -> None:
        """Nothing: the caller's client is the caller's to close."""


class ThreadedClientTransport(httpx.AsyncBaseTransport):
    """Sends async requests through a caller's sync httpx.Client, in worker threads: how
    `GladiaClient(http_client=...).prerecorded_async()` honours the caller's client."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.SyncByteStream):
            raise RuntimeError("an async-only request body cannot go through a sync http_client")
        merged = _merged(request, self.client)
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
