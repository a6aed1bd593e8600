"""The pytest plugin, used as a user would: a conftest names it, a test takes `gladia_emulator`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = """
import pytest
from gladia.testing import EmulatorConfig

pytest_plugins = ["gladia.testing.pytest_plugin"]


@pytest.fixture
def gladia_emulator_config():
    return EmulatorConfig(api_keys=("users-key",), default_transcript="From a user's suite.")
"""

TESTS = """
import httpx


def test_uses_the_emulator(gladia_emulator):
    assert gladia_emulator.api_key == "users-key"
    response = httpx.get(gladia_emulator.url + "/v2/pre-recorded", headers={"x-gladia-key": "users-key"})
    assert response.status_code == 200
    assert gladia_emulator.counters.requests["GET /v2/pre-recorded"] == 1


def test_gets_a_fresh_one(gladia_emulator):
    assert gladia_emulator.counters.requests["GET /v2/pre-recorded"] == 0
    assert gladia_emulator.transcripts.default == "From a user's suite."
"""


def test_a_users_suite_gets_a_fresh_emulator_per_test(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_users_app.py").write_text(TESTS, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::ResourceWarning",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        # Only what the user's conftest asks for: faster, and proves the plugin needs nothing else.
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
