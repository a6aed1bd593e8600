"""The API key stays secret: one test for each place it could leak."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from gladia import GladiaClient, errors
from gladia._core.config import resolve_config
from gladia._core.transport_sync import GladiaTransport
from gladia.testing import Emulator
from tests.conftest import make_wav

KEY = "gl-secret-7c41e09d2b"


@pytest.fixture
def keyed(emu: Emulator) -> Emulator:
    emu.configure(api_keys=(KEY,))
    return emu


def test_not_in_debug_logs(keyed: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    audio = make_wav(0.5)
    keyed.transcripts.add(audio, "Quiet.")
    with GladiaClient(api_key=KEY, api_url=keyed.url) as client:
        client.prerecorded().transcribe(audio)
    assert caplog.records
    assert KEY not in caplog.text


def test_not_in_exception_messages_or_reprs(keyed: Emulator) -> None:
    raised: list[BaseException] = []
    with GladiaClient(api_key=KEY, api_url=keyed.url, max_retries=0) as client:
        for action in (
            lambda: client.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab"),
            lambda: client.prerecorded().transcribe(b"not audio at all, just text"),
            lambda: client.prerecorded().create({"audio_url": "ftp://x"}),
        ):
            with pytest.raises(errors.GladiaError) as caught:
                action()
            raised.append(caught.value)
    with (
        GladiaClient(api_key=KEY + "x", api_url=keyed.url) as wrong,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        wrong.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab")
    raised.append(caught.value)
    for error in raised:
        assert KEY not in str(error) and KEY not in repr(error) and KEY not in repr(error.__dict__)


def test_not_in_the_clients_repr(keyed: Emulator) -> None:
    with GladiaClient(api_key=KEY, api_url=keyed.url) as client:
        assert KEY not in repr(client) + repr(client.prerecorded()) + repr(client._config) + repr(client.raw)


def test_not_sent_to_another_origin_on_a_redirect() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.gladia.io":
            return httpx.Response(307, headers={"Location": "https://storage.example.com/audio.wav"})
        return httpx.Response(200, content=b"RIFF")

    config = resolve_config(
        KEY,
        "https://api.gladia.io",
        timeout=None,
        max_retries=0,
        max_upload_bytes=None,
        allow_insecure_http=False,
    )
    transport = GladiaTransport(config, httpx.MockTransport(answer))
    with httpx.Client(transport=transport, base_url="https://api.gladia.io", follow_redirects=True) as http:
        assert http.get("/v2/pre-recorded/x/file").content == b"RIFF"
    assert [r.url.host for r in seen] == ["api.gladia.io", "storage.example.com"]
    assert seen[0].headers["x-gladia-key"] == KEY
    assert "x-gladia-key" not in seen[1].headers


def test_never_over_plain_http_to_a_remote_host() -> None:
    with pytest.raises(errors.ConfigurationError, match="plain http to a remote host"):
        GladiaClient(api_key=KEY, api_url="http://api.gladia.io")
    # A redirect from https to http, even on the same host, is another origin: the key stays behind.
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.scheme == "https":
            return httpx.Response(301, headers={"Location": "http://api.gladia.io/v2/pre-recorded/x"})
        return httpx.Response(200, json={})

    config = resolve_config(
        KEY,
        "https://api.gladia.io",
        timeout=None,
        max_retries=0,
        max_upload_bytes=None,
        allow_insecure_http=False,
    )
    with httpx.Client(
        transport=GladiaTransport(config, httpx.MockTransport(answer)), follow_redirects=True
    ) as http:
        http.get("https://api.gladia.io/v2/pre-recorded/x")
    assert [r.url.scheme for r in seen] == ["https", "http"]
    assert "x-gladia-key" not in seen[1].headers


def test_a_key_the_user_put_in_headers_is_also_kept_from_other_origins(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    config = resolve_config(
        KEY,
        "https://api.gladia.io",
        timeout=None,
        max_retries=0,
        max_upload_bytes=None,
        allow_insecure_http=False,
    )
    transport = GladiaTransport(config, httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(200)))
    with httpx.Client(transport=transport, headers={"x-gladia-key": KEY}) as http:
        http.get("https://elsewhere.example.com/")
    assert "x-gladia-key" not in seen[0].headers
