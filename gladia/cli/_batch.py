"""The run of `gladia transcribe`: every audio through upload, create, poll and write, N at a time.

Each distinct audio (sources with the same content share one job) goes through the SDK's async client
step by step, and each step is recorded in the state file as soon as it is done, so a re-run resumes where
this one stopped (see `gladia.cli._state`). `concurrency` audios are in flight at once, from upload to
written output.

Interrupting (SIGINT, SIGTERM) stops cleanly: no new audio starts, jobs being waited for are left to run
on the server (their ids are recorded), and an upload or a create request already sent is let finish and
recorded, because the server would act on it either way and a re-run must not send it again. A second
interrupt stops at once.
"""

from __future__ import annotations

import asyncio
import signal
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from gladia.cli._errors import one_line
from gladia.cli._outputs import write_atomic
from gladia.cli._progress import ItemProgress, Progress
from gladia.cli._render import render
from gladia.cli._sources import Source
from gladia.cli._state import Entry, StateFile
from gladia.errors import BadRequestError, NotFoundError, TranscriptionError, UnprocessableEntityError
from gladia.prerecorded._outcome import FailedAddon, failed_addons

if TYPE_CHECKING:
    from gladia.prerecorded._client_async import AsyncPreRecordedClient
    from gladia.types import TranscriptionOptions
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

DONE = "done"
SKIPPED = "skipped"
FAILED = "failed"
INTERRUPTED = "interrupted"

# Steps an interrupt may cut short: nothing was sent that the server would act on.
_CANCELLABLE = frozenset({"waiting", "polling"})
# How a job made from an audio_url recorded by an earlier run fails when that upload is gone (expired, or
# deleted with a job): the create request is refused, or the job ends in error with one of these codes.
# Then the audio is uploaded again, once, rather than reported as failed.
_STALE_UPLOAD = (BadRequestError, NotFoundError, UnprocessableEntityError)
_AUDIO_GONE_CODES = frozenset({400, 404, 410})


@attrs.frozen
class Target:
    """One source of an audio, and where its result goes (None: stdout)."""

    source: Source
    output: Path | None


@attrs.frozen
class Work:
    """One distinct audio: its state key, the source to send, and every source that holds it."""

    key: str
    audio: Source
    targets: tuple[Target, ...]


@attrs.frozen
class Outcome:
    """What became of one source."""

    source: Source
    status: str
    output: Path | None = None
    job_id: str | None = None
    error: BaseException | None = None
    job: PreRecordedResponse | None = None
    """The finished job, for a result that goes to stdout."""
    failed_addons: tuple[FailedAddon, ...] = ()
    """The add-ons of a done job that failed (its transcript is still good)."""


class _Stopped(Exception):
    """The run was interrupted between two steps of this audio."""


