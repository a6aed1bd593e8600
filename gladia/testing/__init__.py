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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name is imported on first use (PEP 562): `gladia emulator --help` and the CLI, which name the
# emulator's command (gladia/testing/_command.py), do not pay for the server, and an install without the
# emulator extra gets the error below only when it reaches for the emulator.
_WHERE = {
    "emulator": "gladia.testing._server",
    "Emulator": "gladia.testing._server",
    "EmulatorConfig": "gladia.testing._config",
    "Transcripts": "gladia.testing.engines",
    "Faults": "gladia.testing._faults",
    "Fault": "gladia.testing._faults",
    "Counters": "gladia.testing._traffic",
    "RecordedRequest": "gladia.testing._traffic",
    "Delivery": "gladia.testing._notify",
    "Engine": "gladia.testing.engines",
    "EngineError": "gladia.testing.engines",
    "AudioInput": "gladia.testing.engines",
    "Transcription": "gladia.testing.engines",
    "Utterance": "gladia.testing.engines",
    "Word": "gladia.testing.engines",
    "DeterministicEngine": "gladia.testing.engines",
    "WhisperEngine": "gladia.testing.whisper",
}
_NEEDED = ("mutagen", "python_multipart", "starlette", "uvicorn")

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for needed in _NEEDED:
        try:
            importlib.import_module(needed)
        except ModuleNotFoundError as missing:  # pragma: no cover - depends on the install
            raise ModuleNotFoundError(
                f"gladia.testing needs the emulator extra ({missing.name} is missing): pip install 'gladia[emulator]'",
                name=missing.name,
            ) from None
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
