"""Audio sources: what is accepted, what is refused (and why), and the multipart body they become."""

from __future__ import annotations

import email.parser
import email.policy
import io
import os
import uuid
from pathlib import Path

import anyio
import pytest

from gladia._core.job_id import check_job_id
from gladia.errors import InvalidJobIdError, InvalidSourceError, SourceNotReplayableError
from gladia.prerecorded._sources import LocalSource, UploadBody, UrlSource, classify
from gladia.prerecorded._upload_stream import UploadStream

WAV_HEAD = b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80>\x00\x00\x02\x00\x10\x00data"


def audio_bytes(size: int = 4000) -> bytes:
    return (WAV_HEAD + bytes(range(256)) * (size // 256 + 1))[:size]


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    path = tmp_path / "speech.wav"
    path.write_bytes(audio_bytes())
    return path


def test_urls_are_passed_through() -> None:
    assert classify("https://example.com/a.mp3?sig=1") == UrlSource("https://example.com/a.mp3?sig=1")
    assert classify("http://127.0.0.1:8000/a.wav") == UrlSource("http://127.0.0.1:8000/a.wav")


def test_paths_bytes_and_files_are_local(wav: Path) -> None:
    for source in (wav, str(wav), f"file://{wav}"):
        local = classify(source)
        assert isinstance(local, LocalSource)
        assert local.path == wav and local.size == 4000 and local.filename == "speech.wav"
    assert classify(audio_bytes()).size == 4000  # type: ignore[union-attr]
    with wav.open("rb") as handle:
        handle.seek(100)
        local = classify(handle)
        assert isinstance(local, LocalSource)
        assert (local.start, local.size, local.filename) == (100, 3900, "speech.wav")
        assert handle.tell() == 100  # checking a file object does not move it


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: None, "No audio given"),
        (lambda d: "", "empty string"),
        (lambda d: "ftp://example.com/a.wav", "Unsupported URL scheme 'ftp'"),
        (lambda d: "s3://bucket/a.wav", "Unsupported URL scheme 's3'"),
        (lambda d: "https:///a.wav", "has no host"),
        (lambda d: "http:/example.com/a.wav", "has no host"),
        (lambda d: str(d / "missing.wav"), "No such file"),
        (lambda d: d, "is a directory"),
        (lambda d: b"", "is empty (0 bytes)"),
        (lambda d: b"%PDF-1.7 ...", "looks like a PDF document"),
        (lambda d: b"Hello, this is a transcript, not audio.\n", "looks like text"),
        (lambda d: b"\x89PNG\r\n\x1a\n....", "looks like a PNG image"),
        (lambda d: 42, "Unsupported audio source of type int"),
        (lambda d: io.StringIO("abc"), "text mode"),
        (lambda d: io.BytesIO(b""), "nothing left to read"),
    ],
)
def test_bad_sources_are_refused_with_the_reason(tmp_path: Path, make: object, message: str) -> None:
    with pytest.raises(InvalidSourceError) as caught:
        classify(make(tmp_path))  # type: ignore[operator]
    assert message in str(caught.value)


def test_empty_unreadable_closed_and_text_mode_files(tmp_path: Path, wav: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(InvalidSourceError, match="is empty"):
        classify(empty)
    handle = wav.open("rb")
    handle.close()
    with pytest.raises(InvalidSourceError, match="is closed"):
        classify(handle)
    with wav.open("r", encoding="latin-1") as text, pytest.raises(InvalidSourceError, match="text mode"):
        classify(text)
    with wav.open("rb") as at_end:
        at_end.read()
        with pytest.raises(InvalidSourceError, match=r"already at its end: call \.seek\(0\)"):
            classify(at_end)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file, so permissions cannot be tested")
def test_unreadable_file(wav: Path) -> None:
    wav.chmod(0)
    with pytest.raises(InvalidSourceError, match="permission denied"):
        classify(wav)


def test_size_limit_is_checked_before_sending(wav: Path) -> None:
    with pytest.raises(InvalidSourceError, match="above the 0 MB Gladia accepts"):
        classify(wav, max_bytes=100)
    assert classify(wav, max_bytes=None).size == 4000  # type: ignore[union-attr]


def parts_of(body: UploadBody, raw: bytes) -> list[email.message.Message]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {body.content_type}\r\n\r\n".encode() + raw
    )
    return list(message.iter_parts())  # type: ignore[attr-defined]


