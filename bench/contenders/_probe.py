"""What every contender process measures about itself: memory, CPU, the requests it sent. Stdlib only.

Contenders run in their own virtual environments (the official SDK's, a clean `pip install gladia`), so
this module must import nothing from the project. Linux only: memory is read from /proc/self/status.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import collections
import gc
import json
import os
import re
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    if match is None:
        raise RuntimeError(f"{field} is not in /proc/self/status")
    return int(match.group(1))


def api() -> tuple[str, str]:
    """The emulator's URL and key, given by the runner in the environment (never on the command line)."""
    return os.environ["BENCH_API_URL"], os.environ["BENCH_API_KEY"]


class Memory:
    """Peak RSS growth over a baseline: `start()` after imports, client and warm-up; `report()` after."""

    def __init__(self) -> None:
        self.baseline_kib = 0
        self.peak_reset = False
        self._cpu = 0.0

    def start(self) -> None:
        gc.collect()
        # Writing 5 resets VmHWM to the current RSS, so import-time peaks are not counted as growth.
        # Some sandboxes refuse it: the growth then also counts any earlier, higher peak (never less).
        try:
            _CLEAR_REFS.write_text("5")
            self.peak_reset = True
        except OSError:
            self.peak_reset = False
        self.baseline_kib = _status_kib("VmRSS")
        self._cpu = cpu_seconds()

    def report(self) -> dict[str, float | bool]:
        peak = _status_kib("VmHWM")
        return {
            "peak_reset": self.peak_reset,
            "baseline_rss_mib": self.baseline_kib / 1024,
            "peak_rss_mib": peak / 1024,
            "rss_growth_mib": (peak - self.baseline_kib) / 1024,
            "cpu_seconds": cpu_seconds() - self._cpu,
        }


def cpu_seconds() -> float:
    """User and system CPU seconds this process has used."""
    times = os.times()
    return times.user + times.system


class Requests:
    """Counts the HTTP requests that reach the network, below any SDK logic (retries included).

    It wraps httpx's own connection-pool transports, which both SDKs and the bare scripts end up in.
    """

    def __init__(self) -> None:
        self.by_path: collections.Counter[tuple[str, str]] = collections.Counter()
        self._lock = threading.Lock()

    def install(self) -> Requests:
        import httpx  # noqa: PLC0415  (only the HTTP contenders have it)

        sync_send = httpx.HTTPTransport.handle_request
        async_send = httpx.AsyncHTTPTransport.handle_async_request
        counter = self

        def handle_request(transport: Any, request: Any) -> Any:
            counter._count(request)
            return sync_send(transport, request)

        async def handle_async_request(transport: Any, request: Any) -> Any:
            counter._count(request)
            return await async_send(transport, request)

        httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
        httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore[method-assign]
        return self

    def _count(self, request: Any) -> None:
        with self._lock:
            self.by_path[(request.method, request.url.path)] += 1

    def gets_of(self, job_id: str) -> int:
        with self._lock:
            return self.by_path[("GET", f"/v2/pre-recorded/{job_id}")]

    def by_route(self) -> dict[str, int]:
        """Counts per route, job ids folded: `{"POST /v2/upload": 9, "GET /v2/pre-recorded/{id}": 9}`."""
        routes: collections.Counter[str] = collections.Counter()
        with self._lock:
            for (method, path), count in self.by_path.items():
                route = re.sub(r"^/v2/pre-recorded/[^/]+", "/v2/pre-recorded/{id}", path)
                routes[f"{method} {route}"] += count
        return dict(routes)


def timestamp(value: object) -> float:
    """Seconds since the epoch of a job's `completed_at` (a datetime, or an ISO 8601 string)."""
    if isinstance(value, datetime):
        return value.timestamp()
    text = str(value)
    if text.endswith("Z"):  # Python 3.10's fromisoformat does not read `Z`
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text).timestamp()


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def report(**fields: Any) -> None:
    """Hand the measurements to the runner: one JSON line, the last on stdout."""
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def clock() -> float:
    return time.perf_counter()


def now() -> float:
    """Wall-clock seconds since the epoch, comparable with the emulator's `completed_at`."""
    return time.time()


