"""A Gladia callback and webhook receiver: verify or fetch, then store the transcript.

Two doors, one rule: never act on what a notification *says*, act on the job Gladia returns for its id.

- `POST|PUT /gladia/callback?token=...`: per-job callbacks are not signed. The job was created with a
  callback URL holding a secret token (`gladia.webhooks.callback_url_with_token`), so a request without it
  is refused; then the job is fetched from Gladia with our own key.
- `POST /gladia/webhook`: account webhooks are signed (Standard Webhooks). The signature and timestamp are
  checked on the raw body, redeliveries of the same `webhook-id` are dropped, and the job is fetched.

Finished jobs are written to `STORE_DIR/<job id>.txt` (the transcript) or `<job id>.error` (the error code).
Live sessions come through the same doors (their `live.*` webhooks, and their callbacks when a session was
started with this callback URL): a session is stored the same way once it has ended (`live.end_session`,
fetched with `fetch_session_async`); its other events are acknowledged.

Run it (needs `pip install 'gladia[emulator]'` for Starlette and uvicorn):

    GLADIA_API_KEY=... GLADIA_WEBHOOK_SECRET=whsec_... GLADIA_CALLBACK_TOKEN=... \\
        uvicorn --factory examples.webhook_receiver:app_from_env --port 8000
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gladia import AsyncGladiaClient, NotFoundError
from gladia.errors import (
    CallbackTokenError,
    WebhookError,
    WebhookPayloadError,
    WebhookRawBodyError,
    WebhookSecretError,
    WebhookUnknownEventError,
)
from gladia.webhooks import (
    Event,
    LiveEvent,
    LiveSessionEnded,
    TranscriptionCreated,
    construct_event,
    fetch_job_async,
    fetch_session_async,
    parse,
    verify_callback_token,
)
from gladia_api.models import PreRecordedResponse, StreamingResponse


class TranscriptStore:
    """Finished jobs on disk, one file each, written atomically so a reader never sees half a file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.seen_messages: set[str] = set()

    def save(self, job: PreRecordedResponse | StreamingResponse) -> Path:
        if str(job.status) == "done" and job.result and job.result.transcription:
            target, text = self.directory / f"{job.id}.txt", job.result.transcription.full_transcript
        else:
            target, text = self.directory / f"{job.id}.error", str(job.error_code)
        with tempfile.NamedTemporaryFile("w", dir=self.directory, delete=False, encoding="utf-8") as handle:
            handle.write(text)
        os.replace(handle.name, target)
        return target


def create_app(
    *,
    webhook_secret: str,
    callback_token: str,
    store_dir: Path,
    api_key: str | None = None,
    api_url: str | None = None,
) -> Starlette:
    """The receiver as a Starlette app; it reads jobs with `api_key` from `api_url` (default: Gladia)."""
    store = TranscriptStore(store_dir)
    client = AsyncGladiaClient(api_key=api_key, api_url=api_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with client:  # one connection pool for the app's life, closed with it
            yield

    async def handle(event: Event) -> JSONResponse:
        if isinstance(event, TranscriptionCreated) or (
            isinstance(event, LiveEvent) and not isinstance(event, LiveSessionEnded)
        ):
            return JSONResponse({"ok": True, "job_id": event.job_id, "stored": None})
        job: PreRecordedResponse | StreamingResponse
        if isinstance(event, LiveSessionEnded):
            job = await fetch_session_async(event, client)
        else:
            job = await fetch_job_async(event, client)
        return JSONResponse({"ok": True, "job_id": job.id, "stored": store.save(job).name})

    async def callback(request: Request) -> JSONResponse:
        try:
            verify_callback_token(request.query_params.get("token"), callback_token)
            return await handle(parse(await request.body()))
        except CallbackTokenError as exc:
            return refuse(401, exc)
        except (WebhookError, NotFoundError) as exc:
            return refuse(400, exc)

    async def webhook(request: Request) -> JSONResponse:
        try:
            event = construct_event(await request.body(), request.headers, webhook_secret)
        except WebhookUnknownEventError as exc:  # an event added since this SDK: acknowledge, ignore
            return JSONResponse({"ok": True, "ignored": exc.event})
        except (WebhookSecretError, WebhookRawBodyError) as exc:  # our own configuration is wrong
            return refuse(500, exc)
        except WebhookError as exc:  # not from Gladia, tampered, or replayed late
            return refuse(400, exc)
        if event.message_id in store.seen_messages:  # Gladia redelivers until it gets a 2xx
            return JSONResponse({"ok": True, "duplicate": event.message_id})
        try:
            answer = await handle(event)
        except (WebhookPayloadError, NotFoundError) as exc:
            return refuse(400, exc)
        if event.message_id:
            store.seen_messages.add(event.message_id)
        return answer

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/gladia/callback", callback, methods=["POST", "PUT"]),
            Route("/gladia/webhook", webhook, methods=["POST"]),
        ],
    )
    app.state.store = store
    return app


def refuse(status: int, error: Exception) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error": type(error).__name__, "detail": str(error)}, status_code=status
    )


def app_from_env() -> Starlette:
    """The app configured from GLADIA_API_KEY (and GLADIA_API_URL), GLADIA_WEBHOOK_SECRET,
    GLADIA_CALLBACK_TOKEN and STORE_DIR."""
    return create_app(
        webhook_secret=os.environ["GLADIA_WEBHOOK_SECRET"],
        callback_token=os.environ["GLADIA_CALLBACK_TOKEN"],
        store_dir=Path(os.environ.get("STORE_DIR", "transcripts")),
    )
