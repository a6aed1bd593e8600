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

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from gladia._core import constants as C
from gladia._core.response import parse_model
from gladia.live._buffer import BUFFER_WAIT_SECONDS, MAX_BUFFER_BYTES, MAX_FRAME_BYTES, AudioBuffer
from gladia.live._messages import REQUIRED_MESSAGES
from gladia.live._requests import session_request as _session_request
from gladia.live._rest_async import AsyncLiveRest
from gladia.live._rest_sync import LiveRest
from gladia.live._url import allowed_hosts_of, check_live_url
from gladia_api import models as M

if TYPE_CHECKING:
    from gladia.live._async_session import AsyncLiveSession
    from gladia.live._protocol import LiveProtocol
    from gladia.live._session import LiveSession

_PAGE_SIZE = 50
END_WAIT_SECONDS = C.LIVE_END_WAIT_SECONDS
_MISSING_EXTRA = "live sessions need the websockets package: pip install 'gladia[live]'"


def _protocol(asked: Mapping[str, Any], max_buffer_bytes: int, session_id: str) -> LiveProtocol:
    # Imported on first use: it reads the message models, which `import gladia` need not pay for.
    from gladia.live._protocol import LiveProtocol  # noqa: PLC0415

    buffer = AudioBuffer(max_bytes=max_buffer_bytes, frame_bytes=min(MAX_FRAME_BYTES, max_buffer_bytes))
    return LiveProtocol(buffer, asked, session_id=session_id)


class LiveClient(LiveRest):
    """Gladia's live API. Made by `GladiaClient(...).live()`; shares the client's connection pool."""

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
        # end_session marks a complete session: a streaming session always asks for it.
        request, asked = _session_request(options, region, required=REQUIRED_MESSAGES)
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


class AsyncLiveClient(AsyncLiveRest):
    """Gladia's live API, async. Made by `AsyncGladiaClient(...).live()`."""

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
        # end_session marks a complete session: a streaming session always asks for it.
        request, asked = _session_request(options, region, required=REQUIRED_MESSAGES)
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
