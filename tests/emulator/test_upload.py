"""POST /v2/upload and GET /file/{id} over real HTTP: multipart and URL uploads, metadata, limits, refusals."""

from __future__ import annotations

import hashlib
import socket

import httpx
import pytest

from gladia.testing import Emulator
from gladia_api import models
from tests.conftest import Receiver, make_flac, make_mp3, make_wav, upload


def test_multipart_upload_returns_real_metadata(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(2.5, channels=2, rate=8000)
    body = upload(http, data, "meeting.wav")
    metadata = body["audio_metadata"]
    assert body["audio_url"] == f"{emu.url}/file/{metadata['id']}"
    assert metadata == {
        "id": metadata["id"],
        "filename": "meeting.wav",
        "extension": "wav",
        "size": len(data),
        "audio_duration": 2.5,
        "number_of_channels": 2,
    }
    parsed = models.AudioUploadResponse.from_dict(body)
    assert isinstance(parsed.audio_metadata, models.AudioUploadMetadataDTO)


@pytest.mark.parametrize(
    ("data", "extension", "duration", "channels"),
    [(make_mp3(2.0), "mp3", 2.0, 1), (make_flac(3.0, channels=2), "flac", 3.0, 2)],
    ids=["mp3", "flac"],
)
def test_other_formats_are_read_with_mutagen(
    http: httpx.Client, data: bytes, extension: str, duration: float, channels: int
) -> None:
    metadata = upload(http, data, "audio.bin")["audio_metadata"]
    assert metadata["extension"] == extension
    assert metadata["audio_duration"] == pytest.approx(duration, abs=0.05)
    assert metadata["number_of_channels"] == channels


def test_the_extension_comes_from_the_content_not_the_name(http: httpx.Client) -> None:
    metadata = upload(http, make_wav(1.0), "misnamed.mp3")["audio_metadata"]
    assert (metadata["filename"], metadata["extension"]) == ("misnamed.mp3", "wav")


def test_a_file_that_is_not_audio_gets_422(http: httpx.Client) -> None:
    response = http.post("/v2/upload", files={"audio": ("notes.wav", b"these are not sounds" * 50)})
    assert response.status_code == 422
    body = response.json()
    assert body["statusCode"] == 422
    assert "not an audio" in body["message"]
    assert body["path"] == "/v2/upload"
    models.UnprocessableEntityErrorResponse.from_dict(body)


def test_the_stored_file_downloads_byte_for_byte(http: httpx.Client) -> None:
    data = make_wav(1.0, tone=True)
    url = upload(http, data)["audio_url"]
    with http.stream("GET", url) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/octet-stream"
        assert b"".join(response.iter_bytes()) == data


def test_an_unknown_stored_file_is_404(http: httpx.Client) -> None:
    assert http.get("/file/00000000-0000-4000-8000-000000000000").status_code == 404


def test_too_large_while_streaming_gets_413(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(max_upload_bytes=10_000)

    def chunks() -> object:  # no Content-Length: the limit is enforced while the body streams in
        yield b'--b\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\n\r\n'
        for _ in range(20):
            yield bytes(1000)
        yield b"\r\n--b--\r\n"

    response = http.post(
        "/v2/upload", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )  # type: ignore[arg-type]
    assert response.status_code == 413
    models.PayloadTooLargeErrorResponse.from_dict(response.json())
    assert list(emu._live.store.directory.iterdir()) == []  # the partial file is gone


def test_too_large_by_content_length_gets_413_before_reading(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(max_upload_bytes=1000)
    response = http.post("/v2/upload", files={"audio": ("a.wav", make_wav(1.0))})
    assert response.status_code == 413
    assert "larger than the limit of 1000 bytes" in response.json()["message"]


def test_expect_100_continue_gets_413_without_sending_the_body(emu: Emulator) -> None:
    emu.configure(max_upload_bytes=1000)
    host, port = emu.url.removeprefix("http://").split(":")
    head = (
        f"POST /v2/upload HTTP/1.1\r\nHost: {host}\r\nx-gladia-key: {emu.api_key}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n"
        "Expect: 100-continue\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(head.encode())
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413")
    assert emu.counters.bytes_received == 0


def test_too_long_gets_413(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(max_audio_seconds=1.0)
    response = http.post("/v2/upload", files={"audio": ("a.wav", make_wav(2.0))})
    assert response.status_code == 413
    assert "longer than the limit" in response.json()["message"]


def test_wrong_content_type_gets_415(http: httpx.Client) -> None:
    response = http.post("/v2/upload", content=make_wav(0.1), headers={"content-type": "audio/wav"})
    assert response.status_code == 415
    models.UnsupportedMediaTypeErrorResponse.from_dict(response.json())


@pytest.mark.parametrize(
    ("content", "content_type", "fragment"),
    [
        (
            b'--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n',
            "multipart/form-data; boundary=b",
            "no file",
        ),
        (
            b'--b\r\nContent-Disposition: form-data; name="audio"; filename="a"\r\n\r\nxx',
            "multipart/form-data; boundary=b",
            "ended before",
        ),
        (b"whatever", "multipart/form-data", "boundary"),
    ],
    ids=["no-audio-field", "truncated", "no-boundary"],
)
def test_malformed_multipart_gets_400(
    http: httpx.Client, content: bytes, content_type: str, fragment: str
) -> None:
    response = http.post("/v2/upload", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert fragment in response.json()["message"]
    models.BadRequestErrorResponse.from_dict(response.json())


def test_extra_fields_are_ignored_and_the_first_audio_part_is_kept(http: httpx.Client) -> None:
    files = [("audio", ("first.wav", make_wav(1.0))), ("audio", ("second.wav", make_wav(2.0)))]
    metadata = http.post("/v2/upload", data={"note": "hi"}, files=files).json()["audio_metadata"]
    assert (metadata["filename"], metadata["audio_duration"]) == ("first.wav", 1.0)


def test_url_upload_downloads_from_loopback(http: httpx.Client, receiver: Receiver) -> None:
    data = make_wav(1.5)
    url = receiver.serve("/media/talk.wav", data)
    response = http.post("/v2/upload", json={"audio_url": url})
    assert response.status_code == 200, response.text
    metadata = response.json()["audio_metadata"]
    assert metadata["source"] == url
    assert (metadata["filename"], metadata["size"], metadata["audio_duration"]) == (
        "talk.wav",
        len(data),
        1.5,
    )
    assert http.get(response.json()["audio_url"]).content == data


def test_url_upload_of_an_unreachable_url_gets_422(http: httpx.Client, receiver: Receiver) -> None:
    response = http.post("/v2/upload", json={"audio_url": receiver.url + "/missing.wav"})
    assert response.status_code == 422
    assert "404" in response.json()["message"]


def test_url_upload_of_a_remote_url_is_refused_offline(http: httpx.Client) -> None:
    response = http.post("/v2/upload", json={"audio_url": "https://example.com/a.wav"})
    assert response.status_code == 422
    assert "only downloads loopback URLs" in response.json()["message"]


def test_url_upload_of_a_registered_remote_url_gets_a_silent_stand_in(
    http: httpx.Client, emu: Emulator
) -> None:
    emu.transcripts.add("https://example.com/talks/a.mp3", "Hello.", duration=12.0)
    metadata = http.post("/v2/upload", json={"audio_url": "https://example.com/talks/a.mp3"}).json()[
        "audio_metadata"
    ]
    assert (metadata["filename"], metadata["audio_duration"], metadata["source"]) == (
        "a.mp3",
        12.0,
        "https://example.com/talks/a.mp3",
    )


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"{not json", 400), (b"[1, 2]", 400), (b'{"audio_url": "ftp://x/a.wav"}', 400), (b"{}", 400)],
    ids=["malformed", "not-an-object", "not-http", "missing"],
)
def test_bad_url_upload_bodies(http: httpx.Client, body: bytes, status: int) -> None:
    response = http.post("/v2/upload", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status
    assert response.json()["statusCode"] == status
    if body.startswith(b"{") and body != b"{not json":
        assert response.json()["validation_errors"][0].startswith("audio_url")


def test_upload_records_the_content_hash_for_transcripts(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0, tone=True)
    file_id = upload(http, data)["audio_metadata"]["id"]
    stored = emu._live.store.file(file_id)
    assert stored is not None
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
