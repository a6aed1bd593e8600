"""What became of a job beyond its transcript: `gladia.failed_addons` and `gladia.job_error_reason`, on jobs an
emulator really ran, and what the command line makes of them (stderr lines, `--json`, exit status 3, the
reason of a job in error, and no follow-up command that cannot work offline)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gladia
from gladia import FailedAddon, GladiaClient, TranscriptionError, failed_addons, job_error_reason
from gladia.cli import _local
from gladia.cli._errors import EXIT_ADDONS_FAILED
from gladia.testing import DeterministicEngine, Emulator, Engine, Transcripts
from tests._cli import against, json_lines, run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MEETING = SAMPLES / "meeting.wav"
ADDONS = ["--diarization", "--summarize", "--translate", "fr"]


@pytest.fixture
def client(emu: Emulator) -> GladiaClient:
    emu.configure(addons="fail")  # add-on errors, not the deterministic emulator's fixtures
    emu.transcripts.add(MEETING)
    return GladiaClient(api_key=emu.api_key, api_url=emu.url)


def test_failed_addons_lists_each_with_its_reason(client: GladiaClient) -> None:
    job = client.prerecorded().transcribe(
        str(MEETING),
        {
            "diarization": True,
            "summarization": True,
            "translation": True,
            "translation_config": {"target_languages": ["fr"]},
        },
    )
    found = failed_addons(job)
    assert {addon.name for addon in found} == {"diarization", "summarization", "translation"}
    for addon in found:
        assert isinstance(addon, FailedAddon)
        assert addon.status_code == 501
        assert addon.exception == "NotImplementedError"
        # Each reason is the emulator's own for that add-on (diarization's speaks of speakers).
        expected = "for speakers" if addon.name == "diarization" else f"cannot run the {addon.name} add-on"
        assert expected in addon.reason
    assert failed_addons(job.to_dict()) == found  # the plain JSON says the same
    assert job_error_reason(job) is None


def test_a_done_job_without_addons_has_none_failed(client: GladiaClient) -> None:
    job = client.prerecorded().transcribe(str(MEETING))
    assert failed_addons(job) == ()


def test_an_addon_block_without_a_message_still_counts() -> None:
    job = {"result": {"diarization": {"success": False, "is_empty": True, "results": None, "error": None}}}
    assert failed_addons(job) == (FailedAddon("diarization", "the server gave no reason"),)
    assert failed_addons({"result": None}) == ()
    with pytest.raises(TypeError):
        failed_addons(42)


def test_job_error_reason_reads_the_new_place_then_the_old(emu: Emulator, client: GladiaClient) -> None:
    emu.transcripts.fail(MEETING, error_code=400, message="the model is overloaded")
    with pytest.raises(TranscriptionError) as caught:
        client.prerecorded().transcribe(str(MEETING))
    assert job_error_reason(caught.value.job) == "the model is overloaded"
    assert job_error_reason({"post_session_metadata": {"error": {"code": 400, "message": "new"}}}) == "new"
    assert job_error_reason({"post_session_metadata": {"emulator": {"error_message": "old"}}}) == "old"
    assert job_error_reason({"post_session_metadata": None}) is None


def test_the_helpers_are_public() -> None:
    assert {"FailedAddon", "failed_addons", "job_error_reason"} <= set(gladia.__all__)


# ----------------------------------------------------------------------------------------- command line


def test_the_cli_reports_failed_addons_and_exits_3(emu: Emulator) -> None:
    emu.configure(addons="fail")
    emu.transcripts.add(MEETING)
    result = run(["transcribe", str(MEETING), *ADDONS, *against(emu)])
    assert result.exit_code == EXIT_ADDONS_FAILED == 3, result.stderr
    assert result.stdout.strip() == (SAMPLES / "meeting.txt").read_text(encoding="utf-8").strip()
    lines = result.stderr.splitlines()
    for name in ("diarization", "summarization", "translation"):
        (line,) = [line for line in lines if f"the {name} add-on failed" in line]
        assert line.startswith(f"warning: {MEETING}: ")
        assert ("for speakers" if name == "diarization" else f"cannot run the {name} add-on") in line

    result = run(["transcribe", str(MEETING), *ADDONS, "--json", *against(emu)])
    assert result.exit_code == 3
    (line,) = json_lines(result.stdout)
    assert line["status"] == "done"
    assert {addon["name"] for addon in line["failed_addons"]} == {
        "diarization",
        "summarization",
        "translation",
    }
    assert all(addon["reason"] and addon["status_code"] == 501 for addon in line["failed_addons"])


def test_a_job_in_error_says_why(emu: Emulator) -> None:
    emu.transcripts.fail(MEETING, error_code=400, message="the model is overloaded")
    result = run(["transcribe", str(MEETING), *against(emu)])
    assert result.exit_code == 1
    assert "ended in error (code 400): the model is overloaded" in result.stderr
    assert "gladia jobs get" in result.stderr  # Gladia keeps the job: the follow-up works


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Transcripts:
    transcripts = Transcripts()

    def factory(model: str | None) -> Engine:
        return DeterministicEngine(transcripts)

    monkeypatch.setattr(_local, "engine_factory", factory)
    return transcripts


def test_offline_a_job_in_error_says_why_and_suggests_nothing_that_needs_it(offline: Transcripts) -> None:
    result = run(["transcribe", "--local", str(MEETING), "--json"])
    assert result.exit_code == 1
    (line,) = json_lines(result.stdout)
    assert "No transcript registered for this audio" in line["error"]
    assert "gladia jobs" not in line["error"]  # the job ended with the command's own emulator
    result = run(["transcribe", "--local", str(MEETING)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: could not transcribe it offline (code 500): No transcript registered"
    )
    assert "gladia jobs" not in result.stderr
