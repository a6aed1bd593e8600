"""The emulator's add-ons: each requested add-on answers in the shape of Gladia's document.

Three sources, in order:

1. **Registered**: what a test registered for the audio (`Transcripts.add(..., addons=...)`, a `NAME.json`
   sidecar, or a whole job Gladia returned, saved with `gladia jobs get ID --json`). A registered block is
   served as given; a bare value is its `results`, in a success envelope.
2. **Computed**: the add-ons that follow from the transcript are computed for real, by the emulator:
   `custom_spelling`, `pii_redaction` (the entity types a pattern recognises: emails, phone numbers, card
   numbers, IP addresses, URLs, social security numbers), `sentences`, `display_mode` (one line per
   utterance, with its speaker), `name_consistency` (each name spelled as most often) and subtitles.
3. **Fixtures**: the rest (translation, summarization, named entities, sentiment, audio to LLM, moderation,
   structured data, and diarization when the transcript names no speakers) cannot be computed without a
   model. They answer deterministic fixture results in the right shape, built from the transcript and
   never presented as understanding: a "translation" is the transcript tagged `[fr]`, a "summary" its first
   sentences, each sentiment `neutral`, each LLM answer says no model ran. With `addons="fail"` they are
   add-on errors instead (`success: false`, status 501), as a real speech engine's emulator and the
   offline command line answer: they never pass fixtures off as results.

`chapterization` is deprecated and ignored by Gladia: no block, whatever the source.
"""

from __future__ import annotations

import collections
import copy
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from gladia.testing.engines import Utterance, Word

FIXTURES = "fixtures"
FAIL = "fail"
MODES = (FIXTURES, FAIL)

# The add-ons with a result block of their own, by request flag, in the order the result lists them.
BLOCKS = (
    "diarization",
    "translation",
    "summarization",
    "moderation",
    "named_entity_recognition",
    "name_consistency",
    "structured_data_extraction",
    "sentiment_analysis",
    "audio_to_llm",
    "display_mode",
)
#: Requested but never answered: Gladia ignores it (see openapi/DEVIATIONS.md).
IGNORED = frozenset({"chapterization"})
# The empty value of each add-on's `results`, of the type the document declares, for an add-on error.
_EMPTY_RESULTS: dict[str, Any] = {
    "diarization": [],
    "translation": [],
    "named_entity_recognition": [],
    "audio_to_llm": [],
    "display_mode": [],
    "summarization": "",
    "moderation": "",
    "name_consistency": "",
    "structured_data_extraction": "",
    "sentiment_analysis": "[]",
}
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026\u3002\uff01\uff1f])\s+")
_WORD_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"')\]]*$")

# Entity types recognisable by their form, with the pattern that finds them (cards first: they are digits too).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("URL", re.compile(r"https?://[^\s,]+|www\.[^\s,]+")),
    ("CREDIT_CARD", re.compile(r"\b(?:\d[ -]?){12,18}\d\b")),
    ("SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("IP_ADDRESS", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")),
    ("PHONE_NUMBER", re.compile(r"(?<![\w@])\+?\d[\d ().-]{6,}\d\b")),
)
# Presets, and the pattern types each covers.
_PRESETS = {
    "GDPR": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "URL", "CREDIT_CARD", "SSN"},
    "GDPR_SENSITIVE": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "URL", "CREDIT_CARD", "SSN"},
    "CORE_ENTITIES": {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "SSN"},
    "HIPAA_SAFE_HARBOR": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "URL", "SSN"},
    "CPRA": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "CREDIT_CARD", "SSN"},
    "APPI": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS"},
    "QUEBEC_PRIVACY_ACT": {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "SSN"},
    "PCI": {"CREDIT_CARD"},
    "NUMERICAL_PII": {"PHONE_NUMBER", "CREDIT_CARD", "SSN", "IP_ADDRESS"},
    "NUMERICAL_EXCL_PCI": {"PHONE_NUMBER", "SSN", "IP_ADDRESS"},
}
#: What `pii_redaction` redacts when its configuration names no entity type.
DEFAULT_PII = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "SSN", "IP_ADDRESS", "URL"})
FIXTURE_LLM_ANSWER = "The Gladia emulator ran no language model: this answer is a fixture."


def envelope(results: Any, *, exec_time: float = 0) -> dict[str, Any]:
    """A successful add-on block around `results`."""
    empty = results in (None, "", [], {}, "[]")
    return {"success": True, "is_empty": empty, "exec_time": exec_time, "error": None, "results": results}


