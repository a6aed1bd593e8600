"""Retry decisions: what is repeated, how long to wait, and never a second job."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from gladia._core.retry import RetryBudget, RetryPolicy, parse_retry_after, retryable_error, retryable_status
from gladia._core.routes import Operation

RNG = random.Random(7)
policy = RetryPolicy()


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_reads_retry_every_transient_status(status: int) -> None:
    assert retryable_status(Operation.GET, status)
    assert retryable_status(Operation.UPLOAD, status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422])
def test_client_errors_are_never_retried(status: int) -> None:
    assert not retryable_status(Operation.GET, status)
    assert not retryable_status(Operation.CREATE, status)


def test_job_creation_retries_only_when_the_server_did_not_start_it() -> None:
    assert retryable_status(Operation.CREATE, 429)
    # A 503 is ambiguous for a create (a proxy may answer it for a request the backend handled): the SDK
    # looks for the job instead of repeating the request.
    for status in (408, 500, 502, 503, 504):
        assert not retryable_status(Operation.CREATE, status)
    request = httpx.Request("POST", "https://api.gladia.io/v2/pre-recorded")
    assert retryable_error(Operation.CREATE, httpx.ConnectError("refused", request=request), True)
    assert retryable_error(Operation.CREATE, httpx.ConnectTimeout("slow", request=request), True)
    for error in (httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.WriteError):
        assert not retryable_error(Operation.CREATE, error("reset", request=request), True)


def test_a_body_that_cannot_be_sent_twice_is_not_repeated_after_it_left() -> None:
    request = httpx.Request("POST", "https://api.gladia.io/v2/upload")
    assert retryable_error(Operation.UPLOAD, httpx.ReadError("x", request=request), True)
    assert not retryable_error(Operation.UPLOAD, httpx.ReadError("x", request=request), False)
    assert retryable_error(Operation.UPLOAD, httpx.ConnectError("x", request=request), False)


def test_backoff_grows_is_capped_and_jittered() -> None:
    delays = [policy.backoff(n, RNG) for n in range(1, 9)]
    assert 0.25 <= delays[0] <= 0.5
    assert all(d <= policy.max_delay for d in delays)
    assert delays[6] >= policy.max_delay / 2
    assert len({round(policy.backoff(3, RNG), 6) for _ in range(20)}) > 1


def test_retry_after_is_honoured_and_capped() -> None:
    assert policy.delay_after_status(Operation.GET, 429, "3", 1, RNG) == 3
    assert policy.delay_after_status(Operation.GET, 503, "1000", 1, RNG) is None  # above the cap: give up now
    assert (
        policy.delay_after_status(Operation.GET, 503, str(policy.retry_after_cap), 1, RNG)
        == policy.retry_after_cap
    )
    for worthless in ("0", "-5", "soon", "nan", ""):  # the normal backoff, never a burst of instant retries
        delay = policy.delay_after_status(Operation.GET, 503, worthless, 1, RNG)
        assert delay is not None and delay >= policy.initial_delay / 2
    assert policy.delay_after_status(Operation.GET, 429, None, 1, RNG) is not None
    budget = RetryBudget(3)  # whether a retry is left is the call's budget's to say, not the policy's
    assert [budget.take() for _ in range(4)] == [True, True, True, False]
    assert policy.delay_after_status(Operation.GET, 404, "1", 1, RNG) is None


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 24, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("2") == 2
    assert parse_retry_after(" 0.5 ") == 0.5
    assert parse_retry_after("-4") == 0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after(None) is None


def test_the_next_attempt_spends_the_calls_budget_and_never_outlasts_its_deadline() -> None:
    from gladia._core.deadline import NO_DEADLINE, Deadline
    from gladia._core.retry import RetryBudget, next_attempt_delay

    budget = RetryBudget(2)
    assert next_attempt_delay(budget, NO_DEADLINE, RNG) is not None
    assert next_attempt_delay(budget, NO_DEADLINE, RNG) is not None
    assert next_attempt_delay(budget, NO_DEADLINE, RNG) is None  # spent: 2 retries, 3 attempts in all
    assert budget.left == 0
    assert next_attempt_delay(RetryBudget(5), Deadline.after(0.01), RNG) is None  # the wait would end past it
