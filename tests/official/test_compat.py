"""Coming from gladiaio-sdk (issue 14, item 7): its common calls run unchanged on this SDK, and list()'s
leftovers (raw responses of a listing, resuming from a saved offset). Sync and async, against the emulator
over real HTTP."""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from gladia import AsyncGladiaClient, GladiaClient, RawResponse
from gladia.errors import (
    ConfigurationError,
    GladiaDeprecationWarning,
    PollTimeoutError,
    ValidationError,
)
from gladia.testing import Emulator
from tests._clock import FastClock
from tests._official import DRIVERS, official_python, prepare, run_driver
from tests.conftest import make_wav

AUDIO_URL = "https://example.com/audio.wav"
GET_JOB = "GET /v2/pre-recorded/{id}"
LIST = "GET /v2/pre-recorded"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    emu.transcripts.add(AUDIO_URL, "a remote talk")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


@pytest.fixture
async def aclient(emu: Emulator) -> AsyncIterator[AsyncGladiaClient]:
    emu.transcripts.add(AUDIO_URL, "a remote talk")
    async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def _audio(emu: Emulator) -> bytes:
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "hello there")
    return audio


def _routes(emu: Emulator, route: str) -> list[Any]:
    return [request for request in emu.requests if request.route == route]


def _create(client: GladiaClient, count: int) -> list[str]:
    return [client.prerecorded().create({"audio_url": AUDIO_URL}).id for _ in range(count)]


# ------------------------------------------------------------------------------- gladiaio-sdk's own code


def _gladiaio_style(tmp_path: Path, emu: Emulator) -> tuple[Path, Path]:
    config = prepare(emu, tmp_path)
    emu.configure(queued_seconds=0.1, processing_seconds=0.3)
    script = (DRIVERS / "gladiaio_style.py").read_text(encoding="utf-8")
    original = "from gladiaio_sdk import GladiaClient\n"
    assert script.count(original) == 1
    ours = tmp_path / "ours.py"
    ours.write_text(script.replace(original, "from gladia import GladiaClient\n"), encoding="utf-8")
    return config, ours


def test_gladiaio_sdk_code_runs_on_this_sdk_with_only_the_import_changed(
    tmp_path: Path, emu: Emulator
) -> None:
    config, ours = _gladiaio_style(tmp_path, emu)
    report = run_driver([sys.executable, "-W", "error", str(ours), str(config)])
    assert report["text"] == report["polled_text"] == "Hello from the official SDK. Every method is checked."
    assert report["status"] == report["polled"] == "done"
    assert report["audio"] == Path(json.loads(config.read_text())["audio"]).stat().st_size
    assert report["page"] == 1
    assert report["page_status"] == ["done"]
    assert report["fetched"] is True
    assert report["async"] == {"text": report["text"], "polled": "done", "page": 1, "audio": report["audio"]}
    assert all(request.header("x-team") == "compat" for request in emu.requests)
    assert _routes(emu, "GET /v2/pre-recorded/{id}/file")
    assert _routes(emu, "DELETE /v2/pre-recorded/{id}")


@pytest.mark.slow
def test_the_same_code_is_gladiaio_sdk_code(tmp_path: Path, emu: Emulator) -> None:
    """The script above runs as it is with Gladia's official SDK: it is that SDK's code, not ours."""
    python = official_python()
    config, ours = _gladiaio_style(tmp_path, emu)
    # gladiaio-sdk never closes the connections of the clients pre_recorded_v2() makes: its own
    # ResourceWarnings are no concern here (this SDK's run keeps them as errors).
    strict = ["-W", "error", "-W", "ignore::ResourceWarning"]
    theirs = run_driver([str(python), *strict, str(DRIVERS / "gladiaio_style.py"), str(config)])
    emu.reset()
    prepare(emu, tmp_path)
    emu.configure(queued_seconds=0.1, processing_seconds=0.3)
    mine = run_driver([sys.executable, "-W", "error", str(ours), str(config)])
    assert mine == theirs


# ------------------------------------------------------------------------------- GladiaClient(http_headers=)


