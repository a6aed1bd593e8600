"""`gladia transcribe` killed (SIGKILL) while its create request is in flight, then run again: one job, not two.

The job is made on the server, but its answer trickles (a `slow_body` fault), so the process dies before it
learns the job's id. The idempotency key it saved in its state file before sending lets the re-run find that
job instead of creating a second one. The command runs as a separate process, as a user runs it; the emulator
runs in this one, so its counters show both runs' requests.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._cli import against, command, process_env, run_process
from tests.conftest import Receiver, make_wav

pytestmark = pytest.mark.slow  # a subprocess killed mid-way

TEXT = "Said once, transcribed once."


def events(state: Path) -> list[dict[str, object]]:
    found = []
    for line in state.read_text(encoding="utf-8").splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            continue
    return found


def kill_while_creating(emu: Emulator, args: list[str], cwd: Path) -> None:
    """Run `gladia ARGS` and SIGKILL it once the server has made the job, before the answer arrives."""
    emu.faults.add(route="POST /v2/pre-recorded", kind="slow_body", seconds=5, times=1)
    process = subprocess.Popen(
        command(*args), cwd=cwd, env=process_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 30
        while emu.counters.jobs_created < 1:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the create request did not reach the server in 30 s"
            time.sleep(0.01)
        process.kill()
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.mark.parametrize("source", ["file", "url"])
def test_a_rerun_after_a_kill_mid_create_finds_the_job(
    emu: Emulator, tmp_path: Path, source: str, receiver: Receiver
) -> None:
    if source == "file":
        audio = tmp_path / "talk.wav"
        audio.write_bytes(make_wav(1.0, tone=True))
        emu.transcripts.add(audio, TEXT)
        name = str(audio)
    else:
        name = receiver.serve("/talk.wav", make_wav(1.0, tone=True))
        emu.transcripts.add(name, TEXT)
    args = ["transcribe", name, "-o", "out/", *against(emu)]
    kill_while_creating(emu, args, tmp_path)
    state = tmp_path / "out" / ".gladia-state.jsonl"
    recorded = [event["event"] for event in events(state)]
    assert recorded[-1] == "creating"  # the key was saved; the answer (the job id) never came
    assert emu.counters.jobs_created == 1

    rerun = run_process(args, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert (tmp_path / "out" / "talk.txt").read_text(encoding="utf-8") == TEXT + "\n"
    assert emu.counters.jobs_created == 1  # the job the killed run made, found by its key
    assert emu.counters.requests["POST /v2/upload"] == (1 if source == "file" else 0)
    (job,) = emu.jobs()
    keys = {event["idempotency_key"] for event in events(state) if event["event"] == "creating"}
    assert keys == {job["custom_metadata"]["gladia_sdk_request_id"]}  # the re-run sent the same key
    assert [event["event"] for event in events(state)][len(recorded) :] == ["creating", "created", "done"]
