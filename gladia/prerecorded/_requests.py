"""What both pre-recorded clients share, without I/O: the request of each operation, the checks of their
arguments, and the answers they make of what Gladia sends.

The clients (gladia/prerecorded/_client_async.py and its generated sync twin) only send what `Requests`
describes and wait.
"""

from __future__ import annotations

import contextlib
import copy
import os
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Union
from urllib.parse import urlsplit

import attrs
import httpx

from gladia._core import constants as C
from gladia._core.config import UNSET, ClientConfig, mask_url, resolve_config_changes, settings_given
from gladia._core.deadline import NO_DEADLINE, Deadline
from gladia._core.job_id import check_job_id
from gladia._core.log import logger
from gladia._core.pages import ListQuery
from gladia._core.request import CallOptions, HttpTimeout, RequestOptions, tagged_headers, too_deep
from gladia._core.response import parse_model
from gladia._core.retry import RetryBudget
from gladia._core.routes import Operation
from gladia.errors import (
    ConfigurationError,
    GladiaDeprecationWarning,
    InvalidJobIdError,
    InvalidOptionsError,
    UnexpectedResponseError,
    ValidationError,
)
from gladia.prerecorded._idempotency import lookup_query
from gladia.prerecorded._options import create_body
from gladia.prerecorded._polling import Poller, StatusCallback, resolve_interval, resolve_poll_timeout
from gladia.prerecorded._sources import UploadBody
from gladia.prerecorded._upload_stream import UploadStream
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

    from gladia.types import TranscriptionOptions
    from gladia_api.models.audio_upload_response import AudioUploadResponse
    from gladia_api.models.init_pre_recorded_transcription_response import (
        InitPreRecordedTranscriptionResponse,
    )
    from gladia_api.models.init_transcription_request import InitTranscriptionRequest
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

Options = Union["TranscriptionOptions", "InitTranscriptionRequest"]
Destination = Union[str, "os.PathLike[str]", IO[bytes]]


def checked_options(options: object, **kwargs: Any) -> dict[str, Any]:
    """create_body, with options too deeply nested to check refused like any other invalid option."""
    message = (
        f"options: nested more than {C.MAX_JSON_DEPTH} levels deep, too deep to be checked or sent; Gladia's "
        "options are a few levels deep"
    )
    if too_deep(options):
        raise InvalidOptionsError([message])
    try:
        return create_body(options, **kwargs)
    except RecursionError:
        raise InvalidOptionsError([message]) from None


def poller(
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
                stacklevel=3,
            )
        wait_timeout = timeout
    deadline = resolve_poll_timeout(C.POLL_TIMEOUT if wait_timeout is UNSET else wait_timeout)
    return Poller(job_id, timeout=deadline, on_status=on_status, schedule=resolve_interval(interval))