def error_block(addon: str, message: str | None = None, *, status: int = 501) -> dict[str, Any]:
    """The block of an add-on that did not run, in Gladia's add-on envelope."""
    return {
        "success": False,
        "is_empty": True,
        "exec_time": 0,
        "error": {
            "status_code": status,
            "exception": "NotImplementedError",
            "message": message
            or f"The Gladia emulator cannot run the {addon} add-on (addons='fail'): register a result for "
            "this audio, or start it with addons='fixtures' for fixture results.",
        },
        "results": copy.deepcopy(_EMPTY_RESULTS.get(addon)),
    }


def registered_block(value: Any) -> dict[str, Any]:
    """A registered add-on result: a whole block as given, or a bare `results` value in a success envelope."""
    if isinstance(value, Mapping) and "success" in value:
        return copy.deepcopy(dict(value))
    return envelope(copy.deepcopy(value))


# ------------------------------------------------------------------------------------------ the transcript


def respell(utterance: Utterance, dictionary: Mapping[str, Sequence[str]]) -> Utterance:
    """`custom_spelling`: each word the dictionary lists replaced by its wanted spelling."""
    replacements = {
        variant.casefold(): wanted for wanted, variants in dictionary.items() for variant in variants
    }
    if not replacements:
        return utterance
    words = tuple(_respell_word(word, replacements) for word in utterance.words)
    return attrs.evolve(utterance, text=_text_of(words, utterance.text), words=words)


def _respell_word(word: Word, replacements: Mapping[str, str]) -> Word:
    match = re.fullmatch(r"(\s*)(\W*)(.*?)(\W*)", word.word)
    if match is None:
        return word
    space, before, core, after = match.groups()
    wanted = replacements.get(core.casefold())
    if wanted is None:
        return word
    return attrs.evolve(word, word=f"{space}{before}{wanted}{after}")


def pii_types(config: Mapping[str, Any]) -> frozenset[str]:
    """The pattern entity types `pii_redaction_config` asks to redact (presets expanded)."""
    asked = config.get("entity_types") or []
    if isinstance(asked, str):
        asked = [asked]
    if not asked:
        return DEFAULT_PII
    found: set[str] = set()
    for kind in asked:
        found |= _PRESETS.get(kind, {kind})
    return frozenset(found) & {name for name, _ in PATTERNS}


def find_entities(text: str, kinds: Iterable[str] | None = None) -> list[tuple[str, int, int]]:
    """The `(type, start, end)` character spans of the entities in `text` a pattern recognises."""
    wanted = set(kinds) if kinds is not None else {name for name, _ in PATTERNS}
    spans: list[tuple[str, int, int]] = []
    for name, pattern in PATTERNS:
        if name not in wanted:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if name == "CREDIT_CARD" and not _luhn(match.group()):
                continue
            if not any(s < end and start < e for _, s, e in spans):
                spans.append((name, start, end))
    return sorted(spans, key=lambda span: span[1])


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = sum(
        d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(digits))
    )
    return total % 10 == 0


def redact(utterance: Utterance, kinds: frozenset[str], style: str) -> Utterance:
    """`pii_redaction`: each recognised entity replaced by `[TYPE]` (MARKER) or by `*`s (MASK), in the words
    that carry it: the first keeps the entity's time span, the others are folded into it."""
    words = list(utterance.words)
    text, offsets = _joined(words)
    spans = find_entities(text, kinds)
    if not spans:
        return utterance
    kept: list[Word] = []
    index = 0
    for name, start, end in spans:
        covering = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
        if not covering:
            continue
        first, last = covering[0], covering[-1]
        kept += words[index:first]
        head, tail = words[first], words[last]
        lead = head.word[: len(head.word) - len(head.word.lstrip())]
        shown = f"[{name}]" if style != "MASK" else "*" * (end - start)
        before = text[offsets[first][0] : start]
        after = text[end : offsets[last][1]]
        kept.append(
            Word(
                word=f"{lead}{before}{shown}{after}",
                start=head.start,
                end=tail.end,
                confidence=min(w.confidence for w in words[first : last + 1]),
            )
        )
        index = last + 1
    kept += words[index:]
    return attrs.evolve(utterance, words=tuple(kept), text=_text_of(kept, utterance.text))


