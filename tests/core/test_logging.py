"""Logging and per-operation timeouts: what the transport does to every request."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from gladia import GladiaClient, UnexpectedResponseError
from gladia._core.config import Timeouts, resolve_config
from gladia._core.transport_sync import GladiaTransport
from gladia.testing import Emulator
from tests.conftest import make_wav

KEY = "sk-distinctive-4f1d9b"


def test_each_request_is_logged_without_the_key(
    emu: Emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    emu.configure(api_keys=(KEY,))
    audio = make_wav(1.0)
    emu.transcripts.add(audio, "Logged.")
    caplog.set_level(logging.DEBUG, logger="gladia")
    with GladiaClient(api_key=KEY, api_url=emu.url) as client:
        client.prerecorded().transcribe(audio)
    lines = [r.getMessage() for r in caplog.records if r.name == "gladia"]
    assert any(line.startswith("POST /v2/upload -> 200 in ") and "request id" in line for line in lines), (
        lines
    )
    assert any(line.startswith("POST /v2/pre-recorded -> 201") for line in lines)
    assert any("-> done" in line for line in lines)  # the status transitions
    assert any("request headers" in line and "<redacted>" in line for line in lines)
    assert all(KEY not in line for line in lines)


def test_gladia_log_switches_logging_on(emu: Emulator) -> None:
    emu.configure(api_keys=(KEY,))
    code = (
        "from gladia import GladiaClient, NotFoundError\n"
        f"client = GladiaClient(api_key={KEY!r}, api_url={emu.url!r})\n"
        "try:\n"
        "    client.prerecorded().get('45463597-20b7-4af7-b3b3-f5fb778203ab')\n"
        "except NotFoundError:\n"
        "    pass\n"
    )
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert quiet.stderr == ""
    loud = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"GLADIA_LOG": "debug", "PATH": ""},
    )
    assert "GET /v2/pre-recorded/45463597-20b7-4af7-b3b3-f5fb778203ab -> 404" in loud.stderr
    assert KEY not in loud.stderr


def test_each_operation_gets_its_own_timeouts() -> None:
    seen: dict[str, dict[str, float]] = {}

    def record(request: httpx.Request) -> httpx.Response:
        seen[f"{request.method} {request.url.path}"] = request.extensions["timeout"]
        return httpx.Response(200, json={})

    config = resolve_config(
        "k",
        "https://api.gladia.io",
        timeout=None,
        max_retries=0,
        max_upload_bytes=None,
        allow_insecure_http=False,
    )
    with httpx.Client(
        transport=GladiaTransport(config, httpx.MockTransport(record)), base_url="https://api.gladia.io"
    ) as http:
        for method, path in [
            ("POST", "/v2/upload"),
            ("GET", "/v2/pre-recorded/x"),
            ("GET", "/v2/pre-recorded/x/file"),
            ("POST", "/v2/pre-recorded"),
        ]:
            http.request(method, path)
    defaults = Timeouts.defaults()
    assert seen["POST /v2/upload"] == defaults.upload.as_dict()
    assert seen["GET /v2/pre-recorded/x"] == defaults.fast.as_dict()
    assert seen["GET /v2/pre-recorded/x/file"] == defaults.download.as_dict()
    assert seen["POST /v2/pre-recorded"] == defaults.create.as_dict()
    assert seen["POST /v2/upload"]["write"] > seen["GET /v2/pre-recorded/x"]["write"]


def test_an_undocumented_status_is_an_unexpected_response(emu: Emulator) -> None:
    emu.faults.add("GET /v2/pre-recorded/{id}", status=418, times=1)
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        pytest.raises(UnexpectedResponseError) as caught,
    ):
        client.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab")
    assert caught.value.status_code == 418


def test_log_lines_carry_gladias_request_id(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    # The emulator answers with x-aipi-call-id, as Gladia does: each line names it, never "-".
    caplog.set_level(logging.INFO, logger="gladia")
    audio = make_wav(1.0)
    emu.transcripts.add(audio, "Logged.")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        client.prerecorded().transcribe(audio)
    lines = [r.getMessage() for r in caplog.records if r.name == "gladia" and " -> " in r.getMessage()]
    assert lines, caplog.records
    assert all("(request id -)" not in line for line in lines), lines
    ids = {emu_request.header("x-aipi-call-id") for emu_request in emu.requests}
    assert ids == {None}  # the id is Gladia's answer header, not something the client sent


def test_retries_are_logged_at_info_and_a_library_prints_nothing_by_default(emu: Emulator) -> None:
    # A library prints nothing to stderr unless asked (GLADIA_LOG): a retry is an INFO line, as in httpx
    # and openai-python, not a WARNING that Python's last-resort handler would print.
    code = (
        "from gladia import GladiaClient\n"
        f"client = GladiaClient(api_key={emu.api_key!r}, api_url={emu.url!r})\n"
        "print(len(list(client.prerecorded().list(max_items=1))))\n"
    )
    emu.faults.add("GET /v2/pre-recorded", status=503, times=2)
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert quiet.stderr == "" and quiet.stdout.strip() == "0"
    emu.faults.add("GET /v2/pre-recorded", status=503, times=2)
    loud = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"GLADIA_LOG": "info", "PATH": ""},
    )
    assert loud.stderr.count("answered 503; retry") == 2, loud.stderr