def test_the_multipart_body_is_well_formed_and_replayable(wav: Path) -> None:
    body = UploadBody(classify(wav), chunk_size=1000)  # type: ignore[arg-type]
    first = b"".join(UploadStream(body))
    again = b"".join(UploadStream(body))
    assert first == again and len(first) == body.length
    (part,) = parts_of(body, first)
    assert part.get_param("name", header="content-disposition") == "audio"
    assert part.get_filename() == "speech.wav"
    assert part.get_content_type() == "audio/x-wav"
    assert part.get_payload(decode=True) == wav.read_bytes()


def test_a_file_object_is_sent_from_where_it_was_each_time(wav: Path) -> None:
    with wav.open("rb") as handle:
        handle.seek(44)
        body = UploadBody(classify(handle), chunk_size=512)  # type: ignore[arg-type]
        first = b"".join(UploadStream(body))
        handle.seek(3000)  # a failed attempt leaves it anywhere
        second = b"".join(UploadStream(body))
    assert first == second
    assert parts_of(body, first)[0].get_payload(decode=True) == wav.read_bytes()[44:]


def test_a_stream_that_cannot_seek_is_sent_once(wav: Path) -> None:
    read, write = os.pipe()
    os.write(write, wav.read_bytes())
    os.close(write)
    with open(read, "rb", buffering=0) as pipe:
        source = classify(pipe)
        assert isinstance(source, LocalSource) and source.size is None and not source.replayable
        body = UploadBody(source)
        assert "Content-Length" not in body.headers
        data = b"".join(UploadStream(body))
        assert parts_of(body, data)[0].get_payload(decode=True) == wav.read_bytes()
        with pytest.raises(SourceNotReplayableError, match="cannot be sent again"):
            b"".join(UploadStream(body))


def test_progress_is_reported_up_to_the_size(wav: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    body = UploadBody(
        classify(wav), chunk_size=1500, on_progress=lambda sent, total: seen.append((sent, total))
    )  # type: ignore[arg-type]
    b"".join(UploadStream(body))
    assert seen == [(0, 4000), (1500, 4000), (3000, 4000), (4000, 4000)]


def test_async_body_matches_sync_body(wav: Path) -> None:
    body = UploadBody(classify(wav), chunk_size=700)  # type: ignore[arg-type]

    async def collect() -> bytes:
        return b"".join([chunk async for chunk in UploadStream(body)])

    assert anyio.run(collect) == b"".join(UploadStream(body))


def test_a_small_file_can_be_read_whole_while_it_is_checked(wav: Path) -> None:
    small = classify(wav, preload=4000)
    large = classify(wav, preload=3999)
    assert isinstance(small, LocalSource) and small.data is not None and small.path is None
    assert isinstance(large, LocalSource) and large.path == wav and large.data is None
    assert small.filename == large.filename == "speech.wav" and small.size == large.size == 4000
    bodies = [UploadBody(source, chunk_size=1000) for source in (small, large)]
    for body in bodies:
        (part,) = parts_of(body, b"".join(UploadStream(body)))
        assert part.get_payload(decode=True) == wav.read_bytes()
        assert part.get_content_type() == "audio/x-wav"


def test_a_preloaded_file_is_still_checked(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("hello, these are my notes\n" * 10)
    with pytest.raises(InvalidSourceError, match="text"):
        classify(text, preload=1 << 20)
    audio = tmp_path / "x.wav"
    audio.write_bytes(audio_bytes())
    with pytest.raises(InvalidSourceError, match="above the 0 MB Gladia accepts"):
        classify(audio, max_bytes=100, preload=1 << 20)


def test_filenames_with_quotes_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / 'my "best" take.wav'
    path.write_bytes(audio_bytes())
    body = UploadBody(classify(path))  # type: ignore[arg-type]
    assert b'filename="my %22best%22 take.wav"' in b"".join(UploadStream(body))


@pytest.mark.parametrize(
    ("job_id", "message"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("../upload", "characters of a path or URL"),
        ("45463597-20b7-4af7-b3b3-f5fb778203ab/file", "characters of a path or URL"),
        ("45463597-20b7-4af7-b3b3-f5fb778203ab?x=1", "characters of a path or URL"),
        ("abc", "is not a Gladia job id"),
        (123, "must be a string"),
    ],
)
def test_bad_job_ids_are_refused(job_id: object, message: str) -> None:
    with pytest.raises(InvalidJobIdError, match=None) as caught:
        check_job_id(job_id)
    assert message in str(caught.value)


def test_good_job_ids() -> None:
    value = uuid.uuid4()
    assert check_job_id(value) == str(value)
    assert check_job_id(str(value).upper()) == str(value).upper()
