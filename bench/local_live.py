"""Offline live transcription beside the pre-recorded path: CPU seconds per second of audio, and word error rate.

    uv run --extra local python bench/local_live.py                        # 1 and 10 minute recordings
    uv run --extra local python bench/local_live.py --minutes 1 --rounds 3
    uv run --extra local python bench/local_live.py --before /tmp/before   # and another checkout, as `before:`
    uv run --extra local python bench/local_live.py --speed 0 --speed 4    # live clients at two paces

The recordings are `samples/*.wav` laid end to end (in name order, round and round) until they last
`--minutes`; their reference text is the samples' `.txt` files joined the same way. On each, in a child
process of its own, each contender transcribes the whole recording with the bundled model (tiny.en, int8, CPU):

- `gladia transcribe --local`: the pre-recorded path (upload, create, poll) with the same engine;
- `gladia live --local --speed 0`: the recording streamed to the in-process emulator as fast as it is
  acknowledged (`--speed S`: S times real time), transcribed by the live engine as it arrives;
- `gladia emulator --engine whisper`: the emulator's own process, while `gladia live --speed 0` (another
  process, not counted) streams the recording to it.

CPU seconds are user + system of the process (its model load and start-up included: about 2 s), read when it
ends; "CPU s per s of audio" divides them by the recording's seconds. "ping timeouts" counts the pings the
live client saw go unanswered (the emulator reads nothing while it transcribes, and `--speed 0` keeps up to
the SDK's 4 MiB of audio queued ahead of it): each drops the connection, which the SDK then resumes. The
emulator's own pings (uvicorn's, also 20 s) drop it too, unseen by the client: "audio kept - sent" shows
those resumes that went wrong.
"audio kept - sent": what the session kept (its `audio_duration`) beyond the recording: after a resumed
connection, audio the emulator kept twice (read from the client's `--json` messages, which the live clients
print). "ended": `ok`, or killed when still running after 3 s per second of audio and 5 minutes more (`--timeout`). The goal: live uses at most 0.5 CPU s per second of
audio, the same at 1 and 10 minutes (each second of audio transcribed about once), with a word error rate no
worse than before. With `--before DIR` (e.g. `git archive COMMIT gladia generated | tar -x -C DIR`) the live
contenders also run that checkout's code, with this environment's packages. The contenders take turns,
round after round; the table gives the median of the rounds. `--write` puts the table in bench/RESULTS.md
(its section "Local live transcription"; bench/run.py keeps that section when it rewrites the file).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Local live transcription"
PRERECORDED = "gladia transcribe --local"
LIVE = "gladia live --local"
EMULATOR = "gladia emulator --engine whisper"
CONTENDERS = (PRERECORDED, LIVE, EMULATOR)
BEFORE = "before: "
GOAL_CPU_PER_SECOND = 0.5
_START_TIMEOUT = 120.0
# A child still running after this long is killed and reported as such (the live contenders could hang).
_TIMEOUT_PER_AUDIO_SECOND = 3.0
_TIMEOUT_EXTRA_SECONDS = 300.0
# What the client's websockets logs when a ping goes unanswered: the connection is dropped and resumed.
_PING_TIMEOUT = "keepalive ping timeout"


def make_recording(directory: Path, minutes: float) -> tuple[Path, str]:
    """The samples end to end until they last `minutes`, and their reference text."""
    samples = sorted((ROOT / "samples").glob("*.wav"))
    frames: list[bytes] = []
    texts: list[str] = []
    seconds = 0.0
    params = None
    while seconds < minutes * 60:
        for path in samples:
            with wave.open(str(path)) as recording:
                params = params or recording.getparams()
                if recording.getparams()[:3] != params[:3]:
                    raise SystemExit(f"{path} is not {params[:3]} like the other samples")
                frames.append(recording.readframes(recording.getnframes()))
                seconds += recording.getnframes() / recording.getframerate()
            texts.append(path.with_suffix(".txt").read_text(encoding="utf-8").strip())
            if seconds >= minutes * 60:
                break
    assert params is not None
    out = directory / f"samples-{minutes:g}min.wav"
    with wave.open(str(out), "wb") as joined:
        joined.setparams(params)
        joined.writeframes(b"".join(frames))
    return out, " ".join(texts)


def duration(path: Path) -> float:
    with wave.open(str(path)) as recording:
        return recording.getnframes() / recording.getframerate()


def gladia(*args: str) -> list[str]:
    return [sys.executable, "-c", "from gladia.cli import main; main()", *args]


class TimedOut(Exception):
    """A child still running at its deadline: killed, with what it had used by then."""

    def __init__(self, cpu: float, peak: float) -> None:
        super().__init__(f"killed at its deadline after {cpu:.1f} CPU s")
        self.cpu, self.peak = cpu, peak


def wait(process: subprocess.Popen[bytes], stderr: Path, deadline: float) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MB) of a child, once it ends; its exit status checked.

    Raises:
        TimedOut: the child was still running at `deadline` (time.monotonic()): it was killed.
    """
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.send_signal(signal.SIGINT)  # the CLI's Ctrl-C: it says where it was
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            raise TimedOut(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        time.sleep(0.2)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{process.args} failed ({process.returncode}):\n{_tail(stderr)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _tail(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.exists() else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def emulator(
    env: dict[str, str], cwd: Path | None, log: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`gladia emulator --engine whisper` in a child process, and its URL once it listens."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            gladia("emulator", "--engine", "whisper", "--port", str(port)),
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
        )
        try:
            deadline = time.monotonic() + _START_TIMEOUT
            while "Gladia emulator running" not in log.read_text(errors="replace"):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the emulator did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.1)
            yield process, f"http://127.0.0.1:{port}"
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)


def run(
    contender: str,
    audio: Path,
    scratch: Path,
    env: dict[str, str],
    cwd: Path | None,
    speed: float,
    timeout: float | None = None,
) -> dict[str, float | str]:
    """One contender on one recording: wall and CPU seconds, peak RSS, the transcript, and what happened."""
    out, stderr = scratch / "transcript.txt", scratch / "stderr.txt"
    out.unlink(missing_ok=True)
    if timeout is None:
        timeout = _TIMEOUT_PER_AUDIO_SECOND * duration(audio) + _TIMEOUT_EXTRA_SECONDS
    deadline = time.monotonic() + timeout
    kind = contender.removeprefix(BEFORE)
    status = "ok"
    with out.open("ab") as transcript, stderr.open("wb") as errors:
        started = time.perf_counter()
        if kind == EMULATOR:
            key = f"bench-{secrets.token_hex(8)}"
            with emulator({**env, "GLADIA_API_KEY": key}, cwd, scratch / "emulator.log") as (server, url):
                started = time.perf_counter()
                client = subprocess.Popen(
                    gladia("live", str(audio), "--json", "--speed", f"{speed:g}", "--api-url", url),
                    stdout=transcript,
                    stderr=errors,
                    env={**env, "GLADIA_API_KEY": key},
                    cwd=cwd,
                )
                try:
                    wait(client, stderr, deadline)
                except TimedOut as late:
                    status = str(late)
                seconds = time.perf_counter() - started
                server.send_signal(signal.SIGTERM)
                cpu, peak = wait(server, scratch / "emulator.log", time.monotonic() + 60)
        else:
            args = (
                ("transcribe", "--local", "--no-state", str(audio), "-o", str(out))
                if kind == PRERECORDED
                else ("live", "--local", "--json", "--speed", f"{speed:g}", str(audio))
            )
            process = subprocess.Popen(
                gladia(*args),
                stdout=subprocess.DEVNULL if kind == PRERECORDED else transcript,
                stderr=errors,
                env=env,
                cwd=cwd,
            )
            try:
                cpu, peak = wait(process, stderr, deadline)
            except TimedOut as late:
                status, cpu, peak = str(late), late.cpu, late.peak
            seconds = time.perf_counter() - started
    logged = _tail(stderr) if status == "ok" else stderr.read_text(encoding="utf-8", errors="replace")
    text, kept = out.read_text(encoding="utf-8"), None
    if kind != PRERECORDED:
        text, kept = _heard(text)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "rss": peak,
        "text": text,
        "extra": "" if kept is None else f"{round(kept - duration(audio), 2) + 0.0:.2f}",
        "status": status,
        "reconnections": stderr.read_text(encoding="utf-8", errors="replace").count(_PING_TIMEOUT),
        "log": logged,
    }


