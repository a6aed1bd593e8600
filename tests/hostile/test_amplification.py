"""Retry amplification and the caller's own pool: one retry budget per call whichever layer spends it, a
caller's httpx client never changed nor closed, and a failed download never leaves half a file."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gladia import AsyncGladiaClient, GladiaClient, errors
from tests.conftest import make_wav
from tests.hostile import server as H

GET = ("GET", "/v2/pre-recorded/{id}")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


def _settings(client: httpx.Client | httpx.AsyncClient) -> tuple[object, ...]:
    return (
        repr(client.timeout),
        str(client.base_url),
        client.headers.get("user-agent"),
        client.follow_redirects,
    )


@pytest.mark.timeout(30)
def test_a_shared_caller_client_is_neither_changed_nor_wrapped_twice(server: H.HostileServer) -> None:
    server.always(*GET, H.json_reply({"message": "down"}, 503))
    with httpx.Client(timeout=7.0, headers={"User-Agent": "mine/1.0"}) as mine:
        before = _settings(mine)
        first = GladiaClient(api_key=H.KEY, api_url=server.url, max_retries=1, http_client=mine)
        second = GladiaClient(api_key=H.KEY, api_url=server.url, max_retries=1, http_client=mine)
        for gladia in (first, second):
            with pytest.raises(errors.InternalServerError):
                gladia.prerecorded().get(H.JOB_ID)
        assert server.count(*GET) == 4  # (max_retries + 1) per call, not per layer
        first.close()
        second.close()
        assert _settings(mine) == before
        assert not mine.is_closed  # the caller's: left to the caller
        assert mine.get(f"{server.url}/v2/pre-recorded/{H.JOB_ID}").status_code == 503


@pytest.mark.timeout(30)
def test_a_shared_caller_async_client_is_neither_changed_nor_wrapped_twice(server: H.HostileServer) -> None:
    server.always(*GET, H.json_reply({"message": "down"}, 503))

    async def run() -> None:
        async with httpx.AsyncClient(timeout=7.0, headers={"User-Agent": "mine/1.0"}) as mine:
            before = _settings(mine)
            clients = [
                AsyncGladiaClient(api_key=H.KEY, api_url=server.url, max_retries=1, http_client=mine)
                for _ in range(2)
            ]
            for gladia in clients:
                with pytest.raises(errors.InternalServerError):
                    await gladia.prerecorded().get(H.JOB_ID)
                await gladia.close()
            assert server.count(*GET) == 4
            assert _settings(mine) == before
            assert not mine.is_closed

    asyncio.run(run())


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.truncate(make_wav(1)[:5000], 32_044), id="truncated"),
        pytest.param(H.reset(after_head=True), id="reset"),
    ],
)
def test_a_failed_download_leaves_no_file(
    server: H.HostileServer, tmp_path: Path, mode: str, answer: H.Handler
) -> None:
    job = server.add_job()
    server.always("GET", "/v2/pre-recorded/{id}/file", answer)
    target = tmp_path / "audio.wav"
    outcome = H.call(mode, server.url, "download", job.id, target, client={"max_retries": 1})
    H.raised(outcome, "APIConnectionError")
    assert list(tmp_path.iterdir()) == []  # neither half a file nor a temporary one
    assert 1 <= server.count("GET", "/v2/pre-recorded/{id}/file") <= 2  # max_retries + 1 at most


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_client_keeps_working_after_hostile_answers(server: H.HostileServer, mode: str) -> None:
    # Each broken connection is dropped from the pool, not handed to the next call.
    job = server.add_job()
    server.on(
        *GET,
        H.truncate(b'{"id": "'),
        H.drip(b'{"id": "' + b" " * 100, 0.2),
        H.endless(),
        H.nested_json(50_000),
        H.gzip_bomb(4 * H.MiB),
    )

    async def run_async() -> list[object]:
        async with AsyncGladiaClient(
            api_key=H.KEY, api_url=server.url, max_retries=0, timeout=1, max_response_bytes=H.MiB
        ) as gladia:
            api = gladia.prerecorded()
            results: list[object] = []
            for _ in range(6):
                try:
                    results.append(await api.get(job.id))
                except errors.GladiaError as exc:
                    results.append(exc)
            return results

    if mode == "sync":
        results: list[object] = []
        with GladiaClient(
            api_key=H.KEY, api_url=server.url, max_retries=0, timeout=1, max_response_bytes=H.MiB
        ) as gladia:
            for _ in range(6):
                try:
                    results.append(gladia.prerecorded().get(job.id))
                except errors.GladiaError as exc:
                    results.append(exc)
    else:
        results = asyncio.run(run_async())
    assert all(isinstance(r, errors.GladiaError) for r in results[:5]), results
    assert getattr(results[5], "id", None) == job.id, results[5]


@pytest.mark.timeout(20)
def test_prerecorded_async_honours_the_callers_client(server: H.HostileServer) -> None:
    # The caller's client carries what the SDK cannot know (a proxy's header here); the async side of a
    # GladiaClient must send through it too, and leave it open.
    job = server.add_job()
    with httpx.Client(headers={"x-proxy-ticket": "ticket-1"}) as mine:
        gladia = GladiaClient(api_key=H.KEY, api_url=server.url, http_client=mine)
        assert gladia.prerecorded().get(job.id).id == job.id

        async def run() -> str:
            found = await gladia.prerecorded_async().get(job.id)
            await gladia.aclose()
            return found.id

        assert asyncio.run(run()) == job.id
        gladia.close()
        assert not mine.is_closed
    tickets = [r.headers.get("x-proxy-ticket") for r in server.received(*GET)]
    assert tickets == ["ticket-1", "ticket-1"], tickets
