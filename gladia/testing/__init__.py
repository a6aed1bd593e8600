"""The Gladia emulator: a local HTTP server that speaks Gladia's pre-recorded API, for tests and offline work.

    from gladia.testing import emulator

    with emulator() as emu:
        emu.transcripts.add(Path("meeting.wav"), "Hello there. Shall we start?")
        # talk to emu.url with the key emu.api_key, with any HTTP client

It follows `openapi/gladia.yaml`: the same paths, status codes and bodies as Gladia, with real audio metadata,
a job lifecycle, callbacks and signed webhooks. Tests can inject faults (`emu.faults`), read counters
(`emu.counters`), the requests received (`emu.requests`) and the notifications sent (`emu.deliveries`).
Transcripts come from a pluggable engine (`gladia.testing.engines`); the default one returns the text a
test registered, so results are exact and repeatable. `WhisperEngine` listens to the audio instead:
`emulator(engine=WhisperEngine())`, with the `local` extra (faster-whisper, loaded on first use only).

Needs the `emulator` extra: `pip install 'gladia[emulator]'`. From a shell: `gladia emulator`.
For pytest: `pytest_plugins = ["gladia.testing.pytest_plugin"]` gives a `gladia_emulator` fixture.
"""

from __future__ import annotations

try:
    import mutagen as _mutagen  # noqa: F401
    import python_multipart as _python_multipart  # noqa: F401
    import starlette as _starlette  # noqa: F401
    import uvicorn as _uvicorn  # noqa: F401
except ModuleNotFoundError as _missing:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError(
        f"gladia.testing needs the emulator extra ({_missing.name} is missing): pip install 'gladia[emulator]'",
        name=_missing.name,
    ) from None

from gladia.testing._config import EmulatorConfig
from gladia.testing._faults import Fault, Faults
from gladia.testing._notify import Delivery
from gladia.testing._server import Emulator, emulator
from gladia.testing._traffic import Counters, RecordedRequest
from gladia.testing.engines import (
    AudioInput,
    DeterministicEngine,
    Engine,
    EngineError,
    Transcription,
    Transcripts,
    Utterance,
    Word,
)
from gladia.testing.whisper import WhisperEngine

__all__ = [
    "emulator",
    "Emulator",
    "EmulatorConfig",
    # what a test reads and changes on a running emulator
    "Transcripts",
    "Faults",
    "Fault",
    "Counters",
    "RecordedRequest",
    "Delivery",
    # engines
    "Engine",
    "EngineError",
    "AudioInput",
    "Transcription",
    "Utterance",
    "Word",
    "DeterministicEngine",
    "WhisperEngine",
]
