"""scripts/_typing_gen.py: the TypedDicts and narrowed views follow any spec, not only ours."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from tests._reference import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from _typing_gen import check_lazy, narrowed_module, params_module

SPEC: dict[str, Any] = {
    "paths": {
        "/things": {
            "post": {
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}}
                }
            }
        },
        "/files": {
            "post": {"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}}}
        },
    },
    "components": {
        "schemas": {
            "ThingRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "description": "What it is called."},
                    "colour": {"allOf": [{"$ref": "#/components/schemas/ColourEnum"}], "default": "red"},
                    "parts": {"type": "array", "items": {"$ref": "#/components/schemas/PartDTO"}},
                    "note": {"type": ["string", "null"]},
                    "labels": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
                "x-narrowed": {
                    "NamedThing": {
                        "description": "A thing with a note.",
                        "present": {"note": None, "parts": "list[PartDTO]"},
                    }
                },
            },
            "ColourEnum": {"type": "string", "enum": ["red", "green"]},
            "PartDTO": {"type": "object", "properties": {"size": {"type": "number"}}},
            "Unused": {"type": "object", "properties": {"x": {"type": "integer"}}},
        }
    },
}


def compiled(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    return namespace


def test_params_hold_every_json_request_body_and_what_it_nests() -> None:
    source = params_module(SPEC)
    names = compiled(source)
    thing, optional = names["ThingRequestParams"], names["ThingRequestOptionalParams"]
    assert thing.__required_keys__ == {"name"}
    assert optional.__optional_keys__ == {"colour", "parts", "note", "labels"}
    assert "name" not in optional.__annotations__
    assert "ColourLiteral = Literal['red', 'green']" in source
    assert "colour: ColourLiteral | ColourEnum" in source  # the generated Enum's members too
    assert "from .models import ColourEnum" in source
    assert "parts: Sequence[PartParams]" in source
    assert "note: str | None" in source
    assert "labels: Mapping[str, int]" in source
    assert '"""What it is called."""' in source
    assert "Default: 'red'" in source
    assert "PartParams" in names and "UnusedParams" not in names  # only what a request body reaches


def test_narrowed_views_are_subclasses_for_type_checkers_and_the_model_at_run_time() -> None:
    source = narrowed_module(SPEC)
    assert "class NamedThing(ThingRequest):" in source
    assert '"""A thing with a note."""' in source
    assert "note: str  #" in source  # its own type, not null
    assert "parts: list[PartDTO]  #" in source  # the type the spec gives
    assert "from .models import PartDTO\n" in source
    assert "from .models import ThingRequest\n" in source
    assert '"NamedThing": "ThingRequest"' in source


def test_a_narrowed_view_of_a_missing_property_is_refused() -> None:
    spec = {
        "components": {
            "schemas": {"A": {"type": "object", "properties": {}, "x-narrowed": {"B": {"present": ["x"]}}}}
        }
    }
    with pytest.raises(SystemExit, match="A has no property 'x'"):
        narrowed_module(spec)


def test_x_lazy_must_name_a_list_of_models() -> None:
    parts = {"type": "array", "items": {"$ref": "#/components/schemas/PartDTO"}}
    box = {"type": "object", "properties": {"things": parts}, "x-lazy": ["things"]}
    check_lazy({"components": {"schemas": {**SPEC["components"]["schemas"], "Box": box}}})
    with_lazy = {
        "components": {
            "schemas": {
                **SPEC["components"]["schemas"],
                "Box": {
                    "type": "object",
                    "properties": {"things": {"type": "array", "items": {"type": "string"}}},
                    "x-lazy": ["things"],
                },
            }
        }
    }
    with pytest.raises(SystemExit, match="'things' is not one of its properties holding a list of models"):
        check_lazy(with_lazy)
