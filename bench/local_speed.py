"""Offline transcription of a long file: `gladia transcribe --local` beside faster-whisper called directly.

    uv run --extra local python bench/local_speed.py                 # a 10-minute file, 3 rounds
    uv run --extra local python bench/local_speed.py --minutes 1 --rounds 1

The file is `samples/*.wav` laid end to end until it lasts `--minutes`. Each contender runs in a child
process of its own (so its peak RSS is its own), the same bundled model (tiny.en, int8, CPU) and the same
decoding settings the engine uses (beam 5, word timestamps, VAD). The contenders take turns, round after
round, so a load on the machine falls on all of them alike; the table gives the median of the rounds.

- `floor: sequential`: `WhisperModel.transcribe`, every segment consumed; what the engine did before.
- `floor: batched`: faster-whisper's `BatchedInferencePipeline` (VAD chunks decoded in batches).
- `gladia transcribe --local`: the whole command, from start to the transcript on disk (model load, the
  in-process emulator, upload, create, poll, write).
- with `--before DIR`, `before: gladia transcribe --local`: the same command from another checkout (e.g.
  `git worktree add DIR COMMIT`), run with this environment's packages: before and after in one run.

Wall time depends on what else the machine is doing; CPU seconds (user + system) much less so.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_SEQUENTIAL = "floor: sequential"
FLOOR_BATCHED = "floor: batched"
OURS = "gladia transcribe --local"
BEFORE = "before: gladia transcribe --local"
CONTENDERS = (FLOOR_SEQUENTIAL, FLOOR_BATCHED, OURS)


def make_long_file(directory: Path, minutes: float) -> Path:
    samples = sorted((ROOT / "samples").glob("*.wav"))
    pieces: list[str] = []
    total = 0.0
    durations = {
        path: float(
            subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout
        )
        for path in samples
    }
    while total < minutes * 60:
        for path in samples:
            pieces.append(str(path))
            total += durations[path]
            if total >= minutes * 60:
                break
    out = directory / f"long-{minutes:g}min.wav"
    subprocess.run(["sox", *pieces, str(out)], check=True)
    return out


def floor(audio: str, batched: bool) -> None:
    """In a child process: transcribe `audio` with faster-whisper directly and consume every segment."""
    from faster_whisper import BatchedInferencePipeline, WhisperModel  # noqa: PLC0415

    from gladia.testing.whisper import BATCH_SIZE, resolve_model  # noqa: PLC0415

    location, _ = resolve_model(None)
    model = WhisperModel(location, device="cpu", compute_type="int8")
    settings = {"language": "en", "beam_size": 5, "word_timestamps": True, "vad_filter": True}
    if batched:
        segments, _ = BatchedInferencePipeline(model).transcribe(audio, batch_size=BATCH_SIZE, **settings)
    else:
        segments, _ = model.transcribe(audio, **settings)
    words = sum(len(segment.words or ()) for segment in segments)
    print(json.dumps({"words": words}))


def run_child(
    args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{args} failed ({process.returncode}):\n{stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def command(contender: str, audio: Path, out: Path) -> list[str]:
    if contender in (OURS, BEFORE):
        return [
            sys.executable,
            "-c",
            "from gladia.cli import main; main()",
            "transcribe",
            "--local",
            "--no-state",
            str(audio),
            "-o",
            str(out / "ours.txt"),
        ]
    return [sys.executable, __file__, "--floor", str(audio), "--batched", str(contender == FLOOR_BATCHED)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to measure too, as `before`")
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    parser.add_argument("--batched", default="False", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(args.floor, args.batched == "True")
        return
    with tempfile.TemporaryDirectory(prefix="gladia-speed-") as scratch:
        audio = make_long_file(Path(scratch), args.minutes)
        contenders = (*CONTENDERS, BEFORE) if args.before else CONTENDERS
        seconds: dict[str, list[float]] = {name: [] for name in contenders}
        cpu: dict[str, list[float]] = {name: [] for name in contenders}
        rss: dict[str, list[float]] = {name: [] for name in contenders}
        before_env = None
        if args.before:
            checkout = args.before.resolve()
            before_env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(checkout), str(checkout / "generated")]),
            }
        for round_number in range(args.rounds):
            for contender in contenders:
                # In the checkout's directory too: `python -c` puts the working directory first on sys.path.
                env, cwd = (before_env, args.before) if contender == BEFORE else (None, None)
                took, used, peak = run_child(command(contender, audio, Path(scratch)), env, cwd)
                seconds[contender].append(took)
                cpu[contender].append(used)
                rss[contender].append(peak)
                print(
                    f"round {round_number + 1}: {contender}: {took:.1f} s, {used:.1f} CPU s, {peak:.0f} MB",
                    file=sys.stderr,
                )
        best = min((FLOOR_SEQUENTIAL, FLOOR_BATCHED), key=lambda name: statistics.median(seconds[name]))
        print(f"{args.minutes:g}-minute file, {args.rounds} rounds, medians (range); vs {best}:\n")
        print("| contender | wall seconds | vs floor | CPU seconds | vs floor | peak RSS MB | vs floor |")
        print("|---|---|---|---|---|---|---|")
        for contender in contenders:
            cells = []
            for values, digits in ((seconds, 1), (cpu, 1), (rss, 0)):
                median = statistics.median(values[contender])
                spread = f" ({min(values[contender]):.1f}-{max(values[contender]):.1f})" if digits else ""
                ratio = median / statistics.median(values[best]) - 1
                cells.append(f"{median:.{digits}f}{spread} | {ratio:+.0%}")
            print(f"| {contender} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
