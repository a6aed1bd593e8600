"""The limits: the same work with no SDK at all.

    python bare.py batch DIR --concurrency 64   row 3: bare httpx, the same requests as an SDK makes
    python bare.py parse JOB_JSON --rounds N    row 4: json.loads alone, no typed objects

`batch` sends, for each file, POST /v2/upload, POST /v2/pre-recorded, then GET /v2/pre-recorded/{id} at
once and again every POLL_SLEEP seconds until the job is done: the least waiting a client can do.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import _probe

POLL_SLEEP = 0.05  # between two GETs of a job that is not done yet


def batch(args: argparse.Namespace) -> None:
    import httpx  # noqa: PLC0415

    url, key = _probe.api()

    @contextlib.asynccontextmanager
    async def session() -> AsyncIterator[Callable[[Path], Awaitable[str]]]:
        async with httpx.AsyncClient(base_url=url, headers={"x-gladia-key": key}, timeout=60) as http:

            async def transcribe(path: Path) -> str:
                files = {"audio": (path.name, path.read_bytes(), "audio/wav")}
                uploaded = (await http.post("/v2/upload", files=files)).raise_for_status().json()
                body = {"audio_url": uploaded["audio_url"]}
                job = (await http.post("/v2/pre-recorded", json=body)).raise_for_status().json()
                while True:
                    done = (await http.get(f"/v2/pre-recorded/{job['id']}")).raise_for_status().json()
                    if done["status"] in ("done", "error"):
                        return str(done["result"]["transcription"]["full_transcript"])
                    await asyncio.sleep(POLL_SLEEP)

            yield transcribe

    _probe.batch(args, session)


def parse(args: argparse.Namespace) -> None:
    raw = Path(args.file).read_bytes()
    _probe.time_parse(
        lambda: json.loads(raw),
        rounds=args.rounds,
        warmup=args.warmup,
        profile_top=0,
        words=lambda job: sum(len(u["words"]) for u in job["result"]["transcription"]["utterances"]),
    )


if __name__ == "__main__":
    _probe.run(__doc__, {"batch": batch, "parse": parse})
