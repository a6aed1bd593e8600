"""RSS of a live session over a long stream, minute of audio by minute: what row 7's "RSS flat" goal measures,
with the diagnostics to find what grows.

    uv run python bench/live_memory.py                       sync, async and bare, 3 interleaved runs each
    uv run python bench/live_memory.py --modes sync --runs 1 --minutes 10 --tracemalloc --objects
    MALLOC_ARENA_MAX=1 uv run python bench/live_memory.py --modes sync
    uv run python bench/live_memory.py --trim                call malloc_trim(0) before each sample (diagnostic)

One emulator (`python -m gladia.testing`) runs in its own process for the whole run; each measured run is a
fresh process (`--child MODE`) that opens one live session and streams `--minutes` of 16 kHz 16-bit mono
audio (silence) in 100 ms frames as fast as the session takes them, with a reader consuming every message
(a thread for sync and bare, a task for async), as row 7 does. Every minute of audio it samples:

- `rss`: the resident set (/proc/self/statm), MiB;
- `heap`, `mmap`, `free`: glibc's mallinfo2() (bytes in use from arenas, in mmapped chunks, free in arenas);
- `py`: tracemalloc's traced bytes (with --tracemalloc; it slows the run about 2x);
- `queued`, `pending`: messages waiting for the reader, audio bytes not acknowledged yet (sync and async);
- with --objects, the object types whose count grew most from the first sample to the last.

Modes: `sync` (GladiaClient().live().start_session(), `for message in session` on a thread), `async`
(AsyncGladiaClient, `async for` in a task), `bare` (websockets' sync client alone, no gladia code after
POST /v2/live: a reader thread json-decodes every message): what bare shows, gladia cannot be blamed for.

It prints each run's rows and, per mode, the medians of "growth" (last sample minus the first), "drift"
(peak of the 2nd half of the samples minus the peak of the 1st half, row 7's goal, ≤ 2 MiB), "spread"
(max minus min of the 2nd half: a buffer reallocated as audio comes and goes shows as a sawtooth) and
"end" (the RSS once the session ended, its last messages holding the whole transcript, minus the first
sample). `--json FILE` also writes every run's samples.

To measure another version of the client, put a copy of its `gladia/` first on the path:
`git archive REV gladia | tar -x -C /tmp/old && PYTHONPATH=/tmp/old uv run python bench/live_memory.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import ctypes
import ctypes.util
import gc
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

RATE = 32_000  # bytes per second: 16 kHz, 16-bit, mono
FRAME = bytes(RATE // 10)  # 100 ms
FRAMES_PER_MINUTE = 600
_PAGE = os.sysconf("SC_PAGE_SIZE")


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks")
    ] + [(name, ctypes.c_size_t) for name in ("fordblks", "keepcost")]


_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
_MALLINFO2 = getattr(_LIBC, "mallinfo2", None)
if _MALLINFO2 is not None:
    _MALLINFO2.restype = _MallInfo2


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE / 2**20


def malloc_stats() -> dict[str, float]:
    if _MALLINFO2 is None:
        return {}
    info = _MALLINFO2()
    mib = 2**20
    return {"heap": info.uordblks / mib, "mmap": info.hblkhd / mib, "free": info.fordblks / mib}


def live_transcript(minutes: float) -> str:
    count = int(minutes * 60 / 2.4) + 2
    return " ".join(f"Sentence number {index} of the live benchmark." for index in range(count))


# ------------------------------------------------------------------------------------------ the child


class Sampler:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.samples: list[dict[str, Any]] = []
        self.first_types: collections.Counter[str] | None = None

    def take(self, minute: int, session: Any = None) -> None:
        if self.args.trim:
            _LIBC.malloc_trim(0)
        sample: dict[str, Any] = {"minute": minute, "rss": rss_mib(), **malloc_stats()}
        if self.args.tracemalloc:
            sample["py"] = tracemalloc.get_traced_memory()[0] / 2**20
        if session is not None:
            messages = getattr(session, "_messages", None)
            sample["queued"] = messages.qsize() if messages is not None else None
            sample["pending"] = session._protocol.buffer.pending
        self.samples.append(sample)
        if self.args.objects:
            counts = collections.Counter(type(o).__name__ for o in gc.get_objects())
            if self.first_types is None:
                self.first_types = counts
            self.last_types = counts

    def report(self, seconds: float, *, end: float) -> dict[str, Any]:
        out: dict[str, Any] = {"seconds": seconds, "samples": self.samples, "rss_after_end": end}
        if self.args.objects and self.first_types is not None:
            grown = self.last_types.copy()
            grown.subtract(self.first_types)
            out["objects_grown"] = grown.most_common(12)
        return out


def child_sync(args: argparse.Namespace, url: str, key: str) -> dict[str, Any]:
    from gladia import GladiaClient  # noqa: PLC0415  (each child loads only what its mode uses)

    sampler = Sampler(args)
    session = GladiaClient(api_key=key, api_url=url).live().start_session()
    finals = [0]

    def read() -> None:
        for message in session:
            if getattr(message, "type_", None) == "transcript":
                finals[0] += 1

    reader = threading.Thread(target=read)
    reader.start()
    began = time.perf_counter()
    sampler.take(0, session)
    for index in range(1, args.minutes * FRAMES_PER_MINUTE + 1):
        session.send_audio(FRAME)
        if index % FRAMES_PER_MINUTE == 0:
            sampler.take(index // FRAMES_PER_MINUTE, session)
    session.stop_recording()
    reader.join()
    session.close()
    return sampler.report(time.perf_counter() - began, end=rss_mib())


def child_async(args: argparse.Namespace, url: str, key: str) -> dict[str, Any]:
    from gladia import AsyncGladiaClient  # noqa: PLC0415

    sampler = Sampler(args)

    async def main() -> float:
        async with AsyncGladiaClient(api_key=key, api_url=url) as client:
            session = await client.live().start_session()

            async def read() -> None:
                async for _message in session:
                    pass

            reader = asyncio.create_task(read())
            began = time.perf_counter()
            sampler.take(0, session)
            for index in range(1, args.minutes * FRAMES_PER_MINUTE + 1):
                await session.send_audio(FRAME)
                if index % FRAMES_PER_MINUTE == 0:
                    sampler.take(index // FRAMES_PER_MINUTE, session)
            await session.stop_recording()
            await reader
            await session.close()
            return time.perf_counter() - began

    seconds = asyncio.run(main())
    return sampler.report(seconds, end=rss_mib())


def child_bare(args: argparse.Namespace, url: str, key: str) -> dict[str, Any]:
    """websockets' sync client alone: the floor of any sync client on it."""
    import httpx  # noqa: PLC0415
    from websockets.sync.client import connect  # noqa: PLC0415

    sampler = Sampler(args)
    body = {"encoding": "wav/pcm", "sample_rate": 16000, "bit_depth": 16, "channels": 1}
    created = httpx.post(f"{url}/v2/live", json=body, headers={"x-gladia-key": key}).raise_for_status().json()
    ws = connect(created["url"], compression=None, max_size=64 * 2**20)
    messages: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        for raw in ws:
            messages.put(json.loads(raw))
        messages.put(None)

    def consume() -> None:
        while messages.get() is not None:
            pass

    threads = [threading.Thread(target=read), threading.Thread(target=consume)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    sampler.take(0)
    for index in range(1, args.minutes * FRAMES_PER_MINUTE + 1):
        ws.send(FRAME)
        if index % FRAMES_PER_MINUTE == 0:
            sampler.take(index // FRAMES_PER_MINUTE)
    ws.send(json.dumps({"type": "stop_recording"}))
    for thread in threads:
        thread.join()
    ws.close()
    return sampler.report(time.perf_counter() - began, end=rss_mib())


def child(args: argparse.Namespace) -> None:
    url, key = os.environ["BENCH_API_URL"], os.environ["BENCH_API_KEY"]
    if args.tracemalloc:
        tracemalloc.start()
    run = {"sync": child_sync, "async": child_async, "bare": child_bare}[args.child]
    print(json.dumps(run(args, url, key)))


# ------------------------------------------------------------------------------------------ the parent


def drift(rss: list[float]) -> float:
    middle = len(rss) // 2
    return max(rss[middle:]) - max(rss[:middle])


def parent(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _emulator import Emulator  # noqa: PLC0415  (the parent only)

    modes = args.modes.split(",")
    results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    flags = [f"--minutes={args.minutes}"] + [
        f"--{name}" for name in ("tracemalloc", "objects", "trim") if getattr(args, name)
    ]
    transcript = live_transcript(args.minutes + 1)
    with Emulator("live-memory", key="live-memory-key", transcript=transcript) as server:
        for round_ in range(args.runs):
            for mode in modes:
                done = subprocess.run(
                    [sys.executable, __file__, "--child", mode, *flags],
                    env={**os.environ, **server.environ()},
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    print(f"{mode} run {round_ + 1} failed:\n{done.stderr[-3000:]}", file=sys.stderr)
                    continue
                result = json.loads(done.stdout.strip().splitlines()[-1])
                results[mode].append(result)
                show(mode, round_ + 1, result)
    print(
        "\nmedians (min-max), MiB: growth = last sample - first; drift = peak of the 2nd half - peak of the "
        "1st;\nspread = max - min of the 2nd half; end = RSS after the session ended - first"
    )
    for mode, runs in results.items():
        if not runs:
            continue
        rss = [[s["rss"] for s in r["samples"]] for r in runs]
        stats = {
            "growth": [r[-1] - r[0] for r in rss],
            "drift": [drift(r) for r in rss],
            "spread": [max(r[len(r) // 2 :]) - min(r[len(r) // 2 :]) for r in rss],
            "end": [run["rss_after_end"] - r[0] for run, r in zip(runs, rss, strict=True)],
        }
        shown = "  ".join(
            f"{name} {statistics.median(v):5.2f} ({min(v):.2f}-{max(v):.2f})" for name, v in stats.items()
        )
        print(f"{mode:6} {len(runs)} runs  {shown}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


def show(mode: str, round_: int, result: dict[str, Any]) -> None:
    samples = result["samples"]
    rss = [s["rss"] for s in samples]
    print(
        f"{mode} run {round_}: {result['seconds']:.0f} s, growth {rss[-1] - rss[0]:+.2f} MiB, "
        f"drift {drift(rss):+.2f} MiB, after the end {result['rss_after_end'] - rss[0]:+.2f} MiB"
    )
    for key in ("rss", "heap", "mmap", "free", "py", "queued", "pending"):
        values = [s.get(key) for s in samples]
        if all(v is None for v in values):
            continue
        if key == "pending":
            text = " ".join(f"{(v or 0) / 1024:.0f}K" for v in values)
        elif key == "queued":
            text = " ".join(str(v) for v in values)
        else:
            text = " ".join(f"{v:.1f}" for v in values)
        print(f"  {key:7} {text}")
    if "objects_grown" in result:
        print("  objects grown:", ", ".join(f"{name} {count:+d}" for name, count in result["objects_grown"]))
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--modes", default="sync,async,bare", help="comma-separated: sync, async, bare")
    parser.add_argument("--runs", type=int, default=3, help="rounds, each running every mode once")
    parser.add_argument("--minutes", type=int, default=30, help="of audio per run")
    parser.add_argument("--tracemalloc", action="store_true", help="also sample Python's traced memory")
    parser.add_argument("--objects", action="store_true", help="also count objects by type")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) before each sample")
    parser.add_argument("--json", help="write every run's samples to this file")
    parser.add_argument("--child", choices=("sync", "async", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
    else:
        parent(args)


if __name__ == "__main__":
    main()
