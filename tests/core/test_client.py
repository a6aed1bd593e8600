"""The sync client against the emulator, over real HTTP: every method, and what it sends."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import gladia_api
from gladia import GladiaClient
from gladia._core.constants import USER_AGENT
from gladia.errors import NotFoundError
from gladia.testing import Emulator
from gladia_api.api.pre_recorded import get_transcription
from gladia_api.models import AudioUploadResponse, InitTranscriptionRequest, PreRecordedResponse
from tests._clock import FastClock
from tests.conftest import Receiver, make_wav, wait_for_job

TEXT = "Hello from the emulator. This is a test of the gladia client."


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


@pytest.fixture
def wav(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "hello.wav"
    path.write_bytes(make_wav(2.0, tone=True))
    emu.transcripts.add(path, TEXT)
    return path


def test_transcribe_a_local_file(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    seen: list[str] = []
    job = client.prerecorded().transcribe(
        wav, {"language_config": {"languages": ["en"]}}, on_status=lambda j: seen.append(str(j.status))
    )
    assert isinstance(job, PreRecordedResponse)
    assert job.status == "done"
    assert job.result.transcription.full_transcript == TEXT
    assert seen[-1] == "done"
    assert emu.counters.jobs_created == 1
    assert emu.counters.requests["POST /v2/upload"] == 1


def test_a_new_job_is_looked_at_before_any_wait(
    client: GladiaClient, emu: Emulator, wav: Path, fast_clock: FastClock
) -> None:
    # A fast backend (the emulator here, a cached result) may be done at once: no wait before looking.
    audio_url = client.prerecorded().upload_file(wav).audio_url
    looks_before_each_wait: list[int] = []
    fast_clock.on_sleep = lambda _: looks_before_each_wait.append(
        emu.counters.requests["GET /v2/pre-recorded/{id}"]
    )
    assert client.prerecorded().create_and_poll({"audio_url": audio_url}).status == "done"
    assert looks_before_each_wait[:1] in ([], [1])


def test_a_job_already_done_is_returned_after_one_look_and_no_wait(
    client: GladiaClient, emu: Emulator, wav: Path, http: httpx.Client, fast_clock: FastClock
) -> None:
    job = client.prerecorded().create({"audio_url": client.prerecorded().upload_file(wav).audio_url})
    wait_for_job(http, job.id)
    before = emu.counters.requests["GET /v2/pre-recorded/{id}"]
    assert client.prerecorded().poll(job.id).status == "done"
    assert fast_clock.sleeps == []
    assert emu.counters.requests["GET /v2/pre-recorded/{id}"] == before + 1


def test_a_running_job_is_looked_at_on_the_schedule(
    client: GladiaClient, emu: Emulator, wav: Path, fast_clock: FastClock
) -> None:
    emu.configure(processing_seconds=0.6)
    job = client.prerecorded().create({"audio_url": client.prerecorded().upload_file(wav).audio_url})
    fast_clock.on_sleep = lambda _: time.sleep(0.2)  # the job needs real time to finish
    before = len(fast_clock.sleeps_here())
    assert client.prerecorded().poll(job.id).status == "done"
    slept = fast_clock.sleeps_here()[before:]  # the poll's own waits, not those of other threads
    assert slept, "the job was not done at once, so the client waited at least once"
    assert all(1.8 <= s <= 3.3 for s in slept)  # 2 s, 2.5 s, then 3 s, each +/-10 %
    assert slept == sorted(slept) or len(slept) == 1


def test_transcribe_bytes_and_file_objects(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    data = wav.read_bytes()
    assert client.prerecorded().transcribe(data).result.transcription.full_transcript == TEXT
    with wav.open("rb") as handle:
        assert client.prerecorded().transcribe(handle).result.transcription.full_transcript == TEXT
    # A file object is uploaded from where it stands: here the audio follows 10 bytes of something else.
    buffer = io.BytesIO(b"0123456789" + data)
    buffer.seek(10)
    assert client.prerecorded().transcribe(buffer).result.transcription.full_transcript == TEXT


def test_transcribe_a_url_passes_it_without_uploading(
    client: GladiaClient, emu: Emulator, receiver: Receiver
) -> None:
    url = receiver.serve("/talk.wav", make_wav(1.0))
    emu.transcripts.add(url, "Fetched by Gladia itself.")
    job = client.prerecorded().transcribe(url)
    assert job.result.transcription.full_transcript == "Fetched by Gladia itself."
    assert emu.counters.requests["POST /v2/upload"] == 0
    assert job.request_params.audio_url == url


def test_upload_create_poll_step_by_step(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    api = client.prerecorded()
    progress: list[tuple[int, int | None]] = []
    upload = api.upload_file(wav, on_progress=lambda sent, total: progress.append((sent, total)))
    assert isinstance(upload, AudioUploadResponse)
    assert upload.audio_metadata.audio_duration == pytest.approx(2.0)
    assert upload.audio_metadata.extension == "wav"
    assert progress[0] == (0, wav.stat().st_size) and progress[-1] == (wav.stat().st_size,) * 2
    job = api.create({"audio_url": upload.audio_url, "language_config": {"languages": ["en"]}})
    result = api.poll(job.id)
    assert result.id == job.id
    assert result.result.transcription.full_transcript == TEXT


def test_create_accepts_the_generated_request_model(client: GladiaClient, wav: Path) -> None:
    api = client.prerecorded()
    upload = api.upload_file(wav)
    job = api.create(InitTranscriptionRequest(audio_url=upload.audio_url))
    assert api.poll(job.id).status == "done"


def test_get_delete_and_not_found(client: GladiaClient, wav: Path) -> None:
    api = client.prerecorded()
    job = api.transcribe(wav)
    assert api.get(job.id).status == "done"
    api.delete(job.id)
    with pytest.raises(NotFoundError) as caught:
        api.get(job.id)
    assert caught.value.status_code == 404


def test_list_follows_pages_lazily_newest_first(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    api = client.prerecorded()
    upload = api.upload_file(wav)
    created = [api.create({"audio_url": upload.audio_url, "custom_metadata": {"n": i}}).id for i in range(7)]
    emu.counters.reset()
    pages = api.list(page_size=3)
    assert emu.counters.requests["GET /v2/pre-recorded"] == 0  # nothing fetched until iterated
    listed = [job.id for job in pages]
    assert listed == created[::-1]
    assert emu.counters.requests["GET /v2/pre-recorded"] == 3
    assert [job.id for job in api.list(page_size=2, max_items=3)] == created[::-1][:3]
    assert [job.custom_metadata["n"] for job in api.list(custom_metadata={"n": 4})] == [4]
    assert len(list(api.list(status=["done", "queued", "processing"]))) == 7


def test_download_streams_to_a_path_a_file_object_or_bytes(
    client: GladiaClient, wav: Path, tmp_path: Path
) -> None:
    api = client.prerecorded()
    job = api.transcribe(wav)
    target = tmp_path / "copy.wav"
    assert api.download(job.id, target) == wav.stat().st_size
    assert target.read_bytes() == wav.read_bytes()
    assert not list(tmp_path.glob(".*.part"))
    buffer = io.BytesIO()
    api.download(job.id, buffer)
    assert buffer.getvalue() == wav.read_bytes()
    assert api.download_bytes(job.id) == wav.read_bytes()


def test_a_failed_download_leaves_no_file_behind(client: GladiaClient, tmp_path: Path) -> None:
    target = tmp_path / "missing.wav"
    with pytest.raises(NotFoundError):
        client.prerecorded().download("45463597-20b7-4af7-b3b3-f5fb778203ab", target)
    assert list(tmp_path.iterdir()) == []


def test_every_request_carries_the_key_and_user_agent(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    client.prerecorded().transcribe(wav)
    assert emu.requests
    for request in emu.requests:
        assert request.header("x-gladia-key") == emu.api_key
        assert request.header("user-agent") == USER_AGENT


def test_raw_generated_endpoints_share_the_clients_pool_and_auth(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    job = client.prerecorded().transcribe(wav)
    raw = get_transcription.sync(job.id, client=client.raw)
    assert isinstance(raw, PreRecordedResponse)
    assert raw.result.transcription.full_transcript == TEXT
    assert isinstance(client.raw, gladia_api.Client)
    assert client.raw.get_httpx_client()._transport is client._http._transport  # one pool


def test_the_key_is_in_no_repr(client: GladiaClient, emu: Emulator) -> None:
    assert emu.api_key not in repr(client)
    assert emu.api_key not in repr(client.prerecorded())
    assert emu.api_key not in repr(client._config)


def test_a_users_own_httpx_client_gets_the_same_behaviour(emu: Emulator, wav: Path) -> None:
    with httpx.Client(headers={"x-app": "mine"}) as own:
        client = GladiaClient(api_key=emu.api_key, api_url=emu.url, http_client=own)
        emu.faults.add("GET /v2/pre-recorded/{id}", status=503, retry_after=0, times=1)
        job = client.prerecorded().transcribe(wav)
        assert job.result.transcription.full_transcript == TEXT
        assert client.retries >= 1
        assert all(
            r.header("x-gladia-key") == emu.api_key and r.header("x-app") == "mine" for r in emu.requests
        )
        client.close()
        assert not own.is_closed  # the owner closes it
