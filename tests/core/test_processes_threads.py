"""A client across processes and threads: after fork() the child never uses its parent's connections; an
async client shared by threads, each with its own event loop, works."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import warnings

import pytest

from gladia import AsyncGladiaClient, GladiaClient
from gladia.testing import Emulator
from tests.conftest import create, make_wav, upload


def _jobs(emu: Emulator, count: int) -> list[str]:
    import httpx

    with httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http:
        audio = make_wav(0.5, tone=True)
        emu.transcripts.add(audio, "Hello.")
        url = upload(http, audio)["audio_url"]
        return [create(http, audio_url=url) for _ in range(count)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork() exists on POSIX only")
def test_after_fork_the_child_gets_connections_of_its_own(emu: Emulator) -> None:
    ids = _jobs(emu, 40)
    client = GladiaClient(api_key=emu.api_key, api_url=emu.url)
    pre = client.prerecorded()
    assert pre.get(ids[0]).id == ids[0]  # a connection is now pooled
    parent_pool = client._transport._pool()
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork() of a process that has threads
        pid = os.fork()
    if pid == 0:  # the child: read half the jobs while the parent reads the other half on the same client
        code = 1
        try:
            os.close(read)
            seen = [pre.get(job_id).id for job_id in ids[::2] * 3]
            fresh = client._transport._pool() is not parent_pool
            code = 0 if seen == ids[::2] * 3 and fresh else 2
            os.write(write, f"{seen == ids[::2] * 3} {fresh}".encode())
        finally:
            os._exit(code)
    os.close(write)
    seen = [pre.get(job_id).id for job_id in ids[1::2] * 3]
    _, status = os.waitpid(pid, 0)
    report = os.read(read, 100).decode()
    os.close(read)
    client.close()
    assert seen == ids[1::2] * 3, "the parent got answers meant for the child"
    assert os.waitstatus_to_exitcode(status) == 0, f"child: answers right, fresh pool = {report}"
    assert client._transport._pool() is parent_pool  # the parent keeps its own


def test_an_async_client_shared_by_threads_with_their_own_loops_works(emu: Emulator) -> None:
    ids = _jobs(emu, 6)
    client = AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url)
    results: dict[int, list[str]] = {}
    failures: list[BaseException] = []

    def worker(index: int) -> None:
        async def run() -> list[str]:
            got = []
            for _ in range(5):
                got += [job.id for job in await asyncio.gather(*(client.prerecorded().get(i) for i in ids))]
            return got

        try:
            results[index] = asyncio.run(run())
        except BaseException as exc:  # noqa: BLE001 - judged below
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert results == {n: ids * 5 for n in range(3)}


def test_a_closed_client_says_so_and_sends_nothing(emu: Emulator) -> None:
    from gladia.errors import ClientClosedError

    client = GladiaClient(api_key=emu.api_key, api_url=emu.url)
    client.close()
    with pytest.raises(ClientClosedError, match="closed"):
        client.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab")
    with pytest.raises(ClientClosedError):
        list(client.live().list())
    assert not emu.requests

    async def closed_async() -> None:
        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as aclient:
            pass
        await aclient.prerecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab")

    with pytest.raises(ClientClosedError):
        asyncio.run(closed_async())
    assert not emu.requests


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX")
def test_the_pool_is_one_per_event_loop(emu: Emulator) -> None:
    (job_id,) = _jobs(emu, 1)
    client = AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url)
    for _ in range(3):  # one asyncio.run() after another: each loop gets (and closes) a pool of its own
        assert asyncio.run(client.prerecorded().get(job_id)).id == job_id
