"""Subtitles (SubRip and WebVTT) from a transcript's utterances.

Pure functions with no I/O: the emulator uses them to answer `subtitles: true`, and the SDK uses them to
export subtitles on the client side. Utterances may be the generated `UtteranceDTO` objects or plain dicts
as Gladia sends them; the layout follows a `subtitles_config` (a dict or a `SubtitlesConfigDTO`).

A caption never spans two utterances. Words fill a row up to `maximum_characters_per_row`, rows fill a
caption up to `maximum_rows_per_caption`, and a caption is closed early rather than stay on screen longer
than `maximum_duration`. A caption shorter than `minimum_duration` is held longer, but never past the start
of the next one. A single word longer than a row gets a row of its own rather than being cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "Caption",
    "SubtitleLayout",
    "captions",
    "to_srt",
    "to_vtt",
    "to_subtitles",
    "srt_timestamp",
    "vtt_timestamp",
]

# Common broadcast guidance: two rows of at most 42 characters, on screen for 1 to 7 seconds.
DEFAULT_MAXIMUM_CHARACTERS_PER_ROW = 42
DEFAULT_MAXIMUM_ROWS_PER_CAPTION = 2
DEFAULT_MINIMUM_DURATION = 1.0
DEFAULT_MAXIMUM_DURATION = 7.0


@attrs.frozen
class Caption:
    """One subtitle cue: when it shows and its rows of text."""

    start: float
    end: float
    rows: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.rows)


@attrs.frozen(kw_only=True)
class SubtitleLayout:
    """How captions are cut; `from_config` reads it from a `subtitles_config`."""

    maximum_characters_per_row: int = DEFAULT_MAXIMUM_CHARACTERS_PER_ROW
    maximum_rows_per_caption: int = DEFAULT_MAXIMUM_ROWS_PER_CAPTION
    minimum_duration: float = DEFAULT_MINIMUM_DURATION
    maximum_duration: float = DEFAULT_MAXIMUM_DURATION

    @classmethod
    def from_config(cls, config: object = None) -> SubtitleLayout:
        """The layout a `subtitles_config` asks for (a dict, a `SubtitlesConfigDTO` or None); unset fields keep their defaults."""
        if config is None or isinstance(config, SubtitleLayout):
            return config or cls()
        values: dict[str, Any] = {}
        for name in ("maximum_characters_per_row", "maximum_rows_per_caption"):
            value = _field(config, name)
            if _is_number(value) and value >= 1:
                values[name] = int(value)
        for name in ("minimum_duration", "maximum_duration"):
            value = _field(config, name)
            if _is_number(value) and value >= 0:
                values[name] = float(value)
        return cls(**values)


def captions(utterances: Iterable[object], config: object = None) -> list[Caption]:
    """The captions of a transcript, in time order.

    Args:
        utterances: `UtteranceDTO` objects or dicts with `start`, `end`, `text` and `words`.
        config: a `subtitles_config` (dict or `SubtitlesConfigDTO`), a `SubtitleLayout`, or None for defaults.
    """
    layout = SubtitleLayout.from_config(config)
    cues: list[Caption] = []
    for utterance in sorted(utterances, key=lambda u: float(_field(u, "start") or 0.0)):
        cues.extend(_utterance_captions(_tokens(utterance), layout))
    return _hold_short_captions(cues, layout.minimum_duration)


def to_srt(utterances: Iterable[object], config: object = None) -> str:
    """A SubRip (.srt) file: numbered cues with `HH:MM:SS,mmm` times."""
    return _render(captions(utterances, config), srt_timestamp)


def to_vtt(utterances: Iterable[object], config: object = None) -> str:
    """A WebVTT (.vtt) file: the `WEBVTT` header, then numbered cues with `HH:MM:SS.mmm` times."""
    cues = _render(captions(utterances, config), vtt_timestamp)
    return "WEBVTT\n\n" + cues if cues else "WEBVTT\n"


def to_subtitles(utterances: Iterable[object], subtitle_format: str, config: object = None) -> str:
    """Subtitles in `subtitle_format` (`srt` or `vtt`).

    Raises:
        ValueError: for another format.
    """
    fmt = str(getattr(subtitle_format, "value", subtitle_format)).lower()
    if fmt == "srt":
        return to_srt(utterances, config)
    if fmt == "vtt":
        return to_vtt(utterances, config)
    raise ValueError(f"unknown subtitle format {subtitle_format!r}; use 'srt' or 'vtt'")


def srt_timestamp(seconds: float) -> str:
    """`HH:MM:SS,mmm`, as SubRip writes times."""
    return _timestamp(seconds, ",")


def vtt_timestamp(seconds: float) -> str:
    """`HH:MM:SS.mmm`, as WebVTT writes times."""
    return _timestamp(seconds, ".")


# ------------------------------------------------------------------------------------------------ internals

_Token = tuple[str, float, float]


def _field(obj: object, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _is_number(value: object) -> bool:
    # Generated models mark absent fields with an `Unset` object; anything that is not a number is "not set".
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _tokens(utterance: object) -> list[_Token]:
    """The words of an utterance with their times; text without word timings is spread over the utterance."""
    words = _field(utterance, "words") or []
    tokens: list[_Token] = []
    for word in words:
        raw = str(_field(word, "word") or "")
        text, start, end = raw.strip(), _field(word, "start"), _field(word, "end")
        if not (text and _is_number(start) and _is_number(end)):
            continue
        if tokens and not raw[:1].isspace():
            # Gladia writes a space before each word; a word without one ("%", ",250", CJK) continues the last.
            before, first, _ = tokens[-1]
            tokens[-1] = (before + text, first, float(end))
        else:
            tokens.append((text, float(start), float(end)))
    if tokens:
        return tokens
    # Translated utterances may come with text but no words.
    pieces = str(_field(utterance, "text") or "").split()
    start, end = float(_field(utterance, "start") or 0.0), float(_field(utterance, "end") or 0.0)
    step = max(end - start, 0.0) / len(pieces) if pieces else 0.0
    return [(piece, start + i * step, start + (i + 1) * step) for i, piece in enumerate(pieces)]


def _utterance_captions(tokens: Sequence[_Token], layout: SubtitleLayout) -> list[Caption]:
    cues: list[Caption] = []
    rows: list[str] = []
    start = end = 0.0
    for text, word_start, word_end in tokens:
        if rows and (word_end - start > layout.maximum_duration or not _fits(rows, text, layout)):
            cues.append(Caption(start, end, tuple(rows)))
            rows = []
        if not rows:
            rows, start = [text], word_start
        elif len(rows[-1]) + 1 + len(text) <= layout.maximum_characters_per_row:
            rows[-1] = f"{rows[-1]} {text}"
        else:
            rows.append(text)
        end = max(word_end, start)
    if rows:
        cues.append(Caption(start, end, tuple(rows)))
    return cues


def _fits(rows: Sequence[str], text: str, layout: SubtitleLayout) -> bool:
    if len(rows[-1]) + 1 + len(text) <= layout.maximum_characters_per_row:
        return True
    return len(rows) < layout.maximum_rows_per_caption


def _hold_short_captions(cues: Sequence[Caption], minimum: float) -> list[Caption]:
    held = []
    for index, cue in enumerate(cues):
        end = max(cue.end, cue.start + minimum)
        if index + 1 < len(cues):
            end = min(end, max(cues[index + 1].start, cue.end))
        held.append(attrs.evolve(cue, end=end))
    return held


def _render(cues: Sequence[Caption], timestamp: Callable[[float], str]) -> str:
    return "\n".join(
        f"{number}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{cue.text}\n"
        for number, cue in enumerate(cues, start=1)
    )


def _timestamp(seconds: float, separator: str) -> str:
    millis = max(round(seconds * 1000), 0)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"
