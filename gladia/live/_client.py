"""Gladia's live API: open sessions streamed over a WebSocket, and read, list, patch, delete and download them.

`client.live().start_session(options)` checks the options locally (`gladia.live._options`), asks Gladia
for a session (`POST /v2/live`, through the client's httpx pool: key, timeouts and retries as for every
request), then opens its WebSocket, whose URL carries a token instead of the key.

Why `websockets` (the `live` extra): streaming 30 minutes of 16 kHz audio in 100 ms frames (18,000 frames,
one acknowledgment each) to a local server on this project's 2-core runner cost the client 0.42-0.46 s of
CPU with `websockets.sync` and 0.43 s with `websockets.asyncio`, against 0.51 s (sync) and 1.63-1.68 s
(async) with `httpx-ws`; the official SDK uses `websockets` as well. Frames are sent uncompressed: audio does
not deflate, so compression would only cost CPU. End to end, against the emulator in another process, the
same 30 minutes sent as fast as the server acknowledges took this SDK's sync session 0.52-0.59 s of CPU
(1.1-1.3 s wall) and the official SDK's live client (2.2.1) 11.8-12.3 s (18.8-20.2 s wall).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from gladia._core import constants as C
from gladia._core.config import ClientConfig
from gladia._core.job_id import check_job_id
from gladia._core.response import error_from_response, parse_model
from gladia.errors import APIConnectionError, APITimeoutError, InvalidOptionsError
from gladia.live._buffer import BUFFER_WAIT_SECONDS, MAX_BUFFER_BYTES, MAX_FRAME_BYTES, AudioBuffer
from gladia.live._messages import REQUIRED_MESSAGES
from gladia.live._options import live_session_body
from gladia.live._url import allowed_hosts_of, check_live_url
from gladia_api import models as M

if TYPE_CHECKING:
    from gladia.live._async_session import AsyncLiveSession
    from gladia.live._protocol import LiveProtocol
    from gladia.live._session import LiveSession
    from gladia_api.models.init_streaming_response import InitStreamingResponse
    from gladia_api.models.list_streaming_response import ListStreamingResponse
    from gladia_api.models.streaming_response import StreamingResponse

_PAGE_SIZE = 50
END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
_MISSING_EXTRA = "live sessions need the websockets package: pip install 'gladia[live]'"


def _session_request(options: object, region: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The checked body of `POST /v2/live` (acknowledgments forced on: resuming needs them), its request,
    and the messages_config the caller asked for."""
    body = live_session_body(options)
    if region is not None and region not in ("us-west", "eu-west"):
        raise InvalidOptionsError([f"region: {region!r} is not one of us-west, eu-west"])
    asked = dict(body.get("messages_config") or {})
    body["messages_config"] = {**asked, "receive_acknowledgments": True}
    request: dict[str, Any] = {"method": "POST", "url": "/v2/live", "json": body}
    if region is not None:
        request["params"] = {"region": region}
    return request, asked


def _protocol(asked: Mapping[str, Any], max_buffer_bytes: int, session_id: str) -> LiveProtocol:
    # Imported on first use: it reads the message models, which `import gladia` need not pay for.
    from gladia.live._protocol import LiveProtocol  # noqa: PLC0415

    buffer = AudioBuffer(max_bytes=max_buffer_bytes, frame_bytes=min(MAX_FRAME_BYTES, max_buffer_bytes))
    return LiveProtocol(buffer, asked, session_id=session_id)


def _list_params(
    offset: int, limit: int, status: object, custom_metadata: Mapping[str, Any] | None
) -> list[Any]:
    params: list[tuple[str, str]] = [("offset", str(offset)), ("limit", str(limit))]
    statuses = [status] if isinstance(status, str) else list(status or [])  # type: ignore[call-overload]
    params += [("status", str(getattr(s, "value", s))) for s in statuses]
    params += [
        (str(k), v if isinstance(v, str) else str(v).lower()) for k, v in (custom_metadata or {}).items()
    ]
    return params


def _next_offset(page: ListStreamingResponse, offset: int) -> int | None:
    return offset + len(page.items) if page.next_ and page.items else None


def _connection_error(exc: httpx.RequestError) -> APIConnectionError:
    request = getattr(exc, "_request", None)
    method, url = (request.method, str(request.url)) if request is not None else ("", "")
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return kind(f"Could not talk to Gladia ({type(exc).__name__}: {exc})", method=method, url=url)


