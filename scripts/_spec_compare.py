"""Structural drift between our OpenAPI document and Gladia's, limited to the surface the SDK covers.

The surface is the pre-recorded API (upload, jobs, their callbacks and webhooks) and the live API: the
`/v2/live` paths, the `live.*` webhooks, every message a live session's WebSocket carries (upstream's
`*Message` schemas) and the callback bodies that wrap them (`CallbackLive*Message`); no path references
those messages or callback bodies, so they are roots of their own.

Two documents are compared as structures, never as text: operations (method and path, parameters,
request bodies, response statuses), webhooks, and every schema reachable from them, property by
property (type, nullability, format, enum values, required, defaults, bounds, items, additional
properties, variants). Descriptions, examples and titles are ignored, as are the spellings that mean
the same thing (`nullable: true` vs a `null` type, a `$ref` wrapped in a one-element `allOf`, an inline
schema vs a named one with the same shape).

Every difference is a `Drift` with a key such as `required PreRecordedResponse.version`. The keys listed
in openapi/DEVIATIONS.md (a `*` matches anything) are deliberate and excused; anything else is reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SURFACE_PATHS = (
    "/v2/upload",
    "/v2/pre-recorded",
    "/v2/pre-recorded/{id}",
    "/v2/pre-recorded/{id}/file",
    "/v2/live",
    "/v2/live/{id}",
    "/v2/live/{id}/file",
)
SURFACE_WEBHOOKS = (
    "transcription.created",
    "transcription.success",
    "transcription.error",
    "live.start_session",
    "live.start_recording",
    "live.end_recording",
    "live.end_session",
)
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
IGNORED_KEYS = {
    "description",
    "summary",
    "title",
    "example",
    "examples",
    "externalDocs",
    "deprecated",
    "readOnly",
    "writeOnly",
    "xml",
    "$comment",
    "contentMediaType",
}
BOUNDS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)

Schema = dict[str, Any]


def load_document(source: str) -> dict[str, Any]:
    """Read an OpenAPI document (JSON or YAML) from a path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        import httpx

        text = httpx.get(source, follow_redirects=True, timeout=30).raise_for_status().text
    else:
        text = Path(source).read_text(encoding="utf-8")
    try:
        return dict(json.loads(text))
    except json.JSONDecodeError:
        pass
    try:  # YAML 1.2, as the generator reads it
        from ruamel.yaml import YAML
    except ImportError:  # the generator (and ruamel) need Python 3.11; PyYAML reads our spec the same way
        import yaml

        return dict(yaml.safe_load(text))
    return dict(YAML(typ="safe", pure=True).load(text))


@dataclass(frozen=True)
class Drift:
    kind: str
    where: str
    detail: str

    @property
    def key(self) -> str:
        return f"{self.kind} {self.where}"


@dataclass(frozen=True)
class Deviation:
    pattern: str
    reason: str

    def matches(self, key: str) -> bool:
        regex = ".*".join(re.escape(part) for part in self.pattern.split("*"))
        return re.fullmatch(regex, key) is not None


