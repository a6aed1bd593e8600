"""The one clock: every wait the SDK makes and every deadline it keeps reads it.

Retry backoff, Retry-After, poll intervals, the create lookup's second looks, live reconnection delays and
every overall deadline go through `monotonic()`, `sleep()` and `asleep()` here, and through nothing else,
so a test can replace the clock (`use(clock)`) and assert the waits the SDK asked for instead of sleeping
through them (as openai-python's tests zero its retry waits, and trio's tests drive a mock clock).

Waits for an event with a timeout (a socket read, a condition variable) stay on real time: they wait for
the peer, not for the clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator


class Clock:
    """Real time. Subclass it to replace time in tests (see `use`)."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (only differences mean anything)."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Block this thread for `seconds` (nothing for zero or less)."""
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        """Suspend this task for `seconds` (anyio: asyncio or trio), yielding to the loop even for zero."""
        import anyio  # noqa: PLC0415  (async code only: sync users never import it)

        await anyio.sleep(max(0.0, seconds))

    def now(self) -> dt.datetime:
        """The wall-clock time, in UTC (to compare with the times Gladia writes)."""
        return dt.datetime.now(dt.timezone.utc)


_current: Clock = Clock()


def current() -> Clock:
    """The clock in use."""
    return _current


@contextlib.contextmanager
def use(clock: Clock) -> Iterator[Clock]:
    """Use `clock` for every wait and deadline of the SDK (every thread) until the block ends."""
    global _current  # noqa: PLW0603  (one clock for the process, by design)
    previous, _current = _current, clock
    try:
        yield clock
    finally:
        _current = previous


def monotonic() -> float:
    return _current.monotonic()


def sleep(seconds: float) -> None:
    _current.sleep(seconds)


async def asleep(seconds: float) -> None:
    await _current.asleep(seconds)


def now() -> dt.datetime:
    return _current.now()
