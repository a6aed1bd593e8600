"""The request pipeline: one budget per call, deadlines, the caller's own httpx client, the bracket filter,
and the decisions the README's Reliability section documents. Real HTTP: the emulator or the hostile server."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from urllib.parse import parse_qsl

import httpx
import pytest

from gladia import AsyncGladiaClient, GladiaClient, errors
from gladia._core import constants as C
from gladia.prerecorded._idempotency import REQUEST_ID_KEY
from gladia.testing import Emulator
from tests.hostile import server as H

GET = ("GET", "/v2/pre-recorded/{id}")
CREATE = ("POST", "/v2/pre-recorded")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    with H.HostileServer() as running:
        yield running


@pytest.fixture
def quick_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(C, "RECONCILE_LOOK_DELAYS", (0.05, 0.05))


# ------------------------------------------------------------------------------------------ budget


@pytest.mark.timeout(30)
@pytest.mark.parametrize("max_retries", [0, 2, 4])
def test_a_create_failing_every_time_spends_one_budget(
    server: H.HostileServer, quick_lookups: None, max_retries: int
) -> None:
    server.always(*CREATE, H.json_reply({"message": "down"}, 503))
    outcome = H.call(
        "sync",
        server.url,
        "create",
        {"audio_url": "https://example.com/a.wav"},
        client={"max_retries": max_retries},
    )
    H.raised(outcome, "InternalServerError")
    assert server.count(*CREATE) == max_retries + 1  # not (max_retries + 1) ** 2
    # Each failure is followed by one lookup (three looks, in case the list lags) before the next attempt.
    assert server.count("GET", "/v2/pre-recorded") == (max_retries + 1) * 3
    assert server.created == []


@pytest.mark.timeout(30)
def test_a_429_spends_the_same_budget_as_the_lookups(server: H.HostileServer, quick_lookups: None) -> None:
    server.on(*CREATE, H.retry_after("0", 429), H.json_reply({"message": "down"}, 500))
    server.always(*CREATE, H.retry_after("0", 429))
    outcome = H.call(
        "sync", server.url, "create", {"audio_url": "https://example.com/a.wav"}, client={"max_retries": 3}
    )
    H.raised(outcome, "APIError")
    assert server.count(*CREATE) == 4


# ------------------------------------------------------------------------------------------ deadlines


@pytest.mark.timeout(20)
def test_a_raw_generated_call_gets_the_clients_deadline_too(server: H.HostileServer) -> None:
    import gladia_api
    from gladia_api.api.pre_recorded import get_transcription

    server.always(*GET, H.drip(b'{"id": "' + b"x" * 200 + b'"}', 0.2))
    with GladiaClient(api_key=H.KEY, api_url=server.url, timeout=1.5, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):
            get_transcription.sync_detailed(H.JOB_ID, client=client.raw)
        assert time.monotonic() - started < 3
    assert isinstance(client.raw, gladia_api.Client)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_download_that_drips_ends_by_the_clients_timeout(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    server.always("GET", "/v2/pre-recorded/{id}/file", H.endless(b"RIFF" * 256, 0.05))
    outcome = H.call(mode, server.url, "download_bytes", job.id, client={"timeout": 1.5, "max_retries": 0})
    H.raised(outcome, "APITimeoutError")
    assert outcome.elapsed < 4, outcome.describe()


# ------------------------------------------------------------------------------------------ size caps


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_max_response_bytes_is_configurable(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    outcome = H.call(mode, server.url, "get", job.id, client={"max_response_bytes": 200})
    error = H.raised(outcome, "ResponseTooLargeError")
    assert error.limit == 200  # type: ignore[attr-defined]
    assert "max_response_bytes" in str(error)
    assert H.call(mode, server.url, "get", job.id, client={"max_response_bytes": 100_000}).error is None


@pytest.mark.parametrize("bad", [0, -1, 1.5, "64MiB", True, None])
def test_a_bad_max_response_bytes_is_refused(bad: object) -> None:
    with pytest.raises(errors.ConfigurationError, match="max_response_bytes"):
        GladiaClient(api_key="k", max_response_bytes=bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ decisions


@pytest.mark.timeout(20)
def test_done_without_a_result_is_the_servers_fault_at_once(server: H.HostileServer) -> None:
    job = server.add_job()
    server.always(*GET, H.job_reply("done", result=None))
    outcome = H.call("sync", server.url, "poll", job.id, timeout=10)
    error = H.raised(outcome, "UnexpectedResponseError")
    assert job.id in str(error) and "no result" in str(error)
    assert outcome.elapsed < 1 and server.count(*GET) == 1


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("sent", "read"), [("500", 500), (422, 422), (None, None)])
def test_the_error_code_of_a_failed_job_is_an_int_or_none(
    server: H.HostileServer, sent: object, read: int | None
) -> None:
    job = server.add_job()
    server.always(*GET, H.job_reply("error", error_code=sent))
    error = H.raised(H.call("sync", server.url, "poll", job.id, timeout=5), "TranscriptionError")
    assert error.error_code == read  # type: ignore[attr-defined]
    assert error.job.error_code == read  # type: ignore[attr-defined]  # the model holds an int, never a str


@pytest.mark.timeout(20)
def test_an_error_code_that_is_no_number_is_the_servers_fault(server: H.HostileServer) -> None:
    # A model field never holds another type than it declares: the answer is refused, naming the field.
    job = server.add_job()
    server.always(*GET, H.job_reply("error", error_code="E_TIMEOUT"))
    error = H.raised(H.call("sync", server.url, "poll", job.id, timeout=5), "UnexpectedResponseError")
    assert "error_code" in str(error) and "E_TIMEOUT" in str(error)


@pytest.mark.timeout(20)
def test_numbers_sent_as_strings_are_converted(server: H.HostileServer) -> None:
    job = server.add_job()
    server.always(*GET, H.job_reply("done", version="2"))
    outcome = H.call("sync", server.url, "get", job.id)
    assert outcome.error is None, outcome.describe()
    assert outcome.value.version == 2


# ------------------------------------------------------------------------------------------ the caller's client


def test_a_callers_client_is_used_unchanged_and_left_open(emu: Emulator) -> None:
    hooks: list[str] = []
    mine = httpx.Client(
        timeout=7.0,
        headers={"User-Agent": "my-app/1", "X-Trace": "t-1"},
        event_hooks={"request": [lambda request: hooks.append(request.url.path)]},
    )
    before = (mine.timeout, mine.base_url, dict(mine.headers), mine._transport)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, http_client=mine) as client:
        assert list(client.prerecorded().list()) == []

        async def use_async() -> None:
            await client.prerecorded_async().get("45463597-20b7-4af7-b3b3-f5fb778203ab")

        with pytest.raises(errors.NotFoundError):
            asyncio.run(use_async())
        asyncio.run(client.aclose())
    assert (mine.timeout, mine.base_url, dict(mine.headers), mine._transport) == before
    assert not mine.is_closed  # closing the GladiaClient left it to its owner
    assert hooks == ["/v2/pre-recorded", "/v2/pre-recorded/45463597-20b7-4af7-b3b3-f5fb778203ab"]
    assert [r.header("x-trace") for r in emu.requests] == ["t-1", "t-1"]
    mine.close()


# ------------------------------------------------------------------------------------------ listing


def test_custom_metadata_is_sent_in_the_bracket_form(emu: Emulator) -> None:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        list(client.prerecorded().list(custom_metadata={"offset": "7", "user": "ada"}, page_size=5))
    (request,) = emu.requests
    assert parse_qsl(request.query) == [
        ("offset", "0"),
        ("limit", "5"),
        ("custom_metadata[offset]", "7"),
        ("custom_metadata[user]", "ada"),
    ]


@pytest.mark.timeout(20)
def test_a_job_made_by_a_failed_create_is_found_through_the_emulators_bracket_filter(
    emu: Emulator, quick_lookups: None
) -> None:
    emu.faults.add("POST /v2/pre-recorded", status=502, when="after", times=1)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        api = client.prerecorded()
        job = api.create({"audio_url": "https://example.com/a.wav"})
        (listed,) = api.list(
            custom_metadata={REQUEST_ID_KEY: api.get(job.id).custom_metadata[REQUEST_ID_KEY]}
        )
    assert listed.id == job.id
    assert emu.counters.jobs_created == 1


# ------------------------------------------------------------------------------------------ async


@pytest.mark.timeout(20)
def test_an_async_client_built_on_a_callers_async_client_says_how_to_use_it_in_a_second_loop(
    emu: Emulator,
) -> None:
    async def make() -> AsyncGladiaClient:
        mine = httpx.AsyncClient()
        client = AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url, http_client=mine)
        assert [job async for job in client.prerecorded().list()] == []
        await mine.aclose()  # its connections belong to this loop: closed by its owner, in it
        return client

    client = asyncio.run(make())

    async def again() -> None:
        with pytest.raises(errors.ConfigurationError, match="event loop"):
            await client.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab")

    asyncio.run(again())
