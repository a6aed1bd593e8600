"""Gladia's live API: open sessions streamed over a WebSocket, and read, list, patch, delete and download them.

`client.live().start_session(options)` checks the options locally (`gladia.live._options`), asks Gladia
for a session (`POST /v2/live`, through the one request path: key, timeouts, retries, typed errors and
redaction as for every request), checks the WebSocket URL Gladia answers (`gladia.live._url`), then opens
the session's WebSocket, whose URL carries a token instead of the key. The other calls are sent the same way.

Why `websockets` (the `live` extra): streaming 30 minutes of 16 kHz audio in 100 ms frames (18,000 frames,
one acknowledgment each) to a local server on this project's 2-core runner cost the client 0.42-0.46 s of
CPU with `websockets.sync` and 0.43 s with `websockets.asyncio`, against 0.51 s (sync) and 1.63-1.68 s
(async) with `httpx-ws`; the official SDK uses `websockets` as well. Both sessions now use `websockets.asyncio`
(the sync one on an event loop of its own). Frames are sent uncompressed: audio does not deflate, so
compression would only cost CPU.

This module is the source of gladia/live/_client_sync.py, LiveClient (scripts/unasync.py).
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
from gladia.live._buffer import BUFFER_WAIT_SECONDS, MAX_BUFFER_BYTES, MAX_FRAME_BYTES, AudioBuffer
from gladia.live._messages import REQUIRED_MESSAGES
from gladia.live._url import allowed_hosts_of, check_live_url
from gladia_api import models as M

if TYPE_CHECKING:
    from gladia.live._async_session import AsyncLiveSession
    from gladia.live._protocol import LiveProtocol
    from gladia_api.models.init_streaming_response import InitStreamingResponse
    from gladia_api.models.job_status_enum import JobStatusEnum
    from gladia_api.models.list_streaming_response import ListStreamingResponse
    from gladia_api.models.streaming_response import StreamingResponse


END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
_MISSING_EXTRA = "live sessions need the websockets package: pip install 'gladia[live]'"


def _protocol(asked: Mapping[str, Any], max_buffer_bytes: int, session_id: str) -> LiveProtocol:
    # Imported on first use: it reads the message models, which `import gladia` need not pay for.
    from gladia.live._protocol import LiveProtocol  # noqa: PLC0415

    buffer = AudioBuffer(max_bytes=max_buffer_bytes, frame_bytes=min(MAX_FRAME_BYTES, max_buffer_bytes))
    return LiveProtocol(buffer, asked, session_id=session_id)


class AsyncLiveClient:
    """Gladia's live API. Made by `GladiaClient(...).live()` (or `AsyncGladiaClient(...).live()`); shares the
    client's connection pool. Each REST call also takes `extra_headers=`, `extra_query=`, `extra_body=` and
    `timeout=`, as every pre-recorded call does."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<{type(self).__name__} api_url={self._config.display_url!r}>"

    async def _send(self, options: RequestOptions) -> httpx.Response:
        return await send(self._http, self._config, options)

    async def start_session(
        self,
        options: object = None,
        *,
        region: str | None = None,
        max_buffer_bytes: int = MAX_BUFFER_BYTES,
        buffer_wait: float = BUFFER_WAIT_SECONDS,
        max_unread_bytes: int = C.LIVE_MAX_UNREAD_BYTES,
        end_timeout: float = END_WAIT_SECONDS,
        allowed_hosts: Iterable[str] = (),
    ) -> AsyncLiveSession:
        """Open a live session and connect to it.

        Args:
            options: the session's configuration as in Gladia's docs (`encoding`, `sample_rate`,
                `language_config`, `messages_config`, ...), a `StreamingRequest`, or None for the defaults.
            region: `us-west` or `eu-west`; Gladia picks when None.
            max_buffer_bytes: the most audio kept unacknowledged before send_audio() waits.
            buffer_wait: how long send_audio() waits for room before LiveBufferFullError, and how long a
                write may take before the session fails with LiveStalledError (the server stopped
                reading).
            max_unread_bytes: the most memory the messages kept for iteration while unread may take
                (each counted by an upper bound of what it takes once read, 256 bytes at least); past
                it the oldest partial transcripts are dropped, then the session fails with
                LiveQueueFullError. Only subscribed to (`session.on()`, nothing iterating), it keeps none.
            end_timeout: how long after stop_recording() the session may take to end (Gladia's
                `end_session`); past it the socket is closed and the session fails with
                LiveIncompleteError, so iterating, wait_until_ended() and leaving the `with` block never
                wait on a server gone silent for longer than this (plus a few seconds to close).
            allowed_hosts: hosts besides the API's that the session's WebSocket URL (given by Gladia)
                may point to. By default the SDK connects only to the API's host (any loopback host for
                a loopback API, such as the emulator), over wss:// when the API is reached over https.

        Raises:
            InvalidOptionsError: options Gladia would refuse; nothing was sent.
            ConfigurationError: `allowed_hosts` is not a list of host names; nothing was sent.
            APIError, APIConnectionError: Gladia refused to open the session, or could not be reached.
            LiveURLError: Gladia answered with a WebSocket URL the SDK will not connect to (see
                `allowed_hosts`); nothing was sent to it.
            LiveConnectionError: the session was created but its WebSocket could not be opened.
        """
        try:
            from gladia.live._async_session import AsyncLiveSession  # noqa: PLC0415  (the live extra)
        except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
            raise ModuleNotFoundError(_MISSING_EXTRA, name=exc.name) from None
        # end_session marks a complete session: a streaming session always asks for it.
        request, asked = R.session_request(options, region, required=REQUIRED_MESSAGES)
        hosts = allowed_hosts_of(allowed_hosts)
        created = parse_model(await self._send(request), M.InitStreamingResponse)
        session = AsyncLiveSession(
            session_id=created.id,
            url=check_live_url(created.url, self._config.api_url, hosts, session_id=created.id),
            protocol=_protocol(asked, max_buffer_bytes, created.id),
            buffer_wait=buffer_wait,
            max_unread_bytes=max_unread_bytes,
            end_timeout=end_timeout,
        )
        return await session._start()

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
