"""Check JSON values against the schemas of the bundled OpenAPI document (gladia_api/openapi.json).

The same checks run in two places: in the SDK, before anything is sent, and in the emulator, to answer
422 the way Gladia does. It covers the part of JSON Schema the spec uses: `$ref`, `allOf`, `anyOf`/`oneOf`,
`type` (with `null`), `enum`, `format` (uri, date-time), bounds, `required`, `properties`, `items` and
`additionalProperties`. Objects that list their properties refuse unknown keys unless they declare
`additionalProperties`, because an unknown option is almost always a typo that would be silently ignored.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from gladia._core.languages import suggest_code
from gladia_api.types import parse_datetime

Schema = Mapping[str, Any]

_JSON_NAMES = {
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "string": "a string",
    "array": "a list",
    "object": "an object (a dict)",
    "null": "null (None)",
}
_GOT_NAMES = {
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "array": "a list",
    "object": "a dict",
}
_LANGUAGE_ENUMS = frozenset({"TranscriptionLanguageCodeEnum", "TranslationLanguageCodeEnum"})


@functools.cache
def document() -> dict[str, Any]:
    """The OpenAPI document the generated package was built from."""
    from importlib import resources  # noqa: PLC0415  (only when options are first checked)

    text = resources.files("gladia_api").joinpath("openapi.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def json_type(value: object) -> str:
    """The JSON type name of a Python value, as JSON Schema names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _matches_type(value: object, expected: str) -> bool:
    actual = json_type(value)
    if expected == "number":
        return actual in ("integer", "number")
    if expected == "integer" and actual == "number":
        return float(value).is_integer()  # type: ignore[arg-type]
    return actual == expected


