"""The emulator's live API with a real speech engine: the local Whisper one hears the stream, window by window."""

from __future__ import annotations

import wave
from collections.abc import Mapping
from typing import Any

import pytest

from gladia import GladiaClient
from gladia.testing import AudioInput, Transcription, emulator
from gladia.testing._live_windows import WINDOW_SECONDS
from gladia.testing.wer import word_error_rate
from gladia_api import models as M
from tests._reference import ROOT
from tests._whisper import MAX_OVERALL_WER, needs_model

# Once: the outcome does not depend on the Python version. Real time: the model does real work between
# two looks at a job, so the waits (and their deadlines) must be real too.
pytestmark = [pytest.mark.once, pytest.mark.real_time, pytest.mark.slow]

SAMPLES = sorted((ROOT / "samples").glob("*.wav"))


@needs_model
def test_the_local_engine_transcribes_a_live_stream_of_every_sample() -> None:
    from gladia.testing.whisper import WhisperEngine

    windows: list[float] = []  # the seconds of audio of each transcription

    class Counted(WhisperEngine):
        def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
            windows.append(audio.duration)
            return super().transcribe(audio, options)

    pcm = b""
    for sample in SAMPLES:  # 48 s: the five recordings one after the other, in one stream
        with wave.open(str(sample)) as recording:
            rate, pcm = recording.getframerate(), pcm + recording.readframes(recording.getnframes())
    expected = " ".join(path.with_suffix(".txt").read_text(encoding="utf-8") for path in SAMPLES)
    with (
        emulator(engine=Counted()) as emu,
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
    ):
        options = {"sample_rate": rate, "language_config": {"languages": ["en"]}}
        with client.live().start_session(options) as session:
            for start in range(0, len(pcm), 3200):
                session.send_audio(pcm[start : start + 3200])
            session.stop_recording()
            messages = list(session)
    finals = [m for m in messages if isinstance(m, M.TranscriptMessage) and m.data.is_final]
    stop_ack = next(i for i, m in enumerate(messages) if isinstance(m, M.StopRecordingAckMessage))
    assert sum(1 for m in messages[:stop_ack] if m in finals) >= 5  # final while the audio streamed
    heard = " ".join(m.data.utterance.text for m in finals)
    assert word_error_rate(expected, heard) <= MAX_OVERALL_WER, heard
    starts = [m.data.utterance.start for m in finals]
    assert starts == sorted(starts)
    post = next(m for m in messages if isinstance(m, M.PostTranscriptMessage))
    assert post.data.full_transcript == heard
    # Each window of new audio was transcribed once, with at most the utterance it held back: what is
    # final is never heard again.
    seconds = len(pcm) / (2 * rate)
    assert len(windows) <= seconds / WINDOW_SECONDS + 1, windows
    assert sum(windows) <= 2 * seconds, windows
