"""Each API key is an account, as on Gladia: what one key makes (files, jobs, live sessions) does not exist for
another. And an `audio_url` is fetched only where the emulator may go, redirects included."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from gladia.testing import emulator
from tests.conftest import Receiver, make_wav, upload, wait_for_job

A, B = "key-of-account-a", "key-of-account-b"


@pytest.fixture
def two_accounts() -> Iterator[tuple[str, httpx.Client, httpx.Client]]:
    with (
        emulator(api_keys=(A, B), default_transcript="Hello.") as emu,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": A}) as a,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": B}) as b,
    ):
        yield emu.url, a, b


def test_another_keys_jobs_and_files_do_not_exist(
    two_accounts: tuple[str, httpx.Client, httpx.Client],
) -> None:
    _, a, b = two_accounts
    uploaded = upload(a, make_wav(1.0))
    file_id = uploaded["audio_metadata"]["id"]
    job_id = a.post("/v2/pre-recorded", json={"audio_url": uploaded["audio_url"]}).json()["id"]
    assert wait_for_job(a, job_id)["status"] == "done"

    for path in (f"/v2/pre-recorded/{job_id}", f"/v2/pre-recorded/{job_id}/file", f"/file/{file_id}"):
        assert b.get(path).status_code == 404, path
        assert a.get(path).status_code == 200, path
    assert b.get("/v2/pre-recorded").json()["items"] == []
    assert [item["id"] for item in a.get("/v2/pre-recorded").json()["items"]] == [job_id]
    assert b.delete(f"/v2/pre-recorded/{job_id}").status_code == 404
    assert a.get(f"/v2/pre-recorded/{job_id}").status_code == 200  # still there

    # B cannot transcribe A's upload: to B that file does not exist.
    stolen = b.post("/v2/pre-recorded", json={"audio_url": uploaded["audio_url"]}).json()["id"]
    failed = wait_for_job(b, stolen)
    assert failed["status"] == "error" and failed["file"] is None
    assert f"no file with id {file_id}" in failed["post_session_metadata"]["error"]["message"]
    assert a.delete(f"/v2/pre-recorded/{job_id}").status_code == 202


def test_another_keys_live_sessions_do_not_exist(
    two_accounts: tuple[str, httpx.Client, httpx.Client],
) -> None:
    _, a, b = two_accounts
    session = a.post("/v2/live", json={}).json()
    assert b.get(f"/v2/live/{session['id']}").status_code == 404
    assert b.delete(f"/v2/live/{session['id']}").status_code == 404
    assert b.patch(f"/v2/live/{session['id']}", json={"custom_metadata": {"x": 1}}).status_code == 404
    assert b.get("/v2/live").json()["items"] == []
    assert [item["id"] for item in a.get("/v2/live").json()["items"]] == [session["id"]]


class _Redirector:
    """A loopback server answering every GET with a redirect to `location`."""

    def __init__(self, location: str) -> None:
        target = location

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}/audio.wav"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def test_a_loopback_url_redirecting_off_loopback_is_not_followed_unless_allowed() -> None:
    # `.example` never resolves: were the redirect followed, the reason would be a connection error.
    redirector = _Redirector("http://audio.example/elsewhere.wav")
    try:
        with (
            emulator(default_transcript="Hello.") as emu,
            httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
        ):
            response = http.post("/v2/upload", json={"audio_url": redirector.url})
            assert response.status_code == 422
            assert "redirects to http://audio.example/elsewhere.wav" in response.json()["message"]
            assert "allow_remote_urls" in response.json()["message"]
            job_id = http.post("/v2/pre-recorded", json={"audio_url": redirector.url}).json()["id"]
            reason = wait_for_job(http, job_id)["post_session_metadata"]["error"]["message"]
            assert "redirects to http://audio.example/elsewhere.wav" in reason
    finally:
        redirector.close()


def test_a_redirect_that_stays_on_loopback_is_followed(receiver: Receiver) -> None:
    audio = receiver.serve("/real.wav", make_wav(1.0))
    redirector = _Redirector(audio)
    try:
        with (
            emulator(default_transcript="Hello.") as emu,
            httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
        ):
            response = http.post("/v2/upload", json={"audio_url": redirector.url})
            assert response.status_code == 200, response.text
            assert response.json()["audio_metadata"]["audio_duration"] == 1.0
    finally:
        redirector.close()
