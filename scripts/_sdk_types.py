"""A second source for the drift report: the types generated into Gladia's official Python SDK (`gladiaio-sdk`).

Gladia generates `gladiaio_sdk/v2/prerecorded/generated_types.py` and `v2/live/generated_types.py` from its own,
current OpenAPI document, which it does not always publish. So an installed `gladiaio-sdk` is evidence of
that document: its enums (`Literal` aliases), its dataclasses' fields (and the ones marked deprecated in their
comments) and the message kinds its live client reads. This module reads those files with `ast` (nothing
of the SDK is imported or run) and compares them with `openapi/gladia.yaml`:

- `sdk-enum NAME`: an enum whose values differ (a new model, a removed language, ...);
- `sdk-field-new SCHEMA.FIELD` / `sdk-field-gone SCHEMA.FIELD`: a field the SDK has and we lack, or the reverse;
- `sdk-deprecated SCHEMA.FIELD`: deprecated for the SDK (its comment says so) but not in our spec, or the reverse;
- `sdk-event EVENT`: a live callback event or message kind one side has and the other not.

Keys are excused by rows of openapi/DEVIATIONS.md, as for the document's drift. Official types are named
`PreRecordedV2Foo` / `LiveV2Foo`; `_NAMES` maps those that are not ours with a suffix (`FooDTO`, `FooEnum`).
"""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _spec_compare import Drift

_FILES = ("v2/prerecorded/generated_types.py", "v2/live/generated_types.py")
_PREFIXES = ("PreRecordedV2", "LiveV2")
_SUFFIXES = ("", "DTO", "Dto", "Enum", "Response", "Message")
# Official names whose schema here is named otherwise (after the prefix is removed).
_NAMES = {
    "PreRecordedV2InitTranscriptionRequest": "InitTranscriptionRequest",
    "PreRecordedV2Response": "PreRecordedResponse",
    "PreRecordedV2ListResponse": "ListPreRecordedResponse",
    "PreRecordedV2TranscriptionResult": "TranscriptionResultDTO",
    "PreRecordedV2TranscriptionModel": "PreRecordedTranscriptionModel",
    "PreRecordedV2TranscriptionLanguageCode": "TranscriptionLanguageCodeEnum",
    "PreRecordedV2TranslationLanguageCode": "TranslationLanguageCodeEnum",
    "PreRecordedV2TranslationModel": "TranslationModelEnum",
    "PreRecordedV2SummaryType": "SummaryTypesEnum",
    "PreRecordedV2SubtitlesFormat": "SubtitlesFormatEnum",
    "PreRecordedV2SubtitlesStyle": "SubtitlesStyleEnum",
    "PreRecordedV2CallbackMethod": "CallbackMethodEnum",
    "PreRecordedV2AudioUploadMetadata": "AudioUploadMetadataDTO",
    "PreRecordedV2AudioUploadResponse": "AudioUploadResponse",
    "PreRecordedV2NamesConsistency": "NamesConsistencyDTO",
    "PreRecordedV2AudioToLlmList": "AudioToLlmListDTO",
    "PreRecordedV2AudioToLlmListConfig": "AudioToLlmListConfigDTO",
    "PreRecordedV2AudioToLlmResult": "AudioToLlmResultDTO",
    "PreRecordedV2CallbackConfig": "CallbackConfigDto",
    "PreRecordedV2LanguageConfig": "LanguageConfig",
    "PreRecordedV2Word": "WordDTO",
    "PreRecordedV2Utterance": "UtteranceDTO",
    "PreRecordedV2Subtitle": "SubtitleDTO",
    "PreRecordedV2Transcription": "TranscriptionDTO",
    "PreRecordedV2TranscriptionMetadata": "TranscriptionMetadataDTO",
    "PreRecordedV2AddonError": "AddonErrorDTO",
    "PreRecordedV2NamedEntityRecognitionResult": "NamedEntityRecognitionResult",
    "LiveV2InitRequest": "StreamingRequest",
    "LiveV2InitResponse": "InitStreamingResponse",
    "LiveV2Response": "StreamingResponse",
    "LiveV2ListResponse": "ListStreamingResponse",
    "LiveV2Model": "StreamingSupportedModels",
    "LiveV2RequestParamsResponse": "StreamingRequestParamsResponse",
    "LiveV2TranscriptionResultWithMessages": "StreamingTranscriptionResultWithMessagesDTO",
    "LiveV2LanguageConfig": "LanguageConfig",
    "LiveV2CallbackConfig": "CallbackConfig",
    "LiveV2Error": "Error",
    "LiveV2TranscriptionResult": "StreamingTranscriptionResultDTO",
    "PreRecordedV2InitTranscriptionResponse": "InitPreRecordedTranscriptionResponse",
    "PreRecordedV2RequestParamsResponse": "PreRecordedRequestParamsResponse",
}
# Families named by pattern: `LiveV2CallbackFooMessage` is our `CallbackLiveFooMessage`, and so on.
_PATTERNS = (
    (re.compile(r"^LiveV2Callback(\w+)$"), r"CallbackLive\1"),
    (re.compile(r"^LiveV2Webhook(\w+)Message$"), r"WebhookLive\1Payload"),
)
# Official dataclasses that mirror no schema of ours: query parameters, client-side helpers.
_NOT_SCHEMAS = frozenset(
    {
        "PreRecordedV2ListParams",
        "PreRecordedV2UploadRequest",
        "LiveV2ListParams",
        "LiveV2EventPayload",
        "LiveV2UnknownWebSocketMessage",
    }
)
_DEPRECATED = re.compile(r"deprecated", re.IGNORECASE)


