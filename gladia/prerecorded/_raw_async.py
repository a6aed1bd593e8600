"""The wrappers of `with_raw_response`: a method run on a copy of its client that records every answer.

This module is the source of gladia/prerecorded/_raw_sync.py (scripts/unasync.py).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

import httpx

from gladia._core.pages_async import AsyncJobList
from gladia.prerecorded._raw import RawResponse, last_answer

P = ParamSpec("P")
T = TypeVar("T")


def wrap(client: Any, method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    name = method.__name__

    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> RawResponse[T]:
        seen: list[httpx.Response] = []
        value = await getattr(client._recording(seen), name)(*args, **kwargs)
        return RawResponse(last_answer(seen, name), value)

    return call


def wrap_list(
    client: Any, method: Callable[P, AsyncJobList[Any]]
) -> Callable[P, Awaitable[RawResponse[AsyncJobList[Any]]]]:
    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> RawResponse[AsyncJobList[Any]]:
        seen: list[httpx.Response] = []
        recorder = client._recording(seen)
        listing: AsyncJobList[Any] = recorder.list(*args, **kwargs)
        await listing._prefetch()  # a listing sends nothing until read: its first page is its answer
        recorder._seen = None  # its later pages are not kept
        return RawResponse(last_answer(seen, "list"), listing)

    return call
