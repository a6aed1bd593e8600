"""Gladia's official JavaScript SDK (`@gladiaio/sdk`, pinned) against the emulator: every pre-recorded method.

Installed at test time with npm (see `tests/_official.py`) and driven by `tests/official/js_driver.mjs`, which
uses only the SDK and node: Gladia's own client decides whether the emulator's answers are right. It
follows list links as absolute URLs, so it also exercises the `/v2/transcription` alias they point at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gladia.testing import emulator
from tests._official import DRIVERS, JS_SDK_VERSION, official_js, prepare, run_driver

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]


def test_every_pre_recorded_method_without_a_warning(tmp_path: Path) -> None:
    node, installed = official_js()
    # Node resolves the SDK from the script's own directory: run a copy placed beside the install.
    driver = installed / f"driver-{tmp_path.name}.mjs"
    shutil.copyfile(DRIVERS / "js_driver.mjs", driver)
    try:
        with emulator() as emu:
            config = prepare(emu, tmp_path)
            report = run_driver([str(node), str(driver), str(config)], cwd=installed)
            paths = {request.path.split("?")[0] for request in emu.requests}
    finally:
        driver.unlink(missing_ok=True)
    assert report["sdk"] == JS_SDK_VERSION
    assert report["warnings"] == 0
    assert report["checks"]["async"] >= 30
    assert "/v2/transcription" in paths  # the list links it followed