def test_http_headers_go_with_every_request(emu: Emulator) -> None:
    audio = _audio(emu)
    with GladiaClient(
        api_key=emu.api_key, api_url=emu.url, http_headers={"X-Team": "a", "User-Agent": "me"}
    ) as c:
        job = c.prerecorded().transcribe(audio, wait_timeout=30)
        list(c.prerecorded().list(max_items=1))
        c.prerecorded().get_file(job.id)
        c.with_options(max_retries=0).prerecorded().get(job.id)
    routes = {request.route for request in emu.requests}
    assert {
        "POST /v2/upload",
        "POST /v2/pre-recorded",
        GET_JOB,
        LIST,
        "GET /v2/pre-recorded/{id}/file",
    } <= routes
    for request in emu.requests:
        assert request.header("x-team") == "a", request.route
        assert request.header("user-agent") == "me", request.route  # names are compared without case
        assert request.header("x-gladia-key") == emu.api_key


@pytest.mark.anyio
async def test_http_headers_on_the_async_pools(emu: Emulator) -> None:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, http_headers={"X-Team": "b"}) as client:
        await client.prerecorded_async().create({"audio_url": AUDIO_URL})
        await client.aclose()
    async with AsyncGladiaClient(
        api_key=emu.api_key, api_url=emu.url, http_headers={"X-Team": "c"}
    ) as aclient:
        await aclient.prerecorded().create({"audio_url": AUDIO_URL})
    assert [request.header("x-team") for request in emu.requests] == ["b", "c"]


def test_http_headers_with_a_caller_s_http_client_leave_it_unchanged(emu: Emulator) -> None:
    with httpx.Client(headers={"X-Mine": "1", "X-Team": "theirs"}) as mine:
        before = dict(mine.headers)
        with GladiaClient(
            api_key=emu.api_key, api_url=emu.url, http_client=mine, http_headers={"X-Team": "a"}
        ) as c:
            c.prerecorded().create({"audio_url": AUDIO_URL})
        assert dict(mine.headers) == before
    (request,) = emu.requests
    assert request.header("x-team") == "a"  # the SDK's http_headers win over the caller's client defaults
    assert request.header("x-mine") == "1"


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"X-Gladia-Key": "another"}, "api_key"),
        ({"x-gladia-key": ""}, "api_key"),
        ({"X-Team": 1}, "strings"),
        ({"bad name": "x"}, "not a valid HTTP header"),
        ({"X-Team": "a\r\nInjected: yes"}, "not a valid HTTP header"),
        (["X-Team"], "dict"),
    ],
)
def test_bad_http_headers_are_refused(emu: Emulator, headers: Any, message: str) -> None:
    for cls in (GladiaClient, AsyncGladiaClient):
        with pytest.raises(ConfigurationError, match=message):
            cls(api_key=emu.api_key, api_url=emu.url, http_headers=headers)


# ------------------------------------------------------------------------------- pre_recorded_v2() and aliases


def test_gladiaio_s_names_for_the_prerecorded_client(client: GladiaClient) -> None:
    assert client.pre_recorded_v2() is client.pre_recorded() is client.prerecorded()
    assert client.pre_recorded_v2_async() is client.pre_recorded_async() is client.prerecorded_async()


@pytest.mark.anyio
async def test_gladiaio_s_names_on_the_async_client(aclient: AsyncGladiaClient) -> None:
    assert aclient.pre_recorded_v2() is aclient.pre_recorded() is aclient.prerecorded()
    job = await aclient.pre_recorded_v2().create({"audio_url": AUDIO_URL})
    assert (await aclient.pre_recorded().get(job.id)).id == job.id


# ------------------------------------------------------------------------------- poll(interval=, timeout=)


def test_interval_is_a_fixed_wait_between_looks(
    client: GladiaClient, emu: Emulator, fast_clock: FastClock
) -> None:
    emu.configure(queued_seconds=0, processing_seconds=0.6)
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    fast_clock.on_sleep = lambda _: time.sleep(0.05)  # the job needs real time to finish
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # gladiaio-sdk's call: no deprecation warning
        done = client.prerecorded().poll(job.id, interval=0.1, timeout=30)
    assert done.status == "done"
    # The SDK's own schedule would wait 2 s, then 2.5 s: fixed waits of 0.1 s, without jitter, here.
    assert len(fast_clock.sleeps) >= 3
    assert set(fast_clock.sleeps) == {0.1}
    assert len(_routes(emu, GET_JOB)) == len(fast_clock.sleeps) + 1


def test_timeout_beside_interval_is_the_total_wait(client: GladiaClient, emu: Emulator) -> None:
    emu.configure(queued_seconds=3600)
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    started = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(PollTimeoutError):
            client.prerecorded().poll(job.id, interval=0.1, timeout=0.5)
    assert time.monotonic() - started < 3
    assert len(_routes(emu, GET_JOB)) >= 3


