"""`gladia transcribe` in-process against the emulator, over real HTTP: outputs, formats, checks, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gladia.cli._render import render
from gladia.subtitles import to_srt
from gladia.testing import Emulator
from gladia_api.models import PreRecordedResponse
from tests._cli import against, distinct_wav, json_lines, run, write_wavs
from tests.conftest import Receiver, make_wav

TEXT = "Hello there. This is the command line speaking."


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def wav(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "hello.wav"
    path.write_bytes(make_wav(3.0, tone=True))
    emu.transcripts.add(path, TEXT)
    return path


def uploads(emu: Emulator) -> int:
    return emu.counters.requests["POST /v2/upload"]


# ---------------------------------------------------------------------------------------------- output


def test_one_source_prints_its_transcript(emu: Emulator, wav: Path) -> None:
    result = run(["transcribe", str(wav), *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == TEXT + "\n"
    assert result.stderr == ""
    assert uploads(emu) == 1
    assert emu.counters.jobs_created == 1


def test_the_options_reach_gladia(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    (tmp_path / "more.json").write_text(json.dumps({"punctuation_enhanced": True}), encoding="utf-8")
    args = ["--language", "en", "--metadata", "team=sales", "--sentences", "--options-json", "more.json"]
    result = run(["transcribe", str(wav), *args, *against(emu)])
    assert result.exit_code == 0, result.stderr
    (job,) = emu.jobs()
    params = job["request_params"]
    assert params["language_config"]["languages"] == ["en"]
    assert params["sentences"] is True
    assert params["punctuation_enhanced"] is True
    assert job["custom_metadata"]["team"] == "sales"


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_subtitles_are_built_client_side_when_gladia_made_none(emu: Emulator, wav: Path, fmt: str) -> None:
    result = run(["transcribe", str(wav), "--format", fmt, *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert emu.jobs()[0]["request_params"]["subtitles"] is False  # not asked of Gladia
    assert "subtitles" not in emu.jobs()[0]["result"]["transcription"]
    separator = "," if fmt == "srt" else "."
    assert f"00:00:00{separator}" in result.stdout
    assert "Hello there." in result.stdout
    assert result.stdout.startswith("WEBVTT") == (fmt == "vtt")


def test_gladias_own_subtitles_are_used_when_the_job_has_them(emu: Emulator, wav: Path) -> None:
    result = run(["transcribe", str(wav), "--subtitles", "srt", "--format", "json", *against(emu)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    data["result"]["transcription"]["subtitles"] = [{"format": "srt", "subtitles": "Gladia's own\n"}]
    job = PreRecordedResponse.from_dict(data)
    assert render(job, "srt") == "Gladia's own\n"  # what Gladia made wins
    assert render(job, "vtt").startswith("WEBVTT\n\n1\n")  # a format Gladia did not make is built here
    assert to_srt(job.result.transcription.utterances) != "Gladia's own\n"


def test_json_format_is_the_whole_job(emu: Emulator, wav: Path) -> None:
    result = run(["transcribe", str(wav), "-f", "json", *against(emu)])
    job = json.loads(result.stdout)
    assert job["status"] == "done"
    assert job["result"]["transcription"]["full_transcript"] == TEXT


def test_text_shows_speakers_when_there_are_some(emu: Emulator, wav: Path) -> None:
    result = run(["transcribe", str(wav), "-f", "json", *against(emu)])
    data = json.loads(result.stdout)
    for number, utterance in enumerate(data["result"]["transcription"]["utterances"]):
        utterance["speaker"] = number % 2
    assert render(PreRecordedResponse.from_dict(data), "text") == (
        "Speaker 0: Hello there.\nSpeaker 1: This is the command line speaking.\n"
    )


def test_output_file_gets_the_format_its_extension_names(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    result = run(["transcribe", str(wav), "-o", "sub/hello.vtt", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert (tmp_path / "sub" / "hello.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    assert "done        " in result.stderr and "sub/hello.vtt" in result.stderr
    # The state file sits beside the output; no temporary file is left behind.
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == [".gladia-state.jsonl", "hello.vtt"]


def test_output_directory_gets_one_file_per_source(emu: Emulator, tmp_path: Path) -> None:
    paths = write_wavs(tmp_path / "in", 3)
    for number, path in enumerate(paths):
        emu.transcripts.add(path, f"Clip number {number}.")
    (tmp_path / "in" / "notes.txt").write_text("not audio", encoding="utf-8")  # skipped: not an audio file
    result = run(["transcribe", "in", "-o", "out", "-c", "2", *against(emu)])
    assert result.exit_code == 0, result.stderr
    for number in range(3):
        text = (tmp_path / "out" / f"clip-{number:03d}.txt").read_text(encoding="utf-8")
        assert text == f"Clip number {number}.\n"
    assert result.stderr.splitlines()[-1] == "3 sources: 3 done"


def test_colliding_names_are_numbered_in_source_order(emu: Emulator, tmp_path: Path) -> None:
    for folder, number in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.wav").write_bytes(distinct_wav(number))
        emu.transcripts.add(tmp_path / folder / "x.wav", f"From {folder}.")
    result = run(["transcribe", "b/x.wav", "a/x.wav", "-o", "out", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "x.txt").read_text(encoding="utf-8") == "From b.\n"
    assert (tmp_path / "out" / "x-2.txt").read_text(encoding="utf-8") == "From a.\n"


def test_the_same_audio_twice_is_transcribed_once(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.wav"
    copy.write_bytes(wav.read_bytes())
    # Named twice (directly and through a pattern), plus a copy: two sources, one upload, one job.
    result = run(["transcribe", str(wav), "*.wav", "-o", "out", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert uploads(emu) == 1
    assert emu.counters.jobs_created == 1
    assert (tmp_path / "out" / "hello.txt").read_text(encoding="utf-8") == TEXT + "\n"
    assert (tmp_path / "out" / "copy.txt").read_text(encoding="utf-8") == TEXT + "\n"


def test_json_lines_for_scripts(emu: Emulator, tmp_path: Path) -> None:
    paths = write_wavs(tmp_path / "in", 2)
    emu.transcripts.add(paths[0], "First.")
    emu.transcripts.fail(paths[1], error_code=422, message="cannot read this one")
    result = run(["transcribe", *map(str, paths), "-o", "out", "--json", *against(emu)])
    assert result.exit_code == 1
    lines = sorted(json_lines(result.stdout), key=lambda line: line["source"])
    assert [line["status"] for line in lines] == ["done", "failed"]
    assert lines[0]["output"] == str(Path("out") / "clip-000.txt")
    assert lines[1]["error"].startswith("Gladia could not transcribe it: job ")
    assert lines[1]["job_id"]
    assert "(code 422)" in lines[1]["error"]


def test_json_without_output_carries_the_results(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.wav"
    other.write_bytes(distinct_wav(7))
    emu.transcripts.add(other, "Another one.")
    result = run(["transcribe", str(wav), str(other), "--json", *against(emu)])
    assert result.exit_code == 0, result.stderr
    results = {Path(line["source"]).name: line["result"] for line in json_lines(result.stdout)}
    assert results == {"hello.wav": TEXT + "\n", "other.wav": "Another one.\n"}
    with_job = run(["transcribe", str(wav), "--json", "-f", "json", *against(emu)])
    assert json_lines(with_job.stdout)[0]["result"]["result"]["transcription"]["full_transcript"] == TEXT


def test_a_url_source_is_passed_to_gladia(emu: Emulator, receiver: Receiver) -> None:
    url = receiver.serve("/talk.wav", make_wav(2.0))
    emu.transcripts.add(url, "From a URL.")
    result = run(["transcribe", url, *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "From a URL.\n"
    assert uploads(emu) == 0
    assert emu.jobs()[0]["request_params"]["audio_url"] == url


# ---------------------------------------------------------------------------------------------- refused before sending


@pytest.mark.parametrize(
    ("args", "problems"),
    [
        (["--language", "english"], ["language_config.languages[0]: 'english' is not a language code"]),
        (
            ["--subtitles", "srt,ass", "--translate", "xx"],
            ["subtitles_config.formats[1]", "translation_config"],
        ),
        (["--summarize", "short"], ["summarization_config.type"]),
        (["--options-json", "typo.json"], ["languag_config: not an option; did you mean 'language_config'?"]),
        (
            ["--min-speakers", "4", "--max-speakers", "2"],
            ["min_speakers (4) is greater than max_speakers (2)"],
        ),
    ],
)
def test_bad_options_are_refused_before_any_request(
    emu: Emulator, wav: Path, tmp_path: Path, args: list[str], problems: list[str]
) -> None:
    (tmp_path / "typo.json").write_text(json.dumps({"languag_config": {}}), encoding="utf-8")
    result = run(["transcribe", str(wav), "-o", "out", *args, *against(emu)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: invalid transcription options")
    for problem in problems:
        assert problem in result.stderr
    assert "Traceback" not in result.stderr
    assert sum(emu.counters.requests.values()) == 0
    assert not (tmp_path / "out").exists()  # not even the state file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.wav"], "missing.wav: no such file"),
        (["nothing-*.wav"], "nothing-*.wav: no file matches this pattern"),
        (["notes.txt"], "does not look like audio"),
        (["hello.wav", "hello2.wav"], "2 sources: pass -o DIR"),
        (["hello.wav", "--state", "s.jsonl", "--no-state"], "--state and --no-state"),
        (["hello.wav", "--speakers", "2", "--min-speakers", "1"], "--speakers gives the exact count"),
        (["hello.wav", "--options-json", "missing.json"], "--options-json missing.json"),
        ([], "Missing argument 'SOURCE...'"),
    ],
)
def test_usage_errors_exit_2_before_any_request(
    emu: Emulator, wav: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "notes.txt").write_text("just some words", encoding="utf-8")
    (tmp_path / "hello2.wav").write_bytes(distinct_wav(2))
    result = run(["transcribe", *args, *against(emu)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sum(emu.counters.requests.values()) == 0
    assert not (tmp_path / ".gladia-state.jsonl").exists()


def test_a_warning_for_a_likely_mistake(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    (tmp_path / "o.json").write_text(
        json.dumps({"diarization_config": {"min_speakers": 1}}), encoding="utf-8"
    )
    result = run(["transcribe", str(wav), "--options-json", "o.json", *against(emu)])
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: diarization_config is ignored unless diarization is true; add 'diarization': True\n"
    )


# ---------------------------------------------------------------------------------------------- errors


def test_errors_are_one_line_without_a_traceback(emu: Emulator, wav: Path) -> None:
    result = run(["transcribe", str(wav), "--api-url", emu.url, "--api-key", "wrong-key"])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: Gladia answered 401 to POST ")
    assert line.endswith("Check --api-key or GLADIA_API_KEY (keys are at app.gladia.io).")


def test_debug_shows_the_traceback_and_the_requests(emu: Emulator, wav: Path) -> None:
    result = run(["--debug", "transcribe", str(wav), "--api-url", emu.url, "--api-key", "wrong-key"])
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "gladia.errors.AuthenticationError" in result.stderr
    assert "POST /v2/upload" in result.stderr  # the SDK's request log
    assert result.stderr.splitlines()[-1].startswith("error: Gladia answered 401")
    # --debug after the command works too.
    again = run(["transcribe", str(wav), "--api-url", emu.url, "--api-key", "wrong-key", "--debug"])
    assert "Traceback" in again.stderr


def test_a_failed_job_is_exit_1(emu: Emulator, wav: Path) -> None:
    emu.transcripts.fail(wav, error_code=500)
    result = run(["transcribe", str(wav), *against(emu)])
    assert result.exit_code == 1
    job_id = emu.jobs()[0]["id"]
    assert result.stderr == (
        f"error: Gladia could not transcribe it: job {job_id} ended in error (code 500): "
        "Transcription failed (error 500 injected by the test); "
        f"see it with: gladia jobs get {job_id}\n"
    )


def test_some_failed_is_exit_1_with_a_summary(emu: Emulator, tmp_path: Path) -> None:
    paths = write_wavs(tmp_path / "in", 3)
    emu.configure(default_transcript="Fine.")
    emu.transcripts.fail(paths[1], error_code=415)
    result = run(["transcribe", "in", "-o", "out", *against(emu)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"done        {paths[0].relative_to(tmp_path)} -> {Path('out', 'clip-000.txt')}"
    assert lines[1].startswith(
        f"failed      {paths[1].relative_to(tmp_path)}: Gladia could not transcribe it"
    )
    assert lines[-1] == "3 sources: 2 done, 1 failed"


def test_the_key_is_never_printed(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    key = "gl-SECRET-7f3a9c1e5b2d"
    wrong = "gl-WRONG-0d9e8f7a6b5c"
    emu.configure(api_keys=(key,))
    env = {"GLADIA_API_KEY": key, "GLADIA_API_URL": emu.url}
    runs = [
        run(["--debug", "transcribe", str(wav)], env=env),
        run(["transcribe", str(wav), "-o", "out", "--json", "-f", "json", "--debug"], env=env),
        run(["--debug", "transcribe", str(wav), "--api-key", wrong, "--api-url", emu.url]),
        run(["transcribe", str(wav), "--language", "klingon"], env=env),
        run(["--debug", "jobs", "list", "--json"], env=env),
        run(["--debug", "jobs", "list", "--api-key", wrong], env={"GLADIA_API_URL": emu.url}),
    ]
    job_id = emu.jobs()[0]["id"]
    runs.append(run(["--debug", "jobs", "get", job_id, "--json"], env=env))
    assert [r.exit_code for r in runs] == [0, 0, 1, 2, 0, 1, 0]
    for result in runs:
        assert key not in result.output and wrong not in result.output
        assert key not in result.stdout + result.stderr and wrong not in result.stdout + result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


# ---------------------------------------------------------------------------------------------- resume


def test_a_rerun_skips_what_is_done(emu: Emulator, tmp_path: Path) -> None:
    write_wavs(tmp_path / "in", 3)
    emu.configure(default_transcript="Same words.")
    assert run(["transcribe", "in", "-o", "out", *against(emu)]).exit_code == 0
    requests = sum(emu.counters.requests.values())
    again = run(["transcribe", "in", "-o", "out", "--json", *against(emu)])
    assert again.exit_code == 0
    assert {line["status"] for line in json_lines(again.stdout)} == {"skipped"}
    assert sum(emu.counters.requests.values()) == requests  # not one request
    # A removed output is written again from the finished job: one GET, no upload, no new job.
    (tmp_path / "out" / "clip-001.txt").unlink()
    third = run(["transcribe", "in", "-o", "out", *against(emu)])
    assert third.exit_code == 0
    assert (tmp_path / "out" / "clip-001.txt").read_text(encoding="utf-8") == "Same words.\n"
    assert uploads(emu) == 3
    assert emu.counters.jobs_created == 3
    assert emu.counters.requests["GET /v2/pre-recorded/{id}"] > 0


def test_other_options_or_another_server_start_afresh(emu: Emulator, wav: Path) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert run(["transcribe", str(wav), "-o", "out/", "--sentences", *against(emu)]).exit_code == 0
    assert uploads(emu) == 2
    assert emu.counters.jobs_created == 2


def state_events(path: Path) -> list[dict[str, object]]:
    """The events of a state file, skipping a torn line as the command line does."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events


