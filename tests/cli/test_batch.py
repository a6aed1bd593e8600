"""The done-when of `gladia transcribe` batches: 200 files with --concurrency 16 against the emulator, and a
run interrupted halfway (SIGINT, then SIGKILL) that a re-run finishes without uploading anything again.

The command runs as a separate process, as a user runs it; the emulator runs in this one, so its counters
show every request both runs made.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._cli import against, command, process_env, run_process, write_wavs
from tests._signals import needs_sigint

COUNT = 200
CONCURRENCY = 16


@pytest.fixture
def clips(tmp_path: Path, emu: Emulator) -> list[Path]:
    """200 distinct 0.2 s WAVs, each with its own transcript."""
    paths = write_wavs(tmp_path / "in", COUNT)
    for number, path in enumerate(paths):
        emu.transcripts.add(path, f"Clip number {number}.")
    return paths


def args(emu: Emulator) -> list[str]:
    return ["transcribe", "in", "-o", "out", "--concurrency", str(CONCURRENCY), *against(emu)]


def outputs(directory: Path) -> list[Path]:
    return sorted(directory.glob("clip-*.txt"))


def assert_every_output_is_right(directory: Path) -> None:
    found = outputs(directory)
    assert len(found) == COUNT
    for number, path in enumerate(found):
        assert path.name == f"clip-{number:03d}.txt"
        assert path.read_text(encoding="utf-8") == f"Clip number {number}.\n"


def uploads(emu: Emulator) -> int:
    return emu.counters.requests["POST /v2/upload"]


def recorded(state: Path, event: str) -> int:
    """How many distinct audios the state file says reached `event`."""
    keys = set()
    for line in state.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") == event:
            keys.add(entry["key"])
    return len(keys)


@pytest.mark.slow
def test_a_batch_of_200_files_with_concurrency_16(emu: Emulator, clips: list[Path], tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_process(args(emu), cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"{COUNT} sources: {COUNT} done"
    assert_every_output_is_right(tmp_path / "out")
    assert uploads(emu) == COUNT
    assert emu.counters.jobs_created == COUNT
    print(f"\n{COUNT} files, concurrency {CONCURRENCY}: {elapsed:.1f} s")


@pytest.mark.once  # child processes killed and re-run: the same on every Python, and about a minute
@pytest.mark.slow
@pytest.mark.parametrize(
    "kill",
    [pytest.param(signal.SIGINT, marks=needs_sigint), signal.SIGKILL],
    ids=["SIGINT", "SIGKILL"],
)
def test_an_interrupted_batch_resumes_without_uploading_again(
    emu: Emulator, clips: list[Path], tmp_path: Path, kill: signal.Signals
) -> None:
    # Jobs take long enough that many are queued or processing at any moment, so some are in flight at the kill.
    emu.configure(processing_seconds=0.4)
    out, state = tmp_path / "out", tmp_path / "out" / ".gladia-state.jsonl"
    started = time.monotonic()
    process = subprocess.Popen(
        command(*args(emu)),
        cwd=tmp_path,
        env=process_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(outputs(out)) < COUNT // 2:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the batch did not get halfway in 60 s"
            time.sleep(0.02)
        process.send_signal(kill)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    first = time.monotonic() - started
    finished = len(outputs(out))
    first_uploads, first_jobs = uploads(emu), emu.counters.jobs_created
    assert finished < COUNT
    assert first_jobs > finished  # jobs were in flight when it stopped
    if kill == signal.SIGINT:
        assert process.returncode == 130
        assert stderr.splitlines()[-1] == (
            f"Interrupted: {finished} of {COUNT} finished; progress is saved in "
            f"{Path('out', '.gladia-state.jsonl')}: run the same command again to resume."
        )
    else:
        assert process.returncode == -signal.SIGKILL
        # A kill can land in the middle of writing an event: the re-run must read past a torn line.
        with state.open("ab") as handle:
            handle.write(b'{"v": 1, "key": "0123')
    uploaded, created, done = (recorded(state, event) for event in ("uploaded", "created", "done"))
    if kill == signal.SIGINT:
        assert done == finished  # every output written was recorded

    started = time.monotonic()
    rerun = run_process(args(emu), cwd=tmp_path)
    second = time.monotonic() - started
    assert rerun.returncode == 0, rerun.stderr
    assert_every_output_is_right(out)
    # What was recorded done is skipped (a kill between writing an output and recording it costs a GET).
    assert rerun.stderr.splitlines()[-1] == f"{COUNT} sources: {COUNT - done} done, {done} skipped"
    # The re-run uploads exactly what no event says was uploaded, and creates at most what was not recorded
    # created: a create the kill interrupted was recorded with its idempotency key first, and the re-run
    # finds that job by its key instead of making a second one.
    assert uploads(emu) - first_uploads == COUNT - uploaded
    assert emu.counters.jobs_created - first_jobs <= COUNT - created
    assert emu.counters.jobs_created == COUNT  # never a second job, even across a kill -9
    if kill == signal.SIGINT:
        # A clean stop lets the requests already sent finish and records them: nothing is ever sent twice.
        assert uploads(emu) == COUNT
    else:
        # A kill loses at most the steps in flight, one per concurrent audio.
        assert first_uploads - uploaded <= CONCURRENCY
        assert first_jobs - created <= CONCURRENCY
    print(f"\n{kill.name} after {first:.1f} s ({finished} done); the re-run took {second:.1f} s")
