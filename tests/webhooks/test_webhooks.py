"""gladia.webhooks: notifications parse into typed events; signatures verify as Standard Webhooks says."""

from __future__ import annotations

import base64
import json
import pickle
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gladia import webhooks
from gladia.errors import (
    CallbackTokenError,
    GladiaError,
    ValidationError,
    WebhookMalformedHeaderError,
    WebhookMissingHeadersError,
    WebhookPayloadError,
    WebhookRawBodyError,
    WebhookSecretError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookUnknownEventError,
    WebhookVerificationError,
)
from gladia.webhooks import (
    TranscriptionCreated,
    TranscriptionFailed,
    TranscriptionSucceeded,
    construct_event,
    parse,
    sign,
    verify,
)
from tests._reference import RESPONSES, load, requires_reference

# ---------------------------------------------------------------------------------------------------- vectors

# The reference vector of the Standard Webhooks libraries, used as facts (secret, id, timestamp, body and the
# signature they produce). It appears in the "sign function" test of each library's suite:
#   standard-webhooks/standard-webhooks  libraries/python/tests/test_webhooks.py  (test_sign_function)
#   standard-webhooks/standard-webhooks  libraries/go/webhook_test.go             (TestWebhookSign)
#   standard-webhooks/standard-webhooks  libraries/javascript/src/webhook.test.ts ("sign function works")
#   svix/svix-webhooks                   python/tests/test_webhooks.py            (test_sign_function)
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

# The same signature with its last base64 digit changed; expected to fail. From the test named
# test_invalid_signature_raises_error in both:
#   standard-webhooks/standard-webhooks  libraries/python/tests/test_webhooks.py
#   svix/svix-webhooks                   python/tests/test_webhooks.py
VECTOR_BAD_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="

# Decoy entries around the valid signature; the header as a whole is expected to verify.
#   standard-webhooks/standard-webhooks  libraries/python/tests/test_webhooks.py  (test_multi_sig_payload…)
#   standard-webhooks/standard-webhooks  libraries/go/webhook_test.go             ("valid multi sig is valid")
VECTOR_DECOY_V1 = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
VECTOR_DECOY_V2 = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="

# An asymmetric (ed25519) entry, from the example `webhook-signature` header of the specification:
#   standard-webhooks/standard-webhooks  spec/standard-webhooks.md  ("Webhook headers")
SPEC_V1A_ENTRY = (
    "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="
)

TOLERANCE = webhooks.DEFAULT_TOLERANCE


def vector_headers(signature: str = VECTOR_SIGNATURE, prefix: str = "webhook") -> dict[str, str]:
    return {
        f"{prefix}-id": VECTOR_ID,
        f"{prefix}-timestamp": str(VECTOR_TIMESTAMP),
        f"{prefix}-signature": signature,
    }


def verify_vector(headers: Any, body: Any = VECTOR_BODY, secret: str = VECTOR_SECRET, **kwargs: Any) -> str:
    kwargs.setdefault("now", VECTOR_TIMESTAMP)
    return verify(body, headers, secret, **kwargs)


def signed(body: bytes, secret: str, msg_id: str = "msg_1", timestamp: int = 1_700_000_000) -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, msg_id, timestamp, body),
    }


def new_secret(seed: int) -> str:
    return "whsec_" + base64.b64encode(bytes([seed]) * 24).decode()


# ------------------------------------------------------------------------------------------- parse: reference

NOTIFICATION_FILES = sorted(
    [*RESPONSES.glob("callback_*.json"), *RESPONSES.glob("webhook_*.json")] if RESPONSES.is_dir() else []
)
EVENT_CLASS = {
    "transcription.created": TranscriptionCreated,
    "transcription.success": TranscriptionSucceeded,
    "transcription.error": TranscriptionFailed,
}


@requires_reference
def test_the_reference_holds_every_kind_of_notification() -> None:
    names = {p.stem.rsplit("_", 1)[0] for p in NOTIFICATION_FILES}
    assert names == {
        "callback_success",
        "callback_error",
        "webhook_created",
        "webhook_success",
        "webhook_error",
    }


