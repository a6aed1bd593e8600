"""A clock for tests: the SDK's waits take no time, and are recorded.

`FastClock` replaces `gladia._core.clock` (see the `fast_clock` fixture in tests/conftest.py): every
`sleep`/`asleep` the SDK asks for is appended to `.sleeps` and skipped, and `monotonic()` runs that much
ahead of real time, so deadlines still pass as if the waits had been made. A test of a schedule asserts
`.sleeps`, the waits asked for in order, not the seconds it took.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

from gladia._core.clock import Clock


class FastClock(Clock):
    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self._skipped = 0.0
        self._lock = threading.Lock()

    def _skip(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._skipped += max(0.0, seconds)

    @property
    def skipped(self) -> float:
        """Seconds of waiting skipped so far."""
        return self._skipped

    def monotonic(self) -> float:
        return time.monotonic() + self._skipped

    def sleep(self, seconds: float) -> None:
        self._skip(seconds)
        time.sleep(0)  # still let other threads run, as a real wait would

    async def asleep(self, seconds: float) -> None:
        import anyio.lowlevel

        self._skip(seconds)
        await anyio.lowlevel.checkpoint()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=self._skipped)