@dataclass
class OfficialTypes:
    """What the generated types of one installed `gladiaio-sdk` declare."""

    version: str
    enums: dict[str, list[str]] = field(default_factory=dict)
    classes: dict[str, dict[str, bool]] = field(default_factory=dict)
    """Each dataclass's fields, and whether each is marked deprecated."""
    events: set[str] = field(default_factory=set)
    """The `live.*` callback events and the WebSocket message kinds its live client reads."""


def find_package(source: str) -> Path | None:
    """The `gladiaio_sdk` directory `source` points at: the package, a site-packages or venv holding it, or
    a Python interpreter that imports it. None when `source` is none of these."""
    path = Path(source)
    if path.is_file() and path.name.startswith("python"):
        done = subprocess.run(
            [str(path), "-c", "import gladiaio_sdk, os; print(os.path.dirname(gladiaio_sdk.__file__))"],
            capture_output=True,
            text=True,
            check=False,
        )
        return Path(done.stdout.strip()) if done.returncode == 0 else None
    if not path.is_dir():
        return None
    if (path / _FILES[0]).is_file():
        return path
    found = sorted(path.glob("**/gladiaio_sdk/" + _FILES[0]))
    return found[0].parents[2] if found else None


def read(package: Path) -> OfficialTypes:
    """The types declared in the generated files of the `gladiaio_sdk` package at `package`."""
    version = "?"
    version_file = package / "version.py"
    if version_file.is_file():
        match = re.search(r"[\"']([0-9][^\"']*)[\"']", version_file.read_text(encoding="utf-8"))
        version = match.group(1) if match else version
    found = OfficialTypes(version=version)
    for name in _FILES:
        text = (package / name).read_text(encoding="utf-8")
        _read_module(text, found)
    return found


def _read_module(text: str, found: OfficialTypes) -> None:
    tree = ast.parse(text)
    lines = text.splitlines()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values = _literal_values(node.value)
            if values:
                found.enums[node.targets[0].id] = values
        elif isinstance(node, ast.ClassDef):
            fields: dict[str, bool] = {}
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    name = item.target.id
                    if name.startswith("_"):
                        continue
                    fields[name] = _deprecated_comment(lines, item.lineno)
                    if name in ("event", "type"):
                        found.events.update(_literal_values(item.annotation))
            if fields:
                found.classes[node.name] = fields


def _literal_values(node: ast.expr) -> list[str]:
    """The string values of `Literal[...]` (also inside `X | str` and `Literal[...] | None`)."""
    if isinstance(node, ast.BinOp):
        return _literal_values(node.left) + _literal_values(node.right)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return [
            item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)
        ]
    return []


