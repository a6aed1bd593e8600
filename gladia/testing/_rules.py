"""What Gladia refuses in a request: the schema of `openapi/gladia.yaml`, then the rules that tie one field to another.

The emulator's own statement of Gladia's rules, independent of the SDK's (`gladia.prerecorded._options`,
`gladia.live._options`): when both agree a request is fine, Gladia's client and this judge agree; when the
SDK lets something through that Gladia refuses, a test against the emulator sees the 400.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gladia.testing import _schema

CREATE_SCHEMA = "InitTranscriptionRequest"
LIVE_SCHEMA = "StreamingRequest"
UPLOAD_URL_SCHEMA = "UploadUrlBody"

# The live audio format when a session does not say (StreamingRequest's defaults).
LIVE_ENCODING = "wav/pcm"
LIVE_BIT_DEPTH = 16
LIVE_SAMPLE_RATE = 16000
LIVE_CHANNELS = 1
LIVE_ENDPOINTING = 0.05

# An add-on turned on needs its configuration when that configuration has required fields.
_NEEDS_CONFIG = {
    "custom_vocabulary": "custom_vocabulary_config",
    "translation": "translation_config",
    "custom_spelling": "custom_spelling_config",
    "structured_data_extraction": "structured_data_extraction_config",
    "audio_to_llm": "audio_to_llm_config",
}
_LIVE_NEEDS_CONFIG = {
    "custom_vocabulary": "custom_vocabulary_config",
    "custom_spelling": "custom_spelling_config",
    "translation": "translation_config",
}
# Models that transcribe one language only: they need exactly one in `language_config.languages`.
_ONE_LANGUAGE_MODELS = frozenset({"solaria-3"})


def create_problems(body: Mapping[str, Any]) -> list[str]:
    """Every reason Gladia refuses `body` as `POST /v2/pre-recorded`, one `path: problem` line each."""
    found = _schema.problems(body, CREATE_SCHEMA)
    if found:  # the rules below assume the shapes are right
        return found
    if body.get("callback") is True and "url" not in (body.get("callback_config") or {}):
        found.append("callback: true needs callback_config.url, the URL to call")
    for flag, config in _NEEDS_CONFIG.items():
        if body.get(flag) is True and config not in body:
            found.append(f"{flag}: true needs {config}; add it, or leave {flag} out")
    languages = (body.get("language_config") or {}).get("languages") or []
    model = body.get("model")
    if model in _ONE_LANGUAGE_MODELS and len(languages) != 1:
        found.append(
            f"model: {model!r} needs exactly one language in language_config.languages, got {len(languages)}"
        )
    speakers = body.get("diarization_config") or {}
    low, high = speakers.get("min_speakers"), speakers.get("max_speakers")
    if low is not None and high is not None and low > high:
        found.append(f"diarization_config: min_speakers ({low}) is greater than max_speakers ({high})")
    subtitles = body.get("subtitles_config") or {}
    shortest, longest = subtitles.get("minimum_duration"), subtitles.get("maximum_duration")
    if shortest is not None and longest is not None and shortest > longest:
        found.append(
            f"subtitles_config: minimum_duration ({shortest}) is greater than maximum_duration ({longest})"
        )
    return found


def live_problems(body: Mapping[str, Any]) -> list[str]:
    """Every reason Gladia refuses `body` as `POST /v2/live`, one `path: problem` line each."""
    found = _schema.problems(body, LIVE_SCHEMA)
    if found:
        return found
    if body.get("callback") is True and "url" not in (body.get("callback_config") or {}):
        found.append("callback: true needs callback_config.url, the URL to call")
    realtime = body.get("realtime_processing") or {}
    for flag, config in _LIVE_NEEDS_CONFIG.items():
        if realtime.get(flag) is True and config not in realtime:
            found.append(f"realtime_processing.{flag}: true needs realtime_processing.{config}")
    return found


def bytes_per_second(params: Mapping[str, Any]) -> int:
    """How many bytes a second of a live session's audio takes, by its encoding, rate, depth and channels."""
    encoding = params.get("encoding", LIVE_ENCODING)
    bits = 8 if encoding in ("wav/alaw", "wav/ulaw") else int(params.get("bit_depth", LIVE_BIT_DEPTH))
    rate = int(params.get("sample_rate", LIVE_SAMPLE_RATE))
    return max(1, rate * int(params.get("channels", LIVE_CHANNELS)) * bits // 8)
