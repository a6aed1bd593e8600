"""Live transcription by any pre-recorded engine (the local Whisper one, say): the stream in windows.

Each time `window_seconds` of audio have arrived since the last transcription, the audio from the cut (the
end of what is final) to now is written to a WAV file and transcribed by the engine, in a worker thread (the
server's event loop never waits on it). What the engine heard is settled by `settle`:

- an utterance followed by another one is final: the window did not cut it;
- so is the last one when `pause_seconds` of silence follow it before the window's end;
- the last one, otherwise, may have been cut short by the window: it is held back, and heard again, whole,
  with the next window's new audio;
- an utterance held back until the stretch since the cut fills `max_window_seconds` is made final all the
  same, and `finish()` (the recording ended) makes every utterance left final.

The cut moves to the end of the last final utterance: audio before it is never transcribed again. So there
is one transcription per `window_seconds` of audio, each second is heard once, or twice when it falls in an
utterance a window held back (1.8 times in all on the samples end to end), and the work grows linearly with
the recording's length (`bench/local_live.py` measures it). A window where nothing is heard moves the cut
to its end, keeping `SILENCE_OVERLAP_SECONDS` in case speech begins there.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from gladia.testing._live_engine import Event
from gladia.testing.engines import AudioInput, Engine, EngineError, Utterance

#: Seconds of new audio, since the last transcription, that trigger the next one.
WINDOW_SECONDS = 5.0
#: The longest stretch held back before an unfinished utterance is made final anyway.
MAX_WINDOW_SECONDS = 15.0
#: Silence after the last utterance of a window, to its end, that shows the window did not cut it short.
PAUSE_SECONDS = 1.0
#: After a silent window, how much of its end is heard again (a word may be starting there).
SILENCE_OVERLAP_SECONDS = 0.5


@attrs.frozen(kw_only=True)
class Settled:
    """What one transcription of the audio from the cut to `now` decides."""

    final: tuple[Utterance, ...]
    """Utterances made final, in time order."""
    held: tuple[Utterance, ...]
    """The utterance held back (it may have been cut short by the window), or nothing."""
    cut: float
    """Where the next transcription starts: audio before it is never transcribed again."""


def settle(
    heard: Sequence[Utterance],
    *,
    cut: float,
    now: float,
    finishing: bool,
    pause_seconds: float = PAUSE_SECONDS,
    max_window_seconds: float = MAX_WINDOW_SECONDS,
) -> Settled:
    """Which of the utterances heard in the audio from `cut` to `now` are final (see the module docstring)."""
    last = heard[-1] if heard else None
    whole = (
        finishing or now - cut >= max_window_seconds or (last is not None and now - last.end >= pause_seconds)
    )
    final = tuple(heard) if whole else tuple(heard[:-1])
    if finishing:
        moved = now
    elif final:
        moved = final[-1].end
    elif not heard:
        moved = max(cut, now - SILENCE_OVERLAP_SECONDS)
    else:
        moved = cut
    return Settled(final=final, held=tuple(heard[len(final) :]), cut=moved)


class WindowedEngine:
    """Reveals what `engine` hears in the audio of one live session, window by window.

    Args:
        engine: a pre-recorded engine (`Engine.transcribe(audio, options)`).
        wav: gives the WAV file of the session's audio between two byte offsets.
        bytes_per_second: of the session's audio (its encoding, rate and channels).
        block: the bytes of one sample frame, so cuts never split a sample.
        channels: how many channels the audio has.
        options: what the engine is told (the session's `language_config`).
        window_seconds: new audio that triggers a transcription.
        max_window_seconds: the longest stretch an utterance is held back over.
        pause_seconds: silence after a window's last utterance that makes it final.
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
        pause_seconds: float = PAUSE_SECONDS,
    ) -> None:
        self._engine = engine
        self._wav = wav
        self._rate = bytes_per_second
        self._block = block
        self._channels = channels
        self._options = dict(options)
        self._window = window_seconds
        self._max_window = max_window_seconds
        self._pause = pause_seconds
        self._cut = 0.0
        self._heard_to = 0.0
        """The end of the audio last transcribed."""
        self._held: tuple[Utterance, ...] = ()
        # One call at a time: a session's old connection may still be transcribing when a new one, or the
        # recording's end, calls in; each decides from what the one before it settled.
        self._turn = asyncio.Lock()
        self.finals: list[Utterance] = []

    async def advance(self, now: float) -> list[Event]:
        if now - self._heard_to < self._window:
            return []
        async with self._turn:
            if now - self._heard_to < self._window:
                return []
            return await self._transcribe(now, finishing=False)

    async def finish(self, now: float) -> list[Event]:
        async with self._turn:
            if now <= self._cut:
                return []
            if now <= self._heard_to:
                # Nothing new since the last transcription: what it held back is what a new one would hear.
                held, self._held, self._cut = self._held, (), now
                return self._finals(held)
            return await self._transcribe(now, finishing=True)

    async def _transcribe(self, now: float, *, finishing: bool) -> list[Event]:
        start, end = self._offset(self._cut), self._offset(now)
        self._heard_to = now
        if end <= start:
            return []
        heard = await asyncio.to_thread(self._run, self._wav(start, end), (end - start) / self._rate)
        offset = start / self._rate
        settled = settle(
            [_shifted(u, offset) for u in heard],
            cut=self._cut,
            now=now,
            finishing=finishing,
            pause_seconds=self._pause,
            max_window_seconds=self._max_window,
        )
        self._cut, self._held = settled.cut, settled.held
        return self._finals(settled.final)

    def _finals(self, utterances: Sequence[Utterance]) -> list[Event]:
        self.finals += utterances
        events = []
        for utterance in utterances:
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
