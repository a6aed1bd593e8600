"""Each error class from a real emulator answer, and retries that recover without a second job."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from gladia import GladiaClient, errors
from gladia._core import constants as C
from gladia.prerecorded._idempotency import REQUEST_ID_KEY
from gladia.testing import Emulator
from gladia_api.api.pre_recorded import get_transcription
from tests.conftest import make_wav

TEXT = "Retries must never cost a second job."
JOB_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab"


@pytest.fixture
def client(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[GladiaClient]:
    # The emulator's list is never late: look again after 50 ms instead of the real seconds.
    monkeypatch.setattr(C, "RECONCILE_LOOK_DELAYS", QUICK_LOOKS)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, max_retries=3) as gladia:
        yield gladia


QUICK_LOOKS = (0.05, 0.05)
LOOKS = 1 + len(QUICK_LOOKS)  # list requests per lookup that finds nothing


@pytest.fixture
def wav(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "take.wav"
    path.write_bytes(make_wav(1.0, tone=True))
    emu.transcripts.add(path, TEXT)
    return path


# ------------------------------------------------------------------------------------------ error classes


def test_401_wrong_key(emu: Emulator) -> None:
    with (
        GladiaClient(api_key="not-the-key", api_url=emu.url) as bad,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        bad.prerecorded().get(JOB_ID)
    assert caught.value.status_code == 401
    assert "not-the-key" not in str(caught.value)
    assert emu.counters.requests["GET /v2/pre-recorded/{id}"] == 1  # 401 is never retried


def test_404_unknown_job(client: GladiaClient) -> None:
    with pytest.raises(errors.NotFoundError) as caught:
        client.prerecorded().get(JOB_ID)
    assert caught.value.request_id and caught.value.method == "GET" and JOB_ID in caught.value.url


def test_403_deleting_a_job_that_is_processing(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    emu.configure(processing_seconds=30)
    api = client.prerecorded()
    job = api.create({"audio_url": api.upload_file(wav).audio_url})
    with pytest.raises(errors.PermissionDeniedError):
        api.delete(job.id)


def test_413_a_file_above_the_servers_limit(emu: Emulator, wav: Path) -> None:
    emu.configure(max_upload_bytes=1000)
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url, max_upload_bytes=None) as gladia,
        pytest.raises(errors.PayloadTooLargeError) as caught,
    ):
        gladia.prerecorded().upload_file(wav)
    assert caught.value.status_code == 413


def test_422_a_file_that_is_not_audio(client: GladiaClient, emu: Emulator) -> None:
    with pytest.raises(errors.UnprocessableEntityError) as caught:
        client.prerecorded().upload_file(bytes(range(256)) * 40)
    assert caught.value.status_code == 422
    assert emu.counters.jobs_created == 0


def test_400_from_the_server_names_the_fields(client: GladiaClient, emu: Emulator) -> None:
    # The SDK checks options itself; a raw request shows the server's own 400 body, as Gladia's document
    # gives it: `validation_errors`, one entry per invalid field.
    response = client._http.post(
        "/v2/pre-recorded", json={"audio_url": "https://example.com/a.wav", "modell": 1}
    )
    assert response.status_code == 400
    error = errors.BadRequestError
    from gladia._core.response import error_from_response

    raised = error_from_response(response)
    assert isinstance(raised, error)
    assert any("modell" in p for p in raised.validation_errors)


def test_a_400_on_job_creation_is_raised_at_once(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=400)
    with pytest.raises(errors.BadRequestError):
        api.create({"audio_url": audio_url})
    assert emu.counters.requests["POST /v2/pre-recorded"] == 1
    assert emu.counters.requests["GET /v2/pre-recorded"] == 0  # a 400 is not ambiguous: nothing to look for


@pytest.mark.parametrize(
    ("status", "cls"), [(500, errors.InternalServerError), (502, errors.InternalServerError)]
)
def test_a_5xx_on_job_creation_is_checked_before_any_retry(
    client: GladiaClient, emu: Emulator, wav: Path, status: int, cls: type[errors.APIError]
) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=status)  # every time, before handling: no job is made
    with pytest.raises(cls):
        api.create({"audio_url": audio_url})
    # Each failure is followed by a lookup for the job (not found, looking again in case the list lags),
    # then, and only then, a new attempt; all of them within the one budget of max_retries.
    attempts = 1 + 3  # the client fixture's max_retries
    assert emu.counters.requests["POST /v2/pre-recorded"] == attempts
    assert emu.counters.requests["GET /v2/pre-recorded"] == attempts * LOOKS
    assert emu.counters.jobs_created == 0


def test_a_5xx_after_the_job_was_created_uses_that_job(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=500, when="after", times=1)
    job = api.create({"audio_url": audio_url, "custom_metadata": {"user": "ada"}})
    assert emu.counters.jobs_created == 1
    assert emu.counters.requests["POST /v2/pre-recorded"] == 1
    finished = api.poll(job.id)
    assert finished.result.transcription.full_transcript == TEXT
    assert finished.custom_metadata["user"] == "ada"
    assert finished.custom_metadata[REQUEST_ID_KEY]


def test_429_after_retries_carries_retry_after(emu: Emulator) -> None:
    emu.faults.add("GET /v2/pre-recorded/{id}", status=429, retry_after=0)
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url, max_retries=2) as gladia,
        pytest.raises(errors.RateLimitError) as caught,
    ):
        gladia.prerecorded().get(JOB_ID)
    assert caught.value.retry_after == 0
    assert emu.counters.requests["GET /v2/pre-recorded/{id}"] == 3


def test_connection_refused(emu: Emulator) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with (
        GladiaClient(api_key="k", api_url=f"http://127.0.0.1:{port}", max_retries=1) as gladia,
        pytest.raises(errors.APIConnectionError) as caught,
    ):
        gladia.prerecorded().get(JOB_ID)
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert gladia.retries == 1


def test_timeout(emu: Emulator) -> None:
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="latency", seconds=1.0)
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url, timeout=0.2, max_retries=1) as gladia,
        pytest.raises(errors.APITimeoutError),
    ):
        gladia.prerecorded().get(JOB_ID)


def test_a_failed_job_raises_transcription_error(client: GladiaClient, emu: Emulator, tmp_path: Path) -> None:
    audio = make_wav(1.5)
    emu.transcripts.fail(audio, error_code=422)
    with pytest.raises(errors.TranscriptionError) as caught:
        client.prerecorded().transcribe(audio)
    assert caught.value.error_code == 422
    assert caught.value.job.status == "error"
    assert caught.value.job_id == caught.value.job.id


def test_poll_timeout_is_resumable(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    emu.configure(processing_seconds=0.5)
    api = client.prerecorded()
    job = api.create({"audio_url": api.upload_file(wav).audio_url})
    with pytest.raises(errors.PollTimeoutError) as caught:
        api.poll(job.id, wait_timeout=0.3)
    assert caught.value.job_id == job.id and caught.value.last_status in ("queued", "processing")
    assert api.poll(caught.value.job_id).status == "done"


# ------------------------------------------------------------------------------------------ retries


def test_create_is_retried_after_503_and_429_without_duplicates(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=503, retry_after=0, times=1)  # ambiguous: looked for first
    emu.faults.add("POST /v2/pre-recorded", status=429, retry_after=0, times=1)  # provably not started
    job = api.create({"audio_url": audio_url})
    assert api.poll(job.id).result.transcription.full_transcript == TEXT
    assert emu.counters.requests["POST /v2/pre-recorded"] == 3
    assert emu.counters.jobs_created == 1


def test_a_reset_after_creation_finds_the_job_instead_of_making_another(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", kind="reset", when="after", times=1)
    job = api.create({"audio_url": audio_url})
    assert emu.counters.jobs_created == 1
    assert emu.counters.requests["POST /v2/pre-recorded"] == 1
    assert api.poll(job.id).result.transcription.full_transcript == TEXT


def test_a_reset_before_creation_makes_the_job_once(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", kind="reset", when="before", times=1)
    job = api.create({"audio_url": audio_url})
    assert emu.counters.jobs_created == 1
    assert emu.counters.requests["POST /v2/pre-recorded"] == 2
    assert api.poll(job.id).status == "done"


def test_when_the_job_cannot_be_looked_for_the_error_is_raised(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    api = client.prerecorded()
    audio_url = api.upload_file(wav).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=500, when="after", times=1)
    emu.faults.add(
        "GET /v2/pre-recorded", status=401, times=1
    )  # the look-up fails: better an error than a duplicate
    with pytest.raises(errors.JobMayExistError) as caught:
        api.create({"audio_url": audio_url})
    assert isinstance(caught.value.__cause__, errors.InternalServerError)
    assert caught.value.tag_key == REQUEST_ID_KEY
    (job,) = api.list(custom_metadata={caught.value.tag_key: caught.value.tag})  # found where it says
    assert job.custom_metadata[REQUEST_ID_KEY] == caught.value.tag
    assert emu.counters.jobs_created == 1
    assert emu.counters.requests["POST /v2/pre-recorded"] == 1


def test_reads_recover_from_resets_5xx_and_429(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    job = client.prerecorded().transcribe(wav)
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="reset", times=1)
    emu.faults.add("GET /v2/pre-recorded/{id}", status=502, times=1)
    emu.faults.add("GET /v2/pre-recorded/{id}", status=429, retry_after=0, times=1)
    before = client.retries
    assert client.prerecorded().get(job.id).status == "done"
    assert client.retries - before == 3


def test_uploads_are_retried_and_resent_from_the_start(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    emu.faults.add("POST /v2/upload", status=503, times=1)
    emu.faults.add("POST /v2/upload", kind="reset", times=1)
    with wav.open("rb") as handle:
        handle.seek(0)
        job = client.prerecorded().transcribe(handle)
    assert job.result.transcription.full_transcript == TEXT
    assert client.prerecorded().download_bytes(job.id) == wav.read_bytes()
    assert emu.counters.requests["POST /v2/upload"] == 3


def test_polling_survives_transient_failures(client: GladiaClient, emu: Emulator, wav: Path) -> None:
    emu.configure(processing_seconds=0.5)
    emu.faults.add("GET /v2/pre-recorded/{id}", status=500, times=6)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, max_retries=1) as gladia:
        job = gladia.prerecorded().transcribe(wav)
    assert job.status == "done"
    assert emu.counters.jobs_created == 1


def test_raw_generated_calls_are_retried_and_authenticated(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    job = client.prerecorded().transcribe(wav)
    emu.faults.add("GET /v2/pre-recorded/{id}", status=503, retry_after=0, times=2)
    before = len(emu.requests)
    response = get_transcription.sync_detailed(job.id, client=client.raw)
    assert response.status_code == 200
    assert response.parsed.result.transcription.full_transcript == TEXT
    raw_requests = emu.requests[before:]
    assert len(raw_requests) == 3
    assert all(r.header("x-gladia-key") == emu.api_key for r in raw_requests)


def test_the_key_does_not_follow_a_redirect_to_another_host(
    client: GladiaClient, emu: Emulator, wav: Path
) -> None:
    job = client.prerecorded().transcribe(wav)
    seen: list[dict[str, str]] = []

    class Storage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({k.lower(): v for k, v in self.headers.items()})
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"RIFF")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Storage)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        location = f"http://127.0.0.1:{server.server_address[1]}/bucket/audio.wav"
        emu.faults.add(
            "GET /v2/pre-recorded/{id}/file", kind="redirect", status=307, location=location, times=1
        )
        assert client.prerecorded().download_bytes(job.id) == b"RIFF"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert len(seen) == 1
    assert "x-gladia-key" not in seen[0]
    assert emu.api_key not in repr(seen[0])


def test_a_response_body_that_stalls_is_retried(emu: Emulator, wav: Path) -> None:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as setup:
        job = setup.prerecorded().transcribe(wav)
    # 10 pieces over 5 s: 0.5 s between pieces, longer than the 0.3 s read timeout.
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="slow_body", seconds=5.0, times=1)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, timeout=httpx.Timeout(5, read=0.3)) as client:
        assert client.prerecorded().get(job.id).status == "done"
        assert client.retries == 1
