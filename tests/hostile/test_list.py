"""list() always ends, and filters never overwrite paging or other filters."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.hostile import server as H

LIST = ("GET", "/v2/pre-recorded")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_next_that_never_advances_ends_the_list(server: H.HostileServer, mode: str) -> None:
    for index in range(3):
        server.add_job(created=1.7e9 + index)
    server.settings.stuck_next = True
    outcome = H.call(mode, server.url, "list", page_size=2, list_limit=1000)
    H.typed(outcome)
    assert server.count(*LIST) <= 10, f"{server.count(*LIST)} pages asked for 3 jobs; {outcome.describe()}"
    if outcome.error is None:
        ids = [job.id for job in outcome.value]
        assert len(ids) < 1000, "the list never ended"
        assert len(ids) == len(set(ids)), "the same jobs again and again"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("metadata", "status"),
    [
        pytest.param({"offset": "x", "limit": "y"}, None, id="metadata-named-offset-and-limit"),
        pytest.param({"status": "queued"}, "done", id="metadata-named-status"),
    ],
)
def test_custom_metadata_never_overwrites_paging_or_other_filters(
    server: H.HostileServer, mode: str, metadata: dict[str, str], status: str | None
) -> None:
    server.add_job(custom_metadata=metadata)
    outcome = H.call(mode, server.url, "list", custom_metadata=metadata, status=status, page_size=7)
    H.typed(outcome)
    (request,) = server.received(*LIST)
    assert request.param("offset") == ["0"], request.query
    assert request.param("limit") == ["7"], request.query
    if status is not None:
        assert request.param("status") == [status], request.query
    for key, value in metadata.items():
        assert request.param(f"custom_metadata[{key}]") == [value], request.query


def _page(server: H.HostileServer, jobs: list[H.Job], next_url: Any) -> H.Handler:
    base = f"{server.url}/v2/pre-recorded"
    body = {"first": base, "current": base, "next": next_url, "items": [H.job_json(job) for job in jobs]}
    return H.reply(200, json.dumps(body).encode())


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("shape", ["cycle", "backwards", "garbage", "huge-offset"])
def test_a_next_that_lies_ends_the_list(server: H.HostileServer, mode: str, shape: str) -> None:
    jobs = [server.add_job(created=1.7e9 + index) for index in range(4)]
    base = f"{server.url}/v2/pre-recorded"
    first = _page(server, jobs[:2], f"{base}?offset=2&limit=2")
    pages = {
        "cycle": H.cycle(first, _page(server, jobs[2:], f"{base}?offset=0&limit=2")),
        "backwards": H.cycle(first, _page(server, jobs[2:], f"{base}?offset=1&limit=2")),
        "garbage": H.cycle(_page(server, jobs[:2], "<not a url>"), _page(server, [], None)),
        "huge-offset": H.cycle(first, _page(server, jobs[2:], f"{base}?offset={10**30}&limit=2")),
    }
    server.always("GET", "/v2/pre-recorded", pages[shape])
    outcome = H.call(mode, server.url, "list", page_size=2, list_limit=1000)
    H.typed(outcome)
    # Every page after the first is a step back or a repeat: a list that only moves forward stops there.
    assert server.count("GET", "/v2/pre-recorded") <= 10, f"{server.count('GET', '/v2/pre-recorded')} pages"
    if outcome.error is None:
        ids = [job.id for job in outcome.value]
        assert len(ids) == len(set(ids)), "the same jobs again"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_next_on_another_origin_never_gets_the_key(server: H.HostileServer, mode: str) -> None:
    jobs = [server.add_job(created=1.7e9 + index) for index in range(2)]
    with H.HostileServer() as elsewhere:
        elsewhere.always("GET", "/v2/pre-recorded", _page(elsewhere, [], None))
        server.always(
            "GET", "/v2/pre-recorded", _page(server, jobs, f"{elsewhere.url}/v2/pre-recorded?offset=2")
        )
        outcome = H.call(mode, server.url, "list", page_size=2)
        seen = list(elsewhere.requests)
    H.typed(outcome)
    for request in seen:
        assert "x-gladia-key" not in request.headers
        assert H.KEY not in repr(request.headers)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"first": "", "current": "", "next": None, "items": [1, 2]}, id="items-not-jobs"),
        pytest.param({"first": "", "current": "", "next": None, "items": None}, id="items-null"),
        pytest.param({"items": "abc"}, id="items-a-string"),
        pytest.param([], id="a-list-not-a-page"),
    ],
)
def test_a_page_that_is_not_a_page_is_a_typed_error(server: H.HostileServer, mode: str, body: Any) -> None:
    server.always("GET", "/v2/pre-recorded", H.json_reply(body))
    outcome = H.call(mode, server.url, "list")
    H.typed(outcome)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("how", ["keyword", "params"])
def test_a_listing_resumed_from_an_offset_still_only_moves_forward(
    server: H.HostileServer, mode: str, how: str
) -> None:
    for index in range(6):
        server.add_job(created=1.7e9 + index)
    server.settings.stuck_next = True  # `next` always points back at offset 0, behind the start
    args: tuple[Any, ...] = ({"offset": 2, "limit": 2},) if how == "params" else ()
    kwargs: dict[str, Any] = {} if how == "params" else {"offset": 2, "page_size": 2}
    outcome = H.call(mode, server.url, "list", *args, list_limit=1000, **kwargs)
    H.typed(outcome)
    first, *_ = server.received(*LIST)
    assert first.param("offset") == ["2"], first.query
    assert first.param("limit") == ["2"], first.query
    assert server.count(*LIST) <= 10, f"{server.count(*LIST)} pages asked for 6 jobs; {outcome.describe()}"
    if outcome.error is None:
        ids = [job.id for job in outcome.value]
        assert len(ids) == len(set(ids)) <= 4, "a resumed listing went back before its start"
