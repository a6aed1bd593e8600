"""Narrowed views of the models, for type checkers: what is always there in a given state.

At run time each view is the model itself; the SDK returns one only where it checked what the view promises.

Generated from openapi/gladia.yaml by scripts/regenerate.py; never edit by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import PreRecordedResponse, TranscriptionDTO, TranscriptionResultDTO

    class DoneTranscriptionResultDTO(TranscriptionResultDTO):
        """The result of a job whose `status` is `done`, with its `transcription`."""

        transcription: TranscriptionDTO  # pyright: ignore[reportIncompatibleVariableOverride]

    class DonePreRecordedResponse(PreRecordedResponse):
        """A job whose `status` is `done`, as poll(), transcribe() and create_and_poll() return it: its `result` and `result.transcription` are always there (the SDK checks it before returning the job)."""

        result: DoneTranscriptionResultDTO  # pyright: ignore[reportIncompatibleVariableOverride]

else:
    _MODEL_OF = {
        "DoneTranscriptionResultDTO": "TranscriptionResultDTO",
        "DonePreRecordedResponse": "PreRecordedResponse",
    }

    def __getattr__(name: str) -> type:
        if name not in _MODEL_OF:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import models

        value: type = getattr(models, _MODEL_OF[name])
        globals()[name] = value
        return value


__all__ = [
    "DonePreRecordedResponse",
    "DoneTranscriptionResultDTO",
]