@requires_reference
@pytest.mark.parametrize("path", NOTIFICATION_FILES, ids=lambda p: p.name)
def test_reference_notification_parses_into_its_event(path: Path) -> None:
    given = load(path)
    kind = path.name.split("_", 1)[0]

    event = parse(path.read_bytes())

    assert type(event) is EVENT_CLASS[given["event"]]
    assert event.event == given["event"]
    assert event.kind == kind
    assert event.job_id == (given["id"] if kind == "callback" else given["payload"]["id"])
    assert event.custom_metadata == given.get("custom_metadata")
    assert event.message_id is None
    assert event.raw == given
    # The same body as text or already decoded reads the same.
    assert parse(path.read_text(encoding="utf-8")) == event
    assert parse(given) == event
    assert len({event, parse(given)}) == 1  # hashable, as a frozen value should be


@requires_reference
def test_reference_callback_success_carries_a_typed_result() -> None:
    given = load(RESPONSES / "callback_success_01.json")
    event = parse(given)
    assert isinstance(event, TranscriptionSucceeded)
    assert event.result is not None
    assert event.result.metadata.audio_duration == given["payload"]["metadata"]["audio_duration"]
    assert event.result.to_dict() == given["payload"]


@requires_reference
def test_reference_callback_error_carries_code_and_message() -> None:
    given = load(RESPONSES / "callback_error_01.json")
    event = parse(given)
    assert isinstance(event, TranscriptionFailed)
    assert event.error is not None
    assert (event.error.code, event.error.message) == (given["error"]["code"], given["error"]["message"])
    assert isinstance(event.error.code, int)


@requires_reference
@pytest.mark.parametrize("name", ["webhook_success_01.json", "webhook_error_01.json"])
def test_reference_webhooks_carry_only_the_id(name: str) -> None:
    event = parse(load(RESPONSES / name))
    assert event.kind == "webhook"
    assert event.custom_metadata is None
    assert getattr(event, "result", None) is None
    assert getattr(event, "error", None) is None


# ---------------------------------------------------------------------------------------------- parse: shapes

JOB = "45463597-20b7-4af7-b3b3-f5fb778203ab"


def test_message_id_comes_from_the_headers_whatever_their_case_or_spelling() -> None:
    body = {"event": "transcription.created", "payload": {"id": JOB}}
    assert parse(body, {"Webhook-ID": "msg_a"}).message_id == "msg_a"
    assert parse(body, httpx.Headers({"svix-id": "msg_b"})).message_id == "msg_b"
    assert parse(body, {"content-type": "application/json"}).message_id is None
    assert parse(body).message_id is None


def test_a_callback_result_that_cannot_be_read_keeps_the_job_id() -> None:
    # No `metadata`: the generated model cannot build a result, yet the receiver must learn which job.
    body = {"id": JOB, "event": "transcription.success", "payload": {"transcription": 42}}
    event = parse(body)
    assert isinstance(event, TranscriptionSucceeded)
    assert (event.job_id, event.result) == (JOB, None)
    assert event.raw["payload"] == {"transcription": 42}


def test_a_callback_error_without_code_gives_no_error_but_parses() -> None:
    event = parse({"id": JOB, "event": "transcription.error", "error": "boom"})
    assert isinstance(event, TranscriptionFailed)
    assert event.error is None


def test_custom_metadata_that_is_not_an_object_is_none() -> None:
    event = parse({"id": JOB, "event": "transcription.error", "custom_metadata": "x"})
    assert event.custom_metadata is None
    assert event.raw["custom_metadata"] == "x"