def upload(args: argparse.Namespace, upload_file: Callable[[str], Any]) -> None:
    """Row 1: `upload_file(args.file)` after a warm-up on args.warmup; its time and peak memory growth."""
    upload_file(args.warmup)
    memory = Memory()
    memory.start()
    started = clock()
    uploaded = upload_file(args.file)
    seconds = clock() - started
    size = Path(args.file).stat().st_size
    if uploaded.audio_metadata.size != size:
        raise SystemExit(f"the server stored {uploaded.audio_metadata.size} bytes of {size}")
    report(seconds=seconds, bytes=size, audio_url=uploaded.audio_url, **memory.report())


def download(args: argparse.Namespace, fetch: Callable[[str], int]) -> None:
    """Row 6: `fetch(job_id)` (it returns the bytes it got) after a warm-up; its time and peak memory growth."""
    fetch(args.warmup)
    memory = Memory()
    memory.start()
    started = clock()
    got = fetch(args.job)
    seconds = clock() - started
    report(seconds=seconds, bytes=got, **memory.report())


def batch(
    args: argparse.Namespace,
    session: Callable[[], AbstractAsyncContextManager[Callable[[Path], Awaitable[str]]]],
) -> None:
    """Row 3: transcribe every WAV of args.dir, at most args.concurrency at once; reports.

    `session()` opens the contender's client and gives the function transcribing one file (it returns
    the transcript, checked against $BENCH_TRANSCRIPT). With --profile, one untimed run under cProfile.
    """
    expected = os.environ["BENCH_TRANSCRIPT"]
    files = sorted(Path(args.dir).glob("*.wav"))
    requests = Requests().install()

    async def main() -> dict[str, Any]:
        async with session() as transcribe:
            gate = asyncio.Semaphore(args.concurrency)
            per_job: list[float] = []

            async def one(path: Path) -> None:
                async with gate:
                    started = clock()
                    transcript = await transcribe(path)
                    per_job.append(clock() - started)
                if transcript != expected:
                    raise SystemExit(f"wrong transcript for {path.name}")

            started, cpu = clock(), cpu_seconds()
            await asyncio.gather(*(one(path) for path in files))
            seconds, cpu = clock() - started, cpu_seconds() - cpu
        return {
            "seconds": seconds,
            "jobs": len(files),
            "job_seconds_median": median(per_job),
            "cpu_seconds": cpu,
        }

    if args.profile:  # an untimed run, to see where the client's CPU goes
        report(profile=profile(lambda: asyncio.run(main()), args.profile))
        return
    result = asyncio.run(main())
    report(**result, requests=requests.by_route())


