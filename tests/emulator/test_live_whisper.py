"""The emulator's live API with a real speech engine: the local Whisper one hears the stream, window by window."""

from __future__ import annotations

import wave

import pytest

from gladia import GladiaClient
from gladia.testing import emulator
from gladia.testing.wer import word_error_rate
from gladia_api import models as M
from tests._reference import ROOT
from tests._whisper import MAX_SAMPLE_WER, needs_model

# Once: the outcome does not depend on the Python version. Real time: the model does real work between
# two looks at a job, so the waits (and their deadlines) must be real too.
pytestmark = [pytest.mark.once, pytest.mark.real_time]


@needs_model
def test_the_local_engine_transcribes_a_live_stream_of_the_meeting() -> None:
    from gladia.testing.whisper import WhisperEngine

    sample = ROOT / "samples" / "meeting.wav"
    with wave.open(str(sample)) as recording:
        rate, pcm = recording.getframerate(), recording.readframes(recording.getnframes())
    expected = sample.with_suffix(".txt").read_text(encoding="utf-8")
    with (
        emulator(engine=WhisperEngine()) as emu,
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
    ):
        options = {"sample_rate": rate, "language_config": {"languages": ["en"]}}
        with client.live().start_session(options) as session:
            for start in range(0, len(pcm), 3200):
                session.send_audio(pcm[start : start + 3200])
            session.stop_recording()
            messages = list(session)
    finals = [m for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]
    assert len(finals) >= 2  # utterances were made final while the audio streamed, not only at the end
    heard = " ".join(m.data.utterance.text for m in finals)
    assert word_error_rate(expected, heard) <= MAX_SAMPLE_WER, heard
    starts = [m.data.utterance.start for m in finals]
    assert starts == sorted(starts)
    post = next(m for m in messages if isinstance(m, M.PostTranscriptMessage))
    assert post.data.full_transcript == heard
