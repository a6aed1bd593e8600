"""Never a second job: whatever answers a create, at most one job exists afterwards, and when the SDK
cannot tell, it says so with the tag to search for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile import server as H

OPTIONS = {"audio_url": "https://example.com/a.wav", "custom_metadata": {"user": "ada"}}
TAG_KEY = "gladia_sdk_request_id"
CREATE = ("POST", "/v2/pre-recorded")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


def _tags(server: H.HostileServer) -> set[str]:
    """The tags the SDK put in the custom_metadata of the creates it sent."""
    return {str(r.json()["custom_metadata"][TAG_KEY]) for r in server.received(*CREATE)}


@pytest.mark.timeout(60)
# Sync with the default budget (4 retries: today 25 POSTs); the async client shares the budget, which
# test_hostile_amplification checks on reads.
@pytest.mark.parametrize(("mode", "max_retries"), [("sync", None)])
def test_a_create_answered_503_every_time_makes_at_most_max_retries_plus_one_posts(
    server: H.HostileServer, mode: str, max_retries: int | None
) -> None:
    # One retry budget per call: today the transport's retries and the create loop's multiply (25 POSTs).
    server.always(*CREATE, H.retry_after("0", status=503))
    client = {} if max_retries is None else {"max_retries": max_retries}
    outcome = H.call(mode, server.url, "create", OPTIONS, client=client)
    H.raised(outcome, "GladiaError")
    attempts = (4 if max_retries is None else max_retries) + 1
    assert 1 <= server.count(*CREATE) <= attempts, outcome.describe()
    assert server.created == []


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.create_then(503), id="503"),
        pytest.param(H.create_then(502), id="502"),
        pytest.param(H.create_then(504), id="504"),
        pytest.param(H.create_then(then=H.reset()), id="reset"),
        pytest.param(H.create_then(then=H.truncate(b'{"id": "')), id="truncated"),
        pytest.param(H.create_then(then=H.invalid_json(201)), id="not-json"),
        pytest.param(H.create_then(then=H.silent()), id="silent"),
    ],
)
def test_a_failure_answering_a_create_the_backend_made_gives_that_job(
    server: H.HostileServer, mode: str, answer: H.Handler
) -> None:
    # A proxy answers 503/502 (or drops the answer) while the backend behind it did create the job.
    server.on(*CREATE, answer)
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 2, "timeout": 1})
    assert outcome.error is None, outcome.describe()
    assert len(server.created) == 1, f"{len(server.created)} jobs created; {outcome.describe()}"
    assert outcome.value.id == server.created[0].id


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_the_lookup_asks_with_the_bracket_filter_of_gladias_clients(
    server: H.HostileServer, mode: str
) -> None:
    server.on(*CREATE, H.create_then(503))
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 2})
    lookups = server.received("GET", "/v2/pre-recorded")
    assert lookups, f"no lookup was made; {outcome.describe()}"
    (tag,) = _tags(server)
    assert lookups[0].param(f"custom_metadata[{TAG_KEY}]") == [tag], lookups[0].query


@pytest.mark.timeout(40)
@pytest.mark.real_time  # the server's list lags by real seconds; the SDK's looks must wait them out
@pytest.mark.parametrize("mode", H.MODES)
def test_a_list_that_shows_the_new_job_only_seconds_later(server: H.HostileServer, mode: str) -> None:
    server.settings.list_lag = 2.5
    server.on(*CREATE, H.create_then(500))
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 3})
    assert len(server.created) <= 1, f"{len(server.created)} jobs created; {outcome.describe()}"
    if outcome.error is None:
        assert outcome.value.id == server.created[0].id
    else:  # it could not tell in time: it must say the job may exist
        H.raised(outcome, "JobMayExistError")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_server_that_ignores_the_filter_with_more_than_50_newer_jobs(
    server: H.HostileServer, mode: str
) -> None:
    server.settings.ignore_filters = True
    for _ in range(5):
        server.add_job(custom_metadata={"other": "client"}, created=1.6e9)
    server.on(*CREATE, H.create_then(500, newer_jobs=60))
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 2})
    assert len(server.created) == 1, f"{len(server.created)} jobs created; {outcome.describe()}"
    if outcome.error is None:
        assert outcome.value.id == server.created[0].id
    else:
        H.raised(outcome, "JobMayExistError")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "lookup",
    [
        pytest.param(H.json_reply({"message": "down"}, 500), id="lookup-500"),
        pytest.param(H.reset(), id="lookup-reset"),
        pytest.param(H.json_reply({"message": "no"}, 401), id="lookup-401"),
    ],
)
def test_when_the_lookup_fails_the_error_says_the_job_may_exist(
    server: H.HostileServer, mode: str, lookup: H.Handler
) -> None:
    server.on(*CREATE, H.create_then(500))
    server.always("GET", "/v2/pre-recorded", lookup)
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 1})
    error = H.raised(outcome, "JobMayExistError")
    assert server.count(*CREATE) == 1
    assert len(server.created) == 1
    (tag,) = _tags(server)
    assert error.tag_key == TAG_KEY  # type: ignore[attr-defined]
    assert error.tag == tag  # type: ignore[attr-defined]
    assert tag in str(error)
    assert "may" in str(error).lower()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("skew", [-3600.0, 3600.0], ids=["server-clock-1h-behind", "server-clock-1h-ahead"])
def test_a_server_whose_clock_is_off_still_gets_one_job(
    server: H.HostileServer, mode: str, skew: float
) -> None:
    # A lookup bounded by creation time must not trust the server's clock to agree with ours.
    server.settings.clock_skew = skew
    server.on(*CREATE, H.create_then(500))
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 2})
    assert server.count(*CREATE) == 1, f"{server.count(*CREATE)} creates sent; {outcome.describe()}"
    if outcome.error is None:
        assert outcome.value.id == server.created[0].id
    else:
        H.raised(outcome, "JobMayExistError")


@pytest.mark.timeout(40)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_lookup_whose_list_never_ends_is_bounded(server: H.HostileServer, mode: str) -> None:
    server.settings.ignore_filters = True
    server.settings.stuck_next = True
    server.on(*CREATE, H.create_then(500, newer_jobs=120))
    outcome = H.call(mode, server.url, "create", OPTIONS, client={"max_retries": 2})
    assert server.count(*CREATE) == 1, f"{server.count(*CREATE)} creates sent; {outcome.describe()}"
    assert server.count("GET", "/v2/pre-recorded") <= 50, "the lookup kept reading the same page"
    if outcome.error is None:
        assert outcome.value.id == server.created[0].id
    else:
        H.raised(outcome, "JobMayExistError")


@pytest.mark.timeout(30)
def test_concurrent_creates_each_find_their_own_job(server: H.HostileServer) -> None:
    # Two creates at once, both answered 503 after the backend made the job, behind a server that
    # ignores the filter: each must claim its own job (by its own tag), never the other's.
    import asyncio

    from gladia import AsyncGladiaClient

    server.settings.ignore_filters = True
    server.on(*CREATE, H.create_then(503), H.create_then(503))

    async def run() -> list[object]:
        async with AsyncGladiaClient(api_key=H.KEY, api_url=server.url, max_retries=2) as gladia:
            api = gladia.prerecorded()
            return await asyncio.gather(api.create(OPTIONS), api.create(OPTIONS), return_exceptions=True)

    results = asyncio.run(run())
    assert len(server.created) == 2, f"{len(server.created)} jobs created; {results}"
    ids = {getattr(result, "id", None) for result in results}
    assert ids == {job.id for job in server.created}, results


@pytest.mark.timeout(30)
@pytest.mark.parametrize("status", [301])  # 302 and 303 alike; 3 s each (the lookups): one is enough
def test_a_redirect_that_turns_the_create_into_a_get(server: H.HostileServer, status: int) -> None:
    # Clients follow 301/302/303 with a GET (an http-to-https 301, say): the create becomes a read of
    # whatever is there. The SDK must not take that answer for a created job, nor create one twice.
    server.always(*CREATE, H.redirect("/v2/pre-recorded", status))
    outcome = H.call("sync", server.url, "create", OPTIONS, client={"max_retries": 0})
    H.raised(outcome)
    assert server.count(*CREATE) == 1
    assert server.created == []
