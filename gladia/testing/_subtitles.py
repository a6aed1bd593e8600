"""Subtitles as Gladia's servers write them, for `subtitles: true` (the real capture `done_05` shows how).

Not `gladia.subtitles`, which exports standard subtitles on the client side. Gladia's own differ:

- a cue runs from its first word's start to its last word's end, so the silences between cues stay;
- cues are cut from the words, not the utterances: consecutive utterances share a cue while the speaker
  and channel stay the same, no pause is longer than `_MAX_PAUSE`, the text fits the rows and the cue the
  maximum duration;
- SubRip writes `.` before the milliseconds, as WebVTT does (`00:00:01.916 --> 00:00:06.139`), and every
  cue of both formats is numbered.

A cue shorter than `minimum_duration` is held longer (never past the next cue) only when the request sets it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from gladia.subtitles import SubtitleLayout

# A silence longer than this, in seconds, ends a cue.
_MAX_PAUSE = 1.0


@attrs.frozen
class _Word:
    text: str
    start: float
    end: float
    who: tuple[object, object]
    """The speaker and channel saying it."""


@attrs.define
class _Cue:
    start: float
    end: float
    rows: list[str]
    who: tuple[object, object]


def render(utterances: Sequence[Mapping[str, Any]], subtitle_format: str, config: Mapping[str, Any]) -> str:
    """The subtitles of a job's utterances (dicts as in its JSON) in `srt` or `vtt`."""
    layout = SubtitleLayout.from_config(dict(config))
    cues = _cues(_words(utterances), layout)
    minimum = config.get("minimum_duration")
    if isinstance(minimum, (int, float)) and minimum > 0:
        for cue, following in zip(cues, [*cues[1:], None], strict=True):
            limit = following.start if following is not None else cue.start + minimum
            cue.end = max(cue.end, min(cue.start + minimum, limit))
    blocks = [
        f"{index}\n{_timestamp(cue.start)} --> {_timestamp(cue.end)}\n" + "\n".join(cue.rows)
        for index, cue in enumerate(cues, start=1)
    ]
    body = "\n\n".join(blocks) + "\n" if blocks else ""
    return f"WEBVTT\n\n{body}" if subtitle_format == "vtt" else body


def _words(utterances: Sequence[Mapping[str, Any]]) -> list[_Word]:
    found = []
    for utterance in utterances:
        who = (utterance.get("speaker"), utterance.get("channel"))
        for word in utterance.get("words") or ():
            text = str(word.get("word", "")).strip()
            if text:
                found.append(_Word(text, float(word["start"]), float(word["end"]), who))
    return sorted(found, key=lambda w: w.start)


def _cues(words: Sequence[_Word], layout: SubtitleLayout) -> list[_Cue]:
    cues: list[_Cue] = []
    current: _Cue | None = None
    for word in words:
        if current is not None and _continues(current, word, layout):
            _append(current, word.text, layout.maximum_characters_per_row)
            current.end = max(current.end, word.end)
            continue
        current = _Cue(word.start, word.end, [word.text], word.who)
        cues.append(current)
    return cues


def _continues(cue: _Cue, word: _Word, layout: SubtitleLayout) -> bool:
    if word.who != cue.who or word.start - cue.end > _MAX_PAUSE:
        return False
    if word.end - cue.start > layout.maximum_duration:
        return False
    last = cue.rows[-1]
    fits_row = len(last) + 1 + len(word.text) <= layout.maximum_characters_per_row
    return fits_row or len(cue.rows) < layout.maximum_rows_per_caption


def _append(cue: _Cue, text: str, row_width: int) -> None:
    if len(cue.rows[-1]) + 1 + len(text) <= row_width:
        cue.rows[-1] = f"{cue.rows[-1]} {text}"
    else:
        cue.rows.append(text)


def _timestamp(seconds: float) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}.{millis:03d}"
