"""`gladia jobs list|get|delete|download` against the emulator, over real HTTP."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest

from gladia.testing import Emulator
from tests._cli import against, command, distinct_wav, process_env, run
from tests.conftest import upload, wait_for_job


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def make_job(http: httpx.Client, emu: Emulator, number: int, text: str | None = "Hello.") -> str:
    audio = distinct_wav(number, seconds=1.0)
    if text is None:
        emu.transcripts.fail(audio, error_code=422)
    else:
        emu.transcripts.add(audio, text)
    audio_url = upload(http, audio, f"clip-{number}.wav")["audio_url"]
    job_id: str = http.post("/v2/pre-recorded", json={"audio_url": audio_url}).json()["id"]
    wait_for_job(http, job_id)
    return job_id


def test_list_prints_a_table_newest_first(http: httpx.Client, emu: Emulator) -> None:
    ids = [make_job(http, emu, n) for n in range(3)]
    result = run(["jobs", "list", *against(emu)])
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["ID", "STATUS", "CREATED", "DURATION", "FILE"]
    assert [row.split()[0] for row in rows] == ids[::-1]
    assert rows[0].split()[1] == "done"
    assert rows[0].split()[-1] == "clip-2.wav"
    assert "1.0 s" in rows[0]


def test_list_json_filters_and_limits(http: httpx.Client, emu: Emulator) -> None:
    done = [make_job(http, emu, n) for n in range(3)]
    failed = make_job(http, emu, 9, text=None)
    result = run(["jobs", "list", "--json", "--status", "done", "--limit", "2", *against(emu)])
    assert result.exit_code == 0, result.stderr
    jobs = json.loads(result.stdout)
    assert [job["id"] for job in jobs] == done[:0:-1]
    errors = json.loads(run(["jobs", "list", "--json", "--status", "error", *against(emu)]).stdout)
    assert [job["id"] for job in errors] == [failed]


def test_list_with_no_jobs(emu: Emulator) -> None:
    result = run(["jobs", "list", *against(emu)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "No jobs.\n"


def test_get_shows_the_job_and_its_transcript(http: httpx.Client, emu: Emulator) -> None:
    job_id = make_job(http, emu, 1, "Hello from a job.")
    result = run(["jobs", "get", job_id, *against(emu)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"id:        {job_id}"
    assert lines[1] == "status:    done"
    assert lines[4] == "file:      clip-1.wav, 1.0 s"
    assert lines[-1] == "Hello from a job."
    as_json = json.loads(run(["jobs", "get", job_id, "--json", *against(emu)]).stdout)
    assert as_json["result"]["transcription"]["full_transcript"] == "Hello from a job."


def test_get_shows_the_error_code_of_a_failed_job(http: httpx.Client, emu: Emulator) -> None:
    job_id = make_job(http, emu, 2, text=None)
    result = run(["jobs", "get", job_id, *against(emu)])
    assert "status:    error (error code 422)" in result.stdout


def test_delete_then_get_is_a_one_line_404(http: httpx.Client, emu: Emulator) -> None:
    job_id = make_job(http, emu, 1)
    deleted = run(["jobs", "delete", job_id, *against(emu)])
    assert deleted.exit_code == 0
    assert deleted.stderr == f"Deleted job {job_id}.\n"
    assert emu.job(job_id) is None
    result = run(["jobs", "get", job_id, *against(emu)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: Gladia answered 404 to GET {emu.url}/v2/pre-recorded/{job_id}")


def test_download_writes_the_jobs_audio(http: httpx.Client, emu: Emulator, tmp_path: Path) -> None:
    job_id = make_job(http, emu, 4)
    audio = distinct_wav(4, seconds=1.0)
    named = run(["jobs", "download", job_id, *against(emu)])
    assert named.exit_code == 0, named.stderr
    assert (tmp_path / "clip-4.wav").read_bytes() == audio
    assert named.stderr == f"Wrote clip-4.wav ({len(audio)} bytes).\n"
    assert run(["jobs", "download", job_id, "-o", "copy.wav", *against(emu)]).exit_code == 0
    assert (tmp_path / "copy.wav").read_bytes() == audio
    assert run(["jobs", "download", job_id, "-o", "into/", *against(emu)]).exit_code == 0
    assert (tmp_path / "into" / "clip-4.wav").read_bytes() == audio
    to_stdout = run(["jobs", "download", job_id, "-o", "-", *against(emu)])
    assert to_stdout.stdout_bytes == audio


def test_bad_job_ids_are_refused_before_any_request(emu: Emulator) -> None:
    result = run(["jobs", "get", "../etc/passwd", *against(emu)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.splitlines()) == 1
    assert sum(emu.counters.requests.values()) == 0


@pytest.mark.parametrize("command", [["list"], ["get", "x"], ["delete", "x"], ["download", "x"]])
def test_jobs_need_a_key(command: list[str]) -> None:
    result = run(["jobs", *command])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: gladia jobs needs an API key: pass --api-key or set GLADIA_API_KEY"
    )


def test_the_environment_gives_the_key_and_url(http: httpx.Client, emu: Emulator) -> None:
    job_id = make_job(http, emu, 1)
    result = run(["jobs", "list", "--json"], env={"GLADIA_API_KEY": emu.api_key, "GLADIA_API_URL": emu.url})
    assert [job["id"] for job in json.loads(result.stdout)] == [job_id]


def test_a_reader_that_goes_away_ends_the_command_quietly(
    http: httpx.Client, emu: Emulator, tmp_path: Path
) -> None:
    for number in range(3):
        make_job(http, emu, number)
    process = subprocess.Popen(
        command("jobs", "list", *against(emu)),
        cwd=tmp_path,
        env=process_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head -0` would, before the command writes anything
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=30) == 1
    assert stderr == b""
