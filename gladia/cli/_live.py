"""`gladia live FILE`: stream a WAV recording to Gladia's live API as if it were live, and print what it hears.

The audio is sent in 100 ms frames at real-time pace (`--speed 4` is four times faster, `--speed 0` as fast
as acknowledgments allow) by a sender thread, while this thread prints each final utterance as it arrives
(partials too, on a terminal, on one line that is rewritten). `--json` prints every message, one per line.
With no key, or with `--local`, it runs offline: an emulator in this process with the local Whisper engine,
which transcribes the stream window by window, as `gladia transcribe` does for files.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import wave
from pathlib import Path
from typing import Any

import click

from gladia import GladiaClient
from gladia.cli._connection import api_options, fallback_notice, for_transcribe
from gladia.cli._errors import usage_error
from gladia.cli._local import load_model, local_api, make_engine, model_name
from gladia.cli._shown import json_safe, shown
from gladia_api import models as M

FRAME_SECONDS = 0.1
_BIT_DEPTHS = {1: 8, 2: 16, 3: 24, 4: 32}


def read_wav(path: Path) -> tuple[dict[str, Any], bytes]:
    """The live options describing a PCM WAV file, and its audio.

    Raises:
        CliError: (exit 2) the file is not a PCM WAV.
    """
    try:
        with wave.open(str(path), "rb") as recording:
            options = {
                "encoding": "wav/pcm",
                "sample_rate": recording.getframerate(),
                "bit_depth": _BIT_DEPTHS.get(recording.getsampwidth(), 0),
                "channels": recording.getnchannels(),
            }
            return options, recording.readframes(recording.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise usage_error(
            f"{shown(str(path))} is not a PCM WAV file ({exc}); convert it first, e.g. with ffmpeg"
        ) from None


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--speed",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Stream N times faster than real time; 0 streams as fast as Gladia acknowledges.",
)
@click.option(
    "-l",
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="A language spoken (repeat for several); Gladia detects it when left out.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every message Gladia sends, one JSON per line.")
@click.option("--local", is_flag=True, help="Offline, with the local Whisper engine, even with a key set.")
@click.option("--model", metavar="NAME", help="The local Whisper model (offline only). Default: tiny.en.")
@api_options
@click.pass_context
def live(
    ctx: click.Context,
    file: Path,
    speed: float,
    languages: tuple[str, ...],
    as_json: bool,
    local: bool,
    model: str | None,
    api_key: str | None,
    api_url: str | None,
) -> None:
    """Stream FILE (a PCM WAV) as if it were live, printing final utterances as they come."""
    api = for_transcribe(ctx, api_key=api_key, api_url=api_url, local=local)
    options, audio = read_wav(file)
    if languages:
        options["language_config"] = {"languages": list(languages)}
    partials = not as_json and sys.stdout.isatty()
    options["messages_config"] = {"receive_partial_transcripts": partials or as_json}
    if not api.local:
        _stream(GladiaClient(api_key=api.api_key, api_url=api.api_url), options, audio, speed, as_json)
        return
    engine = make_engine(model)
    if api.fallback:
        click.echo(fallback_notice(model_name(engine, model)), err=True)
    load_model(engine, model)
    with local_api(engine) as (url, key):
        _stream(GladiaClient(api_key=key, api_url=url), options, audio, speed, as_json)


def _stream(client: GladiaClient, options: dict[str, Any], audio: bytes, speed: float, as_json: bool) -> None:
    frame = (
        max(1, int(options["sample_rate"] * FRAME_SECONDS)) * options["channels"] * options["bit_depth"] // 8
    )
    failures: list[BaseException] = []
    with client, client.live().start_session(options) as session:

        def send() -> None:
            started = time.monotonic()
            try:
                for index, start in enumerate(range(0, len(audio), frame)):
                    if speed > 0:
                        time.sleep(max(0.0, started + index * FRAME_SECONDS / speed - time.monotonic()))
                    session.send_audio(audio[start : start + frame])
                session.stop_recording()
            except Exception as exc:  # noqa: BLE001  (reported by the main thread, once the messages end)
                failures.append(exc)

        sender = threading.Thread(target=send, name="gladia-live-sender", daemon=True)
        sender.start()
        _print_messages(session, as_json)
        sender.join()
    if failures:
        raise failures[0]


def _print_messages(session: Any, as_json: bool) -> None:
    partial_shown = False
    for message in session:
        if as_json:
            raw = message.raw if hasattr(message, "raw") else message.to_dict()
            click.echo(json_safe(json.dumps(raw, ensure_ascii=False)))
            continue
        if not isinstance(message, M.TranscriptMessage):
            continue
        text = message.data.utterance.text
        if message.data.is_final:
            click.echo(("\r\x1b[2K" if partial_shown else "") + text)
            partial_shown = False
        else:
            click.echo("\r\x1b[2K" + text, nl=False)
            partial_shown = True
