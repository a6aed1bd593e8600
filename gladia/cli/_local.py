"""Offline mode: a Gladia emulator in this process, with a local speech engine, behind the normal SDK flow.

The CLI talks to it over HTTP on loopback exactly as it talks to Gladia (upload, create, poll), with a
random key that is never shown. The engine is Whisper (`gladia.testing.whisper`, from the `local` extra),
imported only here, only in offline mode.
"""

from __future__ import annotations

import importlib
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from gladia.cli._errors import CliError

if TYPE_CHECKING:
    from gladia.cli._progress import ItemProgress
    from gladia.testing import AudioInput, Engine

INSTALL_HINT = (
    "offline transcription needs the local engine: pip install 'gladia[local]' "
    "(or set GLADIA_API_KEY to use Gladia)"
)


DEFAULT_MODEL_NAME = (
    "tiny.en"  # what WhisperEngine() loads when neither --model nor $GLADIA_LOCAL_MODEL is set
)


def _whisper(model: str | None) -> Engine:
    # Imported by name: the module (and faster-whisper under it) exists only with the `local` extra.
    module: Any = importlib.import_module("gladia.testing.whisper")
    engine: Engine = module.WhisperEngine(model)
    return engine


#: Builds the engine from `--model` (None: the engine's default). Private seam: tests swap in another engine.
engine_factory: Callable[[str | None], Engine] = _whisper


def make_engine(model: str | None) -> Engine:
    """The local engine (cheap: its model is not loaded yet).

    Raises:
        CliError: the `local` extra is not installed, or there is no such model.
    """
    try:
        return engine_factory(model)
    except ModuleNotFoundError as exc:
        raise CliError(f"{INSTALL_HINT} ({exc.name} is missing)") from None
    except Exception as exc:
        raise CliError(f"cannot use the local speech model {model or DEFAULT_MODEL_NAME}: {exc}") from exc


def model_name(engine: Engine, model: str | None) -> str:
    """The engine's model, as a person would name it."""
    name = getattr(engine, "model_name", None)
    return name if isinstance(name, str) and name else model or DEFAULT_MODEL_NAME


def load_model(engine: Engine, model: str | None) -> None:
    """Load the model now, so one that cannot load is one error line rather than every job failing.

    Raises:
        CliError: the model cannot be loaded.
    """
    load = getattr(engine, "load", None)
    if not callable(load):
        return
    try:
        load()
    except Exception as exc:
        raise CliError(f"cannot load the local speech model {model_name(engine, model)}: {exc}") from exc


class Watch:
    """The engine's progress, shown on each job's line; and the way to stop what the engine is doing."""

    def __init__(self) -> None:
        self.lines: dict[str, ItemProgress] = {}
        """Each job's audio_url and its progress line (filled as jobs are created)."""
        self._stopped = threading.Event()

    def stop(self) -> None:
        """End the transcription in progress at its next step, rather than let it run to the end.

        The engine hears its progress from a callback between two decoded segments: raising there ends the
        job (in error) within one segment, or one batch of segments, so an interrupted command exits soon
        instead of waiting for a long file to be transcribed for nothing.
        """
        self._stopped.set()

    def report(self, audio: AudioInput, done: float, total: float) -> None:
        if self._stopped.is_set():
            from gladia.testing.engines import EngineError  # noqa: PLC0415  (offline mode only)

            raise EngineError("stopped: the command was interrupted", code=500)
        line = self.lines.get(audio.url or "")
        if line is not None:
            line.transcribing(done, total)


def watch_progress(engine: Engine) -> Watch:
    """Where the engine's progress goes (see `Watch`)."""
    watch = Watch()
    if hasattr(engine, "on_progress"):
        engine.on_progress = watch.report
    return watch


@contextmanager
def local_api(engine: Engine) -> Iterator[tuple[str, str]]:
    """A running local Gladia, as `(api_url, api_key)`, until the block ends."""
    try:
        from gladia.testing import emulator  # noqa: PLC0415  (the emulator extra, offline mode only)
    except ModuleNotFoundError as exc:
        raise CliError(f"{INSTALL_HINT} ({exc.name} is missing)") from None
    key = "local-" + secrets.token_urlsafe(24)
    # allow_remote_urls: a URL given as a source is fetched by this machine, as the user asked.
    with emulator(engine=engine, api_keys=(key,), allow_remote_urls=True) as running:
        yield running.url, key
