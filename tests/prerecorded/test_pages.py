"""list() by pages (issue 14, item 6): still a lazy iterator of jobs, and iter_pages() with page objects,
sync and async, against the emulator over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gladia import AsyncGladiaClient, GladiaClient
from gladia.testing import Emulator

AUDIO_URL = "https://example.com/audio.wav"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def _create(client: GladiaClient, count: int) -> list[str]:
    return [client.prerecorded().create({"audio_url": AUDIO_URL}).id for _ in range(count)]


def test_pages_of_the_job_list(client: GladiaClient, emu: Emulator) -> None:
    created = _create(client, 5)
    listing = client.prerecorded().list(page_size=2)
    before = len(emu.requests)
    pages = list(listing.iter_pages())
    assert len(emu.requests) - before == 3  # one request per page
    assert [len(page.items) for page in pages] == [2, 2, 1]
    assert [page.offset for page in pages] == [0, 2, 4]
    assert [page.has_next_page() for page in pages] == [True, True, False]
    assert pages[0].next_offset == 2
    assert pages[-1].next_offset is None
    assert sorted(job.id for page in pages for job in page.items) == sorted(created)
    with pytest.raises(RuntimeError, match="last page"):
        pages[-1].next_page()


def test_next_page_from_a_checkpoint(client: GladiaClient) -> None:
    _create(client, 3)
    first = next(client.prerecorded().list(page_size=2).iter_pages())
    assert first.has_next_page()
    second = first.next_page()
    assert second.offset == 2
    assert len(second.items) == 1
    assert not second.has_next_page()
    assert [job.id for job in second] == [job.id for job in second.items]


def test_list_still_iterates_jobs_lazily(client: GladiaClient, emu: Emulator) -> None:
    created = _create(client, 3)
    before = len(emu.requests)
    jobs = client.prerecorded().list(page_size=2, max_items=3)
    assert len(emu.requests) == before  # nothing sent before the iteration
    first = next(jobs)
    assert len(emu.requests) == before + 1
    rest = list(jobs)
    assert sorted([first.id, *(job.id for job in rest)]) == sorted(created)
    assert len(emu.requests) == before + 2
    assert list(client.prerecorded().list(max_items=0)) == []


@pytest.mark.anyio
async def test_async_pages(emu: Emulator, client: GladiaClient) -> None:
    created = _create(client, 3)
    async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as aclient:
        pages = [page async for page in aclient.prerecorded().list(page_size=2).iter_pages()]
        assert [len(page.items) for page in pages] == [2, 1]
        assert pages[0].has_next_page()
        first = await aclient.prerecorded().list(page_size=2).iter_pages().__anext__()
        following = await first.next_page()
        assert [job.id for job in following.items] == [job.id for job in pages[1].items]
        with pytest.raises(RuntimeError):
            await pages[1].next_page()
        jobs = [job.id async for job in aclient.prerecorded().list(page_size=2)]
        assert sorted(jobs) == sorted(created)
