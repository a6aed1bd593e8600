"""Per-call overrides, with_options, raw responses and error.response, sync and async, against the emulator
over real HTTP (issue 14, items 4 and 5)."""

from __future__ import annotations

import time
import warnings
from collections.abc import AsyncIterator, Iterator
from urllib.parse import parse_qs

import httpx
import pytest

from gladia import AsyncGladiaClient, GladiaClient, RawResponse
from gladia.errors import (
    APITimeoutError,
    BadRequestError,
    ConfigurationError,
    GladiaDeprecationWarning,
    NotFoundError,
    PollTimeoutError,
    ValidationError,
)
from gladia.testing import Emulator
from gladia_api.models import AudioUploadResponse, PreRecordedResponse
from tests.conftest import make_wav

MISSING_JOB = "00000000-0000-4000-8000-000000000000"
AUDIO_URL = "https://example.com/audio.wav"
CALL_ID = "x-aipi-call-id"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


@pytest.fixture
async def aclient(emu: Emulator) -> AsyncIterator[AsyncGladiaClient]:
    async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def _audio(emu: Emulator) -> bytes:
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "hello there")
    return audio


def _query(emu: Emulator) -> dict[str, list[str]]:
    return parse_qs(emu.requests[-1].query)


# ------------------------------------------------------------------------------------ per-call overrides


