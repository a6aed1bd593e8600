"""Poll honesty: a permanent failure surfaces as itself, promptly; a transient one is retried within the
deadline; a status the SDK does not know is reported by name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile import server as H

GET = ("GET", "/v2/pre-recorded/{id}")
LONG = 120.0  # a poll timeout the failures below must not wait for
PROMPT = 30.0


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


PERMANENT = [
    (H.invalid_json(), "UnexpectedResponseError", "never-json"),
    (H.nested_json(100_000), "UnexpectedResponseError", "always-100k-deep"),
    (H.json_reply({"message": "no such job"}, 404), "NotFoundError", "404-deleted"),
    (H.json_reply({"message": "bad key"}, 401), "AuthenticationError", "401-key-revoked"),
    (H.gzip_bomb(64 * H.MiB), "ResponseTooLargeError", "gzip-bomb"),
    (H.json_reply({"message": "slow down"}, 429), "RateLimitError", "429-forever"),
]
ASYNC = ("never-json", "404-deleted")  # the async client shares the decision: two cases show it


@pytest.mark.timeout(45)
@pytest.mark.parametrize(
    ("mode", "answer", "error"),
    [
        pytest.param(mode, answer, error, id=f"{name}-{mode}")
        for answer, error, name in PERMANENT
        for mode in H.MODES
        if mode == "sync" or name in ASYNC
    ],
)
def test_a_permanent_failure_inside_poll_is_raised_as_itself_promptly(
    server: H.HostileServer, mode: str, answer: H.Handler, error: str
) -> None:
    job = server.add_job(status="processing")
    server.always(*GET, answer)
    client = {"max_retries": 0, "max_response_bytes": H.MiB}
    outcome = H.call(mode, server.url, "poll", job.id, timeout=LONG, client=client)
    H.raised(outcome, error)
    assert outcome.elapsed <= PROMPT, outcome.describe()
    assert "keeps running" not in str(outcome.error)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "mode", ["sync"]
)  # one poll wait (2 s) at least: the async loop is the same decision
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
    outcome = H.call(mode, server.url, "poll", job.id, timeout=1)
    assert outcome.elapsed <= 1 + 5, outcome.describe()
    if outcome.error is None:
        assert (
            str(outcome.value.status) == "paused" or getattr(outcome.value.status, "value", None) == "paused"
        )
    else:
        error = H.raised(outcome, "PollTimeoutError")
        assert "paused" in str(error), str(error)
