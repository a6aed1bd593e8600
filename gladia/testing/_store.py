"""The emulator's state on disk and in memory: stored audio files and jobs. Thread-safe.

The server's event loop writes; a test's thread reads (`Emulator.job`), so every read and every change of
a job happens under one lock and readers get copies.
"""

from __future__ import annotations

import copy
import datetime
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from gladia.testing._errors import utc_timestamp
from gladia.testing.engines import AudioInput


@attrs.frozen(kw_only=True)
class StoredFile:
    """An audio file the emulator holds, and what was read from it."""

    id: str
    path: Path
    filename: str
    size: int
    sha256: str
    extension: str
    duration: float
    channels: int
    source: str | None = None
    owner: str | None = None
    """The API key (account) that uploaded or fetched it; only that key may use it."""

    def upload_metadata(self) -> dict[str, Any]:
        """The `audio_metadata` of an upload response."""
        found: dict[str, Any] = {"id": self.id, "filename": self.filename}
        if self.source is not None:
            found["source"] = self.source
        found.update(
            extension=self.extension,
            size=self.size,
            audio_duration=self.duration,
            number_of_channels=self.channels,
        )
        return found

    def job_file(self) -> dict[str, Any]:
        """The `file` block of a job."""
        return {
            "id": self.id,
            "filename": self.filename,
            "source": self.source,
            "audio_duration": self.duration,
            "number_of_channels": self.channels,
        }

    def engine_input(self, url: str | None) -> AudioInput:
        return AudioInput(
            path=self.path,
            sha256=self.sha256,
            filename=self.filename,
            duration=self.duration,
            channels=self.channels,
            url=url,
            source=self.source,
        )


@attrs.define(kw_only=True)
class Job:
    """A pre-recorded job. Change it only through `Store.update`."""

    id: str
    created_at: datetime.datetime
    audio_url: str
    request_params: dict[str, Any]
    custom_metadata: dict[str, Any] | None
    status: str = "queued"
    file: StoredFile | None = None
    completed_at: datetime.datetime | None = None
    error_code: int | None = None
    error_message: str | None = None
    result: dict[str, Any] | None = None
    owner: str | None = None
    """The API key (account) that created it; to any other key it does not exist."""

    @property
    def request_id(self) -> str:
        return "G-" + self.id[:8]

    @property
    def finished(self) -> bool:
        return self.status in ("done", "error")

    def to_json(self) -> dict[str, Any]:
        """The job as `GET /v2/pre-recorded/{id}` returns it (sharing nested values: copy before handing out)."""
        found: dict[str, Any] = {
            "id": self.id,
            "request_id": self.request_id,
            "version": 2,
            "status": self.status,
            "created_at": utc_timestamp(self.created_at),
            "completed_at": utc_timestamp(self.completed_at) if self.completed_at else None,
            "custom_metadata": self.custom_metadata,
            "error_code": self.error_code,
            "kind": "pre-recorded",
            "file": self.file.job_file() if self.file else None,
            "request_params": self.request_params,
            "result": self.result,
        }
        if self.error_message is not None:
            # The document gives a job no field for why it failed: the reason is only in the error callback,
            # as `{code, message}`. The emulator puts that same object in the free-form diagnostics object
            # the document does have, so any client (and a failing test) can say why.
            found["post_session_metadata"] = {
                "error": {"code": self.error_code, "message": self.error_message}
            }
        return found


class Store:
    """Stored files and jobs, and the directory the files live in."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.RLock()
        self._files: dict[str, StoredFile] = {}
        self._jobs: dict[str, Job] = {}

    # ------------------------------------------------------------------------------------------------ files

    def new_file_path(self) -> tuple[str, Path]:
        """A fresh file id and the path its content goes to (no extension: formats are read from content)."""
        file_id = str(uuid.uuid4())
        return file_id, self.directory / file_id

    def add_file(self, stored: StoredFile) -> StoredFile:
        with self._lock:
            self._files[stored.id] = stored
        return stored

    def file(self, file_id: str) -> StoredFile | None:
        with self._lock:
            return self._files.get(file_id)

    def discard_file_if_unused(self, stored: StoredFile) -> None:
        """Remove a file from disk once no remaining job refers to it."""
        with self._lock:
            if any(job.file is not None and job.file.id == stored.id for job in self._jobs.values()):
                return
            self._files.pop(stored.id, None)
        stored.path.unlink(missing_ok=True)

    # ------------------------------------------------------------------------------------------------ jobs

    def add_job(self, job: Job) -> Job:
        with self._lock:
            self._jobs[job.id] = job
        return job

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def snapshot(self, job_id: str) -> dict[str, Any] | None:
        """A deep copy of the job's JSON, consistent even while the job changes."""
        with self._lock:
            job = self._jobs.get(job_id)
            return copy.deepcopy(job.to_json()) if job else None

    def snapshots(
        self, keep: Callable[[Job], bool] | None = None, offset: int = 0, limit: int | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        """How many jobs `keep` accepts (all when None), and deep copies of the JSON of a page of them.

        Jobs are newest first; the page starts at `offset` and holds at most `limit` (all when None).
        """
        with self._lock:
            # Creation order is insertion order: no sort needed.
            jobs = [j for j in reversed(self._jobs.values()) if keep is None or keep(j)]
            end = None if limit is None else offset + limit
            return len(jobs), [copy.deepcopy(j.to_json()) for j in jobs[offset:end]]

    def update(self, job: Job, **changes: Any) -> bool:
        """Apply `changes` to a job still in the store; False when it was deleted or cleared meanwhile."""
        with self._lock:
            if self._jobs.get(job.id) is not job:
                return False
            for name, value in changes.items():
                setattr(job, name, value)
            return True

    def remove_job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.pop(job_id, None)

    def clear(self) -> None:
        """Forget every job and delete every stored file."""
        with self._lock:
            files = list(self._files.values())
            self._files.clear()
            self._jobs.clear()
        for stored in files:
            stored.path.unlink(missing_ok=True)
