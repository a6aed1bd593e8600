"""The offline main job, for real: `gladia transcribe` with no key transcribes the samples with Whisper tiny.en
through an in-process emulator, and the word error rate against the reference texts stays under its bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from gladia.testing.wer import word_error_rate
from tests._cli import run
from tests._reference import ROOT
from tests._whisper import MAX_OVERALL_WER, MAX_SAMPLE_WER, needs_model

SAMPLES = ROOT / "samples"


@pytest.mark.once  # the Whisper model's work, whatever the Python
@pytest.mark.slow
@needs_model
def test_the_samples_through_the_cli_offline(tmp_path: Path) -> None:
    wavs = sorted(SAMPLES.glob("*.wav"))
    assert len(wavs) == 5
    result = run(["transcribe", *map(str, wavs), "-o", str(tmp_path), "--no-state"])
    assert result.exit_code == 0, result.stderr
    assert "transcribing offline" in result.stderr  # no key: the embedded local default, said in one line
    errors = words = 0
    rates: dict[str, float] = {}
    for wav in wavs:
        reference = wav.with_suffix(".txt").read_text(encoding="utf-8")
        heard = (tmp_path / f"{wav.stem}.txt").read_text(encoding="utf-8")
        rates[wav.stem] = word_error_rate(reference, heard)
        count = len(reference.split())
        errors += round(rates[wav.stem] * count)
        words += count
    print({name: round(rate, 3) for name, rate in rates.items()}, round(errors / words, 3))
    assert max(rates.values()) <= MAX_SAMPLE_WER, rates
    assert errors / words <= MAX_OVERALL_WER, rates


@needs_model
def test_the_readme_command_prints_the_meeting(tmp_path: Path) -> None:
    result = run(["transcribe", str(SAMPLES / "meeting.wav")])
    assert result.exit_code == 0, result.stderr
    reference = (SAMPLES / "meeting.txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, result.stdout) <= MAX_SAMPLE_WER