def test_an_unknown_event_is_told_apart_from_garbage() -> None:
    with pytest.raises(WebhookUnknownEventError, match=r"'transcription\.partial'") as caught:
        parse({"event": "transcription.partial", "payload": {"id": JOB}})
    assert caught.value.event == "transcription.partial"
    assert "transcription.success" in caught.value.known
    assert isinstance(caught.value, WebhookPayloadError)


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"<html>502 Bad Gateway</html>", "not JSON"),
        (b"\xff\xfe\x00", "not JSON"),
        (b"[" * 100_000, "not JSON"),  # too deep for the decoder
        (b"[1, 2]", r"not an object \(got a JSON array"),
        (b'"transcription.success"', "not an object"),
        (b"null", r"not an object \(got nothing"),
        (b'{"id": "x"}', "no 'event'"),
        (b'{"event": 7, "id": "x"}', "no 'event'"),
        (b'{"event": "transcription.success"}', r"no job id at 'payload\.id'"),
        (b'{"event": "transcription.success", "payload": []}', r"'payload\.id'"),
        (b'{"event": "transcription.error", "id": null}', "no job id at 'id'"),
        (b'{"event": "transcription.error", "id": 12}', "job id at 'id': .* got int"),
        (b'{"event": "transcription.error", "id": "job-1"}', "not a Gladia job id"),
        (b'{"event": "transcription.error", "id": ""}', "job id at 'id'"),
        (b'{"event": "transcription.created", "payload": {"id": "../../v2/upload"}}', "path or URL"),
        (b'{"event": "transcription.error", "id": "a\\r\\nX-Injected: 1"}', "job id"),
    ],
)
def test_bodies_that_are_not_notifications_are_refused_with_a_reason(body: bytes, match: str) -> None:
    with pytest.raises(WebhookPayloadError, match=match):
        parse(body)


def test_a_body_of_another_type_is_refused() -> None:
    with pytest.raises(WebhookPayloadError, match="got int"):
        parse(42)  # type: ignore[arg-type]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
notification_like = st.fixed_dictionaries(
    {"event": st.sampled_from([*EVENT_CLASS, "other"]) | json_values},
    optional={
        "id": st.just(JOB) | json_values,
        "payload": st.fixed_dictionaries(
            {}, optional={"id": st.just(JOB) | json_values, "metadata": json_values}
        )
        | json_values,
        "error": st.fixed_dictionaries({}, optional={"code": json_values, "message": json_values})
        | json_values,
        "custom_metadata": json_values,
    },
)


@given(body=notification_like)
def test_parse_returns_an_event_or_raises_a_payload_error_never_anything_else(body: dict[str, Any]) -> None:
    try:
        event = parse(json.dumps(body).encode())
    except WebhookPayloadError:
        return
    assert event.job_id == (body["id"] if "id" in body else body["payload"]["id"])
    assert type(event) is EVENT_CLASS[event.event]


@given(body=st.binary(max_size=64))
def test_parse_of_arbitrary_bytes_never_crashes_another_way(body: bytes) -> None:
    try:
        event = parse(body)
    except WebhookPayloadError:
        return
    assert isinstance(event, webhooks.Event)


# -------------------------------------------------------------------------------------------- verify: vectors


def test_sign_reproduces_the_reference_vector() -> None:
    assert sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY) == VECTOR_SIGNATURE


@pytest.mark.parametrize("secret", [VECTOR_SECRET, VECTOR_SECRET.removeprefix("whsec_")])
def test_the_reference_vector_verifies_with_and_without_the_secret_prefix(secret: str) -> None:
    assert verify_vector(vector_headers(), secret=secret) == VECTOR_ID


def test_the_reference_vector_verifies_under_svix_headers() -> None:
    # svix/svix-webhooks python/tests/test_webhooks.py sends the same vector as svix-id/-timestamp/-signature.
    assert verify_vector(vector_headers(prefix="svix")) == VECTOR_ID


def test_the_reference_bad_signature_is_refused() -> None:
    with pytest.raises(WebhookSignatureError, match="None of the 1 v1 signature"):
        verify_vector(vector_headers(VECTOR_BAD_SIGNATURE))


def test_the_reference_multi_signature_header_verifies() -> None:
    header = " ".join([VECTOR_DECOY_V1, VECTOR_DECOY_V2, VECTOR_SIGNATURE, VECTOR_DECOY_V1])
    assert verify_vector(vector_headers(header)) == VECTOR_ID


@pytest.mark.parametrize(
    "signature",
    [
        # libraries/javascript/src/webhook.test.ts: "invalid signature throws error", "partial signature
        # throws error" (the first 8 characters of a valid header, then "v1," alone).
        "v1,dawfeoifkpqwoekfpqoekf",
        VECTOR_SIGNATURE[:8],
        "v1,",
    ],
)
def test_the_reference_invalid_and_partial_signatures_are_refused(signature: str) -> None:
    with pytest.raises(WebhookSignatureError):
        verify_vector(vector_headers(signature))


