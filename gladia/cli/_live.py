"""`gladia live FILE`: stream a WAV recording to Gladia's live API as if it were live, and print what it hears.
`gladia live --mic`: the same from the default microphone, until Ctrl-C.

The audio is sent in 100 ms frames at real-time pace (`--speed 4` is four times faster, `--speed 0` as fast
as acknowledgments allow) by a sender thread, while this thread prints each final utterance as it arrives
(partials too, on a terminal, on one line that is rewritten). `--json` prints every message, one per line.
With no key, or with `--local`, it runs offline: an emulator in this process with the local Whisper engine,
which transcribes the stream window by window, as `gladia transcribe` does for files.

With `--mic` the audio comes from the default input device (`gladia.live.Microphone`, the `mic` extra), 16
kHz mono, sent by the sender thread as it is recorded. The first Ctrl-C closes the microphone: what it
recorded is sent, the recording stopped, and the transcript's last utterances printed as the session ends;
a second Ctrl-C quits at once (exit 130).
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
import time
import wave
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from gladia import GladiaClient
from gladia.cli._connection import api_options, fallback_notice, for_transcribe
from gladia.cli._errors import CliError, usage_error
from gladia.cli._local import load_model, local_api, make_engine, model_name
from gladia.cli._shown import json_safe, shown
from gladia.errors import GladiaError
from gladia_api import models as M

if TYPE_CHECKING:
    from gladia.live.microphone import Microphone

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
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mic",
    is_flag=True,
    help="Stream the default microphone instead of a file (16 kHz mono), until Ctrl-C. Needs gladia[mic].",
)
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
    file: Path | None,
    mic: bool,
    speed: float,
    languages: tuple[str, ...],
    as_json: bool,
    local: bool,
    model: str | None,
    api_key: str | None,
    api_url: str | None,
) -> None:
    """Stream FILE (a PCM WAV) as if it were live, or the microphone with --mic, printing final utterances
    as they come."""
    if mic == (file is not None):
        raise usage_error("give a WAV file to stream, or --mic to stream the microphone (not both)")
    if mic and ctx.get_parameter_source("speed") is not click.core.ParameterSource.DEFAULT:
        raise usage_error("--speed paces a file: the microphone streams as you speak")
    api = for_transcribe(ctx, api_key=api_key, api_url=api_url, local=local)
    extra: dict[str, Any] = {}
    if languages:
        extra["language_config"] = {"languages": list(languages)}
    partials = not as_json and sys.stdout.isatty()
    extra["messages_config"] = {"receive_partial_transcripts": partials or as_json}
    if file is not None:
        wav_options, audio = read_wav(file)
        options = {**wav_options, **extra}
        send = _file_sender(options, audio, speed)
        microphone = None
    else:
        microphone = _open_microphone()  # first: no device means nothing else is done
        options = microphone.session_options(extra)
        send = _mic_sender(microphone)
    try:
        if not api.local:
            _stream(
                GladiaClient(api_key=api.api_key, api_url=api.api_url), options, send, as_json, microphone
            )
            return
        engine = make_engine(model)
        if api.fallback:
            click.echo(fallback_notice(model_name(engine, model)), err=True)
        load_model(engine, model)
        with local_api(engine) as (url, key):
            _stream(GladiaClient(api_key=key, api_url=url), options, send, as_json, microphone)
    finally:
        if microphone is not None:
            microphone.close()


def _open_microphone() -> Microphone:
    from gladia.live.microphone import Microphone  # noqa: PLC0415  (--mic only)

    microphone = Microphone()
    try:
        microphone.open()
    except ModuleNotFoundError as exc:  # the mic extra: its message says how to install it
        raise CliError(str(exc)) from None
    return microphone


# Sends all the audio to the session it is given, then stops the recording; returns the error to report
# once the session has ended, if the audio ended early (raises if it cannot stop the recording cleanly).
Sender = Callable[[Any], "BaseException | None"]


def _file_sender(options: dict[str, Any], audio: bytes, speed: float) -> Sender:
    frame = (
        max(1, int(options["sample_rate"] * FRAME_SECONDS)) * options["channels"] * options["bit_depth"] // 8
    )

    def send(session: Any) -> BaseException | None:
        started = time.monotonic()
        for index, start in enumerate(range(0, len(audio), frame)):
            if speed > 0:
                time.sleep(max(0.0, started + index * FRAME_SECONDS / speed - time.monotonic()))
            session.send_audio(audio[start : start + frame])
        session.stop_recording()
        return None

    return send


def _mic_sender(microphone: Microphone) -> Sender:
    from gladia.live.microphone import MicrophoneError  # noqa: PLC0415  (--mic only)

    def send(session: Any) -> BaseException | None:
        try:
            for chunk in microphone:  # until Ctrl-C closes it, and what it recorded is sent
                session.send_audio(chunk)
        except MicrophoneError as exc:
            # The device failed: what it recorded until then is still transcribed, then the error shown.
            with suppress(GladiaError):  # the session failed too: its own error is raised by the reading
                session.stop_recording()
            return exc
        session.stop_recording()
        return None

    return send


def _stream(
    client: GladiaClient,
    options: dict[str, Any],
    send: Sender,
    as_json: bool,
    microphone: Microphone | None = None,
) -> None:
    failures: list[BaseException] = []
    with client, client.live().start_session(options) as session:

        def run() -> None:
            sent = False
            try:
                late = send(session)
                sent = True
                if late is not None:
                    failures.append(late)
            # Whatever ends this thread (SystemExit and its kin included, which a thread drops silently)
            # is reported by the main thread, once the messages end.
            except BaseException as exc:  # noqa: BLE001
                failures.append(exc)
            finally:
                if not sent:
                    # Nothing more will be sent, nor the recording stopped: the session is closed, so the
                    # messages end now instead of being waited for forever.
                    session.close()

        sender = threading.Thread(target=run, name="gladia-live-sender", daemon=True)
        sender.start()
        if microphone is None:
            _print_messages(session, as_json)
        else:
            with _stop_on_ctrl_c(microphone):  # before saying so: a Ctrl-C from then on stops cleanly
                click.echo("Listening on the default microphone; press Ctrl-C to stop.", err=True)
                _print_messages(session, as_json)
        sender.join()
    if failures:
        failure = failures[0]
        if isinstance(failure, (Exception, KeyboardInterrupt, SystemExit)):
            raise failure
        raise CliError(f"sending the audio failed ({type(failure).__name__}: {failure})") from failure


@contextmanager
def _stop_on_ctrl_c(microphone: Microphone) -> Iterator[None]:
    """The first Ctrl-C closes the microphone (its audio is sent, then the recording stopped, and the
    session ends as usual); the next one interrupts at once."""
    previous = signal.getsignal(signal.SIGINT) or signal.default_int_handler  # None: not set from Python
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        # Signals reach the main thread only (elsewhere Ctrl-C interrupts at once); and a process started
        # with SIGINT ignored (a background job) keeps ignoring it.
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, previous)
        _say_now("Stopping: transcribing what was said (Ctrl-C again to quit at once).")
        microphone.close()  # safe in a signal handler; the sender sends what it recorded, then stops

    signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _say_now(line: str) -> None:
    """`line` on stderr from a signal handler: written to the file descriptor, since the handler may run
    while this thread is inside a write to sys.stderr (which would refuse a reentrant write)."""
    try:
        os.write(sys.stderr.fileno(), f"{line}\n".encode())
    except (OSError, ValueError, io.UnsupportedOperation):  # no descriptor (a test's captured stderr)
        click.echo(line, err=True)


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
