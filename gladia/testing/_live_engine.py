"""The emulator's deterministic live engine: a known transcript, revealed as the audio that carries it arrives.

Time is measured in audio, never on the wall clock: `advance(seconds)` is called with the duration of the
audio received so far (bytes / bytes per second), so a test that streams ten minutes of audio in a tenth of
a second gets exactly the messages a real-time stream would, in the same order.

For each utterance of the script: `speech_start` once the audio reaches its first word; a partial
transcript each time another word has been heard; `speech_end` and the final transcript once the audio has
gone `endpointing` seconds past its last word. `finish()` (on `stop_recording`) ends the utterance under
way; the rest of the script, beyond the audio received, is never said.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, Protocol

import attrs

from gladia.testing.engines import Utterance, lay_out

#: How long the deterministic script speaks per character of text, when a test gives no duration.
SECONDS_PER_CHARACTER = 0.07


@attrs.frozen(kw_only=True)
class Event:
    """One thing the engine has to say: `kind` is `speech_start`, `speech_end`, `partial` or `final`."""

    kind: str
    utterance: Utterance
    utterance_id: str
    time: float
    words: int = 0
    """For a partial: how many of the utterance's words it holds."""

    def transcript_data(self) -> dict[str, Any]:
        """The `data` of a transcript message for this partial or final."""
        shown = self.utterance if self.kind == "final" else _first_words(self.utterance, self.words)
        return {"id": self.utterance_id, "is_final": self.kind == "final", "utterance": shown.to_dict()}


def script(text: str, language: str, duration: float | None = None) -> tuple[Utterance, ...]:
    """The utterances a session will reveal: `text` laid out over `duration` seconds (by default, as long as
    it takes to say it)."""
    seconds = duration if duration is not None else max(1.0, len(text) * SECONDS_PER_CHARACTER)
    return lay_out(text, seconds, language)


class Transcriber(Protocol):
    """What a live session's engine does: reveal what was said as the audio reaches `now` seconds."""

    @property
    def finals(self) -> list[Utterance]: ...

    async def advance(self, now: float) -> list[Event]: ...

    async def finish(self, now: float) -> list[Event]: ...


class LiveEngine:
    """Reveals the utterances of a script as the audio advances. Not thread-safe: one per session."""

    def __init__(self, utterances: tuple[Utterance, ...], *, endpointing: float) -> None:
        self._utterances = utterances
        self._endpointing = endpointing
        self._ids = [str(uuid.uuid4()) for _ in utterances]
        self._started = [False] * len(utterances)
        self._heard = [0] * len(utterances)
        self._done = [False] * len(utterances)
        self.finals: list[Utterance] = []

    async def advance(self, now: float) -> list[Event]:
        """Everything newly heard once the audio has reached `now` seconds."""
        return list(self._reveal(now, finishing=False))

    async def finish(self, now: float) -> list[Event]:
        """The recording has ended at `now`: every utterance begun is ended and made final; the script's
        utterances after `now` were never spoken."""
        return list(self._reveal(now, finishing=True))

    def _reveal(self, now: float, *, finishing: bool) -> Iterator[Event]:
        for index, utterance in enumerate(self._utterances):
            if self._done[index]:
                continue
            if now < utterance.start:
                return  # utterances are in time order: nothing later has begun (or ever will, finishing)
            uid = self._ids[index]
            if not self._started[index]:
                self._started[index] = True
                yield Event(kind="speech_start", utterance=utterance, utterance_id=uid, time=utterance.start)
            heard = len(utterance.words) if finishing else sum(w.end <= now for w in utterance.words)
            ended = finishing or now >= utterance.end + self._endpointing
            if heard > self._heard[index] and not ended:
                self._heard[index] = heard
                yield Event(kind="partial", utterance=utterance, utterance_id=uid, time=now, words=heard)
            if not ended:
                return
            self._done[index] = True
            self.finals.append(utterance)
            end = round(min(now, utterance.end + self._endpointing), 3)
            yield Event(kind="speech_end", utterance=utterance, utterance_id=uid, time=end)
            yield Event(kind="final", utterance=utterance, utterance_id=uid, time=end)


def _first_words(utterance: Utterance, count: int) -> Utterance:
    words = utterance.words[:count]
    return attrs.evolve(
        utterance,
        words=words,
        text="".join(w.word for w in words).strip(),
        end=words[-1].end if words else utterance.start,
    )
