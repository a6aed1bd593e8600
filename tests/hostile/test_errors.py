"""Only typed errors: whatever the server, the disk or the caller's event loops do, a public method returns
or raises a `gladia.errors.GladiaError` whose message says what happened and what to do."""

from __future__ import annotations

import asyncio
import gc
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gladia import AsyncGladiaClient, GladiaClient, errors
from tests.conftest import make_wav
from tests.hostile import server as H

MiB = H.MiB


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


# ------------------------------------------------------------------------------------------ hostile JSON


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        pytest.param(H.nested_json(100_000), "UnexpectedResponseError", id="answer-100k-deep"),
        pytest.param(H.nested_json(100_000, status=400), "BadRequestError", id="error-body-100k-deep"),
        pytest.param(H.invalid_json(), "UnexpectedResponseError", id="answer-not-json"),
        pytest.param(
            H.reply(418, b"<html>teapot</html>"), "UnexpectedResponseError", id="undocumented-status"
        ),
        pytest.param(H.redirect("/v2/pre-recorded/" + H.JOB_ID), "GladiaError", id="redirect-loop"),
        pytest.param(H.redirect("file:///etc/passwd"), "GladiaError", id="redirect-to-file-scheme"),
        pytest.param(H.reply(302, b""), "GladiaError", id="redirect-without-location"),
        pytest.param(
            H.reply(200, b'{"id": "' + H.JOB_ID.encode() + b'", "version": ' + b"9" * 5000 + b"}"),
            "UnexpectedResponseError",
            id="a-5000-digit-number",
        ),
        pytest.param(H.reply(200, b'{"id": "\xff\xfe"}'), "UnexpectedResponseError", id="not-utf8"),
        pytest.param(H.reply(200, b"null"), "UnexpectedResponseError", id="json-null"),
        pytest.param(H.reply(200, b""), "UnexpectedResponseError", id="empty-200"),
        pytest.param(H.reply(204, b""), "UnexpectedResponseError", id="204-for-a-job"),
        pytest.param(
            H.reply(200, b"not gzip", {"content-encoding": "gzip"}), "GladiaError", id="corrupt-gzip"
        ),
        pytest.param(H.raw(b"HTTP/1.1 abc OK\r\n\r\n"), "GladiaError", id="bad-status-line"),
        pytest.param(H.raw(b"\x16\x03\x01\x00\x05hello"), "GladiaError", id="not-http"),
        pytest.param(H.endless_headers(), "GladiaError", id="endless-headers"),
        pytest.param(
            H.raw(b"HTTP/1.1 200 OK\r\ncontent-length: -5\r\n\r\n{}"), "GladiaError", id="negative-length"
        ),
        pytest.param(
            H.raw(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 9\r\n\r\n{}"),
            "GladiaError",
            id="two-lengths",
        ),
        pytest.param(
            H.raw(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
            "GladiaError",
            id="bad-chunk-size",
        ),
    ],
)
def test_hostile_json_is_a_typed_error(
    server: H.HostileServer, mode: str, answer: H.Handler, error: str
) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_retries": 0})
    H.raised(outcome, error)


def _deep_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = ["Gladia"]
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "options",
    [
        pytest.param(
            {"audio_url": "https://example.com/a.wav", "custom_metadata": _deep_dict(5000)},
            id="metadata-5000-deep",
        ),
        pytest.param(
            {
                "audio_url": "https://example.com/a.wav",
                "custom_vocabulary": True,
                "custom_vocabulary_config": {"vocabulary": _deep_list(5000)},
            },
            id="vocabulary-5000-deep",
        ),
    ],
)
def test_options_nested_thousands_deep_are_refused_before_sending(
    server: H.HostileServer, mode: str, options: dict[str, Any]
) -> None:
    outcome = H.call(mode, server.url, "create", options)
    H.raised(outcome, "ValidationError")
    assert server.count("POST") == 0


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "value",
    [{1, 2}, b"bytes", float("nan"), float("inf"), object()],
    ids=["a-set", "bytes", "nan", "infinity", "an-object"],
)
def test_options_that_are_not_json_are_refused_before_sending(
    server: H.HostileServer, mode: str, value: object
) -> None:
    # json.dumps raises TypeError for most, and writes NaN/Infinity (not JSON) for the floats.
    options = {"audio_url": "https://example.com/a.wav", "custom_metadata": {"value": value}}
    outcome = H.call(mode, server.url, "create", options)
    H.raised(outcome, "ValidationError")
    assert server.count("POST") == 0


