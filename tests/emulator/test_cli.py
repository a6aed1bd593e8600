"""`gladia emulator` and `python -m gladia.testing`, started as a user would, then driven over HTTP."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner

from gladia.cli import main
from gladia.cli._group import gladia
from gladia.testing import _command, _config, emulator
from gladia.testing._command import _api_key
from tests._signals import needs_sigint
from tests.conftest import make_wav, wait_for_job


@pytest.fixture
def started() -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`python -m gladia.testing` on a free port; the process and its printed URL."""
    with start() as running:
        yield running


@contextlib.contextmanager
def start(*options: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`python -m gladia.testing` on a free port, with `options` too; the process and its printed URL."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gladia.testing",
            "--port",
            "0",
            "--api-key",
            "cli-key",
            "--default-transcript",
            "Hello from the command line.",
            "--queued-seconds",
            "0.1",
            "--processing-seconds",
            "0.1",
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines = []
    url = ""
    deadline = time.monotonic() + 20
    while not url and time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if line.strip().startswith("URL:"):
            url = line.split("URL:", 1)[1].strip()
        if not line and process.poll() is not None:
            break
    assert url, f"no URL printed: {lines}"
    assert any("API key: cli-key" in line for line in [*lines, process.stdout.readline()])
    try:
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


@needs_sigint
def test_the_command_serves_the_api_and_stops_on_ctrl_c(started: tuple[subprocess.Popen[str], str]) -> None:
    process, url = started
    with httpx.Client(base_url=url, headers={"x-gladia-key": "cli-key"}) as client:
        audio_url = client.post("/v2/upload", files={"audio": ("hi.wav", make_wav(1.0))}).json()["audio_url"]
        job_id = client.post("/v2/pre-recorded", json={"audio_url": audio_url}).json()["id"]
        job = wait_for_job(client, job_id)
        assert job["result"]["transcription"]["full_transcript"] == "Hello from the command line."
        assert client.get("/v2/pre-recorded", headers={"x-gladia-key": "other"}).status_code == 401
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "Stopped." in out


@pytest.mark.parametrize(("options", "success"), [((), True), (("--addons", "fail"), False)])
def test_addons_answer_fixtures_or_fail_as_told(options: tuple[str, ...], success: bool) -> None:
    asked = {"sentiment_analysis": True, "summarization": True, "translation": True}
    asked["translation_config"] = {"target_languages": ["fr"]}
    with (
        start(*options) as (_, url),
        httpx.Client(base_url=url, headers={"x-gladia-key": "cli-key"}) as client,
    ):
        audio_url = client.post("/v2/upload", files={"audio": ("hi.wav", make_wav(1.0))}).json()["audio_url"]
        job_id = client.post("/v2/pre-recorded", json={"audio_url": audio_url, **asked}).json()["id"]
        result = wait_for_job(client, job_id)["result"]
    for name in ("sentiment_analysis", "summarization", "translation"):
        assert result[name]["success"] is success, result[name]
        assert (result[name]["error"] is None) is success
    if not success:
        assert result["summarization"]["error"]["status_code"] == 501


def test_sigterm_stops_it_cleanly(started: tuple[subprocess.Popen[str], str]) -> None:
    process, _ = started
    process.terminate()
    process.communicate(timeout=10)
    assert process.returncode == 0


def test_help_lists_the_emulator_command() -> None:
    result = CliRunner().invoke(gladia, ["--help"])
    assert result.exit_code == 0
    assert "emulator" in result.output
    result = CliRunner().invoke(gladia, ["emulator", "--help"])
    assert "--api-key" in result.output
    assert "--transcripts" in result.output
    assert "--addons [fixtures|fail]" in result.output
    assert (_command.FIXTURES, _command.FAIL) == (_config.FIXTURES, _config.FAIL)


def test_a_busy_port_is_a_clear_error() -> None:
    with emulator() as running:
        port = running.url.rsplit(":", 1)[1]
        result = CliRunner().invoke(gladia, ["emulator", "--port", port])
    assert result.exit_code == 1
    assert "cannot listen on 127.0.0.1" in result.output


def test_the_key_comes_from_the_option_then_the_environment_then_is_generated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _api_key("given") == ("given", "given")
    monkeypatch.setenv("GLADIA_API_KEY", "gl-secret-value")
    assert _api_key(None) == ("gl-secret-value", "$GLADIA_API_KEY (gl-s...)")
    monkeypatch.delenv("GLADIA_API_KEY")
    key, shown = _api_key(None)
    assert key == shown
    assert key.startswith("emu-")
    assert key != _api_key(None)[0]


def test_without_click_the_command_says_what_to_install() -> None:
    code = "import sys; sys.modules['click'] = None; from gladia.cli import main; main(['--help'])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "pip install 'gladia[emulator]'" in result.stderr


def test_main_runs_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("gladia, version ")
