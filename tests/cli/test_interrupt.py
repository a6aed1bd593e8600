"""Ctrl-C during `gladia transcribe`: the last line says what happened and what a re-run will do, as the state
it keeps (or not) allows; offline, the local engine stops instead of finishing a file nobody waits for.

The command runs as a separate process (a signal is a process's business); offline, its local engine is a
slow stand-in, put in place by the CLI's private seam in the child's own code.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._cli import against, command, process_env
from tests._signals import needs_sigint
from tests.conftest import make_wav

pytestmark = [pytest.mark.slow, needs_sigint]  # processes interrupted mid-way

# A local engine that takes a minute over any file, telling its progress (as Whisper does) every 50 ms; it
# writes a marker when it starts, and how far it got when it stops.
SLOW_ENGINE = """
import sys, time
from pathlib import Path
from gladia.cli import _local, main
from gladia.testing import Transcription

marker = Path(sys.argv.pop(1))

class Slow:
    on_progress = None

    def transcribe(self, audio, options):
        marker.write_text("started")
        for step in range(1200):
            time.sleep(0.05)
            try:
                self.on_progress(audio, step * 0.05, 60.0)
            except Exception:
                marker.write_text(f"stopped at {step * 0.05:.1f} s")
                raise
        return Transcription(utterances=(), languages=())

_local.engine_factory = lambda model: Slow()
main()
"""


def interrupt(
    args: list[str], cwd: Path, ready: Callable[[], bool], *, prefix: list[str] | None = None
) -> tuple[int, str, float]:
    """Start `gladia ARGS`, SIGINT it once `ready()` is true; its exit code, stderr, and seconds to exit."""
    argv = [*(prefix or command()), *args]
    process = subprocess.Popen(
        argv, cwd=cwd, env=process_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not ready():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the command did not get going in 30 s"
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        sent = time.monotonic()
        _, stderr = process.communicate(timeout=30)
        return process.returncode, stderr, time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_offline_without_flags_says_what_happened_and_stops_the_engine(tmp_path: Path) -> None:
    audio = tmp_path / "long.wav"
    audio.write_bytes(make_wav(2.0, tone=True))
    marker = tmp_path / "engine.txt"
    prefix = [sys.executable, "-c", SLOW_ENGINE, str(marker)]
    code, stderr, took = interrupt(["transcribe", "long.wav"], tmp_path, marker.exists, prefix=prefix)
    assert code == 130
    assert stderr.splitlines()[-1] == (
        "Interrupted: 0 of 1 finished; the offline transcription stopped with it; run the same command again "
        "to start over."
    )
    assert "--no-state" not in stderr
    assert marker.read_text().startswith("stopped at ")  # not left to run its minute out
    assert took < 10, f"took {took:.1f} s to exit"


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (
            [],
            "the transcript was going to stdout, so no progress was kept: a re-run starts over (write to a "
            "file with -o to be able to resume).",
        ),
        (["-o", "out/", "--no-state"], "with --no-state, a re-run starts over."),
        (
            ["-o", "out/"],
            f"progress is saved in {Path('out', '.gladia-state.jsonl')}: run the same command again to resume.",
        ),
    ],
    ids=["stdout", "no-state", "state"],
)
def test_with_a_key_it_says_what_a_rerun_will_do(
    emu: Emulator, tmp_path: Path, flags: list[str], said: str
) -> None:
    audio = tmp_path / "talk.wav"
    audio.write_bytes(make_wav(1.0, tone=True))
    emu.transcripts.add(audio, "Never waited for.")
    emu.configure(processing_seconds=60)
    code, stderr, _ = interrupt(
        ["transcribe", "talk.wav", *flags, *against(emu)], tmp_path, lambda: emu.counters.jobs_created == 1
    )
    assert code == 130
    assert stderr.splitlines()[-1] == f"Interrupted: 0 of 1 finished; {said}"
