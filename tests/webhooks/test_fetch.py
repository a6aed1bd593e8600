"""Trust by fetch: the job a notification names is re-read from Gladia, and contradictions are refused."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from gladia import AsyncGladiaClient, GladiaClient, NotFoundError
from gladia.errors import WebhookPayloadError
from gladia.testing import Emulator
from gladia.webhooks import fetch_job, fetch_job_async, parse
from tests.conftest import make_wav


def test_fetch_returns_gladias_job_and_refuses_contradictions(emu: Emulator, tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    audio.write_bytes(make_wav(1.0))
    emu.transcripts.add(audio, "What Gladia says.")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        job = client.prerecorded().transcribe(audio)
        claimed = parse(
            {
                "id": job.id,
                "event": "transcription.success",
                "payload": {
                    "metadata": {
                        "audio_duration": 1,
                        "number_of_distinct_channels": 1,
                        "billing_time": 1,
                        "transcription_time": 1,
                    },
                    "transcription": {
                        "full_transcript": "What a forger says.",
                        "languages": ["en"],
                        "utterances": [],
                    },
                },
            }
        )
        fetched = fetch_job(claimed, client)
        assert fetched.result.transcription.full_transcript == "What Gladia says."
        assert fetch_job(claimed, client.prerecorded()).id == job.id
        with pytest.raises(WebhookPayloadError, match="do not act on it"):
            fetch_job(parse({"event": "transcription.error", "payload": {"id": job.id}}), client)
        with pytest.raises(NotFoundError):
            fetch_job(
                parse(
                    {
                        "event": "transcription.success",
                        "payload": {"id": "45463597-20b7-4af7-b3b3-f5fb778203ab"},
                    }
                ),
                client,
            )

    async def fetch_async() -> str:
        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
            created = parse({"event": "transcription.created", "payload": {"id": job.id}})
            return str((await fetch_job_async(created, client)).status)

    assert anyio.run(fetch_async) == "done"
