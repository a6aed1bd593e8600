"""How an emulator behaves: keys, timings, limits, notifications. Every default is named here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from gladia.testing.engines import Engine

DEFAULT_API_KEY = "test-key"
DEFAULT_HOST = "127.0.0.1"
# Gladia's published limits for pre-recorded audio: 1000 MB and 135 minutes.
DEFAULT_MAX_UPLOAD_BYTES = 1000 * 1024 * 1024
DEFAULT_MAX_AUDIO_SECONDS = 135 * 60.0
DEFAULT_DELIVERY_ATTEMPTS = 3
DEFAULT_DELIVERY_RETRY_SECONDS = 0.2
DEFAULT_DELIVERY_TIMEOUT = 5.0
# How many callbacks of one live session may wait to be sent; past it, new ones are dropped (and logged).
DEFAULT_LIVE_CALLBACK_BACKLOG = 1000
DEFAULT_FETCH_TIMEOUT = 30.0
DEFAULT_RECENT_REQUESTS = 1000

# What `Emulator.configure` may change while the server runs; the rest is fixed at start.
RUNTIME_FIELDS = frozenset(
    {
        "api_keys",
        "queued_seconds",
        "processing_seconds",
        "realtime_factor",
        "max_upload_bytes",
        "max_audio_seconds",
        "webhook_urls",
        "webhook_secret",
        "default_transcript",
        "default_language",
        "allow_remote_urls",
        "delivery_attempts",
        "delivery_retry_seconds",
        "delivery_timeout",
        "live_callback_backlog",
        "addons",
    }
)
FIXTURES = "fixtures"
FAIL = "fail"


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be 0 or more, got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be more than 0, got {value!r}")


def _keys(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    if not value or not all(isinstance(k, str) and k for k in value):
        raise ValueError("api_keys needs at least one non-empty key")


def _secret(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        from gladia.testing._signing import secret_bytes  # noqa: PLC0415  (only needed when a secret is set)

        try:
            secret_bytes(value)
        except ValueError as exc:
            raise ValueError(f"webhook_secret: {exc}") from None


def _addons(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value not in (None, FIXTURES, FAIL):
        raise ValueError(
            f"addons must be {FIXTURES!r} or {FAIL!r} (or None for the engine's default), got {value!r}"
        )


def _urls(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):  # a lone string, not its characters
        return (value,)
    return tuple(value)


WHISPER = "whisper"
DETERMINISTIC = "deterministic"


def _engine(value: Engine | str | None) -> Engine | None:
    """An engine, or one named: "deterministic" (None), "whisper" or "whisper:MODEL"."""
    if not isinstance(value, str):
        return value
    name, _, model = value.partition(":")
    if name == DETERMINISTIC and not model:
        return None
    if name != WHISPER:
        raise ValueError(
            f"engine: {value!r} is not an engine; use {DETERMINISTIC!r}, {WHISPER!r} or 'whisper:MODEL'"
        )
    from gladia.testing.whisper import WhisperEngine  # noqa: PLC0415  (the local extra, only when asked)

    return WhisperEngine(model or None)


@attrs.frozen(kw_only=True)
class EmulatorConfig:
    """Everything an emulator can be told. The defaults suit tests: one known key, jobs finish at once.

    Timings: a job stays `queued` for `queued_seconds`, then `processing` for
    `processing_seconds + realtime_factor * audio duration` (at least as long as the engine takes).
    """

    api_keys: tuple[str, ...] = attrs.field(default=(DEFAULT_API_KEY,), converter=_urls, validator=_keys)
    """The keys accepted in `x-gladia-key`; the first is `Emulator.api_key`."""
    host: str = DEFAULT_HOST
    port: int = 0
    """0 picks a free port."""
    seed: int = 0
    """Seeds the fault injector's random draws."""
    queued_seconds: float = attrs.field(default=0.0, validator=_non_negative)
    processing_seconds: float = attrs.field(default=0.0, validator=_non_negative)
    realtime_factor: float = attrs.field(default=0.0, validator=_non_negative)
    """Extra processing seconds per second of audio."""
    max_upload_bytes: int = attrs.field(default=DEFAULT_MAX_UPLOAD_BYTES, validator=_positive)
    max_audio_seconds: float = attrs.field(default=DEFAULT_MAX_AUDIO_SECONDS, validator=_positive)
    webhook_urls: tuple[str, ...] = attrs.field(default=(), converter=_urls)
    """Where webhooks go: `transcription.created|success|error` for jobs, `live.start_session`,
    `live.start_recording`, `live.end_recording` and `live.end_session` for live sessions."""
    webhook_secret: str | None = attrs.field(default=None, validator=_secret)
    """A `whsec_...` secret: when set, webhooks are signed (Standard Webhooks)."""
    default_transcript: str | None = None
    """The transcript of audio nothing was registered for; None ends such jobs in `error`."""
    default_language: str = "en"
    engine: Engine | None = attrs.field(default=None, converter=_engine)
    """The transcription engine; None uses the `DeterministicEngine` over `Emulator.transcripts`. Another engine
    hears only the audio nothing was registered for: registered transcripts win. `"whisper"` (or
    `"whisper:MODEL"`, a model name or directory) is a local `gladia.testing.whisper.WhisperEngine`, from the
    `local` extra: a local Gladia that really transcribes."""
    storage_dir: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    """Where uploads are stored; None uses a temporary directory removed on shutdown."""
    transcripts_dir: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    """A directory of audio files with sidecar `.txt` transcripts to register at start."""
    allow_remote_urls: bool = False
    """Contact hosts other than loopback: download `audio_url`s, send callbacks and webhooks (off: tests stay
    offline, and a URL a test registered a transcript for gets a silent stand-in)."""
    delivery_attempts: int = attrs.field(default=DEFAULT_DELIVERY_ATTEMPTS, validator=_positive)
    delivery_retry_seconds: float = attrs.field(
        default=DEFAULT_DELIVERY_RETRY_SECONDS, validator=_non_negative
    )
    delivery_timeout: float = attrs.field(default=DEFAULT_DELIVERY_TIMEOUT, validator=_positive)
    live_callback_backlog: int = attrs.field(default=DEFAULT_LIVE_CALLBACK_BACKLOG, validator=_positive)
    """How many callbacks of one live session may wait while earlier ones are sent (each in order, with its
    retries); past it, a new one is dropped and logged as not sent, so a slow receiver never holds a session."""
    fetch_timeout: float = attrs.field(default=DEFAULT_FETCH_TIMEOUT, validator=_positive)
    recent_requests: int = attrs.field(default=DEFAULT_RECENT_REQUESTS, validator=_positive)
    """How many requests `Emulator.requests` remembers."""
    log_level: str = "warning"
    addons: str | None = attrs.field(default=None, validator=_addons)
    """What a requested add-on answers when nothing was registered for the audio and the emulator cannot
    compute it (translation, summarization, named entities, sentiment, audio to LLM, ...): `"fixtures"`,
    deterministic fixture results in the document's shape, or `"fail"`, an add-on error (`success: false`).
    None: fixtures with the deterministic engine, errors with a speech engine (a local Gladia that really
    transcribes, and the offline command line, never pass fixtures off as results)."""

    @property
    def addons_mode(self) -> str:
        """`addons`, with None resolved by the engine."""
        if self.addons is not None:
            return self.addons
        return FAIL if self.engine is not None else FIXTURES
