"""Fuzzing option dicts: every input gives either a valid request body or InvalidOptionsError, nothing else."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gladia._core.schema import document
from gladia.errors import InvalidOptionsError
from gladia.prerecorded._options import create_body

pytestmark = pytest.mark.once  # the outcome does not depend on the Python version running it

URL = "https://example.com/a.wav"
SCHEMAS: dict[str, Any] = document()["components"]["schemas"]

scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Things JSON cannot carry, which users still pass by mistake.
strange = st.sampled_from([{1, 2}, b"bytes", object(), float("nan"), float("inf"), (1, 2), {"k": {3}}])


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = {
            **SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]],
            **{k: v for k, v in schema.items() if k != "$ref"},
        }
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = {**resolve(schema["allOf"][0]), **{k: v for k, v in schema.items() if k != "allOf"}}
    return schema


def near(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values shaped like the schema, often valid, often subtly not: enough to reach every check."""
    schema = resolve(schema)
    if depth > 4:
        return json_values
    options: list[st.SearchStrategy[Any]] = [json_values]
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
        options.append(st.sampled_from(schema["enum"]).map(lambda v: str(v).upper()))
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "boolean" in kinds:
        options.append(st.booleans())
    if "integer" in kinds or "number" in kinds:
        options.append(st.integers(-3, 40) | st.floats(-1, 40, allow_nan=False))
    if "string" in kinds:
        options.append(st.sampled_from(["https://example.com/cb", "ftp://x", "", "en", "english"]))
    if "array" in kinds:
        options.append(st.lists(near(schema.get("items", {}), depth + 1), max_size=4))
    properties = schema.get("properties")
    if properties:
        names = list(properties)
        keys = st.sampled_from(names) | st.sampled_from([n + "s" for n in names]) | st.text(max_size=6)
        options.append(
            st.dictionaries(
                keys,
                st.deferred(lambda: st.one_of(*[near(properties[n], depth + 1) for n in names])),
                max_size=6,
            )
        )
        options.append(
            st.fixed_dictionaries({}, optional={n: near(p, depth + 1) for n, p in properties.items()})
        )
    for combinator in ("oneOf", "anyOf"):
        for variant in schema.get(combinator, []):
            options.append(near(variant, depth + 1))
    return st.one_of(options)


REQUEST = resolve({"$ref": "#/components/schemas/InitTranscriptionRequest"})
request_options = st.fixed_dictionaries(
    {}, optional={name: near(prop) for name, prop in REQUEST["properties"].items() if name != "audio_url"}
)


def check(options: object) -> None:
    try:
        body = create_body(options, audio_url=URL)
    except InvalidOptionsError as error:
        problems = error.problems
    else:
        assert body["audio_url"] == URL
        assert all(not isinstance(v, float) or math.isfinite(v) for v in _leaves(body))
        return
    assert problems, "an InvalidOptionsError must say what is wrong"
    assert all(isinstance(p, str) and p for p in problems)


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request_options)
def test_shaped_options_never_raise_anything_else(options: dict[str, Any]) -> None:
    check(options)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=10), json_values | strange, max_size=6) | json_values | strange)
def test_arbitrary_values_never_raise_anything_else(options: Any) -> None:
    check(options)


def test_the_fuzzer_reaches_both_outcomes() -> None:
    outcomes: set[str] = set()

    @settings(max_examples=200, deadline=None, database=None)
    @given(request_options)
    def run(options: dict[str, Any]) -> None:
        try:
            create_body(options, audio_url=URL)
            outcomes.add("valid")
        except InvalidOptionsError:
            outcomes.add("invalid")

    run()
    assert outcomes == {"valid", "invalid"}
