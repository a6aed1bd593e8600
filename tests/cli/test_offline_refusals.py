"""Offline, what the local emulator or its engine refuses is said as such (not "Gladia answered 422 to POST
http://127.0.0.1:PORT/..."), with the README's exit code 2 (input refused); and an add-on the local engine
cannot run says what an offline user can do.

The engine is the deterministic one, through the CLI's private seam (as in test_local.py): these are about
what the command line says, not about speech recognition.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from gladia.cli import _local
from gladia.testing import AudioInput, DeterministicEngine, Engine, EngineError, Transcription, Transcripts
from tests._cli import json_lines, run
from tests._reference import ROOT
from tests.conftest import make_wav

SAMPLES = ROOT / "samples"
MEETING = SAMPLES / "meeting.wav"


@pytest.fixture
def transcripts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Transcripts:
    monkeypatch.chdir(tmp_path)
    known = Transcripts()
    known.add_directory(SAMPLES)

    def factory(model: str | None) -> Engine:
        return DeterministicEngine(known)

    monkeypatch.setattr(_local, "engine_factory", factory)
    return known


def not_audio(path: Path) -> Path:
    """A file the SDK lets through (an MP3's ID3 tag), but no audio reader can read."""
    path.write_bytes(b"ID3" + bytes(range(256)) * 12)
    return path


def test_a_file_the_local_emulator_refuses_is_said_so_with_exit_2(
    transcripts: Transcripts, tmp_path: Path
) -> None:
    result = run(["transcribe", str(not_audio(tmp_path / "x.mp3"))])
    assert result.exit_code == 2, result.stderr
    line = result.stderr.splitlines()[-1]
    assert line.startswith(
        "error: the local emulator refused it (HTTP 422 to POST /v2/upload): Invalid audio file"
    )
    assert "Gladia answered" not in result.stderr
    assert "127.0.0.1" not in result.stderr


class Refusing(DeterministicEngine):
    """Refuses the audio it was told to, as Whisper refuses audio it cannot decode or speech it does not know."""

    def __init__(self, transcripts: Transcripts, refused: dict[str, EngineError]) -> None:
        super().__init__(transcripts)
        self.refused = refused

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        if audio.filename in self.refused:
            raise self.refused[audio.filename]
        return super().transcribe(audio, options)


@pytest.fixture
def refused(transcripts: Transcripts, monkeypatch: pytest.MonkeyPatch) -> dict[str, EngineError]:
    """File names the local engine refuses, and how."""
    refusals: dict[str, EngineError] = {}
    monkeypatch.setattr(_local, "engine_factory", lambda model: Refusing(transcripts, refusals))
    return refusals


def test_a_job_the_local_engine_refuses_is_exit_2(refused: dict[str, EngineError], tmp_path: Path) -> None:
    audio = tmp_path / "talk.wav"
    audio.write_bytes(make_wav(1.0, tone=True))
    refused["talk.wav"] = EngineError("nothing in it can be decoded", code=422)
    result = run(["transcribe", "--local", str(audio)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "error: the local engine refused it (code 422): nothing in it can be decoded"
    )


def test_a_batch_is_exit_2_only_when_every_failure_is_a_refusal(
    refused: dict[str, EngineError], tmp_path: Path
) -> None:
    not_decodable = not_audio(tmp_path / "x.mp3")
    broken = tmp_path / "broken.wav"
    broken.write_bytes(make_wav(1.0, tone=True))
    refused["broken.wav"] = EngineError("the engine crashed", code=500)
    only_refused = run(["transcribe", "--local", str(MEETING), str(not_decodable), "-o", "out", "--json"])
    assert only_refused.exit_code == 2
    assert {line["status"] for line in json_lines(only_refused.stdout)} == {"done", "failed"}
    both = run(["transcribe", "--local", str(not_decodable), str(broken), "-o", "out2"])
    assert both.exit_code == 1  # a failure that is not the input's: the usual exit 1


def test_offline_diarization_says_what_an_offline_user_can_do(transcripts: Transcripts) -> None:
    result = run(["transcribe", "--local", "--diarization", str(MEETING)])
    assert result.exit_code == 3  # the transcript is done; an add-on is not
    assert result.stdout == (SAMPLES / "meeting.txt").read_text(encoding="utf-8").strip() + "\n"
    assert result.stderr == (
        f"warning: {MEETING}: the diarization add-on does not run offline: the local engine only transcribes, "
        "so every utterance is speaker 0 (the transcript itself is complete). Offline, leave out "
        "--diarization; or set GLADIA_API_KEY to have Gladia run it.\n"
    )
    assert "registered transcript" not in result.stderr
    summarized = run(["transcribe", "--local", "--summarize", str(MEETING)])
    assert "the summarization add-on does not run offline" in summarized.stderr
    assert "Offline, leave out --summarize; or set GLADIA_API_KEY" in summarized.stderr
