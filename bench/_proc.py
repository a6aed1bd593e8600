"""Running a contender: a fresh process in its own environment; its last stdout line is its JSON report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _envs import ROOT, clean_environ

CONTENDERS = ROOT / "bench" / "contenders"


class ContenderFailed(Exception):
    """A contender crashed, timed out or reported nothing usable. The message never holds the API key."""


_SECRETS: list[str] = []


def hide(secret: str) -> None:
    """Never show `secret` in any output this module passes on."""
    _SECRETS.append(secret)


def redact(text: str) -> str:
    for secret in _SECRETS:
        text = text.replace(secret, "***")
    return text


def contender(
    python: Path,
    script: str,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 1800,
) -> dict[str, Any]:
    """Run `python bench/contenders/SCRIPT ARGS...` and return its report.

    Raises:
        ContenderFailed: it exited with an error, timed out or printed no JSON report.
    """
    command = [str(python), str(CONTENDERS / script), *args]
    name = f"{script} {args[0] if args else ''}".strip()
    try:
        done = subprocess.run(
            command,
            check=False,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**clean_environ(), **(env or {})},
            cwd=CONTENDERS,
        )
    except subprocess.TimeoutExpired:
        raise ContenderFailed(f"{name}: no answer in {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = "\n".join(redact(done.stderr).strip().splitlines()[-12:])
        raise ContenderFailed(f"{name} exited with status {done.returncode}:\n{tail}")
    lines = done.stdout.strip().splitlines()
    try:
        report: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise ContenderFailed(f"{name} printed no report") from None
    return report


@dataclass(frozen=True)
class Run:
    returncode: int
    seconds: float
    stdout: str
    stderr: str  # redacted
    peak_rss_mib: float
    cpu_seconds: float


def run(command: list[str], *, env: dict[str, str] | None = None, watch_memory: bool = False) -> Run:
    """Run a command to its end: its wall time, output, CPU time and, with `watch_memory`, its peak RSS.

    The peak is the child's VmHWM, read every 5 ms while it runs (the kernel's ru_maxrss would count the
    runner's own memory, which the child shares between fork and exec). Without it, peak_rss_mib is 0.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env={**clean_environ(), **(env or {})})
        peak_kib = 0
        status_file = Path(f"/proc/{process.pid}/status")
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if watch_memory else 0)
            if pid:
                break
            try:
                found = re.search(r"^VmHWM:\s+(\d+) kB", status_file.read_text(), re.MULTILINE)
            except OSError:
                found = None
            peak_kib = max(peak_kib, int(found.group(1)) if found else 0)
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            returncode=process.returncode,
            seconds=seconds,
            stdout=out.read().decode(),
            stderr=redact(err.read().decode()),
            peak_rss_mib=peak_kib / 1024,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
        )
