"""Gladia's official SDKs, installed at test time into their own environments, and the drivers run with them.

Neither SDK is ever a dependency of this project: `gladiaio-sdk` goes into a virtual environment made with
`python -m venv` and pip, `@gladiaio/sdk` into a directory with npm, both from their public registries. Each
is cached by version (and interpreter) under the system's temporary directory (or `$GLADIA_TEST_CACHE`), so
only a machine's first run pays for the install. A test skips, saying why, only when the registry cannot be
reached or node is missing; any other install failure fails it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gladia.testing import Emulator
from tests.conftest import make_wav

PYTHON_SDK = "gladiaio-sdk"
PYTHON_SDK_VERSION = "2.2.1"
JS_SDK = "@gladiaio/sdk"
JS_SDK_VERSION = "2.1.0"
# The WebSocket package the JavaScript SDK needs on node < 22 (its README: `npm install ws`), for its live client.
WS = "ws"
WS_VERSION = "8.23.1"
DRIVERS = Path(__file__).parent / "official"
INSTALL_TIMEOUT = 300
RUN_TIMEOUT = 120

# What pip and npm print when the registry is out of reach (no network, DNS, proxy), as opposed to a failure
# worth reporting.
_UNREACHABLE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "NewConnectionError",
    "ProxyError",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "ENETUNREACH",
)
# Environment variables of the test run that must not leak into the SDK's own interpreter.
_NOT_PASSED = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONWARNINGS", "NODE_OPTIONS", "NODE_PATH")

TEXT = "Hello from the official SDK. Every method is checked."
REMOTE_URL = "https://audio.example.com/talks/remote.wav"
REMOTE_TEXT = "A talk fetched by URL."
FAILING_CODE = 422


def _cache_root() -> Path:
    root = Path(os.environ.get("GLADIA_TEST_CACHE") or tempfile.gettempdir()) / "gladia-tests"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _NOT_PASSED}


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One installer at a time per cache entry (other pytest processes on the machine wait)."""
    try:
        import fcntl  # POSIX only; elsewhere installs are simply not serialized
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with path.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _install(command: list[str], what: str, cwd: Path | None = None) -> None:
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=_environ(),
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"installing {what} took over {INSTALL_TIMEOUT}s: its registry is not reachable in time")
    if done.returncode == 0:
        return
    output = done.stdout + done.stderr
    if any(sign in output for sign in _UNREACHABLE):
        pytest.skip(f"{what} cannot be installed, its registry is not reachable: {output.strip()[-300:]}")
    raise RuntimeError(f"installing {what} failed ({' '.join(command)}):\n{output[-3000:]}")


def official_python() -> Path:
    """The interpreter of a virtual environment holding `gladiaio-sdk` (pinned), made on first use."""
    tag = f"{PYTHON_SDK}-{PYTHON_SDK_VERSION}-py{sys.version_info.major}.{sys.version_info.minor}"
    venv = _cache_root() / tag
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    with _locked(venv):
        if (venv / ".complete").is_file() and python.is_file():
            return python
        building = venv.with_name(f"{tag}.building")
        shutil.rmtree(building, ignore_errors=True)
        shutil.rmtree(venv, ignore_errors=True)
        _install([sys.executable, "-m", "venv", str(building)], "a virtual environment")
        built_python = building / python.relative_to(venv)
        pip = [str(built_python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        _install([*pip, f"{PYTHON_SDK}=={PYTHON_SDK_VERSION}"], f"{PYTHON_SDK} {PYTHON_SDK_VERSION}")
        building.rename(venv)  # venvs hold absolute paths in scripts only; `bin/python -m` still works
        (venv / ".complete").write_text(PYTHON_SDK_VERSION)
    return python


def official_js() -> tuple[Path, Path]:
    """node, and a directory where `@gladiaio/sdk` and `ws` (pinned) are installed, made on first use."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are not installed: the official JavaScript SDK cannot run here")
    major = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    if int(major.lstrip("v").split(".")[0]) < 20:
        pytest.skip(f"node {major} is too old for {JS_SDK} (it needs node 20 or later)")
    node_major = major.split(".")[0].lstrip("v")
    directory = _cache_root() / f"gladiaio-js-sdk-{JS_SDK_VERSION}-ws-{WS_VERSION}-node{node_major}"
    with _locked(directory):
        if not (directory / ".complete").is_file():
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir(parents=True)
            (directory / "package.json").write_text('{"private": true, "type": "module"}\n')
            _install(
                [
                    *(npm, "install", "--no-audit", "--no-fund", "--loglevel=error"),
                    *(f"{JS_SDK}@{JS_SDK_VERSION}", f"{WS}@{WS_VERSION}"),
                ],
                f"{JS_SDK} {JS_SDK_VERSION} and {WS} {WS_VERSION}",
                cwd=directory,
            )
            (directory / ".complete").write_text(JS_SDK_VERSION)
    return Path(node), directory


def prepare(emu: Emulator, directory: Path) -> Path:
    """Audio and transcripts for a driver run, registered with `emu`; the path of the driver's config."""
    audio = directory / "hello.wav"
    audio.write_bytes(make_wav(4.0, tone=True))
    emu.transcripts.add(audio, TEXT)
    emu.transcripts.add(REMOTE_URL, REMOTE_TEXT)
    failing = directory / "unreadable.wav"
    failing.write_bytes(make_wav(1.5))
    emu.transcripts.fail(failing, error_code=FAILING_CODE, message="this recording cannot be decoded")
    with wave.open(str(audio)) as read:  # the fixture itself must be what the checks assume
        assert read.getnchannels() == 1
    config = {
        "url": emu.url,
        "key": emu.api_key,
        "audio": str(audio),
        "text": TEXT,
        "remote_url": REMOTE_URL,
        "remote_text": REMOTE_TEXT,
        "failing": str(failing),
        "failing_code": FAILING_CODE,
    }
    path = directory / "config.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def run_driver(command: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run a driver; its one-line JSON report. Fails on a non-zero exit or anything written to stderr."""
    done = subprocess.run(
        command, cwd=cwd, env=_environ(), capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False
    )
    assert done.returncode == 0, f"the driver failed:\n{done.stdout}\n{done.stderr}"
    assert done.stderr == "", f"the driver wrote to stderr (a warning?):\n{done.stderr}"
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report
