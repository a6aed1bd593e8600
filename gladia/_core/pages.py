"""Pages of the job list: `list()` iterates jobs lazily; `list(...).iter_pages()` gives its pages, each with
its `items` and `has_next_page()`/`next_page()`, for callers who checkpoint (`page.offset`, `next_offset`)
and resume with `list(..., offset=saved)`.

As openai-python's pages: iterating a listing goes through every page; its first page alone is
`listing.items` (sync) or `await listing` (async), which is also what gladiaio-sdk's `list(params)` answered.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

_LAST_PAGE = "this is the last page: check has_next_page() before next_page()"


class JobPage:
    """One page of the job list.

    Attributes:
        items: its jobs, newest first (a job listed on an earlier page of this listing is left out).
        offset: where it starts in the list.
        next_offset: where the next page starts, or None after the last page.
    """

    def __init__(
        self,
        items: list[PreRecordedResponse],
        offset: int,
        next_offset: int | None,
        fetch: Callable[[int], JobPage],
    ) -> None:
        self.items = items
        self.offset = offset
        self.next_offset = next_offset
        self._fetch = fetch

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self.next_offset is not None

    def next_page(self) -> JobPage:
        """Fetch the page after this one (RuntimeError after the last page)."""
        if self.next_offset is None:
            raise RuntimeError(_LAST_PAGE)
        return self._fetch(self.next_offset)

    def __iter__(self) -> Iterator[PreRecordedResponse]:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"<JobPage offset={self.offset} items={len(self.items)} next_offset={self.next_offset}>"


class AsyncJobPage:
    """One page of the job list, async: `await page.next_page()` (see JobPage)."""

    def __init__(
        self,
        items: list[PreRecordedResponse],
        offset: int,
        next_offset: int | None,
        fetch: Callable[[int], Awaitable[AsyncJobPage]],
    ) -> None:
        self.items = items
        self.offset = offset
        self.next_offset = next_offset
        self._fetch = fetch

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self.next_offset is not None

    async def next_page(self) -> AsyncJobPage:
        """Fetch the page after this one (RuntimeError after the last page)."""
        if self.next_offset is None:
            raise RuntimeError(_LAST_PAGE)
        return await self._fetch(self.next_offset)

    def __iter__(self) -> Iterator[PreRecordedResponse]:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"<AsyncJobPage offset={self.offset} items={len(self.items)} next_offset={self.next_offset}>"


class JobList(Iterator["PreRecordedResponse"]):
    """What `list()` returns: an iterator over jobs that fetches pages as it reaches them, and
    `iter_pages()` for the pages themselves. Nothing is sent before the iteration starts."""

    def __init__(self, first_page: Callable[[], JobPage], max_items: int | None) -> None:
        self._first_page = first_page
        self._max_items = max_items
        self._jobs: Iterator[PreRecordedResponse] | None = None
        self._fetched: JobPage | None = None  # the first page, fetched ahead and not yet iterated
        self._items: list[PreRecordedResponse] | None = None

    @property
    def items(self) -> list[PreRecordedResponse]:
        """The jobs of the listing's first page (fetched on first use, once; max_items does not apply)."""
        if self._items is None:
            self._prefetch()
        assert self._items is not None
        return self._items

    def _prefetch(self) -> JobPage:
        """Fetch the first page now (the iteration then starts from it instead of fetching it again)."""
        self._fetched = self._first_page()
        self._items = self._fetched.items
        return self._fetched

    def _take_first(self) -> JobPage:
        page, self._fetched = self._fetched, None
        if page is None:
            page = self._first_page()
            if self._items is None:
                self._items = page.items
        return page

    def __iter__(self) -> JobList:
        return self

    def __next__(self) -> PreRecordedResponse:
        if self._jobs is None:
            self._jobs = self._iterate()
        return next(self._jobs)

    def _iterate(self) -> Iterator[PreRecordedResponse]:
        if self._max_items is not None and self._max_items <= 0:
            return
        yielded = 0
        for page in self.iter_pages():
            for job in page.items:
                if self._max_items is not None and yielded >= self._max_items:
                    return
                yielded += 1
                yield job
            if self._max_items is not None and yielded >= self._max_items:
                return

    def iter_pages(self) -> Iterator[JobPage]:
        """The pages of this listing from its start, each fetched when reached (max_items does not apply)."""
        page = self._take_first()
        yield page
        while page.has_next_page():
            page = page.next_page()
            yield page


class AsyncJobList(AsyncIterator["PreRecordedResponse"]):
    """What the async `list()` returns: an async iterator over jobs, and `iter_pages()` (see JobList)."""

    def __init__(self, first_page: Callable[[], Awaitable[AsyncJobPage]], max_items: int | None) -> None:
        self._first_page = first_page
        self._max_items = max_items
        self._jobs: AsyncIterator[PreRecordedResponse] | None = None
        self._fetched: AsyncJobPage | None = None  # the first page, fetched ahead and not yet iterated
        self._first: AsyncJobPage | None = None

    def __await__(self) -> Generator[Any, None, AsyncJobPage]:
        """`await listing`: its first page (fetched once; `.items`, `next_page()`), as openai-python's
        AsyncPaginator and gladiaio-sdk's awaited `list(params)`."""
        return self._first_fetched().__await__()

    async def _first_fetched(self) -> AsyncJobPage:
        # A page of its own, not the iteration's: following it with next_page() must not make the
        # iteration see its jobs as already listed.
        if self._first is None:
            self._first = await self._first_page()
        return self._first

    async def _prefetch(self) -> AsyncJobPage:
        """Fetch the first page now (the iteration then starts from it instead of fetching it again)."""
        self._fetched = await self._first_page()
        return self._fetched

    async def _take_first(self) -> AsyncJobPage:
        page, self._fetched = self._fetched, None
        return page if page is not None else await self._first_page()

    def __aiter__(self) -> AsyncJobList:
        return self

    async def __anext__(self) -> PreRecordedResponse:
        if self._jobs is None:
            self._jobs = self._iterate()
        return await self._jobs.__anext__()

    async def _iterate(self) -> AsyncIterator[PreRecordedResponse]:
        if self._max_items is not None and self._max_items <= 0:
            return
        yielded = 0
        async for page in self.iter_pages():
            for job in page.items:
                if self._max_items is not None and yielded >= self._max_items:
                    return
                yielded += 1
                yield job
            if self._max_items is not None and yielded >= self._max_items:
                return

    async def iter_pages(self) -> AsyncIterator[AsyncJobPage]:
        """The pages of this listing from its start, each fetched when reached (max_items does not apply)."""
        page = await self._take_first()
        yield page
        while page.has_next_page():
            page = await page.next_page()
            yield page
