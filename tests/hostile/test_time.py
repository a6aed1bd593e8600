"""Time: every request ends by the client's timeout, every poll by its own, whatever the server does."""

from __future__ import annotations

import contextlib
import gc
import json
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import make_wav
from tests.hostile import server as H

T = 1.0  # the timeouts given to the SDK
SLACK = 5.0  # what the SDK may take beyond them
BODY = json.dumps(H.job_json(H.Job(H.JOB_ID, 1.7e9, None, ""))).encode()


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


# ------------------------------------------------------------------------------------------ one request


HEAD = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(BODY)}\r\n\r\n".encode()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        pytest.param(H.drip(BODY, 0.3), "APITimeoutError", id="drip-one-byte-per-0.3s"),
        pytest.param(H.endless(b" ", 0.05), "APITimeoutError", id="endless-chunked-body"),
        pytest.param(H.raw(HEAD + BODY, 0.1), "APITimeoutError", id="drip-the-head-too"),
        pytest.param(
            H.drip(b'{"message": "' + b"x" * 200 + b'"}', 0.2, status=400),
            "APITimeoutError",
            id="drip-an-error-body",
        ),
        # Header lines forever: whichever comes first, the header size limit or the deadline.
        pytest.param(H.endless_headers(0.2), "APIConnectionError", id="endless-headers"),
    ],
)
def test_a_slow_answer_ends_within_the_clients_timeout(
    server: H.HostileServer, mode: str, answer: H.Handler, error: str
) -> None:
    # httpx's read timeout only bounds the silence between bytes: none of these is ever silent for long.
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"timeout": T, "max_retries": 0})
    H.raised(outcome, error)
    assert outcome.elapsed <= T + 3, outcome.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        pytest.param(H.truncate(BODY[:20], len(BODY)), "APIConnectionError", id="truncated"),
        pytest.param(H.reset(), "APIConnectionError", id="reset"),
        pytest.param(H.reset(after_head=True), "APIConnectionError", id="reset-after-head"),
    ],
)
def test_a_broken_answer_is_retried_then_raised_typed(
    server: H.HostileServer, mode: str, answer: H.Handler, error: str
) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"timeout": T, "max_retries": 1})
    H.raised(outcome, error)
    assert server.count("GET", "/v2/pre-recorded/{id}") == 2  # max_retries + 1, no more


# ------------------------------------------------------------------------------------------ whole flows


def _silent_get(server: H.HostileServer) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", H.silent())


def _retry_after_30(server: H.HostileServer) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", H.retry_after("30", status=503))


def _silent_create(server: H.HostileServer) -> None:
    server.always("POST", "/v2/pre-recorded", H.silent())


def _silent_upload(server: H.HostileServer) -> None:
    server.always("POST", "/v2/upload", H.silent())


def _create_retry_after_30(server: H.HostileServer) -> None:
    server.always("POST", "/v2/pre-recorded", H.retry_after("30", status=503))


def _silent_lookup(server: H.HostileServer) -> None:
    server.always("POST", "/v2/pre-recorded", H.create_then(500))
    server.always("GET", "/v2/pre-recorded", H.silent())


FLOWS = [
    pytest.param("poll", _silent_get, id="poll-silent-server"),
    pytest.param("poll", _retry_after_30, id="poll-503-retry-after-30"),
    pytest.param("create_and_poll", _silent_get, id="create_and_poll-silent-get"),
    pytest.param("transcribe", _silent_create, id="transcribe-silent-create"),
    pytest.param("transcribe", _silent_upload, id="transcribe-silent-upload"),
    pytest.param("transcribe", _create_retry_after_30, id="transcribe-create-503-retry-after-30"),
    pytest.param("create_and_poll", _silent_lookup, id="create_and_poll-500-then-silent-lookup"),
]
# The async client runs the same pipeline: two flows are enough to show it keeps the same deadlines.
ASYNC_FLOWS = ("poll-silent-server", "transcribe-silent-create")
CASES = [
    pytest.param(mode, *flow.values, id=f"{flow.id}-{mode}")
    for flow in FLOWS
    for mode in H.MODES
    if mode == "sync" or flow.id in ASYNC_FLOWS
]


