"""Testing your own code (meeting_notes.py) against the Gladia emulator: run with

    pytest examples/testing_with_the_emulator

The `gladia_emulator` fixture (from the plugin that conftest.py loads) is a local Gladia on a free port,
fresh for each test: register what a recording says, point your client at it, and check what your code does,
including when Gladia fails.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path

from meeting_notes import meeting_notes

from gladia import GladiaClient
from gladia.testing import Emulator


def recording(path: Path, seconds: float = 2.0) -> Path:
    """A short WAV (the emulator reads its real duration; what is said is registered by the test)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16_000)
        writer.writeframes(b"\x00\x10" * int(16_000 * seconds))
    path.write_bytes(buffer.getvalue())
    return path


def client_for(emulator: Emulator) -> GladiaClient:
    return GladiaClient(api_key=emulator.api_key, api_url=emulator.url)


def test_notes_name_the_speakers(gladia_emulator: Emulator, tmp_path: Path) -> None:
    audio = recording(tmp_path / "standup.wav")
    gladia_emulator.transcripts.add(audio, "Speaker 0: I shipped the fix.\nSpeaker 1: Great, thanks.")
    with client_for(gladia_emulator) as client:
        assert meeting_notes(audio, client) == ["Speaker 0: I shipped the fix.", "Speaker 1: Great, thanks."]


def test_notes_survive_a_gladia_hiccup(gladia_emulator: Emulator, tmp_path: Path) -> None:
    audio = recording(tmp_path / "standup.wav")
    gladia_emulator.transcripts.add(audio, "Speaker 0: Still here.")
    # Gladia answers the create request with a 503 once: the SDK retries, and no second job is made.
    gladia_emulator.faults.add(route="POST /v2/pre-recorded", kind="status", status=503, times=1)
    with client_for(gladia_emulator) as client:
        assert meeting_notes(audio, client) == ["Speaker 0: Still here."]
    assert gladia_emulator.counters.jobs_created == 1


def test_a_failed_transcription_says_so(gladia_emulator: Emulator, tmp_path: Path) -> None:
    audio = recording(tmp_path / "noise.wav")
    gladia_emulator.transcripts.fail(audio, error_code=422, message="nothing to hear")
    with client_for(gladia_emulator) as client:
        assert meeting_notes(audio, client) == ["No notes: the transcription failed (422)."]
