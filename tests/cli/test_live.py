"""`gladia live FILE`: a recording streamed as if live, against the emulator, and offline with Whisper."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gladia.testing import Emulator
from gladia.testing.wer import word_error_rate
from tests._cli import against, json_lines, run
from tests._reference import ROOT
from tests._whisper import MAX_SAMPLE_WER, needs_model
from tests.conftest import make_wav

TEXT = "Hello there. How are you today?"


def test_final_utterances_are_printed_as_they_come(emu: Emulator, tmp_path: Path) -> None:
    emu.live.say(TEXT)
    wav = tmp_path / "talk.wav"
    wav.write_bytes(make_wav(3.0))
    result = run(["live", str(wav), "--speed", "0", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["Hello there.", "How are you today?"]
    (session,) = emu.live.sessions()
    assert emu.live.audio(session["id"]) == make_wav(3.0)[44:]  # the WAV's samples, every one, once
    assert session["request_params"]["sample_rate"] == 16_000
    assert session["request_params"]["bit_depth"] == 16


def test_json_prints_every_message(emu: Emulator, tmp_path: Path) -> None:
    emu.live.say(TEXT)
    wav = tmp_path / "talk.wav"
    wav.write_bytes(make_wav(3.0))
    result = run(["live", str(wav), "--speed", "0", "--json", "-l", "en", *against(emu)])
    assert result.exit_code == 0, result.stderr
    messages = json_lines(result.stdout)
    types = [m["type"] for m in messages]
    assert "audio_chunk" in types and types[-1] == "post_final_transcript"
    assert [
        m["data"]["utterance"]["text"]
        for m in messages
        if m["type"] == "transcript" and m["data"]["is_final"]
    ] == [
        "Hello there.",
        "How are you today?",
    ]
    assert any(m["type"] == "transcript" and not m["data"]["is_final"] for m in messages)


def test_real_time_pace_by_default(emu: Emulator, tmp_path: Path) -> None:
    wav = tmp_path / "short.wav"
    wav.write_bytes(make_wav(0.6))
    started = time.monotonic()
    result = run(["live", str(wav), *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - started >= 0.5  # 0.6 s of audio, sent as it would be spoken


def test_a_file_that_is_not_a_wav_is_one_error_line(emu: Emulator, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not audio")
    result = run(["live", str(bad), *against(emu)])
    assert result.exit_code == 2  # input refused, nothing sent (README's exit codes)
    assert "is not a PCM WAV file" in result.stderr
    assert json.dumps(result.stderr).count("\\n") <= 2
    assert sum(emu.counters.requests.values()) == 0
    # The transcript beside a sample, offline (no key): refused the same way, before any engine loads.
    offline = run(["live", str(ROOT / "samples" / "meeting.txt")])
    assert offline.exit_code == 2
    assert offline.stderr.startswith("error: ") and "meeting.txt is not a PCM WAV file" in offline.stderr


@pytest.mark.once  # the Whisper model's work, whatever the Python
@needs_model
def test_offline_live_prints_the_meeting() -> None:
    sample = ROOT / "samples" / "meeting.wav"
    result = run(["live", "--local", "--speed", "0", str(sample)])
    assert result.exit_code == 0, result.stderr
    reference = sample.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, result.stdout) <= MAX_SAMPLE_WER, result.stdout
