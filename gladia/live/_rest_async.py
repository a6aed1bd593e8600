"""The live API's REST calls: open, read, list, change, download and delete sessions.

Sent by the one request path (gladia/_core/send_async.py), as every pre-recorded call: the same
retries, deadlines, error mapping and redaction. The WebSocket of a session is `start_session`'s
(gladia/live/_client.py). This module is the source of gladia/live/_rest_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from gladia._core import constants as C
from gladia._core.config import ClientConfig
from gladia._core.pages import DateArg, ListQuery, list_query
from gladia._core.pages_async import AsyncJobList
from gladia._core.request import Body, CallOptions, Headers, HttpTimeout, Query, RequestOptions
from gladia._core.response import parse_model
from gladia._core.send_async import download, send
from gladia.live import _requests as R
from gladia_api import models as M

if TYPE_CHECKING:
    from gladia_api.models.init_streaming_response import InitStreamingResponse
    from gladia_api.models.job_status_enum import JobStatusEnum
    from gladia_api.models.list_streaming_response import ListStreamingResponse
    from gladia_api.models.streaming_response import StreamingResponse


class AsyncLiveRest:
    """The REST calls of Gladia's live API. Each also takes `extra_headers=`, `extra_query=`, `extra_body=`
    and `timeout=`, as every pre-recorded call does."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<{type(self).__name__} api_url={self._config.display_url!r}>"

    async def _send(self, options: RequestOptions) -> httpx.Response:
        return await send(self._http, self._config, options)

    async def create(
        self,
        options: object = None,
        *,
        region: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> InitStreamingResponse:
        """Register a session without connecting to it: its `url` can be handed to another process."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        request, _ = R.session_request(options, region, call)
        created: InitStreamingResponse = parse_model(
            await self._send(request), M.InitStreamingResponse, self._config
        )
        return created

    async def get(
        self,
        session_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> StreamingResponse:
        """A session as it is now: its status, configuration and, once done, its result."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        session: StreamingResponse = parse_model(
            await self._send(R.get(session_id, call)), M.StreamingResponse, self._config
        )
        return session

    async def patch(
        self,
        session_id: str,
        changes: Mapping[str, Any],
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> None:
        """Change a session's stored configuration (such as its `custom_metadata`)."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        await self._send(R.patch(session_id, changes, call))

    async def delete(
        self,
        session_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> None:
        """Delete an ended session and its audio."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        await self._send(R.delete(session_id, call))

    async def download_bytes(
        self,
        session_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> bytes:
        """The audio the session received, as a file, in memory (streamed, at most 1100 MiB)."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        buffer = bytearray()
        await download(
            self._http,
            self._config,
            R.download(session_id, call),
            buffer,
            limit=C.MAX_DOWNLOAD_BYTES_IN_MEMORY,
        )
        return bytes(buffer)

    def list(
        self,
        params: Mapping[str, Any] | None = None,
        *,
        status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None = None,
        date: DateArg = None,
        before_date: DateArg = None,
        after_date: DateArg = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = C.LIST_PAGE_SIZE,
        max_items: int | None = None,
        offset: int = 0,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> AsyncJobList[StreamingResponse]:
        """Every session (newest first) matching the filters, fetching pages as the iteration goes.

        The filters, paging and listing are the pre-recorded `list()`'s (see there): `iter_pages()`,
        `offset=` to resume, `custom_metadata` sent in the bracket form, and a listing that always ends.
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        query = list_query(
            params,
            status=status,
            date=date,
            before_date=before_date,
            after_date=after_date,
            custom_metadata=custom_metadata,
            page_size=page_size,
            offset=offset,
            max_items=max_items,
        )
        return AsyncJobList(lambda at: self._page(query, at, call), query)

    async def _page(self, query: ListQuery, offset: int, call: CallOptions) -> ListStreamingResponse:
        page: ListStreamingResponse = parse_model(
            await self._send(R.list_page(query, offset, call)), M.ListStreamingResponse, self._config
        )
        return page
