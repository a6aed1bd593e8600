"""Lies: a server that answers what the API does not document. The SDK blames the right side (a created
id that is not an id is the server's fault) and hands back only values or typed errors."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.conftest import make_wav
from tests.hostile import server as H

GET = ("GET", "/v2/pre-recorded/{id}")
CREATE = ("POST", "/v2/pre-recorded")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("method", ["create", "create_and_poll"])
@pytest.mark.parametrize("bad_id", ["not-a-uuid", "../../v2/upload", ""])
def test_a_created_job_id_that_is_not_an_id_is_the_servers_fault(
    server: H.HostileServer, mode: str, method: str, bad_id: str
) -> None:
    server.always(*CREATE, H.json_reply({"id": bad_id, "result_url": f"{server.url}/v2/pre-recorded/x"}, 201))
    kwargs = {"timeout": 5} if method == "create_and_poll" else {}
    outcome = H.call(mode, server.url, method, {"audio_url": "https://example.com/a.wav"}, **kwargs)
    H.raised(outcome, "UnexpectedResponseError")
    assert not isinstance(outcome.error, ValueError), "blamed on the caller (a ValidationError)"
    assert server.count(*CREATE) == 1
    assert server.count("GET") == 0


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("method", "answer"),
    [
        pytest.param("poll", H.job_reply("done", result=None), id="done-with-result-null"),
        pytest.param(
            "get",
            H.job_reply("done", version="2", error_code="500"),
            id="numbers-as-strings",
        ),
        pytest.param("poll", H.job_reply("error", error_code="E_TIMEOUT"), id="error-code-not-an-int"),
        pytest.param("poll", H.job_reply("error", error_code="500"), id="error-code-a-string"),
        pytest.param("poll", H.job_reply("error", error_code=None), id="error-without-code"),
        pytest.param("get", H.job_reply("done", custom_metadata="tag"), id="metadata-not-an-object"),
        pytest.param("get", H.job_reply("done", created_at="yesterday"), id="date-not-a-date"),
    ],
)
def test_a_lying_job_gives_a_value_or_a_typed_error(
    server: H.HostileServer, mode: str, method: str, answer: H.Handler
) -> None:
    job = server.add_job()
    server.always(*GET, answer)
    outcome = H.call(
        mode,
        server.url,
        method,
        job.id,
        client={"max_retries": 0},
        **({"timeout": 2} if method == "poll" else {}),
    )
    H.typed(outcome)
    if outcome.error is not None and type(outcome.error).__name__ == "TranscriptionError":
        code = outcome.error.error_code  # type: ignore[attr-defined]
        assert code is None or isinstance(code, int)
        str(outcome.error)
    elif outcome.error is None and method == "poll":
        assert outcome.value.status == "done"


def _upload_answer(audio_url: object) -> H.Handler:
    metadata = {"id": "f", "filename": "a.wav", "extension": "wav", "size": 2004, "audio_duration": 1.0}
    return H.json_reply({"audio_url": audio_url, "audio_metadata": {**metadata, "number_of_channels": 1}})


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "audio_url", ["not a url", "ftp://example.com/a.wav", None, 42], ids=["text", "ftp", "null", "number"]
)
def test_an_upload_answer_without_a_usable_audio_url_is_the_servers_fault(
    server: H.HostileServer, mode: str, audio_url: object
) -> None:
    server.always("POST", "/v2/upload", _upload_answer(audio_url))
    outcome = H.call(mode, server.url, "transcribe", make_wav(0.2), timeout=5)
    H.raised(outcome, "UnexpectedResponseError")
    assert server.count("POST", "/v2/pre-recorded") == 0


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_fields_and_enum_values_added_later_are_tolerated(server: H.HostileServer, mode: str) -> None:
    # Not a lie, the future: Gladia adds fields and enum values; the SDK keeps working (README).
    job = server.add_job()
    result = {
        "metadata": {"audio_duration": 1.0, "billing_time": 1.0, "transcription_time": 0.1, "carbon": 3},
        "transcription": {
            "full_transcript": "hello",
            "languages": ["xx-new"],
            "utterances": [],
            "mood": "calm",
        },
        "hologram": {"success": True},
    }
    server.always(
        "GET", "/v2/pre-recorded/{id}", H.job_reply("done", result=result, kind="pre-recorded-v3", tier=7)
    )
    outcome = H.call(mode, server.url, "get", job.id)
    assert outcome.error is None, outcome.describe()
    assert outcome.value.result.transcription.full_transcript == "hello"
    listed = H.call(mode, server.url, "list", max_items=1)
    assert listed.error is None, listed.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_informational_answers_before_the_real_one_are_skipped(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    body = json.dumps(H.job_json(job)).encode()
    head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
    early = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a>; rel=preload\r\n\r\n"
    server.always("GET", "/v2/pre-recorded/{id}", H.raw(early + head.encode() + body))
    outcome = H.call(mode, server.url, "get", job.id)
    assert outcome.error is None, outcome.describe()
    assert outcome.value.id == job.id