def _joined(words: Sequence[Word]) -> tuple[str, list[tuple[int, int]]]:
    """The words' text joined by single spaces, and each word's span in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for word in words:
        core = word.word.strip()
        if parts:
            position += 1
        offsets.append((position, position + len(core)))
        parts.append(core)
        position += len(core)
    return " ".join(parts), offsets


def _text_of(words: Sequence[Word], fallback: str) -> str:
    return " ".join(w.word.strip() for w in words) if words else fallback


def consistent_names(text: str) -> str:
    """`name_consistency`: every capitalised word spelled as its most frequent spelling (ignoring case)."""
    names = {token.casefold() for token in re.findall(r"\b[A-Z][\w'-]+\b", text)}
    spellings: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for token in re.findall(r"\b\w[\w'-]*\b", text):
        if token.casefold() in names:
            spellings[token.casefold()][token] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items() if len(counts) > 1}
    if not chosen:
        return text
    return re.sub(r"\b\w[\w'-]*\b", lambda m: chosen.get(m.group().casefold(), m.group()), text)


def sentences(utterances: Sequence[Utterance]) -> list[str]:
    """`sentences`: the transcript cut after each word that ends a sentence."""
    found: list[str] = []
    for utterance in utterances:
        current: list[str] = []
        for word in utterance.words:
            current.append(word.word.strip())
            if _WORD_END.search(word.word):
                found.append(" ".join(current))
                current = []
        if current:
            found.append(" ".join(current))
    return found


def display_lines(utterances: Sequence[Mapping[str, Any]]) -> list[str]:
    """`display_mode`: one line per utterance, in time order, naming its speaker when diarization ran."""
    ordered = sorted(utterances, key=lambda u: (u.get("start", 0), u.get("channel", 0)))
    return [
        f"Speaker {u['speaker']}: {u['text']}" if u.get("speaker") is not None else str(u.get("text", ""))
        for u in ordered
    ]


# ------------------------------------------------------------------------------------------ fixtures


def _sentences_of(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def fixture_summary(text: str, kind: str | None) -> str:
    """An extractive "summary": the transcript's first sentences (one for `concise`, bullets for `bullet_points`)."""
    found = _sentences_of(text)
    if kind == "concise":
        return found[0] if found else ""
    if kind == "bullet_points":
        return "\n".join(f"- {s}" for s in found[:3])
    return " ".join(found[:2])


def fixture_translation(
    utterances: Sequence[Mapping[str, Any]], target: str, subtitles: list[dict[str, Any]] | None
) -> dict[str, Any]:
    """A "translation" into `target`: each utterance's own text, tagged `[target]` (nothing is translated)."""
    translated = []
    for utterance in utterances:
        item = copy.deepcopy(dict(utterance))
        item["text"] = f"[{target}] {utterance.get('text', '')}"
        item["language"] = target
        words = item.get("words") or []
        if words:
            words[0] = {**words[0], "word": f"[{target}] {str(words[0].get('word', '')).lstrip()}"}
        translated.append(item)
    result: dict[str, Any] = {
        "error": None,
        "full_transcript": " ".join(u["text"] for u in translated),
        "languages": [target],
        "utterances": translated,
    }
    if subtitles is not None:
        result["subtitles"] = subtitles
    return result