class Batch:
    """Transcribes `work` with `client`, recording each step in `state` and reporting each source's outcome.

    Args:
        options: Gladia's options, already checked (`audio_url` is added per audio).
        fmt, subtitles_config: how output files are rendered.
        on_outcome: called with each source's outcome as soon as it is known.
        on_audio_url: called with the audio_url of each job about to be created, and its progress line.
        poll_every: look at a job this often, for an in-process emulator (None: the SDK's poll schedule).
    """

    def __init__(
        self,
        client: AsyncPreRecordedClient,
        *,
        options: Mapping[str, Any],
        state: StateFile,
        progress: Progress,
        concurrency: int,
        fmt: str,
        subtitles_config: object = None,
        on_outcome: Callable[[Outcome], None] = lambda outcome: None,
        on_audio_url: Callable[[str, ItemProgress], None] = lambda url, line: None,
        poll_every: float | None = None,
    ) -> None:
        self._client = client
        self._options = dict(options)
        self._state = state
        self._progress = progress
        self._slots = asyncio.Semaphore(concurrency)
        self._fmt = fmt
        self._subtitles_config = subtitles_config
        self._on_outcome = on_outcome
        self._on_audio_url = on_audio_url
        self._poll_every = poll_every
        self._steps: dict[asyncio.Task[None], str] = {}
        self.outcomes: list[Outcome] = []
        self.stopped_by: int | None = None
        """The signal that interrupted the run, if one did."""

    async def run(self, work: Sequence[Work]) -> list[Outcome]:
        """Transcribe every audio; the outcome of each source, in the order they finished."""
        loop = asyncio.get_running_loop()
        tasks = [loop.create_task(self._one(item)) for item in work]
        restore = _handle_signals(loop, self.interrupt)
        try:
            await asyncio.gather(*tasks)
        finally:
            restore()
        return self.outcomes

    def interrupt(self, signum: int = signal.SIGINT) -> None:
        """Stop cleanly (see the module docstring); a second call stops at once."""
        hard = self.stopped_by is not None
        self.stopped_by = self.stopped_by or signum
        finishing = 0
        for task, step in list(self._steps.items()):
            if hard or step in _CANCELLABLE:
                task.cancel()
            else:
                finishing += 1
        if not hard and finishing:
            self._progress.note(
                f"Stopping: letting {finishing} request(s) already sent finish, so they are recorded. "
                "Press Ctrl+C again to stop now."
            )

    # ------------------------------------------------------------------------------------------ one audio

    async def _one(self, work: Work) -> None:
        entry = self._state.get(work.key)
        pending = []
        for target in work.targets:
            name = self._state.output_name(target.output)
            if target.output is not None and name in entry.outputs and target.output.exists():
                self._report(Outcome(target.source, SKIPPED, output=target.output, job_id=entry.job_id))
            else:
                pending.append(target)
        if not pending:
            return
        task = asyncio.current_task()
        assert task is not None
        self._steps[task] = "waiting"
        try:
            async with self._slots:
                self._check_stopped()
                line = self._progress.item(work.audio.label)
                try:
                    job = await self._finished_job(work, entry, line)
                    self._step("writing")
                    while pending:
                        await self._deliver(work, pending[0], job)
                        pending.pop(0)
                finally:
                    line.finish()
        except (_Stopped, asyncio.CancelledError):
            for target in pending:
                self._report(Outcome(target.source, INTERRUPTED))
        except Exception as error:  # noqa: BLE001  (one audio's failure is reported; the others go on)
            job_id = getattr(error, "job_id", None)
            for target in pending:
                self._report(Outcome(target.source, FAILED, job_id=job_id, error=error))
        finally:
            del self._steps[task]

    async def _finished_job(self, work: Work, entry: Entry, line: ItemProgress) -> PreRecordedResponse:
        if entry.job_id is not None:
            try:
                return await self._poll(work, entry.job_id, line)
            except NotFoundError:
                entry = Entry()  # the job was deleted, and its audio with it: start again
        # A create an earlier run sent but never saw answered: its key finds the job it made, if it did.
        unanswered = entry.creating
        if entry.audio_url is not None:
            try:
                return await self._create_and_poll(work, entry.audio_url, line, unanswered)
            except _STALE_UPLOAD:
                pass
            except TranscriptionError as error:
                if error.error_code not in _AUDIO_GONE_CODES:
                    raise
            unanswered = None  # that key's job (if any) is the one that failed: the next one needs its own
        audio_url = await self._upload(work, line)
        return await self._create_and_poll(work, audio_url, line, unanswered)

    async def _upload(self, work: Work, line: ItemProgress) -> str:
        if work.audio.url is not None:
            return work.audio.url  # Gladia fetches it itself
        self._step("uploading")
        line.uploading(0, None)
        uploaded = await self._client.upload_file(work.audio.audio, on_progress=line.uploading)
        self._state.uploaded(work.key, work.audio.label, uploaded.audio_url)
        self._check_stopped()
        return uploaded.audio_url

    async def _create_and_poll(
        self, work: Work, audio_url: str, line: ItemProgress, key: str | None = None
    ) -> PreRecordedResponse:
        self._step("creating")
        line.status("creating the job")
        self._on_audio_url(audio_url, line)
        # Built from command-line flags and checked at run time by create(), not by a type checker.
        options = cast("TranscriptionOptions", {**self._options, "audio_url": audio_url})
        idempotency_key = None
        if self._state.keeps_jobs:
            # Saved before the request leaves: if this process dies before the answer is recorded, the
            # re-run passes the same key and the SDK finds the job instead of making a second one.
            idempotency_key = key or uuid.uuid4().hex
            self._state.creating(work.key, work.audio.label, idempotency_key)
        created = await self._client.create(options, idempotency_key=idempotency_key)
        self._state.created(work.key, work.audio.label, created.id)
        self._check_stopped()
        return await self._poll(work, created.id, line)

    async def _poll(self, work: Work, job_id: str, line: ItemProgress) -> PreRecordedResponse:
        self._step("polling")
        line.status("waiting for the job")
        try:
            if self._poll_every is None:
                return await self._client.poll(job_id, on_status=lambda job: line.status(str(job.status)))
            return await self._poll_local(job_id, line, self._poll_every)
        except TranscriptionError as error:
            self._state.failed(work.key, work.audio.label, job_id, one_line(error))
            raise

    async def _poll_local(self, job_id: str, line: ItemProgress, every: float) -> PreRecordedResponse:
        """Wait for a job of the in-process emulator: a look costs nothing there, so look often.

        (The SDK's schedule, made for Gladia, looks every 3 s: up to 3 s lost on each offline file.)
        """
        status = None
        while True:
            job = await self._client.get(job_id)
            if job.status != status:
                status = job.status
                line.status(str(status))
            if str(status) == "done":
                return job
            if str(status) == "error":
                raise TranscriptionError(job)
            await asyncio.sleep(every)

    async def _deliver(self, work: Work, target: Target, job: PreRecordedResponse) -> None:
        if target.output is not None:
            text = render(job, self._fmt, self._subtitles_config)
            await asyncio.to_thread(write_atomic, target.output, text)
        self._state.done(work.key, target.source.label, job.id, target.output)
        kept = job if target.output is None else None
        self._report(
            Outcome(
                target.source,
                DONE,
                output=target.output,
                job_id=job.id,
                job=kept,
                failed_addons=failed_addons(job),
            )
        )

    # ------------------------------------------------------------------------------------------ helpers

    def _step(self, step: str) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._steps[task] = step

    def _check_stopped(self) -> None:
        if self.stopped_by is not None:
            raise _Stopped

    def _report(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self._progress.finished(outcome.status)
        self._on_outcome(outcome)


def _handle_signals(loop: asyncio.AbstractEventLoop, handler: Callable[[int], None]) -> Callable[[], None]:
    """Call `handler` on SIGINT and SIGTERM while the batch runs; returns what undoes it.

    Where the loop cannot take signals (Windows, or not the main thread), Ctrl+C raises KeyboardInterrupt
    as usual and the state file is still consistent, minus the step in flight.
    """
    installed = []
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is signal.SIG_IGN:
            continue  # ignored on purpose (a background job, nohup): keep it so
        try:
            loop.add_signal_handler(number, handler, number)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        installed.append(number)

    def restore() -> None:
        for number in installed:
            loop.remove_signal_handler(number)

    return restore
