"""Sending one request: the only place the SDK's clients call httpx (see gladia/_core/request.py).

This module is the source of gladia/_core/send_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

import httpx

from gladia._core import aio
from gladia._core.config import ClientConfig
from gladia._core.request import STREAMED_ERROR_BYTES, RequestOptions, build, map_failure
from gladia._core.response import (
    content_length,
    download_deadline,
    download_timeout,
    error_from_response,
    too_large_download,
)
from gladia.errors import ClientClosedError


async def send(http: httpx.AsyncClient, config: ClientConfig, options: RequestOptions) -> httpx.Response:
    """Send `options` and return the answer (unread and open when `options.stream`: close it), or raise
    the typed error for whatever went wrong."""
    if http.is_closed:
        raise ClientClosedError(
            f"This client was closed (close(), or the end of its `with` block), so {options.method} "
            f"{options.url} was not sent. Make a new client, or make the call before closing this one"
        )
    request = build(http, config, options)
    try:
        response = await http.send(request, stream=options.stream)
    except Exception as exc:
        raise map_failure(exc, config, options) from exc
    if response.is_error:
        if options.stream:
            await _read_error_body(response)
        raise error_from_response(response, config)
    return response


async def _read_error_body(response: httpx.Response) -> None:
    """Read a streamed error answer (up to STREAMED_ERROR_BYTES) so it can be described."""
    data = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            data += chunk
            if len(data) >= STREAMED_ERROR_BYTES:
                break
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()
    response._content = bytes(data[:STREAMED_ERROR_BYTES])


async def download(
    http: httpx.AsyncClient,
    config: ClientConfig,
    options: RequestOptions,
    handle: IO[bytes] | bytearray,
    on_progress: Callable[[int, int | None], object] | None = None,
    limit: int | None = None,
    on_response: Callable[[httpx.Response], object] | None = None,
) -> int:
    """Send a download request (`options.stream`) and write its body into `handle` as it arrives, within
    the request's deadline and, for a bytearray, `limit` bytes; the bytes written. `on_response` sees the
    answer before its body is read."""
    response = await send(http, config, options)
    if on_response is not None:
        on_response(response)
    deadline = download_deadline(response)
    written = 0
    try:
        total = content_length(response)
        with aio.deadline_scope(deadline, response.request):
            async for chunk in response.aiter_bytes():  # as it arrives, so the deadline is checked often
                written += len(chunk)
                if limit is not None and written > limit:
                    raise too_large_download(response, config, limit)
                if isinstance(handle, bytearray):
                    handle += chunk
                else:
                    await aio.in_thread(handle.write, chunk)
                if on_progress is not None:
                    on_progress(written, total)
                if deadline.expired():
                    raise download_timeout(response, config)
    except (httpx.HTTPError, RecursionError) as exc:
        if isinstance(exc, httpx.TimeoutException) and deadline.expired():
            raise download_timeout(response, config) from None
        raise map_failure(exc, config, options) from exc
    finally:
        await response.aclose()
    return written
