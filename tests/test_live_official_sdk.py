"""Gladia's official SDK (`gladiaio-sdk`) completes a live session against the emulator.

The official SDK is installed at test time into its own virtual environment under the user's cache
directory (reused while it holds the pinned version), never into ours; the test skips, saying why, when
`uv` is missing or the package registry cannot be reached.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gladia.testing import Emulator

OFFICIAL = "gladiaio-sdk==2.2.1"
SCRIPT = Path(__file__).with_name("_official_live.py")
TEXT = "Hello there. How are you today?"


def official_python() -> Path:
    """The interpreter of a virtual environment holding the official SDK, made on first use."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH: cannot make a virtual environment for the official SDK")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    venv = cache / "gladia-sdk-tests" / f"venv-{OFFICIAL.replace('==', '-')}"
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    marker = venv / ".installed"
    if not marker.is_file():
        shutil.rmtree(venv, ignore_errors=True)
        made = subprocess.run(
            [uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
            check=False,
            capture_output=True,
            text=True,
        )
        install = (
            subprocess.run(
                [uv, "pip", "install", "--quiet", "--python", str(python), OFFICIAL],
                check=False,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if made.returncode == 0
            else made
        )
        if install.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            pytest.skip(
                f"could not install {OFFICIAL} (registry unreachable?): {install.stderr.strip()[-300:]}"
            )
        marker.write_text(OFFICIAL)
    return python


def test_the_official_sdk_completes_a_live_session(emu: Emulator, tmp_path: Path) -> None:
    python = official_python()
    emu.live.say(TEXT)
    audio = tmp_path / "audio.raw"
    audio.write_bytes(bytes(4 * 32_000))  # 4 s of 16 kHz, 16-bit mono
    run = subprocess.run(
        [str(python), str(SCRIPT), emu.url, emu.api_key, str(audio)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["ended"] is True and result["errors"] == []
    assert result["finals"] == ["Hello there.", "How are you today?"]
    assert result["types"][-3:] == ["post_transcript", "post_final_transcript", "end_session"]
    job = emu.live.session(result["session_id"])
    assert job is not None and job["status"] == "done"
    assert emu.live.audio(result["session_id"]) == audio.read_bytes()  # every byte, once