def test_extra_headers_and_query_reach_the_server(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    client.prerecorded().get(job.id, extra_headers={"X-Trace": "abc"}, extra_query={"debug": True, "n": 2})
    last = emu.requests[-1]
    assert last.route == "GET /v2/pre-recorded/{id}"
    assert last.header("x-trace") == "abc"
    assert _query(emu) == {"debug": ["true"], "n": ["2"]}
    client.prerecorded().get(job.id)  # the next call has none of them
    assert emu.requests[-1].header("x-trace") is None
    assert emu.requests[-1].query == ""


def test_extra_query_overrides_the_sdk_s_own_parameter(client: GladiaClient, emu: Emulator) -> None:
    list(client.prerecorded().list(page_size=5, max_items=1, extra_query={"limit": 3}))
    assert _query(emu)["limit"] == ["3"]


def test_extra_body_sends_a_key_the_sdk_checks_nothing_of(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create(
        {"audio_url": AUDIO_URL}, extra_body={"punctuation_enhanced": True, "sentences": True}
    )
    params = client.prerecorded().get(job.id).request_params
    assert params is not None
    assert params.to_dict()["punctuation_enhanced"] is True
    assert params.to_dict()["sentences"] is True


def test_extra_body_with_an_unknown_key_reaches_the_server(client: GladiaClient, emu: Emulator) -> None:
    # Local validation refuses an unknown option...
    with pytest.raises(ValidationError):
        client.prerecorded().create({"audio_url": AUDIO_URL, "brand_new_option": {"level": 2}})  # type: ignore[typeddict-unknown-key]
    before = len(emu.requests)
    # ...but not through extra_body: it is sent, and here the server (the emulator) refuses it by name.
    with pytest.raises(BadRequestError) as caught:
        client.prerecorded().create({"audio_url": AUDIO_URL}, extra_body={"brand_new_option": {"level": 2}})
    assert len(emu.requests) > before
    assert emu.requests[-1].route == "POST /v2/pre-recorded"
    assert "brand_new_option" in str(caught.value)


def test_custom_metadata_in_extra_body_keeps_the_tag_that_prevents_a_second_job(
    client: GladiaClient, emu: Emulator
) -> None:
    # The backend makes the job, then the answer is lost: the SDK must still find it by its tag.
    emu.faults.add("POST /v2/pre-recorded", kind="reset", when="after", times=1)
    job = client.prerecorded().create({"audio_url": AUDIO_URL}, extra_body={"custom_metadata": {"team": "a"}})
    assert emu.counters.jobs_created == 1
    metadata = client.prerecorded().get(job.id).to_dict()["custom_metadata"]
    assert metadata["team"] == "a"
    assert metadata["gladia_sdk_request_id"]


def test_extra_body_is_never_sent_with_a_get(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    client.prerecorded().get(job.id, extra_body={"x": 1})
    assert emu.requests[-1].header("content-type") is None
    assert emu.requests[-1].header("content-length") in (None, "0")


def test_transcribe_sends_extra_body_to_the_create_only(client: GladiaClient, emu: Emulator) -> None:
    emu.transcripts.add(make_wav(1.0, tone=True), "hello there")
    job = client.prerecorded().transcribe(
        make_wav(1.0, tone=True), extra_body={"sentences": True}, extra_headers={"X-Flow": "1"}
    )
    assert job.request_params is not None
    assert job.request_params.to_dict()["sentences"] is True
    routes = {r.route for r in emu.requests if r.header("x-flow") == "1"}
    assert {"POST /v2/upload", "POST /v2/pre-recorded", "GET /v2/pre-recorded/{id}"} <= routes


def test_a_call_timeout_bounds_its_requests(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="latency", seconds=2.0)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        client.with_options(max_retries=0).prerecorded().get(job.id, timeout=0.3)
    assert time.monotonic() - started < 1.5
    # Without it, the client's own (longer) timeouts apply: the slow answer arrives.
    assert client.prerecorded().get(job.id).id == job.id


def test_request_timeout_bounds_each_request_of_a_flow(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="latency", seconds=2.0)
    with pytest.raises(PollTimeoutError) as caught:  # each look timed out; the wait went on to its end
        client.with_options(max_retries=0).prerecorded().poll(job.id, wait_timeout=1.5, request_timeout=0.3)
    assert isinstance(caught.value.last_error, APITimeoutError)


@pytest.mark.parametrize(
    "kwargs",
    [{"timeout": -1}, {"timeout": "soon"}, {"extra_headers": ["x"]}, {"extra_query": "a=b"}],
)
def test_bad_overrides_are_refused_before_sending(client: GladiaClient, emu: Emulator, kwargs: dict) -> None:  # type: ignore[type-arg]
    before = len(emu.requests)
    with pytest.raises(ValidationError):
        client.prerecorded().get(MISSING_JOB, **kwargs)
    assert len(emu.requests) == before


# ------------------------------------------------------------------------------------ the job deadline


def test_the_old_timeout_keyword_still_sets_the_job_deadline_with_a_warning(
    client: GladiaClient, emu: Emulator
) -> None:
    url = client.prerecorded().upload_file(_audio(emu)).audio_url
    job = client.prerecorded().create({"audio_url": url})
    with pytest.warns(GladiaDeprecationWarning, match="wait_timeout") as caught:
        done = client.prerecorded().poll(job.id, timeout=60)
    assert done.status == "done"
    assert caught[0].filename == __file__  # it points at the caller's line
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert client.prerecorded().poll(job.id, wait_timeout=60).status == "done"


def test_the_old_timeout_keyword_still_bounds_the_wait(client: GladiaClient, emu: Emulator) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    emu.faults.add("GET /v2/pre-recorded/{id}", status=503)
    with pytest.warns(GladiaDeprecationWarning), pytest.raises((PollTimeoutError, APITimeoutError)):
        client.with_options(max_retries=0).prerecorded().poll(job.id, timeout=1.0)


# ------------------------------------------------------------------------------------ with_options


def test_with_options_shares_the_pool_and_keeps_its_own_settings(client: GladiaClient, emu: Emulator) -> None:
    quick = client.with_options(timeout=5, max_retries=0)
    assert quick.prerecorded()._http is client.prerecorded()._http
    assert quick._config.max_retries == 0
    assert client._config.max_retries != 0
    assert quick._config.overall_timeout == 5
    assert client._config.overall_timeout is None
    emu.faults.add("GET /v2/pre-recorded/{id}", status=503, times=1)
    with pytest.raises(Exception, match="503"):
        quick.prerecorded().get(MISSING_JOB)  # no retry in the copy
    emu.faults.add("GET /v2/pre-recorded/{id}", status=503, times=1)
    with pytest.raises(NotFoundError):
        client.prerecorded().get(MISSING_JOB)  # the original still retries
    quick.close()  # does not close the shared pool
    assert not client._http.is_closed
    assert client.prerecorded().create({"audio_url": AUDIO_URL}).id


def test_with_options_on_the_prerecorded_client(client: GladiaClient) -> None:
    prerecorded = client.prerecorded()
    strict = prerecorded.with_options(max_upload_bytes=10)
    assert strict._http is prerecorded._http
    with pytest.raises(ValidationError):
        strict.upload_file(make_wav(1.0))
    assert prerecorded.upload_file(make_wav(1.0)).audio_url


def test_with_options_refuses_bad_settings(client: GladiaClient) -> None:
    with pytest.raises(ConfigurationError):
        client.with_options(max_retries=-1)
    with pytest.raises(ConfigurationError):
        client.with_options(timeout=0)


# ------------------------------------------------------------------------------------ raw responses


def test_raw_get_gives_the_answer_and_parses_it(client: GladiaClient) -> None:
    job = client.prerecorded().create({"audio_url": AUDIO_URL})
    raw = client.prerecorded().with_raw_response.get(job.id)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers[CALL_ID] == raw.request_id
    assert raw.request_id
    assert isinstance(raw.http_response, httpx.Response)
    parsed = raw.parse()
    assert isinstance(parsed, PreRecordedResponse)
    assert parsed.id == job.id


def test_raw_responses_of_the_one_request_methods(client: GladiaClient, emu: Emulator) -> None:
    prerecorded = client.prerecorded()
    uploaded = prerecorded.with_raw_response.upload_file(_audio(emu))
    assert uploaded.status_code in (200, 201)
    assert isinstance(uploaded.parse(), AudioUploadResponse)
    created = prerecorded.with_raw_response.create(
        {"audio_url": uploaded.parse().audio_url}, extra_headers={"X-Raw": "1"}
    )
    assert created.status_code in (200, 201)
    assert emu.requests[-1].header("x-raw") == "1"  # overrides work through the raw methods too
    job = prerecorded.poll(created.parse().id)
    audio = prerecorded.with_raw_response.download_bytes(job.id)
    assert audio.status_code == 200
    assert audio.parse() == prerecorded.download_bytes(job.id)
    deleted = prerecorded.with_raw_response.delete(job.id)
    assert 200 <= deleted.status_code < 300
    assert deleted.parse() is None


def test_a_raw_call_raises_as_the_normal_call(client: GladiaClient) -> None:
    with pytest.raises(NotFoundError):
        client.prerecorded().with_raw_response.get(MISSING_JOB)


# ------------------------------------------------------------------------------------ error.response


def test_api_errors_carry_the_response_and_its_request_id(client: GladiaClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.prerecorded().get(MISSING_JOB)
    error = caught.value
    assert isinstance(error.response, httpx.Response)
    assert error.response.status_code == 404
    assert error.request_id == error.response.headers[CALL_ID]
    assert error.response.json()["statusCode"] == 404  # the body was read


def test_request_id_falls_back_to_x_request_id() -> None:
    from gladia._core.response import error_from_response

    request = httpx.Request("GET", "https://api.gladia.io/v2/pre-recorded/x")
    only = httpx.Response(500, headers={"x-request-id": "r-1"}, content=b"{}", request=request)
    assert error_from_response(only).request_id == "r-1"
    both = httpx.Response(
        500, headers={"request-id": "r-2", CALL_ID: "c-1"}, content=b'{"request_id": "b-1"}', request=request
    )
    assert error_from_response(both).request_id == "c-1"
    body_only = httpx.Response(500, content=b'{"request_id": "b-1"}', request=request)
    assert error_from_response(body_only).request_id == "b-1"


def test_an_error_with_its_response_still_pickles(client: GladiaClient) -> None:
    import pickle

    with pytest.raises(NotFoundError) as caught:
        client.prerecorded().get(MISSING_JOB)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.request_id == caught.value.request_id
    assert copy.response is None


# ------------------------------------------------------------------------------------ async


@pytest.mark.anyio
async def test_async_overrides_reach_the_server(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    prerecorded = aclient.prerecorded()
    job = await prerecorded.create({"audio_url": AUDIO_URL}, extra_body={"sentences": True}, timeout=10)
    fetched = await prerecorded.get(job.id, extra_headers={"X-Async": "yes"}, extra_query={"a": 1})
    assert emu.requests[-1].header("x-async") == "yes"
    assert _query(emu) == {"a": ["1"]}
    assert fetched.request_params is not None
    assert fetched.request_params.to_dict()["sentences"] is True
    with pytest.raises(BadRequestError, match="brand_new_option"):
        await prerecorded.create({"audio_url": AUDIO_URL}, extra_body={"brand_new_option": 1})
    pages = [j async for j in prerecorded.list(max_items=1, extra_headers={"X-List": "1"})]
    assert len(pages) == 1
    assert emu.requests[-1].header("x-list") == "1"


@pytest.mark.anyio
async def test_async_deprecated_timeout_and_wait_timeout(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    prerecorded = aclient.prerecorded()
    url = (await prerecorded.upload_file(_audio(emu))).audio_url
    job = await prerecorded.create({"audio_url": url})
    with pytest.warns(GladiaDeprecationWarning) as caught:
        assert (await prerecorded.poll(job.id, timeout=60)).status == "done"
    assert caught[0].filename == __file__
    assert (await prerecorded.create_and_poll({"audio_url": url}, wait_timeout=60)).status == "done"


@pytest.mark.anyio
async def test_async_with_options_and_raw(aclient: AsyncGladiaClient, emu: Emulator) -> None:
    quick = aclient.with_options(max_retries=0)
    assert quick.prerecorded()._http is aclient.prerecorded()._http
    emu.faults.add("GET /v2/pre-recorded/{id}", status=503, times=1)
    with pytest.raises(Exception, match="503"):
        await quick.prerecorded().get(MISSING_JOB)
    await quick.close()
    assert not aclient._http.is_closed
    job = await aclient.prerecorded().create({"audio_url": AUDIO_URL})
    raw = await aclient.prerecorded().with_raw_response.get(job.id)
    assert raw.status_code == 200
    assert raw.request_id == raw.headers[CALL_ID]
    assert raw.parse().id == job.id
    with pytest.raises(NotFoundError) as caught:
        await aclient.prerecorded().with_raw_response.get(MISSING_JOB)
    assert caught.value.response is not None
    assert caught.value.request_id == caught.value.response.headers[CALL_ID]


def test_prerecorded_async_of_a_copy_shares_the_async_pool(client: GladiaClient) -> None:
    import asyncio

    copy = client.with_options(max_retries=1)
    assert copy.prerecorded_async()._http is client.prerecorded_async()._http
    assert copy.prerecorded_async()._config.max_retries == 1

    async def main() -> str:
        job = await copy.prerecorded_async().create({"audio_url": AUDIO_URL})
        return job.id

    assert asyncio.run(main())
    asyncio.run(client.aclose())
