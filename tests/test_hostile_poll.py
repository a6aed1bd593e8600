"""Poll honesty: a permanent failure surfaces as itself, promptly; a transient one is retried within the
deadline; a status the SDK does not know is reported by name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import hostile as H

GET = ("GET", "/v2/pre-recorded/{id}")
LONG = 120.0  # a poll timeout the failures below must not wait for
PROMPT = 30.0


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


@pytest.mark.timeout(45)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        pytest.param(H.invalid_json(), "UnexpectedResponseError", id="never-json"),
        pytest.param(H.nested_json(100_000), "UnexpectedResponseError", id="always-100k-deep"),
        pytest.param(H.json_reply({"message": "slow down"}, 429), "RateLimitError", id="429-forever"),
        pytest.param(H.retry_after("86400"), "RateLimitError", id="429-retry-after-a-day"),
        pytest.param(H.json_reply({"message": "no such job"}, 404), "NotFoundError", id="404-deleted"),
        pytest.param(H.json_reply({"message": "bad key"}, 401), "AuthenticationError", id="401-key-revoked"),
        pytest.param(H.gzip_bomb(256 * H.MiB), "ResponseTooLargeError", id="gzip-bomb"),
    ],
)
def test_a_permanent_failure_inside_poll_is_raised_as_itself_promptly(
    server: H.HostileServer, mode: str, answer: H.Handler, error: str
) -> None:
    job = server.add_job(status="processing")
    server.always(*GET, answer)
    outcome = H.call(mode, server.url, "poll", job.id, timeout=LONG, client={"max_retries": 0})
    H.raised(outcome, error)
    assert outcome.elapsed <= PROMPT, outcome.describe()
    assert "keeps running" not in str(outcome.error)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_transient_failures_inside_poll_are_retried(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    server.on(*GET, H.json_reply({"message": "busy"}, 503), H.reset(), H.truncate(b'{"id": '))
    outcome = H.call(mode, server.url, "poll", job.id, timeout=20, client={"max_retries": 1})
    assert outcome.error is None, outcome.describe()
    assert outcome.value.status == "done"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_status_this_sdk_does_not_know_is_named(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    server.always(*GET, H.job_reply("paused"))
    outcome = H.call(mode, server.url, "poll", job.id, timeout=2)
    assert outcome.elapsed <= 2 + 5, outcome.describe()
    if outcome.error is None:
        assert (
            str(outcome.value.status) == "paused" or getattr(outcome.value.status, "value", None) == "paused"
        )
    else:
        error = H.raised(outcome, "PollTimeoutError")
        assert "paused" in str(error), str(error)
