"""The fault soak: 300 transcriptions through the async client while a fifth of all requests go wrong.

Faults (seeded, so a run is reproducible): 429 with Retry-After, 500, 502 and 503 answers, connection resets
before the request is handled and after it was (a job made but its answer lost), and GETs slower than the
client's read timeout, both before the headers and in the middle of the body. Every transcription must end
`done` with its own transcript, and the emulator must have created exactly one job per transcription.
"""

from __future__ import annotations

import time

import anyio
import httpx
import pytest

from gladia import AsyncGladiaClient
from gladia.testing import Emulator
from tests.conftest import make_wav

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

TRANSCRIPTIONS = 300
CONCURRENCY = 32
# Independent draws per request, about 20 % of requests in all: 1 - (1 - 0.032) ** 7 = 0.204.
EACH = 0.032


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
@pytest.mark.real_time  # faults with real latency and slow bodies: waits are made for real
async def test_300_transcriptions_survive_faults_on_a_fifth_of_requests(emu: Emulator) -> None:
    emu.faults.reseed(20261124)
    sources = [make_wav(0.05 + i / 16_000) for i in range(TRANSCRIPTIONS)]  # one more frame each
    for i, audio in enumerate(sources):
        emu.transcripts.add(audio, f"Recording number {i} is transcribed exactly once.")
    faults = [
        emu.faults.add("*", status=429, retry_after=1, probability=EACH),
        emu.faults.add("*", status=500, probability=EACH),
        emu.faults.add("*", status=502, probability=EACH),
        emu.faults.add("*", status=503, probability=EACH),
        emu.faults.add("*", kind="reset", probability=EACH),
        emu.faults.add("*", kind="reset", when="after", probability=EACH),
        emu.faults.add("GET /v2/pre-recorded/{id}", kind="latency", seconds=0.8, probability=EACH / 2),
        # 10 pieces over 6 s: a 0.6 s silence between pieces, longer than the read timeout.
        emu.faults.add("GET /v2/pre-recorded/{id}", kind="slow_body", seconds=6.0, probability=EACH / 2),
    ]
    results: dict[int, str] = {}
    limiter = anyio.Semaphore(CONCURRENCY)
    started = time.monotonic()
    # A read timeout shorter than the slow answers, and enough retries for a fifth of requests failing.
    timeout = httpx.Timeout(10.0, read=0.5)
    async with AsyncGladiaClient(
        api_key=emu.api_key, api_url=emu.url, timeout=timeout, max_retries=10
    ) as client:

        async def transcribe(i: int) -> None:
            async with limiter:
                job = await client.prerecorded().transcribe(sources[i], wait_timeout=120)
            assert job.status == "done"
            results[i] = job.result.transcription.full_transcript

        async with anyio.create_task_group() as group:
            for i in range(TRANSCRIPTIONS):
                group.start_soon(transcribe, i)
        retries = client.retries
    elapsed = time.monotonic() - started
    await anyio.sleep(6.0)  # let the emulator finish the slow answers the client gave up on

    requests = sum(emu.counters.requests.values())
    fired = sum(emu.faults.fired(fault) for fault in faults)
    creates = emu.counters.requests["POST /v2/pre-recorded"]
    print(
        f"\nsoak: {TRANSCRIPTIONS} transcriptions in {elapsed:.1f} s; {requests} requests, {fired} faults "
        f"({fired / requests:.0%}); {retries} request retries in the transport; {creates - TRANSCRIPTIONS} extra "
        f"create requests (429/503 retries, or repeats once no job was found); {emu.counters.jobs_created} jobs"
    )
    assert results == {i: f"Recording number {i} is transcribed exactly once." for i in range(TRANSCRIPTIONS)}
    assert emu.counters.jobs_created == TRANSCRIPTIONS
    assert 0.15 < fired / requests < 0.25
