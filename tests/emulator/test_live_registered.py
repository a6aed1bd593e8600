"""Live sessions hear registered audio (issue 23, item 2), and the details Gladia's own clients check (item 4).

Streaming a registered recording (with or without its WAV header, in any chunking, across reconnections)
reveals its transcript paced by the audio; unknown audio gets a clear error, or the default transcript.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from gladia import GladiaClient
from gladia.testing import AudioInput, Emulator, Transcription, Utterance, Word, emulator
from gladia_api import models as M
from tests.conftest import make_wav

TEXT = "Hello there. How are you today?"
SECOND = 32_000


def _stream(
    http: httpx.Client, data: bytes, chunk: int = 3_200, **options: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Stream `data` on a new session's socket in chunks of `chunk` bytes; the session and every message."""
    response = http.post("/v2/live", json={"messages_config": {"receive_lifecycle_events": True}, **options})
    assert response.status_code == 201, response.text
    session = response.json()
    with connect(session["url"], open_timeout=5, close_timeout=5) as ws:
        for start in range(0, len(data), chunk):
            ws.send(data[start : start + chunk])
        ws.send(json.dumps({"type": "stop_recording"}))
        messages = [json.loads(m) for m in ws]
    return session, messages


def _finals(messages: list[dict[str, Any]]) -> list[str]:
    return [
        m["data"]["utterance"]["text"]
        for m in messages
        if m["type"] == "transcript" and m["data"]["is_final"]
    ]


@pytest.mark.parametrize("header", [True, False], ids=["with-wav-header", "raw-pcm"])
@pytest.mark.parametrize("chunk", [777, 3_200, 64_000])
def test_a_registered_recording_streamed_live_comes_back_as_its_transcript(
    emu: Emulator, http: httpx.Client, tmp_path: Path, header: bool, chunk: int
) -> None:
    recording = tmp_path / "hello.wav"
    recording.write_bytes(make_wav(4.0, tone=True))
    emu.transcripts.add(recording, TEXT)
    data = recording.read_bytes() if header else recording.read_bytes()[44:]
    session, messages = _stream(http, data, chunk)
    assert _finals(messages) == ["Hello there.", "How are you today?"]
    assert not [m for m in messages if m["type"] == "error"]
    acks = [m["data"] for m in messages if m["type"] == "audio_chunk"]
    # Every byte is acknowledged (the header too), but the header is not audio: no time, no duration.
    assert acks[-1]["byte_range"][1] == len(data)
    assert acks[-1]["time_range"][1] == 4.0
    stored = http.get(f"/v2/live/{session['id']}").json()
    assert stored["result"]["metadata"]["audio_duration"] == 4.0
    assert stored["result"]["transcription"]["full_transcript"] == TEXT
    # The same layout as the pre-recorded job of that file: one recording, one transcript.
    assert stored["file"]["audio_duration"] == 4.0


