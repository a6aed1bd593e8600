"""Where Gladia's reference material lives (beside the checkout, read-only), and how to skip without it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
RESPONSES = REFERENCE / "responses"
UPSTREAM_SPEC = REFERENCE / "gladia-openapi.json"

requires_reference = pytest.mark.skipif(
    not RESPONSES.is_dir(),
    reason=f"Gladia's reference material is not at {REFERENCE} (it sits beside the checkout in CI)",
)


def reference_files() -> list[Path]:
    return sorted(RESPONSES.glob("*.json")) if RESPONSES.is_dir() else []


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
