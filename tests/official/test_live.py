"""Gladia's official SDK (`gladiaio-sdk`) completes a live session against the emulator.

The official SDK is installed at test time into its own virtual environment (`tests/_official.py`: cached
by version, never into ours); the test skips, saying why, when the package registry cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._official import official_python
from tests.conftest import make_wav

pytestmark = pytest.mark.once  # the outcome does not depend on the Python version running it

SCRIPT = Path(__file__).parent / "live_driver.py"
TEXT = "Hello there. How are you today?"


def test_the_official_sdk_completes_a_live_session_of_a_registered_recording(
    emu: Emulator, tmp_path: Path
) -> None:
    python = official_python()
    recording = tmp_path / "hello.wav"
    recording.write_bytes(make_wav(4.0, tone=True))
    emu.transcripts.add(recording, TEXT)  # no script: the emulator recognises the recording streamed
    audio = tmp_path / "audio.raw"
    audio.write_bytes(recording.read_bytes()[44:])  # its 4 s of 16 kHz, 16-bit mono samples
    run = subprocess.run(
        [str(python), str(SCRIPT), emu.url, emu.api_key, str(audio)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["ended"] is True and result["errors"] == []
    assert result["finals"] == ["Hello there.", "How are you today?"]
    assert result["types"][-4:] == [
        "post_transcript",
        "post_summarization",
        "post_final_transcript",
        "end_session",
    ]
    assert "post_chapterization" not in result["types"]  # deprecated and ignored: the SDK would refuse it
    # Real-time and post-processing add-ons carry data the official SDK reads.
    assert result["addon_data"] == [["sentiment_analysis", True]] * 2 + [["post_summarization", True]]
    job = emu.live.session(result["session_id"])
    assert job is not None and job["status"] == "done"
    assert emu.live.audio(result["session_id"]) == audio.read_bytes()  # every byte, once
