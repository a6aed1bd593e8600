"""Gladia's official Python SDK (`gladiaio-sdk`, pinned) against the emulator: every pre-recorded method, sync
and async, with warnings as errors.

The SDK is installed at test time into its own virtual environment (see `tests/_official.py`) and driven by
`tests/official/python_driver.py`, which imports nothing of this project: Gladia's own client decides whether
the emulator's answers are right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gladia.testing import emulator
from tests._official import DRIVERS, PYTHON_SDK_VERSION, official_python, prepare, run_driver

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]


def test_every_pre_recorded_method_sync_and_async_without_a_warning(tmp_path: Path) -> None:
    python = official_python()
    with emulator() as emu:
        config = prepare(emu, tmp_path)
        report = run_driver([str(python), "-W", "error", str(DRIVERS / "python_driver.py"), str(config)])
        routes = emu.counters.requests
    assert report["sdk"] == PYTHON_SDK_VERSION
    # Both modes ran the whole scenario: the same checks, all passed.
    assert report["checks"]["sync"] == report["checks"]["async"] >= 40
    # Each method reached the emulator under its own route, by the paths the SDK uses.
    for route in (
        "POST /v2/upload",
        "POST /v2/pre-recorded",
        "GET /v2/pre-recorded/{id}",
        "GET /v2/pre-recorded",
        "GET /v2/pre-recorded/{id}/file",
        "DELETE /v2/pre-recorded/{id}",
    ):
        assert routes[route] > 0, route
