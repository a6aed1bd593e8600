"""`gladia live --mic`: the default microphone streamed to a live session until Ctrl-C.

The command runs as a process whose default microphone hears what `paplay` plays into a private PulseAudio
(`tests/_pulse.py`), and is stopped as a person stops it: with SIGINT, the signal Ctrl-C sends.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from websockets.asyncio.server import ServerConnection

from gladia.testing import Emulator
from gladia.testing.wer import word_error_rate
from tests._cli import against, command, process_env, run
from tests._pulse import Pulse, no_device_env, portaudio_missing, running_pulse
from tests._reference import ROOT
from tests._whisper import MAX_SAMPLE_WER, needs_model
from tests.conftest import make_wav
from tests.hostile import live_server as L
from tests.hostile import server as H

TEXT = "Hello there. How are you today?"
LISTENING = "Listening on the default microphone"


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    with running_pulse(tmp_path_factory.mktemp("pulse")) as running:
        yield running


# Python's Ctrl-C handler, as in a terminal, even if these tests were started with SIGINT ignored (a
# background job passes that on to its children, and `gladia live --mic` then leaves it ignored).
INTERACTIVE = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "


class Gladia:
    """`gladia ARGS` as a process, its stderr read as it comes (so a test can wait for a line)."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        argv = [sys.executable, "-c", INTERACTIVE + "from gladia.cli import main; main()", *args]
        self.process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self._lines: list[str] = []
        self._seen = threading.Condition()
        assert self.process.stderr is not None
        self._reader = threading.Thread(target=self._read, args=(self.process.stderr,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._seen:
                self._lines.append(line)
                self._seen.notify_all()
        with self._seen:  # the end: the process has ended, or is ending
            self._seen.notify_all()

    def _said(self, text: str) -> bool:
        return any(text in line for line in self._lines)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        """Wait until a line of stderr holds `text` (failing if the process ends first)."""
        with self._seen:
            self._seen.wait_for(lambda: self._said(text) or self.process.poll() is not None, timeout)
        if not self._said(text):
            self.process.wait(5)  # its stderr ended: the process too, or about to
            assert self._said(text), f"exit {self.process.returncode}: {''.join(self._lines)}"

    def interrupt(self) -> None:
        self.process.send_signal(signal.SIGINT)  # what Ctrl-C sends

    def finish(self, timeout: float = 60) -> tuple[int, str, str]:
        """Its exit code, stdout and stderr, once it ends."""
        assert self.process.stdout is not None
        try:
            stdout = self.process.stdout.read()
            code = self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout)
        self.process.stdout.close()
        self.process.stderr.close()  # type: ignore[union-attr]
        return code, stdout, "".join(self._lines)


def mic_env(pulse: Pulse) -> dict[str, str]:
    return {**process_env(), **pulse.env}


# ---------------------------------------------------------------------------------------------- no device


def test_a_file_or_the_microphone_not_both_nor_neither(emu: Emulator, tmp_path: Path) -> None:
    wav = tmp_path / "talk.wav"
    wav.write_bytes(make_wav(0.5))
    for args in (["live"], ["live", "--mic", str(wav)], ["live", "--mic", "--speed", "2"]):
        result = run([*args, *against(emu)])
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert emu.live.sessions() == []


def test_without_the_mic_extra_the_error_says_how_to_install_it(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # as if sounddevice were not installed
    result = run(["live", "--mic", *against(emu)])
    assert result.exit_code == 1
    assert result.stderr == "error: the microphone needs the sounddevice package: pip install 'gladia[mic]'\n"
    assert emu.live.sessions() == []


@pytest.mark.skipif(portaudio_missing() is not None, reason=str(portaudio_missing()))
def test_no_microphone_is_one_error_line_and_nothing_is_sent(emu: Emulator, tmp_path: Path) -> None:
    result = subprocess.run(
        command("live", "--mic", *against(emu)),
        cwd=tmp_path,
        env={**process_env(), **no_device_env(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if LISTENING in result.stderr:
        pytest.skip("PortAudio finds an input device here even without ALSA's devices (a JACK server?)")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith("error: No microphone: PortAudio finds no input device")
    assert emu.live.sessions() == []


# ---------------------------------------------------------------------------------------------- recording


@pytest.mark.real_time  # the microphone records at the pace of what plays
@pytest.mark.slow
def test_ctrl_c_sends_what_was_said_ends_the_session_and_prints_the_transcript(
    pulse: Pulse, emu: Emulator, tmp_path: Path
) -> None:
    emu.live.say(TEXT, duration=1.5)  # the deterministic engine reveals it over the first 1.5 s of audio
    tone = make_wav(1.5, tone=True)
    (tmp_path / "tone.wav").write_bytes(tone)
    gladia = Gladia(["live", "--mic", *against(emu)], mic_env(pulse), tmp_path)
    gladia.wait_for(LISTENING)
    assert pulse.recording_streams() == 1
    pulse.play(tmp_path / "tone.wav").wait(timeout=30)
    gladia.interrupt()
    code, stdout, stderr = gladia.finish()
    assert code == 0, stderr
    assert stdout.splitlines() == ["Hello there.", "How are you today?"]
    assert "Stopping: transcribing what was said" in stderr and "error" not in stderr
    assert pulse.recording_streams() == 0
    (session,) = emu.live.sessions()
    assert session["status"] == "done"
    assert tone[44 + 3200 : 44 + 16_000] in emu.live.audio(session["id"])  # it heard the tone played
    params = session["request_params"]
    assert (params["sample_rate"], params["channels"], params["bit_depth"]) == (16_000, 1, 16)


@pytest.mark.real_time
def test_a_microphone_that_fails_still_has_what_it_heard_transcribed(emu: Emulator, tmp_path: Path) -> None:
    emu.live.say(TEXT, duration=0.5)
    with running_pulse(tmp_path / "pulse") as own:  # its own sound server, to kill
        gladia = Gladia(["live", "--mic", *against(emu)], mic_env(own), tmp_path)
        gladia.wait_for(LISTENING)
        deadline = time.monotonic() + 30
        while sum(len(emu.live.audio(s["id"])) for s in emu.live.sessions()) < 32_000:  # 1 s heard
            assert time.monotonic() < deadline
            time.sleep(0.05)
        own.kill()
        code, stdout, stderr = gladia.finish()
    assert code == 1, stderr
    assert stdout.splitlines() == ["Hello there.", "How are you today?"]  # what it heard: transcribed
    assert stderr.splitlines()[-1].startswith("error: The default input device stopped recording on its own")
    (session,) = emu.live.sessions()
    assert session["status"] == "done"


@pytest.fixture
def hostile() -> Iterator[L.LiveHostile]:
    yield from L.live_server()


def never_ends(live: L.LiveHostile) -> L.Script:
    """Acknowledge the audio, then never end the session after stop_recording."""

    async def script(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                start = len(live.audio)
                live.audio += data
                await ws.send(L.ack(start, len(live.audio)))
            else:
                live.texts.append(data)

    return script


@pytest.mark.real_time
def test_a_second_ctrl_c_quits_at_once(pulse: Pulse, hostile: L.LiveHostile, tmp_path: Path) -> None:
    hostile.script(never_ends(hostile))
    args = ["live", "--mic", "--api-url", hostile.http.url, "--api-key", H.KEY]
    gladia = Gladia(args, mic_env(pulse), tmp_path)
    gladia.wait_for(LISTENING)
    gladia.interrupt()
    gladia.wait_for("Stopping")
    deadline = time.monotonic() + 10
    while not any(
        '"stop_recording"' in text for text in hostile.texts
    ):  # the first Ctrl-C stops the recording
        assert time.monotonic() < deadline, hostile.texts
        time.sleep(0.05)
    started = time.monotonic()
    gladia.interrupt()  # the session would wait 60 s for its end: the second Ctrl-C does not
    code, _, stderr = gladia.finish(timeout=30)
    assert code == 130, stderr
    assert stderr.rstrip().endswith("Interrupted.")
    assert time.monotonic() - started < 10
    assert pulse.recording_streams() == 0


# ---------------------------------------------------------------------------------------------- real words


@pytest.mark.once  # the Whisper model's work, whatever the Python
@pytest.mark.real_time
@pytest.mark.slow
@needs_model
def test_offline_what_is_said_into_the_microphone_is_printed(pulse: Pulse, tmp_path: Path) -> None:
    sample = ROOT / "samples" / "directions.wav"
    env = {k: v for k, v in mic_env(pulse).items() if k != "GLADIA_LOCAL_MODEL"}
    gladia = Gladia(["live", "--mic", "--local", "-l", "en"], env, tmp_path)
    gladia.wait_for(LISTENING)
    pulse.play(sample).wait(timeout=60)
    gladia.interrupt()
    code, stdout, stderr = gladia.finish(timeout=120)
    assert code == 0, stderr
    expected = sample.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(expected, stdout) <= MAX_SAMPLE_WER, stdout
    print(stdout)  # shown by `pytest -rP`
    assert os.environ.get("PULSE_SERVER") == pulse.server  # the module's daemon, still this process's
