"""The engine interface, the deterministic engine and the result built around it (no server)."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from gladia._schema import default_validator
from gladia.testing import AudioInput, DeterministicEngine, Engine, EngineError, Transcripts
from gladia.testing._params import request_params
from gladia.testing._result import ADDON_BLOCKS, build_result
from gladia.testing.engines import lay_out
from gladia_api import models
from tests.test_generated_models import assert_fully_typed


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


def test_every_add_on_block_is_an_error_envelope_that_parses() -> None:
    transcription = DeterministicEngine(Transcripts(default="Hello.")).transcribe(audio(), {})
    params = {flag: True for flag in ADDON_BLOCKS}
    result = build_result(transcription, params, audio_duration=10.0, transcription_time=0.0)
    # pii_redaction has no block in the spec (it rewrites the transcript); the emulator adds one to say it
    # could not run, which response models keep as an additional property.
    declared = {key: value for key, value in result.items() if key != "pii_redaction"}
    assert default_validator().problems(declared, "TranscriptionResultDTO") == []
    assert_fully_typed(models.TranscriptionResultDTO.from_dict(result))
    assert all(
        result[flag]["results"] is not None and result[flag]["success"] is False for flag in ADDON_BLOCKS
    )


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
