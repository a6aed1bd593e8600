"""The emulator's judge: JSON checked against the schemas of `openapi/gladia.yaml` by `jsonschema`.

Not the SDK's own validator (`gladia._core.schema`): the emulator must catch what the SDK gets wrong, so it
reads the document with a maintained JSON Schema implementation (Draft 2020-12, as OpenAPI 3.1 says). The
document is the one the generated package carries (`gladia_api/openapi.json`, written from
`openapi/gladia.yaml` by `scripts/regenerate.py`).

Two readings are the emulator's, as Gladia's server shows them:

- an object that lists its properties and says nothing of others refuses unknown keys (Gladia answers 400
  to a misspelled option rather than ignoring it); checked with `unevaluatedProperties: false`;
- `format: uri` is an absolute http(s) URL with a host; `format: date-time` an ISO 8601 date-time.

Each problem is one line, `path: what is wrong`, as Gladia's `validation_errors` are.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from dateutil.parser import isoparse

# No type stubs ship with jsonschema; its few names used here are typed by use.
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

Schema = Mapping[str, Any]

_TYPE_NAMES = {
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "string": "a string",
    "array": "a list",
    "object": "an object",
    "null": "null",
}
_LANGUAGE_ENUMS = ("TranscriptionLanguageCodeEnum", "TranslationLanguageCodeEnum")
# Enums longer than this are not spelled out in a problem (the language codes are about a hundred).
_ENUM_SHOWN = 12


@functools.cache
def document() -> dict[str, Any]:
    """Gladia's API as `openapi/gladia.yaml` declares it (the copy the generated package carries)."""
    text = resources.files("gladia_api").joinpath("openapi.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _uri(value: object) -> bool:
    return not isinstance(value, str) or is_http_url(value)


def _date_time(value: object) -> bool:
    if isinstance(value, str):
        isoparse(value)
    return True


_FORMATS = FormatChecker(formats=())
_FORMATS.checks("uri")(_uri)
_FORMATS.checks("date-time", raises=(ValueError, OverflowError))(_date_time)


def schema(name: str) -> Schema:
    """The component schema `name`, as the document declares it."""
    found: Schema = document()["components"]["schemas"][name]
    return found


def problems(value: object, name: str) -> list[str]:
    """Every way `value` breaks the component schema `name`, one `path: problem` line each (none: valid)."""
    found: list[str] = []
    for error in _validator(name).iter_errors(value):
        for line in _describe(error):
            if line not in found:
                found.append(line)
    # In the order of the body's own keys, as a reader scans it.
    keys = list(value) if isinstance(value, Mapping) else []
    return sorted(found, key=lambda line: _rank(line, keys))


def _rank(line: str, keys: list[Any]) -> int:
    head = line.split(":", 1)[0].split(".", 1)[0].split("[", 1)[0]
    return keys.index(head) if head in keys else len(keys)


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    schemas = {key: _closed(value) for key, value in document()["components"]["schemas"].items()}
    root = {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}}
    return Draft202012Validator(root, format_checker=_FORMATS)


def _closed(node: Any) -> Any:
    """The schema with every object that lists its properties, and says nothing of others, closed."""
    if isinstance(node, list):
        return [_closed(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    closed = {key: _closed(value) for key, value in node.items()}
    if (
        isinstance(node.get("properties"), Mapping)
        and node["properties"]
        and "additionalProperties" not in node
        and "unevaluatedProperties" not in node
    ):
        closed["unevaluatedProperties"] = False
    return closed


@functools.cache
def _language_codes() -> tuple[frozenset[str], ...]:
    schemas = document()["components"]["schemas"]
    return tuple(frozenset(schemas[name]["enum"]) for name in _LANGUAGE_ENUMS if name in schemas)


def _close(value: object, choices: Iterable[Any]) -> str:
    """`; did you mean 'x'?` for a value close to one of `choices`, else nothing."""
    if not isinstance(value, str):
        return ""
    options = [str(choice) for choice in choices]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    close = close or [o for o in options if o.lower() == value.lower()]
    return f"; did you mean {close[0]!r}?" if close else ""


def _path(parts: Iterable[Any]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _describe(error: ValidationError) -> list[str]:
    path = _path(error.absolute_path)
    where = path or "the body"
    value = error.instance
    kind = error.validator
    if kind == "required":
        prefix = f"{path}." if path else ""
        owner = f" in {path}" if path else ""
        wanted = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [key for key in wanted if isinstance(value, Mapping) and key not in value]
        return [f"{prefix}{key}: required{owner} but missing" for key in missing] or [
            f"{where}: {error.message}"
        ]
    if kind in ("unevaluatedProperties", "additionalProperties"):
        known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = [key for key in value if key not in known] if isinstance(value, Mapping) else []
        prefix = f"{path}." if path else ""
        owner = f" of {path}" if path else ""
        return [f"{prefix}{key}: not an option{owner}{_close(key, known)}" for key in extra] or [
            f"{where}: {error.message}"
        ]
    if kind == "enum":
        allowed = list(error.validator_value)
        if frozenset(allowed) in _language_codes():
            return [f"{where}: {_short(value)} is not a language code{_close(value, allowed)}"]
        listed = ", ".join(map(str, allowed)) if len(allowed) <= _ENUM_SHOWN else f"{len(allowed)} values"
        return [f"{where}: {_short(value)} is not one of {listed}{_close(value, allowed)}"]
    if kind == "const":
        return [f"{where}: must be {error.validator_value!r}, got {_short(value)}"]
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = " or ".join(_TYPE_NAMES.get(str(k), str(k)) for k in wanted if k != "null")
        return [f"{where}: expected {names or 'null'}, got {_json_type(value)} {_short(value)}"]
    if kind == "format":
        what = "an http(s) URL" if error.validator_value == "uri" else f"a valid {error.validator_value}"
        return [f"{where}: {_short(value)} is not {what}"]
    if kind in ("minimum", "exclusiveMinimum"):
        return [f"{where}: {value!r} is below the minimum of {error.validator_value}"]
    if kind in ("maximum", "exclusiveMaximum"):
        return [f"{where}: {value!r} is above the maximum of {error.validator_value}"]
    if kind == "minItems":
        return [f"{where}: needs at least {error.validator_value} item(s), got {len(value)}"]
    if kind == "maxItems":
        return [f"{where}: takes at most {error.validator_value} items, got {len(value)}"]
    if kind == "minLength":
        return [f"{where}: must be at least {error.validator_value} characters long"]
    if kind in ("anyOf", "oneOf"):
        # One problem, from the variant that fits the value's JSON type best.
        inner = [e for e in error.context or () if e.validator != "type"]
        if inner:
            return _describe(min(inner, key=lambda e: len(e.absolute_path) * -1))
        return [f"{where}: {_short(value)} is none of the forms allowed here"]
    return [f"{where}: {error.message}"]


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
