"""Offline mode: `gladia transcribe --local` starts an in-process emulator and runs the normal SDK flow over HTTP.

The real engine is Whisper (`gladia.testing.whisper`); here the private seam `gladia.cli._local.engine_factory`
hands the emulator a DeterministicEngine that reads each sample's sidecar `.txt` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import gladia.testing
from gladia.cli import _local
from gladia.testing import DeterministicEngine, Emulator, Engine, Transcripts
from tests._cli import run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MEETING = SAMPLES / "meeting.wav"


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Swap the local engine for the deterministic one; the models it was asked for."""
    asked: list[str | None] = []

    def factory(model: str | None) -> Engine:
        asked.append(model)
        transcripts = Transcripts()
        transcripts.add_directory(SAMPLES)
        return DeterministicEngine(transcripts)

    monkeypatch.setattr(_local, "engine_factory", factory)
    return asked


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record each emulator the command line starts, and what it served before it stopped."""
    seen: list[dict[str, Any]] = []
    real = gladia.testing.emulator

    @contextmanager
    def spy(*args: Any, **kwargs: Any) -> Iterator[Emulator]:
        with real(*args, **kwargs) as emu:
            yield emu
            seen.append(
                {
                    "url": emu.url,
                    "engine": emu.config.engine,
                    "requests": emu.counters.requests,
                    "jobs": emu.counters.jobs_created,
                }
            )

    monkeypatch.setattr(gladia.testing, "emulator", spy)
    return seen


def test_local_runs_the_sdk_flow_against_an_in_process_emulator(
    engine: list[str | None], started: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # --local wins over a key in the environment.
    result = run(["transcribe", "--local", str(MEETING)], env={"GLADIA_API_KEY": "a-real-key"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (SAMPLES / "meeting.txt").read_text(encoding="utf-8").strip() + "\n"
    assert result.stderr == ""
    (emu,) = started
    assert emu["url"].startswith("http://127.0.0.1:")
    assert isinstance(emu["engine"], DeterministicEngine)
    assert emu["requests"]["POST /v2/upload"] == 1
    assert emu["requests"]["POST /v2/pre-recorded"] == 1
    assert emu["requests"]["GET /v2/pre-recorded/{id}"] >= 1
    assert emu["jobs"] == 1
    assert engine == [None]


def test_no_key_falls_back_to_local_and_says_so(
    engine: list[str | None], started: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["transcribe", str(MEETING), "--model", "base.en", "-o", "meeting.srt"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "No GLADIA_API_KEY set: transcribing offline with the local engine (Whisper base.en). "
        "Set GLADIA_API_KEY to use Gladia."
    )
    assert (tmp_path / "meeting.srt").read_text(encoding="utf-8").startswith("1\n00:00:00,")
    assert engine == ["base.en"]
    assert len(started) == 1


def test_a_local_rerun_skips_finished_outputs(
    engine: list[str | None], started: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sources = [str(SAMPLES / "meeting.wav"), str(SAMPLES / "recipe.wav")]
    assert run(["transcribe", "--local", *sources, "-o", "out"]).exit_code == 0
    assert started[0]["jobs"] == 2
    (tmp_path / "out" / "recipe.txt").unlink()
    again = run(["transcribe", "--local", *sources, "-o", "out"])
    assert again.exit_code == 0, again.stderr
    # The first emulator and its uploads are gone: only the missing output is transcribed again.
    assert started[1]["jobs"] == 1
    assert started[1]["requests"]["POST /v2/upload"] == 1
    assert (tmp_path / "out" / "recipe.txt").read_text(encoding="utf-8").startswith("Preheat the oven")


def test_a_missing_local_engine_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    def missing(model: str | None) -> Engine:
        raise ModuleNotFoundError("No module named 'faster_whisper'", name="faster_whisper")

    monkeypatch.setattr(_local, "engine_factory", missing)
    result = run(["transcribe", str(MEETING)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "error: offline transcription needs the local engine: pip install 'gladia[local]' (or set "
        "GLADIA_API_KEY to use Gladia) (faster_whisper is missing)"
    )
    assert "Traceback" not in result.stderr
    assert started == []


def test_a_model_that_cannot_load_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(model: str | None) -> Engine:
        raise RuntimeError(f"no model at {model}")

    monkeypatch.setattr(_local, "engine_factory", broken)
    result = run(["transcribe", "--local", "--model", "/nowhere", str(MEETING)])
    assert result.exit_code == 1
    assert result.stderr == "error: cannot use the local speech model /nowhere: no model at /nowhere\n"


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--local", "--api-key", "k"], {}, "--local transcribes offline: leave out --api-key and --api-url"),
        ([], {"GLADIA_API_URL": "http://127.0.0.1:9"}, "no API key for http://127.0.0.1:9"),
    ],
)
def test_contradictory_modes_are_usage_errors(
    args: list[str], env: dict[str, str | None], message: str, started: list[dict[str, Any]]
) -> None:
    result = run(["transcribe", str(MEETING), *args], env=env)
    assert result.exit_code == 2
    assert message in result.stderr
    assert started == []


class _Unloadable(DeterministicEngine):
    """An engine whose model has a name and fails to load, as a Whisper model with no network would."""

    model_name = "small.en"

    def load(self) -> None:
        raise RuntimeError("no network to download small.en")


def test_the_model_is_loaded_before_anything_is_sent(
    monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    monkeypatch.setattr(_local, "engine_factory", lambda model: _Unloadable(Transcripts()))
    result = run(["transcribe", str(MEETING), "--no-state"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "No GLADIA_API_KEY set: transcribing offline with the local engine (Whisper small.en). "
        "Set GLADIA_API_KEY to use Gladia.",
        "error: cannot load the local speech model small.en: no network to download small.en",
    ]
    assert started == []


def test_model_is_ignored_with_a_key(emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    emu.transcripts.add(MEETING)
    result = run(
        ["transcribe", str(MEETING), "--model", "base.en", "--api-url", emu.url, "--api-key", emu.api_key]
    )
    assert result.exit_code == 0
    assert result.stderr == "warning: --model is for offline transcription (--local); Gladia ignores it\n"
