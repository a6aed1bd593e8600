"""Audio and transcripts the live tests share."""

from __future__ import annotations

from gladia_api import models as M

TEXT = "Hello there. How are you today?"
SECOND = 32_000  # bytes of 16 kHz, 16-bit mono audio


def audio_of(seconds: float) -> bytes:
    """Audio whose every byte says where it is, so a lost, repeated or reordered byte shows."""
    size = int(seconds * SECOND)
    return (bytes(range(251)) * (size // 251 + 1))[:size]


def finals(messages: list[object]) -> list[str]:
    return [m.data.utterance.text for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]
