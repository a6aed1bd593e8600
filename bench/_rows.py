"""The seven measurements (six of the pre-recorded issue, one of live). Each runs every contender in fresh
processes, several rounds, against one shared emulator, and returns a Row: median (min to max) tables and
each goal met or missed, with the measured evidence of what limits a missed one.
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _emulator import Emulator
from _envs import WORK, Env
from _proc import ContenderFailed, contender, run
from _results import Goal, Row, Stat, Table, number, ratio

MiB = 1024 * 1024
RSS_GOAL_MIB = 32.0
OFFICIAL_POLL_INTERVAL = 3.0  # the official SDK's default `interval` of poll() and transcribe()


@dataclass(frozen=True)
class Plan:
    """Sizes and rounds: the full run, or `--quick` (the same code paths, tiny sizes)."""

    name: str
    big_bytes: int
    transfer_rounds: int
    import_runs: int
    batch_files: int
    batch_rounds: int
    concurrency: int
    result_minutes: float
    parse_rounds: int
    parse_processes: int
    official_parse_rounds: int
    poll_seconds: tuple[float, ...]
    poll_rounds: int
    live_latency_seconds: float
    live_stream_minutes: float
    live_rounds: int

    def poll_lengths(self) -> list[tuple[float, float]]:
        """(nominal, actual) job lengths: each nominal length L as L + k/rounds of the official's interval.

        A fixed length would measure one phase of each SDK's schedule only (a 60 s job is a lucky one for
        a client polling every 3 s from t=0); spreading the lengths over one interval averages the phases.
        """
        return [
            (length, round(length + OFFICIAL_POLL_INTERVAL * k / self.poll_rounds, 3))
            for length in self.poll_seconds
            for k in range(self.poll_rounds)
        ]


FULL = Plan(
    name="full",
    big_bytes=1024 * MiB,
    transfer_rounds=3,
    import_runs=21,
    batch_files=1000,
    batch_rounds=3,
    concurrency=64,
    result_minutes=240,
    parse_rounds=8,
    parse_processes=3,
    official_parse_rounds=3,
    poll_seconds=(2, 10, 60),
    poll_rounds=20,
    live_latency_seconds=60,
    live_stream_minutes=30,
    live_rounds=2,
)
QUICK = Plan(
    name="quick",
    big_bytes=8 * MiB,
    transfer_rounds=1,
    import_runs=1,
    batch_files=10,
    batch_rounds=1,
    concurrency=64,
    result_minutes=1,
    parse_rounds=1,
    parse_processes=1,
    official_parse_rounds=1,
    poll_seconds=(0.3,),
    poll_rounds=1,
    live_latency_seconds=3,
    live_stream_minutes=0.25,
    live_rounds=1,
)


@dataclass(frozen=True)
class Bench:
    """Everything the rows share: the plan, the environments, the key and the input files."""

    plan: Plan
    gladia: Env
    official: Env
    key: str
    transcript: str
    big: Path
    warmup: Path
    batch_dir: Path
    poll_files: tuple[tuple[float, Path], ...]  # (nominal length, file)
    job_json: Path

    def sdks(self) -> dict[str, tuple[Env, str]]:
        return {"gladia": (self.gladia, "gladia_sdk.py"), "official": (self.official, "official_sdk.py")}


_UNRESET = (
    "This kernel refused to reset the peak RSS (/proc/self/clear_refs), so some growth figures also "
    "count the peak reached while importing: they can only be too high."
)


def size_label(size: int) -> str:
    return f"{size // (1024 * MiB)} GiB" if size % (1024 * MiB) == 0 else f"{size / MiB:g} MiB"


def _attempt(row: Row, action: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    try:
        return action()
    except ContenderFailed as failure:
        row.failures.append(str(failure))
        return None


def _worst(stat: Stat) -> float:
    return max(stat.values)


# ------------------------------------------------------------------------------------ 1. upload


def upload(bench: Bench, server: Emulator, curl_headers: Path) -> Row:
    """Row 1: memory and throughput of uploading a large file."""
    size = bench.big.stat().st_size
    row = Row(
        1,
        f"Upload of a {size_label(size)} file",
        f"Each contender uploads the same {size_label(size)} WAV (read from the page cache) to `POST "
        "/v2/upload` "
        f"in a fresh process, {bench.plan.transfer_rounds} round(s) each, interleaved (the order rotates). "
        "gladia: "
        "`upload_file(path)` (with `max_upload_bytes=None`: the full run's 1 GiB is above Gladia's 1000 MiB "
        "per-file limit, which the client checks before sending); official: `upload_file(path)`; curl: "
        "`curl -F audio=@FILE`. "
        "Each upload is deleted from the emulator once measured (see bench/_emulator.py `discard`), after an "
        "untimed first one. RSS growth is the process's peak RSS during the upload (VmHWM, reset after "
        "imports, client "
        "construction and a small warm-up upload) minus its RSS before it; for curl, its whole-process "
        "peak (VmHWM read every 5 ms). Throughput is file bytes over the upload call's wall time "
        "(curl: its own `time_total`).",
    )
    names = ("curl", "gladia", "official")
    speed = {name: Stat() for name in names}
    growth = {name: Stat() for name in names}
    peak = {name: Stat() for name in names}
    cpu = {name: Stat() for name in names}
    unreset = False  # whether some process could not reset its peak RSS before measuring
    # One untimed upload first, so the server's first large write is not anyone's measurement.
    server.discard(_curl_upload(bench.big, server, curl_headers)["audio_url"])
    for index in range(bench.plan.transfer_rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            if name == "curl":
                report = _attempt(row, lambda: _curl_upload(bench.big, server, curl_headers))
            else:
                env, script = bench.sdks()[name]
                report = _attempt(
                    row,
                    lambda env=env, script=script: contender(  # type: ignore[misc]
                        env.python,
                        script,
                        "upload",
                        str(bench.big),
                        "--warmup",
                        str(bench.warmup),
                        env=server.environ(),
                    ),
                )
            if report is None:
                continue
            server.discard(report["audio_url"])
            speed[name].add(report["bytes"] / report["seconds"] / MiB)
            peak[name].add(report["peak_rss_mib"])
            cpu[name].add(report["cpu_seconds"])
            if "rss_growth_mib" in report:
                growth[name].add(report["rss_growth_mib"])
                unreset |= not report["peak_reset"]
    row.tables.append(
        Table(
            ["contender", "throughput MiB/s", "RSS growth MiB", "peak RSS MiB", "client CPU s"],
            [
                [
                    name,
                    speed[name].show(0),
                    growth[name].show(1) if name != "curl" else "n/a (whole process: next column)",
                    peak[name].show(1),
                    cpu[name].show(2),
                ]
                for name in names
            ],
        )
    )
    ours = growth["gladia"]
    row.goals.append(
        Goal(
            f"gladia's RSS growth ≤ {RSS_GOAL_MIB:g} MiB (worst round)",
            f"{_worst(ours):.1f} MiB" if ours.ok else "—",
            (_worst(ours) <= RSS_GOAL_MIB) if ours.ok else None,
            [
                f"gladia's peak RSS grew by {_worst(ours):.1f} MiB (to {max(peak['gladia'].values):.1f} MiB) "
                f"while sending {size_label(size)}."
            ]
            if ours.ok
            else [],
        )
    )
    share = ratio(speed["gladia"], speed["curl"])
    why = []
    if share is not None:
        busy = cpu["gladia"].median / (size / MiB / speed["gladia"].median)
        why.append(
            f"gladia {speed['gladia'].median:.0f} MiB/s against curl's {speed['curl'].median:.0f} MiB/s, "
            f"on the same server; gladia's process used {busy:.0%} of a core while uploading "
            f"(curl: {cpu['curl'].median:.2f} CPU s in all)."
        )
        why.append(
            "The client's own CPU is the limit (ours)."
            if busy > 0.8
            else "The client mostly waits on the socket: the limit is the server or the loopback path, "
            "which curl is not subject to in the same way."
        )
    row.goals.append(
        Goal(
            "gladia's throughput ≥ 90% of curl's",
            f"{share:.0%} of curl's" if share is not None else "—",
            (share >= 0.9) if share is not None else None,
            why,
        )
    )
    if unreset:
        row.notes.append(_UNRESET)
    official_share = ratio(speed["official"], speed["curl"])
    if official_share is not None and growth["official"].ok:
        row.notes.append(
            f"The official SDK: {official_share:.0%} of curl's throughput, RSS growth "
            f"{_worst(growth['official']):.1f} MiB."
        )
    return row


def _curl_upload(big: Path, server: Emulator, headers: Path) -> dict[str, Any]:
    answer = WORK / "curl-upload.json"
    done = run(
        [
            "curl",
            "-sS",
            "-o",
            str(answer),
            "-w",
            "%{http_code} %{time_total} %{speed_upload}",
            "-H",
            f"@{headers}",  # the key is read from a file: it is not even in the process list
            "-F",
            f"audio=@{big}",
            f"{server.url}/v2/upload",
        ],
        watch_memory=True,
    )
    if done.returncode != 0:
        raise ContenderFailed(f"curl exited with status {done.returncode}: {done.stderr.strip()}")
    status, total, _ = done.stdout.split()
    if not status.startswith("2"):
        raise ContenderFailed(f"curl's upload was answered {status}")
    stored = json.loads(answer.read_text())
    size = big.stat().st_size
    if stored["audio_metadata"]["size"] != size:
        raise ContenderFailed(f"the server stored {stored['audio_metadata']['size']} bytes of {size}")
    return {
        "seconds": float(total),
        "bytes": size,
        "peak_rss_mib": done.peak_rss_mib,
        "cpu_seconds": done.cpu_seconds,
        "audio_url": stored["audio_url"],
    }


# ------------------------------------------------------------------------------------ 2. import


_STATEMENTS = (
    ("import gladia", "gladia"),
    ("from gladia import GladiaClient", "gladia"),
    ("import gladiaio_sdk", "official"),
    ("import httpx", "gladia"),
)


def imports(bench: Bench) -> Row:
    """Row 2: cold imports in fresh interpreters."""
    runs = bench.plan.import_runs
    row = Row(
        2,
        "Cold `import` in a fresh interpreter",
        f"Each statement runs as `python -X importtime -c STATEMENT` in a fresh interpreter, {runs} times, "
        "interleaved, after one untimed round; bytecode caches are written beforehand, as `pip install` "
        "does. gladia and httpx run in a virtual environment holding only `pip install 'gladia[live]'` (no "
        "rich or click: with them present `import httpx` also imports its command line; websockets is "
        "never imported by `import gladia`), the official SDK in its own. **import ms** is the sum of the cumulative times `-X importtime` reports for the top-level "
        "imports, minus the same for "
        "`python -c pass` in the same environment (the interpreter's own start-up imports); **wall ms** is "
        "the process's wall time minus that of `python -c pass`. Goals are judged on import ms.",
    )
    envs = {"gladia": bench.gladia, "official": bench.official}
    jobs = [(code, env) for code, env in _STATEMENTS] + [("pass", "gladia"), ("pass", "official")]
    imported: dict[tuple[str, str], Stat] = defaultdict(Stat)
    wall: dict[tuple[str, str], Stat] = defaultdict(Stat)
    own_times: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for index in range(runs + 1):
        for code, env_name in jobs:
            done = run([str(envs[env_name].python), "-X", "importtime", "-c", code])
            if done.returncode != 0:
                row.failures.append(f"`{code}` failed:\n{done.stderr.strip()[-800:]}")
                continue
            if index == 0:
                continue
            top, own = _importtime(done.stderr)
            imported[(code, env_name)].add(top / 1000)
            wall[(code, env_name)].add(done.seconds * 1000)
            for module, microseconds in own.items():
                own_times[code][module].append(microseconds / 1000)
    net: dict[str, Stat] = {}
    net_wall: dict[str, Stat] = {}
    for code, env_name in _STATEMENTS:
        base, base_wall = imported[("pass", env_name)], wall[("pass", env_name)]
        if not (base.ok and imported[(code, env_name)].ok):
            net[code] = net_wall[code] = Stat()
            continue
        net[code] = Stat([v - base.median for v in imported[(code, env_name)].values])
        net_wall[code] = Stat([v - base_wall.median for v in wall[(code, env_name)].values])
    row.tables.append(
        Table(
            ["statement", "environment", "import ms", "wall ms"],
            [
                [f"`{code}`", envs[env_name].name, net[code].show(1), net_wall[code].show(1)]
                for code, env_name in _STATEMENTS
            ],
        )
    )
    official, floor = net["import gladiaio_sdk"], net["import httpx"]
    for code in ("import gladia", "from gladia import GladiaClient"):
        ours = net[code]
        share = ratio(ours, official)
        why = _import_evidence(own_times[code]) if ours.ok else []
        row.goals.append(
            Goal(
                f"`{code}` ≤ 0.5x `import gladiaio_sdk`",
                f"{share:.2f}x ({ours.median:.1f} ms vs {official.median:.1f} ms)"
                if share is not None
                else "—",
                (share <= 0.5) if share is not None else None,
                why,
            )
        )
        over = ours.median - floor.median if ours.ok and floor.ok else None
        row.goals.append(
            Goal(
                f"`{code}` ≤ `import httpx` + 40 ms",
                f"{ours.median:.1f} ms vs httpx's {floor.median:.1f} ms ({over:+.1f} ms)"
                if over is not None
                else "—",
                (over <= 40) if over is not None else None,
                why,
            )
        )
    row.notes.append(
        "`import gladia` loads the error classes only; the clients (and httpx) load on first use, so "
        "`from gladia import GladiaClient` is what using the SDK costs. Both are judged."
    )
    return row


def _importtime(stderr: str) -> tuple[float, dict[str, float]]:
    """The sum of the top-level cumulative times, and each module's own time (µs), from -X importtime."""
    top = 0.0
    own: dict[str, float] = {}
    for line in stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(fields) != 3:
            continue
        try:
            own_us, cumulative = float(fields[0]), float(fields[1])
        except ValueError:
            continue  # the header line
        own[fields[2].strip()] = own_us
        if not fields[2][1:].startswith(" "):  # nested imports are indented further
            top += cumulative
    return top, own


