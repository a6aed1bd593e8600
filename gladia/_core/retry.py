"""Pure retry decisions: which failures are worth another try, and how long to wait before it.

Three rules keep retries safe and bounded:

- A request that is safe to repeat (reads, deletes, uploads) is retried after any transient failure:
  a connection error, a timeout, or a 408/429/5xx answer.
- Creating a job is not idempotent: a retry after the server may have started it would create a second
  job (and bill it). The transport repeats it only when the server provably did not start it: the
  connection was never established, or it answered 429. Every other failure is ambiguous and goes to
  the SDK's lookup (gladia/prerecorded/_idempotency.py), which repeats the request only when the job does not exist.
- One call has one `RetryBudget` (max_retries), whichever layer spends it: the transport's retries and
  the create lookup's repeats draw from the same budget, so a call makes at most max_retries + 1 attempts.
"""

from __future__ import annotations

import email.utils
import math
import random
from datetime import datetime, timezone

import attrs
import httpx

from gladia._core import clock
from gladia._core import constants as C
from gladia._core.deadline import Deadline
from gladia._core.routes import IDEMPOTENT, Operation

# Failures that happen before a single byte of the request reaches the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RetryBudget:
    """How many retries one call may still make, shared by every layer that retries."""

    __slots__ = ("max_retries", "used")

    def __init__(self, max_retries: int) -> None:
        self.max_retries = max_retries
        self.used = 0

    def take(self) -> bool:
        """Spend one retry; False when none is left."""
        if self.used >= self.max_retries:
            return False
        self.used += 1
        return True

    @property
    def left(self) -> int:
        return self.max_retries - self.used

    def __repr__(self) -> str:
        return f"RetryBudget({self.used}/{self.max_retries} used)"


@attrs.frozen
class RetryPolicy:
    """How long to wait before a retry. Whether one is left is the call's `RetryBudget`'s to say."""

    initial_delay: float = C.RETRY_INITIAL_DELAY
    max_delay: float = C.RETRY_MAX_DELAY
    multiplier: float = C.RETRY_MULTIPLIER
    retry_after_cap: float = C.RETRY_AFTER_CAP

    def backoff(self, retry: int, rng: random.Random) -> float:
        """The wait before retry number `retry` (1, 2, ...): exponential, capped, with equal jitter."""
        ceiling = min(self.max_delay, self.initial_delay * self.multiplier ** (max(retry, 1) - 1))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)

    def delay_after_status(
        self, operation: Operation, status: int, retry_after: str | None, retry: int, rng: random.Random
    ) -> float | None:
        """Seconds to wait before retry number `retry` after an HTTP answer, or None to return the answer."""
        if not retryable_status(operation, status):
            return None
        return self.wait_for(retry_after, retry, rng)

    def wait_for(self, retry_after: str | None, retry: int, rng: random.Random) -> float | None:
        """The wait a Retry-After header asks for: None when it is above the cap (give up now), the normal
        backoff when it is absent, zero, negative or unreadable."""
        asked = parse_retry_after(retry_after)
        if asked is not None and asked > 0:
            return None if asked > self.retry_after_cap else asked
        return self.backoff(retry, rng)

    def delay_after_error(
        self, operation: Operation, error: Exception, replayable: bool, retry: int, rng: random.Random
    ) -> float | None:
        """Seconds to wait before retrying after a transport error, or None to raise it."""
        if not retryable_error(operation, error, replayable):
            return None
        return self.backoff(retry, rng)


def next_attempt_delay(budget: RetryBudget, deadline: Deadline, rng: random.Random) -> float | None:
    """The wait before a call's next attempt (spending one retry of its budget), or None when the budget is
    spent or the wait would end past the deadline. Used by the create lookup, which repeats a create only
    once it knows the job was not made."""
    if not budget.take():
        return None
    delay = RetryPolicy().backoff(budget.used, rng)
    return delay if deadline.allows(delay) else None


def retryable_status(operation: Operation, status: int) -> bool:
    if operation in IDEMPOTENT:
        return status in C.RETRYABLE_STATUSES
    return status in C.NOT_STARTED_STATUSES


def retryable_error(operation: Operation, error: Exception, replayable: bool) -> bool:
    if isinstance(error, _NOT_SENT):
        return True
    if not isinstance(error, httpx.TransportError) or isinstance(error, httpx.UnsupportedProtocol):
        return False
    # The request may have reached the server: only repeat what is harmless to repeat, and only when
    # its body can be sent again from the start.
    return operation in IDEMPOTENT and replayable


def not_sent(error: BaseException) -> bool:
    """Whether a transport error proves the request never reached the server."""
    return isinstance(error, _NOT_SENT)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date (0 when already past).

    None when absent or unreadable.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        try:
            seconds = (when - (now or clock.now())).total_seconds()
        except OverflowError:
            return None
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
