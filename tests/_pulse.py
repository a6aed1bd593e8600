"""A microphone that hears what a test plays: a private PulseAudio whose default source is a null sink's
monitor, so a recording played into the sink with `paplay` is what the default input device records.

The daemon is the test's own: its socket is in a temporary directory and `PULSE_SERVER` points at it, so
it neither needs nor touches a desktop's sound server. The sink records 16 kHz 16-bit mono, the format of
`samples/*.wav`, so what the microphone hears is the recording's samples unchanged (PulseAudio's first ~80
ms of a stream excepted). Where PulseAudio, paplay, PortAudio or sounddevice are missing, `pulse_missing()`
says which, and the tests skip with that reason. On Debian and Ubuntu:

    apt-get install -y --no-install-recommends pulseaudio pulseaudio-utils libportaudio2
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SINK = "gladia_test_mic"
_APT = "apt-get install -y --no-install-recommends pulseaudio pulseaudio-utils libportaudio2"


def portaudio_missing() -> str | None:
    """Why PortAudio cannot run here (through sounddevice, on Linux's ALSA), or None when it can."""
    if not sys.platform.startswith("linux"):
        return f"the microphone tests drive PortAudio through ALSA and PulseAudio: Linux only, not {sys.platform}"
    if ctypes.util.find_library("portaudio") is None:
        return f"PortAudio (libportaudio2) is not installed: {_APT}"
    if importlib.util.find_spec("sounddevice") is None:
        return "sounddevice is not installed: pip install 'gladia[mic]' (uv sync --all-extras)"
    return None


def pulse_missing() -> str | None:
    """Why the tests cannot have a microphone here, or None when they can."""
    for tool in ("pulseaudio", "pactl", "paplay"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed, so no test microphone can exist: {_APT}"
    return portaudio_missing()


def no_device_env(directory: Path) -> dict[str, str]:
    """The environment variables under which PortAudio finds no input device, whatever the machine has:
    ALSA knows only a sound card that does not exist, and no sound server answers."""
    config = directory / "no-devices.asoundrc"
    config.write_text("pcm.!default { type hw card 99 }\nctl.!default { type hw card 99 }\n")
    return {"ALSA_CONFIG_PATH": str(config), "PULSE_SERVER": f"unix:{directory}/no-such-socket"}


class Pulse:
    """A PulseAudio daemon of this test's own, with a null sink whose monitor is the default source."""

    def __init__(self, directory: Path) -> None:
        runtime = directory / "runtime"
        runtime.mkdir(parents=True)
        self.socket = runtime / "native"
        self.server = f"unix:{self.socket}"
        self.log = directory / "pulseaudio.log"
        daemon_env = {**os.environ, "HOME": str(directory), "PULSE_RUNTIME_PATH": str(runtime)}
        with self.log.open("wb") as log:
            # setpriv (util-linux): the daemon is stopped if this process dies before closing it.
            watched = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []
            self._daemon = subprocess.Popen(
                [
                    *watched,
                    "pulseaudio",
                    "--daemonize=no",
                    "-n",  # no default.pa: only the modules below (no hardware, no D-Bus, no X11)
                    "--exit-idle-time=-1",
                    "--use-pid-file=no",
                    "--high-priority=no",
                    "--realtime=no",
                    "--disable-shm=yes",
                    "--log-target=stderr",
                    "-L",
                    f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
                    "-L",
                    f"module-null-sink sink_name={SINK} rate=16000 channels=1 format=s16le",
                ],
                env=daemon_env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        try:
            self._wait_ready()
            self.pactl("set-default-sink", SINK)
            self.pactl("set-default-source", f"{SINK}.monitor")
        except BaseException:
            self.close()
            raise

    @property
    def env(self) -> dict[str, str]:
        """The environment variables that make a process use this daemon."""
        return {"PULSE_SERVER": self.server}

    def _wait_ready(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self._daemon.poll() is not None:
                log = self.log.read_text(errors="replace")
                pytest.skip(f"PulseAudio could not start here (exit {self._daemon.returncode}): {log[-500:]}")
            if self.socket.exists() and self._run("pactl", "info").returncode == 0:
                return
            if time.monotonic() > deadline:
                pytest.skip(f"PulseAudio did not answer within {timeout:g} s")
            time.sleep(0.05)

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **self.env}
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=30, check=False)

    def pactl(self, *args: str) -> str:
        result = self._run("pactl", *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def play(self, path: Path) -> subprocess.Popen[bytes]:
        """Start playing a WAV file into the sink (what the default source hears); the running player."""
        return subprocess.Popen(["paplay", str(path)], env={**os.environ, **self.env})

    def recording_streams(self) -> int:
        """How many streams record from the daemon now (an open microphone is one)."""
        return len([line for line in self.pactl("list", "short", "source-outputs").splitlines() if line])

    def kill(self) -> None:
        """Kill the daemon, as a sound server that crashes (or a device unplugged) would vanish."""
        self._daemon.kill()
        self._daemon.wait()

    def close(self) -> None:
        if self._daemon.poll() is None:
            self._daemon.terminate()
            try:
                self._daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._daemon.kill()
                self._daemon.wait()


def _restart_portaudio() -> None:
    """Make PortAudio see the sound server now configured: it lists devices when it starts, which
    sounddevice does when first imported (maybe earlier in this process, before the daemon ran)."""
    if "sounddevice" in sys.modules:
        sd = sys.modules["sounddevice"]
        sd._terminate()
        sd._initialize()


@contextlib.contextmanager
def running_pulse(directory: Path) -> Iterator[Pulse]:
    """A Pulse daemon for the block, made this process's sound server (`PULSE_SERVER`)."""
    reason = pulse_missing()
    if reason is not None:
        pytest.skip(reason)
    pulse = Pulse(directory)
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = pulse.server
    try:
        _restart_portaudio()
        yield pulse
    finally:
        if previous is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = previous
        pulse.close()
        _restart_portaudio()
