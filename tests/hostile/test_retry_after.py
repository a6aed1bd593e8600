"""Retry-After: above the SDK's cap, give up at once; zero, negative or garbage, the normal backoff (never
a burst); the HTTP-date form honoured."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator

import pytest

from tests._clock import FastClock
from tests.hostile import server as H

GET = ("GET", "/v2/pre-recorded/{id}")
MIN_GAP = 0.1  # the shortest wait a normal backoff allows before a retry (today 0.25 s)


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("method", "route", "args"),
    [
        ("get", GET, (H.JOB_ID,)),
        ("create", ("POST", "/v2/pre-recorded"), ({"audio_url": "https://example.com/a.wav"},)),
        ("upload_file", ("POST", "/v2/upload"), (b"RIFF" + bytes(2000),)),
    ],
    ids=["get", "create", "upload_file"],
)
def test_a_retry_after_above_the_cap_gives_up_at_once(
    server: H.HostileServer, mode: str, method: str, route: tuple[str, str], args: tuple[object, ...]
) -> None:
    server.always(*route, H.retry_after("86400"))
    outcome = H.call(mode, server.url, method, *args)
    error = H.raised(outcome, "RateLimitError")
    assert error.retry_after == 86400  # type: ignore[attr-defined]
    assert outcome.elapsed < 3, outcome.describe()
    assert server.count(*route) == 1


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_503_asking_for_a_day_gives_up_at_once(server: H.HostileServer, mode: str) -> None:
    server.always(*GET, H.retry_after("86400", status=503))
    outcome = H.call(mode, server.url, "get", H.JOB_ID)
    H.raised(outcome, "APIError")
    assert outcome.elapsed < 3, outcome.describe()
    assert server.count(*GET) == 1


VALUES = [
    ("0", "0"),
    ("-5", "-5"),
    ("soon", "soon"),
    ("1e999", "1e999"),
    ("nan", "nan"),
    ("Wed, 21 Oct 2015 07:28:00 GMT", "a-date-in-the-past"),
]


# The wait is one pure decision both clients share: the async client is checked on two of the values.
@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    ("mode", "value"),
    [
        pytest.param(mode, value, id=f"{name}-{mode}")
        for value, name in VALUES
        for mode in H.MODES
        if mode == "sync" or name in ("0", "soon")
    ],
)
def test_a_zero_negative_or_garbage_retry_after_gets_the_normal_backoff(
    server: H.HostileServer, mode: str, value: str, fast_clock: FastClock
) -> None:
    server.always(*GET, H.retry_after(value))
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_retries": 1})
    H.raised(outcome, "RateLimitError")
    assert len(server.received(*GET)) == 2
    (wait,) = fast_clock.sleeps
    assert wait >= MIN_GAP, f"retried after {wait} s: a burst"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_retry_after_http_date_is_honoured(
    server: H.HostileServer, mode: str, fast_clock: FastClock
) -> None:
    job = server.add_job()
    when = email.utils.formatdate(time.time() + 3, usegmt=True)  # whole seconds: a wait of 2 to 3 s
    server.on(*GET, H.retry_after(when, status=503))
    outcome = H.call(mode, server.url, "get", job.id, client={"max_retries": 1})
    assert outcome.error is None, outcome.describe()
    assert len(server.received(*GET)) == 2
    (wait,) = fast_clock.sleeps
    assert 1.5 <= wait <= 4.5, f"waited {wait:.2f} s for a Retry-After of {when}"