def test_the_reference_non_numeric_timestamp_is_malformed() -> None:
    # libraries/python/tests/test_webhooks.py: test_invalid_timestamp_raises_error sends "hello".
    headers = {**vector_headers(), "webhook-timestamp": "hello"}
    with pytest.raises(WebhookMalformedHeaderError, match="webhook-timestamp") as caught:
        verify_vector(headers)
    assert (caught.value.header, caught.value.value) == ("webhook-timestamp", "hello")


def test_an_asymmetric_entry_is_ignored_beside_a_valid_v1() -> None:
    assert verify_vector(vector_headers(f"{SPEC_V1A_ENTRY} {VECTOR_SIGNATURE}")) == VECTOR_ID


def test_a_header_with_only_other_versions_says_so() -> None:
    with pytest.raises(WebhookSignatureError, match=r"no v1 .* only v1a, v2"):
        verify_vector(vector_headers(f"{SPEC_V1A_ENTRY} {VECTOR_DECOY_V2}"))


# ----------------------------------------------------------------------------------------- verify: each check

SECRET = new_secret(1)
BODY = b'{"event":"transcription.success","payload":{"id":"45463597-20b7-4af7-b3b3-f5fb778203ab"}}'
NOW = 1_700_000_000


def test_a_tampered_body_is_refused() -> None:
    headers = signed(BODY, SECRET)
    with pytest.raises(WebhookSignatureError, match="the body was changed"):
        verify(BODY.replace(b"success", b"error"), headers, SECRET, now=NOW)
    # Parsed and serialized again: same JSON, other bytes.
    with pytest.raises(WebhookSignatureError):
        verify(json.dumps(json.loads(BODY)), headers, SECRET, now=NOW)


def test_a_wrong_secret_is_refused() -> None:
    with pytest.raises(WebhookSignatureError, match="the secret is not this endpoint's"):
        verify(BODY, signed(BODY, SECRET), new_secret(2), now=NOW)


@pytest.mark.parametrize("header", ["webhook-id", "webhook-timestamp", "webhook-signature"])
@pytest.mark.parametrize("how", ["absent", "empty"])
def test_each_missing_header_is_named(header: str, how: str) -> None:
    headers = signed(BODY, SECRET)
    if how == "absent":
        del headers[header]
    else:
        headers[header] = ""
    with pytest.raises(WebhookMissingHeadersError, match=header) as caught:
        verify(BODY, headers, SECRET, now=NOW)
    assert caught.value.missing == (header,)


def test_no_signing_headers_at_all_hints_at_an_unsigned_request() -> None:
    with pytest.raises(WebhookMissingHeadersError, match="only when a secret is set") as caught:
        verify(BODY, {"content-type": "application/json"}, SECRET, now=NOW)
    assert caught.value.missing == ("webhook-id", "webhook-timestamp", "webhook-signature")


@pytest.mark.parametrize(
    ("skew", "words"), [(TOLERANCE + 1, "301 s old"), (-TOLERANCE - 1, "301 s in the future")]
)
def test_a_timestamp_outside_the_tolerance_is_refused_with_by_how_much(skew: int, words: str) -> None:
    sent = NOW - skew
    with pytest.raises(WebhookTimestampError, match=words) as caught:
        verify(BODY, signed(BODY, SECRET, timestamp=sent), SECRET, now=NOW)
    assert caught.value.age == skew
    assert caught.value.tolerance == TOLERANCE
    assert "tolerance is 300 s" in str(caught.value)


@pytest.mark.parametrize("skew", [TOLERANCE, -TOLERANCE, 0])
def test_a_timestamp_at_the_edge_of_the_tolerance_is_accepted(skew: int) -> None:
    assert verify(BODY, signed(BODY, SECRET, timestamp=NOW - skew), SECRET, now=NOW) == "msg_1"


def test_the_tolerance_can_be_changed() -> None:
    headers = signed(BODY, SECRET, timestamp=NOW - 100)
    with pytest.raises(WebhookTimestampError, match="tolerance is 60 s"):
        verify(BODY, headers, SECRET, tolerance=60, now=NOW)
    assert verify(BODY, headers, SECRET, tolerance=600, now=NOW) == "msg_1"


def test_the_system_clock_is_the_default_now() -> None:
    with pytest.raises(WebhookTimestampError):  # 2023-11-14 is long past
        verify(BODY, signed(BODY, SECRET, timestamp=NOW), SECRET)