class LiveClient:
    """Gladia's live API. Made by `GladiaClient(...).live()`; shares the client's connection pool."""

    def __init__(self, http: httpx.Client, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner

    def __repr__(self) -> str:
        return f"<LiveClient api_url={str(self._config.api_url)!r}>"

    def _send(self, request: dict[str, Any]) -> httpx.Response:
        try:
            response = self._http.request(**request)
        except httpx.RequestError as exc:
            raise _connection_error(exc) from exc
        if response.is_error:
            raise error_from_response(response)
        return response

    def start_session(
        self,
        options: object = None,
        *,
        region: str | None = None,
        max_buffer_bytes: int = MAX_BUFFER_BYTES,
        buffer_wait: float = BUFFER_WAIT_SECONDS,
        max_unread_bytes: int = C.LIVE_MAX_UNREAD_BYTES,
        end_timeout: float = END_WAIT_SECONDS,
        allowed_hosts: Iterable[str] = (),
    ) -> LiveSession:
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
            from gladia.live._session import LiveSession  # noqa: PLC0415  (the live extra, on first use)
        except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
            raise ModuleNotFoundError(_MISSING_EXTRA, name=exc.name) from None
        request, asked = _session_request(options, region)
        request["json"]["messages_config"].update(REQUIRED_MESSAGES)  # end_session marks a complete session
        hosts = allowed_hosts_of(allowed_hosts)
        created = parse_model(self._send(request), M.InitStreamingResponse)
        return LiveSession(
            session_id=created.id,
            url=check_live_url(created.url, self._config.api_url, hosts, session_id=created.id),
            protocol=_protocol(asked, max_buffer_bytes, created.id),
            buffer_wait=buffer_wait,
            max_unread_bytes=max_unread_bytes,
            end_timeout=end_timeout,
        )

    def create(self, options: object = None, *, region: str | None = None) -> InitStreamingResponse:
        """Register a session without connecting to it: its `url` can be handed to another process."""
        request, _ = _session_request(options, region)
        return parse_model(self._send(request), M.InitStreamingResponse)

    def get(self, session_id: str) -> StreamingResponse:
        """A session as it is now: its status, configuration and, once done, its result."""
        response = self._send({"method": "GET", "url": f"/v2/live/{check_job_id(session_id)}"})
        return parse_model(response, M.StreamingResponse)

    def list(
        self,
        *,
        status: object = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = _PAGE_SIZE,
    ) -> Iterator[StreamingResponse]:
        """Every session (newest first) matching the filters, fetching pages as the iteration goes."""
        offset: int | None = 0
        while offset is not None:
            params = _list_params(offset, page_size, status, custom_metadata)
            response = self._send({"method": "GET", "url": "/v2/live", "params": params})
            page = parse_model(response, M.ListStreamingResponse)
            yield from page.items
            offset = _next_offset(page, offset)

    def patch(self, session_id: str, changes: Mapping[str, Any]) -> None:
        """Change a session's stored configuration (such as its `custom_metadata`)."""
        url = f"/v2/live/{check_job_id(session_id)}"
        self._send({"method": "PATCH", "url": url, "json": dict(changes)})

    def delete(self, session_id: str) -> None:
        """Delete an ended session and its audio."""
        self._send({"method": "DELETE", "url": f"/v2/live/{check_job_id(session_id)}"})

    def download_bytes(self, session_id: str) -> bytes:
        """The audio the session received, as a file."""
        return self._send({"method": "GET", "url": f"/v2/live/{check_job_id(session_id)}/file"}).content


class AsyncLiveClient:
    """Gladia's live API, async. Made by `AsyncGladiaClient(...).live()`."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner

    def __repr__(self) -> str:
        return f"<AsyncLiveClient api_url={str(self._config.api_url)!r}>"

    async def _send(self, request: dict[str, Any]) -> httpx.Response:
        try:
            response = await self._http.request(**request)
        except httpx.RequestError as exc:
            raise _connection_error(exc) from exc
        if response.is_error:
            raise error_from_response(response)
        return response

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
        """Open a live session and connect to it; see `LiveClient.start_session`."""
        try:
            from gladia.live._async_session import AsyncLiveSession  # noqa: PLC0415  (the live extra)
        except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
            raise ModuleNotFoundError(_MISSING_EXTRA, name=exc.name) from None
        request, asked = _session_request(options, region)
        request["json"]["messages_config"].update(REQUIRED_MESSAGES)  # end_session marks a complete session
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

    async def create(self, options: object = None, *, region: str | None = None) -> InitStreamingResponse:
        """Register a session without connecting to it."""
        request, _ = _session_request(options, region)
        return parse_model(await self._send(request), M.InitStreamingResponse)

    async def get(self, session_id: str) -> StreamingResponse:
        """A session as it is now."""
        response = await self._send({"method": "GET", "url": f"/v2/live/{check_job_id(session_id)}"})
        return parse_model(response, M.StreamingResponse)

    async def list(
        self,
        *,
        status: object = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = _PAGE_SIZE,
    ) -> AsyncIterator[StreamingResponse]:
        """Every session (newest first) matching the filters, fetching pages as the iteration goes."""
        offset: int | None = 0
        while offset is not None:
            params = _list_params(offset, page_size, status, custom_metadata)
            response = await self._send({"method": "GET", "url": "/v2/live", "params": params})
            page = parse_model(response, M.ListStreamingResponse)
            for item in page.items:
                yield item
            offset = _next_offset(page, offset)

    async def patch(self, session_id: str, changes: Mapping[str, Any]) -> None:
        """Change a session's stored configuration (such as its `custom_metadata`)."""
        url = f"/v2/live/{check_job_id(session_id)}"
        await self._send({"method": "PATCH", "url": url, "json": dict(changes)})

    async def delete(self, session_id: str) -> None:
        """Delete an ended session and its audio."""
        await self._send({"method": "DELETE", "url": f"/v2/live/{check_job_id(session_id)}"})

    async def download_bytes(self, session_id: str) -> bytes:
        """The audio the session received, as a file."""
        response = await self._send({"method": "GET", "url": f"/v2/live/{check_job_id(session_id)}/file"})
        return response.content