def test_timeout_alone_still_warns_and_both_deadlines_are_refused(
    client: GladiaClient, emu: Emulator
) -> None:
    emu.configure(queued_seconds=0, processing_seconds=0)
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    with pytest.warns(GladiaDeprecationWarning, match="wait_timeout"):
        client.prerecorded().poll(job.id, timeout=30)
    before = len(emu.requests)
    with pytest.raises(ConfigurationError, match="only wait_timeout"):
        client.prerecorded().poll(job.id, wait_timeout=30, timeout=30, interval=1)
    with pytest.raises(ConfigurationError, match="only wait_timeout"):
        client.prerecorded().create_and_poll({"audio_url": AUDIO_URL}, wait_timeout=None, timeout=30)
    assert len(emu.requests) == before


@pytest.mark.parametrize("interval", [0, -1, float("nan"), float("inf"), True, "1"])
def test_a_bad_interval_is_refused_before_anything_is_sent(
    client: GladiaClient, emu: Emulator, interval: Any
) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    before = len(emu.requests)
    api = client.prerecorded()
    with pytest.raises(ConfigurationError, match="interval"):
        api.poll(job.id, interval=interval)
    with pytest.raises(ConfigurationError, match="interval"):
        api.transcribe(make_wav(0.5), interval=interval)  # nothing uploaded
    with pytest.raises(ConfigurationError, match="interval"):
        api.create_and_poll({"audio_url": AUDIO_URL}, interval=interval)  # nothing created
    assert len(emu.requests) == before


