"""Whatever a webhook helper is handed, it answers or raises a GladiaError that says what is wrong: never a
UnicodeEncodeError, AttributeError or TypeError from deep inside."""

from __future__ import annotations

import asyncio
import contextlib
import re
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gladia import AsyncGladiaClient, GladiaClient
from gladia.errors import GladiaError, ValidationError, WebhookPayloadError
from gladia.testing import Emulator
from gladia.webhooks import (
    callback_url_with_token,
    construct_event,
    fetch_job,
    fetch_job_async,
    fetch_session,
    fetch_session_async,
    parse,
    sign,
    verify,
    verify_callback_token,
)

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
JOB = "45463597-20b7-4af7-b3b3-f5fb778203ab"
HEADERS = {"webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1,AAAA"}

# Text as Python can hold it: lone surrogates included (what a framework may make of bytes that are not UTF-8).
TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=40)
ANYTHING = st.one_of(TEXT, st.binary(max_size=40), st.none(), st.integers(), st.floats(), st.lists(TEXT))


def only_gladia_errors(call: Any, *args: Any, **kwargs: Any) -> None:
    with contextlib.suppress(GladiaError):
        call(*args, **kwargs)


def test_a_str_body_with_a_lone_surrogate_is_a_payload_error() -> None:
    with pytest.raises(WebhookPayloadError, match=r"lone surrogate \('\\udcff' at index 2\).*raw bytes"):
        verify('{"\udcff', HEADERS, SECRET)
    with pytest.raises(WebhookPayloadError, match="lone surrogate"):
        construct_event("\ud800", HEADERS, SECRET)
    with pytest.raises(WebhookPayloadError, match="lone surrogate"):
        sign(SECRET, "msg_1", 1700000000, "\ud800")


def test_sign_and_verify_agree_on_any_message_id() -> None:
    body = b'{"event": "transcription.created", "payload": {"id": "' + JOB.encode() + b'"}}'
    for msg_id in ("msg_1", "é", "\udcff"):
        headers = {"webhook-id": msg_id, "webhook-timestamp": "1700000000"}
        headers["webhook-signature"] = sign(SECRET, msg_id, 1700000000, body)
        assert verify(body, headers, SECRET, now=1700000000) == msg_id


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sign(SECRET, 5, 1, b""), "msg_id must be"),  # type: ignore[arg-type]
        (lambda: sign(SECRET, "m", "1", b""), "timestamp must be"),  # type: ignore[arg-type]
        (lambda: sign(SECRET, "m", 1, None), "body must be"),  # type: ignore[arg-type]
        (lambda: callback_url_with_token(5, "t"), "must be a str"),  # type: ignore[arg-type]
        (lambda: callback_url_with_token("https://[::1/cb", "t"), "cannot be read"),
        (lambda: callback_url_with_token("https://example.com:99999/cb", "t"), "cannot be read"),
        (lambda: callback_url_with_token("https://example.com/cb", "\ud800"), "printable text"),
        (lambda: callback_url_with_token("https://example.com/cb", "t", param="\n"), "printable text"),
        (lambda: verify_callback_token("t", 5), "must be a str"),  # type: ignore[arg-type]
        (lambda: verify_callback_token(b"t", "t"), "received must be"),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_are_validation_errors(call: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        call()


def test_a_token_with_a_lone_surrogate_is_just_another_token() -> None:
    verify_callback_token("\udcff", "\udcff")
    with pytest.raises(GladiaError, match="does not match"):
        verify_callback_token("\udcff", "s3cret")


@settings(max_examples=300, deadline=None)
@given(body=ANYTHING, headers=st.dictionaries(TEXT, TEXT, max_size=4), secret=ANYTHING)
def test_verify_and_parse_raise_only_gladia_errors(body: Any, headers: dict[str, str], secret: Any) -> None:
    only_gladia_errors(verify, body, {**HEADERS, **headers}, secret)
    only_gladia_errors(construct_event, body, {**HEADERS, **headers}, SECRET)
    only_gladia_errors(parse, body, headers)
    only_gladia_errors(parse, {"event": "transcription.success", "id": body, "custom_metadata": headers})


@settings(max_examples=300, deadline=None)
@given(url=ANYTHING, token=ANYTHING, received=ANYTHING, msg_id=ANYTHING, timestamp=ANYTHING)
def test_the_callback_and_signing_helpers_raise_only_gladia_errors(
    url: Any, token: Any, received: Any, msg_id: Any, timestamp: Any
) -> None:
    only_gladia_errors(callback_url_with_token, url, token)
    only_gladia_errors(callback_url_with_token, "https://example.com/cb", "t", param=token)
    only_gladia_errors(verify_callback_token, received, token)
    only_gladia_errors(sign, SECRET, msg_id, timestamp, url)


# ---------------------------------------------------------------------------------------------- the wrong client


def done_event() -> Any:
    return parse({"event": "transcription.success", "payload": {"id": JOB}})


def live_event() -> Any:
    return parse({"event": "live.end_session", "payload": {"id": JOB}})


def test_fetch_job_says_which_client_it_needs_before_any_request(emu: Emulator) -> None:
    async_client = AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client, httpx.Client() as raw:
        cases: list[tuple[Any, str]] = [
            (async_client, "this AsyncGladiaClient is async: use await fetch_job_async(event, client)"),
            (async_client.prerecorded(), "use await fetch_job_async"),
            (client.live(), "reads live sessions: pass the client's .prerecorded()"),
            (
                raw,
                "needs a GladiaClient or its .prerecorded(), which reads it with your API key; got a Client",
            ),
            (None, "got a NoneType"),
            ("https://api.gladia.io", "got a str"),
        ]
        for wrong, message in cases:
            with pytest.raises(ValidationError, match=re.escape(message)):
                fetch_job(done_event(), wrong)
        with pytest.raises(
            ValidationError, match=re.escape("this GladiaClient is sync: use fetch_job(event, client)")
        ):
            asyncio.run(fetch_job_async(done_event(), client))
        with pytest.raises(
            ValidationError, match=re.escape("reads pre-recorded jobs: pass the client's .live()")
        ):
            fetch_session(live_event(), client.prerecorded())
        with pytest.raises(ValidationError, match="use await fetch_session_async"):
            fetch_session(live_event(), async_client)
        with pytest.raises(ValidationError, match="use fetch_session"):
            asyncio.run(fetch_session_async(live_event(), client))
        with pytest.raises(ValidationError, match="needs an event from parse"):
            fetch_job({"event": "transcription.success", "payload": {"id": JOB}}, client)  # type: ignore[arg-type]
    asyncio.run(async_client.close())
    assert sum(emu.counters.requests.values()) == 0


def test_a_reader_answering_something_else_is_refused() -> None:
    class Wrapper:
        def get(self, job_id: str) -> dict[str, str]:
            return {"id": job_id, "status": "done"}

    class Hidden:
        def get(self, job_id: str) -> Any:
            async def later() -> None:
                return None

            return later()  # a coroutine from a sync-looking method

    with pytest.raises(
        ValidationError, match=re.escape("Wrapper.get() answered a dict, not a PreRecordedResponse")
    ):
        fetch_job(done_event(), Wrapper())
    with pytest.raises(ValidationError, match="answered a coroutine"):
        fetch_job(done_event(), Hidden())
