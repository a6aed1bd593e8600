"""list() always ends, and filters never overwrite paging or other filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import hostile as H

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