def test_a_registered_recording_is_recognised_across_reconnections(emu: Emulator, tmp_path: Path) -> None:
    recording = tmp_path / "hello.wav"
    recording.write_bytes(make_wav(4.0, tone=True))
    emu.transcripts.add(recording, TEXT)
    emu.live.drop_after(SECOND // 2, code=1012, times=2)  # two drops inside the first second
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        live = client.live()
        with live.start_session({"sample_rate": 16000}) as session:
            pcm = recording.read_bytes()[44:]
            for start in range(0, len(pcm), 3_200):
                session.send_audio(pcm[start : start + 3_200])
            session.stop_recording()
            finals = [
                m.data.utterance.text
                for m in session
                if isinstance(m, M.TranscriptMessage) and m.data.is_final
            ]
    assert finals == ["Hello there.", "How are you today?"]
    assert emu.live.counters.connections == 3


def test_a_transcripts_directory_is_heard_live(tmp_path: Path) -> None:
    (tmp_path / "meeting.wav").write_bytes(make_wav(3.0, tone=True))
    (tmp_path / "meeting.txt").write_text("Shall we start?")
    with (
        emulator(transcripts_dir=tmp_path) as emu,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
    ):
        _, messages = _stream(http, (tmp_path / "meeting.wav").read_bytes())
    assert _finals(messages) == ["Shall we start?"]


class HearsOneThing:
    """A speech engine that hears "Heard by the engine." in any audio, and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        self.calls += 1
        words = [
            Word(word=w, start=0.1 + i / 4, end=0.3 + i / 4, confidence=0.9) for i, w in enumerate(HEARD)
        ]
        utterance = Utterance(
            text=" ".join(HEARD), start=0.1, end=words[-1].end, confidence=0.9, language="en", words=words
        )
        return Transcription(utterances=[utterance], languages=("en",))


HEARD = ("Heard", "by", "the", "engine.")


def test_with_a_speech_engine_a_registered_recording_is_still_heard_as_registered(tmp_path: Path) -> None:
    # As `gladia emulator --engine whisper --transcripts DIR`: registered recordings win, live as pre-recorded;
    # the engine hears the rest (and the default transcript is not used: the engine is there for that).
    (tmp_path / "meeting.wav").write_bytes(make_wav(3.0, tone=True))
    (tmp_path / "meeting.txt").write_text("Shall we start?")
    engine = HearsOneThing()
    with (
        emulator(engine=engine, transcripts_dir=tmp_path, default_transcript="Never said.") as emu,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
    ):
        _, registered = _stream(http, (tmp_path / "meeting.wav").read_bytes())
        assert engine.calls == 0
        _, other = _stream(http, bytes(range(256)) * 250)  # 2 s of audio nothing is registered for
        emu.live.say("A script.")  # a test's script wins too
        _, scripted = _stream(http, bytes(range(256)) * 250)
    assert _finals(registered) == ["Shall we start?"]
    assert _finals(other) == [" ".join(HEARD)] and engine.calls == 1
    assert _finals(scripted) == ["A script."]
    assert [m for m in registered + other + scripted if m["type"] == "error"] == []


def test_unknown_audio_gets_a_clear_error_and_silence_says_nothing(emu: Emulator, http: httpx.Client) -> None:
    session, messages = _stream(http, make_wav(2.0, tone=True))
    errors = [m for m in messages if m["type"] == "error"]
    assert len(errors) == 1
    assert "No transcript is registered for the audio of this session" in errors[0]["error"]["message"]
    assert "emu.transcripts.add" in errors[0]["error"]["message"]
    assert _finals(messages) == []
    stored = http.get(f"/v2/live/{session['id']}").json()
    assert stored["post_session_metadata"]["error"]["code"] == 422
    _, quiet = _stream(http, bytes(SECOND * 2))
    assert [m for m in quiet if m["type"] == "error"] == [] and _finals(quiet) == []


def test_unknown_audio_gets_the_default_transcript_when_one_is_set(emu: Emulator, http: httpx.Client) -> None:
    emu.configure(default_transcript="The default. Said whatever is streamed.")
    _, messages = _stream(http, make_wav(6.0, tone=True))
    assert _finals(messages) == ["The default.", "Said whatever is streamed."]
    assert [m for m in messages if m["type"] == "error"] == []


def test_live_add_ons_carry_data_and_the_stored_session_holds_their_blocks(
    emu: Emulator, http: httpx.Client
) -> None:
    emu.live.say(TEXT)
    session, messages = _stream(
        http,
        bytes(SECOND * 4),
        realtime_processing={
            "translation": True,
            "translation_config": {"target_languages": ["fr", "de"]},
            "named_entity_recognition": True,
            "sentiment_analysis": True,
        },
        post_processing={"summarization": True, "chapterization": True},
    )
    kinds = [m["type"] for m in messages]
    assert kinds.count("translation") == 4  # two finals, two languages
    assert kinds.count("sentiment_analysis") == kinds.count("named_entity_recognition") == 2
    assert "post_chapterization" not in kinds  # deprecated and ignored
    for message in messages:
        if message["type"] in (
            "translation",
            "sentiment_analysis",
            "named_entity_recognition",
            "post_summarization",
        ):
            assert message["error"] is None and message["data"] is not None
            parsed = M.__dict__[
                {
                    "translation": "TranslationMessage",
                    "sentiment_analysis": "SentimentAnalysisMessage",
                    "named_entity_recognition": "NamedEntityRecognitionMessage",
                    "post_summarization": "PostSummarizationMessage",
                }[message["type"]]
            ].from_dict(message)
            assert parsed.additional_properties == {}
    translation = next(m["data"] for m in messages if m["type"] == "translation")
    assert translation["translated_utterance"]["text"] == "[fr] Hello there."
    summary = next(m["data"] for m in messages if m["type"] == "post_summarization")
    assert summary == {"results": "Hello there. How are you today?"}
    result = http.get(f"/v2/live/{session['id']}").json()["result"]
    for block in ("translation", "summarization", "named_entity_recognition", "sentiment_analysis"):
        assert result[block]["success"] is True, block
    assert "chapterization" not in result
    final = next(m for m in messages if m["type"] == "post_final_transcript")
    assert final["data"]["summarization"] == result["summarization"]


def test_times_are_written_with_a_z_and_list_items_are_trimmed(emu: Emulator, http: httpx.Client) -> None:
    emu.live.say(TEXT)
    session, messages = _stream(http, bytes(SECOND * 3))
    assert session["created_at"].endswith("Z")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", m["created_at"]) for m in messages)
    [item] = http.get("/v2/live").json()["items"]
    assert item["id"] == session["id"] and item["created_at"].endswith("Z")
    # As pre-recorded list items (list_01): the result keeps only its metadata.
    assert set(item["result"]) == {"metadata"}
    assert set(item["request_params"]) <= {"model", "detect_language", "language_config"}
