"""faster-whisper's segments and words, written as Gladia writes utterances and words.

Pure functions over anything shaped like faster-whisper's `Segment` and `Word`, so the mapping is tested
without a model. What Gladia's real responses show, and this follows:

- one utterance per segment, its text trimmed, its start and end those of its first and last word;
- every word but the transcript's very first keeps the single leading space Whisper gives it (`" was"`),
  and a word Whisper attaches to the previous one (`"%"`, CJK) has none;
- confidences rounded to 2 decimals (an utterance's is the mean of its words'), times to the millisecond.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

from gladia.testing.engines import Utterance, Word


class WhisperWord(Protocol):
    """The fields of faster-whisper's `Word` used here."""

    @property
    def word(self) -> str: ...
    @property
    def start(self) -> float: ...
    @property
    def end(self) -> float: ...
    @property
    def probability(self) -> float: ...


class WhisperSegment(Protocol):
    """The fields of faster-whisper's `Segment` used here."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> float: ...
    @property
    def end(self) -> float: ...
    @property
    def avg_logprob(self) -> float: ...
    @property
    def words(self) -> Sequence[WhisperWord] | None: ...


def to_utterances(
    segments: Iterable[WhisperSegment], *, language: str, duration: float
) -> tuple[Utterance, ...]:
    """Gladia utterances from faster-whisper segments (decoded with `word_timestamps=True`).

    Args:
        segments: the segments, in time order; consumed once.
        language: the Gladia language code of the audio.
        duration: seconds of audio decoded; every time is kept within it.
    """
    clock = _Clock(duration)
    utterances = []
    first = True
    for segment in segments:
        text = segment.text.strip()
        words = []
        for heard in segment.words or ():
            spelled = _spelled(heard.word, first=first)
            if not spelled:
                continue  # Whisper can end a segment on a bare space
            first = False
            start, end = clock.span(heard.start, heard.end)
            words.append(Word(word=spelled, start=start, end=end, confidence=_unit(heard.probability)))
        if not text and not words:
            continue
        if words:
            start, end = words[0].start, words[-1].end
            confidence = _unit(sum(w.confidence for w in words) / len(words))
        else:
            # Text without word timings: keep what was heard, scored by the segment's own likelihood.
            start, end = clock.span(segment.start, segment.end)
            confidence = _unit(math.exp(segment.avg_logprob))
            first = False
        utterances.append(
            Utterance(
                text=text or " ".join(w.word.strip() for w in words),
                start=start,
                end=end,
                confidence=confidence,
                language=language,
                words=words,
            )
        )
    return tuple(utterances)


def _spelled(word: str, *, first: bool) -> str:
    core = word.strip()
    if not core or first or not word[:1].isspace():
        return core
    return f" {core}"


def _unit(probability: float) -> float:
    return round(min(1.0, max(0.0, float(probability))), 2)


class _Clock:
    """Keeps times within the audio and in order: Whisper can overshoot the end by a frame or two."""

    def __init__(self, duration: float) -> None:
        self._duration = max(0.0, float(duration))
        self._last_start = 0.0

    def span(self, start: float, end: float) -> tuple[float, float]:
        begin = min(self._duration, max(self._last_start, float(start)))
        finish = min(self._duration, max(begin, float(end)))
        self._last_start = begin
        return round(begin, 3), round(finish, 3)