def _deprecated_comment(lines: list[str], lineno: int) -> bool:
    """Whether the comment block just above a field (line `lineno`, 1-based) says it is deprecated."""
    index = lineno - 2
    comment = []
    while index >= 0 and lines[index].strip().startswith("#"):
        comment.append(lines[index])
        index -= 1
    return bool(_DEPRECATED.search(" ".join(comment)))


def _our_name(official: str, schemas: Mapping[str, Any]) -> str | None:
    if official in _NAMES:
        return _NAMES[official] if _NAMES[official] in schemas else None
    for pattern, replacement in _PATTERNS:
        if pattern.match(official):
            mine = pattern.sub(replacement, official)
            return mine if mine in schemas else None
    for prefix in _PREFIXES:
        if official.startswith(prefix):
            base = official[len(prefix) :]
            for suffix in _SUFFIXES:
                if base + suffix in schemas:
                    return base + suffix
    return None


def _resolve(schema: Mapping[str, Any], schemas: Mapping[str, Any]) -> Mapping[str, Any]:
    while True:
        if "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        elif len(schema.get("allOf", ())) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def _enum_of(schema: Mapping[str, Any], schemas: Mapping[str, Any]) -> list[str] | None:
    schema = _resolve(schema, schemas)
    if "enum" in schema:
        return [str(v) for v in schema["enum"]]
    items = schema.get("items")
    if isinstance(items, Mapping):
        return _enum_of(items, schemas)
    return None


def compare(ours: Mapping[str, Any], official: OfficialTypes) -> tuple[list[Drift], list[str]]:
    """The drift between our spec and the official types, and the official types that map to no schema here."""
    schemas: Mapping[str, Any] = ours["components"]["schemas"]
    drifts: list[Drift] = []
    unmapped: list[str] = []
    for name, values in sorted(official.enums.items()):
        mine = _our_name(name, schemas)
        if mine is None:
            continue  # an enum inlined in a field here: compared with its field below
        ours_values = _enum_of(schemas[mine], schemas) or []
        drifts += _enum_drift(mine, ours_values, values)
    for name, fields in sorted(official.classes.items()):
        if name in _NOT_SCHEMAS:
            continue
        mine = _our_name(name, schemas)
        if mine is None:
            unmapped.append(name)
            continue
        properties: Mapping[str, Any] = _resolve(schemas[mine], schemas).get("properties", {})
        for field_name, deprecated in fields.items():
            if field_name not in properties:
                drifts.append(Drift("sdk-field-new", f"{mine}.{field_name}", f"{name} has it; we do not"))
                continue
            declared = bool(properties[field_name].get("deprecated"))
            if deprecated != declared:
                side = (
                    "the SDK marks it deprecated" if deprecated else "we mark it deprecated, the SDK does not"
                )
                drifts.append(Drift("sdk-deprecated", f"{mine}.{field_name}", side))
        for field_name in properties:
            if field_name not in fields:
                drifts.append(Drift("sdk-field-gone", f"{mine}.{field_name}", f"not in {name}"))
    drifts += _event_drift(schemas, official.events)
    return drifts, unmapped


def _enum_drift(name: str, ours: list[str], theirs: list[str]) -> Iterator[Drift]:
    for value in theirs:
        if value not in ours:
            yield Drift("sdk-enum", f"{name}={value}", "the SDK has this value; we do not")
    for value in ours:
        if value not in theirs:
            yield Drift("sdk-enum", f"{name}={value}", "we have this value; the SDK does not")


def _event_drift(schemas: Mapping[str, Any], theirs: set[str]) -> list[Drift]:
    """Live callback events (`live.*`) and WebSocket message kinds, here and there."""
    ours: set[str] = set()
    for name, schema in schemas.items():
        if not (name.endswith("Message") or name.startswith("CallbackLive")):
            continue
        for key in ("event", "type"):
            prop = schema.get("properties", {}).get(key, {})
            ours.update(str(v) for v in prop.get("enum", ()))
    # Only the kinds both sides name with dots or as messages count: job statuses and the like are not events.
    drifts = [
        Drift("sdk-event", event, "the SDK reads it; we do not declare it")
        for event in sorted(theirs - ours)
        if event.startswith("live.")
    ]
    drifts += [
        Drift("sdk-event", event, "we declare it; the SDK does not read it")
        for event in sorted(ours - theirs)
        if event.startswith("live.")
    ]
    return drifts
