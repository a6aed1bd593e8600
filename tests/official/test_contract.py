"""Gladia's current contract, read from the official SDK's generated types: `regenerate.py --compare SDK`.

Gladia generates `gladiaio-sdk`'s types from its current OpenAPI document, newer than the one it publishes.
The drift report reads them as a second source, so the next API change is found by one command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests._official import PYTHON_SDK_VERSION, official_python

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ROOT / "scripts" / "regenerate.py"

sys.path.insert(0, str(ROOT / "scripts"))
import _sdk_types  # noqa: E402
from _spec_compare import load_document  # noqa: E402

FAKE_PRERECORDED = """
from typing import Literal
PreRecordedV2TranscriptionModel = Literal["solaria-1", "solaria-3", "solaria-fusion", "solaria-9"]

class PreRecordedV2LanguageConfig(BaseDataClass):
  # Deprecated: ignored now.
  languages: list[str] | None = None
  code_switching: bool | None = None
  dialect: str | None = None
"""
FAKE_LIVE = """
from typing import Literal
class LiveV2CallbackBrandNewMessage(BaseDataClass):
  id: str
  event: Literal["live.brand_new"]
"""


def _run(*sources: str) -> subprocess.CompletedProcess[str]:
    compare = [arg for source in sources for arg in ("--compare", source)]
    return subprocess.run(
        [sys.executable, str(REGENERATE), *compare], capture_output=True, text=True, check=False, timeout=120
    )


@pytest.mark.slow
def test_a_change_in_the_sdks_types_is_reported(tmp_path: Path) -> None:
    package = tmp_path / "gladiaio_sdk"
    (package / "v2" / "prerecorded").mkdir(parents=True)
    (package / "v2" / "live").mkdir(parents=True)
    (package / "v2" / "prerecorded" / "generated_types.py").write_text(FAKE_PRERECORDED)
    (package / "v2" / "live" / "generated_types.py").write_text(FAKE_LIVE)
    (package / "version.py").write_text('__version__ = "9.9.9"\n')
    official = _sdk_types.read(package)
    drifts, _ = _sdk_types.compare(load_document(str(ROOT / "openapi" / "gladia.yaml")), official)
    keys = {drift.key for drift in drifts}
    assert "sdk-enum PreRecordedTranscriptionModel=solaria-9" in keys  # a new model
    assert "sdk-field-new LanguageConfig.dialect" in keys  # a new field
    assert "sdk-deprecated LanguageConfig.languages" in keys  # newly deprecated
    assert "sdk-event live.brand_new" in keys  # a new message kind
    done = _run(str(tmp_path))
    assert done.returncode == 1
    assert "gladiaio-sdk 9.9.9" in done.stdout and "solaria-9" in done.stdout


@pytest.mark.once
def test_our_spec_agrees_with_the_installed_official_sdk_and_the_published_document() -> None:
    python = official_python()
    reference = ROOT.parent / "shared" / "reference" / "gladia-openapi.json"
    sources = [str(python)] + ([str(reference)] if reference.is_file() else [])
    done = _run(*sources)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"gladiaio-sdk {PYTHON_SDK_VERSION}" in done.stdout
    assert done.stdout.count("OK: no unlisted drift") == len(sources)
