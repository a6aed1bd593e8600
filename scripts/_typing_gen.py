"""Two modules of static types that openapi-python-client cannot write, compiled from the spec by regenerate.py.

- `params.py`: a TypedDict for every JSON request body and every object it nests (and a `Literal` alias for
  every string enum they use), so a dict literal of options is checked by mypy and pyright and completed by
  IDEs, while staying a plain dict at run time. Required properties are required keys. A schema with both
  required and optional properties also gets `<Name>OptionalParams`, its optional keys alone: the options
  of a call that fills the required ones itself (`transcribe(source, options)` and `audio_url`).
- `narrowed.py`: the narrowed views a schema declares with `x-narrowed`, e.g. a job whose status is `done`
  always has its `result`. Each is a subclass for type checkers only (at run time, the model itself), in
  which the listed properties are present and not null:

      x-narrowed:
        DonePreRecordedResponse:            # the name of the view
          description: ...                  # its docstring
          present:                          # property: the view's type for it (null: its own type)
            result: DoneTranscriptionResultDTO

Only the spec decides what these modules hold: no schema is named here.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from typing import Any

Schema = Mapping[str, Any]
_REF = "#/components/schemas/"
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
HEADER = '"""{doc}\n\nGenerated from openapi/gladia.yaml by scripts/regenerate.py; never edit by hand.\n"""\n'


def _ref_name(schema: Schema) -> str | None:
    """The component a schema stands for: a `$ref`, or a `$ref` wrapped in a one-element `allOf`."""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(_REF)
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and "$ref" in all_of[0]:
        return str(all_of[0]["$ref"]).removeprefix(_REF)
    return None


def _types(schema: Schema) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return []
    return list(kind) if isinstance(kind, list) else [kind]


def _docstring(text: str | None, indent: str) -> str:
    if not text:
        return ""
    body = " ".join(str(text).split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'{indent}"""{body}"""\n'


def _literal(values: list[Any]) -> str:
    return "Literal[" + ", ".join(repr(v) for v in values) + "]"


# --------------------------------------------------------------------------------------------- params.py


class _Params:
    def __init__(self, document: Mapping[str, Any]) -> None:
        self.schemas: Mapping[str, Schema] = document.get("components", {}).get("schemas", {})
        self.document = document
        self.objects: list[str] = []  # in the order they must be written (dependencies first)
        self.enums: list[str] = []
        self.enum_classes: set[str] = set()
        self._seen: set[str] = set()

    def class_name(self, schema_name: str) -> str:
        # `FooDto` reads as `FooParams`, unless the document also has a schema `Foo` (Gladia's has both
        # `CallbackConfigDto`, pre-recorded, and `CallbackConfig`, live): then the suffix stays.
        short = re.sub(r"(DTO|Dto)$", "", schema_name)
        return (short if short == schema_name or short not in self.schemas else schema_name) + "Params"

    @staticmethod
    def enum_name(schema_name: str) -> str:
        return re.sub(r"Enum$", "", schema_name) + "Literal"

    def roots(self) -> Iterator[str]:
        """The component schemas of every JSON request body, in document order."""
        for item in self.document.get("paths", {}).values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                content = operation.get("requestBody", {}).get("content", {})
                for media_type, body in content.items():
                    if media_type.endswith("json"):
                        name = _ref_name(body.get("schema", {}))
                        if name is not None:
                            yield name

    def visit(self, name: str) -> None:
        if name in self._seen:
            return
        self._seen.add(name)
        schema = self.schemas[name]
        if "enum" in schema and "properties" not in schema:
            self.enums.append(name)
            return
        for prop in schema.get("properties", {}).values():
            for ref in self._refs(prop):
                self.visit(ref)
        self.objects.append(name)

    def _refs(self, schema: Schema) -> Iterator[str]:
        name = _ref_name(schema)
        if name is not None:
            yield name
            return
        for key in ("oneOf", "anyOf", "allOf"):
            for variant in schema.get(key, []):
                yield from self._refs(variant)
        if isinstance(schema.get("items"), dict):
            yield from self._refs(schema["items"])
        if isinstance(schema.get("additionalProperties"), dict):
            yield from self._refs(schema["additionalProperties"])

    def type_of(self, schema: Schema) -> str:
        name = _ref_name(schema)
        if name is not None:
            target = self.schemas[name]
            if "enum" in target and "properties" not in target:
                # The generated str Enum's members are accepted too (they serialise as their value).
                self.enum_classes.add(name)
                return f"{self.enum_name(name)} | {name}"
            if "properties" in target or target.get("type") == "object":
                return self.class_name(name)
            return self.type_of(target)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return " | ".join(dict.fromkeys(self.type_of(variant) for variant in schema[key]))
        kinds = _types(schema)
        parts: list[str] = []
        for kind in kinds or ["any"]:
            if kind == "string" and "enum" in schema:
                parts.append(_literal([v for v in schema["enum"] if v is not None]))
            elif kind in _PRIMITIVES:
                parts.append(_PRIMITIVES[kind])
            elif kind == "array":
                items = schema.get("items")
                parts.append(f"Sequence[{self.type_of(items) if isinstance(items, dict) else 'Any'}]")
            elif kind == "object":
                extra = schema.get("additionalProperties", True)
                value = self.type_of(extra) if isinstance(extra, dict) else "Any"
                parts.append(f"Mapping[str, {value}]")
            else:
                parts.append("Any")
        return " | ".join(dict.fromkeys(parts))

    def write_object(self, name: str) -> str:
        schema = self.schemas[name]
        properties: Mapping[str, Schema] = schema.get("properties", {})
        required = [p for p in properties if p in set(schema.get("required", []))]
        optional = [p for p in properties if p not in required]
        if any(not p.isidentifier() or keyword.iskeyword(p) for p in properties):
            raise SystemExit(f"{name}: a property name is not a Python identifier; extend _typing_gen.py")
        cls = self.class_name(name)
        description = schema.get("description") or f"The JSON object `{name}`, as a dict."
        out = []
        if required and optional:
            base = cls.removesuffix("Params") + "OptionalParams"
            doc = f"The optional keys of {cls}: {cls} without {', '.join(required)}."
            out.append(self._class(name, base, "TypedDict, total=False", doc, optional))
            out.append(self._class(name, cls, base, description, required))
        elif required:
            out.append(self._class(name, cls, "TypedDict", description, required))
        else:
            out.append(self._class(name, cls, "TypedDict, total=False", description, optional))
        return "\n\n".join(out)

    def _class(self, name: str, cls: str, bases: str, doc: str, keys: list[str]) -> str:
        properties = self.schemas[name]["properties"]
        lines = [f"class {cls}({bases}):\n", _docstring(doc, "    ")]
        for key in keys:
            prop = properties[key]
            lines.append(f"    {key}: {self.type_of(prop)}\n")
            note = prop.get("description", "")
            if prop.get("deprecated"):
                note = f"Deprecated. {note}"
            if "default" in prop:
                note = f"{note} Default: {prop['default']!r}.".strip()
            lines.append(_docstring(note, "    "))
        return "".join(lines)


def params_module(document: Mapping[str, Any]) -> str:
    """The source of `params.py`: TypedDicts for the JSON request bodies of `document`."""
    params = _Params(document)
    for root in params.roots():
        params.visit(root)
    names: list[str] = []
    body: list[str] = []
    for enum in params.enums:
        schema = params.schemas[enum]
        alias = params.enum_name(enum)
        names.append(alias)
        body.append(f"\n{alias} = {_literal(schema['enum'])}\n")
        body.append(_docstring(schema.get("description") or f"The values of `{enum}`.", ""))
    for name in params.objects:
        body.append("\n\n" + params.write_object(name))  # also collects the enum classes it names
        schema = params.schemas[name]
        if schema.get("required") and set(schema.get("properties", {})) - set(schema["required"]):
            names.append(params.class_name(name).removesuffix("Params") + "OptionalParams")
        names.append(params.class_name(name))
    out = [
        HEADER.format(
            doc="TypedDicts of the JSON request bodies: options as dict literals that type checkers verify."
        ),
        "from __future__ import annotations\n\n",
        "from collections.abc import Mapping, Sequence\n",
        "from typing import TYPE_CHECKING, Any, Literal, TypedDict\n\n",
        "if TYPE_CHECKING:\n",
        *(f"    from .models import {name}\n" for name in sorted(params.enum_classes)),
        "    pass\n" if not params.enum_classes else "",
        *body,
        "\n\n__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n",
    ]
    return "".join(out)


# --------------------------------------------------------------------------------------------- narrowed.py


def narrowed_module(document: Mapping[str, Any]) -> str:
    """The source of `narrowed.py`: the `x-narrowed` views of the schemas of `document`."""
    schemas: Mapping[str, Schema] = document.get("components", {}).get("schemas", {})
    views: dict[str, tuple[str, str, dict[str, str]]] = {}  # view: (base, docstring, {property: type})
    for base, schema in schemas.items():
        for view, spec in (schema.get("x-narrowed") or {}).items():
            present = spec.get("present") or {}
            if isinstance(present, list):
                present = dict.fromkeys(present)
            fields = {}
            for prop, wanted in present.items():
                if prop not in schema.get("properties", {}):
                    raise SystemExit(f"x-narrowed {view}: {base} has no property {prop!r}")
                fields[prop] = wanted or _own_type(schema["properties"][prop], schemas, f"{base}.{prop}")
            views[view] = (base, spec.get("description", ""), fields)
    models = sorted({base for base, _, _ in views.values()} | _model_names(views))
    out = [
        HEADER.format(
            doc="Narrowed views of the models, for type checkers: what is always there in a given state."
            "\n\nAt run time each view is the model itself; the SDK returns one only where it checked what "
            "the view promises."
        ),
        "from __future__ import annotations\n\n",
        "from typing import TYPE_CHECKING\n\n",
        "if TYPE_CHECKING:\n",
        *(f"    from .models import {m}\n" for m in models),
    ]
    for view, (base, doc, fields) in _ordered(views):
        out.append(f"\n    class {view}({base}):\n")
        out.append(_docstring(doc, "        ") or "        pass\n")
        for prop, kind in fields.items():
            out.append(f"        {prop}: {kind}  # pyright: ignore[reportIncompatibleVariableOverride]\n")
    # At run time a view is its model, loaded on first use like the models themselves (PEP 562).
    out.append("\nelse:\n")
    out.append("    _MODEL_OF = {\n")
    for view, (base, _, _) in _ordered(views):
        out.append(f'        "{view}": "{base}",\n')
    out.append("    }\n\n")
    out.append(
        "    def __getattr__(name: str) -> type:\n"
        "        if name not in _MODEL_OF:\n"
        '            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
        "        from . import models\n\n"
        "        value: type = getattr(models, _MODEL_OF[name])\n"
        "        globals()[name] = value\n"
        "        return value\n"
    )
    out.append("\n__all__ = [\n" + "".join(f'    "{v}",\n' for v in sorted(views)) + "]\n")
    return "".join(out)


def _ordered(
    views: dict[str, tuple[str, str, dict[str, str]]],
) -> list[tuple[str, tuple[str, str, dict[str, str]]]]:
    """Views that others name come first, so each class exists before it is used."""
    done: list[str] = []

    def visit(view: str) -> None:
        if view in done:
            return
        for kind in views[view][2].values():
            if kind in views:
                visit(kind)
        done.append(view)

    for view in views:
        visit(view)
    return [(v, views[v]) for v in done]


def _model_names(views: dict[str, tuple[str, str, dict[str, str]]]) -> set[str]:
    names = set()
    for _, _, fields in views.values():
        for kind in fields.values():
            names.update(n for n in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", kind) if n not in views)
    return names - set(_PRIMITIVES.values()) - {"list", "dict", "Any"}


def _own_type(prop: Schema, schemas: Mapping[str, Schema], where: str) -> str:
    """The type of a property once present and not null: its model, or its primitive type."""
    name = _ref_name(prop)
    if name is None:
        for key in ("anyOf", "oneOf"):
            refs = [v for v in prop.get(key, []) if _types(v) != ["null"]]
            if len(refs) == 1:
                return _own_type(refs[0], schemas, where)
    if name is not None:
        return name
    kinds = [k for k in _types(prop) if k != "null"]
    if len(kinds) == 1 and kinds[0] in _PRIMITIVES and "enum" not in prop:
        return _PRIMITIVES[kinds[0]]
    raise SystemExit(f"x-narrowed: cannot name the type of {where}; give it in `present`")


def check_lazy(document: Mapping[str, Any]) -> None:
    """Refuse an `x-lazy` entry that is not a list of models of its schema (model.py.jinja reads them)."""
    schemas: Mapping[str, Schema] = document.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        for prop in schema.get("x-lazy") or []:
            found = schema.get("properties", {}).get(prop)
            items = (found or {}).get("items") or {}
            target = schemas.get(_ref_name(items) or "", {})
            if "array" not in _types(found or {}) or "properties" not in target:
                raise SystemExit(
                    f"x-lazy of {name}: {prop!r} is not one of its properties holding a list of models"
                )
