"""A job's `request_params`: the create request echoed back with the defaults filled in, as Gladia does.

Real jobs (the captures `done_03` to `done_05`) echo every option given, and always the same set of flags with
their defaults, including some the create request cannot set (`detect_language`, `audio_enhancer`,
`enable_code_switching`, ...). Options outside that set (`callback`, `custom_vocabulary`, ...) appear only when
given; no key a real job lacks is added.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gladia.testing import _schema as spec

_REQUEST = "InitTranscriptionRequest"
# Kept on the job itself (`custom_metadata`), not among its parameters.
_NOT_PARAMS = frozenset({"custom_metadata"})
# The options real jobs always echo, given or not, with the spec's default.
_ALWAYS_ECHOED = frozenset(
    {
        "model",
        "sentences",
        "subtitles",
        "moderation",
        "diarization",
        "translation",
        "audio_to_llm",
        "display_mode",
        "pii_redaction",
        "summarization",
        "chapterization",
        "custom_spelling",
        "name_consistency",
        "sentiment_analysis",
        "punctuation_enhanced",
        "named_entity_recognition",
        "structured_data_extraction",
    }
)
# Echoed by real jobs though no request sets them; their values in every capture.
_SERVER_FLAGS = {
    "audio_enhancer": False,
    "detect_language": True,
    "diarization_enhanced": False,
    "speaker_reidentification": False,
    "accurate_words_timestamps": False,
    "skip_channel_deduplication": False,
}


def accepted_forms(body: Mapping[str, Any]) -> dict[str, Any]:
    """The create request with the other forms Gladia's document and official SDKs send put in the spec's form.

    Gladia's official SDKs type three options as the document does, not as its examples and descriptions use
    them (see openapi/DEVIATIONS.md); the emulator accepts both so code written against either runs:

    - `pii_redaction_config.entity_types` as a single value: a list of that one value;
    - `audio_to_llm_config.prompts` as lists of strings: the strings, in order;
    - `custom_vocabulary` as an array ("boolean or array", says the document): `true`, with that array as
      `custom_vocabulary_config.vocabulary` when no configuration is given.

    And Gladia's own CLI (`gladiaio/gladia-cli`) sends every field of its request type, unset ones at their
    zero value; the emulator reads them as it must for that CLI to work:

    - `null` for an option: the option left out;
    - `diarization_config.number_of_speakers: 0`: no number given;
    - `enable_code_switching` and `detect_language`, the older request flags real jobs still echo:
      `enable_code_switching: true` is `language_config.code_switching: true`; `detect_language` is what
      leaving `language_config.languages` empty already means.

    Anything else is left as it is, for validation to refuse.
    """
    found = {key: value for key, value in body.items() if value is not None}
    _older_flags(found)
    speakers = found.get("diarization_config")
    count = speakers.get("number_of_speakers") if isinstance(speakers, Mapping) else None
    if isinstance(speakers, Mapping) and type(count) is int and count == 0:
        found["diarization_config"] = {k: v for k, v in speakers.items() if k != "number_of_speakers"}
    pii = found.get("pii_redaction_config")
    if isinstance(pii, Mapping) and isinstance(pii.get("entity_types"), str):
        found["pii_redaction_config"] = {**pii, "entity_types": [pii["entity_types"]]}
    llm = found.get("audio_to_llm_config")
    if isinstance(llm, Mapping) and _nested_prompts(llm.get("prompts")):
        flat = [item for p in llm["prompts"] for item in (p if isinstance(p, list) else [p])]
        found["audio_to_llm_config"] = {**llm, "prompts": flat}
    vocabulary = found.get("custom_vocabulary")
    if _strings(vocabulary) and vocabulary and "custom_vocabulary_config" not in found:
        found["custom_vocabulary"] = True
        found["custom_vocabulary_config"] = {"vocabulary": vocabulary}
    return found


def _older_flags(found: dict[str, Any]) -> None:
    switching = found.get("enable_code_switching")
    if isinstance(switching, bool):
        del found["enable_code_switching"]
        language_config = found.get("language_config", {})
        if switching and isinstance(language_config, Mapping) and "code_switching" not in language_config:
            found["language_config"] = {**language_config, "code_switching": True}
    if isinstance(found.get("detect_language"), bool):
        del found["detect_language"]


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _nested_prompts(prompts: object) -> bool:
    """Prompts given as lists of strings (with perhaps some strings among them)."""
    return (
        isinstance(prompts, list)
        and any(isinstance(p, list) for p in prompts)
        and all(isinstance(p, str) or _strings(p) for p in prompts)
    )


def request_params(body: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a job runs with: every option given, and every default of an option not given.

    An add-on turned on without its configuration gets the configuration's defaults, when it has no
    required fields (`subtitles: true` runs with `subtitles_config: {formats: [srt], style: default}`).
    """
    properties: Mapping[str, Any] = _schema(_REQUEST)["properties"]
    params: dict[str, Any] = {}
    for name, schema in properties.items():
        if name in _NOT_PARAMS:
            continue
        if name in body:
            params[name] = _with_defaults(body[name], schema)
        elif name in _ALWAYS_ECHOED and "default" in schema:
            params[name] = _copy(schema["default"])
    language_config = _with_defaults(body.get("language_config") or {}, properties["language_config"])
    params["language_config"] = language_config
    for name, schema in properties.items():
        flag = name.removesuffix("_config")
        if flag != name and params.get(flag) is True and name not in params:
            resolved = _resolve(schema)
            if not resolved.get("required") and resolved.get("type") == "object":
                filled = _with_defaults({}, schema)
                if filled:  # `diarization: true` alone echoes no `diarization_config`
                    params[name] = filled
    params.update(_SERVER_FLAGS)
    params["enable_code_switching"] = language_config.get("code_switching") is True
    return params


def _schema(name: str) -> Mapping[str, Any]:
    return spec.schema(name)


def _resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """A property's schema with `$ref` and single `allOf` wrappers followed."""
    while True:
        if "$ref" in schema:
            schema = _schema(schema["$ref"].rsplit("/", 1)[-1])
        elif len(schema.get("allOf", ())) == 1 and "type" not in schema:
            schema = schema["allOf"][0]
        else:
            return schema


def _with_defaults(value: Any, schema: Mapping[str, Any]) -> Any:
    resolved = _resolve(schema)
    if not isinstance(value, Mapping) or resolved.get("type") != "object":
        return _copy(value)
    properties: Mapping[str, Any] = resolved.get("properties", {})
    filled = {key: _with_defaults(item, properties.get(key, {})) for key, item in value.items()}
    for key, prop in properties.items():
        default = prop.get("default", _resolve(prop).get("default"))
        if key not in filled and default is not None:
            filled[key] = _copy(default)
    return filled


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
