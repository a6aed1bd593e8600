"""A web app that takes an audio file from a browser form and answers with its transcript (Starlette).

    GLADIA_API_KEY=... uvicorn --factory examples.web_upload:app_from_env --port 8000
    # then open http://127.0.0.1:8000, or: curl -F audio=@meeting.wav http://127.0.0.1:8000/transcribe

`GET /` is an upload form; `POST /transcribe` takes the multipart field `audio` and answers
`{"job_id": ..., "transcript": ...}`. The upload is never held whole in memory: python-multipart spools it to
a temporary file, and the SDK streams that file to Gladia. A request announcing more than `MAX_UPLOAD_BYTES`
is refused before its body is read; a file that is not audio gets the SDK's own message, as a 400, before
anything is sent to Gladia. One client (one connection pool) serves the whole app and is closed with it.
Starlette, uvicorn and python-multipart come with the `emulator` extra.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from gladia import AsyncGladiaClient
from gladia.errors import APIError, GladiaError, InvalidSourceError

MAX_UPLOAD_BYTES = 500 * 1024 * 1024

FORM = """<!doctype html>
<title>Transcribe</title>
<form method="post" action="/transcribe" enctype="multipart/form-data">
  <input type="file" name="audio" accept="audio/*,video/*" required>
  <button>Transcribe</button>
</form>
"""


def create_app(*, api_key: str | None = None, api_url: str | None = None) -> Starlette:
    """The app, calling Gladia (or the emulator at `api_url`) with `api_key`."""
    client = AsyncGladiaClient(api_key=api_key, api_url=api_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with client:
            yield

    async def form(request: Request) -> HTMLResponse:
        return HTMLResponse(FORM)

    async def transcribe(request: Request) -> JSONResponse:
        announced = request.headers.get("content-length")
        if announced is not None and announced.isdigit() and int(announced) > MAX_UPLOAD_BYTES:
            return JSONResponse(
                {"error": f"uploads are limited to {MAX_UPLOAD_BYTES} bytes"}, status_code=413
            )
        async with request.form(max_files=1, max_fields=10) as fields:
            upload = fields.get("audio")
            if not isinstance(upload, UploadFile):
                return JSONResponse(
                    {"error": "send the file in the multipart field 'audio'"}, status_code=400
                )
            try:
                job = await client.prerecorded().transcribe(upload.file)
            except InvalidSourceError as error:  # not audio, empty, ...: the user's to fix, nothing sent
                return JSONResponse({"error": str(error)}, status_code=400)
            except (APIError, GladiaError) as error:  # Gladia refused it, or could not be reached
                return JSONResponse({"error": str(error).splitlines()[0]}, status_code=502)
        return JSONResponse({"job_id": job.id, "transcript": job.result.transcription.full_transcript})

    return Starlette(
        lifespan=lifespan,
        routes=[Route("/", form), Route("/transcribe", transcribe, methods=["POST"])],
    )


def app_from_env() -> Starlette:
    """The app configured from GLADIA_API_KEY (and GLADIA_API_URL)."""
    return create_app()