def poll(args: argparse.Namespace, transcribe: Callable[[str], Any]) -> None:
    """Row 5: `transcribe(path)` every file args.rounds times, all at once in threads; per job, the latency
    after the job's `completed_at` and the GETs of it. Call after making the client."""
    requests = Requests().install()

    def one(path: str) -> dict[str, Any]:
        job = transcribe(path)
        returned = now()
        return {
            "file": Path(path).name,
            "latency_s": returned - timestamp(job.completed_at),
            "gets": requests.gets_of(job.id),
        }

    jobs = [path for path in args.files for _ in range(args.rounds)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        report(jobs=list(pool.map(one, jobs)))


def parse_typed(args: argparse.Namespace, from_dict: Callable[[Any], Any]) -> None:
    """Row 4 for an SDK: `from_dict(json.loads(raw))` of args.file, timed by time_parse()."""
    raw = Path(args.file).read_bytes()

    def every_word(job: Any) -> Any:
        for utterance in job.result.transcription.utterances:
            for word in utterance.words:
                _ = word.start
        return job

    read = every_word if getattr(args, "read_words", False) else (lambda job: job)
    time_parse(
        lambda: read(from_dict(json.loads(raw))),
        rounds=args.rounds,
        warmup=args.warmup,
        profile_top=args.profile,
        words=lambda job: sum(len(u.words) for u in job.result.transcription.utterances),
    )


def time_parse(
    work: Callable[[], Any], *, rounds: int, warmup: int, profile_top: int, words: Callable[[Any], int]
) -> None:
    """Time `work()` once cold, run it `warmup` more times untimed, then time `rounds` calls; optionally
    profile one more. Reports. The untimed calls let the heap reach the size it keeps in a process that
    parses many results, which is what the timed rounds measure."""
    started = clock()
    parsed = work()
    first = clock() - started
    for _ in range(warmup):
        work()
    timings, cpu, collected = [], [], _GarbageCollections()
    with collected:
        for _ in range(rounds):
            started, cpu_started = clock(), time.process_time()
            work()
            timings.append(clock() - started)
            cpu.append(time.process_time() - cpu_started)
    found = profile(work, profile_top) if profile_top else None
    report(
        first_s=first,
        rounds_s=timings,
        cpu_rounds_s=cpu,
        words=words(parsed),
        profile=found,
        gc_s_per_round=collected.seconds / rounds,
        gc_full_per_round=collected.full / rounds,
    )


class _GarbageCollections:
    """`with` it: the time the garbage collector ran inside, and how many full (generation 2) collections."""

    def __init__(self) -> None:
        self.seconds, self.full, self._started = 0.0, 0, 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = clock()
        else:
            self.seconds += clock() - self._started
            self.full += info["generation"] == 2

    def __enter__(self) -> None:
        import gc  # noqa: PLC0415

        gc.callbacks.append(self._callback)

    def __exit__(self, *exc: object) -> None:
        import gc  # noqa: PLC0415

        gc.callbacks.remove(self._callback)


def profile(work: Callable[[], Any], top: int) -> dict[str, Any]:
    """Where the CPU goes in one call of `work()` (cProfile on thread CPU time): by package, top functions."""
    import cProfile  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    # CPU time of this thread: time blocked waiting on sockets is not work (asyncio's event loop
    # blocks in epoll), and worker threads are not what is profiled.
    profiler = cProfile.Profile(time.thread_time)
    profiler.runcall(work)
    functions = []
    by_package: collections.Counter[str] = collections.Counter()
    for (filename, line, name), (_, calls, own, cumulative, _) in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        if "bench/contenders" in filename:
            continue
        functions.append(
            {
                "function": f"{_short(filename)}:{line}({name})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
            }
        )
        by_package[_package(filename, name)] += own
    functions.sort(key=lambda row: row["own_s"], reverse=True)
    total = sum(by_package.values())
    hotspots = {
        label: sum(r["cumulative_s"] for r in functions if all(part in r["function"] for part in parts))
        for label, parts in _HOTSPOTS.items()
    }
    return {
        "functions": functions[:top],
        "by_package": by_package.most_common(),
        "hotspots": {label: seconds / total for label, seconds in hotspots.items() if total and seconds},
    }


# Call sites worth naming when they cost much (share of the profiled CPU, cumulative).
_HOTSPOTS = {
    "httpcore's `current_async_library()`, which tries `import sniffio` on every lock it makes and, "
    "sniffio not being installed, searches sys.path each time": (
        "httpcore/_synchronization.py",
        "(current_async_library)",
    ),
    "worker-thread hops (`anyio.to_thread.run_sync`)": ("anyio/to_thread.py", "(run_sync)"),
    "httpcore's connection pool bookkeeping (`_assign_requests_to_connections`)": (
        "httpcore/_async/connection_pool.py",
        "(_assign_requests_to_connections)",
    ),
}


def _short(filename: str) -> str:
    marker = "site-packages/"
    return filename.split(marker, 1)[1] if marker in filename else filename


def _package(filename: str, name: str) -> str:
    """What a profiled function belongs to: a distribution's top-level package, or the standard library."""
    if filename == "~":  # a built-in function or method
        return "built-ins"
    if filename.startswith("<frozen importlib"):
        return "imports at run time (importlib)"
    if filename.startswith("<attrs generated"):
        return filename.split()[-1].split(".")[0] + " (attrs-made methods)"
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/")[0].removesuffix(".py")
    if "/lib/python" in filename:
        return "standard library"
    return filename.rsplit("/", 1)[-1]


#: Live audio: 16 kHz, 16-bit mono, sent in frames of 100 ms.
LIVE_RATE = 32_000
LIVE_FRAME_SECONDS = 0.1
LIVE_RSS_SAMPLES = 30


def live(
    args: argparse.Namespace,
    start: Callable[[Callable[[float], None]], tuple[Callable[[bytes], Any], Callable[[], Any]]],
) -> None:
    """Stream `args.seconds` of audio at `args.speed` times real time (0: as fast as the SDK sends) through
    one live session; report each final's latency, the CPU used and the RSS along the way.

    `start(on_final)` opens the session and returns `(send_audio, finish)`: `on_final(end)` is called with
    the end (in audio seconds) of each final utterance when it arrives; `finish()` stops the recording and
    returns once the session has ended. A final's latency is its arrival time minus the moment the audio
    of its utterance's end was handed to the SDK (at real-time pace, when it was "spoken").
    """
    frame = bytes(int(LIVE_RATE * LIVE_FRAME_SECONDS))
    frames = round(args.seconds / LIVE_FRAME_SECONDS)
    arrivals: list[tuple[float, float]] = []
    lock = threading.Lock()

    def on_final(end: float) -> None:
        with lock:
            arrivals.append((end, clock()))

    send, finish = start(on_final)
    # Made before the baseline, at their final size: the harness's own records must not grow along the
    # stream (a list of 18,000 floats appended one per frame adds half a MiB, all of it to the RSS curve).
    sent_at = array.array("d", bytes(8 * frames))
    every = max(1, frames // LIVE_RSS_SAMPLES)
    rss = [0.0] * len(range(0, frames, every))
    memory = Memory()
    memory.start()
    began = clock()
    for index in range(frames):
        if args.speed > 0:
            time.sleep(max(0.0, began + index * LIVE_FRAME_SECONDS / args.speed - clock()))
        send(frame)
        sent_at[index] = clock()
        if index % every == 0:
            rss[index // every] = _status_kib("VmRSS") / 1024
    stopped = clock()
    finish()
    seconds = clock() - began
    # After the end, apart: the session's last messages (post_transcript, post_final_transcript) hold the
    # whole transcript, so what reading them costs grows with the stream's length by design.
    after_end = _status_kib("VmRSS") / 1024
    latencies = []
    for end, arrived in arrivals:
        if arrived >= stopped:
            continue  # made final by the end of the recording, not by the audio after it
        # The frame that carried the utterance's last audio: the one whose end passes `end`.
        index = min(len(sent_at) - 1, max(0, int(end / LIVE_FRAME_SECONDS)))
        latencies.append(arrived - sent_at[index])
    report(
        finals=len(latencies),
        audio_seconds=frames * LIVE_FRAME_SECONDS,
        seconds=seconds,
        latencies=latencies,
        rss_mib=rss,
        rss_after_end_mib=after_end,
        **memory.report(),
    )


def run(doc: str | None, commands: dict[str, Callable[[argparse.Namespace], None]]) -> None:
    """Parse the command line shared by every contender and run the chosen command."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    arguments: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {
        "upload": [(("file",), {}), (("--warmup",), {"required": True})],
        "download": [(("job",), {}), (("dest",), {}), (("--warmup",), {"required": True})],
        "batch": [
            (("dir",), {}),
            (("--concurrency",), {"type": int, "default": 64}),
            (("--profile",), {"type": int, "default": 0, "help": "profile the run; report N functions"}),
        ],
        "poll": [(("files",), {"nargs": "+"}), (("--rounds",), {"type": int, "default": 1})],
        "parse": [
            (("file",), {}),
            (("--rounds",), {"type": int, "default": 3}),
            (("--warmup",), {"type": int, "default": 2, "help": "untimed calls before the rounds"}),
            (("--profile",), {"type": int, "default": 0, "help": "also report the N costliest functions"}),
            (("--read-words",), {"action": "store_true", "help": "also read every word in each timed call"}),
        ],
        "live": [
            (("--seconds",), {"type": float, "required": True, "help": "of audio to stream"}),
            (("--speed",), {"type": float, "default": 1.0, "help": "times real time; 0: no pacing"}),
        ],
    }
    for name in commands:
        command = sub.add_parser(name)
        for flags, options in arguments[name]:
            command.add_argument(*flags, **options)
    args = parser.parse_args()
    commands[args.command](args)