def _import_evidence(own: dict[str, list[float]]) -> list[str]:
    """Where the import time goes: each module's own time (median over the runs), summed by package."""
    by_package: dict[str, float] = defaultdict(float)
    medians = {module: statistics.median(times) for module, times in own.items()}
    for module, ms in medians.items():
        top = module.split(".")[0]
        by_package["the standard library" if top in sys.stdlib_module_names else top] += ms
    ranked = sorted(by_package.items(), key=lambda item: item[1], reverse=True)
    mine = by_package.get("gladia", 0.0) + by_package.get("gladia_api", 0.0)
    costliest = sorted(medians.items(), key=lambda item: item[1], reverse=True)[:6]
    return [
        f"Module bodies run, by package (own time, median over the runs; they include the interpreter's "
        f"start-up imports): {', '.join(f'{name} {ms:.1f} ms' for name, ms in ranked if ms >= 0.5)}. "
        f"gladia and gladia_api (ours, including the attrs classes they define) take {mine:.1f} ms; the rest "
        "is the standard library and the dependencies gladia imports when its client is imported (ours to "
        "defer). Costliest modules: " + ", ".join(f"`{module}` {ms:.1f} ms" for module, ms in costliest) + "."
    ]


# ------------------------------------------------------------------------------------ 3. batch


