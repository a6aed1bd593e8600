"""The request id that lets a failed job creation be checked before it is repeated."""

from __future__ import annotations

from gladia.prerecorded._idempotency import REQUEST_ID_KEY, created_by, tagged
from gladia_api.models import PreRecordedResponse


def job(job_id: str, metadata: dict[str, object] | None) -> PreRecordedResponse:
    return PreRecordedResponse.from_dict(
        {
            "id": job_id,
            "request_id": "G-1",
            "status": "queued",
            "created_at": "2026-01-01T00:00:00Z",
            "custom_metadata": metadata,
        }
    )


def test_each_body_gets_its_own_id_and_keeps_the_users_metadata() -> None:
    original = {"audio_url": "https://x.io/a.wav", "custom_metadata": {"user": "ada"}}
    first, first_id = tagged(original)
    _, second_id = tagged(original)
    assert first_id != second_id
    assert first["custom_metadata"] == {"user": "ada", REQUEST_ID_KEY: first_id}
    assert original == {"audio_url": "https://x.io/a.wav", "custom_metadata": {"user": "ada"}}
    body, request_id = tagged({"audio_url": "u"})
    assert body["custom_metadata"] == {REQUEST_ID_KEY: request_id}


def test_the_created_job_is_found_by_its_id_only() -> None:
    jobs = [job("a", None), job("b", {REQUEST_ID_KEY: "other"}), job("c", {REQUEST_ID_KEY: "mine", "x": 1})]
    found = created_by(jobs, "mine")
    assert found is not None
    assert found.id == "c"
    assert created_by(jobs, "missing") is None
    assert created_by([], "mine") is None


def test_only_failures_that_prove_no_job_was_made_are_unambiguous() -> None:
    import httpx

    from gladia.errors import (
        APIConnectionError,
        APITimeoutError,
        BadRequestError,
        InternalServerError,
        RateLimitError,
        ResponseTooLargeError,
        UnexpectedResponseError,
    )
    from gladia.prerecorded._idempotency import may_have_created

    for refused in (BadRequestError("x", status_code=400), RateLimitError("x", status_code=429)):
        assert not may_have_created(refused)
    for unsure in (
        InternalServerError("x", status_code=503),  # a proxy answers 503 for what the backend did
        InternalServerError("x", status_code=500),
        UnexpectedResponseError("x", status_code=408),
        UnexpectedResponseError("x", status_code=201),  # an answer that could not be read
        ResponseTooLargeError("x", limit=1, status_code=200),
        APITimeoutError("x"),
    ):
        assert may_have_created(unsure), unsure
    request = httpx.Request("POST", "https://api.gladia.io/v2/pre-recorded")
    never_sent = APIConnectionError("x")
    never_sent.__cause__ = httpx.ConnectError("refused", request=request)
    assert not may_have_created(never_sent)
    maybe_sent = APIConnectionError("x")
    maybe_sent.__cause__ = httpx.ReadError("reset", request=request)
    assert may_have_created(maybe_sent)


def test_the_lookup_asks_for_the_tag_in_the_bracket_form_and_no_date() -> None:
    from gladia.prerecorded._idempotency import lookup_query

    assert lookup_query("abc") == {f"custom_metadata[{REQUEST_ID_KEY}]": "abc"}
