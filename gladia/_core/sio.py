"""The sync primitives of the SDK's sync code: the same names as gladia/_core/aio.py, for threads.

scripts/unasync.py turns `aio` into `sio` when it writes the sync modules from the async ones.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterable, Callable, Iterable, Iterator
from typing import TypeVar

import httpx

from gladia._core.deadline import CURRENT, Deadline
from gladia.errors import InvalidSourceError

T = TypeVar("T")

#: Whether this flavor runs async code: False here, True in aio.
ASYNC = False


def in_thread(func: Callable[..., T], *args: object) -> T:
    """`func(*args)`, here: sync code may block (its async twin runs it in a worker thread)."""
    return func(*args)


@contextlib.contextmanager
def deadline_scope(deadline: Deadline, request: httpx.Request | None = None) -> Iterator[None]:
    """Every socket wait inside ends by `deadline` (the SDK's sockets read it: gladia/_core/sockets.py);
    past it, a read or write times out."""
    token = CURRENT.set(deadline)
    try:
        yield
    finally:
        CURRENT.reset(token)


def iterate(items: Iterable[T] | AsyncIterable[T]) -> Iterator[T]:
    """The items of an ordinary iterable (an async one needs the async client)."""
    if isinstance(items, AsyncIterable):
        raise InvalidSourceError(
            "an async iterable can only be streamed by the async client (AsyncGladiaClient)"
        )
    yield from items