@pytest.mark.timeout(25)
@pytest.mark.parametrize(("mode", "flow", "sabotage"), CASES)
def test_a_flow_returns_or_raises_by_its_timeout_whatever_the_server_does(
    server: H.HostileServer, mode: str, flow: str, sabotage: object
) -> None:
    job = server.add_job(status="processing")
    server.settings.job_status = "processing"
    sabotage(server)  # type: ignore[operator]
    args: dict[str, object] = {
        "poll": {"job_id": job.id},
        "create_and_poll": {"options": {"audio_url": "https://example.com/a.wav"}},
        "transcribe": {"source": make_wav(0.2)},
    }[flow]  # type: ignore[assignment]
    # No client timeout: the SDK's own per-kind defaults (30 s and more) must not outlast the poll's.
    outcome = H.call(mode, server.url, flow, **args, timeout=T)
    H.typed(outcome)
    assert outcome.elapsed <= T + SLACK, outcome.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_an_upload_the_server_reads_slowly_ends_within_the_clients_timeout(
    server: H.HostileServer, mode: str
) -> None:
    server.early("POST", "/v2/upload")
    server.always("POST", "/v2/upload", H.slow_reader(200_000))  # 16 s for these 3.2 MB
    outcome = H.call(mode, server.url, "upload_file", make_wav(100), client={"timeout": T, "max_retries": 0})
    H.raised(outcome, "APITimeoutError")
    assert outcome.elapsed <= T + 3, outcome.describe()


@pytest.mark.timeout(20)
def test_waiting_for_a_pooled_connection_counts_against_the_deadline(server: H.HostileServer) -> None:
    # Ten calls through a caller's pool of two connections, to a silent server: each call's deadline
    # covers its wait for a connection, so all ten end by T, not in five rounds of T.
    import asyncio

    import httpx

    from gladia import AsyncGladiaClient

    server.always("GET", "/v2/pre-recorded/{id}", H.silent())

    async def run() -> list[object]:
        limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
        async with (
            httpx.AsyncClient(limits=limits) as pool,
            AsyncGladiaClient(
                api_key=H.KEY, api_url=server.url, timeout=T, max_retries=0, http_client=pool
            ) as gladia,
        ):
            api = gladia.prerecorded()
            return await asyncio.gather(*(api.get(H.JOB_ID) for _ in range(10)), return_exceptions=True)

    started = time.monotonic()
    with upstream_transport_leaks() as leaked:
        results = asyncio.run(run())
        elapsed = time.monotonic() - started
        kinds = [f"{type(r).__name__}: {r}" for r in results]
        del results  # their tracebacks hold what the requests held, collected on leaving the block
    assert all(kind.startswith("APITimeoutError") for kind in kinds), kinds
    assert elapsed <= T + 3, f"ten calls took {elapsed:.1f} s"
    assert len(leaked) <= 1, leaked


@contextlib.contextmanager
def upstream_transport_leaks() -> Iterator[list[str]]:
    """Collect, and list instead of failing on, the asyncio transports left unclosed inside the block.

    When a cancellation lands while httpx (httpcore on anyio) is opening a pooled connection, that
    connection's transport can be left unclosed: about one run in sixty under load, reproduced with plain
    httpx and `anyio.fail_after` around `AsyncClient.get`, no SDK code involved. It is not this test's
    subject (the deadline is), so it is listed here rather than failing the test, or a later one when the
    garbage collector gets to it. Any other unraisable exception still fails the test."""
    leaked: list[str] = []
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        value = unraisable.exc_value
        if isinstance(value, ResourceWarning) and "unclosed transport" in str(value):
            leaked.append(str(value))
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield leaked
        gc.collect()
    finally:
        sys.unraisablehook = previous


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.retry_after("30", status=503), id="503-retry-after-30"),
        pytest.param(H.json_reply({"message": "busy"}, 503), id="503-forever"),
        pytest.param(H.reset(), id="reset-forever"),
    ],
)
def test_retries_and_their_waits_end_by_the_clients_timeout(
    server: H.HostileServer, mode: str, answer: H.Handler
) -> None:
    # With the default budget (4 retries, waits up to 8 s, Retry-After up to 60 s), one call still ends
    # by its deadline: a wait that would pass it is not started.
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"timeout": T})
    H.typed(outcome)
    assert outcome.error is not None
    assert outcome.elapsed <= T + 2, outcome.describe()
