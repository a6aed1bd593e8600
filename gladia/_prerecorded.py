"""Gladia's pre-recorded transcription, sync (`PreRecordedClient`) and async (`AsyncPreRecordedClient`).

Both classes have the same methods with the same meaning. Each method checks its input first (nothing
is sent for bad input), then builds its request with the generated endpoint of `gladia_api`, sends it
through the client's httpx pool (whose transport adds the key, timeouts and retries), and turns the
answer into a generated model or a typed error. The decisions live in pure helpers shared by both.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import random
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Union
from urllib.parse import parse_qs, urlsplit

import httpx

from gladia import _aio
from gladia import _constants as C
from gladia._config import ClientConfig
from gladia._idempotency import AMBIGUOUS_FAILURES, REQUEST_ID_KEY, created_by, tagged
from gladia._job_id import check_job_id
from gladia._logging import logger
from gladia._options import PLACEHOLDER_AUDIO_URL, create_body, warn_about
from gladia._polling import TRANSIENT_ERRORS, Poller, StatusCallback, resolve_poll_timeout
from gladia._response import error_from_response, parse_model
from gladia._retry import RetryPolicy
from gladia._sources import LocalSource, ProgressCallback, Source, UploadBody, UrlSource, classify
from gladia._transport import NOT_REPLAYABLE
from gladia.errors import APIConnectionError, APITimeoutError, GladiaError, ValidationError
from gladia_api import models as M  # each model is imported on first use (PEP 562)
from gladia_api.api.pre_recorded import (
    create_transcription,
    delete_transcription,
    get_transcription,
    get_transcription_file,
    list_transcriptions,
)
from gladia_api.api.upload import upload_file as upload_endpoint

if TYPE_CHECKING:
    from gladia.types import DoneJob, TranscribeOptions, TranscriptionOptions
    from gladia_api.models.audio_upload_response import AudioUploadResponse
    from gladia_api.models.init_pre_recorded_transcription_response import (
        InitPreRecordedTranscriptionResponse,
    )
    from gladia_api.models.init_transcription_request import InitTranscriptionRequest
    from gladia_api.models.job_status_enum import JobStatusEnum
    from gladia_api.models.list_pre_recorded_response import ListPreRecordedResponse
    from gladia_api.models.pre_recorded_response import PreRecordedResponse
from gladia_api.types import parse_datetime

Options = Union["TranscriptionOptions", "InitTranscriptionRequest"]
Destination = Union[str, "os.PathLike[str]", IO[bytes]]
DateArg = Union[dt.datetime, dt.date, str, None]  # noqa: UP007

_RNG = random.Random()

# --------------------------------------------------------------------------------------- pure helpers


def _create_kwargs(body: Mapping[str, Any]) -> dict[str, Any]:
    return create_transcription._get_kwargs(body=M.InitTranscriptionRequest.from_dict(body))


def _upload_url_kwargs(url: str) -> dict[str, Any]:
    return upload_endpoint._get_kwargs(body=M.UploadUrlBody(audio_url=url))


def _list_filters(
    status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None,
    date: DateArg,
    before_date: DateArg,
    after_date: DateArg,
    custom_metadata: Mapping[str, Any] | None,
) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    if status is not None:
        wanted = [status] if isinstance(status, str) else builtins.list(status)
        known = {s.value for s in M.JobStatusEnum}
        unknown = [s for s in wanted if str(s) not in known]
        if unknown:
            raise ValidationError(f"status {unknown[0]!r} is not one of {', '.join(sorted(known))}")
        filters["status"] = [M.JobStatusEnum(str(s)) for s in wanted]
    for name, value in (("date", date), ("before_date", before_date), ("after_date", after_date)):
        if value is not None:
            filters[name] = _as_datetime(name, value)
    if custom_metadata is not None:
        if not isinstance(custom_metadata, Mapping):
            raise ValidationError("custom_metadata must be a dict of the key/value pairs to match")
        filters["custom_metadata"] = M.ListTranscriptionsCustomMetadata.from_dict(dict(custom_metadata))
    return filters


def _as_datetime(name: str, value: dt.datetime | dt.date | str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            return parse_datetime(value)
        except ValueError:
            pass
    raise ValidationError(f"{name} must be a datetime, a date or an ISO 8601 string, got {value!r}")


def _page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(f"page_size must be a whole number >= 1, got {value!r}")
    return value


def _next_offset(page: ListPreRecordedResponse, offset: int) -> int | None:
    """Where the next page starts, or None after the last page."""
    if not page.items or not page.next_:
        return None
    # Gladia has sent `next` wrapped in <...>; read its offset, or count what we received.
    query = parse_qs(urlsplit(page.next_.strip().strip("<>")).query)
    try:
        return int(query["offset"][0])
    except (KeyError, ValueError, IndexError):
        return offset + len(page.items)


def _tag_filter(request_id: str) -> dict[str, Any]:
    # A filter hint only: created_by() checks each job itself, in case the server ignores the filter.
    return {"custom_metadata": M.ListTranscriptionsCustomMetadata.from_dict({REQUEST_ID_KEY: request_id})}


def _created(job: PreRecordedResponse, config: ClientConfig) -> InitPreRecordedTranscriptionResponse:
    logger.warning(
        "creating a job failed, but it had been created: job %s is used, no second job made", job.id
    )
    url = config.api_url.join(get_transcription._get_kwargs(job.id)["url"])
    return M.InitPreRecordedTranscriptionResponse(id=job.id, result_url=str(url))


def _create_backoff(attempt: int) -> float:
    return RetryPolicy().backoff(attempt, _RNG)


def _connection_error(exc: httpx.RequestError, config: ClientConfig) -> APIConnectionError:
    request = getattr(exc, "_request", None)
    method, url = (request.method, str(request.url)) if request is not None else ("", "")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Gladia did not answer in time ({type(exc).__name__}); the SDK already retried what was safe to "
            "retry. Try again, or raise the client's timeout",
            method=method,
            url=url,
        )
    return APIConnectionError(
        f"Could not talk to Gladia at {config.api_url} ({type(exc).__name__}: {exc}); check the network "
        "and api_url. The SDK already retried what was safe to retry",
        method=method,
        url=url,
    )


def _check_destination(destination: object) -> Path | IO[bytes]:
    if isinstance(destination, (str, os.PathLike)):
        path = Path(os.fspath(destination))
        if path.is_dir():
            raise ValidationError(f"{str(path)!r} is a directory; pass the path of the file to write")
        if not path.parent.is_dir():
            raise ValidationError(f"Cannot write {str(path)!r}: its folder does not exist")
        return path
    if hasattr(destination, "write"):
        return destination  # type: ignore[return-value]
    raise ValidationError("destination must be a path or a binary file object opened for writing")


def _temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


# --------------------------------------------------------------------------------------- sync


class PreRecordedClient:
    """Pre-recorded transcription: upload, create, get, list, delete, download, poll and transcribe."""

    def __init__(self, http: httpx.Client, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<PreRecordedClient api_url={str(self._config.api_url)!r}>"

    # ----------------------------------------------------------------------------------- requests

    def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        try:
            response = self._http.request(**kwargs)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        if response.is_error:
            raise error_from_response(response)
        return response

    def upload_file(
        self, source: Source, *, on_progress: ProgressCallback | None = None
    ) -> AudioUploadResponse:
        """Upload local audio (path, bytes or binary file object), or have Gladia fetch an http(s) URL.

        Args:
            source: the audio. A local file is streamed, never read whole into memory.
            on_progress: called as `on_progress(bytes_sent, total_bytes_or_None)` while uploading.

        Returns:
            The upload's `audio_url` (pass it to create()) and `audio_metadata`.
        """
        return self._upload(classify(source, max_bytes=self._config.max_upload_bytes), on_progress)

    def _upload(
        self, source: LocalSource | UrlSource, on_progress: ProgressCallback | None
    ) -> AudioUploadResponse:
        if isinstance(source, UrlSource):
            return parse_model(self._send(_upload_url_kwargs(source.url)), M.AudioUploadResponse)
        body = UploadBody(source, on_progress=on_progress)
        request = self._http.build_request(
            "POST",
            upload_endpoint._get_kwargs()["url"],
            content=body.sync_stream(),
            headers=body.headers,
            extensions={NOT_REPLAYABLE: not source.replayable},
        )
        try:
            response = self._http.send(request)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        if response.is_error:
            raise error_from_response(response)
        return parse_model(response, M.AudioUploadResponse)

    def create(self, options: Options) -> InitPreRecordedTranscriptionResponse:
        """Create a transcription job from options as in Gladia's docs (a dict) or an InitTranscriptionRequest.

        The options are checked first: an invalid one raises InvalidOptionsError and nothing is sent.
        """
        body = create_body(options)
        warn_about(body, stacklevel=2)
        return self._create(body)

    def _create(self, body: Mapping[str, Any]) -> InitPreRecordedTranscriptionResponse:
        body, request_id = tagged(body)
        kwargs = _create_kwargs(body)
        attempts = self._config.max_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return parse_model(self._send(kwargs), M.InitPreRecordedTranscriptionResponse)
            except AMBIGUOUS_FAILURES as error:
                try:
                    found = created_by(
                        self._pages(_tag_filter(request_id), C.RECONCILE_SCAN, C.RECONCILE_SCAN), request_id
                    )
                except GladiaError:
                    raise error from None  # cannot tell whether the job exists: never risk a second one
                if found is not None:
                    return _created(found, self._config)
                if attempt == attempts:
                    raise
                logger.warning(
                    "creating a job failed (%s) and no job was created; trying again", type(error).__name__
                )
                time.sleep(_create_backoff(attempt))
        raise AssertionError("unreachable")

    def get(self, job_id: str) -> PreRecordedResponse:
        """The job as it is now: its status, and its result once done."""
        kwargs = get_transcription._get_kwargs(check_job_id(job_id))
        return parse_model(self._send(kwargs), M.PreRecordedResponse)

    def delete(self, job_id: str) -> None:
        """Delete a finished job and its audio from Gladia."""
        self._send(delete_transcription._get_kwargs(check_job_id(job_id)))

    def download(
        self, job_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None
    ) -> int:
        """Stream the job's audio into a file path or a binary file object; return the bytes written.

        A path is written to a temporary file beside it and renamed at the end, so it never holds half a file.
        """
        kwargs = get_transcription_file._get_kwargs(check_job_id(job_id))
        target = _check_destination(destination)
        if isinstance(target, Path):
            partial = _temporary_sibling(target)
            try:
                with partial.open("wb") as handle:
                    written = self._download_into(kwargs, handle, on_progress)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            return written
        return self._download_into(kwargs, target, on_progress)

    def download_bytes(self, job_id: str) -> bytes:
        """The job's audio, in memory. Prefer download() for long recordings."""
        return self._send(get_transcription_file._get_kwargs(check_job_id(job_id))).content

    def _download_into(
        self, kwargs: dict[str, Any], handle: IO[bytes], on_progress: ProgressCallback | None
    ) -> int:
        written = 0
        try:
            with self._http.stream(**kwargs) as response:
                if response.is_error:
                    response.read()
                    raise error_from_response(response)
                total = (
                    int(response.headers["content-length"]) if "content-length" in response.headers else None
                )
                for chunk in response.iter_bytes(C.UPLOAD_CHUNK_BYTES):
                    handle.write(chunk)
                    written += len(chunk)
                    if on_progress is not None:
                        on_progress(written, total)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        return written

    # ----------------------------------------------------------------------------------- flows

    def poll(
        self,
        job_id: str,
        *,
        timeout: float | None = C.POLL_TIMEOUT,
        on_status: StatusCallback | None = None,
    ) -> DoneJob:
        """Wait until the job is done and return it.

        Args:
            job_id: the id from create() (`job.id`).
            timeout: the longest to wait, in seconds (None waits without limit).
            on_status: called with the job each time its status changes.

        Raises:
            TranscriptionError: the job ended with status `error` (the whole job is in `.job`).
            PollTimeoutError: still running at the deadline; call poll(job_id) again to keep waiting.
        """
        job_id = check_job_id(job_id)
        return self._poll(Poller(job_id, timeout=resolve_poll_timeout(timeout), on_status=on_status))

    def _poll(self, poller: Poller) -> DoneJob:
        while True:
            try:
                outcome = poller.observed(self.get(poller.job_id))
            except TRANSIENT_ERRORS as error:
                outcome = poller.failed(error)
            if isinstance(outcome, M.PreRecordedResponse):
                return outcome
            time.sleep(outcome)

    def create_and_poll(
        self,
        options: Options,
        *,
        timeout: float | None = C.POLL_TIMEOUT,
        on_status: StatusCallback | None = None,
    ) -> DoneJob:
        """create() then poll(): the finished job for options that include `audio_url`."""
        body = create_body(options)
        warn_about(body, stacklevel=2)
        poll_timeout = resolve_poll_timeout(timeout)
        job = self._create(body)
        return self._poll(Poller(job.id, timeout=poll_timeout, on_status=on_status))

    def transcribe(
        self,
        source: Source,
        options: TranscribeOptions | None = None,
        *,
        timeout: float | None = C.POLL_TIMEOUT,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> DoneJob:
        """Transcribe a local file, bytes, a binary file object or an http(s) URL; return the finished job.

        Everything is checked before anything is sent: a bad option never costs an upload. A URL is
        passed to Gladia as `audio_url`; local audio is uploaded first.

        Args:
            source: the audio.
            options: Gladia's transcription options, as a dict (as in Gladia's docs) or an InitTranscriptionRequest.
            timeout: the longest to wait for the result, in seconds (None: no limit).
            on_status: called with the job each time its status changes.
            on_progress: called as `on_progress(bytes_sent, total_bytes_or_None)` while uploading.

        Raises:
            ValidationError: bad source or options (nothing was sent).
            TranscriptionError: the job failed; PollTimeoutError: not done in time (resume with poll(job_id)).
            APIError, APIConnectionError: what Gladia or the network answered, after safe retries.
        """
        audio = classify(source, max_bytes=self._config.max_upload_bytes)
        checked = create_body(
            options, audio_url=audio.url if isinstance(audio, UrlSource) else PLACEHOLDER_AUDIO_URL
        )
        warn_about(checked, stacklevel=2)
        poll_timeout = resolve_poll_timeout(timeout)
        if isinstance(audio, LocalSource):
            checked["audio_url"] = self._upload(audio, on_progress).audio_url
        job = self._create(checked)
        return self._poll(Poller(job.id, timeout=poll_timeout, on_status=on_status))

    # ----------------------------------------------------------------------------------- listing (last: it
    # shadows the builtin `list` inside this class body)

    def list(
        self,
        *,
        status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None = None,
        date: DateArg = None,
        before_date: DateArg = None,
        after_date: DateArg = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = C.LIST_PAGE_SIZE,
        max_items: int | None = None,
    ) -> Iterator[PreRecordedResponse]:
        """Iterate over jobs, newest first, fetching pages lazily as the iteration reaches them.

        Args:
            status: only jobs in this status (or these statuses).
            date, before_date, after_date: only jobs created that day, before, or after (datetime or ISO string).
            custom_metadata: only jobs whose custom metadata holds these key/value pairs.
            page_size: jobs per request.
            max_items: stop after this many jobs.
        """
        filters = _list_filters(status, date, before_date, after_date, custom_metadata)
        size = _page_size(page_size)
        return self._pages(filters, size, max_items)

    def _pages(
        self, filters: dict[str, Any], size: int, max_items: int | None
    ) -> Iterator[PreRecordedResponse]:
        offset: int | None = 0
        yielded = 0
        while offset is not None and (max_items is None or yielded < max_items):
            kwargs = list_transcriptions._get_kwargs(offset=offset, limit=size, **filters)
            page = parse_model(self._send(kwargs), M.ListPreRecordedResponse)
            for job in page.items:
                if max_items is not None and yielded >= max_items:
                    return
                yielded += 1
                yield job
            offset = _next_offset(page, offset)


# --------------------------------------------------------------------------------------- async


class AsyncPreRecordedClient:
    """The async sibling of PreRecordedClient: the same methods, awaited (list() is an async iterator)."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<AsyncPreRecordedClient api_url={str(self._config.api_url)!r}>"

    async def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        try:
            response = await self._http.request(**kwargs)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        if response.is_error:
            raise error_from_response(response)
        return response

    async def upload_file(
        self, source: Source, *, on_progress: ProgressCallback | None = None
    ) -> AudioUploadResponse:
        """Upload local audio, or have Gladia fetch an http(s) URL (see PreRecordedClient.upload_file)."""
        audio = await _aio.in_thread(
            lambda: classify(source, max_bytes=self._config.max_upload_bytes, preload=C.ASYNC_PRELOAD_BYTES)
        )
        return await self._upload(audio, on_progress)

    async def _upload(
        self, source: LocalSource | UrlSource, on_progress: ProgressCallback | None
    ) -> AudioUploadResponse:
        if isinstance(source, UrlSource):
            return parse_model(await self._send(_upload_url_kwargs(source.url)), M.AudioUploadResponse)
        body = UploadBody(source, on_progress=on_progress)
        request = self._http.build_request(
            "POST",
            upload_endpoint._get_kwargs()["url"],
            content=body.async_stream(),
            headers=body.headers,
            extensions={NOT_REPLAYABLE: not source.replayable},
        )
        try:
            response = await self._http.send(request)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        if response.is_error:
            raise error_from_response(response)
        return parse_model(response, M.AudioUploadResponse)

    async def create(self, options: Options) -> InitPreRecordedTranscriptionResponse:
        """Create a transcription job (see PreRecordedClient.create)."""
        body = create_body(options)
        warn_about(body, stacklevel=2)
        return await self._create(body)

    async def _create(self, body: Mapping[str, Any]) -> InitPreRecordedTranscriptionResponse:
        body, request_id = tagged(body)
        kwargs = _create_kwargs(body)
        attempts = self._config.max_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return parse_model(await self._send(kwargs), M.InitPreRecordedTranscriptionResponse)
            except AMBIGUOUS_FAILURES as error:
                try:
                    jobs = self._pages(_tag_filter(request_id), C.RECONCILE_SCAN, C.RECONCILE_SCAN)
                    found = created_by([job async for job in jobs], request_id)
                except GladiaError:
                    raise error from None  # cannot tell whether the job exists: never risk a second one
                if found is not None:
                    return _created(found, self._config)
                if attempt == attempts:
                    raise
                logger.warning(
                    "creating a job failed (%s) and no job was created; trying again", type(error).__name__
                )
                await _aio.sleep(_create_backoff(attempt))
        raise AssertionError("unreachable")

    async def get(self, job_id: str) -> PreRecordedResponse:
        """The job as it is now: its status, and its result once done."""
        kwargs = get_transcription._get_kwargs(check_job_id(job_id))
        return parse_model(await self._send(kwargs), M.PreRecordedResponse)

    async def delete(self, job_id: str) -> None:
        """Delete a finished job and its audio from Gladia."""
        await self._send(delete_transcription._get_kwargs(check_job_id(job_id)))

    async def download(
        self, job_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None
    ) -> int:
        """Stream the job's audio into a path or binary file object (see PreRecordedClient.download)."""
        kwargs = get_transcription_file._get_kwargs(check_job_id(job_id))
        target = _check_destination(destination)
        if isinstance(target, Path):
            partial = _temporary_sibling(target)
            try:
                handle = await _aio.in_thread(lambda: partial.open("wb"))
                try:
                    written = await self._download_into(kwargs, handle, on_progress)
                finally:
                    await _aio.in_thread(handle.close)
                await _aio.in_thread(os.replace, partial, target)
            finally:
                await _aio.in_thread(lambda: partial.unlink(missing_ok=True))
            return written
        return await self._download_into(kwargs, target, on_progress)

    async def download_bytes(self, job_id: str) -> bytes:
        """The job's audio, in memory. Prefer download() for long recordings."""
        return (await self._send(get_transcription_file._get_kwargs(check_job_id(job_id)))).content

    async def _download_into(
        self, kwargs: dict[str, Any], handle: IO[bytes], on_progress: ProgressCallback | None
    ) -> int:
        written = 0
        try:
            async with self._http.stream(**kwargs) as response:
                if response.is_error:
                    await response.aread()
                    raise error_from_response(response)
                total = (
                    int(response.headers["content-length"]) if "content-length" in response.headers else None
                )
                async for chunk in response.aiter_bytes(C.UPLOAD_CHUNK_BYTES):
                    await _aio.in_thread(handle.write, chunk)
                    written += len(chunk)
                    if on_progress is not None:
                        on_progress(written, total)
        except httpx.RequestError as exc:
            raise _connection_error(exc, self._config) from exc
        return written

    async def poll(
        self, job_id: str, *, timeout: float | None = C.POLL_TIMEOUT, on_status: StatusCallback | None = None
    ) -> DoneJob:
        """Wait until the job is done and return it (see PreRecordedClient.poll)."""
        job_id = check_job_id(job_id)
        poller = Poller(job_id, timeout=resolve_poll_timeout(timeout), on_status=on_status)
        return await self._poll(poller)

    async def _poll(self, poller: Poller) -> DoneJob:
        while True:
            try:
                outcome = poller.observed(await self.get(poller.job_id))
            except TRANSIENT_ERRORS as error:
                outcome = poller.failed(error)
            if isinstance(outcome, M.PreRecordedResponse):
                return outcome
            await _aio.sleep(outcome)

    async def create_and_poll(
        self,
        options: Options,
        *,
        timeout: float | None = C.POLL_TIMEOUT,
        on_status: StatusCallback | None = None,
    ) -> DoneJob:
        """create() then poll() (see PreRecordedClient.create_and_poll)."""
        body = create_body(options)
        warn_about(body, stacklevel=2)
        poll_timeout = resolve_poll_timeout(timeout)
        job = await self._create(body)
        return await self._poll(Poller(job.id, timeout=poll_timeout, on_status=on_status))

    async def transcribe(
        self,
        source: Source,
        options: TranscribeOptions | None = None,
        *,
        timeout: float | None = C.POLL_TIMEOUT,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> DoneJob:
        """Transcribe local audio or an http(s) URL; return the finished job (see PreRecordedClient.transcribe)."""
        audio = await _aio.in_thread(
            lambda: classify(source, max_bytes=self._config.max_upload_bytes, preload=C.ASYNC_PRELOAD_BYTES)
        )
        checked = create_body(
            options, audio_url=audio.url if isinstance(audio, UrlSource) else PLACEHOLDER_AUDIO_URL
        )
        warn_about(checked, stacklevel=2)
        poll_timeout = resolve_poll_timeout(timeout)
        if isinstance(audio, LocalSource):
            checked["audio_url"] = (await self._upload(audio, on_progress)).audio_url
        job = await self._create(checked)
        return await self._poll(Poller(job.id, timeout=poll_timeout, on_status=on_status))

    def list(
        self,
        *,
        status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None = None,
        date: DateArg = None,
        before_date: DateArg = None,
        after_date: DateArg = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = C.LIST_PAGE_SIZE,
        max_items: int | None = None,
    ) -> AsyncIterator[PreRecordedResponse]:
        """Iterate (`async for`) over jobs, newest first, fetching pages lazily (see PreRecordedClient.list)."""
        filters = _list_filters(status, date, before_date, after_date, custom_metadata)
        return self._pages(filters, _page_size(page_size), max_items)

    async def _pages(
        self, filters: dict[str, Any], size: int, max_items: int | None
    ) -> AsyncIterator[PreRecordedResponse]:
        offset: int | None = 0
        yielded = 0
        while offset is not None and (max_items is None or yielded < max_items):
            kwargs = list_transcriptions._get_kwargs(offset=offset, limit=size, **filters)
            page = parse_model(await self._send(kwargs), M.ListPreRecordedResponse)
            for job in page.items:
                if max_items is not None and yielded >= max_items:
                    return
                yielded += 1
                yield job
            offset = _next_offset(page, offset)