def test_a_stale_forgery_is_a_signature_error_not_a_timestamp_error() -> None:
    # The signature is checked first, so a timestamp error always means an authentic message.
    headers = signed(BODY, new_secret(2), timestamp=NOW - 10 * TOLERANCE)
    with pytest.raises(WebhookSignatureError):
        verify(BODY, headers, SECRET, now=NOW)


@pytest.mark.parametrize("value", ["garbage", "v1", "v1 g0hM9SsE", ",abc", "   "])
def test_a_signature_header_without_entries_is_malformed(value: str) -> None:
    headers = {**signed(BODY, SECRET), "webhook-signature": value}
    expected = WebhookMissingHeadersError if not value.strip() else WebhookMalformedHeaderError
    with pytest.raises(expected, match="webhook-signature"):
        verify(BODY, headers, SECRET, now=NOW)


@pytest.mark.parametrize("value", ["-1", "+1700000000", "1_700_000_000", "1.7e9", "1700000000.5", "9" * 21])
def test_a_timestamp_that_is_not_plain_digits_is_malformed(value: str) -> None:
    headers = {**signed(BODY, SECRET), "webhook-timestamp": value}
    with pytest.raises(WebhookMalformedHeaderError, match="Unix seconds"):
        verify(BODY, headers, SECRET, now=NOW)


def test_the_second_of_two_signatures_may_be_the_one_that_matches() -> None:
    # A key rotation: Gladia signs with the old and the new secret; this receiver knows only the new one.
    old, new = new_secret(3), new_secret(4)
    headers = signed(BODY, new)
    headers["webhook-signature"] = f"{sign(old, 'msg_1', NOW, BODY)} {headers['webhook-signature']}"
    assert verify(BODY, headers, new, now=NOW) == "msg_1"
    with pytest.raises(WebhookSignatureError, match="None of the 2 v1 signature"):
        verify(BODY, headers, new_secret(5), now=NOW)


def test_svix_headers_are_accepted() -> None:
    headers = {name.replace("webhook-", "svix-"): value for name, value in signed(BODY, SECRET).items()}
    assert verify(BODY, headers, SECRET, now=NOW) == "msg_1"
    with pytest.raises(WebhookMissingHeadersError, match="svix-timestamp"):
        verify(BODY, {k: v for k, v in headers.items() if k != "svix-timestamp"}, SECRET, now=NOW)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda h: {k.upper(): v for k, v in h.items()},
        lambda h: {k.title(): v for k, v in h.items()},
        httpx.Headers,
        lambda h: {k.encode(): v.encode() for k, v in h.items()},  # raw ASGI header bytes
    ],
    ids=["upper", "title", "httpx", "bytes"],
)
def test_header_names_match_whatever_their_case_and_container(wrap: Any) -> None:
    assert verify(BODY, wrap(signed(BODY, SECRET)), SECRET, now=NOW) == "msg_1"


def test_starlette_headers_are_accepted() -> None:
    starlette = pytest.importorskip("starlette.datastructures")
    headers = starlette.Headers(headers=signed(BODY, SECRET))
    assert verify(BODY, headers, SECRET, now=NOW) == "msg_1"


def test_headers_that_are_not_a_mapping_are_refused() -> None:
    with pytest.raises(ValidationError, match="headers must be a mapping"):
        verify(BODY, ["webhook-id"], SECRET, now=NOW)  # type: ignore[arg-type]


def test_a_str_body_verifies_as_its_utf8_bytes() -> None:
    text = '{"event":"transcription.created","payload":{"id":"x"},"note":"café ✓"}'
    headers = signed(text.encode(), SECRET)
    assert verify(text, headers, SECRET, now=NOW) == "msg_1"
    assert verify(text.encode(), headers, SECRET, now=NOW) == "msg_1"
    assert verify(bytearray(text.encode()), headers, SECRET, now=NOW) == "msg_1"
    with pytest.raises(WebhookSignatureError):
        verify(text.encode("latin-1", "replace"), headers, SECRET, now=NOW)


@pytest.mark.parametrize("payload", [json.loads(BODY), None, 12])
def test_a_parsed_body_is_refused_with_how_to_get_the_raw_one(payload: Any) -> None:
    with pytest.raises(WebhookRawBodyError, match="raw request body") as caught:
        verify(payload, signed(BODY, SECRET), SECRET, now=NOW)
    assert isinstance(caught.value, TypeError)
    assert "request.body" in str(caught.value)