# ------------------------------------------------------------------------------------------ sources


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("change", ["grows", "shrinks"])
def test_a_file_that_changes_during_its_upload(
    server: H.HostileServer, tmp_path: Path, mode: str, change: str
) -> None:
    path = tmp_path / "take.wav"
    path.write_bytes(make_wav(100))  # 3.2 MB: four chunks of 1 MiB
    changed = threading.Event()

    def on_progress(sent: int, total: int | None) -> None:
        if sent >= MiB and not changed.is_set():
            changed.set()
            with path.open("r+b") as handle:
                if change == "grows":
                    handle.seek(0, os.SEEK_END)
                    handle.write(bytes(MiB))
                else:
                    handle.truncate(MiB + MiB // 2)

    outcome = H.call(
        mode, server.url, "upload_file", path, on_progress=on_progress, client={"max_retries": 1}
    )
    assert changed.is_set()
    error = H.raised(outcome, "SourceChangedError")
    H.raised(outcome, "UploadError")
    assert "changed" in str(error), str(error)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_redirect_answering_a_pipe_upload(server: H.HostileServer, mode: str) -> None:
    audio = make_wav(0.3)  # smaller than a pipe's buffer: written whole before the upload starts
    read_end, write_end = os.pipe()
    os.write(write_end, audio)
    os.close(write_end)
    server.on("POST", "/v2/upload", H.redirect("/upload/again", 307))
    with os.fdopen(read_end, "rb") as pipe:
        outcome = H.call(mode, server.url, "upload_file", pipe)
    if outcome.error is None:  # resent honestly: the whole file reached the redirect's target
        (first, second) = server.received("POST")
        assert second.path == "/upload/again" and second.complete
        assert second.body_size == first.body_size
    else:
        error = H.raised(outcome, "SourceNotReplayableError")
        assert "again" in str(error), str(error)


# ------------------------------------------------------------------------------------------ callers


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_two_downloads_to_one_path_at_once(server: H.HostileServer, tmp_path: Path, mode: str) -> None:
    job = server.add_job()
    audio = make_wav(4)  # 128 KB, in 8 pieces over 0.8 s: the two downloads overlap
    server.always("GET", "/v2/pre-recorded/{id}/file", H.pieces(audio, 8, 0.1))
    target = tmp_path / "audio.wav"
    outcomes: list[H.Outcome] = []
    if mode == "sync":
        threads = [
            threading.Thread(
                target=lambda: outcomes.append(H.call("sync", server.url, "download", job.id, target))
            )
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    else:

        async def both() -> list[object]:
            async with AsyncGladiaClient(api_key=H.KEY, api_url=server.url) as gladia:
                api = gladia.prerecorded()
                return await asyncio.gather(
                    api.download(job.id, target), api.download(job.id, target), return_exceptions=True
                )

        for result in asyncio.run(both()):
            outcomes.append(
                H.Outcome(error=result) if isinstance(result, BaseException) else H.Outcome(result)
            )
    assert len(outcomes) == 2
    for outcome in outcomes:
        assert outcome.error is None, outcome.describe()
        assert outcome.value == len(audio)
    assert target.read_bytes() == audio
    assert [p.name for p in tmp_path.iterdir()] == ["audio.wav"]  # no partial file left behind


@pytest.mark.timeout(20)
def test_one_async_client_used_from_two_event_loops(server: H.HostileServer) -> None:
    job = server.add_job()
    gladia = AsyncGladiaClient(api_key=H.KEY, api_url=server.url)
    api = gladia.prerecorded()
    outcomes = []
    for _ in range(2):
        try:
            outcomes.append(H.Outcome(asyncio.run(api.get(job.id))))
        except Exception as exc:  # noqa: BLE001 - judged below
            outcomes.append(H.Outcome(error=exc))
    try:
        asyncio.run(gladia.close())
    except Exception as exc:  # noqa: BLE001
        outcomes.append(H.Outcome(error=exc))
    del gladia, api
    gc.collect()  # a connection left open by either loop warns here, in this test
    for outcome in outcomes:
        H.typed(outcome)
    assert outcomes[0].error is None, outcomes[0].describe()
    if outcomes[1].error is not None:
        assert "event loop" in str(outcomes[1].error), outcomes[1].describe()  # says how to use it


@pytest.mark.timeout(20)
def test_one_sync_client_still_works_after_a_hostile_answer(server: H.HostileServer) -> None:
    job = server.add_job()
    server.on("GET", "/v2/pre-recorded/{id}", H.truncate(b'{"id": "'), H.nested_json(50_000))
    with GladiaClient(api_key=H.KEY, api_url=server.url, max_retries=0) as gladia:
        api = gladia.prerecorded()
        for _ in range(2):
            with pytest.raises(errors.GladiaError):
                api.get(job.id)
        assert api.get(job.id).id == job.id


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_an_upload_refused_before_its_body_is_read(
    server: H.HostileServer, tmp_path: Path, mode: str
) -> None:
    # A gateway answers 413 as soon as it sees the headers, and closes while the client is still sending.
    path = tmp_path / "long.wav"
    path.write_bytes(make_wav(200))  # 6.4 MB, more than the socket buffers hold
    server.early("POST", "/v2/upload")
    server.always("POST", "/v2/upload", H.json_reply({"message": "too large"}, 413))
    outcome = H.call(mode, server.url, "upload_file", path, client={"max_retries": 1})
    H.raised(outcome)


@pytest.mark.timeout(20)
def test_a_call_cancelled_by_the_caller_leaves_the_client_usable(server: H.HostileServer) -> None:
    job = server.add_job()
    server.on("GET", "/v2/pre-recorded/{id}", H.silent(), H.drip(b'{"id": "' + b" " * 50, 0.1))

    async def run() -> None:
        async with AsyncGladiaClient(api_key=H.KEY, api_url=server.url) as gladia:
            api = gladia.prerecorded()
            for _ in range(2):  # cancelled while waiting for the head, then while reading the body
                with pytest.raises(asyncio.TimeoutError):
                    await asyncio.wait_for(api.get(job.id), 0.5)
            assert (await api.get(job.id)).id == job.id

    asyncio.run(run())
    gc.collect()  # a connection the cancellation left open warns here, in this test


class _FailsMidway(io.RawIOBase):
    """A stream (a network share, a USB stick pulled out) that reads 2 MiB of audio, then fails."""

    def __init__(self) -> None:
        self._data = io.BytesIO(make_wav(70))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._data.tell() >= 2 * MiB:
            raise OSError(5, "Input/output error")
        return self._data.readinto(buffer)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_source_that_fails_midway_through_its_upload(server: H.HostileServer, mode: str) -> None:
    with io.BufferedReader(_FailsMidway()) as source:
        outcome = H.call(mode, server.url, "upload_file", source)
    error = H.raised(outcome)
    assert "Input/output error" in str(error) or "read" in str(error), str(error)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_call_on_a_closed_client_is_a_typed_error(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    if mode == "sync":
        gladia = GladiaClient(api_key=H.KEY, api_url=server.url)
        gladia.close()
        outcome = H.Outcome()
        try:
            outcome.value = gladia.prerecorded().get(job.id)
        except Exception as exc:  # noqa: BLE001 - judged below
            outcome.error = exc
    else:

        async def run() -> H.Outcome:
            gladia = AsyncGladiaClient(api_key=H.KEY, api_url=server.url)
            await gladia.close()
            try:
                return H.Outcome(await gladia.prerecorded().get(job.id))
            except Exception as exc:  # noqa: BLE001
                return H.Outcome(error=exc)

        outcome = asyncio.run(run())
    error = H.raised(outcome, "ClientClosedError")  # not a network error that invites a retry
    assert "closed" in str(error), str(error)
    assert not server.requests
