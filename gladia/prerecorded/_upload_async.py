"""Reading a local source for its upload, chunk by chunk: exactly the size checked beforehand (a file that
grows or shrinks is a SourceChangedError), within the request's deadline, with progress reported.

This module is the source of gladia/prerecorded/_upload_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from gladia._core import aio
from gladia.errors import GladiaError
from gladia.prerecorded._sources import UploadBody, checked_chunk, open_handle, read_at, read_failed


async def audio_chunks(body: UploadBody) -> AsyncIterator[bytes]:
    """The audio of `body`'s source, as it is sent (the multipart framing is the caller's)."""
    source, sent = body.source, 0
    body.begin()
    if source.data is not None:
        for offset in range(0, len(source.data), body._chunk):
            body.check_deadline()
            piece = bytes(source.data[offset : offset + body._chunk])
            sent += len(piece)
            yield piece
            body.progress(sent)
        body.ended(sent)
        return
    if source.chunks is not None:
        try:
            async for item in aio.iterate(source.chunks):
                body.check_deadline()
                piece = checked_chunk(item)
                sent += len(piece)
                yield piece
                body.progress(sent)
        except (GladiaError, httpx.HTTPError):
            raise
        except Exception as error:  # the caller's iterable failed: its audio is cut short
            raise read_failed(body, sent, error) from error
        return
    if source.head:
        sent += len(source.head)
        yield source.head
    try:
        handle = None if source.path is not None else await aio.in_thread(open_handle, source)
        while True:
            body.check_deadline()
            size = body.read_size(sent)
            if source.path is not None:
                chunk = await aio.in_thread(read_at, source.path, sent - len(source.head), size)
            else:
                assert handle is not None
                chunk = await aio.in_thread(handle.read, size)
            if not chunk:
                break
            chunk = body.take(chunk, sent)
            sent += len(chunk)
            yield chunk
            body.progress(sent)
    except (GladiaError, httpx.HTTPError):
        raise
    except (OSError, ValueError) as error:
        raise read_failed(body, sent, error) from error
    body.ended(sent)
