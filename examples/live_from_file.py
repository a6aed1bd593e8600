"""Stream a WAV file to Gladia's live API as if it were being recorded, printing each final utterance.

    GLADIA_API_KEY=... python examples/live_from_file.py meeting.wav             # at the pace of speech
    GLADIA_API_KEY=... python examples/live_from_file.py meeting.wav --speed 0   # as fast as Gladia takes it

The session is told the WAV's format (PCM, its sample rate, bit depth and channels); the audio is sent in
100 ms chunks, as a microphone would deliver it, and a subscription prints each final transcript as it
arrives, while the audio is still being sent. Leaving the `with` block stops the recording and waits for the
last messages. Needs the `live` extra (websockets).
"""

from __future__ import annotations

import argparse
import time
import wave

from gladia import GladiaClient
from gladia_api.models import TranscriptMessage

CHUNK_SECONDS = 0.1


def print_final(message: TranscriptMessage) -> None:
    if message.data.is_final:
        print(message.data.utterance.text, flush=True)


def stream(path: str, speed: float) -> None:
    with wave.open(path, "rb") as recording:
        width, rate, channels = recording.getsampwidth(), recording.getframerate(), recording.getnchannels()
        audio = recording.readframes(recording.getnframes())
    options = {
        "encoding": "wav/pcm",
        "sample_rate": rate,
        "bit_depth": 8 * width,
        "channels": channels,
        "language_config": {"languages": ["en"]},
    }
    chunk = int(rate * CHUNK_SECONDS) * width * channels
    with GladiaClient() as client, client.live().start_session(options) as session:
        session.on(TranscriptMessage, print_final)  # runs in the session's reader, as messages arrive
        started = time.monotonic()
        for number, start in enumerate(range(0, len(audio), chunk)):
            if speed > 0:  # wait until this chunk would have been spoken
                time.sleep(max(0.0, started + number * CHUNK_SECONDS / speed - time.monotonic()))
            session.send_audio(audio[start : start + chunk])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Stream a WAV file to Gladia's live API.")
    parser.add_argument("wav")
    parser.add_argument("--speed", type=float, default=1.0, help="times real time; 0: no waiting")
    args = parser.parse_args()
    stream(args.wav, args.speed)
