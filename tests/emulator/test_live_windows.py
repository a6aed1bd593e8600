"""The emulator's windowed live engine, with a speech engine that reads what the audio says, deterministically.

The audio of second N is filled with the byte N, and the engine "hears" one utterance per stretch of
constant bytes (the word `sN`, as long as the stretch); the byte 0 is silence. So what a window cut in two,
heard again, lost or repeated shows exactly, without a real model; and the engine keeps every stretch of
audio it was given, so the tests also see how much work the stream cost.
"""

from __future__ import annotations

import asyncio
import io
import wave
from collections.abc import Mapping
from typing import Any

import pytest

from gladia import GladiaClient
from gladia.testing import AudioInput, Transcription, Utterance, Word, emulator
from gladia.testing._live_windows import (
    MAX_WINDOW_SECONDS,
    PAUSE_SECONDS,
    SILENCE_OVERLAP_SECONDS,
    WINDOW_SECONDS,
    WindowedEngine,
    settle,
)
from gladia_api import models as M

RATE = 16_000
SECOND = RATE * 2
STRETCH = 41_600  # 1.3 s: windows (every 5 s of audio) end in the middle of an utterance


class ByteReader:
    """Hears `sN` wherever the audio's samples hold the byte N > 0 (at least 0.2 s of it)."""

    def __init__(self) -> None:
        self.heard: list[tuple[float, tuple[str, ...]]] = []
        """Each transcription: the seconds of audio it was given, and the words it heard."""

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        with wave.open(str(audio.path)) as recording:
            data = recording.readframes(recording.getnframes())
        utterances = []
        start = 0
        for end in range(2, len(data) + 2, 2):
            if end < len(data) and data[end] == data[start]:
                continue
            if end - start >= 0.2 * SECOND and data[start] != 0:
                begin, finish = round(start / SECOND + 0.05, 3), round(end / SECOND - 0.05, 3)
                word = Word(word=f"s{data[start]}", start=begin, end=finish, confidence=1.0)
                utterances.append(
                    Utterance(
                        text=word.word, start=begin, end=finish, confidence=1.0, language="en", words=[word]
                    )
                )
            start = end
        self.heard.append((audio.duration, tuple(u.text for u in utterances)))
        return Transcription(utterances=utterances, languages=("en",))


def stream(reader: ByteReader, audio: bytes) -> list[Any]:
    """Every message of a session that streams `audio` in 100 ms chunks, then stops."""
    with (
        emulator(engine=reader) as emu,
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        client.live().start_session() as session,
    ):
        for start in range(0, len(audio), 3200):
            session.send_audio(audio[start : start + 3200])
        session.stop_recording()
        return list(session)


def finals(messages: list[Any]) -> list[Any]:
    return [m.data.utterance for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]


def test_each_utterance_is_final_once_in_order_while_the_audio_streams() -> None:
    audio = b"".join(bytes([n]) * STRETCH for n in range(1, 13))  # 15.6 s: s1 ... s12
    messages = stream(ByteReader(), audio)
    final = finals(messages)
    assert [u.text for u in final] == [f"s{n}" for n in range(1, 13)]
    assert [u.start for u in final] == [round((n - 1) * 1.3 + 0.05, 3) for n in range(1, 13)]
    # Most were made final by the windows, while audio kept coming; the rest by stop_recording.
    stop_ack = next(i for i, m in enumerate(messages) if isinstance(m, M.StopRecordingAckMessage))
    done = [m.data.utterance for m in messages[:stop_ack] if isinstance(m, M.TranscriptMessage)]
    assert len(done) >= 6
    # None was cut by a window: each ends where its stretch of audio ends.
    assert [u.end for u in final] == [round(n * 1.3 - 0.05, 3) for n in range(1, 13)]


def test_a_long_stream_is_heard_about_once_a_window_at_a_time() -> None:
    count = 230  # 299 s of speech without a pause: every window ends inside an utterance
    audio = b"".join(bytes([1 + n % 255]) * STRETCH for n in range(count))
    reader = ByteReader()
    final = finals(stream(reader, audio))
    assert [u.text for u in final] == [f"s{1 + n % 255}" for n in range(count)]
    assert [u.end for u in final] == [round((n + 1) * 1.3 - 0.05, 3) for n in range(count)]
    seconds = len(audio) / SECOND
    # One transcription per window of new audio, each of that window and the utterance it held back: the
    # work grows with the stream's length, not with its square.
    assert len(reader.heard) <= seconds / WINDOW_SECONDS + 1
    # The longest: a window's new audio (up to a chunk more) and an utterance held back whole (1.3 s).
    assert max(length for length, _ in reader.heard) <= WINDOW_SECONDS + 1.5
    assert sum(length for length, _ in reader.heard) <= 1.3 * seconds
    # Only the utterance a window cut short was heard twice.
    heard = [word for _, words in reader.heard for word in words]
    assert len(heard) <= count + len(reader.heard)