def _heard(lines: str) -> tuple[str, float | None]:
    """From `gladia live --json`'s messages: the final utterances' text, and the seconds of audio the session
    kept (None when the session did not get to its end)."""
    finals, kept = [], None
    for line in lines.splitlines():
        message = json.loads(line)
        data = message.get("data") or {}
        if message.get("type") == "transcript" and data.get("is_final"):
            finals.append(data["utterance"]["text"])
        elif message.get("type") == "post_final_transcript":
            kept = float(data["metadata"]["audio_duration"])
    return " ".join(finals), kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, action="append", help="a recording's length (repeatable)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--speed",
        type=float,
        action="append",
        help="the live clients' --speed (0, the default: as fast as acknowledged); repeatable",
    )
    parser.add_argument(
        "--contenders",
        help=f"a comma-separated subset of: {', '.join(CONTENDERS)}; with --before, also `before: ` and a live one",
    )
    parser.add_argument("--timeout", type=float, help="seconds before a contender is killed (see above)")
    parser.add_argument("--before", type=Path, help="another checkout: its live contenders run as `before:`")
    parser.add_argument(
        "--before-minutes",
        type=float,
        action="append",
        help="run the `before:` contenders on these lengths only (repeatable; default: every length)",
    )
    parser.add_argument("--note", action="append", help="a line to add under the table (repeatable)")
    parser.add_argument("--write", action="store_true", help="put the table in bench/RESULTS.md")
    args = parser.parse_args()
    from gladia.testing.wer import word_error_rate  # noqa: PLC0415  (after --help)

    minutes_list = args.minutes or [1.0, 10.0]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    started_load = os.getloadavg()[0]
    worst: list[float] = []  # CPU s per s of audio of this checkout's live contenders
    speeds = args.speed or [0.0]
    befores = [BEFORE + name for name in CONTENDERS if name != PRERECORDED] if args.before else []
    if args.contenders:
        contenders = [name.strip() for name in args.contenders.split(",")]
    else:
        contenders = [*CONTENDERS, *befores]
    unknown = set(contenders) - {*CONTENDERS, *befores}
    if unknown:
        parser.error(f"unknown contenders (`before: ` ones need --before): {', '.join(sorted(unknown))}")
    here = {**os.environ}
    before_env = None
    if args.before:
        checkout = args.before.resolve()
        before_env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(checkout), str(checkout / "generated")]),
        }
    # Each run: a contender, and the pace of its live client (none for the pre-recorded path).
    runs = [
        (name, None if name == PRERECORDED else speed)
        for name in contenders
        for speed in ([0.0] if name == PRERECORDED else speeds)
    ]
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="gladia-local-live-") as directory:
        scratch = Path(directory)
        for minutes in minutes_list:
            audio, reference = make_recording(scratch, minutes)
            length = duration(audio)
            these = [
                (name, speed)
                for name, speed in runs
                if not name.startswith(BEFORE)
                or args.before_minutes is None
                or minutes in args.before_minutes
            ]
            results: dict[str, list[dict[str, float | str]]] = {_label(*each): [] for each in these}
            for round_number in range(args.rounds):
                for contender, speed in these:
                    before = contender.startswith(BEFORE)
                    # In the checkout's directory too: `python -c` puts the working directory first on sys.path.
                    env, cwd = (before_env, args.before) if before and before_env else (here, None)
                    result = run(contender, audio, scratch, env, cwd, speed or 0.0, args.timeout)
                    result["wer"] = word_error_rate(reference, str(result["text"]))
                    results[_label(contender, speed)].append(result)
                    print(
                        f"{length:.0f} s, round {round_number + 1}: {_label(contender, speed)}: "
                        f"{result['seconds']:.1f} s, "
                        f"{result['cpu']:.1f} CPU s ({float(result['cpu']) / length:.3f}/s), "
                        f"{result['rss']:.0f} MB, WER {float(result['wer']):.3f}, "
                        f"{result['reconnections']} ping timeout(s), {result['status']}",
                        file=sys.stderr,
                        flush=True,
                    )
                    if result["status"] != "ok":
                        print(f"  its log's end:\n{str(result['log'])[-2000:]}", file=sys.stderr)
            rows += [_row(label, length, found) for label, found in results.items()]
            worst += [
                statistics.median(float(result["cpu"]) for result in found) / length
                for label, found in results.items()
                if found and not label.startswith((BEFORE, PRERECORDED))
            ]
    table = _table(rows)
    goal = _goal(max(worst, default=0.0))
    print(table, goal, sep="\n\n")
    if args.write:
        loads = f"{started_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
        intro = (
            f"Written by `python bench/local_live.py {shlex.join(_without_notes(sys.argv[1:]))}` on {now} at "
            f"{commit or 'this checkout'}, in a run of its own ({os.cpu_count()} logical cores; load average "
            f"{loads}). Medians of {args.rounds} round(s). The script's docstring says what each contender and "
            "column is."
        )
        _write(table, goal, args.note or [], intro)


