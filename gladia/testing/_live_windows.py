"""Live transcription by any pre-recorded engine (the local Whisper one, say): the stream in windows.

Once `window_seconds` of audio have arrived since the last cut, the audio from the cut to now is written to
a WAV file and transcribed by the engine, in a worker thread (the server's event loop never waits on it).
Every utterance but the last becomes final, and the cut moves to the end of the last one kept: the last
may have been cut short by the window, so it is heard again, whole, with the next window. An utterance
that fills a whole `max_window_seconds` is made final all the same, and `finish()` (the recording ended)
makes every utterance left final. Silence moves the cut forward, keeping a little in case speech begins.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from gladia.testing._live_engine import Event
from gladia.testing.engines import AudioInput, Engine, EngineError, Utterance

#: Seconds of new audio that trigger a transcription.
WINDOW_SECONDS = 5.0
#: The longest stretch transcribed before an unfinished utterance is made final anyway.
MAX_WINDOW_SECONDS = 15.0
#: After a silent window, how much of its end is heard again (a word may be starting there).
SILENCE_OVERLAP_SECONDS = 0.5


class WindowedEngine:
    """Reveals what `engine` hears in the audio of one live session, window by window.

    Args:
        engine: a pre-recorded engine (`Engine.transcribe(audio, options)`).
        wav: gives the WAV file of the session's audio between two byte offsets.
        bytes_per_second: of the session's audio (its encoding, rate and channels).
        block: the bytes of one sample frame, so cuts never split a sample.
        channels: how many channels the audio has.
        options: what the engine is told (the session's `language_config`).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        wav: Callable[[int, int], bytes],
        bytes_per_second: int,
        block: int,
        channels: int,
        options: Mapping[str, Any],
        window_seconds: float = WINDOW_SECONDS,
        max_window_seconds: float = MAX_WINDOW_SECONDS,
    ) -> None:
        self._engine = engine
        self._wav = wav
        self._rate = bytes_per_second
        self._block = block
        self._channels = channels
        self._options = dict(options)
        self._window = window_seconds
        self._max_window = max_window_seconds
        self._cut = 0.0
        self.finals: list[Utterance] = []

    async def advance(self, now: float) -> list[Event]:
        if now - self._cut < self._window:
            return []
        return await self._transcribe(now, finishing=False)

    async def finish(self, now: float) -> list[Event]:
        if now <= self._cut:
            return []
        return await self._transcribe(now, finishing=True)

    async def _transcribe(self, now: float, *, finishing: bool) -> list[Event]:
        start, end = self._offset(self._cut), self._offset(now)
        if end <= start:
            return []
        heard = await asyncio.to_thread(self._run, self._wav(start, end), (end - start) / self._rate)
        offset = start / self._rate
        utterances = [_shifted(u, offset) for u in heard]
        whole_window = now - self._cut >= self._max_window
        kept = utterances if finishing or whole_window else utterances[:-1]
        if kept:
            self._cut = kept[-1].end
        elif not utterances:
            self._cut = max(self._cut, now - SILENCE_OVERLAP_SECONDS)
        if finishing:
            self._cut = now
        self.finals += kept
        events = []
        for utterance in kept:
            uid = str(uuid.uuid4())
            events += [
                Event(kind="speech_start", utterance=utterance, utterance_id=uid, time=utterance.start),
                Event(kind="speech_end", utterance=utterance, utterance_id=uid, time=utterance.end),
                Event(kind="final", utterance=utterance, utterance_id=uid, time=utterance.end),
            ]
        return events

    def _run(self, wav: bytes, duration: float) -> tuple[Utterance, ...]:
        with tempfile.TemporaryDirectory(prefix="gladia-live-") as directory:
            path = Path(directory) / "window.wav"
            path.write_bytes(wav)
            audio = AudioInput(
                path=path,
                sha256=hashlib.sha256(wav).hexdigest(),
                filename="live.wav",
                duration=duration,
                channels=self._channels,
            )
            try:
                return self._engine.transcribe(audio, self._options).utterances
            except EngineError:
                return ()  # audio the engine cannot read yields no transcript, as silence does

    def _offset(self, seconds: float) -> int:
        raw = int(seconds * self._rate)
        return raw - raw % self._block


def _shifted(utterance: Utterance, offset: float) -> Utterance:
    def at(moment: float) -> float:
        return round(moment + offset, 3)

    words = tuple(attrs.evolve(w, start=at(w.start), end=at(w.end)) for w in utterance.words)
    return attrs.evolve(utterance, start=at(utterance.start), end=at(utterance.end), words=words)
