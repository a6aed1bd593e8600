"""A local Gladia: `gladia emulator --engine whisper` really transcribes, for any client.

Gladia's official Python SDK (`gladiaio-sdk`, installed at test time into a virtual environment of its own
under the user's cache directory, never a dependency of this project) transcribes a recording nobody
registered through the command's server, and gets the words that were said; a registered transcript still
wins, pre-recorded and live. Skipped, with the reason, when the package registry cannot be reached.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from gladia import GladiaClient
from gladia.testing import EmulatorConfig
from gladia.testing.engines import RegisteredFirst
from gladia.testing.wer import word_error_rate
from gladia_api import models as M
from tests import _official
from tests._cli import run
from tests._whisper import MAX_SAMPLE_WER, needs_model

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
KEY = "local-gladia-key"
# The official SDK's own code, as its documentation shows it; the key and URL come from the arguments.
OFFICIAL_SCRIPT = """
import json, sys
from gladiaio_sdk import GladiaClient

url, key, *paths = sys.argv[1:]
client = GladiaClient(api_key=key, api_url=url).pre_recorded_v2()
heard = {}
for path in paths:
    job = client.transcribe(path)
    heard[path] = job.result.transcription.full_transcript
print(json.dumps(heard))
"""


@pytest.fixture(scope="module")
def official_python() -> Path:
    """The Python of a virtual environment holding the official SDK; skips when it cannot be installed."""
    return _official.official_python()


@pytest.fixture(scope="module")
def local_gladia(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`gladia emulator --engine whisper` as a user starts it, with one recording registered; its URL."""
    registered = tmp_path_factory.mktemp("registered")
    shutil.copy(SAMPLES / "meeting.wav", registered / "meeting.wav")
    (registered / "meeting.txt").write_text("A transcript somebody registered.", encoding="utf-8")
    process = subprocess.Popen(
        [
            *(sys.executable, "-c", "from gladia.cli import main; main()"),
            *("emulator", "--engine", "whisper", "--port", "0", "--api-key", KEY),
            *("--transcripts", str(registered), "--queued-seconds", "0", "--processing-seconds", "0"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines: list[str] = []
    url = ""
    deadline = time.monotonic() + 60
    while not url and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if line.strip().startswith("URL:"):
            url = line.split("URL:", 1)[1].strip()
    try:
        assert url, f"no URL printed: {lines} {process.stderr.read() if process.poll() is not None else ''}"
        assert any(
            "Engine:  whisper (tiny.en" in line
            for line in [*lines, *(process.stdout.readline() for _ in range(2))]
        )
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=30)


@needs_model
def test_the_official_sdk_gets_real_words_from_a_local_gladia(
    official_python: Path, local_gladia: str
) -> None:
    unregistered, registered = SAMPLES / "directions.wav", SAMPLES / "meeting.wav"
    done = subprocess.run(
        [str(official_python), "-c", OFFICIAL_SCRIPT, local_gladia, KEY, str(unregistered), str(registered)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    heard = json.loads(done.stdout.strip().splitlines()[-1])
    reference = (SAMPLES / "directions.txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, heard[str(unregistered)]) <= MAX_SAMPLE_WER, heard
    assert heard[str(registered)] == "A transcript somebody registered."


def _stream(url: str, recording: Path) -> list[str]:
    """The final utterances of a live session that streams `recording` (a PCM WAV) with this SDK."""
    with wave.open(str(recording)) as wav:
        rate, pcm = wav.getframerate(), wav.readframes(wav.getnframes())
    with (
        GladiaClient(api_key=KEY, api_url=url) as client,
        client.live().start_session({"sample_rate": rate}) as session,
    ):
        for start in range(0, len(pcm), 3200):
            session.send_audio(pcm[start : start + 3200])
        session.stop_recording()
        messages = list(session)
    return [m.data.utterance.text for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]


@needs_model
@pytest.mark.real_time  # the model's real work, against the SDK's real end deadline
def test_live_a_registered_recording_is_its_transcript_and_the_rest_is_heard(local_gladia: str) -> None:
    assert _stream(local_gladia, SAMPLES / "meeting.wav") == ["A transcript somebody registered."]
    heard = " ".join(_stream(local_gladia, SAMPLES / "directions.wav"))
    reference = (SAMPLES / "directions.txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, heard) <= MAX_SAMPLE_WER, heard


def test_the_engine_can_be_named_in_python() -> None:
    assert EmulatorConfig(engine="deterministic").engine is None
    with pytest.raises(ValueError, match="not an engine"):
        EmulatorConfig(engine="wisper")


@needs_model
def test_whisper_by_name_is_the_local_engine() -> None:
    from gladia.testing.whisper import WhisperEngine

    engine = EmulatorConfig(engine="whisper").engine
    assert isinstance(engine, WhisperEngine)
    assert engine.model_name == "tiny.en"
    assert isinstance(RegisteredFirst(engine, None), RegisteredFirst)  # type: ignore[arg-type]


def test_the_command_says_what_the_whisper_engine_does() -> None:
    result = run(["emulator", "--help"])
    assert result.exit_code == 0
    help_text = " ".join(result.output.split())
    assert "--engine [deterministic|whisper]" in help_text
    assert "registered transcripts (--transcripts) still win where present" in help_text
    result = run(["emulator", "--model", "base"])
    assert result.exit_code == 2
    assert "add --engine whisper" in result.stderr
