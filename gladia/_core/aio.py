"""Running blocking work off the event loop, with anyio imported on first use: sync code never loads it.

(Async waits are `gladia._core.clock.asleep`, so tests can replace time.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def in_thread(func: Callable[..., T], *args: object) -> T:
    """`func(*args)` in a worker thread, so blocking file I/O never stalls the event loop."""
    import anyio.to_thread  # noqa: PLC0415

    return await anyio.to_thread.run_sync(func, *args)
