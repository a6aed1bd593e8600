"""The async client against the emulator: same methods, same meaning, never blocking the event loop."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from gladia import AsyncGladiaClient, errors
from gladia.testing import Emulator
from gladia_api.api.pre_recorded import get_transcription
from tests.conftest import make_wav

pytestmark = pytest.mark.anyio
TEXT = "Async clients share the same rules."


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[AsyncGladiaClient]:
    async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url, max_retries=3) as gladia:
        yield gladia


@pytest.fixture
def wav(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "async.wav"
    path.write_bytes(make_wav(1.0, tone=True))
    emu.transcripts.add(path, TEXT)
    return path


async def test_every_method(client: AsyncGladiaClient, emu: Emulator, wav: Path, tmp_path: Path) -> None:
    api = client.prerecorded()
    job = await api.transcribe(wav, {"language_config": {"languages": ["en"]}})
    assert job.result.transcription.full_transcript == TEXT
    upload = await api.upload_file(wav.read_bytes())
    created = await api.create({"audio_url": upload.audio_url})
    assert (await api.poll(created.id)).status == "done"
    assert (await api.get(created.id)).id == created.id
    listed = [j.id async for j in api.list(page_size=1)]
    assert listed == [created.id, job.id]
    target = tmp_path / "copy.wav"
    assert await api.download(job.id, target) == wav.stat().st_size
    assert target.read_bytes() == wav.read_bytes()
    buffer = io.BytesIO()
    await api.download(job.id, buffer)
    assert buffer.getvalue() == await api.download_bytes(job.id) == wav.read_bytes()
    await api.delete(job.id)
    with pytest.raises(errors.NotFoundError):
        await api.get(job.id)


async def test_many_transcriptions_at_once(client: AsyncGladiaClient, emu: Emulator) -> None:
    sources = [make_wav(0.5 + i / 10) for i in range(12)]
    for i, audio in enumerate(sources):
        emu.transcripts.add(audio, f"Recording number {i}.")
    results: dict[int, str] = {}

    async def one(i: int) -> None:
        job = await client.prerecorded().transcribe(sources[i])
        results[i] = job.result.transcription.full_transcript

    async with anyio.create_task_group() as group:
        for i in range(len(sources)):
            group.start_soon(one, i)
    assert results == {i: f"Recording number {i}." for i in range(12)}
    assert emu.counters.jobs_created == 12


async def test_errors_and_retries_match_the_sync_client(
    client: AsyncGladiaClient, emu: Emulator, wav: Path
) -> None:
    api = client.prerecorded()
    audio_url = (await api.upload_file(wav)).audio_url
    emu.faults.add("POST /v2/pre-recorded", status=503, retry_after=0, times=2)
    job = await api.create({"audio_url": audio_url})
    assert emu.counters.jobs_created == 1
    emu.faults.add("POST /v2/pre-recorded", kind="reset", when="after", times=1)
    again = await api.create({"audio_url": audio_url})  # created, answer lost: found, not made twice
    assert emu.counters.jobs_created == 2
    emu.faults.add("POST /v2/pre-recorded", status=400, times=1)
    with pytest.raises(errors.BadRequestError):
        await api.create({"audio_url": audio_url})
    assert emu.counters.jobs_created == 2
    assert (await api.poll(again.id)).status == "done"
    emu.faults.add("GET /v2/pre-recorded/{id}", kind="reset", times=1)
    assert (await api.poll(job.id)).status == "done"
    with pytest.raises(errors.InvalidOptionsError):
        await api.create({"audio_url": audio_url, "languag_config": {}})


async def test_raw_async_calls_go_through_the_transport(
    client: AsyncGladiaClient, emu: Emulator, wav: Path
) -> None:
    job = await client.prerecorded().transcribe(wav)
    emu.faults.add("GET /v2/pre-recorded/{id}", status=502, times=1)
    parsed = await get_transcription.asyncio(job.id, client=client.raw)
    assert parsed.result.transcription.full_transcript == TEXT


async def test_uploads_do_not_block_the_event_loop(
    client: AsyncGladiaClient, emu: Emulator, tmp_path: Path
) -> None:
    # While a 24 MB file is read and sent, another task keeps getting turns: file reads happen in worker
    # threads, never on the loop. (A liveness check with a generous bound, not a timing assertion.)
    big = tmp_path / "big.wav"
    big.write_bytes(make_wav(750.0))
    ticks = 0
    uploading = True

    async def ticker() -> None:
        nonlocal ticks
        while uploading:
            ticks += 1
            await anyio.lowlevel.checkpoint()

    async with anyio.create_task_group() as group:
        group.start_soon(ticker)
        await client.prerecorded().upload_file(big)
        uploading = False
    assert ticks > 24  # at least one turn per MiB chunk


async def test_the_docs_style_async_pool_keeps_no_idle_connections(emu: Emulator, wav: Path) -> None:
    from gladia import GladiaClient

    client = GladiaClient(api_key=emu.api_key, api_url=emu.url)
    api = client.prerecorded_async()
    assert (await api.transcribe(wav)).status == "done"
    await client.aclose()
    client.close()


_SNIFFIO_PROBE = """
import importlib.util, sys
installed = importlib.util.find_spec("sniffio") is not None
from gladia import AsyncGladiaClient
AsyncGladiaClient(api_key="k", api_url="http://127.0.0.1:9")
try:
    import sniffio
    outcome = "imported"
except ModuleNotFoundError:
    outcome = "missing"
print(installed, outcome, importlib.util.find_spec("sniffio") is None)
"""


def test_a_missing_sniffio_is_looked_for_once_and_stays_missing() -> None:
    # httpcore tries `import sniffio` for every lock it makes; the client records its absence once.
    # Run apart: the probe changes sys.modules of the process it runs in.
    out = subprocess.run(
        [sys.executable, "-c", _SNIFFIO_PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[0] == "True":
        assert out[1:] == ["imported", "False"]  # installed: left alone
    else:
        assert out[1:] == ["missing", "True"]  # absent: still absent, for every way of asking