@pytest.mark.parametrize(
    ("secret", "match"),
    [
        ("whsec_not base64!", "not valid base64"),
        ("whsec_", "empty"),
        ("", "empty"),
        (None, "got NoneType"),
    ],
)
def test_a_bad_secret_is_refused_before_any_header_is_read(secret: Any, match: str) -> None:
    with pytest.raises(WebhookSecretError, match=match):
        verify(BODY, {}, secret, now=NOW)


def test_a_secret_with_a_stray_newline_or_no_padding_still_works() -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 25).decode()  # 25 bytes: ends with "=="
    headers = signed(BODY, secret)
    assert verify(BODY, headers, secret + "\n", now=NOW) == "msg_1"
    assert verify(BODY, headers, secret.rstrip("="), now=NOW) == "msg_1"


@pytest.mark.parametrize("tolerance", [-1, float("nan")])
def test_a_negative_or_nan_tolerance_is_refused(tolerance: float) -> None:
    with pytest.raises(ValidationError, match="tolerance"):
        verify(BODY, signed(BODY, SECRET), SECRET, tolerance=tolerance, now=NOW)


def test_every_verification_error_is_a_gladia_error() -> None:
    for cls in (
        WebhookRawBodyError,
        WebhookSecretError,
        WebhookMissingHeadersError,
        WebhookMalformedHeaderError,
        WebhookSignatureError,
        WebhookTimestampError,
        CallbackTokenError,
    ):
        assert issubclass(cls, WebhookVerificationError)
        assert issubclass(cls, GladiaError)