def _got(value: object) -> str:
    if value is None:
        return "None"
    kind = json_type(value)
    return f"{_GOT_NAMES.get(kind, kind)} {_short(value)}"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class Validator:
    """Collects every problem of a value against a schema, each as `path: message`."""

    def __init__(self, spec: Mapping[str, Any] | None = None) -> None:
        spec = document() if spec is None else spec
        self._schemas: Mapping[str, Schema] = spec["components"]["schemas"]

    def schema(self, name: str) -> Schema:
        return self._schemas[name]

    def problems(self, value: object, schema: Schema | str) -> list[str]:
        found: list[str] = []
        if isinstance(schema, str):
            self._check(value, {"$ref": f"#/components/schemas/{schema}"}, "", found, None)
        else:
            self._check(value, schema, "", found, None)
        return found

    # -------------------------------------------------------------------------------------------- internals

    def _resolve(self, schema: Schema, name: str | None) -> tuple[Schema, str | None]:
        while "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**self._schemas[name], **siblings}
        return schema, name

    def _types(self, schema: Schema) -> list[str] | None:
        kind = schema.get("type")
        if kind is None:
            return None
        kinds = [kind] if isinstance(kind, str) else list(kind)
        if schema.get("nullable") is True:
            kinds.append("null")
        return kinds

    def _check(self, value: object, schema: Schema, path: str, out: list[str], name: str | None) -> None:
        schema, name = self._resolve(schema, name)
        for part in schema.get("allOf", ()):
            self._check(value, part, path, out, name)
        variants = schema.get("anyOf") or schema.get("oneOf")
        if variants:
            self._check_variants(value, variants, path, out)
            return
        kinds = self._types(schema)
        if kinds is not None and not any(_matches_type(value, k) for k in kinds):
            wanted = " or ".join(_JSON_NAMES.get(k, k) for k in kinds if k != "null") or _JSON_NAMES["null"]
            out.append(f"{path or 'the value'}: expected {wanted}, got {_got(value)}")
            return
        if value is None:
            return
        if "enum" in schema and value not in schema["enum"]:
            out.append(self._enum_problem(value, schema["enum"], path, name))
            return
        if isinstance(value, str):
            self._check_string(value, schema, path, out)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self._check_number(value, schema, path, out)
        elif isinstance(value, (list, tuple)):
            self._check_array(value, schema, path, out)
        elif isinstance(value, Mapping):
            self._check_object(value, schema, path, out)

    def _check_variants(self, value: object, variants: list[Schema], path: str, out: list[str]) -> None:
        resolved = [self._resolve(v, None) for v in variants]
        if value is None and any(self._types(s) == ["null"] for s, _ in resolved):
            return
        fitting = [
            (s, n) for s, n in resolved if any(_matches_type(value, k) for k in (self._types(s) or []))
        ]
        if len(fitting) == 1:
            self._check(value, fitting[0][0], path, out, fitting[0][1])
            return
        for schema, name in fitting:  # several fit the JSON type: valid if any one accepts it
            attempt: list[str] = []
            self._check(value, schema, path, attempt, name)
            if not attempt:
                return
        if fitting:
            self._check(value, fitting[0][0], path, out, fitting[0][1])
            return
        kinds = [k for s, _ in resolved for k in (self._types(s) or []) if k != "null"]
        wanted = " or ".join(dict.fromkeys(_JSON_NAMES.get(k, k) for k in kinds))
        out.append(f"{path or 'the value'}: expected {wanted}, got {_got(value)}")

    def _enum_problem(self, value: object, allowed: list[Any], path: str, name: str | None) -> str:
        where = path or "the value"
        if name in _LANGUAGE_ENUMS:
            hint = suggest_code(value, frozenset(allowed)) if isinstance(value, str) else None
            text = f"{where}: {_short(value)} is not a language code"
            return text + (f"; did you mean {hint!r}?" if hint else "; use an ISO 639-1 code such as 'en'")
        import difflib  # noqa: PLC0415  (only for a message)

        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.5)
        if isinstance(value, str) and not close:
            close = [a for a in allowed if isinstance(a, str) and a.lower() == value.lower()]
        listed = ", ".join(map(str, allowed)) if len(allowed) <= 12 else f"{len(allowed)} values"
        text = f"{where}: {_short(value)} is not one of {listed}"
        return text + (f"; did you mean {close[0]!r}?" if close else "")

    def _check_string(self, value: str, schema: Schema, path: str, out: list[str]) -> None:
        fmt = schema.get("format")
        if fmt == "uri" and not is_http_url(value):
            out.append(f"{path or 'the value'}: {_short(value)} is not an http(s) URL")
        elif fmt == "date-time":
            try:
                parse_datetime(value)
            except ValueError:
                out.append(f"{path or 'the value'}: {_short(value)} is not an ISO 8601 date-time")
        if "minLength" in schema and len(value) < schema["minLength"]:
            out.append(f"{path or 'the value'}: must be at least {schema['minLength']} characters long")

    def _check_number(self, value: float, schema: Schema, path: str, out: list[str]) -> None:
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{path}: {value!r} is below the minimum of {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{path}: {value!r} is above the maximum of {schema['maximum']}")

    def _check_array(
        self, value: list[Any] | tuple[Any, ...], schema: Schema, path: str, out: list[str]
    ) -> None:
        if "minItems" in schema and len(value) < schema["minItems"]:
            need = schema["minItems"]
            out.append(f"{path}: needs at least {need} item{'s' if need != 1 else ''}, got {len(value)}")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            out.append(f"{path}: takes at most {schema['maxItems']} items, got {len(value)}")
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                self._check(item, items, f"{path}[{index}]", out, None)

    def _check_object(self, value: Mapping[str, Any], schema: Schema, path: str, out: list[str]) -> None:
        properties: Mapping[str, Schema] = schema.get("properties", {})
        prefix = f"{path}." if path else ""
        for key in schema.get("required", ()):
            if key not in value:
                out.append(f"{prefix}{key}: required{f' in {path}' if path else ''} but missing")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                self._check(item, properties[key], f"{prefix}{key}", out, None)
            elif isinstance(extra, Mapping):
                self._check(item, extra, f"{prefix}{key}", out, None)
            elif extra is None and properties:
                out.append(self._unknown_key(key, properties, path))

    @staticmethod
    def _unknown_key(key: str, properties: Mapping[str, Schema], path: str) -> str:
        import difflib  # noqa: PLC0415  (only for a message)

        close = difflib.get_close_matches(key, list(properties), n=1, cutoff=0.6)
        owner = f" of {path}" if path else ""
        hint = (
            f"; did you mean {close[0]!r}?" if close else f"; valid options{owner}: {', '.join(properties)}"
        )
        return f"{path + '.' if path else ''}{key}: not an option{owner}{hint}"


@functools.cache
def default_validator() -> Validator:
    return Validator()
