"""Helpers for the `gladia` command line tests: run it in-process or as a process, and make distinct audio."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from gladia.cli._group import gladia
from gladia.testing import Emulator

# The environment a test starts from: no key or URL leaking in from the machine running the tests.
CLEAN_ENV: dict[str, str | None] = {"GLADIA_API_KEY": None, "GLADIA_API_URL": None, "GLADIA_LOG": None}


def run(args: Sequence[str], *, env: dict[str, str | None] | None = None, stdin: str | None = None) -> Result:
    """`gladia ARGS` in this process (stdout and stderr kept apart)."""
    return CliRunner(env={**CLEAN_ENV, **(env or {})}).invoke(gladia, list(args), input=stdin)


def against(emu: Emulator) -> list[str]:
    """The flags that point the command line at `emu`."""
    return ["--api-url", emu.url, "--api-key", emu.api_key]


def distinct_wav(number: int, seconds: float = 0.2, rate: int = 16_000) -> bytes:
    """A short 16-bit PCM WAV whose content (so whose hash) differs for every `number`."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(struct.pack("<i", number) + bytes(round(seconds * rate) * 2 - 4))
    return buffer.getvalue()


def write_wavs(directory: Path, count: int) -> list[Path]:
    """`count` distinct WAVs named `clip-000.wav`, ... in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = directory / f"clip-{number:03d}.wav"
        path.write_bytes(distinct_wav(number))
        paths.append(path)
    return paths


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def process_env(**extra: str) -> dict[str, str]:
    """The environment of a `gladia` process: this one's, minus any Gladia settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def command(*args: str) -> list[str]:
    """The argv of `gladia ARGS` run as a separate Python process."""
    return [sys.executable, "-c", "from gladia.cli import main; main()", *args]


def run_process(args: Sequence[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        cwd=cwd,
        env=process_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