def fixture_entities(utterances: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Named entities: the ones a pattern recognises (emails, phone numbers, ...), timed by their words."""
    found = []
    for utterance in utterances:
        words = [
            Word(**{k: w[k] for k in ("word", "start", "end", "confidence")})
            for w in utterance.get("words") or []
        ]
        text, offsets = _joined(words)
        for name, start, end in find_entities(text):
            covering = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
            if covering:
                found.append(
                    {
                        "entity_type": name,
                        "text": text[start:end],
                        "start": words[covering[0]].start,
                        "end": words[covering[-1]].end,
                    }
                )
    return found


def fixture_sentiments(utterances: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One `neutral` sentiment and emotion per utterance (nothing is analysed)."""
    return [
        {
            "sentiment": "neutral",
            "emotion": "neutral",
            "text": u.get("text", ""),
            "start": u.get("start", 0),
            "end": u.get("end", 0),
            "channel": u.get("channel", 0),
            "speaker": u.get("speaker") if u.get("speaker") is not None else 0,
        }
        for u in utterances
    ]


def fixture_llm(prompts: Sequence[str]) -> list[dict[str, Any]]:
    return [envelope({"prompt": prompt, "response": FIXTURE_LLM_ANSWER}) for prompt in prompts]


# ------------------------------------------------------------------------------------------ the blocks


def blocks(
    params: Mapping[str, Any],
    utterances: Sequence[Mapping[str, Any]],
    *,
    registered: Mapping[str, Any],
    speakers_named: bool,
    mode: str,
    translated_subtitles: Mapping[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The block of every add-on `params` asks for, by name (see the module docstring for the sources).

    Args:
        params: the job's `request_params`.
        utterances: the final utterances, as in the result's JSON.
        registered: add-on results registered for this audio, by add-on name.
        speakers_named: whether the transcript said who speaks (diarization is then computed).
        mode: `fixtures` or `fail`, for the add-ons that are neither registered nor computable.
        translated_subtitles: for each target language, the subtitles of its "translation".
    """
    found: dict[str, Any] = {}
    text = " ".join(str(u.get("text", "")) for u in utterances)
    for addon in BLOCKS:
        if params.get(addon) is not True:
            continue
        if addon in registered:
            found[addon] = registered_block(registered[addon])
        elif addon == "diarization" and speakers_named:
            found[addon] = envelope(copy.deepcopy(list(utterances)))
        elif addon == "display_mode":
            found[addon] = envelope(display_lines(utterances))
        elif addon == "name_consistency":
            found[addon] = envelope(consistent_names(text))
        elif mode == FAIL:
            found[addon] = error_block(addon, _fail_message(addon))
        else:
            found[addon] = _fixture(addon, params, utterances, text, translated_subtitles or {})
    return found


def _fail_message(addon: str) -> str | None:
    if addon == "diarization":
        return (
            "The Gladia emulator does not listen for speakers and the transcript named none, so every "
            "utterance is speaker 0; name them with 'Speaker N:' lines in the registered transcript."
        )
    return None


def _fixture(
    addon: str,
    params: Mapping[str, Any],
    utterances: Sequence[Mapping[str, Any]],
    text: str,
    translated_subtitles: Mapping[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    if addon == "diarization":  # one speaker, as every utterance already says
        return envelope(copy.deepcopy(list(utterances)))
    if addon == "translation":
        targets = (params.get("translation_config") or {}).get("target_languages") or []
        return envelope([fixture_translation(utterances, t, translated_subtitles.get(t)) for t in targets])
    if addon == "summarization":
        kind = (params.get("summarization_config") or {}).get("type")
        return envelope(fixture_summary(text, kind))
    if addon == "named_entity_recognition":
        return envelope(fixture_entities(utterances))
    if addon == "sentiment_analysis":
        # A list serialized into the string the document declares (Gladia's sample parses it so).
        return envelope(json.dumps(fixture_sentiments(utterances)))
    if addon == "audio_to_llm":
        prompts = (params.get("audio_to_llm_config") or {}).get("prompts") or []
        return envelope(fixture_llm([str(p) for p in prompts]))
    if addon == "structured_data_extraction":
        classes = (params.get("structured_data_extraction_config") or {}).get("classes") or []
        return envelope(json.dumps({str(c): [] for c in classes}))
    return envelope("")  # moderation: nothing flagged


# ------------------------------------------------------------------------------------------ live


def live_blocks(
    params: Mapping[str, Any],
    utterances: Sequence[Mapping[str, Any]],
    *,
    registered: Mapping[str, Any],
    mode: str,
) -> dict[str, Any]:
    """The add-on blocks of a live session's result: its real-time add-ons (translation, named entities,
    sentiment) and post-processing (summarization), from its final utterances. `chapterization` is ignored."""
    realtime = params.get("realtime_processing") or {}
    post = params.get("post_processing") or {}
    asked = {
        "translation": realtime.get("translation") is True,
        "named_entity_recognition": realtime.get("named_entity_recognition") is True,
        "sentiment_analysis": realtime.get("sentiment_analysis") is True,
        "summarization": post.get("summarization") is True,
    }
    flat = {
        **{name: True for name, on in asked.items() if on},
        "translation_config": realtime.get("translation_config") or {},
        "summarization_config": post.get("summarization_config") or {},
    }
    return blocks(flat, utterances, registered=registered, speakers_named=False, mode=mode)


def live_message_data(
    addon: str, params: Mapping[str, Any], utterance_id: str, utterance: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The `data` of the real-time add-on messages for one final utterance (fixtures; several for a
    translation into several languages)."""
    if addon == "translation":
        config = (params.get("realtime_processing") or {}).get("translation_config") or {}
        return [
            {
                "utterance_id": utterance_id,
                "utterance": dict(utterance),
                "original_language": utterance.get("language"),
                "target_language": target,
                "translated_utterance": fixture_translation([utterance], target, None)["utterances"][0],
            }
            for target in config.get("target_languages") or []
        ]
    if addon == "named_entity_recognition":
        return [
            {
                "utterance_id": utterance_id,
                "utterance": dict(utterance),
                "results": fixture_entities([utterance]),
            }
        ]
    sentiments = [
        {k: v for k, v in item.items() if k != "speaker"} for item in fixture_sentiments([utterance])
    ]
    return [{"utterance_id": utterance_id, "utterance": dict(utterance), "results": sentiments}]