def test_an_utterance_followed_by_a_pause_is_final_at_once_and_never_heard_again() -> None:
    silence = bytes(int(2 * SECOND))
    audio = bytes([1]) * (3 * SECOND) + silence + bytes([2]) * (3 * SECOND) + silence  # s1, pause, s2, pause
    reader = ByteReader()
    messages = stream(reader, audio)
    assert [u.text for u in finals(messages)] == ["s1", "s2"]
    # s1 was final as soon as the first window (5 s) was heard: before the next chunk was acknowledged.
    index = next(i for i, m in enumerate(messages) if isinstance(m, M.TranscriptMessage))
    acks = [m.data.time_range[1] for m in messages[:index] if isinstance(m, M.AudioChunkAckMessage)]
    assert max(acks) == WINDOW_SECONDS
    assert [words for _, words in reader.heard].count(("s1",)) == 1
    assert [word for _, words in reader.heard for word in words] == ["s1", "s2"]


def test_nothing_new_since_the_last_window_ends_the_stream_without_hearing_it_again() -> None:
    audio = b"".join(bytes([n]) * STRETCH for n in range(1, 9))[: int(2 * WINDOW_SECONDS * SECOND)]
    reader = ByteReader()
    final = finals(stream(reader, audio))
    assert [u.text for u in final] == [f"s{n}" for n in range(1, 9)]
    assert len(reader.heard) == 2  # the two windows: stop_recording made what the second held back final


def test_an_utterance_longer_than_the_longest_window_is_made_final_when_it_fills_it() -> None:
    audio = bytes([7]) * int((MAX_WINDOW_SECONDS + 2) * SECOND)
    reader = ByteReader()
    messages = stream(reader, audio)
    stop_ack = next(i for i, m in enumerate(messages) if isinstance(m, M.StopRecordingAckMessage))
    before_stop = finals(messages[:stop_ack])
    assert [(u.text, u.start, u.end) for u in before_stop] == [("s7", 0.05, MAX_WINDOW_SECONDS - 0.05)]
    assert [length for length, _ in reader.heard] == [5.0, 10.0, 15.0, pytest.approx(2.05)]


def _utterance(text: str, start: float, end: float) -> Utterance:
    word = Word(word=text, start=start, end=end, confidence=1.0)
    return Utterance(text=text, start=start, end=end, confidence=1.0, language="en", words=[word])


A, B = _utterance("a", 10.2, 12.0), _utterance("b", 12.1, 14.9)


@pytest.mark.parametrize(
    ("heard", "now", "finishing", "final", "held", "cut"),
    [
        pytest.param([A, B], 15.0, False, [A], [B], 12.0, id="the last may be cut short: held back"),
        pytest.param([A, B], 14.9 + PAUSE_SECONDS, False, [A, B], [], 14.9, id="a pause after the last"),
        pytest.param([A, B], 15.0, True, [A, B], [], 15.0, id="the recording ended"),
        pytest.param([B], 15.0, False, [], [B], 10.0, id="one utterance, held: the cut stays"),
        pytest.param(
            [B], 10.0 + MAX_WINDOW_SECONDS, False, [B], [], 14.9, id="the stretch fills the longest"
        ),
        pytest.param([], 15.0, False, [], [], 15.0 - SILENCE_OVERLAP_SECONDS, id="silence"),
        pytest.param([], 10.2, False, [], [], 10.0, id="silence shorter than the overlap"),
    ],
)
def test_settle(
    heard: list[Utterance],
    now: float,
    finishing: bool,
    final: list[Utterance],
    held: list[Utterance],
    cut: float,
) -> None:
    settled = settle(heard, cut=10.0, now=now, finishing=finishing)
    assert (list(settled.final), list(settled.held), settled.cut) == (final, held, cut)


def test_calls_that_overlap_are_taken_in_turn() -> None:
    # A session's old connection can still be transcribing when the new one calls, or the recording ends.
    audio = b"".join(bytes([n]) * STRETCH for n in range(1, 9))
    reader = ByteReader()

    def wav(start: int, end: int) -> bytes:
        out = io.BytesIO()
        with wave.open(out, "wb") as recording:
            recording.setnchannels(1)
            recording.setsampwidth(2)
            recording.setframerate(RATE)
            recording.writeframes(audio[start:end])
        return out.getvalue()

    engine = WindowedEngine(reader, wav=wav, bytes_per_second=SECOND, block=2, channels=1, options={})

    async def overlapping() -> list[Any]:
        # The advance is transcribing in its thread when the other two call.
        calls = await asyncio.gather(engine.advance(6.0), engine.advance(6.1), engine.finish(6.0))
        return [event for events in calls for event in events]

    events = asyncio.run(overlapping())
    final = [event.utterance.text for event in events if event.kind == "final"]
    assert final == [f"s{n}" for n in range(1, 6)] == [u.text for u in engine.finals]
    assert len(reader.heard) == 1  # the finish found nothing new: it made the held-back s5 final unheard
