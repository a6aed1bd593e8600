"""The `result` of a finished job, built around what the engine heard.

The engine gives utterances and languages. Around them go `metadata`, `full_transcript`, subtitles and
sentences when asked, custom spelling when asked, and a block for every other requested add-on: the
engine's own when it produced one, otherwise an add-on error in a shape Gladia's document allows
(`success: false`, `is_empty: true`, an `error` object, and `results` empty but of its declared type).

With `diarization`, every utterance carries an integer `speaker`, as in real jobs. When the engine said who
speaks (a transcript with `Speaker N:` lines), the diarization block holds the utterances, as Gladia's does;
otherwise every utterance gets speaker 0 and the block is an add-on error saying no speakers were given.
Nothing else is invented.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from gladia.testing import _subtitles
from gladia.testing.engines import Transcription, Utterance, Word

# Add-ons with a result block of their own, by request flag. `pii_redaction` has none in the spec: it
# rewrites the transcript. As the emulator cannot do that, it reports it with the same error envelope
# rather than return an unredacted transcript as if it were redacted.
ADDON_BLOCKS = (
    "diarization",
    "translation",
    "summarization",
    "moderation",
    "named_entity_recognition",
    "name_consistency",
    "chapterization",
    "structured_data_extraction",
    "sentiment_analysis",
    "audio_to_llm",
    "display_mode",
    "pii_redaction",
)
# The empty value of each add-on's `results`, of the type Gladia's document declares for it. Sentiment results
# are a list serialized into that string (Gladia's sentiment sample parses them as one), so theirs is "[]".
_EMPTY_RESULTS: dict[str, Any] = {
    "diarization": [],
    "translation": [],
    "named_entity_recognition": [],
    "audio_to_llm": [],
    "display_mode": [],
    "chapterization": {},
    "summarization": "",
    "moderation": "",
    "name_consistency": "",
    "structured_data_extraction": "",
    "sentiment_analysis": "[]",
    "pii_redaction": "",
}
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"')\]]*$")


def build_result(
    transcription: Transcription,
    params: Mapping[str, Any],
    *,
    audio_duration: float,
    transcription_time: float,
) -> dict[str, Any]:
    """The job's `result`.

    Args:
        transcription: what the engine returned.
        params: the job's `request_params` (defaults filled in).
        audio_duration: seconds of audio, as read from the file.
        transcription_time: seconds the job spent processing.
    """
    utterances = list(transcription.utterances)
    if params.get("custom_spelling") is True:
        dictionary = (params.get("custom_spelling_config") or {}).get("spelling_dictionary") or {}
        utterances = [_respell(u, dictionary) for u in utterances]
    diarized = params.get("diarization") is True
    speakers_given = bool(utterances) and all(u.speaker is not None for u in utterances)
    if diarized:
        utterances = [u if u.speaker is not None else attrs.evolve(u, speaker=0) for u in utterances]
    else:
        utterances = [attrs.evolve(u, speaker=None) if u.speaker is not None else u for u in utterances]
    as_dicts = [u.to_dict() for u in utterances]
    channels = len({u.channel for u in utterances}) or 1
    block: dict[str, Any] = {
        "full_transcript": " ".join(u.text for u in utterances),
        "languages": list(transcription.languages),
        "utterances": as_dicts,
    }
    if params.get("sentences") is True:
        block["sentences"] = [_sentences(utterances)]
    if params.get("subtitles") is True:
        config = params.get("subtitles_config") or {}
        block["subtitles"] = [
            {"format": fmt, "subtitles": _subtitles.render(as_dicts, fmt, config)}
            for fmt in config.get("formats") or ["srt"]
        ]
    result: dict[str, Any] = {
        "metadata": {
            "audio_duration": audio_duration,
            "number_of_distinct_channels": channels,
            "billing_time": round(audio_duration * channels, 6),
            "transcription_time": round(transcription_time, 3),
        },
        "transcription": block,
    }
    for addon in ADDON_BLOCKS:
        if params.get(addon) is True:
            produced = transcription.addons.get(addon)
            if produced is not None:
                result[addon] = dict(produced)
            elif addon == "diarization":
                result[addon] = _diarization(as_dicts, speakers_given)
            else:
                result[addon] = addon_error(addon)
    return result


def addon_error(addon: str, message: str | None = None) -> dict[str, Any]:
    """The block of an add-on that could not run, in Gladia's add-on envelope."""
    return {
        "success": False,
        "is_empty": True,
        "exec_time": 0,
        "error": {
            "status_code": 501,
            "exception": "NotImplementedError",
            "message": message
            or f"The Gladia emulator's engine cannot run the {addon} add-on; "
            "only a real Gladia account produces its results.",
        },
        "results": copy.deepcopy(_EMPTY_RESULTS.get(addon)),
    }


def _diarization(utterances: list[dict[str, Any]], speakers_given: bool) -> dict[str, Any]:
    if not speakers_given:
        return addon_error(
            "diarization",
            "The Gladia emulator does not listen for speakers and the transcript named none, so every "
            "utterance is speaker 0; name them with 'Speaker N:' lines in the registered transcript.",
        )
    return {
        "success": True,
        "is_empty": not utterances,
        "exec_time": 0,
        "error": None,
        "results": copy.deepcopy(utterances),
    }


def _sentences(utterances: Sequence[Utterance]) -> dict[str, Any]:
    found: list[str] = []
    for utterance in utterances:
        current: list[str] = []
        for word in utterance.words:
            current.append(word.word.strip())
            if _SENTENCE_END.search(word.word):
                found.append(" ".join(current))
                current = []
        if current:
            found.append(" ".join(current))
    return {"success": True, "is_empty": not found, "exec_time": 0, "error": None, "results": found}


def _respell(utterance: Utterance, dictionary: Mapping[str, Sequence[str]]) -> Utterance:
    """The utterance with each word the dictionary lists replaced by its wanted spelling."""
    replacements = {
        variant.casefold(): wanted for wanted, variants in dictionary.items() for variant in variants
    }
    if not replacements:
        return utterance
    words = tuple(_respell_word(word, replacements) for word in utterance.words)
    return attrs.evolve(utterance, text=" ".join(w.word.strip() for w in words), words=words)


def _respell_word(word: Word, replacements: Mapping[str, str]) -> Word:
    match = re.fullmatch(r"(\s*)(\W*)(.*?)(\W*)", word.word)
    if match is None:
        return word
    space, before, core, after = match.groups()
    wanted = replacements.get(core.casefold())
    if wanted is None:
        return word
    return attrs.evolve(word, word=f"{space}{before}{wanted}{after}")
