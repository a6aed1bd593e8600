"""A clock for tests: the SDK's waits take a fiftieth of their time, and are recorded.

`FastClock` replaces `gladia._core.clock` (see the `fast_clock` fixture in tests/conftest.py): every
`sleep`/`asleep` the SDK asks for is appended to `.sleeps` and made at `SCALE` of its length, and
`monotonic()` runs ahead of real time by what was skipped, so deadlines pass as if the waits had been made
in full. A test of a schedule asserts `.sleeps`, the waits asked for in order, not the seconds it took.

The waits are shortened, not skipped: a server doing real work (the emulator transcribing with Whisper)
still gets real time between two looks at its job, so a poll does not spin through its deadline while
the job runs.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from gladia._core.clock import Clock

#: The share of each wait that is really waited.
SCALE = 0.02


class FastClock(Clock):
    def __init__(self, *, scale: float = SCALE) -> None:
        self.sleeps: list[float] = []
        #: The thread that asked for each of `.sleeps` (the emulator and servers of a test may wait too).
        self.sleepers: list[int] = []
        #: Called with each wait before it is made (a test records what the server has seen so far).
        self.on_sleep: Callable[[float], object] | None = None
        self._scale = scale
        self._skipped = 0.0
        self._lock = threading.Lock()

    def _skip(self, seconds: float) -> float:
        if self.on_sleep is not None:
            self.on_sleep(seconds)
        real = max(0.0, seconds) * self._scale
        with self._lock:
            self.sleeps.append(seconds)
            self.sleepers.append(threading.get_ident())
            self._skipped += max(0.0, seconds) - real
        return real

    def sleeps_here(self) -> list[float]:
        """The waits asked for by the calling thread, in order (what one sync call of the SDK asked for)."""
        here = threading.get_ident()
        with self._lock:
            return [s for s, t in zip(self.sleeps, self.sleepers, strict=True) if t == here]

    @property
    def skipped(self) -> float:
        """Seconds of waiting skipped so far."""
        return self._skipped

    def monotonic(self) -> float:
        return time.monotonic() + self._skipped

    def sleep(self, seconds: float) -> None:
        time.sleep(self._skip(seconds))

    async def asleep(self, seconds: float) -> None:
        import anyio

        await anyio.sleep(self._skip(seconds))

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=self._skipped)
