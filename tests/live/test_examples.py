"""The live examples run as a reader runs them: `python examples/live_file.py ...` and
`python examples/live_microphone.py`, as processes, against the emulator through `GLADIA_API_URL`."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._cli import process_env
from tests._pulse import Pulse, running_pulse
from tests._reference import ROOT
from tests.conftest import make_wav

TEXT = "Hello there. How are you today?"
EXAMPLES = ROOT / "examples"


def example_env(emu: Emulator, **extra: str) -> dict[str, str]:
    return {**process_env(), "GLADIA_API_URL": emu.url, "GLADIA_API_KEY": emu.api_key, **extra}


def test_live_file_prints_the_finals_of_a_wav(emu: Emulator, tmp_path: Path) -> None:
    emu.live.say(TEXT)
    wav = tmp_path / "talk.wav"
    wav.write_bytes(make_wav(2.0))
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "live_file.py"), "--speed", "0", "-l", "en", str(wav)],
        env=example_env(emu),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Hello there.", "How are you today?"]
    (session,) = emu.live.sessions()
    assert emu.live.audio(session["id"]) == make_wav(2.0)[44:]
    assert session["request_params"]["language_config"]["languages"] == ["en"]


@pytest.mark.real_time  # paced as spoken
def test_live_file_is_paced_as_spoken_by_default(emu: Emulator, tmp_path: Path) -> None:
    wav = tmp_path / "short.wav"
    wav.write_bytes(make_wav(1.0))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "live_file.py"), str(wav)],
        env=example_env(emu),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 0.9  # 1 s of audio, 100 ms at a time


def test_live_file_says_what_went_wrong_in_one_line(emu: Emulator, tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "live_file.py"), str(bad)],
        env=example_env(emu),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1 and result.stderr.startswith("error: "), result.stderr
    assert emu.live.sessions() == []


@pytest.fixture
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    with running_pulse(tmp_path_factory.mktemp("pulse")) as running:
        yield running


@pytest.mark.real_time
@pytest.mark.slow
def test_live_microphone_prints_what_is_said_and_stops_on_ctrl_c(
    pulse: Pulse, emu: Emulator, tmp_path: Path
) -> None:
    emu.live.say(TEXT, duration=1.0)
    tone = tmp_path / "tone.wav"
    tone.write_bytes(make_wav(1.0, tone=True))
    example = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "live_microphone.py")],
        env=example_env(emu, **pulse.env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while pulse.recording_streams() == 0 or not emu.live.sessions():  # listening, session open
            assert example.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        pulse.play(tone).wait(timeout=30)
        example.send_signal(signal.SIGINT)  # Ctrl-C
        stdout, stderr = example.communicate(timeout=60)
    finally:
        if example.poll() is None:
            example.kill()
            example.communicate()
    assert example.returncode == 0, stderr
    assert stdout.splitlines() == ["Hello there.", "How are you today?"]
    assert "Stopped listening" in stderr
    (session,) = emu.live.sessions()
    assert session["status"] == "done"
    assert pulse.recording_streams() == 0
