"""The attempts of one request: the loop both transports run, and the reading of a JSON answer whole.

The decisions (key, plan, retries, caps) are `Decisions`' (gladia/_core/transport.py); this module only
sends, waits and reads. It is the source of gladia/_core/transport_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

import random
import zlib

import httpx

from gladia._core import aio, clock
from gladia._core.config import ClientConfig
from gladia._core.deadline import DeadlineExceeded
from gladia._core.request import Plan
from gladia._core.transport import (
    FRAMING,
    POOL_LIMITS,
    AsyncPoolOwner,
    BoundedBody,
    Decisions,
    declared_length,
    merged_headers,
    read_in_memory,
    whole_response,
)
from gladia.errors import ClientClosedError


class AsyncGladiaTransport(AsyncPoolOwner, httpx.AsyncBaseTransport):
    """Wraps another httpx transport (by default a pooled one) with Gladia's rules: the key for the API's
    origin only, each attempt within the request's plan (deadline, timeouts, size cap), retries from its
    budget after the answers and failures that are safe to retry."""

    def __init__(
        self,
        config: ClientConfig,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        rng: random.Random | None = None,
        limits: httpx.Limits = POOL_LIMITS,
    ) -> None:
        super().__init__(inner, limits)
        self._decisions = Decisions(config, rng)

    @property
    def retries(self) -> int:
        return self._decisions.retries

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        decisions = self._decisions
        plan = decisions.plan(request)
        inner = await self._pool()
        while True:
            started = clock.monotonic()
            try:
                sent = decisions.attempt(request, plan)
                with aio.deadline_scope(plan.deadline, request):
                    response = await inner.handle_async_request(sent)
                    if plan.max_bytes is not None:
                        # Read the (small, JSON) body here, so a stall or reset in the middle of it is
                        # retried like any other failure, and its size and deadline are checked as it arrives.
                        response = await read_whole(decisions, request, plan, response)
            except httpx.TransportError as error:
                delay = decisions.after_error(request, plan, error)
                if delay is None:
                    raise
            else:
                delay = decisions.after_response(request, plan, response, started, sent)
                if delay is None:
                    return response
                await response.aclose()
            await clock.asleep(delay)


async def read_whole(
    decisions: Decisions, request: httpx.Request, plan: Plan, response: httpx.Response
) -> httpx.Response:
    """The answer with its body read whole and inflated, never past the plan's cap or deadline."""
    assert plan.max_bytes is not None
    if response.is_stream_consumed:  # read already (a response made in memory, as by MockTransport)
        return read_in_memory(decisions, request, plan, response)
    if declared_length(response) > plan.max_bytes + FRAMING:  # too large as announced: not even read
        await response.aclose()
        raise decisions.too_large(request, response.status_code, plan.max_bytes)
    body = BoundedBody(response.headers.get("content-encoding"), plan.max_bytes)
    try:
        async for chunk in response.aiter_raw():
            if not body.feed(chunk):
                raise decisions.too_large(request, response.status_code, plan.max_bytes)
            if plan.deadline.expired():
                raise DeadlineExceeded("the answer did not arrive whole before the deadline", request=request)
        data = body.finish()
    except (zlib.error, httpx.DecodingError) as exc:
        raise decisions.undecodable(request, response.status_code, exc) from None
    finally:
        await response.aclose()
    return whole_response(decisions, request, plan, response, data)


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a caller's own httpx client (its proxies, certificates, auth, hooks, mounts), without
    changing anything in it. Redirects are followed by the SDK's own client, so the key rules hold."""

    #: Its connections belong to the event loop that made them (gladia/_core/transport.py AsyncPoolOwner).
    loop_bound = True

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise ClientClosedError(
                "The httpx client given to AsyncGladiaClient as http_client was closed, so nothing was sent: "
                "keep it open while the Gladia client uses it"
            )
        return await self.client.send(
            merged_headers(request, self.client), stream=True, follow_redirects=False
        )

    async def aclose(self) -> None:
        """Nothing: the caller's client is the caller's to close."""
