"""scripts/regenerate.py: generated/ is current, and the drift report catches what it should."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from typing import Any

import pytest

from tests._reference import ROOT, UPSTREAM_SPEC

sys.path.insert(0, str(ROOT / "scripts"))
from _spec_compare import compare, load_deviations, load_document

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

requires_generator = pytest.mark.skipif(
    importlib.util.find_spec("openapi_python_client") is None,
    reason="openapi-python-client (dev group, Python >= 3.11) is not installed",
)
requires_upstream = pytest.mark.skipif(
    not UPSTREAM_SPEC.is_file(), reason=f"Gladia's OpenAPI document is not at {UPSTREAM_SPEC}"
)
OURS = ROOT / "openapi" / "gladia.yaml"
DEVIATIONS = ROOT / "openapi" / "DEVIATIONS.md"


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


@requires_generator
def test_generated_package_matches_the_spec() -> None:
    result = run_script("--check")
    assert result.returncode == 0, result.stdout + result.stderr


@requires_upstream
def test_no_unlisted_drift_from_gladias_document() -> None:
    result = run_script("--compare", str(UPSTREAM_SPEC))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Unlisted drift: 0" in result.stdout


@pytest.fixture(scope="module")
def upstream() -> dict[str, Any]:
    if not UPSTREAM_SPEC.is_file():
        pytest.skip(f"Gladia's OpenAPI document is not at {UPSTREAM_SPEC}")
    return json.loads(UPSTREAM_SPEC.read_text())


@pytest.mark.parametrize(
    ("mutate", "expected_key"),
    [
        (
            lambda d: d["components"]["schemas"]["TranscriptionLanguageCodeEnum"]["enum"].append("xx"),
            "enum TranscriptionLanguageCodeEnum",
        ),
        (
            lambda d: d["components"]["schemas"]["WordDTO"]["required"].remove("confidence"),
            "required WordDTO.confidence",
        ),
        (
            lambda d: d["components"]["schemas"]["WordDTO"]["properties"].update(
                emphasis={"type": "boolean"}
            ),
            "property-missing WordDTO.emphasis",
        ),
        (
            lambda d: d["components"]["schemas"]["LanguageConfig"]["properties"]["code_switching"].update(
                default=True
            ),
            "default LanguageConfig.code_switching",
        ),
        (
            lambda d: d["components"]["schemas"]["TranscriptionMetadataDTO"]["properties"][
                "billing_time"
            ].update(type="string"),
            "type TranscriptionMetadataDTO.billing_time",
        ),
        (
            lambda d: d["paths"]["/v2/pre-recorded/{id}"].pop("delete"),
            "operation-extra DELETE /v2/pre-recorded/{id}",
        ),
        (
            lambda d: d["paths"]["/v2/pre-recorded"]["get"]["parameters"].append(
                {"name": "sort", "in": "query", "schema": {"type": "string"}}
            ),
            "parameter-missing GET /v2/pre-recorded query.sort",
        ),
        (
            lambda d: d["components"]["schemas"].update(NewThing={"type": "object"})
            or d["components"]["schemas"]["TranscriptionResultDTO"]["properties"].update(
                new_thing={"$ref": "#/components/schemas/NewThing"}
            ),
            "property-missing TranscriptionResultDTO.new_thing|schema-missing NewThing",
        ),
    ],
    ids=["enum", "required", "property", "default", "type", "operation", "parameter", "schema"],
)
def test_compare_reports_each_kind_of_upstream_change(
    upstream: dict[str, Any], mutate: Any, expected_key: str
) -> None:
    changed = copy.deepcopy(upstream)
    mutate(changed)
    report = compare(load_document(str(OURS)), changed, load_deviations(DEVIATIONS))
    assert sorted(d.key for d in report.unlisted) == expected_key.split("|")


def test_compare_treats_equivalent_spellings_as_equal() -> None:
    def doc(schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "paths": {},
            "components": {
                "schemas": {
                    "Thing": {"type": "object", "properties": {"x": schema}},
                    "Ref": {"type": "string", "enum": ["a"]},
                }
            },
        }

    pairs = [
        ({"type": ["string", "null"]}, {"type": "string", "nullable": True}),
        (
            {"$ref": "#/components/schemas/Ref", "description": "mine"},
            {"allOf": [{"$ref": "#/components/schemas/Ref"}]},
        ),
        (
            {"anyOf": [{"$ref": "#/components/schemas/Ref"}, {"type": "null"}]},
            {"nullable": True, "type": "object", "allOf": [{"$ref": "#/components/schemas/Ref"}]},
        ),
        ({"$ref": "#/components/schemas/Ref"}, {"type": "string", "enum": ["a"]}),
    ]
    for ours, theirs in pairs:
        report = compare(doc(ours), doc(theirs), [])
        assert [d.key for d in report.drifts if d.kind != "schema-extra"] == [], (ours, theirs)


def test_every_upstream_schema_and_operation_is_generated(upstream: dict[str, Any]) -> None:
    """No silently dropped model: the whole pre-recorded and live surface of Gladia's document exists in
    gladia_api."""
    import importlib

    from _spec_compare import (
        SURFACE_PATHS,
        SURFACE_WEBHOOKS,
        _Doc,
        _operations,
        _reachable,
        is_unreferenced_root,
    )

    from gladia_api import models

    doc = _Doc(upstream)
    roots: list[Any] = [upstream["paths"][p] for p in SURFACE_PATHS]
    roots += [upstream["webhooks"][w] for w in SURFACE_WEBHOOKS]
    roots += [{"$ref": f"#/components/schemas/{n}"} for n in doc.schemas if is_unreferenced_root(n)]
    names = _reachable(doc, roots)
    assert len(names) == 133
    assert sorted(n for n in names if not hasattr(models, n)) == []

    ours = load_document(str(OURS))
    by_route = {
        f"{method.upper()} {path}": op["operationId"]
        for path, item in ours["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "delete", "patch")
    }
    for key in _operations(doc, SURFACE_PATHS):
        operation_id = by_route[key]
        tag = "upload" if key.endswith("/v2/upload") else "live" if "/v2/live" in key else "pre_recorded"
        module = importlib.import_module(f"gladia_api.api.{tag}.{operation_id}")
        assert callable(module.sync_detailed) and callable(module.asyncio_detailed), key
