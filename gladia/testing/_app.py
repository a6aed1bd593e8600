"""The emulator's HTTP API: the routes of `openapi/gladia.yaml`, with Gladia's status codes and bodies."""

from __future__ import annotations

import asyncio
import datetime
import json
import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from gladia.testing._audio import NotAudioError
from gladia.testing._errors import OWNER, VIA_ALIAS, ApiError, error_response, path_with_query
from gladia.testing._gateway import Gateway, expects_continue
from gladia.testing._intake import BadBody, ClientGone, FetchFailed, TooLarge, drain, receive_multipart
from gladia.testing._listing import list_item, parse_query
from gladia.testing._live import live_routes
from gladia.testing._params import accepted_forms, request_params
from gladia.testing._routes import ALIAS_PREFIX, CANONICAL_PREFIX
from gladia.testing._rules import UPLOAD_URL_SCHEMA, create_problems
from gladia.testing._schema import problems as schema_problems
from gladia.testing._state import EmulatorState
from gladia.testing._store import Job, StoredFile

#: With zero timings, how long creating a job waits for its engine before answering (see create()).
INSTANT_JOB_WAIT = 0.5

# Room for the multipart framing around the file when judging a Content-Length against the size limit.
_MULTIPART_SLACK = 64 * 1024
# JSON bodies (create requests, URL uploads) are small; a larger one is refused before it fills memory.
_MAX_JSON_BYTES = 4 * 1024 * 1024


