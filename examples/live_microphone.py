"""Transcribe the microphone live: each final utterance is printed as it is said, until Ctrl-C.

    ./scripts/uv run --extra mic python examples/live_microphone.py
    ./scripts/uv run --extra mic --extra local python examples/live_microphone.py --local

It talks to Gladia with `GLADIA_API_KEY` (and to another server, such as `gladia emulator`, with
`GLADIA_API_URL`); `--local` starts an emulator in this process with the local Whisper engine instead, so it
runs offline with no key. `--device` picks another input device than the system's default (an index or a
part of its name, as `python -m sounddevice` lists them).

Ctrl-C stops the listening, not the transcribing: the handler closes the microphone, whose iteration then
yields what it recorded and ends; leaving the session's block stops the recording and waits for the
session to end, so the last words said are still printed. A second Ctrl-C quits at once.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence
from types import FrameType

from gladia import GladiaClient, GladiaError
from gladia.live import Microphone
from gladia_api.models import TranscriptMessage


def transcribe_microphone(
    client: GladiaClient, *, languages: Sequence[str] = (), device: int | str | None = None
) -> list[str]:
    """Stream the microphone into a new live session until Ctrl-C, printing final utterances as they
    come; all of them."""
    finals: list[str] = []

    def on_transcript(message: TranscriptMessage) -> None:  # called on the session's callback thread
        if message.data.is_final:
            finals.append(message.data.utterance.text)
            print(message.data.utterance.text, flush=True)

    with Microphone(device=device) as mic:
        options = mic.session_options(
            {"language_config": {"languages": list(languages)}} if languages else None
        )
        with client.live().start_session(options) as session:
            session.on(TranscriptMessage, on_transcript)
            print("Listening; press Ctrl-C to stop.", file=sys.stderr, flush=True)
            with stop_on_ctrl_c(mic):
                for chunk in mic:  # 100 ms of 16 kHz 16-bit mono each, until the microphone is closed
                    session.send_audio(chunk)
            print("Stopped listening; transcribing the end.", file=sys.stderr, flush=True)
    return finals


@contextlib.contextmanager
def stop_on_ctrl_c(mic: Microphone) -> Iterator[None]:
    """The first Ctrl-C closes the microphone (safe in a signal handler); the next raises KeyboardInterrupt."""
    previous = signal.getsignal(signal.SIGINT)

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, previous)
        mic.close()

    signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
    parser.add_argument(
        "-l", "--language", action="append", default=[], help="a language spoken (repeatable)"
    )
    parser.add_argument("--device", help="an input device: its index, or a part of its name")
    parser.add_argument("--local", action="store_true", help="offline: the local Whisper engine, no key")
    args = parser.parse_args(argv)
    device = int(args.device) if args.device and args.device.isdigit() else args.device
    try:
        with connect(args.local) as client:
            transcribe_microphone(client, languages=args.language, device=device)
    except (GladiaError, ModuleNotFoundError) as error:  # ModuleNotFoundError: its message names the extra
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