def batch(bench: Bench, server: Emulator) -> Row:
    """Row 3: many small files transcribed end to end, async, with bounded concurrency."""
    plan = bench.plan
    row = Row(
        3,
        f"{plan.batch_files:,} small files transcribed end to end, concurrency {plan.concurrency}, async",
        f"{plan.batch_files:,} distinct WAVs of 0.2 to 0.5 s; the emulator's jobs finish at once (no queued "
        "or processing time). Each contender transcribes all of them in one fresh process, at most "
        f"{plan.concurrency} at a time (an asyncio semaphore), {plan.batch_rounds} round(s), interleaved. "
        "gladia: `AsyncGladiaClient(...).prerecorded().transcribe(path)`; official: "
        "`GladiaClient(...).pre_recorded_v2_async().transcribe(path)`, both with their defaults; bare httpx: "
        "`POST /v2/upload`, `POST /v2/pre-recorded`, then `GET /v2/pre-recorded/{id}` at once and every "
        "0.05 s "
        "until done (bench/contenders/bare.py), on an `httpx.AsyncClient` with httpx's defaults. jobs/s is "
        "files over the batch's wall time; every transcript is checked. Requests are counted in each process "
        "at httpx's connection-pool transport. Two things in gladia's transport that a bare script does not "
        "do, both about httpcore 1.0 (gladia/_core/transport.py): it keeps at most 8 idle connections (httpx: 20; "
        "with more, the pool hands one idle connection to every request starting at once and the others "
        "loop), and when sniffio is not installed it records that once, where httpcore retries `import "
        "sniffio` (a search of sys.path) for every lock it makes (encode/httpcore#1103).",
    )
    contenders = {**bench.sdks(), "bare httpx": (bench.gladia, "bare.py")}
    names = list(contenders)
    rate = {name: Stat() for name in names}
    per_job = {name: Stat() for name in names}
    gets = {name: Stat() for name in names}
    requests = {name: Stat() for name in names}
    cpu = {name: Stat() for name in names}
    busy = {name: Stat() for name in names}
    env = {**server.environ(), "BENCH_TRANSCRIPT": bench.transcript}
    for index in range(plan.batch_rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            python, script = contenders[name][0].python, contenders[name][1]
            report = _attempt(
                row,
                lambda python=python, script=script: contender(  # type: ignore[misc]
                    python,
                    script,
                    "batch",
                    str(bench.batch_dir),
                    "--concurrency",
                    str(plan.concurrency),
                    env=env,
                ),
            )
            if report is None:
                continue
            jobs = report["jobs"]
            rate[name].add(jobs / report["seconds"])
            per_job[name].add(report["job_seconds_median"])
            gets[name].add(report["requests"].get("GET /v2/pre-recorded/{id}", 0) / jobs)
            requests[name].add(sum(report["requests"].values()) / jobs)
            cpu[name].add(report["cpu_seconds"] / jobs * 1000)
            busy[name].add(report["cpu_seconds"] / report["seconds"] * 100)
    row.tables.append(
        Table(
            [
                "contender",
                "jobs/s",
                "seconds per job (median job)",
                "GETs per job",
                "requests per job",
                "client CPU ms per job",
                "client CPU busy %",
            ],
            [
                [
                    name,
                    rate[name].show(1),
                    per_job[name].show(3),
                    gets[name].show(2),
                    requests[name].show(2),
                    cpu[name].show(2),
                    busy[name].show(0),
                ]
                for name in names
            ],
        )
    )
    evidence = [
        "Per job (medians): "
        + "; ".join(
            f"{name} {per_job[name].median:.3f} s, {gets[name].median:.2f} GETs, "
            f"{cpu[name].median:.1f} ms of client CPU (busy {busy[name].median:.0f}% of one core)"
            for name in names
            if per_job[name].ok
        )
        + f". Two ceilings apply: {plan.concurrency} jobs in flight ÷ seconds per job, and one core ÷ CPU "
        "per "
        "job (an asyncio client runs on one core); the emulator needs the machine's other core."
    ]
    ours = per_job["gladia"]
    if ours.ok and busy["gladia"].median >= 85:
        evidence.append(
            f"gladia's client is CPU-bound: {cpu['gladia'].median:.1f} ms per job caps it near "
            f"{1000 / cpu['gladia'].median:.0f} jobs/s, where bare httpx needs "
            f"{cpu['bare httpx'].median:.1f} ms "
            "per job for the same requests. The limit is ours: the SDK's work around each request (profile "
            "below)."
        )
    if ours.ok and per_job["bare httpx"].ok and gets["gladia"].median <= gets["bare httpx"].median + 0.01:
        evidence.append(
            f"gladia makes no more requests per job than bare httpx, yet each job takes "
            f"{ours.median - per_job['bare httpx'].median:.3f} s longer: time spent in the client (its CPU "
            "per job, above) or waiting between looks (gladia/prerecorded/_polling.py `PollSchedule`: a look at once, then "
            "after 2 s, 2.5 s, then every 3 s)."
        )
    profiled = _attempt(
        row,
        lambda: contender(
            bench.gladia.python,
            "gladia_sdk.py",
            "batch",
            str(bench.batch_dir),
            "--concurrency",
            str(plan.concurrency),
            "--profile",
            "12",
            env=env,
        ),
    )
    if profiled is not None:
        evidence += profile_lines(
            profiled["profile"], "an extra, untimed gladia batch under cProfile (event-loop thread)"
        )
    for other, goal, text in (
        ("official", 1.5, "≥ 1.5x the official's jobs/s"),
        ("bare httpx", 0.8, "≥ 80% of bare httpx's jobs/s"),
    ):
        share = ratio(rate["gladia"], rate[other])
        row.goals.append(
            Goal(
                f"gladia {text}",
                f"{share:.2f}x ({rate['gladia'].median:.1f} vs {rate[other].median:.1f} jobs/s)"
                if share
                else "—",
                (share >= goal) if share is not None else None,
                evidence,
            )
        )
    return row


# ------------------------------------------------------------------------------------ 4. parse


def parse(bench: Bench, after_official: Callable[[], object] = lambda: None) -> Row:
    """Row 4: a long job's JSON into typed objects. `after_official()` is called between the official
    SDK's (long) run and the short ones, so the runner can keep those apart from other work."""
    raw = bench.job_json.read_bytes()
    job = json.loads(raw)
    words = sum(len(u["words"]) for u in job["result"]["transcription"]["utterances"])
    minutes = job["result"]["metadata"]["audio_duration"] / 60
    plan = bench.plan
    row = Row(
        4,
        f"Parse a {_duration(minutes)} job result into typed objects",
        f"The body of `GET /v2/pre-recorded/{{id}}` for a finished job of "
        f"{_duration(minutes, adjective=False)} of speech "
        f"({words:,} words in {len(job['result']['transcription']['utterances']):,} utterances, "
        f"{_megabytes(len(raw))}), made once by the emulator. Each timed run is a fresh process: a "
        "first call (reported as cold), two untimed calls, then the timed rounds. The official SDK: one "
        f"process, {plan.official_parse_rounds} rounds right after its first call (each takes seconds); "
        "json.loads and gladia: "
        f"{plan.parse_processes} process(es) each, alternating, of {plan.parse_rounds} rounds (this machine's "
        "speed drifts; alternating keeps the drift out of their ratio). gladia: "
        "`PreRecordedResponse.from_dict(json.loads(raw))`; official: "
        "`PreRecordedV2Response.from_dict(json.loads(raw))`, exactly what its `get()` does; floor: "
        "`json.loads(raw)` alone. Garbage collection stays on, as in an application.",
    )
    # The official SDK first, while row 5 may still be polling: its rounds last seconds, so they are the
    # least disturbed; the short ones wait for `after_official()`.
    runs = [("official", bench.official, "official_sdk.py", plan.official_parse_rounds, ["--warmup", "0"])]
    for index in range(plan.parse_processes):
        profile_flag = ["--profile", "12"] if index == plan.parse_processes - 1 else []
        runs.append(("json.loads", bench.gladia, "bare.py", plan.parse_rounds, []))
        runs.append(("gladia", bench.gladia, "gladia_sdk.py", plan.parse_rounds, profile_flag))
        # Words are read on first access (`x-lazy`), so the row's gladia builds none of them: this one
        # reads every word's `start` too, the cost for a caller who walks the whole transcript.
        runs.append(
            ("gladia, every word read", bench.gladia, "gladia_sdk.py", plan.parse_rounds, ["--read-words"])
        )
    timing: dict[str, Stat] = defaultdict(Stat)
    cpu: dict[str, Stat] = defaultdict(Stat)
    first: dict[str, Stat] = defaultdict(Stat)
    collector: dict[str, Stat] = defaultdict(Stat)
    full: dict[str, Stat] = defaultdict(Stat)
    profile: dict[str, Any] = {}
    for index, (name, env, script, rounds, extra) in enumerate(runs):
        if index == 1:
            after_official()
        report = _attempt(
            row,
            lambda env=env, script=script, rounds=rounds, extra=extra: contender(  # type: ignore[misc]
                env.python, script, "parse", str(bench.job_json), "--rounds", str(rounds), *extra
            ),
        )
        if report is None:
            continue
        timing[name].values.extend(report["rounds_s"])
        cpu[name].values.extend(report.get("cpu_rounds_s", []))
        first[name].add(report["first_s"])
        collector[name].add(report["gc_s_per_round"])
        full[name].add(report["gc_full_per_round"])
        if report["words"] != words:
            row.failures.append(f"{name} parsed {report['words']} words of {words}")
        if report.get("profile"):
            profile = report["profile"]
    floor = timing["json.loads"]
    row.tables.append(
        Table(
            [
                "contender",
                "ms per parse",
                "x json.loads",
                "CPU ms per parse",
                "x json.loads (CPU)",
                "first call ms",
            ],
            [
                [
                    name,
                    timing[name].show(None, 1000),
                    f"{ratio(timing[name], floor):.1f}x" if ratio(timing[name], floor) else "—",
                    cpu[name].show(None, 1000) if cpu[name].ok else "—",
                    f"{ratio(cpu[name], cpu['json.loads']):.2f}x"
                    if ratio(cpu[name], cpu["json.loads"])
                    else "—",
                    first[name].show(None, 1000),
                ]
                for name in ("json.loads", "gladia", "gladia, every word read", "official")
            ],
        )
    )
    share = ratio(timing["gladia"], floor)
    why = []
    if profile and share is not None:
        total = timing["gladia"].median
        why.append(
            f"gladia takes {number(total * 1000)} ms, json.loads alone {number(floor.median * 1000)} ms: "
            f"{number((total - floor.median) * 1000)} ms go to building the typed objects, in the generated "
            "models' `from_dict` (generated/gladia_api, from openapi/templates/model.py.jinja). The limit "
            "is ours."
        )
        if collector["gladia"].ok and collector["json.loads"].ok:
            why.append(
                f"Of that, the garbage collector: {number(collector['gladia'].median * 1000)} ms per gladia "
                f"parse ({full['gladia'].median:.1f} full collections) against "
                f"{number(collector['json.loads'].median * 1000)} ms per json.loads "
                f"({full['json.loads'].median:.1f}). CPython stops tracking dicts that hold only scalars, "
                "so json.loads' 40,000 word dicts soon cost the collector nothing; typed objects (attrs "
                "classes) stay tracked. Words are built on first access (`x-lazy` in openapi/gladia.yaml) "
                "and lists of models with the collector paused (gladia_api.types.parse_list), so a parse "
                "adds some 6,000 tracked objects, not 43,000; the rest is the Python work of `from_dict`."
            )
        why += profile_lines(
            profile, "one profiled call (cProfile, which slows Python code more than C code)"
        )
    row.goals.append(
        Goal(
            "gladia ≤ 1.5x `json.loads`",
            f"{share:.2f}x" if share is not None else "—",
            (share <= 1.5) if share is not None else None,
            why,
        )
    )
    every_word = ratio(timing["gladia, every word read"], floor)
    if every_word is not None:
        row.notes.append(
            f"Reading every word's `start` as well (words are built on first access) took {every_word:.2f}x "
            "`json.loads`: the cost for a caller who walks the whole transcript."
        )
    if ratio(cpu["gladia"], cpu["json.loads"]) is not None:
        row.notes.append(
            "CPU time (`time.process_time()` around each call) leaves out the time the process waited for a "
            "core, so its ratio moves less than the wall-clock one on a busy machine: "
            f"gladia {ratio(cpu['gladia'], cpu['json.loads']):.2f}x `json.loads`."
        )
    official = ratio(timing["official"], floor)
    if official is not None:
        row.notes.append(
            f"The official SDK took {official:.0f}x `json.loads` ({number(timing['official'].median)} s "
            "per parse) "
            "in this run."
        )
    return row


def profile_lines(profile: dict[str, Any], what: str, functions: int = 8) -> list[str]:
    """A contender's profile as evidence: own time by package, then the costliest functions."""
    total = sum(seconds for _, seconds in profile["by_package"]) or 1.0
    hotspots = [
        f"{label}: {share:.0%} of the CPU"
        for label, share in profile.get("hotspots", {}).items()
        if share >= 0.05
    ]
    return [
        f"In {what}, own time by package: "
        + ", ".join(
            f"{package} {seconds / total:.0%}"
            for package, seconds in profile["by_package"]
            if seconds / total >= 0.02
        )
        + ". Costliest functions: "
        + "; ".join(
            f"`{r['function']}` ({r['calls']:,} calls, {number(r['own_s'] * 1000)} ms)"
            for r in profile["functions"][:functions]
        )
        + "."
        + (f" Notable, with what they call: {'; '.join(hotspots)}." if hotspots else "")
    ]


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"


def _duration(minutes: float, *, adjective: bool = True) -> str:
    amount, unit = (minutes / 60, "hour") if minutes >= 60 else (minutes, "minute")
    if adjective:
        return f"{amount:g}-{unit}"
    return f"{amount:g} {unit}{'' if amount == 1 else 's'}"


# ------------------------------------------------------------------------------------ 5. polling


def polling(bench: Bench, server: Emulator) -> Row:
    """Row 5: how soon after a job is done each SDK's default polling returns, and how many GETs it makes."""
    plan = bench.plan
    spread = OFFICIAL_POLL_INTERVAL * (plan.poll_rounds - 1) / plan.poll_rounds
    row = Row(
        5,
        "Polling: jobs finishing after " + ", ".join(f"{s:g} s" for s in plan.poll_seconds),
        "One emulator whose jobs stay `processing` exactly as long as their audio lasts "
        "(`--realtime-factor 1`, "
        f"no queue time). For each length L, {plan.poll_rounds} jobs last L, L + "
        f"{OFFICIAL_POLL_INTERVAL / plan.poll_rounds:g} s, "
        f"... L + {spread:g} s: spread over one 3 s interval, so the result does not hang on where one exact "
        "length falls in either SDK's schedule (a 60 s job is done just before a client that polls every 3 s "
        "from t=0 looks). Each SDK transcribes all of them at once, in threads of one process, both SDKs "
        "at the "
        "same time against the same server, with their default polling: gladia `transcribe(path)`, official "
        f"`transcribe(path)` (every {OFFICIAL_POLL_INTERVAL:g} s, its default `interval`). Latency is the "
        "moment "
        "`transcribe()` returned minus the job's `completed_at` from the emulator (same clock); GETs are the "
        "`GET /v2/pre-recorded/{id}` of that job, counted at httpx's connection-pool transport in the "
        "contender.",
    )
    nominal = {path.name: length for length, path in bench.poll_files}
    files = [str(path) for _, path in bench.poll_files]
    reports: dict[str, dict[str, Any] | None] = {}

    def one(name: str, env: Env, script: str) -> None:
        reports[name] = _attempt(
            row, lambda: contender(env.python, script, "poll", *files, env=server.environ())
        )

    threads = [threading.Thread(target=one, args=(n, e, s)) for n, (e, s) in bench.sdks().items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latency: dict[tuple[float, str], Stat] = defaultdict(Stat)
    gets: dict[tuple[float, str], Stat] = defaultdict(Stat)
    for name, report in reports.items():
        for job in (report or {}).get("jobs", []):
            latency[(nominal[job["file"]], name)].add(job["latency_s"])
            gets[(nominal[job["file"]], name)].add(job["gets"])
    table = Table(["job length", "contender", "latency after done, s", "GETs"])
    for seconds in plan.poll_seconds:
        label = f"{seconds:g} s (to {seconds + spread:g} s)"
        for name in bench.sdks():
            key = (seconds, name)
            table.rows.append([label, name, latency[key].show(2), gets[key].show(1)])
        ours_l, theirs_l = latency[(seconds, "gladia")], latency[(seconds, "official")]
        ours_g, theirs_g = gets[(seconds, "gladia")], gets[(seconds, "official")]
        measured = ours_l.ok and theirs_l.ok
        met = (ours_l.median < theirs_l.median and ours_g.median <= theirs_g.median) if measured else None
        row.goals.append(
            Goal(
                f"{label} jobs: lower latency than the official with no more GETs",
                f"{ours_l.median:.2f} s vs {theirs_l.median:.2f} s; {ours_g.median:g} vs "
                f"{theirs_g.median:g} GETs"
                if measured
                else "—",
                met,
                _poll_evidence(seconds, ours_l, theirs_l, ours_g, theirs_g) if measured else [],
            )
        )
    row.tables.append(table)
    return row


def _poll_evidence(seconds: float, ours_l: Stat, theirs_l: Stat, ours_g: Stat, theirs_g: Stat) -> list[str]:
    lines = []
    if ours_l.median >= theirs_l.median:
        lines.append(
            f"Latency: gladia {ours_l.median:.2f} s against the official's {theirs_l.median:.2f} s (median of "
            f"{len(ours_l.values)}): by then both look every 3 s (gladia's schedule reaches its 3 s ceiling "
            "after 4.5 s), so each returns anywhere in a 3 s interval after the job is done. For finish "
            "times spread over the interval, no schedule with no more looks than a fixed 3 s poller has a "
            "lower mean latency (equal gaps are the best use of a given number of looks); the official "
            "wastes only its look at t=0, which gladia makes too, so that a job already done is returned at "
            "once. The limit is the goal's two conditions together, and the schedule we chose (ours: "
            "gladia/_core/constants.py `POLL_*`)."
        )
    if ours_g.median > theirs_g.median:
        lines.append(
            f"GETs: gladia {ours_g.median:g} against the official's {theirs_g.median:g} for {seconds:g} s "
            "jobs: gladia looks at 0, 2 and 4.5 s, then every 3 s (gladia/prerecorded/_polling.py `PollSchedule`), where "
            "the official looks at 0, 3, 6 s...: by any moment gladia has looked at most once more, and that "
            "early extra look is what buys its lower latency on short jobs. The limit is ours (the schedule: "
            "a deliberate trade)."
        )
    return lines


# ------------------------------------------------------------------------------------ 6. download


def download(bench: Bench, server: Emulator, curl_headers: Path) -> Row:
    """Row 6: memory while downloading a job's large audio."""
    size = bench.big.stat().st_size
    row = Row(
        6,
        f"Memory while downloading a job's {size_label(size)} audio",
        f"A job is created on the {size_label(size)} file (uploaded with curl for this row); each SDK "
        "fetches "
        "its audio (`GET /v2/pre-recorded/{id}/file`) in a fresh process after a small warm-up download, "
        f"{bench.plan.transfer_rounds} round(s) each, interleaved. gladia: `download(job_id, path)` (streams "
        "to a file); official: `get_file(job_id)` (its only way: it returns the bytes). RSS growth as in "
        "row 1; throughput is bytes over the call's wall time.",
    )
    names = list(bench.sdks())
    growth = {name: Stat() for name in names}
    peak = {name: Stat() for name in names}
    speed = {name: Stat() for name in names}
    try:
        job = server.job(_curl_upload(bench.big, server, curl_headers)["audio_url"])
    except ContenderFailed as failure:
        row.failures.append(f"setting up the job to download: {failure}")
        job = None
    small = server.job(server.upload(bench.warmup))
    target = WORK / "download.bin"
    unreset = False
    for _ in range(bench.plan.transfer_rounds if job else 0):
        for name in names:
            env, script = bench.sdks()[name]
            report = _attempt(
                row,
                lambda env=env, script=script: contender(  # type: ignore[misc]
                    env.python, script, "download", job, str(target), "--warmup", small, env=server.environ()
                ),
            )
            if report is None:
                continue
            if report["bytes"] != size:
                row.failures.append(f"{name} downloaded {report['bytes']} bytes of {size}")
            growth[name].add(report["rss_growth_mib"])
            peak[name].add(report["peak_rss_mib"])
            speed[name].add(report["bytes"] / report["seconds"] / MiB)
            unreset |= not report["peak_reset"]
    target.unlink(missing_ok=True)
    row.tables.append(
        Table(
            ["contender", "RSS growth MiB", "peak RSS MiB", "throughput MiB/s"],
            [[name, growth[name].show(1), peak[name].show(1), speed[name].show(0)] for name in names],
        )
    )
    ours = growth["gladia"]
    row.goals.append(
        Goal(
            f"gladia's RSS growth ≤ {RSS_GOAL_MIB:g} MiB (worst round)",
            f"{_worst(ours):.1f} MiB" if ours.ok else "—",
            (_worst(ours) <= RSS_GOAL_MIB) if ours.ok else None,
            [f"gladia's peak RSS grew by {_worst(ours):.1f} MiB while streaming the file to disk."]
            if ours.ok
            else [],
        )
    )
    if unreset:
        row.notes.append(_UNRESET)
    if growth["official"].ok:
        row.notes.append(
            f"The official SDK's RSS grew by {_worst(growth['official']):.0f} MiB: `get_file()` returns the "
            "whole file as `bytes`, so its memory grows with the file."
        )
    return row


# ------------------------------------------------------------------------------------ 7. live


def live_transcript(minutes: float) -> str:
    """A transcript long enough to keep a live session of `minutes` speaking: one short sentence after
    another (the emulator lays it out at about 0.07 s per character, so each lasts some 2.5 s)."""
    count = int(minutes * 60 / 2.4) + 2
    return " ".join(f"Sentence number {index} of the live benchmark." for index in range(count))


def live(bench: Bench, server: Emulator) -> Row:
    """Row 7: a live session: latency of final transcripts, client CPU and RSS over a long stream."""
    plan = bench.plan
    row = Row(
        7,
        "Live transcription: latency of finals, client CPU and RSS over a long stream",
        f"Each SDK opens a live session on the emulator (its deterministic engine paces the transcript by "
        f"the audio received) and sends 16 kHz 16-bit mono audio in 100 ms frames, defaults kept. Latency: "
        f"{plan.live_latency_seconds:g} s of audio at real-time pace, each final's arrival minus the moment "
        f"the frame holding its utterance's end was handed to the SDK. CPU and RSS: "
        f"{plan.live_stream_minutes:g} min of audio as fast as the SDK sends it, {plan.live_rounds} "
        "round(s), interleaved; RSS sampled 30 times along the stream (from its first frame to its last), and "
        "once more after the session's end. gladia: `start_session()`, "
        "`send_audio()`, `for message in session` (on a reader thread); official: `live_v2().start_session()`, "
        "`send_audio()`, `on('message')`.",
    )
    names = list(bench.sdks())
    latency = {name: Stat() for name in names}
    finals = {name: Stat() for name in names}
    cpu = {name: Stat() for name in names}
    growth = {name: Stat() for name in names}
    drift = {name: Stat() for name in names}
    after_end = {name: Stat() for name in names}
    for name in names:
        env, script = bench.sdks()[name]
        args = ("--seconds", str(plan.live_latency_seconds), "--speed", "1")
        report = _attempt(
            row,
            lambda env=env, script=script, args=args: contender(  # type: ignore[misc]
                env.python, script, "live", *args, env=server.environ()
            ),
        )
        if report is None:
            continue
        for value in report["latencies"]:
            latency[name].add(value * 1000)
        finals[name].add(report["finals"])
    for _ in range(plan.live_rounds):
        for name in names:
            env, script = bench.sdks()[name]
            args = ("--seconds", str(plan.live_stream_minutes * 60), "--speed", "0")
            report = _attempt(
                row,
                lambda env=env, script=script, args=args: contender(  # type: ignore[misc]
                    env.python, script, "live", *args, env=server.environ()
                ),
            )
            if report is None:
                continue
            cpu[name].add(report["cpu_seconds"] / (report["audio_seconds"] / 60))
            samples = report["rss_mib"]  # taken while streaming, from its first frame to its last
            growth[name].add(max(samples) - samples[0])
            # A leak raises the peak as the stream goes on; a bounded buffer filling and draining does not.
            middle = len(samples) // 2
            drift[name].add(max(samples[middle:]) - max(samples[:middle]))
            # Once the session ended, apart: its last messages hold the whole transcript (its size grows
            # with the stream's length by design), so counting it in the 2nd half would judge that, not a leak.
            after_end[name].add(report["rss_after_end_mib"] - samples[0])
    row.tables.append(
        Table(
            [
                "contender",
                "final latency ms",
                "finals",
                "CPU s per min of audio",
                "RSS growth while streaming MiB",
                "peak RSS, 2nd half minus 1st, MiB",
                "RSS after the end minus at the start, MiB",
            ],
            [
                [
                    name,
                    latency[name].show(0),
                    finals[name].show(0),
                    cpu[name].show(3),
                    growth[name].show(1),
                    drift[name].show(1),
                    after_end[name].show(1),
                ]
                for name in names
            ],
        )
    )
    ours, theirs = latency["gladia"], latency["official"]
    row.goals.append(
        Goal(
            "gladia's median final latency ≤ the official's",
            f"{ours.median:.0f} ms vs {theirs.median:.0f} ms" if ours.ok and theirs.ok else "—",
            (ours.median <= theirs.median) if ours.ok and theirs.ok else None,
            [],
        )
    )
    share = ratio(cpu["gladia"], cpu["official"])
    row.goals.append(
        Goal(
            "gladia's client CPU per minute of audio ≤ 0.5x the official's",
            f"{share:.2f}x" if share is not None else "—",
            (share <= 0.5) if share is not None else None,
            [],
        )
    )
    flat, grown, ended = drift["gladia"], growth["gladia"], after_end["gladia"]
    row.goals.append(
        Goal(
            f"gladia's RSS flat over a {plan.live_stream_minutes:g} min stream (peak of its 2nd half ≤ peak "
            "of its 1st half + 2 MiB)",
            f"{max(flat.values):+.1f} MiB" if flat.ok else "—",
            (max(flat.values) <= 2.0) if flat.ok else None,
            [
                f"gladia's RSS rose by up to {_worst(grown):.1f} MiB while streaming, most of it in the first "
                "minutes: the ring keeping the unacknowledged audio grows to its 4 MiB bound "
                "(gladia/live/_buffer.py `MAX_BUFFER_BYTES`) when audio is sent faster than acknowledged, "
                "then is reused in place, never reallocated (it was a bytearray reallocated as audio came "
                "and went: a 10 MiB sawtooth on glibc's heaps). After the session's end (the ring unmapped, "
                "the last messages read: they carry the whole transcript, two JSON messages of about 430 kB "
                f"each from the emulator) the RSS stood {_worst(ended):.1f} MiB above the start at most. "
                "`bench/live_memory.py` shows the curve minute by minute, beside websockets' bare client."
            ]
            if flat.ok and grown.ok and ended.ok
            else [],
        )
    )
    return row
