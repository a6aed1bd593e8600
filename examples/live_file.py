"""Stream a WAV file into a live session as if it were being said now, and print each final utterance.

    ./scripts/uv run --extra live python examples/live_file.py samples/meeting.wav
    ./scripts/uv run --extra live python examples/live_file.py --speed 0 samples/meeting.wav
    ./scripts/uv run --extra local python examples/live_file.py --local samples/meeting.wav

It talks to Gladia with `GLADIA_API_KEY` (and to another server, such as `gladia emulator`, with
`GLADIA_API_URL`); `--local` starts an emulator in this process with the local Whisper engine instead, so it
runs offline with no key. The file must be a PCM WAV: its header gives the session its encoding, sample rate,
bit depth and channels. `--speed 1` (the default) sends 100 ms of audio every 100 ms, as a microphone would;
`--speed 4` four times faster; `--speed 0` as fast as Gladia acknowledges it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
import wave
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from gladia import GladiaClient, GladiaError
from gladia_api.models import TranscriptMessage

CHUNK_SECONDS = 0.1


def read_wav(path: Path) -> tuple[dict[str, Any], bytes]:
    """The live options that describe a PCM WAV file, and its samples."""
    with wave.open(str(path), "rb") as wav:
        options = {
            "encoding": "wav/pcm",
            "sample_rate": wav.getframerate(),
            "bit_depth": 8 * wav.getsampwidth(),
            "channels": wav.getnchannels(),
        }
        return options, wav.readframes(wav.getnframes())


def stream_file(
    client: GladiaClient, path: Path, *, speed: float = 1.0, languages: Sequence[str] = ()
) -> list[str]:
    """Stream `path` into a new live session, printing each final utterance as it comes; all of them."""
    options, pcm = read_wav(path)
    if languages:
        options["language_config"] = {"languages": list(languages)}
    chunk = round(options["sample_rate"] * CHUNK_SECONDS) * options["channels"] * options["bit_depth"] // 8
    finals: list[str] = []

    def on_transcript(message: TranscriptMessage) -> None:  # called on the session's callback thread
        if message.data.is_final:
            finals.append(message.data.utterance.text)
            print(message.data.utterance.text, flush=True)

    with client.live().start_session(options) as session:
        session.on(TranscriptMessage, on_transcript)
        started = time.monotonic()
        for index, start in enumerate(range(0, len(pcm), chunk)):
            if speed > 0:  # each chunk when it would have been said
                time.sleep(max(0.0, started + index * CHUNK_SECONDS / speed - time.monotonic()))
            session.send_audio(pcm[start : start + chunk])
    # Leaving the block stopped the recording and waited for the session to end: every final was printed.
    return finals


@contextlib.contextmanager
def connect(local: bool) -> Iterator[GladiaClient]:
    """A client of Gladia (from the environment), or of an emulator with the local Whisper engine."""
    if not local:
        with GladiaClient() as client:
            yield client
        return
    from gladia.testing import emulator  # noqa: PLC0415  (the `local` extra: only with --local)

    with (
        emulator(engine="whisper") as local_gladia,
        GladiaClient(api_key=local_gladia.api_key, api_url=local_gladia.url) as client,
    ):
        yield client


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wav", type=Path, help="a PCM WAV file")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="N times real time; 0: as fast as acknowledged"
    )
    parser.add_argument(
        "-l", "--language", action="append", default=[], help="a language spoken (repeatable)"
    )
    parser.add_argument("--local", action="store_true", help="offline: the local Whisper engine, no key")
    args = parser.parse_args(argv)
    try:
        with connect(args.local) as client:
            stream_file(client, args.wav, speed=args.speed, languages=args.language)
    except (GladiaError, wave.Error, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
