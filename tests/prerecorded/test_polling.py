"""The poll schedule and the decisions of a Poller, with a fake clock: no waiting, no server."""

from __future__ import annotations

import random

import pytest

from gladia.errors import ConfigurationError, PollTimeoutError, TranscriptionError, UnexpectedResponseError
from gladia.prerecorded._polling import Poller, PollSchedule, resolve_poll_timeout
from gladia_api.models import PreRecordedResponse

JOB_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab"


RESULT = {
    "metadata": {"audio_duration": 1.0, "billing_time": 1.0, "transcription_time": 0.5},
    "transcription": {"full_transcript": "Hello.", "languages": ["en"], "utterances": []},
}


def job(status: str, **extra: object) -> PreRecordedResponse:
    if status == "done":
        extra = {"result": RESULT, **extra}
    return PreRecordedResponse.from_dict(
        {"id": JOB_ID, "request_id": "G-1", "status": status, "created_at": "2026-01-01T00:00:00Z", **extra}
    )


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_schedule_starts_fast_and_backs_off_to_a_ceiling() -> None:
    delays = PollSchedule(jitter=0).delays(random.Random(1))
    first = [next(delays) for _ in range(8)]
    assert first[:3] == [2.0, 2.5, 3.0]
    assert first[3:] == [3.0] * 5


def test_schedule_is_jittered_within_bounds() -> None:
    delays = PollSchedule(initial=1, multiplier=1, maximum=1, jitter=0.1).delays(random.Random(3))
    sample = [next(delays) for _ in range(50)]
    assert all(0.9 <= d <= 1.1 for d in sample)
    assert len(set(sample)) > 1


def test_status_changes_are_reported_once_each() -> None:
    seen: list[str] = []
    poller = Poller(JOB_ID, timeout=None, on_status=lambda j: seen.append(str(j.status)), clock=Clock())
    for status in ("queued", "queued", "processing", "processing"):
        assert isinstance(poller.observed(job(status)), float)
    finished = poller.observed(job("done"))
    assert isinstance(finished, PreRecordedResponse)
    assert seen == ["queued", "processing", "done"]


def test_an_error_job_raises_with_the_job() -> None:
    poller = Poller(JOB_ID, timeout=None, clock=Clock())
    with pytest.raises(TranscriptionError) as caught:
        poller.observed(job("error", error_code=422))
    assert caught.value.error_code == 422
    assert caught.value.job_id == JOB_ID
    assert caught.value.job.status == "error"


def test_the_deadline_ends_the_wait_with_a_resumable_error() -> None:
    clock = Clock()
    poller = Poller(
        JOB_ID, timeout=10, clock=clock, schedule=PollSchedule(initial=4, multiplier=1, maximum=4, jitter=0)
    )
    assert poller.observed(job("queued")) == 4
    clock.now = 8
    assert poller.observed(job("processing")) == 2  # never sleeps past the deadline
    clock.now = 10
    with pytest.raises(PollTimeoutError) as caught:
        poller.observed(job("processing"))
    assert caught.value.job_id == JOB_ID
    assert caught.value.last_status == "processing"
    assert f"poll({JOB_ID!r})" in str(caught.value)


def test_transient_failures_keep_the_wait_going_until_the_deadline() -> None:
    clock = Clock()
    poller = Poller(JOB_ID, timeout=5, clock=clock, schedule=PollSchedule(initial=1, jitter=0))
    assert poller.failed(RuntimeError("boom")) == 1
    clock.now = 6
    with pytest.raises(PollTimeoutError) as caught:
        poller.failed(RuntimeError("boom"))
    assert isinstance(caught.value.__cause__, RuntimeError)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "60", True])
def test_bad_poll_timeouts_are_refused(bad: object) -> None:
    with pytest.raises(ConfigurationError, match="timeout must be a positive number"):
        resolve_poll_timeout(bad)


def test_no_timeout_means_no_deadline() -> None:
    assert resolve_poll_timeout(None) is None
    assert resolve_poll_timeout(2) == 2.0


@pytest.mark.parametrize(
    ("result", "missing"),
    [(None, "result"), ({"metadata": RESULT["metadata"]}, "result.transcription")],
    ids=["null result", "no transcription"],
)
def test_a_done_job_without_its_transcript_is_not_returned_as_done(result: object, missing: str) -> None:
    # poll() returns a DoneJob, whose type promises both: a job that breaks the promise is an error.
    poller = Poller(JOB_ID, timeout=None)
    with pytest.raises(UnexpectedResponseError, match=f"is done but sent no {missing}") as caught:
        poller.observed(job("done", result=result))
    assert caught.value.status_code == 200


def test_a_look_ends_with_the_poll_but_one_begun_late_gets_a_moment_within_the_grace() -> None:
    from gladia._core import constants as C
    from gladia.prerecorded._polling import look_deadline

    assert look_deadline(None, 5.0) is None
    assert look_deadline(10.0, 0.0) == 10.0  # early looks end with the poll's deadline
    assert look_deadline(10.0, 9.8) == 9.8 + C.POLL_MIN_LOOK  # a late one still gets its moment
    assert look_deadline(10.0, 50.0) == 10.0 + C.DEADLINE_GRACE  # never more than the grace past it


def test_a_rate_limit_asking_for_more_than_the_cap_ends_the_wait_at_once() -> None:
    from gladia._core import constants as C
    from gladia.errors import RateLimitError

    poller = Poller(JOB_ID, timeout=600, clock=Clock())
    assert (
        poller.failed(RateLimitError("slow down", status_code=429, retry_after=5)) > 0
    )  # the transport waited
    with pytest.raises(RateLimitError):
        poller.failed(RateLimitError("a day", status_code=429, retry_after=C.RETRY_AFTER_CAP * 100))
