"""`gladia.live.Microphone`: an input device streamed into live sessions.

The tests that record use a PulseAudio daemon of their own whose default source hears what `paplay` plays
(`tests/_pulse.py`), so the microphone records a known recording: its samples must reach the emulator
unchanged, and the local Whisper engine must hear its words. Where PulseAudio or PortAudio cannot run they
skip, saying which is missing; the checks of arguments, formats and missing pieces run everywhere.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import random
import signal
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from gladia import AsyncGladiaClient, GladiaClient, InvalidOptionsError, ValidationError
from gladia.live import Microphone, MicrophoneError
from gladia.testing import Emulator, emulator
from gladia.testing.wer import word_error_rate
from gladia_api import models as M
from tests._pulse import Pulse, no_device_env, portaudio_missing, running_pulse
from tests._reference import ROOT
from tests._whisper import MAX_SAMPLE_WER, needs_model

# PulseAudio changes the first ~80 ms of a stream it plays (measured: the first 1307 samples); every sample
# after them reaches the microphone unchanged.
SETTLE = 3200  # bytes: 100 ms of 16 kHz 16-bit mono


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    with running_pulse(tmp_path_factory.mktemp("pulse")) as running:
        yield running


def noise_wav(path: Path, seconds: float) -> bytes:
    """Write a 16 kHz 16-bit mono WAV of random samples (no two stretches alike); its samples."""
    generator = random.Random(seconds)
    frames = round(seconds * 16_000)
    pcm = b"".join(generator.randint(-8000, 8000).to_bytes(2, "little", signed=True) for _ in range(frames))
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16_000)
        writer.writeframes(pcm)
    return pcm


def close_after(player: subprocess.Popen[bytes], mic: Microphone) -> threading.Thread:
    """Close `mic` from another thread once `player` has played its recording (and a little more)."""

    def wait_then_close() -> None:
        player.wait(timeout=60)
        time.sleep(0.3)
        mic.close()

    closer = threading.Thread(target=wait_then_close, daemon=True)
    closer.start()
    return closer


# ---------------------------------------------------------------------------------------------- no device


@pytest.mark.parametrize(
    ("arguments", "error", "says"),
    [
        ({"sample_rate": 22050}, InvalidOptionsError, "sample_rate: 22050 is not one of 8000, 16000"),
        ({"channels": 0}, InvalidOptionsError, "channels: 0 is below the minimum of 1"),
        ({"channels": 9}, InvalidOptionsError, "channels: 9 is above the maximum of 8"),
        ({"sample_rate": True}, ValidationError, "sample_rate must be an int"),
        ({"sample_rate": 16000.0}, ValidationError, "sample_rate must be an int"),
        ({"chunk_ms": 5}, ValidationError, "chunk_ms must be a number from 10 to 1000"),
        ({"read_timeout": 0}, ValidationError, "read_timeout must be a number"),
        ({"max_unread_seconds": 0.01}, ValidationError, "max_unread_seconds must be a number from 0.1"),
        ({"device": 1.5}, ValidationError, "give None (the default input), an index or a name"),
    ],
)
def test_arguments_are_checked_before_any_device_is_touched(
    arguments: dict[str, object], error: type[Exception], says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # the constructor must not even import it
    with pytest.raises(error, match=None) as raised:
        Microphone(**arguments)  # type: ignore[arg-type]
    assert says in str(raised.value)


def test_session_options_carry_the_microphone_format(emu: Emulator) -> None:
    mic = Microphone(sample_rate=48_000, channels=2, chunk_ms=20)
    assert mic.chunk_bytes == 48_000 * 20 // 1000 * 2 * 2
    options = mic.session_options({"language_config": {"languages": ["en"]}})
    assert options == {
        "language_config": {"languages": ["en"]},
        "encoding": "wav/pcm",
        "bit_depth": 16,
        "sample_rate": 48_000,
        "channels": 2,
    }
    assert mic.session_options(M.StreamingRequest.from_dict({"sample_rate": 48_000})) == mic.options
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client, client.live().start_session(options):
        pass
    (session,) = emu.live.sessions()
    assert {k: session["request_params"][k] for k in mic.options} == mic.options


def test_a_session_format_other_than_the_microphones_is_refused_before_sending(emu: Emulator) -> None:
    mic = Microphone()
    with pytest.raises(InvalidOptionsError) as raised:
        mic.session_options({"sample_rate": 44_100, "encoding": "wav/ulaw", "bit_depth": 8})
    problems = raised.value.problems
    assert len(problems) == 3
    assert problems[0].startswith("encoding: the session would read 'wav/ulaw' but the microphone records")
    assert "or open Microphone(sample_rate=44100)" in problems[2]
    with pytest.raises(InvalidOptionsError, match="did you mean 'language_config'"):
        mic.session_options({"languag_config": {}})
    assert mic.session_options({"sample_rate": 16_000, "channels": 1}) == mic.options  # the same: fine
    assert emu.live.sessions() == []


def test_without_the_mic_extra_opening_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # as if sounddevice were not installed
    mic = Microphone()
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'gladia\[mic\]'") as raised, mic:
        pass
    assert raised.value.name == "sounddevice"
    with pytest.raises(ModuleNotFoundError, match="gladia"):
        next(iter(Microphone()))


def test_without_portaudio_opening_is_a_microphone_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # sounddevice raises OSError when it is imported and PortAudio cannot be loaded.
    (tmp_path / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(MicrophoneError, match="apt install libportaudio2") as raised:
        Microphone().open()
    assert "PortAudio library not found" in str(raised.value)


def test_microphone_errors_pickle_with_their_device() -> None:
    error = pickle.loads(pickle.dumps(MicrophoneError("gone", device="USB")))
    assert (type(error), str(error), error.device) == (MicrophoneError, "gone", "USB")


@pytest.mark.skipif(portaudio_missing() is not None, reason=str(portaudio_missing()))
def test_no_input_device_is_a_microphone_error_not_portaudios(tmp_path: Path) -> None:
    script = (
        "from gladia.live import Microphone, MicrophoneError\n"
        "for device in (None, 'USB'):\n"
        "    try:\n"
        "        Microphone(device=device).open()\n"
        "    except MicrophoneError as error:\n"
        "        print(type(error).__name__, error.device, '|', error)\n"
        "    else:\n"
        "        print('opened')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, **no_device_env(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if "opened" in result.stdout:
        pytest.skip("PortAudio finds an input device here even without ALSA's devices (a JACK server?)")
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    for line, device in zip(lines, ("None", "USB"), strict=True):
        assert line.startswith(f"MicrophoneError {device} | No microphone: PortAudio finds no input device")


# ---------------------------------------------------------------------------------------------- recording


@pytest.mark.real_time  # the microphone records at the pace of the recording played into it
@pytest.mark.slow
def test_what_the_microphone_hears_reaches_the_session_unchanged(
    pulse: Pulse, emu: Emulator, tmp_path: Path
) -> None:
    pcm = noise_wav(tmp_path / "noise.wav", 2.0)
    sizes: set[int] = set()
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        Microphone() as mic,
        client.live().start_session(mic.session_options()) as session,
    ):
        assert pulse.recording_streams() == 1
        chunks = iter(mic)
        first = next(chunks)  # the device records now: what plays from here on is heard whole
        session.send_audio(first)
        closer = close_after(pulse.play(tmp_path / "noise.wav"), mic)
        sizes.add(len(first))
        for chunk in chunks:  # until the closer closes the microphone, and what it recorded is read
            sizes.add(len(chunk))
            session.send_audio(chunk)
    closer.join()
    assert pulse.recording_streams() == 0  # the device is closed
    assert sizes == {3200}  # 100 ms each
    (job,) = emu.live.sessions()
    heard = emu.live.audio(job["id"])
    assert heard.find(pcm[SETTLE:]) >= 0, "the recording's samples did not arrive unchanged"
    assert len(heard) < len(pcm) + 5 * 32_000  # and little else: the time to start, stop and close


@pytest.mark.real_time
@pytest.mark.slow
def test_the_async_microphone_streams_into_an_async_session(
    pulse: Pulse, emu: Emulator, tmp_path: Path
) -> None:
    pcm = noise_wav(tmp_path / "noise.wav", 1.5)

    async def main() -> set[int]:
        sizes: set[int] = set()
        async with (
            AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
            Microphone(chunk_ms=50) as mic,
            await client.live().start_session(mic.session_options()) as session,
        ):
            chunks = aiter(mic)
            first = await anext(chunks)
            await session.send_audio(first)
            sizes.add(len(first))
            player = pulse.play(tmp_path / "noise.wav")
            closing = asyncio.ensure_future(asyncio.to_thread(lambda: (player.wait(60), mic.close())))
            async for chunk in chunks:
                sizes.add(len(chunk))
                await session.send_audio(chunk)
            await closing
        return sizes

    assert asyncio.run(main()) == {1600}
    assert pulse.recording_streams() == 0
    (job,) = emu.live.sessions()
    assert emu.live.audio(job["id"]).find(pcm[SETTLE:]) >= 0


@pytest.mark.real_time
def test_the_device_is_closed_however_the_recording_ends(pulse: Pulse) -> None:
    def fail_while_recording() -> None:
        with Microphone():
            assert pulse.recording_streams() == 1
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        fail_while_recording()
    assert pulse.recording_streams() == 0

    mic = Microphone()
    for _ in mic:  # iterating opens a microphone that is not open, and closes it when the loop ends
        assert pulse.recording_streams() == 1
        break
    assert pulse.recording_streams() == 0
    list(mic)  # closed: iterating again yields what it recorded while closing, and does not reopen it
    assert pulse.recording_streams() == 0

    async def cancelled(when: str) -> None:
        recording = asyncio.Event()

        async def record() -> None:
            async with Microphone() as mic:
                async for _ in mic:
                    recording.set()

        task = asyncio.ensure_future(record())
        if when == "recording":
            await recording.wait()
        else:
            await asyncio.sleep(0)  # the task has started opening the device, in a thread
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    for when in ("recording", "opening"):
        asyncio.run(cancelled(when))  # which waits for the thread opening the device, if any
        assert pulse.recording_streams() == 0, f"left open when cancelled while {when}"


@pytest.mark.real_time
@pytest.mark.timeout(30)
def test_ctrl_c_may_close_the_microphone_from_a_signal_handler(pulse: Pulse) -> None:
    # The handler runs on this thread wherever the signal finds it (inside a read, say): close() there
    # must not wait on anything that thread holds.
    mic = Microphone(chunk_ms=10)  # many reads: the signal lands inside one
    previous = signal.signal(signal.SIGINT, lambda signum, frame: mic.close())
    try:
        with mic:
            count = 0
            for _ in mic:
                count += 1
                if count == 50:  # recording for a while: Ctrl-C
                    threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert count >= 50
    assert pulse.recording_streams() == 0


@pytest.mark.real_time
def test_a_device_that_goes_silent_is_an_error_not_a_hang(pulse: Pulse) -> None:
    with Microphone() as mic:
        chunks = iter(mic)
        next(chunks)
        mic.read_timeout = 0.5
        pulse.pactl("suspend-sink", "gladia_test_mic", "1")  # the source delivers nothing from now on
        started = time.monotonic()
        try:
            with pytest.raises(MicrophoneError, match=r"delivered no audio for 0\.5 s"):
                for _ in chunks:
                    pass
        finally:
            pulse.pactl("suspend-sink", "gladia_test_mic", "0")
    assert time.monotonic() - started < 3
    assert pulse.recording_streams() == 0


@pytest.mark.real_time
def test_a_sound_server_that_dies_ends_the_recording_with_an_error(tmp_path: Path) -> None:
    with running_pulse(tmp_path) as own, Microphone() as mic:
        chunks = iter(mic)
        next(chunks)
        started = time.monotonic()
        own.kill()
        with pytest.raises(MicrophoneError, match="stopped recording on its own"):
            for _ in chunks:
                pass
        assert time.monotonic() - started < 5


@pytest.mark.real_time
def test_audio_left_unread_is_bounded(pulse: Pulse) -> None:
    with Microphone(max_unread_seconds=0.3) as mic:
        time.sleep(2.5)  # nobody reads: the queue fills, and recording stops
        chunks = iter(mic)
        kept = [next(chunks) for _ in range(3)]  # what was recorded before is read first
        with pytest.raises(MicrophoneError, match=r"not read for 0.3 s \(max_unread_seconds\)"):
            next(chunks)
    assert [len(chunk) for chunk in kept] == [3200] * 3


def test_an_unknown_device_names_the_devices_there_are(pulse: Pulse) -> None:
    with pytest.raises(MicrophoneError, match=r"The input devices are: .*default") as raised:
        Microphone(device="no such microphone").open()
    assert raised.value.device == "no such microphone"
    assert pulse.recording_streams() == 0


# ---------------------------------------------------------------------------------------------- real words


@pytest.mark.once  # the Whisper model's work, whatever the Python
@pytest.mark.real_time
@pytest.mark.slow
@needs_model
def test_the_local_whisper_engine_hears_what_is_said_into_the_microphone(pulse: Pulse) -> None:
    from gladia.testing.whisper import WhisperEngine

    sample = ROOT / "samples" / "directions.wav"
    with (
        emulator(engine=WhisperEngine()) as emu,
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        Microphone() as mic,
    ):
        options = mic.session_options({"language_config": {"languages": ["en"]}})
        with client.live().start_session(options) as session:
            chunks = iter(mic)
            session.send_audio(next(chunks))
            closer = close_after(pulse.play(sample), mic)
            for chunk in chunks:
                session.send_audio(chunk)
            session.stop_recording()
            messages = list(session)
        closer.join()
    heard = " ".join(
        m.data.utterance.text for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final
    )
    expected = sample.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(expected, heard) <= MAX_SAMPLE_WER, heard
    print(f"heard: {heard}")  # shown by `pytest -rP`
