"""The life of a job: `queued`, then `processing`, then `done` or `error`, timed by the configuration.

Each job is a task in the server's event loop. The engine runs in a worker thread, so a slow engine never
blocks the server; the job stays `processing` for the configured time or as long as the engine takes,
whichever is longer. Every way a job can fail ends in `error` with a status code, never in a crash.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
from collections.abc import Callable
from typing import Any

from gladia.testing._audio import NotAudioError
from gladia.testing._config import EmulatorConfig
from gladia.testing._fetch import Fetcher
from gladia.testing._intake import FetchFailed, TooLarge
from gladia.testing._notify import Notifier
from gladia.testing._result import build_result
from gladia.testing._store import Job, Store, StoredFile
from gladia.testing.engines import Engine, EngineError, Transcription, Transcripts

logger = logging.getLogger("gladia.testing")


class JobFailed(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Lifecycle:
    """Runs jobs from `queued` to their end."""

    def __init__(
        self,
        *,
        store: Store,
        fetcher: Fetcher,
        engine: Engine,
        transcripts: Transcripts,
        notifier: Notifier,
        settings: Callable[[], EmulatorConfig],
    ) -> None:
        self._store = store
        self._fetcher = fetcher
        self._engine = engine
        self._transcripts = transcripts
        self._notifier = notifier
        self._settings = settings
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, job: Job) -> asyncio.Task[None]:
        """Run `job` in the background (call from the event loop); the task running it."""
        task = asyncio.get_running_loop().create_task(self._run(job), name=f"gladia-emulator-job-{job.id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def cancel_all(self) -> None:
        """Stop every job still running (their jobs stay as they are)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, job: Job) -> None:
        settings = self._settings()
        await asyncio.sleep(settings.queued_seconds)
        if not self._store.update(job, status="processing"):
            return  # deleted or cleared while queued
        loop = asyncio.get_running_loop()
        started = loop.time()
        planned = settings.processing_seconds
        transcription: Transcription | None = None
        failure: JobFailed | None = None
        try:
            stored = job.file or await self._audio(job)
            planned += settings.realtime_factor * stored.duration
            transcription = await self._transcribe(job, stored, settings)
        except JobFailed as exc:
            failure = exc
        await asyncio.sleep(max(0.0, planned - (loop.time() - started)))
        elapsed = loop.time() - started
        if failure is not None or transcription is None:
            failure = failure or JobFailed(500, "the engine returned nothing")
            self._end_in_error(job, failure)
            return
        file = job.file
        assert file is not None  # set by _audio, or at creation
        try:
            result = build_result(
                transcription,
                job.request_params,
                audio_duration=file.duration,
                transcription_time=elapsed,
                mode=self._settings().addons_mode,
            )
        except Exception as exc:  # an engine returning odd data must still end its job
            logger.exception("building the result of job %s failed", job.id)
            self._end_in_error(job, JobFailed(500, f"the engine's output could not be used: {exc!r}"))
            return
        if self._store.update(job, status="done", result=result, completed_at=_now()):
            logger.info("job %s done after %.1fs", job.id, elapsed)
            self._notifier.job_ended(job, result)

    async def _audio(self, job: Job) -> StoredFile:
        try:
            stored = await self._fetcher.fetch(job.audio_url, job.owner)
        except FetchFailed as exc:
            raise JobFailed(400, str(exc)) from None
        except TooLarge as exc:
            raise JobFailed(413, str(exc)) from None
        except NotAudioError as exc:
            raise JobFailed(422, f"the file at {job.audio_url} is not audio: {exc}") from None
        self._store.update(job, file=stored)
        return stored

    async def _transcribe(self, job: Job, stored: StoredFile, settings: EmulatorConfig) -> Transcription:
        if stored.duration > settings.max_audio_seconds:
            raise JobFailed(
                413,
                f"the audio lasts {stored.duration:.0f}s, longer than the limit of "
                f"{settings.max_audio_seconds:.0f}s",
            )
        audio = stored.engine_input(job.audio_url)
        registration = self._transcripts.find(audio)
        if registration is not None and registration.error_code is not None:
            raise JobFailed(registration.error_code, registration.message or "Transcription failed")
        try:
            return await asyncio.to_thread(self._engine.transcribe, audio, job.request_params)
        except EngineError as exc:
            raise JobFailed(exc.code, exc.message) from None
        except Exception as exc:
            logger.exception("the engine failed on job %s", job.id)
            raise JobFailed(500, f"the engine failed: {exc!r}") from None

    def _end_in_error(self, job: Job, failure: JobFailed) -> None:
        changed = self._store.update(
            job,
            status="error",
            error_code=failure.code,
            error_message=failure.message,
            result=None,
            completed_at=_now(),
        )
        if changed:
            logger.info("job %s ended in error %s: %s", job.id, failure.code, failure.message)
            error: dict[str, Any] = {"code": failure.code, "message": failure.message}
            self._notifier.job_ended(job, error)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)
