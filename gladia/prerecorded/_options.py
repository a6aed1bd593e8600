"""Transcription options: turned into the JSON body of a create request and checked before anything is sent.

`request_problems` is the single list of reasons Gladia refuses a create request: the schema of
`InitTranscriptionRequest` plus the rules that tie one field to another. The SDK raises them as
`InvalidOptionsError` before uploading anything; the emulator answers them as a 422.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping
from typing import Any

from gladia._core.schema import default_validator
from gladia.errors import GladiaWarning, InvalidOptionsError

REQUEST_SCHEMA = "InitTranscriptionRequest"
# Stands in for the real audio_url while options are checked before an upload has produced one.
PLACEHOLDER_AUDIO_URL = "https://api.gladia.io/file/00000000-0000-4000-8000-000000000000"

# Each add-on whose configuration has required fields, and that configuration.
_NEEDS_CONFIG = {
    "custom_vocabulary": "custom_vocabulary_config",
    "translation": "translation_config",
    "custom_spelling": "custom_spelling_config",
    "structured_data_extraction": "structured_data_extraction_config",
    "audio_to_llm": "audio_to_llm_config",
}
_OPTIONAL_CONFIG = {
    "subtitles": "subtitles_config",
    "diarization": "diarization_config",
    "summarization": "summarization_config",
    "pii_redaction": "pii_redaction_config",
    "callback": "callback_config",
}

# Extra advice for mistakes people make often, appended to the problem found at that path.
_HINTS = {
    "custom_vocabulary": "to list words, set custom_vocabulary: true and custom_vocabulary_config: "
    "{'vocabulary': [...]}",
    "callback_config.url": "Gladia must be able to reach it over http(s)",
}


def request_problems(body: Mapping[str, Any]) -> list[str]:
    """Every reason Gladia would refuse `body` as a create request, one `path: message` line each."""
    problems = default_validator().problems(body, REQUEST_SCHEMA)
    if problems:  # the cross-field rules assume the shapes are right
        return [_with_hint(problem) for problem in problems]
    return _cross_field_problems(body)


def _with_hint(problem: str) -> str:
    path = problem.split(":", 1)[0]
    hint = _HINTS.get(path)
    return f"{problem} ({hint})" if hint else problem


def _cross_field_problems(body: Mapping[str, Any]) -> list[str]:
    problems = []
    callback_config = body.get("callback_config") or {}
    if body.get("callback") is True and "url" not in callback_config:
        problems.append(
            "callback: true needs a URL to call; add "
            '"callback_config": {"url": "https://your.server/gladia-callback", "method": "POST"}'
        )
    for flag, config in _NEEDS_CONFIG.items():
        if body.get(flag) is True and config not in body:
            problems.append(f"{flag}: true needs {config}; add it, or leave {flag} out")
    languages = (body.get("language_config") or {}).get("languages") or []
    if body.get("model") == "solaria-3" and len(languages) != 1:
        problems.append(
            f"model: 'solaria-3' needs exactly one language in language_config.languages, got {len(languages)}"
        )
    speakers = body.get("diarization_config") or {}
    low, high = speakers.get("min_speakers"), speakers.get("max_speakers")
    if low is not None and high is not None and low > high:
        problems.append(f"diarization_config: min_speakers ({low}) is greater than max_speakers ({high})")
    subtitles = body.get("subtitles_config") or {}
    shortest, longest = subtitles.get("minimum_duration"), subtitles.get("maximum_duration")
    if shortest is not None and longest is not None and shortest > longest:
        problems.append(
            f"subtitles_config: minimum_duration ({shortest}) is greater than maximum_duration ({longest})"
        )
    return problems


def request_warnings(body: Mapping[str, Any]) -> list[str]:
    """Things Gladia accepts but that are probably mistakes."""
    found = []
    for flag, config in {**_NEEDS_CONFIG, **_OPTIONAL_CONFIG}.items():
        if config in body and body.get(flag) is not True:
            found.append(f"{config} is ignored unless {flag} is true; add {flag!r}: True")
    if "callback_url" in body:
        found.append("callback_url is deprecated; use callback: true with callback_config: {'url': ...}")
    return found


def to_json_dict(options: object) -> dict[str, Any]:
    """A plain JSON dict from a dict of options or a generated request model; None gives {}."""
    if options is None:
        return {}
    to_dict = getattr(options, "to_dict", None)
    if callable(to_dict) and not isinstance(options, Mapping):
        options = to_dict()
    if not isinstance(options, Mapping):
        raise InvalidOptionsError(
            [
                f"options must be a dict (as in Gladia's docs) or an InitTranscriptionRequest, got {type(options).__name__}"
            ]
        )
    try:
        # A JSON round trip copies the caller's dict (we never mutate it) and finds what JSON cannot carry.
        return dict(json.loads(json.dumps(options, allow_nan=False)))
    except (TypeError, ValueError) as exc:
        raise InvalidOptionsError(
            [f"options must hold only JSON values (dict, list, str, number, bool, None): {exc}"]
        ) from None


def create_body(options: object, *, audio_url: str | None = None) -> dict[str, Any]:
    """The checked JSON body of a create request (see `warn_about` for the likely mistakes it accepts).

    Args:
        options: a dict as in Gladia's docs, an `InitTranscriptionRequest`, or None.
        audio_url: the audio to transcribe, when it is not in `options`.

    Raises:
        InvalidOptionsError: listing every problem found.
    """
    body = to_json_dict(options)
    if audio_url is not None:
        if "audio_url" in body:
            raise InvalidOptionsError(
                [
                    "audio_url: the audio was given twice (as the source and in options); remove it from options"
                ]
            )
        body = {"audio_url": audio_url, **body}
    problems = request_problems(body)
    if problems:
        raise InvalidOptionsError(problems)
    return body


def warn_about(body: Mapping[str, Any], stacklevel: int) -> None:
    """Emit a GladiaWarning for each likely mistake; `stacklevel` counts from the caller of this function."""
    for message in request_warnings(body):
        warnings.warn(message, GladiaWarning, stacklevel=stacklevel + 1)
