"""Gladia's pre-recorded transcription: upload, create, get, list, delete, download, poll and transcribe.

Each method checks its input first (nothing is sent for bad input), describes each request it makes as a
`RequestOptions` (gladia/prerecorded/_requests.py: with the call's own overrides), sends it through the
one request path (gladia/_core/send_async.py) and turns the answer into a generated model. The decisions
(retries, deadlines, polling, whether a job may exist) are pure helpers.

This module is the source of gladia/prerecorded/_client_sync.py, PreRecordedClient (scripts/unasync.py).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx

from gladia._core import aio, clock
from gladia._core import constants as C
from gladia._core.config import UNSET, ClientConfig
from gladia._core.deadline import NO_DEADLINE, Deadline
from gladia._core.job_id import check_job_id
from gladia._core.log import logger
from gladia._core.pages import DateArg, ListQuery, list_query, next_offset
from gladia._core.pages_async import AsyncJobList
from gladia._core.request import Body, CallOptions, Headers, HttpTimeout, Query, RequestOptions
from gladia._core.retry import RetryBudget, next_attempt_delay
from gladia._core.send_async import download, send
from gladia.errors import GladiaError
from gladia.prerecorded._idempotency import (
    CannotTell,
    check_idempotency_key,
    created_by,
    may_exist,
    may_have_created,
    older_than_cutoff,
    tagged,
)
from gladia.prerecorded._options import PLACEHOLDER_AUDIO_URL, warn_about
from gladia.prerecorded._polling import TRANSIENT_ERRORS, Poller, StatusCallback, look_deadline
from gladia.prerecorded._raw_async import wrap, wrap_list
from gladia.prerecorded._requests import (
    Common,
    Destination,
    Options,
    Requests,
    check_destination,
    checked_options,
    created,
    found,
    poller,
    temporary_sibling,
)
from gladia.prerecorded._sources import LocalSource, ProgressCallback, Source, UploadBody, UrlSource, classify
from gladia_api import models as M  # each model is imported on first use (PEP 562)

if TYPE_CHECKING:
    from gladia.types import DoneJob, ListParams, TranscribeOptions
    from gladia_api.models.audio_upload_response import AudioUploadResponse
    from gladia_api.models.init_pre_recorded_transcription_response import (
        InitPreRecordedTranscriptionResponse,
    )
    from gladia_api.models.job_status_enum import JobStatusEnum
    from gladia_api.models.list_pre_recorded_response import ListPreRecordedResponse
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

_RNG = random.Random()


class AsyncPreRecordedClient(Common):
    """Pre-recorded transcription: upload, create, get, list, delete, download, poll and transcribe.

    Every request method also takes `extra_headers=`, `extra_query=`, `extra_body=` (merged into a JSON
    body, unchecked) and `timeout=` (this call's HTTP timeout: a number bounds each request as a whole),
    applied to each request the call makes; `poll`, `create_and_poll` and `transcribe` name the HTTP
    timeout `request_timeout=`, their `wait_timeout=` being the job deadline.
    """

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._requests = Requests(config)
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<{type(self).__name__} api_url={self._config.display_url!r}>"

    async def _send(self, options: RequestOptions) -> httpx.Response:
        return self._received(await send(self._http, self._config, options))

    @property
    def with_raw_response(self) -> AsyncPreRecordedWithRawResponse:
        """The one-request methods answering a RawResponse (status, headers, request id, `.parse()`)."""
        return AsyncPreRecordedWithRawResponse(self)

    # ----------------------------------------------------------------------------------- requests

    async def upload_file(
        self,
        source: Source,
        *,
        on_progress: ProgressCallback | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> AudioUploadResponse:
        """Upload local audio (path, bytes or binary file object), or have Gladia fetch an http(s) URL.

        Args:
            source: the audio. A local file is streamed, never read whole into memory.
            on_progress: called as `on_progress(bytes_sent, total_bytes_or_None)` while uploading.

        Returns:
            The upload's `audio_url` (pass it to create()) and `audio_metadata`.

        Raises:
            SourceChangedError: the file grew or shrank while it was sent.
            SourceNotReplayableError: a pipe had to be sent again (a retry or a redirect).
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        audio = await self._classify(source)
        return await self._upload(audio, on_progress, call, NO_DEADLINE)

    async def _classify(self, source: Source) -> LocalSource | UrlSource:
        limit = self._config.max_upload_bytes
        return await aio.in_thread(
            lambda: classify(
                source, max_bytes=limit, preload=C.ASYNC_PRELOAD_BYTES, async_iterables=aio.ASYNC
            )
        )

    async def _upload(
        self,
        source: LocalSource | UrlSource,
        on_progress: ProgressCallback | None,
        call: CallOptions,
        deadline: Deadline,
    ) -> AudioUploadResponse:
        if isinstance(source, UrlSource):
            options = self._requests.upload_url(source.url, call, deadline)
        else:
            options = self._requests.upload_file(UploadBody(source, on_progress=on_progress), call, deadline)
        return self._requests.uploaded(await self._send(options))

    async def create(
        self,
        options: Options,
        *,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> InitPreRecordedTranscriptionResponse:
        """Create a transcription job from options as in Gladia's docs (a dict) or an InitTranscriptionRequest.

        The options are checked first: an invalid one raises InvalidOptionsError and nothing is sent. A
        failure that may have created the job is never answered with a second job (see README, Reliability):
        the SDK finds the job, or tries again once it knows there is none, or raises JobMayExistError.

        Args:
            options: the job's options.
            idempotency_key: your key for this job (e.g. `uuid.uuid4().hex`, saved before the call): if a
                job was created with this key already (by a call that crashed, say), it is returned and
                none is created. It becomes the job's `custom_metadata.gladia_sdk_request_id`.
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        key = check_idempotency_key(idempotency_key)
        body = checked_options(options)
        warn_about(body, stacklevel=2)
        return await self._create(body, key, call, NO_DEADLINE)

    async def _create(
        self, body: Mapping[str, Any], key: str | None, call: CallOptions, deadline: Deadline
    ) -> InitPreRecordedTranscriptionResponse:
        body, tag = tagged(body, key)
        since = clock.now()
        if key is not None:
            earlier = await self._look_before(tag, since, call, deadline)
            if earlier is not None:
                return found(earlier, self._config, tag, earlier=True)
        budget = RetryBudget(self._config.max_retries)
        options = self._requests.create(body, tag, call, budget, deadline)
        while True:
            try:
                answer = self._requests.parse(
                    await self._send(options), M.InitPreRecordedTranscriptionResponse
                )
            except GladiaError as error:
                if not may_have_created(error):
                    raise
                made = await self._look_for(tag, since, call, deadline, error)
                if made is not None:
                    return found(made, self._config, tag)
                delay = next_attempt_delay(budget, deadline, _RNG)
                if delay is None:
                    raise
                logger.info(
                    "creating a job failed (%s) and no job was created; trying again", type(error).__name__
                )
                await clock.asleep(delay)
            else:
                return created(answer.id, answer.result_url, self._config, tag)

    async def _look_for(
        self, tag: str, since: dt.datetime, call: CallOptions, deadline: Deadline, error: GladiaError
    ) -> PreRecordedResponse | None:
        """The job the failed create made, None when there is none, or JobMayExistError."""
        bounded = deadline.shifted(C.DEADLINE_GRACE)
        try:
            for delay in (0.0, *C.RECONCILE_LOOK_DELAYS):
                if delay:
                    if not bounded.allows(delay):
                        raise CannotTell("no time was left to look again, and the job list may lag")
                    await clock.asleep(delay)
                job = await self._look_once(tag, since, call, bounded)
                if job is not None:
                    return job
            return None
        except (GladiaError, CannotTell) as why:
            raise may_exist(tag, error, why) from error

    async def _look_before(
        self, tag: str, since: dt.datetime, call: CallOptions, deadline: Deadline
    ) -> PreRecordedResponse | None:
        """The job an earlier call with this idempotency key made, if any (looked up before creating)."""
        try:
            return await self._look_once(tag, since, call, deadline.shifted(C.DEADLINE_GRACE))
        except CannotTell as why:  # a failed request is raised as itself: nothing was created, call again
            raise may_exist(tag, None, why) from why

    async def _look_once(
        self, tag: str, since: dt.datetime, call: CallOptions, deadline: Deadline
    ) -> PreRecordedResponse | None:
        offset = 0
        for _ in range(C.RECONCILE_MAX_PAGES):
            options = self._requests.lookup_page(tag, offset, call, deadline)
            page: ListPreRecordedResponse = self._requests.parse(
                await self._send(options), M.ListPreRecordedResponse
            )
            job = created_by(page.items, tag)
            if job is not None:
                return job
            following = next_offset(page, offset)
            if following is None or older_than_cutoff(page.items, since):
                return None
            offset = following
        raise CannotTell(
            f"more than {offset} jobs were listed since the first attempt without reaching its time"
        )

    async def get(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> PreRecordedResponse:
        """The job as it is now: its status, and its result once done."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        return await self._get_within(check_job_id(job_id), call, NO_DEADLINE)

    async def _get_within(self, job_id: str, call: CallOptions, deadline: Deadline) -> PreRecordedResponse:
        options = self._requests.get(job_id, call, deadline)
        job: PreRecordedResponse = self._requests.parse(await self._send(options), M.PreRecordedResponse)
        return job

    async def delete(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> None:
        """Delete a finished job and its audio from Gladia."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        await self._send(self._requests.delete(check_job_id(job_id), call))

    async def download(
        self,
        job_id: str,
        destination: Destination,
        *,
        on_progress: ProgressCallback | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> int:
        """Stream the job's audio into a file path or a binary file object; return the bytes written.

        A path is written to a temporary file of its own beside it and renamed at the end, so it never
        holds half a file; of two downloads to one path, the last to finish wins.
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        options = self._requests.download(check_job_id(job_id), call)
        target = check_destination(destination)
        if not isinstance(target, Path):
            return await self._download_into(options, target, on_progress)
        handle, partial = await aio.in_thread(temporary_sibling, target)
        try:
            try:
                written = await self._download_into(options, handle, on_progress)
            finally:
                await aio.in_thread(handle.close)
            await aio.in_thread(os.replace, partial, target)
        finally:
            await aio.in_thread(lambda: partial.unlink(missing_ok=True))
        return written

    async def download_bytes(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> bytes:
        """The job's audio, in memory. Prefer download() for long recordings."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        buffer = bytearray()
        options = self._requests.download(check_job_id(job_id), call)
        await self._download_into(options, buffer, None, limit=C.MAX_DOWNLOAD_BYTES_IN_MEMORY)
        return bytes(buffer)

    async def get_file(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> bytes:
        """The job's audio, in memory: gladiaio-sdk's name for download_bytes() (the same request and limits)."""
        return await self.download_bytes(
            job_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def _download_into(
        self,
        options: RequestOptions,
        handle: IO[bytes] | bytearray,
        on_progress: ProgressCallback | None,
        limit: int | None = None,
    ) -> int:
        return await download(self._http, self._config, options, handle, on_progress, limit, self._received)

    # ----------------------------------------------------------------------------------- flows

    async def poll(
        self,
        job_id: str,
        *,
        wait_timeout: float | None = UNSET,
        on_status: StatusCallback | None = None,
        timeout: float | None = UNSET,
        interval: float | None = None,
        request_timeout: HttpTimeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> DoneJob:
        """Wait until the job is done and return it.

        Args:
            job_id: the id from create() (`job.id`).
            wait_timeout: the longest to wait, in seconds (7200 when omitted; None waits without limit).
                It bounds everything: poll returns or raises by then (plus a couple of seconds for a
                look already begun).
            on_status: called with the job each time its status changes.
            interval: a fixed wait between looks, in seconds (gladiaio-sdk's keyword), instead of the
                SDK's schedule (at once, after 2 s, 2.5 s, then every 3 s, jittered).
            timeout: gladiaio-sdk's name for wait_timeout (the total wait, never a request timeout):
                silent beside `interval=`, a GladiaDeprecationWarning alone; with wait_timeout, refused.
            request_timeout: bounds each HTTP request (as `timeout=` does on get()).

        Raises:
            TranscriptionError: the job ended with status `error` (the whole job is in `.job`).
            PollTimeoutError: still not final at the deadline (a status this SDK does not know is named
                in it); call poll(job_id) again to keep waiting.
            APIError, APIConnectionError: a failure that keeps coming back (see Poller.failed).
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, request_timeout)
        job_id = check_job_id(job_id)
        return await self._poll(poller(job_id, wait_timeout, timeout, interval, on_status), call)

    async def _poll(self, watch: Poller, call: CallOptions) -> DoneJob:
        while True:
            outcome: DoneJob | float
            try:
                look = Deadline(look_deadline(watch.deadline, clock.monotonic()))
                job = await self._get_within(watch.job_id, call, look)
            except TRANSIENT_ERRORS as error:
                outcome = watch.failed(error)
            else:
                outcome = watch.observed(job)
            if isinstance(outcome, M.PreRecordedResponse):
                return outcome
            await clock.asleep(outcome)

    async def create_and_poll(
        self,
        options: Options,
        *,
        idempotency_key: str | None = None,
        wait_timeout: float | None = UNSET,
        on_status: StatusCallback | None = None,
        timeout: float | None = UNSET,
        interval: float | None = None,
        request_timeout: HttpTimeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> DoneJob:
        """create() then poll(): the finished job for options that include `audio_url`; `wait_timeout` bounds
        both (`idempotency_key=` as in create(); `interval=`, `timeout=` and `request_timeout=` as in poll())."""
        call = CallOptions.of(extra_headers, extra_query, extra_body, request_timeout)
        key = check_idempotency_key(idempotency_key)
        body = checked_options(options)
        warn_about(body, stacklevel=2)
        watch = poller("", wait_timeout, timeout, interval, on_status)
        job = await self._create(body, key, call, Deadline(watch.deadline))
        watch.job_id = job.id
        return await self._poll(watch, call)

    async def transcribe(
        self,
        source: Source,
        options: TranscribeOptions | None = None,
        *,
        idempotency_key: str | None = None,
        wait_timeout: float | None = UNSET,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: float | None = UNSET,
        interval: float | None = None,
        request_timeout: HttpTimeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> DoneJob:
        """Transcribe a local file, bytes, a binary file object or an http(s) URL; return the finished job.

        Everything is checked before anything is sent: a bad option never costs an upload. A URL is
        passed to Gladia as `audio_url`; local audio is uploaded first.

        Args:
            source: the audio.
            options: Gladia's transcription options, as a dict (as in Gladia's docs) or an InitTranscriptionRequest.
            idempotency_key: your key for the job, as in create().
            wait_timeout: the longest the whole call may take, upload included, in seconds (7200 when
                omitted; None: no limit).
            on_status: called with the job each time its status changes.
            on_progress: called as `on_progress(bytes_sent, total_bytes_or_None)` while uploading.
            interval: a fixed wait between looks, in seconds, as in poll().
            timeout: gladiaio-sdk's name for wait_timeout, as in poll().
            request_timeout: bounds each HTTP request, as in poll().

        Raises:
            ValidationError: bad source or options (nothing was sent).
            TranscriptionError: the job failed; PollTimeoutError: not done in time (resume with poll(job_id)).
            APIError, APIConnectionError: what Gladia or the network answered, after safe retries.
            JobMayExistError: creating the job failed and the SDK cannot tell whether it exists.
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, request_timeout)
        key = check_idempotency_key(idempotency_key)
        audio = await self._classify(source)
        body = checked_options(
            options, audio_url=audio.url if isinstance(audio, UrlSource) else PLACEHOLDER_AUDIO_URL
        )
        warn_about(body, stacklevel=2)
        watch = poller("", wait_timeout, timeout, interval, on_status)
        deadline = Deadline(watch.deadline)
        if isinstance(audio, LocalSource):
            body["audio_url"] = (await self._upload(audio, on_progress, call, deadline)).audio_url
        job = await self._create(body, key, call, deadline)
        watch.job_id = job.id
        return await self._poll(watch, call)

    # ----------------------------------------------------------------------------------- listing (last: it
    # shadows the builtin `list` inside this class body)

    def list(
        self,
        params: ListParams | None = None,
        *,
        status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None = None,
        date: DateArg = None,
        before_date: DateArg = None,
        after_date: DateArg = None,
        custom_metadata: Mapping[str, Any] | None = None,
        page_size: int = C.LIST_PAGE_SIZE,
        max_items: int | None = None,
        offset: int = 0,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> AsyncJobList[PreRecordedResponse]:
        """Iterate over jobs, newest first, fetching pages lazily as the iteration reaches them.

        The answer is also a listing by pages (`iter_pages()`), each page with its `items`, `offset`,
        `next_offset`, `has_next_page()` and `next_page()`. Its first page alone is `listing.items` on the
        sync client, `await listing` on the async one (what gladiaio-sdk's `list(params)` answered).

        Args:
            params: gladiaio-sdk's dict of the same filters (`{"limit": 10, "status": ["done"]}`):
                `limit` is page_size, `offset` is offset; an unknown key raises ValidationError.
            status: only jobs in this status (or these statuses).
            date: only jobs created that day (a date, datetime or ISO string).
            before_date: only jobs created before this (a date, datetime or ISO string).
            after_date: only jobs created after this (a date, datetime or ISO string).
            custom_metadata: only jobs whose custom metadata holds these key/value pairs (sent as
                `custom_metadata[key]=value`, as Gladia's own clients do).
            page_size: jobs per request.
            max_items: stop after this many jobs.
            offset: where the listing starts: 0, or a saved page's `next_offset` to resume a listing.
        """
        call = CallOptions.of(extra_headers, extra_query, extra_body, timeout)
        query = list_query(
            params,
            status=status,
            date=date,
            before_date=before_date,
            after_date=after_date,
            custom_metadata=custom_metadata,
            page_size=page_size,
            offset=offset,
            max_items=max_items,
        )
        return AsyncJobList(lambda at: self._page(query, at, call), query)

    async def _page(self, query: ListQuery, offset: int, call: CallOptions) -> ListPreRecordedResponse:
        page: ListPreRecordedResponse = self._requests.parse(
            await self._send(self._requests.list_page(query, offset, call)), M.ListPreRecordedResponse
        )
        return page


class AsyncPreRecordedWithRawResponse:
    """`with_raw_response`: the client's one-request methods, answering a `RawResponse`.

    Covered: upload_file, create, get, delete, download_bytes, get_file (the answer is the last HTTP answer
    of the call: for a create that had to look its job up, that lookup's answer), and list, as in
    openai-python: `with_raw_response.list(...)` fetches the first page at once and answers its HTTP
    answer; `.parse()` is the listing, which starts from that page (iterating it fetches the rest, not
    that page again). Not covered: the flows that make many requests (poll, create_and_poll, transcribe)
    and download (streamed to a file).
    """

    def __init__(self, client: AsyncPreRecordedClient) -> None:
        self.upload_file = wrap(client, client.upload_file)
        self.create = wrap(client, client.create)
        self.get = wrap(client, client.get)
        self.delete = wrap(client, client.delete)
        self.download_bytes = wrap(client, client.download_bytes)
        self.get_file = wrap(client, client.get_file)
        self.list = wrap_list(client, client.list)
