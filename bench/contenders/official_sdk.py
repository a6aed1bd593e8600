"""The official SDK (`gladiaio-sdk` on PyPI) contender: each operation as its docs show, defaults kept.

Runs in its own virtual environment, with the same subcommands and output as gladia_sdk.py:

    python official_sdk.py upload FILE --warmup SMALL     upload_file()
    python official_sdk.py batch DIR --concurrency 64     pre_recorded_v2_async().transcribe() of every file
    python official_sdk.py parse JOB_JSON --rounds N      PreRecordedV2Response.from_dict(json.loads(raw)),
                                                          exactly what its get() does with a job's body
    python official_sdk.py poll FILE... --rounds N        transcribe() with its default poll interval (3 s)
    python official_sdk.py download JOB DEST --warmup JOB get_file() (it returns the audio as bytes)

Pointed at the emulator with its `api_url` option; the key and URL come from the environment.
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


def _client() -> Any:
    from gladiaio_sdk import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    return GladiaClient(api_key=key, api_url=url)


def upload(args: argparse.Namespace) -> None:
    client = _client().pre_recorded_v2()
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
    # get_file() has no destination: it returns the whole file as bytes, which is what this measures.
    # `dest` is accepted for the same command line as the other contenders, and left alone.
    client = _client().pre_recorded_v2()
    client.get_file(args.warmup)
    memory = _probe.Memory()
    memory.start()
    started = _probe.clock()
    audio = client.get_file(args.job)
    seconds = _probe.clock() - started
    _probe.report(seconds=seconds, bytes=len(audio), **memory.report())


def batch(args: argparse.Namespace) -> None:
    expected = os.environ["BENCH_TRANSCRIPT"]
    files = sorted(Path(args.dir).glob("*.wav"))
    requests = _probe.Requests().install()

    async def main() -> dict[str, Any]:
        client = _client().pre_recorded_v2_async()
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
    client = _client().pre_recorded_v2()
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
    from gladiaio_sdk.v2.prerecorded.generated_types import PreRecordedV2Response  # noqa: PLC0415

    raw = Path(args.file).read_bytes()
    _probe.time_parse(
        lambda: PreRecordedV2Response.from_dict(json.loads(raw)),
        rounds=args.rounds,
        warmup=args.warmup,
        profile_top=args.profile,
        words=lambda job: sum(len(u.words) for u in job.result.transcription.utterances),
    )


if __name__ == "__main__":
    _probe.run(
        __doc__, {"upload": upload, "download": download, "batch": batch, "poll": poll, "parse": parse}
    )