def test_a_created_job_is_polled_not_created_again(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    state = tmp_path / "out" / ".gladia-state.jsonl"
    events = state_events(state)
    assert [e["event"] for e in events] == ["uploaded", "creating", "created", "done"]
    # As if the run had been killed after creating the job: the done event (and the output) are lost.
    state.write_text("".join(json.dumps(e) + "\n" for e in events[:3]), encoding="utf-8")
    (tmp_path / "out" / "hello.txt").unlink()
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert (tmp_path / "out" / "hello.txt").read_text(encoding="utf-8") == TEXT + "\n"
    assert uploads(emu) == 1
    assert emu.counters.jobs_created == 1


def test_an_uploaded_audio_is_not_uploaded_again(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    state = tmp_path / "out" / ".gladia-state.jsonl"
    first = state_events(state)[0]
    # Only the upload was recorded, and the last line was torn by a kill in the middle of a write.
    state.write_text(json.dumps(first) + '\n{"v": 1, "key": "', encoding="utf-8")
    (tmp_path / "out" / "hello.txt").unlink()
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert uploads(emu) == 1
    assert emu.counters.jobs_created == 2
    events = state_events(state)  # the torn line is skipped, and the next event starts on its own line
    assert [e["event"] for e in events[1:]] == ["creating", "created", "done"]


def test_an_upload_that_is_gone_is_uploaded_again(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    state = tmp_path / "out" / ".gladia-state.jsonl"
    first = state_events(state)[0]
    job_id = emu.jobs()[0]["id"]
    assert run(["jobs", "delete", job_id, *against(emu)]).exit_code == 0  # deletes its audio too
    state.write_text(json.dumps(first) + "\n", encoding="utf-8")
    (tmp_path / "out" / "hello.txt").unlink()
    result = run(["transcribe", str(wav), "-o", "out/", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert uploads(emu) == 2
    assert (tmp_path / "out" / "hello.txt").read_text(encoding="utf-8") == TEXT + "\n"


def test_a_deleted_job_starts_over(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert run(["jobs", "delete", emu.jobs()[0]["id"], *against(emu)]).exit_code == 0
    (tmp_path / "out" / "hello.txt").unlink()
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert uploads(emu) == 2
    assert emu.counters.jobs_created == 2


def test_a_failed_job_is_created_anew_on_a_rerun(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    emu.transcripts.fail(wav, error_code=500)
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 1
    emu.transcripts.add(wav, TEXT)
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    assert uploads(emu) == 1  # the upload is reused
    assert emu.counters.jobs_created == 2


def test_no_state_keeps_nothing_and_state_chooses_the_file(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    assert (
        run(
            ["transcribe", str(wav), "--no-state", "-o", str(tmp_path / "out") + "/", *against(emu)]
        ).exit_code
        == 0
    )
    assert not list(tmp_path.rglob(".gladia-state*"))
    assert run(["transcribe", str(wav), *against(emu)]).exit_code == 0  # printed: nothing kept by default
    assert not list(tmp_path.rglob(".gladia-state*"))
    assert run(["transcribe", str(wav), "--state", "run.jsonl", *against(emu)]).exit_code == 0
    assert [e["event"] for e in state_events(tmp_path / "run.jsonl")] == [
        "uploaded",
        "creating",
        "created",
        "done",
    ]


def test_the_state_file_is_not_shared_by_two_runs(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    from gladia.cli._state import StateFile

    holder = StateFile(tmp_path / "out" / ".gladia-state.jsonl")
    try:
        result = run(["transcribe", str(wav), "-o", str(tmp_path / "out") + "/", *against(emu)])
    finally:
        holder.close()
    assert result.exit_code == 1
    assert "another `gladia transcribe` is using the state file" in result.stderr
    assert sum(emu.counters.requests.values()) == 0


def test_a_create_recorded_as_sent_is_sent_again_with_its_key(
    emu: Emulator, wav: Path, tmp_path: Path
) -> None:
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    state = tmp_path / "out" / ".gladia-state.jsonl"
    creating = state_events(state)[1]
    assert creating["event"] == "creating"
    # As if the first run had died before its create request reached the server: no job carries the key.
    emu.reset()
    emu.transcripts.add(wav, TEXT)
    state.write_text(json.dumps(creating) + "\n", encoding="utf-8")
    (tmp_path / "out" / "hello.txt").unlink()
    assert run(["transcribe", str(wav), "-o", "out/", *against(emu)]).exit_code == 0
    (job,) = emu.jobs()
    assert job["custom_metadata"]["gladia_sdk_request_id"] == creating["idempotency_key"]
    assert emu.counters.requests["GET /v2/pre-recorded"] == 1  # looked for it first
    assert emu.counters.jobs_created == 1
