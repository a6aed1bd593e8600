"""Pure polling decisions: when to look at a job again, when to give up, what to report.

The sync and async clients own the waiting and the HTTP calls; everything they decide comes from here.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from gladia._core import clock as _clock
from gladia._core import constants as C
from gladia._core.log import logger
from gladia.errors import (
    APIConnectionError,
    ConfigurationError,
    InternalServerError,
    PollTimeoutError,
    RateLimitError,
    TranscriptionError,
    UnexpectedResponseError,
)
from gladia.prerecorded._outcome import job_error_reason
from gladia_api.types import Unset

if TYPE_CHECKING:
    from gladia.types import DoneJob
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

#: Failures of a single look at a job that do not end the wait at once (the transport already retried
#: them): the network or Gladia may recover. See `Poller.failed` for when they do end it.
TRANSIENT_ERRORS = (APIConnectionError, RateLimitError, InternalServerError, UnexpectedResponseError)

#: The statuses this SDK knows. Any other is taken as "not final yet": poll() keeps looking, logs it
#: once, and if the deadline comes first, PollTimeoutError names it (`last_status`).
KNOWN_STATUSES = ("queued", "processing", "done", "error")

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


def resolve_interval(interval: object) -> PollSchedule | None:
    """The schedule for `interval=` (gladiaio-sdk's fixed wait between looks, in seconds, without jitter),
    or None for the SDK's own schedule; refusing values that cannot be one."""
    if interval is None:
        return None
    if (
        isinstance(interval, bool)
        or not isinstance(interval, (int, float))
        or not math.isfinite(interval)
        or interval <= 0
    ):
        raise ConfigurationError(f"interval must be a positive number of seconds, got {interval!r}")
    return PollSchedule(initial=float(interval), multiplier=1.0, maximum=float(interval), jitter=0.0)


def done(job: PreRecordedResponse) -> DoneJob:
    """A job whose status is `done`, checked to hold what `DoneJob` promises: its result and transcription.

    Raises:
        UnexpectedResponseError: a `done` job without them (the server's fault; Gladia has never sent one).
    """
    result = job.result
    if result is None or isinstance(result, Unset) or isinstance(result.transcription, Unset):
        missing = "result.transcription" if result else "result"
        raise UnexpectedResponseError(
            f"Gladia says job {job.id} is done but sent no {missing} with it. Fetch it again later "
            f"with get({job.id!r}); if it stays empty, contact Gladia with the job id",
            status_code=200,
        )
    return job  # type: ignore[return-value]  # checked above: DoneJob is this model, narrowed


def look_deadline(poll_deadline: float | None, now: float) -> float | None:
    """Until when one look at the job, begun `now`, may take: the poll's deadline, but a look begun just
    before it still gets `POLL_MIN_LOOK` seconds (never more than `DEADLINE_GRACE` past the deadline)."""
    if poll_deadline is None:
        return None
    return min(poll_deadline + C.DEADLINE_GRACE, max(poll_deadline, now + C.POLL_MIN_LOOK))


class Poller:
    """Follows one job: reports status changes and says how long to wait before the next look."""

    def __init__(
        self,
        job_id: str,
        *,
        timeout: float | None,
        on_status: StatusCallback | None = None,
        schedule: PollSchedule | None = None,
        clock: Callable[[], float] | None = None,
        rng: random.Random | None = None,
        started: float | None = None,
    ) -> None:
        self.job_id = job_id
        self.last_status: str | None = None
        self._on_status = on_status
        self._clock = clock or _clock.monotonic
        self._started = self._clock() if started is None else started
        self._deadline = None if timeout is None else self._started + timeout
        self._delays = (schedule or PollSchedule()).delays(rng or random.Random())
        self._failures = 0  # failed looks in a row
        self._unreadable = 0  # looks in a row answered with something that is not a job
        self._last_error: Exception | None = None

    @property
    def deadline(self) -> float | None:
        """When the wait ends, on this poller's clock (None: never)."""
        return self._deadline

    def observed(self, job: PreRecordedResponse) -> DoneJob | float:
        """The finished job, or the seconds to wait before looking again.

        Raises:
            TranscriptionError: the job ended with status `error`.
            UnexpectedResponseError: the job is `done` but carries no result.
            PollTimeoutError: the deadline passed.
        """
        self._failures = self._unreadable = 0
        self._last_error = None
        status = str(getattr(job.status, "value", job.status))
        if status != self.last_status:
            logger.info("job %s: %s -> %s", self.job_id, self.last_status or "(start)", status)
            if status not in KNOWN_STATUSES:
                logger.warning(
                    "job %s: status %r is unknown to this SDK; taken as not final, poll() keeps looking",
                    self.job_id,
                    status,
                )
            self.last_status = status
            if self._on_status is not None:
                self._on_status(job)
        if status == "done":
            return done(job)
        if status == "error":
            raise TranscriptionError(job, reason=job_error_reason(job))
        return self._next_delay(None)

    def failed(self, error: Exception) -> float:
        """The seconds to wait after a failure to read the job.

        A failure the network or Gladia may recover from is retried until the deadline (then
        PollTimeoutError, saying the job could not be read). One that keeps coming back is raised as
        itself: an answer that is not a job `POLL_MAX_UNREADABLE_LOOKS` times in a row, a rate limit the
        transport already waited out `POLL_MAX_FAILED_LOOKS` times in a row.
        """
        self._failures += 1
        self._last_error = error
        if isinstance(error, UnexpectedResponseError):
            self._unreadable += 1
            if self._unreadable >= C.POLL_MAX_UNREADABLE_LOOKS:
                raise error
        elif isinstance(error, RateLimitError) and (
            self._failures >= C.POLL_MAX_FAILED_LOOKS
            or (error.retry_after is not None and error.retry_after > C.RETRY_AFTER_CAP)
        ):
            raise error  # Gladia asked for a longer wait than the SDK makes: give up now
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
            raise PollTimeoutError(
                self.job_id,
                self.last_status,
                now - self._started,
                last_error=self._last_error,
                unknown_status=self.last_status is not None and self.last_status not in KNOWN_STATUSES,
            ) from cause
        return min(delay, remaining)
