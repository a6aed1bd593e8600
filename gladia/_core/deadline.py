"""Overall deadlines, the one mechanism: a moment on the SDK's clock by which a request, or a whole call,
must end.

httpx's timeouts bound each wait (a connect, one read, one write) but never a whole exchange, so a server
dripping a byte every second holds a request forever. A call computes its `Deadline` once (`poll`'s
`wait_timeout`, the client's or the call's `timeout`, the defaults in gladia/_core/constants.py) and hands it
down in its requests' `Plan` (gladia/_core/request.py, which takes the earliest of the call's and the
request's own). Everything that waits then asks the same object:

    the transport (transport_async.py)  each attempt's httpx timeouts clamped to the time left
                                        (`clamp_timeout`), the attempt cancelled past it (`aio.deadline_scope`;
                                        sync: the sockets of gladia/_core/sockets.py read `CURRENT`), the body
                                        checked as it arrives, no retry whose wait would end past it (`allows`)
    downloads (send_async.download)     the body's chunks, within the request's deadline
    uploads (prerecorded/_sources.py)   each chunk read checks it (`set_deadline`)
    flows (prerecorded/_client_async)   the create lookup's looks and repeats, poll's looks (`look_deadline`)
                                        and sleeps, all within the call's deadline
    live sessions                       their own waits (buffer_wait, end_timeout) on the same clock

Past it: `DeadlineExceeded` (an httpx.TimeoutException), mapped to `APITimeoutError`, or `PollTimeoutError`
for a poll.
"""

from __future__ import annotations

import contextvars

import httpx

from gladia._core import clock

#: The deadline of the request the current thread is sending (set by the sync transport), read by the SDK's
#: sync sockets (gladia/_core/sockets.py).
CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("gladia_deadline", default=None)


class DeadlineExceeded(httpx.TimeoutException):
    """The overall deadline of a request passed (a raw httpx call sees it as an httpx.TimeoutException)."""


class Deadline:
    """A moment on the monotonic clock (None: no limit). Immutable."""

    __slots__ = ("at",)

    def __init__(self, at: float | None) -> None:
        self.at = at

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else clock.monotonic() + seconds)

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None without a limit."""
        return None if self.at is None else max(0.0, self.at - clock.monotonic())

    def expired(self) -> bool:
        return self.at is not None and clock.monotonic() >= self.at

    def earliest(self, other: Deadline | None) -> Deadline:
        if other is None or other.at is None:
            return self
        if self.at is None or other.at < self.at:
            return other
        return self

    def shifted(self, seconds: float) -> Deadline:
        return self if self.at is None else Deadline(self.at + seconds)

    def allows(self, delay: float) -> bool:
        """Whether a wait of `delay` seconds still ends before the deadline."""
        left = self.remaining()
        return left is None or delay < left

    def clamp_timeout(self, timeout: httpx.Timeout) -> dict[str, float | None]:
        """The httpx timeout extension for an attempt starting now: no wait longer than the time left."""
        values = timeout.as_dict()
        left = self.remaining()
        if left is None:
            return values
        # A floor of a few milliseconds: httpcore treats 0 as "fail at once" on some backends, which is
        # what we want, but a negative or zero float is refused by others.
        left = max(left, 0.001)
        return {name: left if value is None else min(value, left) for name, value in values.items()}

    def __repr__(self) -> str:
        left = self.remaining()
        return "Deadline(none)" if left is None else f"Deadline(in {left:.3f} s)"


NO_DEADLINE = Deadline(None)
