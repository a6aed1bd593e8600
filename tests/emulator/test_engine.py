"""The engine interface, the deterministic engine and the result built around it (no server)."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from gladia._core.schema import default_validator
from gladia.testing import AudioInput, DeterministicEngine, Engine, EngineError, Transcripts
from gladia.testing._params import request_params
from gladia.testing._result import ADDON_BLOCKS, build_result
from gladia.testing._subtitles import render as render_subtitles
from gladia.testing.engines import lay_out, speaker_turns
from gladia_api import models
from tests._models import assert_fully_typed


def audio(data: bytes = b"sound", *, duration: float = 10.0, url: str | None = None) -> AudioInput:
    return AudioInput(
        path=Path("/nonexistent"),
        sha256=hashlib.sha256(data).hexdigest(),
        filename="a.wav",
        duration=duration,
        channels=1,
        url=url,
    )


def test_the_deterministic_engine_is_an_engine() -> None:
    assert isinstance(DeterministicEngine(Transcripts()), Engine)


def test_lookup_by_content_then_url_then_source() -> None:
    transcripts = Transcripts()
    engine = DeterministicEngine(transcripts)
    transcripts.add("https://example.com/a.wav", "By URL.")
    assert engine.transcribe(audio(url="https://example.com/a.wav"), {}).utterances[0].text == "By URL."
    transcripts.add(b"sound", "By content.", language="fr")
    found = engine.transcribe(audio(url="https://example.com/a.wav"), {})
    assert (found.utterances[0].text, found.languages) == ("By content.", ("fr",))


def test_nothing_registered_is_an_engine_error_not_invented_text() -> None:
    with pytest.raises(EngineError, match="No transcript registered") as raised:
        DeterministicEngine(Transcripts()).transcribe(audio(), {})
    assert raised.value.code == 500
    assert (
        DeterministicEngine(Transcripts(default="Default.")).transcribe(audio(), {}).utterances[0].text
        == "Default."
    )


def test_clear_forgets_registrations_but_keeps_the_default() -> None:
    transcripts = Transcripts(default="Default.")
    transcripts.add(b"sound", "Registered.")
    transcripts.clear()
    assert transcripts.find(audio()) is None
    assert transcripts.default == "Default."


def test_words_fill_the_duration_in_order_with_stable_confidences() -> None:
    utterances = lay_out("One two three. Four five!", 10.0, "en")
    words = [w for u in utterances for w in u.words]
    assert [w.word for w in words] == ["One", " two", " three.", " Four", " five!"]
    assert words[0].start == 0.25
    assert words[-1].end <= 9.75
    assert all(w.start < w.end for w in words)
    assert all(a.end < b.start for a, b in itertools.pairwise(words))
    assert utterances == lay_out("One  two\nthree. Four five!", 10.0, "en")
    assert [u.confidence for u in utterances] == [
        round(sum(w.confidence for w in u.words) / len(u.words), 2) for u in utterances
    ]


def test_cjk_full_stops_end_sentences() -> None:
    question = "\uff1f"  # the full-width question mark
    assert [u.text for u in lay_out(f"こんにちは。元気ですか{question}はい。", 5.0, "ja")] == [
        "こんにちは。",
        f"元気ですか{question}",
        "はい。",
    ]


@pytest.mark.parametrize(("text", "duration"), [("", 5.0), ("   ", 5.0), ("Words.", 0.0)])
def test_nothing_to_lay_out(text: str, duration: float) -> None:
    assert lay_out(text, duration, "en") == ()


def test_a_silent_transcript_still_makes_a_valid_result() -> None:
    transcription = DeterministicEngine(Transcripts(default="")).transcribe(audio(), {})
    result = build_result(
        transcription,
        request_params({"audio_url": "https://x.io/a.wav", "subtitles": True}),
        audio_duration=10.0,
        transcription_time=0.1,
    )
    assert result["transcription"]["full_transcript"] == ""
    assert result["transcription"]["languages"] == []
    assert default_validator().problems(result, "TranscriptionResultDTO") == []


@pytest.mark.parametrize("mode", ["fail", "fixtures"])
def test_every_add_on_block_parses_as_an_error_or_a_fixture(mode: str) -> None:
    transcription = DeterministicEngine(Transcripts(default="Hello.")).transcribe(audio(), {})
    params = {flag: True for flag in (*ADDON_BLOCKS, "pii_redaction", "chapterization")}
    params.update(
        translation_config={"target_languages": ["fr"]},
        audio_to_llm_config={"prompts": ["Summarize"]},
        structured_data_extraction_config={"classes": ["person"]},
    )
    result = build_result(transcription, params, audio_duration=10.0, transcription_time=0.0, mode=mode)
    # pii_redaction rewrites the transcript (no block); chapterization is deprecated and ignored (no block).
    assert "pii_redaction" not in result and "chapterization" not in result
    assert default_validator().problems(result, "TranscriptionResultDTO") == []
    assert_fully_typed(models.TranscriptionResultDTO.from_dict(result))
    computed = {"display_mode", "name_consistency"}  # they need no model: computed in both modes
    for flag in ADDON_BLOCKS:
        assert result[flag]["results"] is not None
        assert result[flag]["success"] is (mode == "fixtures" or flag in computed), flag


def test_request_params_fill_defaults_of_nested_configs() -> None:
    params = request_params(
        {
            "audio_url": "https://x.io/a.wav",
            "translation": True,
            "translation_config": {"target_languages": ["fr"]},
            "summarization": True,
            "custom_metadata": {"a": 1},
        }
    )
    assert params["translation_config"] == {
        "target_languages": ["fr"],
        "model": "base",
        "match_original_utterances": True,
        "lipsync": True,
        "context_adaptation": True,
        "informal": False,
    }
    assert params["summarization_config"] == {"type": "general"}
    assert "custom_metadata" not in params
    assert "callback_config" not in params
    assert default_validator().problems(params, "PreRecordedRequestParamsResponse") == []


def test_a_directory_of_sidecars(tmp_path: Path) -> None:
    (tmp_path / "a.wav").write_bytes(b"first")
    (tmp_path / "a.txt").write_text("First file.", encoding="utf-8")
    (tmp_path / "b.wav").write_bytes(b"no sidecar")
    transcripts = Transcripts()
    transcripts.add_directory(tmp_path)
    assert transcripts.find(audio(b"first")).text == "First file."  # type: ignore[union-attr]
    assert transcripts.find(audio(b"no sidecar")) is None
    with pytest.raises(NotADirectoryError):
        transcripts.add_directory(tmp_path / "a.wav")


def test_fail_needs_an_error_status() -> None:
    with pytest.raises(ValueError, match="400-599"):
        Transcripts().fail(b"x", error_code=200)


# ------------------------------------------------------------------------------------ speakers


def test_speaker_lines_split_a_transcript_into_turns() -> None:
    said = "Speaker 0: Hello there.\nHow are you?\n  speaker 12 : Fine.\n\nSpeaker 0:"
    assert speaker_turns(said) == ((0, "Hello there. How are you?"), (12, "Fine."))
    assert speaker_turns("No names. Just text.") == ((None, "No names. Just text."),)
    assert speaker_turns("Before any name.\nSpeaker 1: After.") == ((None, "Before any name."), (1, "After."))


def test_a_sentence_never_spans_two_turns() -> None:
    utterances = lay_out([(0, "Hello there, how"), (1, "are you? Fine.")], 10.0, "en")
    assert [(u.speaker, u.text) for u in utterances] == [
        (0, "Hello there, how"),
        (1, "are you?"),
        (1, "Fine."),
    ]


def test_speakers_only_with_diarization() -> None:
    transcripts = Transcripts()
    transcripts.add(b"two voices", "Speaker 3: Hi.\nSpeaker 4: Hello.")
    engine = DeterministicEngine(transcripts)
    diarized = engine.transcribe(audio(b"two voices"), {"diarization": True})
    assert [u.speaker for u in diarized.utterances] == [3, 4]
    assert [u.speaker for u in engine.transcribe(audio(b"two voices"), {}).utterances] == [None, None]
    with pytest.raises(ValueError, match="at least one"):
        transcripts.add(b"nobody", [])


# ------------------------------------------------------------------------------------ subtitles


def _said(*lines: tuple[str, float, float, int | None]) -> list[dict[str, object]]:
    return [
        {
            "text": text,
            "start": start,
            "end": end,
            "channel": 0,
            "speaker": speaker,
            "words": [{"word": text, "start": start, "end": end, "confidence": 1.0}],
        }
        for text, start, end, speaker in lines
    ]


def test_cues_merge_utterances_keep_gaps_and_split_on_pauses_and_speakers() -> None:
    utterances = _said(
        ("One.", 0.5, 1.0, 0), ("Two.", 1.2, 1.6, 0), ("Three.", 3.0, 3.5, 0), ("Four.", 3.6, 4.0, 1)
    )
    assert render_subtitles(utterances, "srt", {}) == (
        "1\n00:00:00.500 --> 00:00:01.600\nOne. Two.\n\n"  # merged; ends with its last word
        "2\n00:00:03.000 --> 00:00:03.500\nThree.\n\n"  # after a pause of more than a second
        "3\n00:00:03.600 --> 00:00:04.000\nFour.\n"  # another speaker
    )
    assert render_subtitles(utterances, "vtt", {}).startswith("WEBVTT\n\n1\n00:00:00.500 --> ")
    assert render_subtitles([], "srt", {}) == ""
    assert render_subtitles([], "vtt", {}) == "WEBVTT\n\n"


def test_cues_follow_the_configured_rows_duration_and_minimum() -> None:
    utterances = _said(("aaaa", 0.0, 0.2, None), ("bbbb", 0.3, 0.5, None), ("cccc", 0.6, 0.8, None))
    config = {"maximum_characters_per_row": 9, "maximum_rows_per_caption": 1}
    assert render_subtitles(utterances, "srt", config) == (
        "1\n00:00:00.000 --> 00:00:00.500\naaaa bbbb\n\n2\n00:00:00.600 --> 00:00:00.800\ncccc\n"
    )
    two_rows = render_subtitles(utterances, "srt", {**config, "maximum_rows_per_caption": 2})
    assert two_rows == "1\n00:00:00.000 --> 00:00:00.800\naaaa bbbb\ncccc\n"
    close = _said(("aaaa", 0.0, 0.2, None), ("cccc", 1.5, 1.7, None))
    # Held to the minimum, never past the next cue.
    assert render_subtitles(close, "srt", {"minimum_duration": 2.0}) == (
        "1\n00:00:00.000 --> 00:00:01.500\naaaa\n\n2\n00:00:01.500 --> 00:00:03.500\ncccc\n"
    )
    apart = _said(("aaaa", 0.0, 0.2, None), ("cccc", 2.0, 2.2, None))
    assert render_subtitles(apart, "srt", {"minimum_duration": 1.0}) == (
        "1\n00:00:00.000 --> 00:00:01.000\naaaa\n\n2\n00:00:02.000 --> 00:00:03.000\ncccc\n"
    )
