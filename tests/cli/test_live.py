"""`gladia live FILE`: a recording streamed as if live, against the emulator, and offline with Whisper."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gladia.cli import _live as cli_live
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


class SenderGone(BaseException):
    """Not an Exception: how a thread can also end (as SystemExit does, which a thread drops silently)."""


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (RuntimeError("the disk went away"), "the disk went away"),
        (SenderGone("no more audio"), "sending the audio failed (SenderGone: no more audio)"),
    ],
    ids=["exception", "base-exception"],
)
def test_a_sender_that_fails_before_stopping_ends_the_command_with_its_error(
    emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException, said: str
) -> None:
    emu.live.say(TEXT)
    wav = tmp_path / "talk.wav"
    wav.write_bytes(make_wav(3.0))

    def failing_sender(options: dict[str, Any], audio: bytes, speed: float) -> Callable[[Any], None]:
        def send(session: Any) -> None:
            session.send_audio(audio[:3200])  # the session is under way; the recording is never stopped
            raise failure

        return send

    monkeypatch.setattr(cli_live, "_file_sender", failing_sender)
    results: list[Result] = []
    command = threading.Thread(
        target=lambda: results.append(run(["live", str(wav), "--speed", "0", *against(emu)])), daemon=True
    )
    command.start()
    command.join(10)  # a bound against the hang this test is about; it ends at once
    assert not command.is_alive(), "gladia live waits forever for the end of a session nobody stops"
    (result,) = results
    assert result.exit_code == 1, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and said in last, result.stderr
    # Closed: the session ends as Gladia ends a closed connection (the emulator sees the close a moment
    # after the command has returned, so it is given a few seconds).
    deadline = time.monotonic() + 5
    while (status := emu.live.sessions()[0]["status"]) != "done" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(emu.live.sessions()) == 1 and status == "done"


@pytest.mark.once  # the Whisper model's work, whatever the Python
@needs_model
def test_offline_live_prints_the_meeting() -> None:
    sample = ROOT / "samples" / "meeting.wav"
    result = run(["live", "--local", "--speed", "0", str(sample)])
    assert result.exit_code == 0, result.stderr
    reference = sample.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, result.stdout) <= MAX_SAMPLE_WER, result.stdout
