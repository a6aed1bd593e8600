"""The `result` of a finished job, built around what the engine heard.

The engine gives utterances and languages (and the add-on results registered for the audio). Around them go
`metadata`, `full_transcript`, the add-ons computed from the transcript (custom spelling and PII redaction
rewrite it; sentences and subtitles when asked) and a block for every other requested add-on (`_addons`:
registered, computed, or a fixture; an add-on error when fixtures are off).

With `diarization`, every utterance carries an integer `speaker`, as in real jobs: the transcript's own
(`Speaker N:` lines), else speaker 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from gladia.testing import _addons, _subtitles
from gladia.testing.engines import Transcription

#: The add-ons with a block of their own (kept for readers of this module; see `_addons.BLOCKS`).
ADDON_BLOCKS = _addons.BLOCKS


def build_result(
    transcription: Transcription,
    params: Mapping[str, Any],
    *,
    audio_duration: float,
    transcription_time: float,
    mode: str = _addons.FAIL,
) -> dict[str, Any]:
    """The job's `result`.

    Args:
        transcription: what the engine returned.
        params: the job's `request_params` (defaults filled in).
        audio_duration: seconds of audio, as read from the file.
        transcription_time: seconds the job spent processing.
        mode: `fixtures` or `fail`: what the add-ons neither registered nor computable answer.
    """
    utterances = list(transcription.utterances)
    if params.get("custom_spelling") is True:
        dictionary = (params.get("custom_spelling_config") or {}).get("spelling_dictionary") or {}
        utterances = [_addons.respell(u, dictionary) for u in utterances]
    if params.get("pii_redaction") is True:
        config = params.get("pii_redaction_config") or {}
        kinds = _addons.pii_types(config)
        style = str(config.get("processed_text_type") or "MARKER")
        utterances = [_addons.redact(u, kinds, style) for u in utterances]
    diarized = params.get("diarization") is True
    speakers_given = bool(utterances) and all(u.speaker is not None for u in utterances)
    if diarized:
        utterances = [u if u.speaker is not None else attrs.evolve(u, speaker=0) for u in utterances]
    else:
        utterances = [attrs.evolve(u, speaker=None) if u.speaker is not None else u for u in utterances]
    as_dicts = [u.to_dict() for u in utterances]
    channels = len({u.channel for u in utterances}) or 1
    rewritten = params.get("custom_spelling") is True or params.get("pii_redaction") is True
    full_transcript = transcription.full_transcript
    block: dict[str, Any] = {
        "full_transcript": full_transcript
        if full_transcript is not None and not rewritten
        else " ".join(u.text for u in utterances),
        "languages": list(transcription.languages),
        "utterances": as_dicts,
    }
    if params.get("sentences") is True:
        block["sentences"] = [_addons.envelope(_addons.sentences(utterances))]
    subtitles_config = params.get("subtitles_config") or {}
    if params.get("subtitles") is True:
        block["subtitles"] = _subtitles_of(as_dicts, subtitles_config)
    result: dict[str, Any] = {
        "metadata": {
            "audio_duration": audio_duration,
            "number_of_distinct_channels": channels,
            "billing_time": round(audio_duration * channels, 6),
            "transcription_time": round(transcription_time, 3),
        },
        "transcription": block,
    }
    translated_subtitles = None
    if params.get("subtitles") is True and params.get("translation") is True:
        targets = (params.get("translation_config") or {}).get("target_languages") or []
        translated_subtitles = {
            target: _subtitles_of(
                _addons.fixture_translation(as_dicts, target, None)["utterances"], subtitles_config
            )
            for target in targets
        }
    result.update(
        _addons.blocks(
            params,
            as_dicts,
            registered=transcription.addons,
            speakers_named=speakers_given,
            mode=mode,
            translated_subtitles=translated_subtitles,
        )
    )
    return result


def _subtitles_of(utterances: list[dict[str, Any]], config: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {"format": fmt, "subtitles": _subtitles.render(utterances, fmt, config)}
        for fmt in config.get("formats") or ["srt"]
    ]


def addon_error(addon: str, message: str | None = None) -> dict[str, Any]:
    """The block of an add-on that could not run, in Gladia's add-on envelope."""
    return _addons.error_block(addon, message)
