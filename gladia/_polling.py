"""Pure polling decisions: when to look at a job again, when to give up, what to report.

The sync and async clients own the waiting and the HTTP calls; everything they decide comes from here.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from gladia import _constants as C
from gladia._logging import logger
from gladia.errors import (
    APIConnectionError,
    ConfigurationError,
    InternalServerError,
    PollTimeoutError,
    RateLimitError,
    TranscriptionError,
    UnexpectedResponseError,
)
from gladia_api.types import Unset

if TYPE_CHECKING:
    from gladia.types import DoneJob
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

#: Failures of a single look at a job that do not end the wait (the transport already retried them).
TRANSIENT_ERRORS = (APIConnectionError, RateLimitError, InternalServerError, UnexpectedResponseError)

StatusCallback = Callable[["PreRecordedResponse"], object]


@attrs.frozen
class PollSchedule:
    """Delays between looks: `initial`, then times `multiplier` up to `maximum`, each jittered by +/-`jitter`."""

    initial: float = C.POLL_INITIAL_DELAY
    multiplier: float = C.POLL_MULTIPLIER
    maximum: float = C.POLL_MAX_DELAY
    jitter: float = C.POLL_JITTER

    def delays(self, rng: random.Random) -> Iterator[float]:
        delay = self.initial
        while True:
            yield delay * (1 + rng.uniform(-self.jitter, self.jitter))
            delay = min(self.maximum, delay * self.multiplier)


def resolve_poll_timeout(timeout: object) -> float | None:
    """The overall wait in seconds (None: no limit), refusing values that cannot be one."""
    if timeout is None:
        return None
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or math.isnan(timeout)
        or timeout <= 0
    ):
        raise ConfigurationError(
            f"timeout must be a positive number of seconds (or None to wait without limit), got {timeout!r}"
        )
    return float(timeout)


def done(job: PreRecordedResponse) -> DoneJob:
    """A job whose status is `done`, checked to hold what `DoneJob` promises: its result and transcription.

    Raises:
        TranscriptionError: a `done` job without them (Gladia has never sent one): no transcript to return.
    """
    result = job.result
    if result is None or isinstance(result, Unset) or isinstance(result.transcription, Unset):
        missing = "result.transcription" if result else "result"
        raise TranscriptionError(job, f"Transcription job {job.id} is done but has no {missing}.")
    return job  # type: ignore[return-value]  # checked above: DoneJob is this model, narrowed


class Poller:
    """Follows one job: reports status changes and says how long to wait before the next look."""

    def __init__(
        self,
        job_id: str,
        *,
        timeout: float | None,
        on_status: StatusCallback | None = None,
        schedule: PollSchedule | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.job_id = job_id
        self.last_status: str | None = None
        self._on_status = on_status
        self._clock = clock
        self._started = clock()
        self._deadline = None if timeout is None else self._started + timeout
        self._delays = (schedule or PollSchedule()).delays(rng or random.Random())

    def observed(self, job: PreRecordedResponse) -> DoneJob | float:
        """The finished job, or the seconds to wait before looking again.

        Raises:
            TranscriptionError: the job ended with status `error`.
            PollTimeoutError: the deadline passed.
        """
        status = str(job.status)
        if status != self.last_status:
            logger.info("job %s: %s -> %s", self.job_id, self.last_status or "(start)", status)
            self.last_status = status
            if self._on_status is not None:
                self._on_status(job)
        if status == "done":
            return done(job)
        if status == "error":
            raise TranscriptionError(job)
        return self._next_delay(None)

    def failed(self, error: Exception) -> float:
        """The seconds to wait after a transient failure to read the job (or PollTimeoutError)."""
        logger.warning(
            "job %s: could not read it (%s); will look again", self.job_id, error.__class__.__name__
        )
        return self._next_delay(error)

    def _next_delay(self, cause: Exception | None) -> float:
        delay = next(self._delays)
        if self._deadline is None:
            return delay
        now = self._clock()
        remaining = self._deadline - now
        if remaining <= 0:
            raise PollTimeoutError(self.job_id, self.last_status, now - self._started) from cause
        return min(delay, remaining)
