"""Listings: `list()` iterates items lazily (jobs, or live sessions); `list(...).iter_pages()` gives its
pages, each with its `items` and `has_next_page()`/`next_page()`, for callers who checkpoint
(`page.offset`, `next_offset`) and resume with `list(..., offset=saved)`.

As openai-python's pages: iterating a listing goes through every page. The paging rules and filters are
in gladia/_core/pages.py. This module is the source of gladia/_core/pages_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Generic

from gladia._core.pages import Answer, AsyncListingBase, ListQuery, PageBase, Pager, T, limited


class AsyncJobPage(PageBase[T], Generic[T]):
    """One page of a listing (see PageBase for its attributes)."""

    def __init__(
        self,
        items: list[T],
        offset: int,
        next_offset: int | None,
        fetch: Callable[[int], Awaitable[AsyncJobPage[T]]],
    ) -> None:
        super().__init__(items, offset, next_offset)
        self._fetch = fetch

    async def next_page(self) -> AsyncJobPage[T]:
        """Fetch the page after this one (RuntimeError after the last page)."""
        return await self._fetch(self._following())


class AsyncJobList(AsyncListingBase[T, AsyncJobPage[T]], AsyncIterator[T]):
    """What `list()` returns: an iterator over items that fetches pages as it reaches them, and
    `iter_pages()` for the pages themselves. Nothing is sent before the iteration starts."""

    def __init__(self, fetch: Callable[[int], Awaitable[Answer[T]]], query: ListQuery) -> None:
        self._fetch = fetch
        self._query = query
        self._jobs: AsyncIterator[T] | None = None
        self._fetched: AsyncJobPage[T] | None = None  # the first page, fetched ahead and not yet iterated
        self._first: AsyncJobPage[T] | None = None
        self._items: list[T] | None = None

    async def _first_page(self) -> AsyncJobPage[T]:
        return await self._page(Pager(), self._query.offset)

    async def _page(self, pager: Pager[T], offset: int) -> AsyncJobPage[T]:
        items, following = pager.fresh(await self._fetch(offset), offset)
        return AsyncJobPage(items, offset, following, lambda at: self._page(pager, at))

    async def _prefetch(self) -> AsyncJobPage[T]:
        """Fetch the first page now (the iteration then starts from it instead of fetching it again)."""
        self._fetched = await self._first_page()
        self._items = self._fetched.items
        return self._fetched

    async def _take_first(self) -> AsyncJobPage[T]:
        page, self._fetched = self._fetched, None
        if page is None:
            page = await self._first_page()
            if self._items is None:
                self._items = page.items
        return page

    def __aiter__(self) -> AsyncJobList[T]:
        return self

    async def __anext__(self) -> T:
        if self._jobs is None:
            self._jobs = self._iterate()
        return await self._jobs.__anext__()

    async def _iterate(self) -> AsyncIterator[T]:
        most = self._query.max_items
        yielded = 0
        if limited(most, yielded):
            return
        async for page in self.iter_pages():
            for item in page.items:
                yield item
                yielded += 1
                if limited(most, yielded):
                    return

    async def iter_pages(self) -> AsyncIterator[AsyncJobPage[T]]:
        """The pages of this listing from its start, each fetched when reached (max_items does not apply)."""
        page = await self._take_first()
        yield page
        while page.has_next_page():
            page = await page.next_page()
            yield page
