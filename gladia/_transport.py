"""The httpx transports every request goes through: API key, per-operation timeouts, retries, logging.

Living at the transport layer means a raw generated endpoint called through `client.raw` gets exactly
the same behaviour as the SDK's own methods. The key is attached only to requests for the configured
API origin, so it never follows a redirect to another host, and never leaves over plain http to a
remote host (the configuration refuses such an api_url unless explicitly allowed).
"""

from __future__ import annotations

import importlib.util
import random
import sys
import time
from typing import Any

import httpx

from gladia import _aio
from gladia import _constants as C
from gladia._config import ClientConfig, origin_of
from gladia._logging import logger, redacted_headers
from gladia._retry import RetryPolicy
from gladia._routes import Operation, operation_of

#: Set on a request whose body cannot be sent twice (e.g. a pipe): it is then never retried once sent.
NOT_REPLAYABLE = "gladia.not_replayable"
#: Set on a request that carries its own `timeout` extension, which the transport must then keep.
OWN_TIMEOUT = "gladia.own_timeout"

#: The pools of the SDK's own transports. httpx keeps 20 idle connections by default; with many
#: requests in flight, httpcore 1.0's pool offers the same idle connection to every request starting
#: at that moment, and all but one loop back for another, scanning every connection each time. On the
#: emulator with 64 jobs in flight that loop took half the client's CPU (bench/RESULTS.md, row 3). With
#: at most 8 idle connections the loop stays short; connections are still reused at low concurrency.
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=8)


def skip_missing_sniffio() -> None:
    """Make `import sniffio` fail fast when sniffio is not installed.

    httpcore 1.0 imports sniffio (optional) each time it sets up an async lock or event, and a failed
    import searches every sys.path entry again: a fifth of the async client's CPU in bench row 3
    (encode/httpcore#1103). Recording the absence once in sys.modules changes no outcome (the import
    still fails, with ModuleNotFoundError), only its cost. Nothing is done when sniffio is installed.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


class _Shared:
    """What both transports decide, independent of how they wait and send."""

    def __init__(self, config: ClientConfig, rng: random.Random | None) -> None:
        self._config = config
        self._policy = RetryPolicy(max_retries=config.max_retries)
        self._rng = rng or random.Random()
        self.retries = 0  # retries made over this transport's life; read by tests and benchmarks

    def prepare(self, request: httpx.Request) -> Operation:
        """Attach or strip the key and set the timeout; return which operation this is."""
        if origin_of(request.url) != self._config.origin:
            # Another origin (a redirect to storage, or a user's raw call elsewhere): never the key.
            request.headers.pop(C.API_KEY_HEADER, None)
            return Operation.OTHER
        request.headers[C.API_KEY_HEADER] = self._config.api_key
        operation = operation_of(request.method, request.url.path, self._config.path_prefix)
        if not request.extensions.get(OWN_TIMEOUT):
            request.extensions["timeout"] = self._config.timeouts.for_operation(operation).as_dict()
        return operation

    def after_response(
        self,
        request: httpx.Request,
        operation: Operation,
        response: httpx.Response,
        retry: int,
        started: float,
    ) -> float | None:
        elapsed_ms = (time.monotonic() - started) * 1000
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
            logger.debug("request headers %s", redacted_headers(request.headers))
        delay = self._policy.delay_after_status(
            operation, response.status_code, response.headers.get("retry-after"), retry, self._rng
        )
        if delay is not None:
            self.retries += 1
            logger.warning(
                "%s %s answered %d; retry %d/%d in %.2f s",
                request.method,
                request.url.path,
                response.status_code,
                retry,
                self._config.max_retries,
                delay,
            )
        return delay

    def after_error(
        self, request: httpx.Request, operation: Operation, error: Exception, retry: int
    ) -> float | None:
        replayable = not request.extensions.get(NOT_REPLAYABLE, False)
        delay = self._policy.delay_after_error(operation, error, replayable, retry, self._rng)
        if delay is not None:
            self.retries += 1
            logger.warning(
                "%s %s failed (%s); retry %d/%d in %.2f s",
                request.method,
                request.url.path,
                type(error).__name__,
                retry,
                self._config.max_retries,
                delay,
            )
        else:
            logger.info("%s %s failed: %s: %s", request.method, request.url.path, type(error).__name__, error)
        return delay


class GladiaTransport(httpx.BaseTransport):
    """Wraps another httpx transport (by default a pooled HTTPTransport) with Gladia's rules."""

    def __init__(
        self,
        config: ClientConfig,
        inner: httpx.BaseTransport | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self._inner = inner or httpx.HTTPTransport(limits=POOL_LIMITS)
        self._shared = _Shared(config, rng)

    @property
    def retries(self) -> int:
        return self._shared.retries

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        operation = self._shared.prepare(request)
        retry = 0
        while True:
            retry += 1
            started = time.monotonic()
            try:
                response = self._inner.handle_request(request)
                if operation is not Operation.DOWNLOAD:
                    # Read the (small, JSON) body here, so a stall or reset in the middle of it is retried
                    # like any other failure; downloads stay streamed.
                    _read(response)
            except httpx.TransportError as error:
                delay = self._shared.after_error(request, operation, error, retry)
                if delay is None:
                    raise
            else:
                delay = self._shared.after_response(request, operation, response, retry, started)
                if delay is None:
                    return response
                response.close()
            time.sleep(delay)

    def close(self) -> None:
        self._inner.close()


class AsyncGladiaTransport(httpx.AsyncBaseTransport):
    """The async sibling of GladiaTransport: same rules, waits without blocking the event loop."""

    def __init__(
        self,
        config: ClientConfig,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        skip_missing_sniffio()
        self._inner = inner or httpx.AsyncHTTPTransport(limits=POOL_LIMITS)
        self._shared = _Shared(config, rng)

    @property
    def retries(self) -> int:
        return self._shared.retries

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        operation = self._shared.prepare(request)
        retry = 0
        while True:
            retry += 1
            started = time.monotonic()
            try:
                response = await self._inner.handle_async_request(request)
                if operation is not Operation.DOWNLOAD:
                    await _aread(response)  # as in GladiaTransport: body failures are retried too
            except httpx.TransportError as error:
                delay = self._shared.after_error(request, operation, error, retry)
                if delay is None:
                    raise
            else:
                delay = self._shared.after_response(request, operation, response, retry, started)
                if delay is None:
                    return response
                await response.aclose()
            await _aio.sleep(delay)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _read(response: httpx.Response) -> None:
    try:
        response.read()
    except BaseException:
        response.close()
        raise


async def _aread(response: httpx.Response) -> None:
    try:
        await response.aread()
    except BaseException:
        await response.aclose()
        raise


def install(client: httpx.Client | httpx.AsyncClient, wrap: Any) -> None:
    """Put `wrap(inner)` in front of every transport of a user-supplied httpx client, mounts included."""
    # httpx has no public way to wrap a client's transports; these attributes have been stable across
    # the httpx 0.x releases we support (pinned below 1.0).
    client._transport = wrap(client._transport)
    client._mounts = {
        pattern: (None if inner is None else wrap(inner)) for pattern, inner in client._mounts.items()
    }