@pytest.mark.parametrize(
    "error",
    [
        WebhookRawBodyError(dict),
        WebhookMissingHeadersError(["webhook-id"]),
        WebhookMalformedHeaderError("webhook-timestamp", "x", "digits"),
        WebhookTimestampError(100, 500.0, 300),
        WebhookUnknownEventError("x.y", ["a.b"]),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_with_details_survive_pickling(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


# ------------------------------------------------------------------------------------------------ round trips

secrets_ = st.binary(min_size=1, max_size=64).map(lambda key: "whsec_" + base64.b64encode(key).decode())
msg_ids = st.text(min_size=1, max_size=40).filter(str.strip)
timestamps = st.integers(min_value=0, max_value=2**40)


@given(secret=secrets_, msg_id=msg_ids, timestamp=timestamps, body=st.binary(max_size=256))
def test_sign_then_verify_succeeds(secret: str, msg_id: str, timestamp: int, body: bytes) -> None:
    headers = signed(body, secret, msg_id=msg_id, timestamp=timestamp)
    assert verify(body, headers, secret, now=timestamp) == msg_id


@given(secret=secrets_, timestamp=timestamps, body=st.binary(min_size=1, max_size=256), data=st.data())
def test_flipping_any_byte_of_the_body_fails(
    secret: str, timestamp: int, body: bytes, data: st.DataObject
) -> None:
    headers = signed(body, secret, timestamp=timestamp)
    index = data.draw(st.integers(min_value=0, max_value=len(body) - 1), label="index")
    mask = data.draw(st.integers(min_value=1, max_value=255), label="mask")
    tampered = bytearray(body)
    tampered[index] ^= mask
    with pytest.raises(WebhookSignatureError):
        verify(bytes(tampered), headers, secret, now=timestamp)


@given(skew=st.integers(min_value=TOLERANCE + 1, max_value=10**9), sign_of=st.sampled_from([1, -1]))
def test_any_timestamp_beyond_the_tolerance_fails(skew: int, sign_of: int) -> None:
    sent = NOW + sign_of * skew
    with pytest.raises(WebhookTimestampError):
        verify(BODY, signed(BODY, SECRET, timestamp=sent), SECRET, now=NOW)


# -------------------------------------------------------------------------------------------- construct_event


def test_construct_event_verifies_then_parses() -> None:
    event = construct_event(BODY, signed(BODY, SECRET, msg_id="msg_42"), SECRET, now=NOW)
    assert isinstance(event, TranscriptionSucceeded)
    assert (event.job_id, event.kind, event.message_id) == (JOB, "webhook", "msg_42")


def test_construct_event_parses_nothing_it_could_not_verify() -> None:
    forged = b'{"event": "nonsense"}'
    with pytest.raises(WebhookSignatureError):
        construct_event(forged, signed(BODY, SECRET), SECRET, now=NOW)


def test_construct_event_of_the_reference_vector_is_verified_but_no_gladia_event() -> None:
    with pytest.raises(WebhookPayloadError, match="no 'event'"):
        construct_event(VECTOR_BODY, vector_headers(), VECTOR_SECRET, now=VECTOR_TIMESTAMP)


# -------------------------------------------------------------------------------------------- live sessions

LIVE_EVENTS = {
    "live.start_session": webhooks.LiveSessionStarted,
    "live.start_recording": webhooks.LiveRecordingStarted,
    "live.end_recording": webhooks.LiveRecordingEnded,
    "live.end_session": webhooks.LiveSessionEnded,
}


@pytest.mark.parametrize(("name", "cls"), LIVE_EVENTS.items(), ids=list(LIVE_EVENTS))
def test_live_session_webhooks_parse_into_typed_live_events(name: str, cls: type[webhooks.Event]) -> None:
    # As Gladia's document declares them (WebhookLive*Payload): the event and `payload: {id}`.
    body = json.dumps({"event": name, "payload": {"id": JOB}}).encode()
    event = construct_event(body, signed(body, SECRET, msg_id="msg_live"), SECRET, now=NOW)
    assert type(event) is cls
    assert isinstance(event, webhooks.LiveEvent)
    assert (event.job_id, event.event, event.kind, event.message_id) == (JOB, name, "webhook", "msg_live")
    assert type(parse(body)) is cls  # the same without a signature


def test_a_live_event_without_a_session_id_is_refused() -> None:
    with pytest.raises(WebhookPayloadError, match=r"live\.end_session webhook has no job id"):
        parse({"event": "live.end_session", "payload": {}})


def test_an_unknown_live_event_is_unknown_not_garbage() -> None:
    with pytest.raises(WebhookUnknownEventError) as caught:
        parse({"event": "live.something_new", "payload": {"id": JOB}})
    assert set(LIVE_EVENTS) <= set(caught.value.known)
    assert "live.transcript" in caught.value.known


def test_fetch_job_refuses_a_live_event() -> None:
    event = parse({"event": "live.end_session", "payload": {"id": JOB}})

    class Reader:
        def get(self, job_id: str) -> Any:
            raise AssertionError("a live session id must not be read as a pre-recorded job")

    with pytest.raises(ValidationError, match="live session"):
        webhooks.fetch_job(event, Reader())


# -------------------------------------------------------------------------------------------- callback tokens


def test_callback_url_with_token_adds_the_token_and_keeps_the_rest() -> None:
    url = webhooks.callback_url_with_token("https://example.com/hooks/gladia?tenant=a%20b&x=1#top", "t/k+n ✓")
    parts = urllib.parse.urlsplit(url)
    assert parts.path == "/hooks/gladia"
    assert parts.fragment == "top"
    assert parts.query.startswith("tenant=a%20b&x=1&")  # the other parameters as they were written
    assert urllib.parse.parse_qs(parts.query)["token"] == ["t/k+n ✓"]


def test_callback_url_with_token_replaces_a_previous_token() -> None:
    url = webhooks.callback_url_with_token("https://example.com/cb?token=old&a=1", "new", param="token")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) == {"a": ["1"], "token": ["new"]}


@pytest.mark.parametrize(
    ("url", "token"), [("example.com/cb", "t"), ("ftp://example.com/cb", "t"), ("https://e.com", "")]
)
def test_callback_url_with_token_refuses_what_gladia_could_not_call(url: str, token: str) -> None:
    with pytest.raises(ValidationError):
        webhooks.callback_url_with_token(url, token)


def test_verify_callback_token() -> None:
    webhooks.verify_callback_token("s3cret-✓", "s3cret-✓")
    with pytest.raises(CallbackTokenError, match="does not match"):
        webhooks.verify_callback_token("guess", "s3cret")
    with pytest.raises(CallbackTokenError, match="no token"):
        webhooks.verify_callback_token(None, "s3cret")
    with pytest.raises(ValidationError, match="empty"):
        webhooks.verify_callback_token("", "")
