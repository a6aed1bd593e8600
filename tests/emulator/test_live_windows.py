"""The emulator's windowed live engine, with a speech engine that reads what the audio says, deterministically.

The audio of second N is filled with the byte N, and the engine "hears" one utterance per stretch of
constant bytes (the word `sN`, as long as the stretch). So what a window cut in two, heard again, lost or
repeated shows exactly, without a real model.
"""

from __future__ import annotations

import wave
from collections.abc import Mapping
from typing import Any

from gladia import GladiaClient
from gladia.testing import AudioInput, Transcription, Utterance, Word, emulator
from gladia_api import models as M

RATE = 16_000
SECOND = RATE * 2
STRETCH = 41_600  # 1.3 s: windows (every 5 s of audio) end in the middle of an utterance


class ByteReader:
    """Hears `sN` wherever the audio's samples hold the byte N (at least 0.2 s of it)."""

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        with wave.open(str(audio.path)) as recording:
            data = recording.readframes(recording.getnframes())
        utterances = []
        start = 0
        for end in range(2, len(data) + 2, 2):
            if end < len(data) and data[end] == data[start]:
                continue
            if end - start >= 0.2 * SECOND:
                begin, finish = round(start / SECOND + 0.05, 3), round(end / SECOND - 0.05, 3)
                word = Word(word=f"s{data[start]}", start=begin, end=finish, confidence=1.0)
                utterances.append(
                    Utterance(
                        text=word.word, start=begin, end=finish, confidence=1.0, language="en", words=[word]
                    )
                )
            start = end
        return Transcription(utterances=utterances, languages=("en",))


def test_each_utterance_is_final_once_in_order_while_the_audio_streams() -> None:
    audio = b"".join(bytes([n]) * STRETCH for n in range(1, 13))  # 15.6 s: s1 ... s12
    with (
        emulator(engine=ByteReader()) as emu,
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        client.live().start_session() as session,
    ):
        for start in range(0, len(audio), 3200):
            session.send_audio(audio[start : start + 3200])
        session.stop_recording()
        messages = list(session)
    finals = [m for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]
    assert [m.data.utterance.text for m in finals] == [f"s{n}" for n in range(1, 13)]
    starts = [m.data.utterance.start for m in finals]
    assert starts == [round((n - 1) * 1.3 + 0.05, 3) for n in range(1, 13)]  # at their place in the stream
    # Most were made final by the windows, while audio kept coming; the rest by stop_recording.
    stop_ack = next(i for i, m in enumerate(messages) if isinstance(m, M.StopRecordingAckMessage))
    assert sum(1 for m in messages[:stop_ack] if m in finals) >= 6
    # None was cut by a window: each ends where its stretch of audio ends.
    assert [m.data.utterance.end for m in finals] == [round(n * 1.3 - 0.05, 3) for n in range(1, 13)]