def load_deviations(path: Path) -> list[Deviation]:
    """Read the `| `key` | reason |` rows of DEVIATIONS.md."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|\s*$", line)
        if match:
            rows.append(Deviation(match.group(1), match.group(2)))
    return rows


@dataclass
class Report:
    surface: str
    drifts: list[Drift]
    deviations: list[Deviation]
    excused: list[tuple[Drift, Deviation]] = field(init=False)
    unlisted: list[Drift] = field(init=False)
    stale: list[Deviation] = field(init=False)

    def __post_init__(self) -> None:
        self.excused, self.unlisted = [], []
        used: set[str] = set()
        for drift in self.drifts:
            deviation = next((d for d in self.deviations if d.matches(drift.key)), None)
            if deviation is None:
                self.unlisted.append(drift)
            else:
                self.excused.append((drift, deviation))
                used.add(deviation.pattern)
        self.stale = [d for d in self.deviations if d.pattern not in used]

    def render(self, upstream: str) -> str:
        lines = [f"Compared openapi/gladia.yaml with {upstream}", f"Surface: {self.surface}", ""]
        lines.append(f"Unlisted drift: {len(self.unlisted)}")
        lines += [f"  {d.key}: {d.detail}" for d in self.unlisted]
        lines.append(f"Listed deviations (excused): {len(self.excused)}")
        lines += [f"  {d.key}: {d.detail}" for d, _ in self.excused]
        if self.stale:
            lines.append(f"Deviation entries that no longer match any drift (remove them): {len(self.stale)}")
            lines += [f"  {d.pattern}" for d in self.stale]
        verdict = (
            "OK: no unlisted drift"
            if not self.unlisted
            else "DRIFT: list each difference in "
            "openapi/DEVIATIONS.md with its reason, or change openapi/gladia.yaml"
        )
        lines += ["", verdict]
        return "\n".join(lines)


class _Doc:
    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.components = document.get("components", {})
        self.schemas: Mapping[str, Schema] = self.components.get("schemas", {})

    def deref(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node:
            section, name = node["$ref"].split("/")[-2:]
            node = self.components[section][name]
        return node


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def canon(schema: Mapping[str, Any]) -> Schema:
    """One spelling for schemas that mean the same thing (see the module docstring)."""
    s: Schema = {k: v for k, v in schema.items() if k not in IGNORED_KEYS and not k.startswith("x-")}
    nullable = s.pop("nullable", False) is True
    for combinator in ("anyOf", "oneOf"):
        if combinator in s:
            variants = [v for v in s[combinator] if v.get("type") != "null"]
            nullable = nullable or len(variants) < len(s[combinator])
            if len(variants) == 1:
                del s[combinator]
                s = _merge(s, variants[0])
            else:
                s[combinator] = variants
    if "allOf" in s and len(s["allOf"]) == 1:
        s = _merge({k: v for k, v in s.items() if k != "allOf"}, s["allOf"][0])
    kind = s.get("type")
    if isinstance(kind, list):
        nullable = nullable or "null" in kind
        kinds = [k for k in kind if k != "null"]
        s["type"] = kinds[0] if len(kinds) == 1 else sorted(kinds)
    if s.pop("nullable", False):
        nullable = True
    if "$ref" in s and s.get("type") == "object":
        del s["type"]  # `type: object` beside a reference to an object adds nothing
    if nullable:
        s["nullable"] = True
    return s


def _merge(outer: Schema, inner: Mapping[str, Any]) -> Schema:
    merged = canon(inner)
    for key, value in outer.items():
        if key == "nullable":
            merged["nullable"] = merged.get("nullable", False) or value
        else:
            merged[key] = value
    return merged


def _few(values: set[Any], shown: int = 8) -> str:
    listed = sorted(map(str, values))
    more = f" and {len(listed) - shown} more" if len(listed) > shown else ""
    return "[" + ", ".join(listed[:shown]) + more + "]"


def _describe(s: Schema) -> str:
    if "$ref" in s:
        return ref_name(s["$ref"])
    return str(s.get("type", "any")) + ("|null" if s.get("nullable") else "")


class _Comparer:
    def __init__(self, ours: _Doc, theirs: _Doc) -> None:
        self.ours, self.theirs = ours, theirs
        self._inline_pairs: set[tuple[str, str]] = set()

    def schema(self, a_raw: Mapping[str, Any], b_raw: Mapping[str, Any], where: str) -> Iterator[Drift]:
        a, b = canon(a_raw), canon(b_raw)
        if "$ref" in a and "$ref" in b and ref_name(a["$ref"]) == ref_name(b["$ref"]):
            # The named schema itself is compared once, at the top level; only what sits beside the
            # reference belongs to this place.
            yield from self._siblings(a, b, where)
            return
        if "$ref" in a or "$ref" in b:
            pair = (a.get("$ref", where), b.get("$ref", where))
            if pair in self._inline_pairs:
                return
            self._inline_pairs.add(pair)
            a = self._resolved(self.ours, a)
            b = self._resolved(self.theirs, b)
        yield from self._body(a, b, where)

    def _resolved(self, doc: _Doc, s: Schema) -> Schema:
        if "$ref" not in s:
            return s
        target = canon(doc.schemas[ref_name(s["$ref"])])
        return {**target, **{k: v for k, v in s.items() if k != "$ref"}}

    @staticmethod
    def _siblings(a: Schema, b: Schema, where: str) -> Iterator[Drift]:
        if a.get("nullable", False) != b.get("nullable", False):
            yield Drift(
                "nullable", where, f"ours {bool(a.get('nullable'))}, upstream {bool(b.get('nullable'))}"
            )
        if a.get("default") != b.get("default"):
            yield Drift("default", where, f"ours {a.get('default')!r}, upstream {b.get('default')!r}")

    def _body(self, a: Schema, b: Schema, where: str) -> Iterator[Drift]:
        yield from self._siblings(a, b, where)
        a_type, b_type = a.get("type"), b.get("type")
        if a_type != b_type:
            yield Drift("type", where, f"ours {a_type}, upstream {b_type}")
        if a.get("format") != b.get("format"):
            yield Drift("format", where, f"ours {a.get('format')}, upstream {b.get('format')}")
        if "enum" in a or "enum" in b:
            a_enum, b_enum = set(a.get("enum", [])), set(b.get("enum", []))
            if a_enum != b_enum:
                added, removed = _few(a_enum - b_enum), _few(b_enum - a_enum)
                yield Drift("enum", where, f"only ours {added}, only upstream {removed}")
        for bound in BOUNDS:
            if a.get(bound) != b.get(bound):
                yield Drift("bound", f"{where}.{bound}", f"ours {a.get(bound)}, upstream {b.get(bound)}")
        a_props, b_props = a.get("properties", {}), b.get("properties", {})
        a_req, b_req = set(a.get("required", [])), set(b.get("required", []))
        for name in sorted(set(a_props) | set(b_props)):
            here = f"{where}.{name}"
            if name not in b_props:
                yield Drift("property-extra", here, f"ours only ({_describe(canon(a_props[name]))})")
            elif name not in a_props:
                yield Drift("property-missing", here, f"upstream only ({_describe(canon(b_props[name]))})")
            else:
                yield from self.schema(a_props[name], b_props[name], here)
        for name in sorted(a_req ^ b_req):
            if name in a_props or name in b_props:
                side = "ours" if name in a_req else "upstream"
                yield Drift("required", f"{where}.{name}", f"required in {side} only")
        if "items" in a or "items" in b:
            yield from self.schema(a.get("items", {}), b.get("items", {}), f"{where}[]")
        a_add, b_add = a.get("additionalProperties", True), b.get("additionalProperties", True)
        if isinstance(a_add, dict) and isinstance(b_add, dict):
            yield from self.schema(a_add, b_add, f"{where}{{*}}")
        elif (a_add if isinstance(a_add, bool) else "schema") != (
            b_add if isinstance(b_add, bool) else "schema"
        ):
            yield Drift("additionalProperties", where, f"ours {a_add}, upstream {b_add}")
        for combinator in ("oneOf", "anyOf", "allOf"):
            a_var, b_var = a.get(combinator, []), b.get(combinator, [])
            if len(a_var) != len(b_var):
                yield Drift("variants", where, f"{combinator}: ours {len(a_var)}, upstream {len(b_var)}")
            else:
                for i, (x, y) in enumerate(zip(a_var, b_var, strict=True)):
                    yield from self.schema(x, y, f"{where}<{combinator}{i}>")


def _operations(doc: _Doc, paths: tuple[str, ...] | None) -> dict[str, tuple[Mapping[str, Any], list[Any]]]:
    found = {}
    for path, item in doc.document.get("paths", {}).items():
        if paths is not None and path not in paths:
            continue
        for method in METHODS:
            if method in item:
                params = list(item.get("parameters", [])) + list(item[method].get("parameters", []))
                found[f"{method.upper()} {path}"] = (item[method], params)
    return found


def _reachable(doc: _Doc, roots: list[Any]) -> set[str]:
    names: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                section, name = ref.split("/")[-2:]
                if section == "schemas" and name not in names:
                    names.add(name)
                    stack.append(doc.schemas[name])
                elif section != "schemas":
                    stack.append(doc.components[section][name])
            stack.extend(v for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend(node)
    return names


def is_socket_message(name: str) -> bool:
    """True for the schema of a message a live session's WebSocket carries (not its callback wrapper)."""
    return name.endswith("Message") and not name.startswith("Callback")


