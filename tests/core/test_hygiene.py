"""Nothing is left open: no socket, thread or file after close(). (The suite also runs with
-W error::ResourceWarning, so any unclosed socket or file anywhere fails the test that leaked it.)

The emulator runs in a subprocess here, so every thread and file descriptor of this process is the client's.
"""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import attrs
import pytest

from gladia import AsyncGladiaClient, GladiaClient
from tests.conftest import make_wav


@attrs.frozen
class Server:
    url: str
    api_key: str


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "gladia.testing",
        "--port",
        str(port),
        "--api-key",
        "hygiene-key",
        "--default-transcript",
        "Clean.",
        "--queued-seconds",
        "0",
        "--processing-seconds",
        "0",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the emulator did not start"
                time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}", "hygiene-key")
    finally:
        process.terminate()
        process.wait(10)


def open_fds() -> set[str]:
    return {os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd") if _exists(fd)}


def _exists(fd: str) -> bool:
    try:
        os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return False
    return True


def settle(baseline: set[str], threads: int) -> tuple[set[str], int]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        gc.collect()
        leaked, alive = open_fds() - baseline, threading.active_count()
        if not leaked and alive <= threads:
            break
        time.sleep(0.05)
    return open_fds() - baseline, threading.active_count()


def test_sync_client_leaves_nothing_open(server: Server, tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    audio.write_bytes(make_wav(0.5))
    before, threads = open_fds(), threading.active_count()
    with GladiaClient(api_key=server.api_key, api_url=server.url) as client:
        api = client.prerecorded()
        job = api.transcribe(audio)
        api.download(job.id, tmp_path / "copy.wav")
        with audio.open("rb") as handle:
            api.upload_file(handle)
        assert any(name.startswith("socket:") for name in open_fds() - before)  # the pool was in use
    assert settle(before, threads) == (set(), threads)


def test_async_client_leaves_nothing_open(server: Server, tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    audio.write_bytes(make_wav(0.5))
    before, threads = open_fds(), threading.active_count()

    async def work() -> None:
        async with AsyncGladiaClient(api_key=server.api_key, api_url=server.url) as client:
            job = await client.prerecorded().transcribe(audio)
            await client.prerecorded().download(job.id, tmp_path / "copy.wav")

    anyio.run(work)
    assert settle(before, threads) == (set(), threads)


def test_an_unclosed_client_is_cleaned_up_when_collected(server: Server) -> None:
    before, threads = open_fds(), threading.active_count()
    api = GladiaClient(
        api_key=server.api_key, api_url=server.url
    ).prerecorded()  # as in Gladia's docs: never closed
    assert isinstance(list(api.list()), list)
    del api
    assert settle(before, threads) == (set(), threads)