def created(
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


def found(
    job: PreRecordedResponse, config: ClientConfig, tag: str, *, earlier: bool = False
) -> InitPreRecordedTranscriptionResponse:
    """The create answer for a job the lookup found (made by this call's failed attempt, or earlier)."""
    if earlier:
        logger.info(
            "job %s was created earlier with this idempotency key: it is used, no second job made", job.id
        )
    else:
        logger.warning(
            "creating a job failed, but it had been created: job %s is used, no second job made", job.id
        )
    return created(job.id, None, config, tag)


def check_destination(destination: object) -> Path | IO[bytes]:
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


def temporary_sibling(path: Path) -> tuple[IO[bytes], Path]:
    """A new, unique temporary file beside `path`, open for writing (created exclusively, never through a
    link planted under its name, so concurrent downloads to one path never share one)."""
    # A short prefix: a name near the file system's limit must still leave room for the temporary one.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:32]}.", suffix=".part")
    with contextlib.suppress(AttributeError, OSError):  # no fchmod on Windows: its default mode is fine
        os.fchmod(fd, 0o644)
    return os.fdopen(fd, "wb"), Path(name)


class Requests:
    """The RequestOptions of every operation, with the call's overrides: what both clients send."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config

    def get(self, job_id: str, call: CallOptions, deadline: Deadline = NO_DEADLINE) -> RequestOptions:
        kwargs = get_transcription._get_kwargs(job_id)
        return RequestOptions.generated(Operation.GET, kwargs, deadline=deadline, call=call)

    def delete(self, job_id: str, call: CallOptions) -> RequestOptions:
        kwargs = delete_transcription._get_kwargs(job_id)
        return RequestOptions.generated(Operation.DELETE, kwargs, call=call)

    def download(self, job_id: str, call: CallOptions) -> RequestOptions:
        kwargs = get_transcription_file._get_kwargs(job_id)
        return RequestOptions.generated(Operation.DOWNLOAD, kwargs, stream=True, call=call)

    def upload_url(self, url: str, call: CallOptions, deadline: Deadline) -> RequestOptions:
        kwargs = upload_endpoint._get_kwargs(body=M.UploadUrlBody(audio_url=url))
        # Gladia fetches the URL itself: a short request, bounded like a create even without a timeout.
        bounded = deadline.earliest(Deadline.after(self.config.request_deadline(Operation.CREATE)))
        return RequestOptions.generated(Operation.UPLOAD, kwargs, deadline=bounded, call=call)

    def upload_file(self, body: UploadBody, call: CallOptions, deadline: Deadline) -> RequestOptions:
        return RequestOptions(
            operation=Operation.UPLOAD,
            method="POST",
            url=upload_endpoint._get_kwargs()["url"],
            content=UploadStream(body),
            headers=body.headers,
            replayable=body.source.replayable,
            deadline=deadline,
            call=call,
        )

    def create(
        self, body: Mapping[str, Any], tag: str, call: CallOptions, budget: RetryBudget, deadline: Deadline
    ) -> RequestOptions:
        kwargs = create_transcription._get_kwargs(body=M.InitTranscriptionRequest.from_dict(body))
        options = RequestOptions.generated(
            Operation.CREATE, kwargs, budget=budget, deadline=deadline, call=call
        )
        return attrs.evolve(options, headers={**options.headers, **tagged_headers(tag)})

    def list_page(
        self, query: ListQuery, offset: int, call: CallOptions, deadline: Deadline = NO_DEADLINE
    ) -> RequestOptions:
        kwargs = list_transcriptions._get_kwargs(offset=offset, limit=query.page_size, **query.filters)
        options = RequestOptions.generated(Operation.LIST, kwargs, deadline=deadline, call=call)
        return attrs.evolve(options, params=(*options.params, *query.metadata))

    def lookup_page(self, tag: str, offset: int, call: CallOptions, deadline: Deadline) -> RequestOptions:
        query = ListQuery({}, tuple(lookup_query(tag).items()), C.RECONCILE_PAGE_SIZE, 0, None)
        return self.list_page(query, offset, call, deadline)

    def parse(self, response: httpx.Response, model: type[Any]) -> Any:
        return parse_model(response, model, self.config)

    def uploaded(self, response: httpx.Response) -> AudioUploadResponse:
        """The upload's answer, once its audio_url is one Gladia can be given back (else the server's fault)."""
        answer: AudioUploadResponse = parse_model(response, M.AudioUploadResponse, self.config)
        url = answer.audio_url
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise UnexpectedResponseError(
                f"the upload's answer has no usable audio_url ({str(url)[:100]!r} is not an http(s) URL); "
                "nothing was created. Try the upload again; if it persists, contact Gladia",
                status_code=response.status_code,
                method=response.request.method,
                url=mask_url(response.request.url, self.config),
            )
        return answer


class Common:
    """What both pre-recorded clients share: their settings, and the copies that change them."""

    _http: Any
    _config: ClientConfig
    _requests: Requests
    _seen: list[httpx.Response] | None = None  # every answer, for with_raw_response
    _owner: object

    def _recording(self, seen: list[httpx.Response]) -> Self:
        twin = copy.copy(self)
        twin._seen = seen
        return twin

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

        Each argument means what it means to GladiaClient; one not given keeps this client's value. A
        setting can be raised as well as lowered: every request reads the settings of the client that
        sends it.
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
        twin._requests = Requests(config)
        if owner is not None:
            twin._owner = owner
        return twin