def is_unreferenced_root(name: str) -> bool:
    """True for a schema of the surface that no path or webhook references: a pre-recorded callback body,
    a live callback body (`CallbackLive*`), or a message a live session's WebSocket carries."""
    return (
        (name.startswith("Callback") and "Transcription" in name)
        or name.startswith("CallbackLive")
        or is_socket_message(name)
    )


def compare(
    ours_doc: Mapping[str, Any], theirs_doc: Mapping[str, Any], deviations: list[Deviation]
) -> Report:
    ours, theirs = _Doc(ours_doc), _Doc(theirs_doc)
    cmp = _Comparer(ours, theirs)
    drifts: list[Drift] = []

    our_ops, their_ops = _operations(ours, None), _operations(theirs, SURFACE_PATHS)
    for key in sorted(set(our_ops) | set(their_ops)):
        if key not in their_ops:
            drifts.append(Drift("operation-extra", key, "ours only"))
        elif key not in our_ops:
            drifts.append(Drift("operation-missing", key, "upstream only"))
        else:
            drifts += _compare_operation(cmp, ours, theirs, key, our_ops[key], their_ops[key])

    our_hooks = ours.document.get("webhooks", {})
    their_hooks = {k: v for k, v in theirs.document.get("webhooks", {}).items() if k in SURFACE_WEBHOOKS}
    for name in sorted(set(our_hooks) | set(their_hooks)):
        if name not in their_hooks:
            drifts.append(Drift("webhook-extra", name, "ours only"))
        elif name not in our_hooks:
            drifts.append(Drift("webhook-missing", name, "upstream only"))
        else:
            a = our_hooks[name]["post"]["requestBody"]["content"]["application/json"]["schema"]
            b = their_hooks[name]["post"]["requestBody"]["content"]["application/json"]["schema"]
            drifts += cmp.schema(a, b, f"webhook {name}")

    roots: list[Any] = [theirs.document["paths"][p] for p in SURFACE_PATHS if p in theirs.document["paths"]]
    roots += list(their_hooks.values())
    roots += [{"$ref": f"#/components/schemas/{n}"} for n in theirs.schemas if is_unreferenced_root(n)]
    their_names = _reachable(theirs, roots)
    our_names = set(ours.schemas)
    for name in sorted(our_names | their_names):
        if name not in their_names:
            drifts.append(Drift("schema-extra", name, "ours only"))
        elif name not in our_names:
            drifts.append(Drift("schema-missing", name, "upstream only"))
        else:
            drifts += cmp._body(canon(ours.schemas[name]), canon(theirs.schemas[name]), name)

    header = {s.get("name") for s in ours.components.get("securitySchemes", {}).values()}
    their_header = {s.get("name") for s in theirs.components.get("securitySchemes", {}).values()}
    if header != their_header:
        drifts.append(
            Drift("security", "securitySchemes", f"ours {sorted(header)}, upstream {sorted(their_header)}")
        )

    surface = (
        f"{len(their_ops)} upstream operations, {len(their_hooks)} webhooks, "
        f"{len(their_names)} upstream schemas; ours has {len(our_ops)}, {len(our_hooks)}, {len(our_names)}"
    )
    return Report(surface, drifts, deviations)


