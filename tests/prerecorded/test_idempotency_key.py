"""`idempotency_key=`: a caller that saves a key before creating a job gets that job back, never a second
one, when it calls again with the same key (after a crash, say)."""

from __future__ import annotations

import anyio
import pytest

from gladia import AsyncGladiaClient, GladiaClient
from gladia.errors import ValidationError
from gladia.testing import Emulator
from tests.conftest import make_wav

CREATE = "POST /v2/pre-recorded"


def test_the_same_key_gives_back_the_same_job_without_creating_another(emu: Emulator) -> None:
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "Hello.")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        pre = client.prerecorded()
        url = pre.upload_file(audio).audio_url
        first = pre.create({"audio_url": url}, idempotency_key="order-42")
        again = pre.create({"audio_url": url}, idempotency_key="order-42")
        other = pre.create({"audio_url": url}, idempotency_key="order-43")
        assert again.id == first.id
        assert other.id != first.id
        assert emu.counters.jobs_created == 2
        assert emu.counters.requests[CREATE] == 2  # the repeated key sent no create at all
        job = pre.get(first.id)
        assert job.custom_metadata.additional_properties["gladia_sdk_request_id"] == "order-42"
        assert emu.requests[-1].header("Idempotency-Key") is None  # the last request was the get
        done = pre.transcribe(audio, idempotency_key="order-42")
        assert done.id == first.id
        assert emu.counters.jobs_created == 2


def test_the_same_key_async(emu: Emulator) -> None:
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "Hello.")

    async def main() -> tuple[str, str, str]:
        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
            pre = client.prerecorded()
            url = (await pre.upload_file(audio)).audio_url
            first = await pre.create({"audio_url": url}, idempotency_key="k-1")
            polled = await pre.create_and_poll({"audio_url": url}, idempotency_key="k-1")
            done = await pre.transcribe(audio, idempotency_key="k-1")
            return first.id, polled.id, done.id

    first, polled, done = anyio.run(main)
    assert first == polled == done
    assert emu.counters.jobs_created == 1


def test_the_key_is_sent_as_the_tag_and_the_idempotency_header(emu: Emulator) -> None:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        audio = make_wav(1.0, tone=True)
        emu.transcripts.add(audio, "Hello.")
        url = client.prerecorded().upload_file(audio).audio_url
        client.prerecorded().create({"audio_url": url}, idempotency_key="abc")
    creates = [r for r in emu.requests if r.method == "POST" and r.path == "/v2/pre-recorded"]
    assert [r.header("Idempotency-Key") for r in creates] == ["abc"]


@pytest.mark.parametrize("key", ["", "x" * 256, "two words\n", "clé", 42])
def test_a_key_that_cannot_be_one_is_refused_before_anything_is_sent(emu: Emulator, key: object) -> None:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client, pytest.raises(ValidationError) as err:
        client.prerecorded().create({"audio_url": "https://example.com/a.wav"}, idempotency_key=key)  # type: ignore[arg-type]
    assert "idempotency_key" in str(err.value)
    assert not emu.requests
