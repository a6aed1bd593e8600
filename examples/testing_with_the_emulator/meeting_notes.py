"""Your own code: turns a recording into meeting notes (who said what), with the gladia SDK.

`tests/test_meeting_notes.py` beside it tests this code against the Gladia emulator, with the pytest plugin:
no network, no API key, no cost, and failures made to order.
"""

from __future__ import annotations

from pathlib import Path

from gladia import GladiaClient
from gladia.errors import TranscriptionError


def meeting_notes(recording: Path, client: GladiaClient) -> list[str]:
    """One line per utterance, `Speaker N: text`; or one line saying why there are none."""
    try:
        job = client.prerecorded().transcribe(recording, {"diarization": True})
    except TranscriptionError as error:
        return [f"No notes: the transcription failed ({error.error_code})."]
    return [
        f"Speaker {utterance.speaker}: {utterance.text.strip()}"
        for utterance in job.result.transcription.utterances
    ]
