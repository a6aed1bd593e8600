"""The upload's body for httpx: the multipart framing around the audio, for the sync and the async client
alike (the async client may send through a caller's sync http_client, in worker threads)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from gladia.prerecorded._sources import UploadBody
from gladia.prerecorded._upload_async import audio_chunks as async_chunks
from gladia.prerecorded._upload_sync import audio_chunks as sync_chunks


class UploadStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The body for httpx, sync and async: iterable again for a retry (when the source allows it)."""

    def __init__(self, body: UploadBody) -> None:
        self._body = body

    def set_deadline(self, deadline: Any) -> None:
        self._body.set_deadline(deadline)

    def __iter__(self) -> Iterator[bytes]:
        yield self._body.preamble
        yield from sync_chunks(self._body)
        yield self._body.epilogue

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._body.preamble
        async for chunk in async_chunks(self._body):
            yield chunk
        yield self._body.epilogue
