"""The resume state of `gladia transcribe`: an append-only JSON-lines file of how far each audio got.

One line per event, one event per step of one audio:

    {"v": 1, "key": "3f2a...", "event": "uploaded", "source": "a.wav", "audio_url": "https://...", "at": "..."}
    {"v": 1, "key": "3f2a...", "event": "creating", "source": "a.wav", "idempotency_key": "5e0d...", "at": "..."}
    {"v": 1, "key": "3f2a...", "event": "created", "source": "a.wav", "job_id": "9b1c...", "at": "..."}
    {"v": 1, "key": "3f2a...", "event": "done", "source": "a.wav", "job_id": "9b1c...", "output": "a.txt", "at": "..."}
    {"v": 1, "key": "3f2a...", "event": "failed", "source": "a.wav", "job_id": "9b1c...", "error": "...", "at": "..."}

`key` hashes the audio (its content, or its URL), the options and the API URL together, so what was done
for one server or one set of options is never reused for another. `output` is relative to the state
file's folder. The API key is never written.

A re-run reads the events in order: `done` with its output file present means skip; a job id means poll
that job (no upload, no new job); an `audio_url` means create the job from it (no upload). `creating` is
written before the create request leaves, with the idempotency key the job will be tagged with: a re-run
after a crash while that request was in flight (its answer, so the job id, never recorded) passes the
same key, and the SDK returns the job the lost request made instead of creating a second one. `created`
uses the key up. `failed` (the job ended in error) forgets the job and its key, so a re-run creates a new
one. Each event is one `write` of one line
on an unbuffered append-only file: a process killed at any moment loses at most the event it was writing,
and a torn last line is skipped when read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from gladia.cli._errors import CliError
from gladia.cli._shown import shown

STATE_NAME = ".gladia-state.jsonl"
VERSION = 1


def state_key(content: str, options: Mapping[str, Any], api: str) -> str:
    """The key of one audio transcribed with `options` on the API at `api`."""
    canonical = json.dumps(options, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{content}\n{canonical}\n{api}".encode()).hexdigest()


@attrs.define
class Entry:
    """How far one key got."""

    audio_url: str | None = None
    job_id: str | None = None
    creating: str | None = None
    """The idempotency key of a create request sent whose answer was never recorded (a crash)."""
    outputs: set[str] = attrs.field(factory=set)
    """The outputs written (relative to the state file's folder; `-` for stdout)."""


def replay(lines: Iterable[bytes]) -> dict[str, Entry]:
    """The entries the events in `lines` add up to; lines that cannot be read (a torn last one) are skipped."""
    entries: dict[str, Entry] = {}
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if not isinstance(event, dict) or event.get("v") != VERSION or not isinstance(event.get("key"), str):
            continue
        entry = entries.setdefault(event["key"], Entry())
        kind = event.get("event")
        if kind == "uploaded" and isinstance(event.get("audio_url"), str):
            entry.audio_url = event["audio_url"]
        elif kind == "creating" and isinstance(event.get("idempotency_key"), str):
            entry.creating = event["idempotency_key"]
        elif kind == "created" and isinstance(event.get("job_id"), str):
            entry.job_id = event["job_id"]
            entry.creating = None
        elif kind == "done" and isinstance(event.get("output"), str):
            entry.job_id = event.get("job_id") if isinstance(event.get("job_id"), str) else entry.job_id
            entry.outputs.add(event["output"])
        elif kind == "failed":
            entry.job_id = entry.creating = None
    return entries


class StateFile:
    """The state file of one run, open for appending (and locked against a second run) until `close()`.

    Args:
        path: the file; None keeps nothing (`--no-state`).
        resume_jobs: trust uploads and jobs recorded earlier. Off in local mode: the emulator that held
            them ended with the process that made them, so only finished outputs carry over.
    """

    def __init__(self, path: Path | None, *, resume_jobs: bool = True) -> None:
        self.path = path
        self._resume_jobs = resume_jobs
        self._entries: dict[str, Entry] = {}
        self._file: IO[bytes] | None = None
        self._newline_first = False
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        # Never through a symbolic link: one planted in a shared output folder would have each event
        # appended to whatever file it points at.
        flags = (
            os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_symlink():
                raise CliError(
                    f"the state file {shown(str(path))} is a symbolic link; it is not written through one: "
                    "remove it, or pass --state FILE"
                )
            self._file = os.fdopen(os.open(path, flags, 0o666), "a+b", buffering=0)
        except OSError as exc:
            raise CliError(f"cannot open the state file {shown(str(path))}: {exc.strerror or exc}") from None
        _lock(self._file, path)
        self._file.seek(0)
        data = self._file.read() or b""
        self._entries = replay(data.splitlines())
        # A torn last line (a kill mid-write) must not swallow the next event.
        self._newline_first = bool(data) and not data.endswith(b"\n")

    def get(self, key: str) -> Entry:
        """What was recorded for `key` (an empty entry when nothing was)."""
        entry = self._entries.get(key)
        if entry is None:
            return Entry()
        if not self._resume_jobs:
            return Entry(outputs=set(entry.outputs))
        return Entry(entry.audio_url, entry.job_id, entry.creating, set(entry.outputs))

    @property
    def keeps_jobs(self) -> bool:
        """Whether uploads and jobs are recorded (a file is kept, and they outlive this process)."""
        return self._file is not None and self._resume_jobs

    def output_name(self, output: Path | None) -> str:
        """How `output` is recorded: relative to the state file's folder, or `-` for stdout."""
        if output is None:
            return "-"
        if self.path is None:
            return str(output)
        try:
            return os.path.relpath(output.resolve(), self.path.parent.resolve())
        except ValueError:  # another drive, on Windows
            return str(output.resolve())

    def uploaded(self, key: str, source: str, audio_url: str) -> None:
        if self._resume_jobs:
            self._append({"key": key, "event": "uploaded", "source": source, "audio_url": audio_url})

    def creating(self, key: str, source: str, idempotency_key: str) -> None:
        """Record the key of a create request about to leave (call it before sending)."""
        if self._resume_jobs:
            self._append(
                {"key": key, "event": "creating", "source": source, "idempotency_key": idempotency_key}
            )

    def created(self, key: str, source: str, job_id: str) -> None:
        if self._resume_jobs:
            self._append({"key": key, "event": "created", "source": source, "job_id": job_id})

    def done(self, key: str, source: str, job_id: str, output: Path | None) -> None:
        name = self.output_name(output)
        self._append({"key": key, "event": "done", "source": source, "job_id": job_id, "output": name})

    def failed(self, key: str, source: str, job_id: str, error: str) -> None:
        self._append({"key": key, "event": "failed", "source": source, "job_id": job_id, "error": error})

    def _append(self, event: dict[str, Any]) -> None:
        if self._file is None:
            return
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        line = json.dumps({"v": VERSION, **event, "at": at}, ensure_ascii=False) + "\n"
        data = line.encode()
        if self._newline_first:
            data, self._newline_first = b"\n" + data, False
        self._file.write(data)  # unbuffered: one write() call, in the kernel's hands when it returns

    def close(self) -> None:
        if self._file is not None:
            self._file.close()  # also releases the lock
            self._file = None

    def __enter__(self) -> StateFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(file: IO[bytes], path: Path) -> None:
    """Refuse to share the state file with another run: both would upload the same audio."""
    if sys.platform == "win32":  # no flock; two runs on one state file are the user's to avoid
        return
    import fcntl  # noqa: PLC0415  (POSIX only)

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.close()
        raise CliError(
            f"another `gladia transcribe` is using the state file {path}; wait for it to finish, or pass "
            "--state FILE to use another one"
        ) from None
