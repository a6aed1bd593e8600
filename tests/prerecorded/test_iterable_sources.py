"""Sources users have: an iterable of bytes (sync client) or an async iterable (async client), uploaded as
it comes, never held whole; and the sources that cannot be sent as given, refused with the reason."""

from __future__ import annotations

import io
import os
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import anyio
import pytest

from gladia import AsyncGladiaClient, GladiaClient
from gladia.errors import InvalidSourceError, SourceNotReplayableError
from gladia.testing import Emulator
from tests.conftest import make_wav
from tests.hostile import server as H


def pieces(data: bytes, size: int = 4096) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_the_sync_client_uploads_an_iterable_of_bytes(emu: Emulator) -> None:
    audio = make_wav(2.0, tone=True)
    emu.transcripts.add(audio, "From a generator.")
    seen: list[tuple[int, int | None]] = []
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        job = client.prerecorded().transcribe(
            pieces(audio), on_progress=lambda sent, total: seen.append((sent, total))
        )
    assert job.result.transcription.full_transcript == "From a generator."
    assert seen[-1] == (len(audio), None)  # the size of an iterable is not known ahead
    assert emu.counters.requests["POST /v2/upload"] == 1


def test_the_async_client_uploads_an_async_iterable_and_a_plain_one(emu: Emulator) -> None:
    audio = make_wav(2.0, tone=True)
    emu.transcripts.add(audio, "From an async generator.")

    async def apieces() -> AsyncIterator[bytes]:
        for chunk in pieces(audio):
            await anyio.lowlevel.checkpoint()
            yield chunk

    async def main() -> tuple[str, str]:
        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
            first = await client.prerecorded().transcribe(apieces())
            second = await client.prerecorded().upload_file(pieces(audio))
            return first.result.transcription.full_transcript, second.audio_metadata.filename

    heard, _ = anyio.run(main)
    assert heard == "From an async generator."


def test_an_iterable_is_never_held_whole(emu: Emulator) -> None:
    # 64 MiB generated on the fly: the upload holds a chunk or two at a time, never the whole recording.
    chunk = bytes(range(256)) * 4096  # 1 MiB
    header = make_wav(0.01)
    emu.configure(max_audio_seconds=100_000)

    def big() -> Iterator[bytes]:
        yield header
        for _ in range(64):
            yield chunk

    tracemalloc.start()
    try:
        with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
            client.prerecorded().upload_file(big())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert emu.counters.bytes_received > 64 * 2**20
    assert peak < 24 * 2**20, f"peak {peak / 2**20:.1f} MiB while uploading 64 MiB"


def test_the_sync_client_refuses_an_async_iterable_before_sending(emu: Emulator) -> None:
    async def apieces() -> AsyncIterator[bytes]:
        yield b"RIFF"

    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        pytest.raises(InvalidSourceError) as err,
    ):
        client.prerecorded().upload_file(apieces())  # type: ignore[arg-type]
    assert "AsyncGladiaClient" in str(err.value)
    assert not emu.requests


def test_an_iterable_of_something_else_than_bytes_says_so(emu: Emulator) -> None:
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        pytest.raises(InvalidSourceError) as err,
    ):
        client.prerecorded().upload_file(iter(["not", "bytes"]))  # type: ignore[arg-type]
    assert "str, not bytes" in str(err.value)


def test_an_iterable_that_breaks_midway_says_it_cannot_be_sent_again(emu: Emulator) -> None:
    def broken() -> Iterator[bytes]:
        yield make_wav(1.0)
        raise OSError(5, "Input/output error")

    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        pytest.raises(SourceNotReplayableError) as err,
    ):
        client.prerecorded().upload_file(broken())
    assert "cannot be sent again" in str(err.value) and "Input/output error" in str(err.value)
    assert "network" not in str(err.value)


@pytest.mark.parametrize("mode", H.MODES)
def test_a_pipe_whose_upload_is_cut_off_says_it_cannot_be_sent_again(mode: str) -> None:
    read, write = os.pipe()
    os.write(write, make_wav(0.5))
    os.close(write)
    with H.HostileServer() as server, os.fdopen(read, "rb") as pipe:
        server.always("POST", "/v2/upload", H.reset())
        outcome = H.call(mode, server.url, "upload_file", pipe)
    error = H.raised(outcome, "SourceNotReplayableError")
    assert "cannot be sent again" in str(error) and "check the network" not in str(error)


def test_a_file_url_naming_another_host_is_refused(emu: Emulator, tmp_path: Path) -> None:
    (tmp_path / "a.wav").write_bytes(make_wav(1.0))
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        with pytest.raises(InvalidSourceError) as err:
            client.prerecorded().upload_file(f"file://fileserver{tmp_path}/a.wav")
        assert "another machine" in str(err.value)
        # The same file on this machine is fine, with or without `localhost`.
        emu.transcripts.add(make_wav(1.0), "Here.")
        assert client.prerecorded().upload_file(f"file://localhost{tmp_path}/a.wav").audio_url
    assert emu.counters.requests["POST /v2/upload"] == 1


def test_bytes_that_name_a_file_get_a_hint_to_pass_the_path(emu: Emulator, tmp_path: Path) -> None:
    path = tmp_path / "meeting.wav"
    path.write_bytes(make_wav(1.0))
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        pytest.raises(InvalidSourceError) as err,
    ):
        client.prerecorded().upload_file(str(path).encode())
    assert "pass its path as a str or a Path" in str(err.value)
    assert not emu.requests


def test_a_file_object_still_works_beside_iterables(emu: Emulator) -> None:
    # A binary file object is iterable too (by lines): it must still be read as a file, not as lines.
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "A file object.")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        job = client.prerecorded().transcribe(io.BytesIO(audio))
    assert job.result.transcription.full_transcript == "A file object."


def test_a_file_name_that_is_not_utf8_uploads(emu: Emulator, tmp_path: Path) -> None:
    name = os.fsdecode(b"r\xe9union.wav")  # Latin-1 bytes on disk: a str with a surrogate in Python
    path = tmp_path / name
    path.write_bytes(make_wav(1.0))
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        assert client.prerecorded().upload_file(path).audio_url


def test_a_download_to_a_name_near_the_limit_works(emu: Emulator, tmp_path: Path) -> None:
    audio = make_wav(1.0, tone=True)
    emu.transcripts.add(audio, "Long name.")
    target = tmp_path / ("x" * 250 + ".wav")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        job = client.prerecorded().transcribe(audio)
        assert client.prerecorded().download(job.id, target) == len(audio)
    assert target.read_bytes() == audio
