"""Benchmarks gladia beside the official SDK (`gladiaio-sdk`) and the limits (curl, bare httpx, json.loads).

    uv run --all-extras python bench/run.py           # the full run, a few minutes: writes bench/RESULTS.md
    uv run --all-extras python bench/run.py --quick   # tiny sizes, seconds (CI): writes bench/RESULTS-quick.md

The seven rows: 1 upload of a large file, 2 cold import, 3 many small files end to end, 4 parsing a long
job's result, 5 polling, 6 downloading a job's audio, 7 live transcription. Each contender runs in a fresh
process of its own virtual environment (made with uv under bench/.work/, reused while current): the official
SDK from PyPI, and this checkout installed as `pip install 'gladia[live]'` would (websockets added, which
`import gladia` never loads). The emulator runs from this project's
environment, hence `uv run --all-extras`. Linux only (memory is read from /proc); needs uv and curl.

`--rows 1,4` runs some rows only and writes bench/.work/RESULTS-partial.md. The exit status is 1 when a
contender crashed or gave a wrong result, never because a goal is missed. The API key is a throwaway made
for the run, and no output shows it.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

try:
    import _envs
    import _fixtures
    import _report
    import _rows
    import uvicorn  # noqa: F401  (the emulator's server: checked here, used in its own process)
    from _emulator import Emulator, storage_for
    from _envs import ROOT, WORK
    from _proc import hide
    from _results import Row
except ModuleNotFoundError as missing:
    sys.exit(
        f"bench/run.py runs in the project's environment ({missing.name} is missing here): "
        "uv run --all-extras python bench/run.py"
    )

TRANSCRIPT = "Thanks for joining. Let us start with the numbers."
ALL_ROWS = (1, 2, 3, 4, 5, 6, 7)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, for CI: writes bench/RESULTS-quick.md"
    )
    parser.add_argument("--rows", default=",".join(map(str, ALL_ROWS)), help="which rows, e.g. 1,4")
    parser.add_argument("--refresh-envs", action="store_true", help="make the virtual environments again")
    args = parser.parse_args()
    selected = sorted({int(part) for part in args.rows.split(",") if part.strip()})
    if not set(selected) <= set(ALL_ROWS):
        parser.error(f"--rows takes numbers from {ALL_ROWS}")
    plan = _rows.QUICK if args.quick else _rows.FULL
    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    key = f"bench-{secrets.token_hex(16)}"  # a throwaway: the emulator accepts it for this run only
    hide(key)

    step("virtual environments")
    official = _envs.official(refresh=args.refresh_envs)
    gladia = _envs.gladia(refresh=args.refresh_envs)
    print(
        f"  official: gladiaio-sdk {official.versions['gladiaio-sdk']}; gladia: gladia "
        f"{gladia.versions['gladia']}"
    )

    step("inputs")
    inputs = WORK / "inputs"
    bench = _rows.Bench(
        plan=plan,
        gladia=gladia,
        official=official,
        key=key,
        transcript=TRANSCRIPT,
        big=_fixtures.big_wav(inputs / f"big-{plan.big_bytes}.wav", plan.big_bytes),
        warmup=_fixtures.small_wav(inputs / "warmup.wav", 1.0),
        batch_dir=_fixtures.batch_wavs(inputs / f"batch-{plan.batch_files}", plan.batch_files),
        poll_files=tuple(
            (nominal, _fixtures.silent_wav(inputs / f"poll-{seconds:g}s.wav", seconds))
            for nominal, seconds in plan.poll_lengths()
        ),
        job_json=_fixtures.job_json(
            inputs / f"job-{plan.result_minutes:g}min.json", plan.result_minutes, key
        ),
    )
    curl_headers = WORK / "curl-headers"
    curl_headers.touch(mode=0o600)
    curl_headers.write_text(f"x-gladia-key: {key}\n")

    # Large uploads are deleted once measured (at most three are stored at once); small ones stay.
    stored = plan.big_bytes * 3 + plan.batch_files * (3 * plan.batch_rounds + 1) * 20_000
    storage = storage_for(stored)
    rows: dict[int, Row] = {}
    try:
        # Row 5 polls on its own emulator while row 4 times the official SDK (many seconds per round, one
        # core): row 5 sleeps almost all the time. Everything else runs alone.
        with ExitStack() as stack:
            background = None
            if 5 in selected:
                polling = stack.enter_context(
                    Emulator("polling", key=key, transcript=TRANSCRIPT, realtime_factor=1.0)
                )
                background = Background(lambda: measure(5, lambda: _rows.polling(bench, polling)))
            if 4 in selected:
                # Its short rounds (json.loads, gladia) wait until row 5 is over.
                wait = background.wait if background is not None else (lambda: None)
                rows[4] = measure(4, lambda: _rows.parse(bench, after_official=wait))
            if background is not None:
                rows[5] = background.result()
        if 2 in selected:  # alone: starting processes is what it measures
            rows[2] = measure(2, lambda: _rows.imports(bench))
        if {1, 3, 6} & set(selected):
            with Emulator("instant", key=key, transcript=TRANSCRIPT, tmpdir=storage) as server:
                _fixtures.warm(bench.big)
                if 1 in selected:
                    rows[1] = measure(1, lambda: _rows.upload(bench, server, curl_headers))
                if 3 in selected:
                    rows[3] = measure(3, lambda: _rows.batch(bench, server))
                if 6 in selected:
                    rows[6] = measure(6, lambda: _rows.download(bench, server, curl_headers))
        if 7 in selected:
            transcript = _rows.live_transcript(max(plan.live_stream_minutes, plan.live_latency_seconds / 60))
            with Emulator("live", key=key, transcript=transcript) as server:
                rows[7] = measure(7, lambda: _rows.live(bench, server))
    finally:
        curl_headers.unlink(missing_ok=True)

    ordered = [rows[number] for number in selected if number in rows]
    complete = selected == list(ALL_ROWS)
    target = (
        ROOT / "bench" / ("RESULTS-quick.md" if args.quick else "RESULTS.md")
        if complete
        else WORK / "RESULTS-partial.md"
    )
    command = "python bench/run.py" + (" --quick" if args.quick else "")
    seconds = time.monotonic() - started
    target.write_text(
        _report.render(
            ordered,
            mode=plan.name,
            command=command,
            seconds=seconds,
            versions=versions(gladia, official),
            setup=setup_notes(storage),
        )
        + _report.own_sections(target)  # what other scripts wrote there (bench/local_live.py) stays
    )
    step(f"results: {target.relative_to(ROOT)} ({seconds:.0f} s)")
    for row in ordered:
        for goal in row.goals:
            print(f"  {row.number}. {goal.mark} {goal.text}: {goal.measured}")
    failures = [failure for row in ordered for failure in row.failures]
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


_PRINTING = threading.Lock()


def step(text: str) -> None:
    say(f"== {text}")


def say(text: str) -> None:
    with _PRINTING:  # row 5 reports from another thread
        print(text, flush=True)


def measure(number: int, action: Callable[[], Row]) -> Row:
    step(f"row {number}")
    started = time.monotonic()
    row = action()
    row.seconds = time.monotonic() - started
    say(f"  row {number} done in {row.seconds:.0f} s")
    return row


class Background:
    """Runs `action` in a thread; `result()` waits for it and raises what it raised."""

    def __init__(self, action: Callable[[], Row]) -> None:
        self._action = action
        self._row: Row | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._row = self._action()
        except BaseException as error:  # noqa: BLE001  (handed to the main thread by result())
            self._error = error

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> Row:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._row is not None
        return self._row


def versions(gladia: _envs.Env, official: _envs.Env) -> list[tuple[str, str]]:
    return [
        ("gladia", f"{gladia.versions['gladia']} (this checkout: {_envs.checkout()})"),
        (
            "gladiaio-sdk",
            f"{official.versions['gladiaio-sdk']} (with dataclasses-json "
            f"{official.versions.get('dataclasses-json', '?')})",
        ),
        (
            "httpx",
            f"{gladia.versions['httpx']} (gladia's environment), {official.versions['httpx']} (official's)",
        ),
        ("curl", _envs.curl_version()),
    ]


def setup_notes(storage: Path | None) -> list[str]:
    kept = (
        f"in tmpfs ({storage}), so disk speed measures nothing"
        if storage is not None
        else "in the system's temporary directory (/dev/shm had too little room)"
    )
    return [
        "Each contender runs in a fresh process: gladia and the bare scripts in a virtual environment "
        "holding only `pip install 'gladia[live]'` from this checkout (httpx, attrs, python-dateutil, and "
        "websockets, which `import gladia` never loads), the official SDK in one "
        f"holding only `gladiaio-sdk`. The emulator (from the project's environment) keeps uploads {kept}. "
        "Row 4's official SDK runs while row 5's jobs are being polled (they sleep almost all the time); "
        "everything else runs alone.",
    ]


if __name__ == "__main__":
    sys.exit(main())
