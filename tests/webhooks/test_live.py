"""gladia.webhooks and live sessions: callbacks (`CallbackLive*Message`) and webhooks (`WebhookLive*Payload`)
parse into typed LiveEvents whose `message` is the generated model of the WebSocket message."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from gladia import webhooks
from gladia.errors import ValidationError, WebhookPayloadError
from gladia.webhooks import parse
from gladia_api import models as M
from tests._reference import UPSTREAM_SPEC

SESSION = "45463597-20b7-4af7-b3b3-f5fb778203ab"
CREATED_AT = "2026-11-30T23:50:00.000Z"
UTTERANCE = {
    "text": "Hello there.",
    "start": 0.1,
    "end": 0.9,
    "confidence": 0.98,
    "channel": 0,
    "language": "en",
    "words": [{"word": "Hello", "start": 0.1, "end": 0.4, "confidence": 0.99}],
}

# Each live event: its class, and the WebSocket message a callback of it wraps (as the emulator sends them).
MESSAGES: dict[str, tuple[type[webhooks.LiveEvent[Any]], type, dict[str, Any]]] = {
    "live.start_session": (webhooks.LiveSessionStarted, M.StartSessionMessage, {"type": "start_session"}),
    "live.start_recording": (
        webhooks.LiveRecordingStarted,
        M.StartRecordingMessage,
        {"type": "start_recording"},
    ),
    "live.audio_chunk": (
        webhooks.LiveAudioChunkAcknowledged,
        M.AudioChunkAckMessage,
        {
            "type": "audio_chunk",
            "acknowledged": True,
            "error": None,
            "data": {"byte_range": [0, 3200], "time_range": [0, 0.1]},
        },
    ),
    "live.stop_recording": (
        webhooks.LiveStopRecordingAcknowledged,
        M.StopRecordingAckMessage,
        {
            "type": "stop_recording",
            "acknowledged": True,
            "error": None,
            "data": {"recording_duration": 1.0, "recording_left_to_process": 0},
        },
    ),
    "live.speech_start": (
        webhooks.LiveSpeechStarted,
        M.SpeechStartMessage,
        {"type": "speech_start", "data": {"time": 0.1, "channel": 0}},
    ),
    "live.speech_end": (
        webhooks.LiveSpeechEnded,
        M.SpeechEndMessage,
        {"type": "speech_end", "data": {"time": 0.9, "channel": 0}},
    ),
    "live.transcript": (
        webhooks.LiveTranscript,
        M.TranscriptMessage,
        {"type": "transcript", "data": {"id": "u1", "is_final": True, "utterance": UTTERANCE}},
    ),
    "live.translation": (
        webhooks.LiveTranslation,
        M.TranslationMessage,
        {"type": "translation", "error": {"message": "not run"}, "data": None},
    ),
    "live.named_entity_recognition": (
        webhooks.LiveNamedEntityRecognition,
        M.NamedEntityRecognitionMessage,
        {"type": "named_entity_recognition", "error": {"message": "not run"}, "data": None},
    ),
    "live.sentiment_analysis": (
        webhooks.LiveSentimentAnalysis,
        M.SentimentAnalysisMessage,
        {"type": "sentiment_analysis", "error": {"message": "not run"}, "data": None},
    ),
    "live.end_recording": (
        webhooks.LiveRecordingEnded,
        M.EndRecordingMessage,
        {"type": "end_recording", "data": {"recording_duration": 1.0}},
    ),
    "live.post_transcript": (
        webhooks.LivePostTranscript,
        M.PostTranscriptMessage,
        {
            "type": "post_transcript",
            "data": {"full_transcript": "Hello there.", "languages": ["en"], "utterances": [UTTERANCE]},
        },
    ),
    "live.post_final_transcript": (
        webhooks.LivePostFinalTranscript,
        M.PostFinalTranscriptMessage,
        {
            "type": "post_final_transcript",
            "data": {
                "metadata": {
                    "audio_duration": 1.0,
                    "number_of_distinct_channels": 1,
                    "billing_time": 1.0,
                    "transcription_time": 1.0,
                }
            },
        },
    ),
    "live.post_summarization": (
        webhooks.LivePostSummarization,
        M.PostSummarizationMessage,
        {"type": "post_summarization", "error": None, "data": {"results": "A greeting."}},
    ),
    "live.post_chapterization": (
        webhooks.LivePostChapterization,
        M.PostChapterizationMessage,
        {"type": "post_chapterization", "error": {"message": "not run"}, "data": None},
    ),
    "live.end_session": (webhooks.LiveSessionEnded, M.EndSessionMessage, {"type": "end_session"}),
}
WEBHOOK_EVENTS = ("live.start_session", "live.start_recording", "live.end_recording", "live.end_session")


def callback(event: str, message: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": SESSION,
        "event": event,
        "payload": {"session_id": SESSION, "created_at": CREATED_AT, **message},
    }


@pytest.mark.parametrize("event", MESSAGES, ids=list(MESSAGES))
def test_a_live_callback_parses_into_its_event_with_the_typed_message(event: str) -> None:
    cls, model, message = MESSAGES[event]
    body = json.dumps(callback(event, message)).encode()
    parsed = parse(body)
    assert type(parsed) is cls
    assert (parsed.job_id, parsed.event, parsed.kind, parsed.message_id) == (SESSION, event, "callback", None)
    assert type(parsed.message) is model
    assert parsed.message.session_id == SESSION
    assert parsed.message.to_dict()["type"] == message["type"]
    assert parsed.raw["payload"]["type"] == message["type"]


def test_a_final_transcript_callback_reads_as_its_utterance() -> None:
    parsed = parse(callback("live.transcript", MESSAGES["live.transcript"][2]))
    assert isinstance(parsed, webhooks.LiveTranscript)
    assert parsed.message is not None
    assert parsed.message.data.is_final is True
    assert parsed.message.data.utterance.text == "Hello there."


@pytest.mark.parametrize("event", WEBHOOK_EVENTS)
def test_a_live_webhook_has_no_message(event: str) -> None:
    parsed = parse({"event": event, "payload": {"id": SESSION}})
    assert parsed.kind == "webhook"
    assert isinstance(parsed, webhooks.LiveEvent)
    assert parsed.message is None


def test_an_unreadable_message_keeps_the_session_id_and_the_raw_payload() -> None:
    body = {"id": SESSION, "event": "live.transcript", "payload": {"type": "transcript", "data": 42}}
    parsed = parse(body)
    assert isinstance(parsed, webhooks.LiveTranscript)
    assert (parsed.job_id, parsed.message) == (SESSION, None)
    assert parsed.raw["payload"]["data"] == 42


def test_a_payload_of_another_kind_is_not_read_as_the_event_says() -> None:
    # The event names the message; a body whose payload is another kind of message is not that message.
    body = callback("live.transcript", MESSAGES["live.end_session"][2])
    parsed = parse(body)
    assert isinstance(parsed, webhooks.LiveTranscript)
    assert parsed.message is None


@pytest.mark.parametrize("session_id", [None, "", "../../v2/pre-recorded", 42])
def test_a_live_callback_without_a_usable_session_id_is_refused(session_id: Any) -> None:
    body = callback("live.transcript", MESSAGES["live.transcript"][2])
    if session_id is None:
        del body["id"]
    else:
        body["id"] = session_id
    with pytest.raises(
        WebhookPayloadError, match=r"live\.transcript callback has no (usable )?job id at 'id'"
    ):
        parse(body)


class _Sessions:
    """A stand-in for `client.live()`: `get` answers a session with the given status."""

    def __init__(self, status: str) -> None:
        self.status = status
        self.asked: list[str] = []

    def get(self, session_id: str) -> Any:
        self.asked.append(session_id)
        return M.StreamingResponse.from_dict(
            {
                "id": session_id,
                "request_id": "G-1",
                "version": 2,
                "status": self.status,
                "created_at": CREATED_AT,
                "kind": "live",
            }
        )


def test_fetch_session_reads_the_session_of_a_live_event() -> None:
    sessions = _Sessions("done")
    event = parse(callback("live.end_session", MESSAGES["live.end_session"][2]))
    assert webhooks.fetch_session(event, sessions).id == SESSION
    assert sessions.asked == [SESSION]


def test_fetch_session_refuses_an_end_the_session_contradicts() -> None:
    event = parse({"event": "live.end_session", "payload": {"id": SESSION}})
    with pytest.raises(WebhookPayloadError, match="processing"):
        webhooks.fetch_session(event, _Sessions("processing"))
    # Other events say nothing about the status: a running session is what they describe.
    transcript = parse(callback("live.transcript", MESSAGES["live.transcript"][2]))
    assert webhooks.fetch_session(transcript, _Sessions("processing")).id == SESSION


def test_fetch_session_refuses_a_pre_recorded_event_and_fetch_job_a_live_one() -> None:
    pre_recorded = parse({"event": "transcription.success", "payload": {"id": SESSION}})
    with pytest.raises(ValidationError, match="pre-recorded job"):
        webhooks.fetch_session(pre_recorded, _Sessions("done"))
    live = parse(callback("live.transcript", MESSAGES["live.transcript"][2]))
    with pytest.raises(ValidationError, match="live session"):
        webhooks.fetch_job(live, _Sessions("done"))


def test_fetch_session_async_reads_the_session() -> None:
    import asyncio

    class AsyncSessions:
        async def get(self, session_id: str) -> Any:
            return _Sessions("done").get(session_id)

    event = parse({"event": "live.end_session", "payload": {"id": SESSION}})
    assert asyncio.run(webhooks.fetch_session_async(event, AsyncSessions())).id == SESSION


def test_every_live_event_is_public_and_listed() -> None:
    classes = {cls for cls, _, _ in MESSAGES.values()}
    assert len(classes) == len(MESSAGES)  # one class per event
    for cls in classes:
        assert cls.__name__ in webhooks.__all__
        assert issubclass(cls, webhooks.LiveEvent)


# ---------------------------------------------------------------------------------------------------------
# Gladia's own document: every CallbackLive* and WebhookLive* schema, filled in from its declaration, parses.


def _upstream() -> dict[str, Any]:
    if not UPSTREAM_SPEC.is_file():
        pytest.skip(
            f"Gladia's OpenAPI document is not at {UPSTREAM_SPEC} (it sits beside the checkout in CI)"
        )
    return json.loads(UPSTREAM_SPEC.read_text(encoding="utf-8"))


def _live_schema_names() -> list[str]:
    if not UPSTREAM_SPEC.is_file():
        return ["(no reference document)"]
    schemas = json.loads(UPSTREAM_SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    return sorted(n for n in schemas if n.startswith(("CallbackLive", "WebhookLive")))


class _Instance:
    """A value that satisfies a schema of the document: every property present, from the examples where
    the document gives one, else the first enum value or a plain value of the declared type."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.schemas = document["components"]["schemas"]

    def of(self, schema: dict[str, Any]) -> Any:
        if "$ref" in schema:
            return self.of(self.schemas[schema["$ref"].rsplit("/", 1)[-1]])
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                value = self.of(part)
                if not isinstance(value, dict):
                    return value
                merged.update(value)
            return merged
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return self.of(next(s for s in schema[key] if s.get("type") != "null"))
        if "enum" in schema:
            return schema["example"] if schema.get("example") in schema["enum"] else schema["enum"][0]
        kind = schema.get("type")
        kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
        if kind == "object" or "properties" in schema:
            return {name: self.of(prop) for name, prop in schema.get("properties", {}).items()}
        if kind == "array":
            return [self.of(schema.get("items", {"type": "string"}))]
        if "example" in schema and not isinstance(schema["example"], (dict, list)):
            return schema["example"]
        if kind == "string":
            return str(uuid.uuid4()) if schema.get("format") == "uuid" else "text"
        if kind == "integer":
            return 1
        if kind == "number":
            return 1.5
        if kind == "boolean":
            return True
        return None


@pytest.mark.parametrize("name", _live_schema_names())
def test_every_live_callback_and_webhook_of_gladias_document_parses(name: str) -> None:
    document = _upstream()
    body = _Instance(document).of({"$ref": f"#/components/schemas/{name}"})
    parsed = parse(json.dumps(body))
    assert isinstance(parsed, webhooks.LiveEvent), name
    assert parsed.event == body["event"]
    if name.startswith("WebhookLive"):
        assert (parsed.kind, parsed.job_id, parsed.message) == ("webhook", body["payload"]["id"], None)
        assert body["event"] in document["webhooks"]
    else:
        assert (parsed.kind, parsed.job_id) == ("callback", body["id"])
        # The WebSocket message it carries is read by our generated model, not left as raw JSON.
        assert parsed.message is not None, f"{name}: our model could not read the payload {body['payload']}"
        assert parsed.message.to_dict()["type"] == body["payload"]["type"]


def test_the_document_declares_a_callback_for_every_live_event_we_parse() -> None:
    schemas = _upstream()["components"]["schemas"]
    declared = {schemas[n]["properties"]["event"]["enum"][0] for n in schemas if n.startswith("CallbackLive")}
    assert declared == set(MESSAGES)
