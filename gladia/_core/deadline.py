"""Overall deadlines: a moment on the monotonic clock by which a request, or a whole call, must end.

httpx's timeouts bound each wait (a connect, one read, one write) but never a whole exchange, so a server
dripping a byte every second holds a request forever. A `Deadline` is computed once per call and passed
down: each attempt's httpx timeouts are clamped to the time left, the transport checks it as chunks
arrive, and no backoff or poll sleep runs past it.
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
