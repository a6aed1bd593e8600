"""Gladia's pre-recorded transcription, sync (`PreRecordedClient`) and async (`AsyncPreRecordedClient`).

Both classes have the same methods with the same meaning. Each method checks its input first (nothing
is sent for bad input), then describes its request as a `RequestOptions` (built by `_Requests`, shared by
both classes), sends it through the one pipeline (gladia/_core/request.py: one build path, one send path,
one place mapping failures to typed errors), and turns the answer into a generated model. The decisions
(retries, deadlines, polling, whether a job may exist) live in pure helpers shared by both.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import datetime as dt
import functools
import inspect
import os
import random
import tempfile
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, Union
from urllib.parse import parse_qs, urlsplit

import attrs
import httpx

from gladia._core import aio, clock
from gladia._core import constants as C
from gladia._core.config import ClientConfig, resolve_config_changes
from gladia._core.deadline import NO_DEADLINE, Deadline
from gladia._core.job_id import check_job_id
from gladia._core.log import logger
from gladia._core.pages import AsyncJobList, AsyncJobPage, JobList, JobPage
from gladia._core.request import CallOptions, RequestOptions, asend, map_failure, send, tagged_headers
from gladia._core.response import parse_model
from gladia._core.retry import RetryBudget, next_attempt_delay
from gladia._core.routes import Operation
from gladia._core.transport import DEADLINE
from gladia.errors import (
    APITimeoutError,
    ConfigurationError,
    GladiaDeprecationWarning,
    GladiaError,
    InvalidJobIdError,
    InvalidOptionsError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    ValidationError,
)
from gladia.prerecorded._idempotency import (
    CannotTell,
    check_idempotency_key,
    created_by,
    lookup_query,
    may_exist,
    may_have_created,
    older_than_cutoff,
    tagged,
)
from gladia.prerecorded._options import PLACEHOLDER_AUDIO_URL, create_body, warn_about
from gladia.prerecorded._polling import (
    TRANSIENT_ERRORS,
    Poller,
    StatusCallback,
    look_deadline,
    resolve_interval,
    resolve_poll_timeout,
)
from gladia.prerecorded._sources import LocalSource, ProgressCallback, Source, UploadBody, UrlSource, classify
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
    from typing_extensions import Self

    from gladia.prerecorded._raw import AsyncPreRecordedWithRawResponse, PreRecordedWithRawResponse
    from gladia.types import DoneJob, ListParams, TranscribeOptions, TranscriptionOptions
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


def _checked_options(options: object, **kwargs: Any) -> dict[str, Any]:
    """create_body, with options too deeply nested to check refused like any other invalid option."""
    try:
        return create_body(options, **kwargs)
    except RecursionError:
        raise InvalidOptionsError(
            ["options: nested too deeply to be checked or sent; Gladia's options are a few levels deep"]
        ) from None


def _list_filters(
    status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None,
    date: DateArg,
    before_date: DateArg,
    after_date: DateArg,
    custom_metadata: Mapping[str, Any] | None,
) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """The generated endpoint's filters, and the custom_metadata pairs in the bracket form
    (`custom_metadata[key]=value`), which can never collide with paging or another filter."""
    filters: dict[str, Any] = {}
    if status is not None:
        wanted = [status] if isinstance(status, str) else builtins.list(status)
        known = {s.value for s in M.JobStatusEnum}
        unknown = [s for s in wanted if str(getattr(s, "value", s)) not in known]
        if unknown:
            raise ValidationError(f"status {unknown[0]!r} is not one of {', '.join(sorted(known))}")
        filters["status"] = [M.JobStatusEnum(str(getattr(s, "value", s))) for s in wanted]
    for name, value in (("date", date), ("before_date", before_date), ("after_date", after_date)):
        if value is not None:
            filters[name] = _as_datetime(name, value)
    pairs: list[tuple[str, str]] = []
    if custom_metadata is not None:
        if not isinstance(custom_metadata, Mapping):
            raise ValidationError("custom_metadata must be a dict of the key/value pairs to match")
        for key, value in custom_metadata.items():
            if not isinstance(key, str) or not key:
                raise ValidationError(f"custom_metadata keys must be non-empty strings, got {key!r}")
            if value is None or isinstance(value, (dict, list, tuple, set)):
                raise ValidationError(
                    f"custom_metadata[{key!r}] must be a string, number or boolean to filter on, got "
                    f"{type(value).__name__}"
                )
            pairs.append((f"custom_metadata[{key}]", _text(value)))
    return filters, tuple(pairs)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _as_datetime(name: str, value: dt.datetime | dt.date | str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            return parse_datetime(value)
        except (ValueError, OverflowError):
            pass
    raise ValidationError(f"{name} must be a datetime, a date or an ISO 8601 string, got {value!r}")


def _page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(f"page_size must be a whole number >= 1, got {value!r}")
    return value


def _start_offset(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(f"offset must be a whole number >= 0, got {value!r}")
    return value


#: list()'s keywords that gladiaio-sdk's `params` dict may give, with their defaults (`limit` is page_size).
_LIST_KEYWORDS: dict[str, Any] = {
    "status": None,
    "date": None,
    "before_date": None,
    "after_date": None,
    "custom_metadata": None,
    "page_size": C.LIST_PAGE_SIZE,
    "offset": 0,
}
_LIST_PARAMS = ("offset", "limit", "date", "before_date", "after_date", "status", "custom_metadata")


def _listing(
    params: object, keywords: dict[str, Any]
) -> tuple[dict[str, Any], tuple[tuple[str, str], ...], int, int]:
    """The filters, custom_metadata pairs, page size and start offset of a list() call: its keywords, with
    gladiaio-sdk's `params` dict merged in. A key of `params` is checked as its keyword is; an unknown one,
    or one also given as a keyword, is refused (nothing is sent); a None value is no filter, as there."""
    values = dict(keywords)
    if params is not None:
        if not isinstance(params, Mapping):
            raise ValidationError(
                f"params must be a dict of list filters ({', '.join(_LIST_PARAMS)}), got {type(params).__name__}"
            )
        for key, value in params.items():
            if key == "url":
                raise ValidationError(
                    "params['url'] (gladiaio-sdk's pagination link) is not taken: iterate the listing, which "
                    "fetches every page, or resume from a saved page with list(offset=page.next_offset)"
                )
            if key not in _LIST_PARAMS:
                import difflib  # noqa: PLC0415  (only to word this error)

                close = difflib.get_close_matches(str(key), _LIST_PARAMS, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValidationError(
                    f"list() params: unknown key {key!r}{hint}; the keys are {', '.join(_LIST_PARAMS)}"
                )
            if value is None:
                continue
            name = "page_size" if key == "limit" else key
            if keywords[name] != _LIST_KEYWORDS[name]:
                raise ValidationError(f"list(): {key!r} is given both in params and as {name}=; give it once")
            values[name] = value
    filters, pairs = _list_filters(
        values["status"],
        values["date"],
        values["before_date"],
        values["after_date"],
        values["custom_metadata"],
    )
    return filters, pairs, _page_size(values["page_size"]), _start_offset(values["offset"])


def _next_offset(page: ListPreRecordedResponse, offset: int) -> int | None:
    """Where the next page starts, or None after the last page. It always moves forward: a `next` that
    does not advance is replaced by what was received, so a listing always ends."""
    if not page.items or not page.next_:
        return None
    following = offset + len(page.items)
    # Gladia has sent `next` wrapped in <...>; read its offset, or count what we received.
    try:
        query = parse_qs(urlsplit(str(page.next_).strip().strip("<>")).query)
        announced = int(query["offset"][0])
    except (KeyError, ValueError, IndexError, TypeError):
        return following
    return announced if announced > offset else following


class _Pages:
    """The paging state of one listing. It always ends: `next` must move forward (else the count received
    is used), a job already listed is never listed again, and a page with no new job ends the listing (a
    server that ignores `offset`, or whose `next` cycles)."""

    def __init__(self) -> None:
        self.offset: int | None = 0
        self._seen: set[str] = set()

    def fresh(self, page: ListPreRecordedResponse) -> builtins.list[PreRecordedResponse]:
        """The jobs of `page` not listed before; advances to the next page (or the end)."""
        jobs = [job for job in page.items if str(job.id) not in self._seen]
        if page.items and not jobs:
            logger.warning("the job list sent a page of jobs already listed; stopping the listing there")
            self.offset = None
            return jobs
        self._seen.update(str(job.id) for job in jobs)
        assert self.offset is not None
        self.offset = _next_offset(page, self.offset)
        return jobs


def _created(
    job_id: object, result_url: object, config: ClientConfig, tag: str
) -> InitPreRecordedTranscriptionResponse:
    """The create answer, once its job id is known to be one (else it is the server's fault)."""
    try:
        job_id = check_job_id(job_id)
    except InvalidJobIdError as exc:
        raise UnexpectedResponseError(
            f"Gladia answered the create with a job id that is not one ({exc}); the job may exist: look for it "
            f"with list(custom_metadata={{'gladia_sdk_request_id': {tag!r}}})",
            status_code=200,
        ) from None
    url = result_url if isinstance(result_url, str) else None
    if url is None:
        url = str(config.api_url.join(get_transcription._get_kwargs(job_id)["url"]))
    return M.InitPreRecordedTranscriptionResponse(id=job_id, result_url=url)


def _found(
    job: PreRecordedResponse, config: ClientConfig, tag: str, *, earlier: bool = False
) -> InitPreRecordedTranscriptionResponse:
    if earlier:
        logger.info(
            "job %s was created earlier with this idempotency key: it is used, no second job made", job.id
        )
    else:
        logger.warning(
            "creating a job failed, but it had been created: job %s is used, no second job made", job.id
        )
    return _created(job.id, None, config, tag)


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


def _temporary_sibling(path: Path) -> tuple[int, Path]:
    """A new, unique temporary file beside `path` (so concurrent downloads to one path never share one)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    with contextlib.suppress(AttributeError, OSError):  # no fchmod on Windows: its default mode is fine
        os.fchmod(fd, 0o644)
    return fd, Path(name)


def _content_length(response: httpx.Response) -> int | None:
    try:
        value = int(response.headers.get("content-length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None


def _deadline_of(response: httpx.Response) -> Deadline:
    deadline = response.request.extensions.get(DEADLINE)
    return deadline if isinstance(deadline, Deadline) else NO_DEADLINE


def _download_timeout(response: httpx.Response, config: ClientConfig) -> APITimeoutError:
    from gladia._core.config import mask_url  # noqa: PLC0415

    return APITimeoutError(
        "The download did not finish before its deadline (the client's timeout); the part received was "
        "discarded. Raise the client's timeout for large files",
        method=response.request.method,
        url=mask_url(response.request.url, config),
    )


def _too_large_download(response: httpx.Response, config: ClientConfig, limit: int) -> ResponseTooLargeError:
    from gladia._core.config import mask_url  # noqa: PLC0415

    return ResponseTooLargeError(
        f"the audio is larger than {limit:,} bytes, too large to hold in memory; use download() to stream it "
        "to a file",
        limit=limit,
        status_code=response.status_code,
        method=response.request.method,
        url=mask_url(response.request.url, config),
    )


class _Requests:
    """The RequestOptions of every operation: what both clients send, built without I/O."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config

    def get(self, job_id: str, deadline: Deadline = NO_DEADLINE) -> RequestOptions:
        kwargs = get_transcription._get_kwargs(job_id)
        return RequestOptions.generated(Operation.GET, kwargs, deadline=deadline)

    def delete(self, job_id: str) -> RequestOptions:
        return RequestOptions.generated(Operation.DELETE, delete_transcription._get_kwargs(job_id))

    def download(self, job_id: str) -> RequestOptions:
        kwargs = get_transcription_file._get_kwargs(job_id)
        return RequestOptions.generated(Operation.DOWNLOAD, kwargs, stream=True)

    def upload_url(self, url: str, deadline: Deadline) -> RequestOptions:
        kwargs = upload_endpoint._get_kwargs(body=M.UploadUrlBody(audio_url=url))
        # Gladia fetches the URL itself: a short request, bounded like a create even without a timeout.
        bounded = deadline.earliest(Deadline.after(self.config.request_deadline(Operation.CREATE)))
        return RequestOptions.generated(Operation.UPLOAD, kwargs, deadline=bounded)

    def upload_file(self, body: UploadBody, deadline: Deadline) -> RequestOptions:
        return RequestOptions(
            operation=Operation.UPLOAD,
            method="POST",
            url=upload_endpoint._get_kwargs()["url"],
            body=body.stream(),
            headers=body.headers,
            replayable=body.source.replayable,
            deadline=deadline,
        )

    def create(
        self, body: Mapping[str, Any], tag: str, budget: RetryBudget, deadline: Deadline
    ) -> RequestOptions:
        kwargs = create_transcription._get_kwargs(body=M.InitTranscriptionRequest.from_dict(body))
        options = RequestOptions.generated(Operation.CREATE, kwargs, budget=budget, deadline=deadline)
        return attrs.evolve(options, headers={**options.headers, **tagged_headers(tag)})

    def list_page(
        self,
        filters: Mapping[str, Any],
        pairs: tuple[tuple[str, str], ...],
        offset: int,
        limit: int,
        deadline: Deadline = NO_DEADLINE,
    ) -> RequestOptions:
        kwargs = list_transcriptions._get_kwargs(offset=offset, limit=limit, **filters)
        options = RequestOptions.generated(Operation.LIST, kwargs, deadline=deadline)
        return attrs.evolve(options, params=(*options.params, *pairs))

    def lookup_page(self, tag: str, offset: int, deadline: Deadline) -> RequestOptions:
        pairs = tuple(lookup_query(tag).items())
        return self.list_page({}, pairs, offset, C.RECONCILE_PAGE_SIZE, deadline)

    def parse(self, response: httpx.Response, model: type[Any]) -> Any:
        return parse_model(response, model, self.config)

    def uploaded(self, response: httpx.Response) -> AudioUploadResponse:
        """The upload's answer, once its audio_url is one Gladia can be given back (else the server's fault)."""
        answer: AudioUploadResponse = parse_model(response, M.AudioUploadResponse, self.config)
        url = answer.audio_url
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            from gladia._core.config import mask_url  # noqa: PLC0415

            raise UnexpectedResponseError(
                f"the upload's answer has no usable audio_url ({str(url)[:100]!r} is not an http(s) URL); "
                "nothing was created. Try the upload again; if it persists, contact Gladia",
                status_code=response.status_code,
                method=response.request.method,
                url=mask_url(response.request.url, self.config),
            )
        return answer


_F = TypeVar("_F", bound=Callable[..., Any])
Headers = Mapping[str, str]
Query = Mapping[str, Any]
Body = Mapping[str, Any]
HttpTimeout = Union[float, httpx.Timeout, None]  # noqa: UP007


class _Unset:
    """The default of a deprecated keyword: tells "not given" from None."""

    def __repr__(self) -> str:
        return "<unset>"


UNSET: Any = _Unset()


def _overridable(timeout_keyword: str = "timeout") -> Callable[[_F], _F]:
    """Give a request method the per-call overrides (`extra_headers`, `extra_query`, `extra_body`, and its
    `timeout_keyword` as the HTTP timeout of each of its requests).

    The method declares them (for type checkers and docs); this wrapper takes them out of the call and
    runs the method on a copy of the client that applies them to every request in its `_send` (the one
    place, see `CallOptions.apply`); the method itself never sees them.
    """

    def decorate(method: _F) -> _F:
        def overrides(kwargs: dict[str, Any]) -> CallOptions | None:
            return CallOptions.of(
                kwargs.pop("extra_headers", None),
                kwargs.pop("extra_query", None),
                kwargs.pop("extra_body", None),
                kwargs.pop(timeout_keyword, None),
            )

        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def acall(self: Any, *args: Any, **kwargs: Any) -> Any:
                call = overrides(kwargs)
                return await method(self if call is None else self._for_call(call), *args, **kwargs)

            return acall  # type: ignore[return-value]

        @functools.wraps(method)
        def call_(self: Any, *args: Any, **kwargs: Any) -> Any:
            call = overrides(kwargs)
            return method(self if call is None else self._for_call(call), *args, **kwargs)

        return call_  # type: ignore[return-value]

    return decorate


def _poller(
    job_id: str, wait_timeout: object, timeout: object, interval: object, on_status: StatusCallback | None
) -> Poller:
    """The Poller of poll/create_and_poll/transcribe from their keywords, checked before anything is sent.

    `wait_timeout` is the job deadline in seconds (POLL_TIMEOUT when omitted; None: no limit). `timeout` is
    gladiaio-sdk's name for the same deadline: beside `interval=` (gladiaio-sdk's call) it is taken as is;
    alone it warns (GladiaDeprecationWarning), since every other method's `timeout=` bounds each HTTP
    request. Both given is refused. `interval` replaces the SDK's poll schedule with a fixed wait.
    """
    if timeout is not UNSET and wait_timeout is not UNSET:
        raise ConfigurationError(
            "wait_timeout= and timeout= both set the job deadline: pass only wait_timeout= (request_timeout= "
            "bounds each HTTP request)"
        )
    if timeout is not UNSET:
        if interval is None:
            warnings.warn(
                "timeout= on poll(), create_and_poll() and transcribe() is deprecated: it is the job "
                "deadline, now named wait_timeout= (request_timeout= bounds each HTTP request)",
                GladiaDeprecationWarning,
                stacklevel=4,
            )
        wait_timeout = timeout
    deadline = resolve_poll_timeout(C.POLL_TIMEOUT if wait_timeout is UNSET else wait_timeout)
    return Poller(job_id, timeout=deadline, on_status=on_status, schedule=resolve_interval(interval))


class _Common:
    """What both pre-recorded clients share: their settings, and the copies that change them."""

    _http: Any
    _config: ClientConfig
    _requests: _Requests
    _call: CallOptions | None = None  # this call's overrides (a copy made by _for_call)
    _seen: builtins.list[httpx.Response] | None = None  # every answer, for with_raw_response
    _owner: object

    def _for_call(self, call: CallOptions) -> Self:
        twin = copy.copy(self)
        twin._call = call if self._call is None else _merged_calls(self._call, call)
        return twin

    def _recording(self, seen: builtins.list[httpx.Response]) -> Self:
        twin = copy.copy(self)
        twin._seen = seen
        return twin

    def _prepared(self, options: RequestOptions) -> RequestOptions:
        return options if self._call is None else self._call.apply(options)

    def _received(self, response: httpx.Response) -> httpx.Response:
        if self._seen is not None:
            self._seen.append(response)
        return response

    def with_options(
        self,
        *,
        timeout: HttpTimeout = UNSET,
        max_retries: int = UNSET,
        max_upload_bytes: int | None = UNSET,
        max_response_bytes: int = UNSET,
    ) -> Self:
        """A copy of this client with these settings changed, on the same connection pool.

        Each argument means what it means to GladiaClient; one not given keeps this client's value.
        """
        given = settings_given(
            timeout=timeout,
            max_retries=max_retries,
            max_upload_bytes=max_upload_bytes,
            max_response_bytes=max_response_bytes,
        )
        return self._with_config(resolve_config_changes(self._config, **given))

    def _with_config(self, config: ClientConfig, owner: object = None) -> Self:
        twin = copy.copy(self)
        twin._config = config
        twin._requests = _Requests(config)
        if owner is not None:
            twin._owner = owner
        return twin


def settings_given(**settings: object) -> dict[str, object]:
    """The settings of a `with_options` call that were given (not UNSET)."""
    return {name: value for name, value in settings.items() if value is not UNSET}


def _merged_calls(first: CallOptions, then: CallOptions) -> CallOptions:
    def merged(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        return b if a is None else a if b is None else {**a, **b}

    return CallOptions(
        extra_headers=merged(first.extra_headers, then.extra_headers),
        extra_query=merged(first.extra_query, then.extra_query),
        extra_body=merged(first.extra_body, then.extra_body),
        timeout=then.timeout if then.timeout is not None else first.timeout,
        overall_timeout=then.overall_timeout if then.timeout is not None else first.overall_timeout,
    )


# --------------------------------------------------------------------------------------- sync


class PreRecordedClient(_Common):
    """Pre-recorded transcription: upload, create, get, list, delete, download, poll and transcribe."""

    def __init__(self, http: httpx.Client, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._requests = _Requests(config)
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<PreRecordedClient api_url={self._config.display_url!r}>"

    # ----------------------------------------------------------------------------------- the pipeline

    def _send(self, options: RequestOptions) -> httpx.Response:
        return self._received(send(self._http, self._config, self._prepared(options)))

    @property
    def with_raw_response(self) -> PreRecordedWithRawResponse:
        """The one-request methods answering a RawResponse (status, headers, request id, `.parse()`)."""
        from gladia.prerecorded._raw import PreRecordedWithRawResponse  # noqa: PLC0415

        return PreRecordedWithRawResponse(self)

    # ----------------------------------------------------------------------------------- requests

    @_overridable()
    def upload_file(
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
        audio = classify(source, max_bytes=self._config.max_upload_bytes)
        return self._upload(audio, on_progress, NO_DEADLINE)

    def _upload(
        self, source: LocalSource | UrlSource, on_progress: ProgressCallback | None, deadline: Deadline
    ) -> AudioUploadResponse:
        if isinstance(source, UrlSource):
            options = self._requests.upload_url(source.url, deadline)
        else:
            options = self._requests.upload_file(UploadBody(source, on_progress=on_progress), deadline)
        return self._requests.uploaded(self._send(options))

    @_overridable()
    def create(
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
        body = _checked_options(options)
        warn_about(body, stacklevel=3)
        return self._create(body, NO_DEADLINE, check_idempotency_key(idempotency_key))

    def _create(
        self, body: Mapping[str, Any], deadline: Deadline, key: str | None = None
    ) -> InitPreRecordedTranscriptionResponse:
        body, tag = tagged(body, key)
        since = clock.now()
        if key is not None:
            found = self._look_before(tag, since, deadline)
            if found is not None:
                return _found(found, self._config, tag, earlier=True)
        budget = RetryBudget(self._config.max_retries)
        options = self._requests.create(body, tag, budget, deadline)
        while True:
            try:
                answer = self._requests.parse(self._send(options), M.InitPreRecordedTranscriptionResponse)
            except GladiaError as error:
                if not may_have_created(error):
                    raise
                found = self._look_for(tag, since, deadline, error)
                if found is not None:
                    return _found(found, self._config, tag)
                delay = next_attempt_delay(budget, deadline, _RNG)
                if delay is None:
                    raise
                logger.warning(
                    "creating a job failed (%s) and no job was created; trying again", type(error).__name__
                )
                clock.sleep(delay)
            else:
                return _created(answer.id, answer.result_url, self._config, tag)

    def _look_for(
        self, tag: str, since: dt.datetime, deadline: Deadline, error: GladiaError
    ) -> PreRecordedResponse | None:
        """The job the failed create made, None when there is none, or JobMayExistError."""
        bounded = deadline.shifted(C.DEADLINE_GRACE)
        try:
            for delay in (0.0, *C.RECONCILE_LOOK_DELAYS):
                if delay:
                    if not bounded.allows(delay):
                        raise CannotTell("no time was left to look again, and the job list may lag")
                    clock.sleep(delay)
                found = self._look_once(tag, since, bounded)
                if found is not None:
                    return found
            return None
        except (GladiaError, CannotTell) as why:
            raise may_exist(tag, error, why) from error

    def _look_before(self, tag: str, since: dt.datetime, deadline: Deadline) -> PreRecordedResponse | None:
        """The job an earlier call with this idempotency key made, if any (looked up before creating)."""
        try:
            return self._look_once(tag, since, deadline.shifted(C.DEADLINE_GRACE))
        except CannotTell as why:  # a failed request is raised as itself: nothing was created, call again
            raise may_exist(tag, None, why) from why

    def _look_once(self, tag: str, since: dt.datetime, deadline: Deadline) -> PreRecordedResponse | None:
        offset = 0
        for _ in range(C.RECONCILE_MAX_PAGES):
            options = self._requests.lookup_page(tag, offset, deadline)
            page = self._requests.parse(self._send(options), M.ListPreRecordedResponse)
            found = created_by(page.items, tag)
            if found is not None:
                return found
            following = _next_offset(page, offset)
            if following is None or older_than_cutoff(page.items, since):
                return None
            offset = following
        raise CannotTell(
            f"more than {offset} jobs were listed since the first attempt without reaching its time"
        )

    @_overridable()
    def get(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> PreRecordedResponse:
        """The job as it is now: its status, and its result once done."""
        options = self._requests.get(check_job_id(job_id))
        return self._requests.parse(self._send(options), M.PreRecordedResponse)  # type: ignore[no-any-return]

    @_overridable()
    def delete(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> None:
        """Delete a finished job and its audio from Gladia."""
        self._send(self._requests.delete(check_job_id(job_id)))

    @_overridable()
    def download(
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
        options = self._requests.download(check_job_id(job_id))
        target = _check_destination(destination)
        if isinstance(target, Path):
            fd, partial = _temporary_sibling(target)
            try:
                with os.fdopen(fd, "wb") as handle:
                    written = self._download_into(options, handle, on_progress)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            return written
        return self._download_into(options, target, on_progress)

    @_overridable()
    def download_bytes(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> bytes:
        """The job's audio, in memory. Prefer download() for long recordings."""
        buffer = bytearray()
        options = self._requests.download(check_job_id(job_id))
        self._download_into(options, buffer, None, limit=C.MAX_DOWNLOAD_BYTES_IN_MEMORY)
        return bytes(buffer)

    def get_file(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: HttpTimeout = None,
    ) -> bytes:
        """The job's audio, in memory: gladiaio-sdk's name for download_bytes() (the same request and limits)."""
        return self.download_bytes(
            job_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def _download_into(
        self,
        options: RequestOptions,
        handle: IO[bytes] | bytearray,
        on_progress: ProgressCallback | None,
        limit: int | None = None,
    ) -> int:
        response = self._send(options)
        written = 0
        try:
            total = _content_length(response)
            deadline = _deadline_of(response)
            for chunk in response.iter_bytes():  # as it arrives, so the deadline is checked often
                if deadline.expired():
                    raise _download_timeout(response, self._config)
                written += len(chunk)
                if limit is not None and written > limit:
                    raise _too_large_download(response, self._config, limit)
                if isinstance(handle, bytearray):
                    handle += chunk
                else:
                    handle.write(chunk)
                if on_progress is not None:
                    on_progress(written, total)
        except (httpx.HTTPError, RecursionError) as exc:
            raise map_failure(exc, self._config, options) from exc
        finally:
            response.close()
        return written

    # ----------------------------------------------------------------------------------- flows

    @_overridable("request_timeout")
    def poll(
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
            request_timeout: bounds each HTTP request (see `timeout=` on get()).

        Raises:
            TranscriptionError: the job ended with status `error` (the whole job is in `.job`).
            PollTimeoutError: still not final at the deadline (a status this SDK does not know is named
                in it); call poll(job_id) again to keep waiting.
            APIError, APIConnectionError: a failure that keeps coming back (see Poller.failed).
        """
        job_id = check_job_id(job_id)
        return self._poll(_poller(job_id, wait_timeout, timeout, interval, on_status))

    def _poll(self, poller: Poller) -> DoneJob:
        while True:
            outcome: DoneJob | float
            try:
                look = Deadline(look_deadline(poller.deadline, clock.monotonic()))
                job = self._get_within(poller.job_id, look)
            except TRANSIENT_ERRORS as error:
                outcome = poller.failed(error)
            else:
                outcome = poller.observed(job)
            if isinstance(outcome, M.PreRecordedResponse):
                return outcome
            clock.sleep(outcome)

    def _get_within(self, job_id: str, deadline: Deadline) -> PreRecordedResponse:
        options = self._requests.get(job_id, deadline)
        return self._requests.parse(self._send(options), M.PreRecordedResponse)  # type: ignore[no-any-return]

    @_overridable("request_timeout")
    def create_and_poll(
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
        both (`interval=`, `timeout=` and `request_timeout=` as in poll())."""
        body = _checked_options(options)
        warn_about(body, stacklevel=3)
        poller = _poller("", wait_timeout, timeout, interval, on_status)
        job = self._create(body, Deadline(poller.deadline), check_idempotency_key(idempotency_key))
        poller.job_id = job.id
        return self._poll(poller)

    @_overridable("request_timeout")
    def transcribe(
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
        audio = classify(source, max_bytes=self._config.max_upload_bytes)
        checked = _checked_options(
            options, audio_url=audio.url if isinstance(audio, UrlSource) else PLACEHOLDER_AUDIO_URL
        )
        warn_about(checked, stacklevel=3)
        poller = _poller("", wait_timeout, timeout, interval, on_status)
        deadline = Deadline(poller.deadline)
        if isinstance(audio, LocalSource):
            checked["audio_url"] = self._upload(audio, on_progress, deadline).audio_url
        job = self._create(checked, deadline, check_idempotency_key(idempotency_key))
        poller.job_id = job.id
        return self._poll(poller)

    # ----------------------------------------------------------------------------------- listing (last: it
    # shadows the builtin `list` inside this class body)

    @_overridable()
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
    ) -> JobList:
        """Iterate over jobs, newest first, fetching pages lazily as the iteration reaches them.

        The answer is also a listing by pages: `for page in client.list().iter_pages()`, each page with its
        `items`, `offset`, `next_offset`, `has_next_page()` and `next_page()`.

        Args:
            status: only jobs in this status (or these statuses).
            date: only jobs created that day (a date, datetime or ISO string).
            before_date: only jobs created before this (a date, datetime or ISO string).
            after_date: only jobs created after this (a date, datetime or ISO string).
            custom_metadata: only jobs whose custom metadata holds these key/value pairs (sent as
                `custom_metadata[key]=value`, as Gladia's own clients do).
            page_size: jobs per request.
            max_items: stop after this many jobs.
            offset: where the listing starts: 0, or a saved page's `next_offset` to resume a listing.
            params: gladiaio-sdk's dict of the same filters (`{"limit": 10, "status": ["done"]}`):
                `limit` is page_size, `offset` is offset; an unknown key raises ValidationError.

        `list(...).items` is the first page's jobs alone (what gladiaio-sdk's `list(params)` answered).
        """
        filters, pairs, size, start = _listing(
            params,
            {
                "status": status,
                "date": date,
                "before_date": before_date,
                "after_date": after_date,
                "custom_metadata": custom_metadata,
                "page_size": page_size,
                "offset": offset,
            },
        )
        return JobList(lambda: self._page(filters, pairs, size, _Pages(), start), max_items)

    def _page(
        self,
        filters: dict[str, Any],
        pairs: tuple[tuple[str, str], ...],
        size: int,
        pages: _Pages,
        offset: int,
    ) -> JobPage:
        options = self._requests.list_page(filters, pairs, offset, size)
        page = self._requests.parse(self._send(options), M.ListPreRecordedResponse)
        pages.offset = offset
        jobs = pages.fresh(page)
        return JobPage(
            jobs, offset, pages.offset, lambda following: self._page(filters, pairs, size, pages, following)
        )


# --------------------------------------------------------------------------------------- async


class AsyncPreRecordedClient(_Common):
    """The async sibling of PreRecordedClient: the same methods, awaited (list() is an async iterator)."""

    def __init__(self, http: httpx.AsyncClient, config: ClientConfig, *, owner: object = None) -> None:
        self._http = http
        self._config = config
        self._requests = _Requests(config)
        self._owner = owner  # the GladiaClient whose pool this is: kept alive as long as this object

    def __repr__(self) -> str:
        return f"<AsyncPreRecordedClient api_url={self._config.display_url!r}>"

    async def _send(self, options: RequestOptions) -> httpx.Response:
        return self._received(await asend(self._http, self._config, self._prepared(options)))

    @property
    def with_raw_response(self) -> AsyncPreRecordedWithRawResponse:
        """The one-request methods answering a RawResponse, awaited (see PreRecordedClient.with_raw_response)."""
        from gladia.prerecorded._raw import AsyncPreRecordedWithRawResponse  # noqa: PLC0415

        return AsyncPreRecordedWithRawResponse(self)

    @_overridable()
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
        """Upload local audio, or have Gladia fetch an http(s) URL (see PreRecordedClient.upload_file)."""
        audio = await aio.in_thread(
            lambda: classify(source, max_bytes=self._config.max_upload_bytes, preload=C.ASYNC_PRELOAD_BYTES)
        )
        return await self._upload(audio, on_progress, NO_DEADLINE)

    async def _upload(
        self, source: LocalSource | UrlSource, on_progress: ProgressCallback | None, deadline: Deadline
    ) -> AudioUploadResponse:
        if isinstance(source, UrlSource):
            options = self._requests.upload_url(source.url, deadline)
        else:
            options = self._requests.upload_file(UploadBody(source, on_progress=on_progress), deadline)
        return self._requests.uploaded(await self._send(options))

    @_overridable()
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
        """Create a transcription job (see PreRecordedClient.create)."""
        body = _checked_options(options)
        warn_about(body, stacklevel=3)
        return await self._create(body, NO_DEADLINE, check_idempotency_key(idempotency_key))

    async def _create(
        self, body: Mapping[str, Any], deadline: Deadline, key: str | None = None
    ) -> InitPreRecordedTranscriptionResponse:
        body, tag = tagged(body, key)
        since = clock.now()
        if key is not None:
            found = await self._look_before(tag, since, deadline)
            if found is not None:
                return _found(found, self._config, tag, earlier=True)
        budget = RetryBudget(self._config.max_retries)
        options = self._requests.create(body, tag, budget, deadline)
        while True:
            try:
                answer = self._requests.parse(
                    await self._send(options), M.InitPreRecordedTranscriptionResponse
                )
            except GladiaError as error:
                if not may_have_created(error):
                    raise
                found = await self._look_for(tag, since, deadline, error)
                if found is not None:
                    return _found(found, self._config, tag)
                delay = next_attempt_delay(budget, deadline, _RNG)
                if delay is None:
                    raise
                logger.warning(
                    "creating a job failed (%s) and no job was created; trying again", type(error).__name__
                )
                await clock.asleep(delay)
            else:
                return _created(answer.id, answer.result_url, self._config, tag)

    async def _look_for(
        self, tag: str, since: dt.datetime, deadline: Deadline, error: GladiaError
    ) -> PreRecordedResponse | None:
        bounded = deadline.shifted(C.DEADLINE_GRACE)
        try:
            for delay in (0.0, *C.RECONCILE_LOOK_DELAYS):
                if delay:
                    if not bounded.allows(delay):
                        raise CannotTell("no time was left to look again, and the job list may lag")
                    await clock.asleep(delay)
                found = await self._look_once(tag, since, bounded)
                if found is not None:
                    return found
            return None
        except (GladiaError, CannotTell) as why:
            raise may_exist(tag, error, why) from error

    async def _look_before(
        self, tag: str, since: dt.datetime, deadline: Deadline
    ) -> PreRecordedResponse | None:
        try:
            return await self._look_once(tag, since, deadline.shifted(C.DEADLINE_GRACE))
        except CannotTell as why:  # a failed request is raised as itself: nothing was created, call again
            raise may_exist(tag, None, why) from why

    async def _look_once(
        self, tag: str, since: dt.datetime, deadline: Deadline
    ) -> PreRecordedResponse | None:
        offset = 0
        for _ in range(C.RECONCILE_MAX_PAGES):
            options = self._requests.lookup_page(tag, offset, deadline)
            page = self._requests.parse(await self._send(options), M.ListPreRecordedResponse)
            found = created_by(page.items, tag)
            if found is not None:
                return found
            following = _next_offset(page, offset)
            if following is None or older_than_cutoff(page.items, since):
                return None
            offset = following
        raise CannotTell(
            f"more than {offset} jobs were listed since the first attempt without reaching its time"
        )

    @_overridable()
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
        return await self._get_within(check_job_id(job_id), NO_DEADLINE)

    async def _get_within(self, job_id: str, deadline: Deadline) -> PreRecordedResponse:
        options = self._requests.get(job_id, deadline)
        return self._requests.parse(await self._send(options), M.PreRecordedResponse)  # type: ignore[no-any-return]

    @_overridable()
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
        await self._send(self._requests.delete(check_job_id(job_id)))

    @_overridable()
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
        """Stream the job's audio into a path or binary file object (see PreRecordedClient.download)."""
        options = self._requests.download(check_job_id(job_id))
        target = _check_destination(destination)
        if isinstance(target, Path):
            fd, partial = await aio.in_thread(_temporary_sibling, target)
            try:
                handle: IO[bytes] = await aio.in_thread(lambda: os.fdopen(fd, "wb"))
                try:
                    written = await self._download_into(options, handle, on_progress)
                finally:
                    await aio.in_thread(handle.close)
                await aio.in_thread(os.replace, partial, target)
            finally:
                await aio.in_thread(lambda: partial.unlink(missing_ok=True))
            return written
        return await self._download_into(options, target, on_progress)

    @_overridable()
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
        buffer = bytearray()
        options = self._requests.download(check_job_id(job_id))
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
        import anyio  # noqa: PLC0415

        response = await self._send(options)
        written = 0
        try:
            total = _content_length(response)
            deadline = _deadline_of(response)
            left = deadline.remaining()
            with anyio.fail_after(left if left is not None else float("inf")):
                async for chunk in response.aiter_bytes():
                    written += len(chunk)
                    if limit is not None and written > limit:
                        raise _too_large_download(response, self._config, limit)
                    if isinstance(handle, bytearray):
                        handle += chunk
                    else:
                        await aio.in_thread(handle.write, chunk)
                    if on_progress is not None:
                        on_progress(written, total)
        except TimeoutError:
            raise _download_timeout(response, self._config) from None
        except (httpx.HTTPError, RecursionError) as exc:
            raise map_failure(exc, self._config, options) from exc
        finally:
            await response.aclose()
        return written

    @_overridable("request_timeout")
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
        """Wait until the job is done and return it (see PreRecordedClient.poll)."""
        job_id = check_job_id(job_id)
        poller = _poller(job_id, wait_timeout, timeout, interval, on_status)
        return await self._poll(poller)

    async def _poll(self, poller: Poller) -> DoneJob:
        while True:
            outcome: DoneJob | float
            try:
                look = Deadline(look_deadline(poller.deadline, clock.monotonic()))
                job = await self._get_within(poller.job_id, look)
            except TRANSIENT_ERRORS as error:
                outcome = poller.failed(error)
            else:
                outcome = poller.observed(job)
            if isinstance(outcome, M.PreRecordedResponse):
                return outcome
            await clock.asleep(outcome)

    @_overridable("request_timeout")
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
        """create() then poll() (see PreRecordedClient.create_and_poll)."""
        body = _checked_options(options)
        warn_about(body, stacklevel=3)
        poller = _poller("", wait_timeout, timeout, interval, on_status)
        job = await self._create(body, Deadline(poller.deadline), check_idempotency_key(idempotency_key))
        poller.job_id = job.id
        return await self._poll(poller)

    @_overridable("request_timeout")
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
        """Transcribe local audio or an http(s) URL; return the finished job (see PreRecordedClient.transcribe)."""
        audio = await aio.in_thread(
            lambda: classify(source, max_bytes=self._config.max_upload_bytes, preload=C.ASYNC_PRELOAD_BYTES)
        )
        checked = _checked_options(
            options, audio_url=audio.url if isinstance(audio, UrlSource) else PLACEHOLDER_AUDIO_URL
        )
        warn_about(checked, stacklevel=3)
        poller = _poller("", wait_timeout, timeout, interval, on_status)
        deadline = Deadline(poller.deadline)
        if isinstance(audio, LocalSource):
            checked["audio_url"] = (await self._upload(audio, on_progress, deadline)).audio_url
        job = await self._create(checked, deadline, check_idempotency_key(idempotency_key))
        poller.job_id = job.id
        return await self._poll(poller)

    @_overridable()
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
    ) -> AsyncJobList:
        """Iterate (`async for`) over jobs, newest first, fetching pages lazily; `iter_pages()` gives the
        pages (`async for page in client.list().iter_pages()`), and `await client.list(...)` the first page
        alone (see PreRecordedClient.list)."""
        filters, pairs, size, start = _listing(
            params,
            {
                "status": status,
                "date": date,
                "before_date": before_date,
                "after_date": after_date,
                "custom_metadata": custom_metadata,
                "page_size": page_size,
                "offset": offset,
            },
        )
        return AsyncJobList(lambda: self._page(filters, pairs, size, _Pages(), start), max_items)

    async def _page(
        self,
        filters: dict[str, Any],
        pairs: tuple[tuple[str, str], ...],
        size: int,
        pages: _Pages,
        offset: int,
    ) -> AsyncJobPage:
        options = self._requests.list_page(filters, pairs, offset, size)
        page = self._requests.parse(await self._send(options), M.ListPreRecordedResponse)
        pages.offset = offset
        jobs = pages.fresh(page)
        return AsyncJobPage(
            jobs, offset, pages.offset, lambda following: self._page(filters, pairs, size, pages, following)
        )