def create_app(state: EmulatorState) -> ASGIApp:
    """The whole emulator as one ASGI application: the gateway in front of the API routes."""
    api = _Api(state)
    routes = [
        Route("/v2/upload", api.upload, methods=["POST"]),
        Route("/v2/pre-recorded", api.create, methods=["POST"]),
        Route("/v2/pre-recorded", api.list, methods=["GET"]),
        Route("/v2/pre-recorded/{id}", api.get, methods=["GET"]),
        Route("/v2/pre-recorded/{id}", api.delete, methods=["DELETE"]),
        Route("/v2/pre-recorded/{id}/file", api.job_file, methods=["GET"]),
        Route("/file/{id}", api.stored_file, methods=["GET"]),
        *live_routes(state),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
        lifespan=api.lifespan,
    )
    return Gateway(app, state)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(path_with_query(request.scope), exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    # The router's own 404 and 405, in Gladia's error body.
    assert isinstance(exc, HTTPException)
    message = f"Cannot {request.method} {request.url.path}"
    return error_response(
        path_with_query(request.scope), ApiError(exc.status_code, message, headers=exc.headers)
    )


class _Api:
    def __init__(self, state: EmulatorState) -> None:
        self._state = state

    @asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self._state.loop = asyncio.get_running_loop()
        try:
            yield
        finally:
            await self._state.shut_down()

    # -------------------------------------------------------------------------------------------- upload

    async def upload(self, request: Request) -> Response:
        state, settings = self._state, self._state.config
        media = _media_type(request)
        owner = _owner(request)
        if media == "multipart/form-data":
            stored = await self._receive_upload(request, owner)
        elif _is_json(media):
            body = await _json_object(request)
            problems = schema_problems(body, UPLOAD_URL_SCHEMA)
            if problems:
                raise _invalid_body(problems)
            stored = await self._fetch_upload(body["audio_url"], owner)
        else:
            raise ApiError(
                415,
                f"Unsupported content type {media or '(none)'!r}: send the audio as multipart/form-data "
                'in the field \'audio\', or JSON {"audio_url": "https://..."}',
            )
        if stored.duration > settings.max_audio_seconds:
            state.store.discard_file_if_unused(stored)
            raise ApiError(
                413,
                f"The audio lasts {stored.duration:.0f}s, longer than the limit of "
                f"{settings.max_audio_seconds:.0f}s",
            )
        return JSONResponse(
            {"audio_url": f"{state.base_url}/file/{stored.id}", "audio_metadata": stored.upload_metadata()}
        )

    async def _receive_upload(self, request: Request, owner: str | None) -> StoredFile:
        state = self._state
        limit = state.config.max_upload_bytes
        too_large = f"The file is larger than the limit of {limit} bytes"
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit + _MULTIPART_SLACK:
            if not expects_continue(request.scope):
                await drain(request.receive)
            raise ApiError(413, too_large)
        file_id, path = state.store.new_file_path()
        try:
            received = await receive_multipart(request.receive, request.headers["content-type"], path, limit)
        except TooLarge:
            raise ApiError(413, too_large) from None
        except BadBody as exc:
            raise ApiError(400, str(exc)) from None
        except ClientGone:
            raise ApiError(400, "The client disconnected during the upload") from None
        try:
            return await state.fetcher.keep(file_id, received, owner)
        except NotAudioError as exc:
            raise ApiError(422, f"Invalid audio file: {exc}") from None

    async def _fetch_upload(self, url: str, owner: str | None) -> StoredFile:
        try:
            return await self._state.fetcher.fetch(url, owner)
        except FetchFailed as exc:
            raise ApiError(422, f"Could not fetch the audio: {exc}") from None
        except TooLarge as exc:
            raise ApiError(413, str(exc)) from None
        except NotAudioError as exc:
            raise ApiError(422, f"Invalid audio file at {url}: {exc}") from None

    # -------------------------------------------------------------------------------------------- jobs

    async def create(self, request: Request) -> Response:
        state = self._state
        media = _media_type(request)
        if not _is_json(media):
            raise ApiError(400, f"Content-Type must be application/json, got {media or '(none)'!r}")
        body = accepted_forms(await _json_object(request))
        problems = create_problems(body)
        if problems:
            raise _invalid_body(problems)
        metadata = body.get("custom_metadata")
        job = Job(
            id=str(uuid.uuid4()),
            created_at=datetime.datetime.now(datetime.timezone.utc),
            audio_url=body["audio_url"],
            request_params=request_params(body),
            custom_metadata=dict(metadata) if isinstance(metadata, Mapping) else None,
            owner=_owner(request),
        )
        own = state.fetcher.own_file_id(job.audio_url)
        stored = state.store.file(own) if own is not None else None
        if stored is not None and stored.owner == job.owner:
            job.file = stored  # shown at once, as for uploads; fetched later otherwise
        state.store.add_job(job)
        state.counters.count_job()
        running = state.lifecycle.start(job)
        state.notifier.job_created(job)
        timings = state.config
        if not (timings.queued_seconds or timings.processing_seconds or timings.realtime_factor):
            # With no queued or processing time a job lasts as long as its engine takes. Give a fast
            # engine a moment to finish before answering, so a client that looks at once finds the job
            # done, every time (tests stay fast and deterministic); a slow one runs on after the answer.
            await asyncio.wait({running}, timeout=INSTANT_JOB_WAIT)
        # The result URL follows the path the job was created by, as Gladia's does.
        prefix = ALIAS_PREFIX if request.scope.get(VIA_ALIAS) else CANONICAL_PREFIX
        return JSONResponse(
            {"id": job.id, "result_url": f"{state.base_url}{prefix}/{job.id}"}, status_code=201
        )

    async def list(self, request: Request) -> Response:
        state = self._state
        query = parse_query(request.query_params.multi_items())
        owner = _owner(request)
        total, page = state.store.snapshots(
            lambda job: job.owner == owner and query.keeps(job), query.offset, query.limit
        )
        following = query.offset + query.limit
        return JSONResponse(
            {
                "first": query.link(state.base_url, 0),
                "current": query.link(state.base_url, query.offset),
                "next": query.link(state.base_url, following) if following < total else None,
                "items": [list_item(job) for job in page],
            }
        )

    async def get(self, request: Request) -> Response:
        job = self._job(request)
        snapshot = self._state.store.snapshot(job.id)
        if snapshot is None:
            raise _not_found(job.id)
        return JSONResponse(snapshot)

    async def delete(self, request: Request) -> Response:
        state = self._state
        job = self._job(request)
        if not job.finished:
            raise ApiError(
                403,
                f"The job is {job.status}: only a job that is done or in error can be deleted; wait for it to end",
            )
        state.store.remove_job(job.id)
        if job.file is not None:
            state.store.discard_file_if_unused(job.file)
        return Response(status_code=202)

    async def job_file(self, request: Request) -> Response:
        job = self._job(request)
        if job.file is None:
            raise ApiError(404, "This job has no audio file: its audio could not be fetched")
        return _file_response(job.file)

    async def stored_file(self, request: Request) -> Response:
        stored = self._state.store.file(request.path_params["id"])
        if stored is None or stored.owner != _owner(request):
            raise ApiError(404, "No file with this id is stored here")
        return _file_response(stored)

    def _job(self, request: Request) -> Job:
        job_id = request.path_params["id"]
        try:
            uuid.UUID(job_id)
        except ValueError:
            raise ApiError(400, f"Invalid id {job_id!r}: a job id is a UUID") from None
        job = self._state.store.job(job_id)
        if job is None or job.owner != _owner(request):
            raise _not_found(job_id)
        return job


def _owner(request: Request) -> str | None:
    """The account (API key) the gateway accepted the request with."""
    owner: str | None = request.scope.get(OWNER)
    return owner


def _invalid_body(problems: list[str]) -> ApiError:
    """Gladia's answer to a body that breaks the schema: 400 with one `validation_errors` entry per problem."""
    message = (
        problems[0] if len(problems) == 1 else f"{len(problems)} invalid parameters: " + "; ".join(problems)
    )
    return ApiError(400, message, validation_errors=problems)


def _not_found(job_id: str) -> ApiError:
    return ApiError(404, f"No job with id {job_id}: it does not exist, or it was deleted")


def _file_response(stored: StoredFile) -> Response:
    # FileResponse streams from disk in chunks; nothing is loaded whole.
    return FileResponse(stored.path, media_type="application/octet-stream", filename=stored.filename)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _is_json(media: str) -> bool:
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


async def _json_object(request: Request) -> dict[str, Any]:
    """The request body as a JSON object.

    Raises:
        ApiError: 400 when it is missing, too large, not JSON, or not an object.
    """
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > _MAX_JSON_BYTES:
            raise ApiError(400, f"The JSON body is larger than {_MAX_JSON_BYTES} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise ApiError(400, "The body is empty: send a JSON object")
    try:
        body = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, f"The body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"The body must be a JSON object, got {type(body).__name__}")
    return body


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")