def _row(contender: str, length: float, results: list[dict[str, float | str]]) -> list[str]:
    def median(key: str) -> float:
        return statistics.median(float(result[key]) for result in results)

    def spread(key: str, digits: int) -> str:
        values = [float(result[key]) for result in results]
        if len(values) < 2:
            return ""
        return f" ({min(values):.{digits}f} to {max(values):.{digits}f})"

    return [
        _length(length),
        contender,
        f"{median('seconds'):.1f}{spread('seconds', 1)}",
        f"{median('cpu'):.1f}{spread('cpu', 1)}",
        f"{median('cpu') / length:.3f}",
        f"{median('rss'):.0f}",
        f"{median('wer'):.3f}",
        ", ".join(str(result["reconnections"]) for result in results),
        ", ".join(str(result["extra"]) for result in results),
        "; ".join(str(result["status"]) for result in results),
    ]


def _label(contender: str, speed: float | None) -> str:
    """The contender as the table names it: a live client's pace included."""
    if speed is None:
        return contender
    return (
        f"{contender} (client: --speed {speed:g})"
        if EMULATOR in contender
        else f"{contender} --speed {speed:g}"
    )


def _length(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def _table(rows: list[list[str]]) -> str:
    header = [
        "recording",
        "contender",
        "wall s",
        "CPU s",
        "CPU s per s of audio",
        "peak RSS MB",
        "WER",
        "ping timeouts",
        "audio kept - sent, s",
        "ended",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _write(table: str, goal: str, notes: list[str], intro: str) -> None:
    from _report import put_section  # noqa: PLC0415  (bench/ is on the path when this runs as a script)

    body = "\n".join([intro, "", table, "", goal, *(f"- {note}" for note in notes)])
    put_section(RESULTS, SECTION, body)
    print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)


def _without_notes(argv: list[str]) -> list[str]:
    """The command's arguments but its `--note`s (they are printed under the table)."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip or arg == "--note" or arg.startswith("--note="):
            skip = arg == "--note"
            continue
        kept.append(arg)
    return kept


def _goal(worst: float) -> str:
    mark = "✅" if worst <= GOAL_CPU_PER_SECOND else "❌"
    return (
        f"- {mark} live (`gladia live --local`, `gladia emulator --engine whisper`) uses at most "
        f"{GOAL_CPU_PER_SECOND} CPU s per second of audio: at most {worst:.3f} in this run."
    )


if __name__ == "__main__":
    main()