def _compare_operation(
    cmp: _Comparer,
    ours: _Doc,
    theirs: _Doc,
    key: str,
    mine: tuple[Mapping[str, Any], list[Any]],
    upstream: tuple[Mapping[str, Any], list[Any]],
) -> Iterator[Drift]:
    (a_op, a_params), (b_op, b_params) = mine, upstream
    a_by = {(p["in"], p["name"]): p for p in map(ours.deref, a_params)}
    b_by = {(p["in"], p["name"]): p for p in map(theirs.deref, b_params)}
    for loc, name in sorted(set(a_by) | set(b_by)):
        where = f"{key} {loc}.{name}"
        if (loc, name) not in b_by:
            yield Drift("parameter-extra", where, "ours only")
        elif (loc, name) not in a_by:
            yield Drift("parameter-missing", where, "upstream only")
        else:
            a, b = a_by[(loc, name)], b_by[(loc, name)]
            if bool(a.get("required")) != bool(b.get("required")):
                yield Drift("required", where, f"ours {a.get('required')}, upstream {b.get('required')}")
            yield from cmp.schema(a.get("schema", {}), b.get("schema", {}), where)

    a_body = ours.deref(a_op.get("requestBody", {})).get("content", {})
    b_body = theirs.deref(b_op.get("requestBody", {})).get("content", {})
    for media in sorted(set(a_body) | set(b_body)):
        where = f"{key} body[{media}]"
        if media not in b_body:
            yield Drift("body-extra", where, "ours only")
        elif media not in a_body:
            yield Drift("body-missing", where, "upstream only")
        else:
            yield from cmp.schema(a_body[media].get("schema", {}), b_body[media].get("schema", {}), where)

    a_resp, b_resp = a_op.get("responses", {}), b_op.get("responses", {})
    for status in sorted(set(a_resp) | set(b_resp)):
        where = f"{key} {status}"
        if status not in b_resp:
            yield Drift("response-extra", where, "ours only")
        elif status not in a_resp:
            yield Drift("response-missing", where, "upstream only")
        else:
            a_content = ours.deref(a_resp[status]).get("content", {})
            b_content = theirs.deref(b_resp[status]).get("content", {})
            for media in sorted(set(a_content) | set(b_content)):
                if media not in a_content or media not in b_content:
                    side = "ours" if media in a_content else "upstream"
                    yield Drift("response-content", f"{where} {media}", f"{side} only")
                else:
                    yield from cmp.schema(
                        a_content[media].get("schema", {}),
                        b_content[media].get("schema", {}),
                        f"{where} {media}",
                    )