@pytest.mark.anyio
async def test_async_interval_and_timeout(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    audio = _audio(emu)
    emu.configure(queued_seconds=0, processing_seconds=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        done = await aclient.prerecorded().transcribe(audio, interval=0.1, timeout=30)
    assert done.result.transcription.full_transcript == "hello there"
    assert len(_routes(emu, GET_JOB)) >= 4
    before = len(emu.requests)
    with pytest.raises(ConfigurationError, match="interval"):
        await aclient.prerecorded().transcribe(audio, interval=-1)
    assert len(emu.requests) == before


# ------------------------------------------------------------------------------- get_file(job_id)


def test_get_file_is_download_bytes(client: GladiaClient, emu: Emulator) -> None:
    audio = _audio(emu)
    job = client.prerecorded().transcribe(audio, wait_timeout=30)
    assert client.prerecorded().get_file(job.id) == audio
    raw = client.prerecorded().with_raw_response.get_file(job.id)
    assert raw.status_code == 200
    assert raw.parse() == audio
    with pytest.raises(ValidationError):
        client.prerecorded().get_file("not a job id")


@pytest.mark.anyio
async def test_async_get_file(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    audio = _audio(emu)
    job = await aclient.prerecorded().transcribe(audio, wait_timeout=30)
    assert await aclient.prerecorded().get_file(job.id) == audio
    assert (await aclient.prerecorded().with_raw_response.get_file(job.id)).parse() == audio


# ------------------------------------------------------------------------------- list(params)


def test_list_takes_gladiaio_s_params_dict(client: GladiaClient, emu: Emulator) -> None:
    created = _create(client, 3)
    listing = client.prerecorded().list({"limit": 2, "offset": 1, "status": ["queued", "processing", "done"]})
    assert len(emu.requests) == 3  # nothing sent yet
    first = listing.items
    query = parse_qs(emu.requests[-1].query)
    assert query["limit"] == ["2"]
    assert query["offset"] == ["1"]
    assert sorted(query["status"]) == ["done", "processing", "queued"]
    assert len(first) == 2
    assert listing.items is first  # fetched once
    assert len(_routes(emu, LIST)) == 1
    jobs = [job.id for job in listing]  # the iteration starts from that page: not fetched again
    assert jobs[:2] == [job.id for job in first]
    assert len(jobs) == 2 and set(jobs) <= set(created)
    assert len(_routes(emu, LIST)) == 1  # offset 1 + 2 jobs is the end: nothing more, nothing repeated


def test_list_params_with_none_are_no_filter(client: GladiaClient, emu: Emulator) -> None:
    _create(client, 1)
    assert len(list(client.prerecorded().list({"status": None, "date": None, "limit": None}))) == 1
    assert parse_qs(emu.requests[-1].query) == {"offset": ["0"], "limit": ["50"]}


@pytest.mark.parametrize(
    ("params", "kwargs", "message"),
    [
        ({"limt": 2}, {}, "did you mean 'limit'"),
        ({"statuses": ["done"]}, {}, "did you mean 'status'"),
        ({"url": "https://api.gladia.io/v2/pre-recorded?offset=2"}, {}, "offset=page.next_offset"),
        ({"status": ["done"]}, {"status": "error"}, "both in params and as status="),
        ({"limit": 5}, {"page_size": 3}, "both in params and as page_size="),
        ({"offset": -1}, {}, "offset must be"),
        ({"offset": "2"}, {}, "offset must be"),
        ({"limit": 0}, {}, "page_size must be"),
        ({"status": ["finished"]}, {}, "status 'finished'"),
        ("offset=2", {}, "must be a dict"),
    ],
)
def test_bad_list_params_are_refused_before_sending(
    client: GladiaClient, emu: Emulator, params: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        client.prerecorded().list(params, **kwargs)
    assert emu.requests == []


def test_list_resumes_from_a_saved_offset(client: GladiaClient, emu: Emulator) -> None:
    _create(client, 5)
    pages = list(client.prerecorded().list(page_size=2).iter_pages())
    saved = pages[0].next_offset  # a caller checkpoints it, and a later run resumes from it
    assert saved == 2
    resumed = list(client.prerecorded().list(page_size=2, offset=saved).iter_pages())
    assert [page.offset for page in resumed] == [2, 4]
    assert [job.id for page in resumed for job in page] == [job.id for page in pages[1:] for job in page]
    assert [job.id for job in client.prerecorded().list(offset=4)] == [job.id for job in pages[2]]
    with pytest.raises(ValidationError, match="offset"):
        client.prerecorded().list(offset=True)


@pytest.mark.anyio
async def test_async_list_params_await_and_resume(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    for _ in range(3):
        await aclient.prerecorded().create({"audio_url": AUDIO_URL})
    page = await aclient.prerecorded().list({"limit": 2})  # gladiaio-sdk: the first page, awaited
    assert len(page.items) == 2
    assert page.next_offset == 2
    rest = [job.id async for job in aclient.prerecorded().list({"limit": 2, "offset": page.next_offset})]
    everything = [job.id async for job in aclient.prerecorded().list()]
    assert [job.id for job in page.items] + rest == everything
    listing = aclient.prerecorded().list(page_size=2)
    first = await listing
    assert await listing is first  # fetched once
    following = await first.next_page()
    # Following the awaited page does not make the listing's own iteration skip anything.
    assert [job.id async for job in listing] == everything
    assert [job.id for job in following.items] == everything[2:]


# ------------------------------------------------------------------------------- with_raw_response.list


def test_raw_list_answers_its_first_page_s_response(client: GladiaClient, emu: Emulator) -> None:
    created = _create(client, 3)
    raw = client.prerecorded().with_raw_response.list(page_size=2, status=["queued", "processing", "done"])
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id is not None
    assert raw.http_response.request.url.params["limit"] == "2"
    assert len(raw.http_response.json()["items"]) == 2
    assert len(_routes(emu, LIST)) == 1  # sent at once, as openai-python's raw list
    listing = raw.parse()
    assert [job.id for job in listing.items] == [item["id"] for item in raw.http_response.json()["items"]]
    assert sorted(job.id for job in listing) == sorted(created)
    assert len(_routes(emu, LIST)) == 2  # the first page was not fetched again


def test_raw_list_raises_as_list_does(client: GladiaClient, emu: Emulator) -> None:
    emu.faults.add(LIST, status=400)
    with pytest.raises(ValidationError, match="did you mean"):
        client.prerecorded().with_raw_response.list({"limt": 1})
    from gladia.errors import BadRequestError

    with pytest.raises(BadRequestError):
        client.with_options(max_retries=0).prerecorded().with_raw_response.list()


@pytest.mark.anyio
async def test_async_raw_list(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    for _ in range(3):
        await aclient.prerecorded().create({"audio_url": AUDIO_URL})
    raw = await aclient.prerecorded().with_raw_response.list({"limit": 2})
    assert raw.status_code == 200
    assert len(_routes(emu, LIST)) == 1
    assert len([job async for job in raw.parse()]) == 3
    assert len(_routes(emu, LIST)) == 2
