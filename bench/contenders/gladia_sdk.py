"""The `gladia` contender: each benchmarked operation done with this SDK as its README shows, defaults kept.

    python gladia_sdk.py upload FILE --warmup SMALL     row 1: upload_file() of a large file
    python gladia_sdk.py batch DIR --concurrency 64     row 3: async transcribe() of every file in DIR
    python gladia_sdk.py parse JOB_JSON --rounds N      row 4: PreRecordedResponse.from_dict(json.loads(raw))
    python gladia_sdk.py poll FILE... --rounds N        row 5: transcribe() with the default poll schedule
    python gladia_sdk.py download JOB --warmup JOB DEST row 6: download() of a job's audio to a file

The emulator's URL and key come from the environment (BENCH_API_URL, BENCH_API_KEY). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import _probe


def upload(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    # The 1 GiB file is above Gladia's 1000 MiB per-file limit, which the client checks before sending;
    # max_upload_bytes=None lifts that local check (the emulator's own limit is raised by the runner).
    client = GladiaClient(api_key=key, api_url=url, max_upload_bytes=None).prerecorded()
    client.upload_file(args.warmup)
    memory = _probe.Memory()
    memory.start()
    started = _probe.clock()
    uploaded = client.upload_file(args.file)
    seconds = _probe.clock() - started
    size = Path(args.file).stat().st_size
    if uploaded.audio_metadata.size != size:
        raise SystemExit(f"the server stored {uploaded.audio_metadata.size} bytes of {size}")
    _probe.report(seconds=seconds, bytes=size, audio_url=uploaded.audio_url, **memory.report())


def download(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    client = GladiaClient(api_key=key, api_url=url).prerecorded()
    client.download(args.warmup, args.dest)
    memory = _probe.Memory()
    memory.start()
    started = _probe.clock()
    written = client.download(args.job, args.dest)
    seconds = _probe.clock() - started
    _probe.report(seconds=seconds, bytes=written, **memory.report())


def batch(args: argparse.Namespace) -> None:
    from gladia import AsyncGladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    expected = os.environ["BENCH_TRANSCRIPT"]
    files = sorted(Path(args.dir).glob("*.wav"))
    requests = _probe.Requests().install()

    async def main() -> dict[str, Any]:
        async with AsyncGladiaClient(api_key=key, api_url=url) as gladia_client:
            client = gladia_client.prerecorded()
            gate = asyncio.Semaphore(args.concurrency)
            per_job: list[float] = []

            async def one(path: Path) -> None:
                async with gate:
                    started = _probe.clock()
                    job = await client.transcribe(path)
                    per_job.append(_probe.clock() - started)
                if job.result.transcription.full_transcript != expected:
                    raise SystemExit(f"wrong transcript for {path.name}")

            started, cpu = _probe.clock(), _probe.cpu_seconds()
            await asyncio.gather(*(one(path) for path in files))
            seconds, cpu = _probe.clock() - started, _probe.cpu_seconds() - cpu
        return {
            "seconds": seconds,
            "jobs": len(files),
            "job_seconds_median": _probe.median(per_job),
            "cpu_seconds": cpu,
        }

    if args.profile:  # an untimed run, to see where the client's CPU goes
        _probe.report(profile=_probe.profile(lambda: asyncio.run(main()), args.profile))
        return
    result = asyncio.run(main())
    _probe.report(**result, requests=requests.by_route())


def poll(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    client = GladiaClient(api_key=key, api_url=url).prerecorded()
    requests = _probe.Requests().install()

    def one(path: str) -> dict[str, Any]:
        job = client.transcribe(path)
        returned = _probe.now()
        return {
            "file": Path(path).name,
            "latency_s": returned - _probe.timestamp(job.completed_at),
            "gets": requests.gets_of(job.id),
        }

    jobs = [path for path in args.files for _ in range(args.rounds)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        _probe.report(jobs=list(pool.map(one, jobs)))


def parse(args: argparse.Namespace) -> None:
    from gladia_api.models import PreRecordedResponse  # noqa: PLC0415

    raw = Path(args.file).read_bytes()
    _probe.time_parse(
        lambda: PreRecordedResponse.from_dict(json.loads(raw)),
        rounds=args.rounds,
        warmup=args.warmup,
        profile_top=args.profile,
        words=lambda job: sum(len(u.words) for u in job.result.transcription.utterances),
    )


if __name__ == "__main__":
    _probe.run(
        __doc__, {"upload": upload, "download": download, "batch": batch, "poll": poll, "parse": parse}
    )
