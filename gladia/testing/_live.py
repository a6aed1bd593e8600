"""The emulator's live API: `/v2/live` over HTTP, and the session's WebSocket.

`POST /v2/live` checks the options as Gladia does (`_rules`, against the spec) and answers `{id, created_at,
url}`, where `url` is `ws://.../v2/live?token=...`: the token is the credential, so the socket needs no key.
On the socket the client sends binary audio frames (or `audio_chunk` JSON with base64) and then
`{"type": "stop_recording"}`. The server acknowledges each chunk with its byte range (offsets counted from
the session's first byte, across reconnections), and the deterministic engine (`_live_engine`) reveals the
session's transcript as the audio arrives; with a speech engine configured (`EmulatorConfig.engine`, e.g.
the local Whisper one), `_live_windows` has it transcribe the stream window by window instead. A session
survives a dropped connection: connect again to the same `url` and send what was not acknowledged. A client
closing with 1000 ends the recording.

Each connection reads in one task and keeps, acknowledges and transcribes in another (`_Connection`), so a
window that takes the engine seconds never stops the socket: pings are answered, closes seen and audio read
meanwhile (acknowledged once the engine has caught up). Each connection of a session is a generation: the
audio an older connection still had queued when a newer one opened is discarded, since the client sends it
again on the newer one, so nothing is kept twice.

As Gladia, a session with `callback: true` and a `callback_config.url` also POSTs its messages there, those
of the kinds `callback_config` chooses, each as `{id, event: "live.<type>", payload: <message>}`; and its
lifecycle (`live.start_session`, `live.start_recording`, `live.end_recording`, `live.end_session`) goes to
the emulator's `webhook_urls` as webhooks. Both are sent in the background by the notifier (`_notify`),
whatever the socket's `messages_config` says and whether or not the client is still connected.

The WebSocket stack is uvicorn's `websockets-sansio` protocol. Measured on this project's 2-core runner,
streaming 30 minutes of 16 kHz audio (18,000 frames of 100 ms, one JSON ack each) through a Starlette
endpoint: 0.70-0.74 s wall with `websockets-sansio`, 1.06-1.34 s with the legacy `websockets` protocol
(deprecated by uvicorn) and 1.26-1.52 s with `wsproto`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import datetime
import json
import logging
import uuid
from collections.abc import Mapping
from typing import Any, cast

import attrs
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from gladia.testing import _addons
from gladia.testing._errors import ApiError, utc_timestamp
from gladia.testing._listing import list_item, parse_query
from gladia.testing._live_engine import Event
from gladia.testing._live_state import Drop, LiveJob, LiveState
from gladia.testing._notify import Notifier
from gladia.testing._rules import (
    LIVE_BIT_DEPTH,
    LIVE_CHANNELS,
    LIVE_ENCODING,
    LIVE_ENDPOINTING,
    LIVE_SAMPLE_RATE,
    live_problems,
)
from gladia.testing._schema import problems as schema_problems
from gladia.testing._state import EmulatorState
from gladia.testing._store import Job

logger = logging.getLogger("gladia.testing")

_MAX_JSON_BYTES = 1024 * 1024
# Audio a connection may have read and not yet kept (the engine busy): past it, it reads no more until the
# engine catches up. Far above what a client that waits for acknowledgments keeps in flight (the SDK: 4 MiB).
_MAX_QUEUED_BYTES = 64 * 1024 * 1024
# Which `messages_config` flag lets each kind of message through, and its default (StreamingRequest's).
_FLAGS = {
    "partial": ("receive_partial_transcripts", False),
    "final": ("receive_final_transcripts", True),
    "speech": ("receive_speech_events", True),
    "realtime": ("receive_realtime_processing_events", True),
    "post": ("receive_post_processing_events", True),
    "ack": ("receive_acknowledgments", True),
    "error": ("receive_errors", True),
    "lifecycle": ("receive_lifecycle_events", False),
}
# Which `callback_config` flag POSTs each kind of message to the callback URL, and its default
# (CallbackConfig's). Gladia's document declares no callback body for errors: they are never sent there.
_CALLBACK_FLAGS = {
    "partial": ("receive_partial_transcripts", False),
    "final": ("receive_final_transcripts", True),
    "speech": ("receive_speech_events", False),
    "realtime": ("receive_realtime_processing_events", True),
    "post": ("receive_post_processing_events", True),
    "ack": ("receive_acknowledgments", False),
    "lifecycle": ("receive_lifecycle_events", True),
}
_WEBHOOKS = frozenset({"start_session", "start_recording", "end_recording", "end_session"})
_REALTIME_ADDONS = ("translation", "named_entity_recognition", "sentiment_analysis")
_POST_ADDONS = ("post_summarization",)
_DEFAULTS = {
    "encoding": LIVE_ENCODING,
    "bit_depth": LIVE_BIT_DEPTH,
    "sample_rate": LIVE_SAMPLE_RATE,
    "channels": LIVE_CHANNELS,
    "model": "solaria-1",
    "endpointing": LIVE_ENDPOINTING,
    "maximum_duration_without_endpointing": 5,
}


def live_routes(state: EmulatorState) -> list[BaseRoute]:
    """The routes of the live API, to mount in the emulator's app."""
    api = _LiveApi(state)
    return [
        Route("/v2/live", api.create, methods=["POST"]),
        Route("/v2/live", api.list, methods=["GET"]),
        WebSocketRoute("/v2/live", api.socket),
        Route("/v2/live/{id}", api.get, methods=["GET"]),
        Route("/v2/live/{id}", api.delete, methods=["DELETE"]),
        Route("/v2/live/{id}", api.patch, methods=["PATCH"]),
        Route("/v2/live/{id}/file", api.file, methods=["GET"]),
    ]


class _LiveApi:
    def __init__(self, state: EmulatorState) -> None:
        self._state = state

    @property
    def _live(self) -> LiveState:
        return self._state.live

    # -------------------------------------------------------------------------------------------- HTTP

    async def create(self, request: Request) -> Response:
        owner = self._check_key(request)
        for region in request.query_params.getlist("region"):
            wrong = schema_problems(region, "StreamingSupportedRegions")
            if wrong:
                raise ApiError(
                    400,
                    "Invalid query parameters",
                    validation_errors=[wrong[0].replace("the body", "region", 1)],
                )
        body = await _json_object(request)
        problems = live_problems(body)
        if problems:
            message = problems[0] if len(problems) == 1 else f"{len(problems)} invalid parameters"
            raise ApiError(422, message, validation_errors=problems)
        metadata = body.get("custom_metadata")
        params = {**_DEFAULTS, **{k: v for k, v in body.items() if k != "custom_metadata"}}
        job = self._live.create(params, dict(metadata) if isinstance(metadata, Mapping) else None, owner)
        ws_base = "ws" + self._state.base_url[len("http") :]
        return JSONResponse(
            {
                "id": job.id,
                "created_at": job.to_json()["created_at"],
                "url": f"{ws_base}/v2/live?token={job.token}",
            },
            status_code=201,
        )

    async def list(self, request: Request) -> Response:
        owner = self._check_key(request)
        query = parse_query(request.query_params.multi_items())
        matching = [j for j in self._live.jobs() if j.owner == owner and query.keeps(cast(Job, j))]
        # Items are trimmed as pre-recorded ones are (list_01): no transcript, add-ons or messages.
        page = [list_item(j.to_json()) for j in matching[query.offset : query.offset + query.limit]]
        following = query.offset + query.limit
        base = self._state.base_url

        def link(offset: int) -> str:
            return query.link(base, offset, "/v2/live")

        return JSONResponse(
            {
                "first": link(0),
                "current": link(query.offset),
                "next": link(following) if following < len(matching) else None,
                "items": page,
            }
        )

    async def get(self, request: Request) -> Response:
        return JSONResponse(self._job(request).to_json())

    async def delete(self, request: Request) -> Response:
        job = self._job(request)
        if not job.finished:
            raise ApiError(403, f"The session is {job.status}: stop its recording before deleting it")
        self._live.remove(job.id)
        return Response(status_code=202)

    async def patch(self, request: Request) -> Response:
        job = self._job(request)
        body = await _json_object(request)
        # The emulator changes only what it can show back: the custom metadata.
        metadata = body.get("custom_metadata")
        if isinstance(metadata, Mapping):
            job.custom_metadata = dict(metadata)
        return Response(status_code=204)

    async def file(self, request: Request) -> Response:
        job = self._job(request)
        if not job.ended:
            raise ApiError(404, "This session has no audio file yet: its recording has not ended")
        return Response(
            job.wav(),
            media_type="application/octet-stream",
            headers={"content-disposition": f'attachment; filename="{job.id}.wav"'},
        )

    def _check_key(self, request: Request) -> str:
        """The key of the request, its account; ApiError 401 when it is missing or unknown."""
        given = request.headers.get("x-gladia-key")
        if not given:
            raise ApiError(401, "gladia key not found: send your API key in the x-gladia-key header")
        if given not in self._state.config.api_keys:
            raise ApiError(401, "invalid gladia key: this key is not one the emulator was started with")
        return given

    def _job(self, request: Request) -> LiveJob:
        owner = self._check_key(request)
        session_id = request.path_params["id"]
        try:
            uuid.UUID(session_id)
        except ValueError:
            raise ApiError(400, f"Invalid id {session_id!r}: a session id is a UUID") from None
        job = self._live.job(session_id)
        if job is None or job.owner != owner:
            raise ApiError(404, f"No live session with id {session_id}: it does not exist, or it was deleted")
        return job

    # -------------------------------------------------------------------------------------------- socket

    async def socket(self, ws: WebSocket) -> None:
        job = self._live.by_token(ws.query_params.get("token", ""))
        if job is None or job.ended:
            await ws.close(code=4001, reason="unknown or expired session token")  # refused: HTTP 403
            return
        await ws.accept()
        session = _Connection(ws, job, self._live, self._live.next_drop(), self._state.notifier)
        await session.run()


class _Stop:
    """The client sent `stop_recording`."""


_STOP = _Stop()


@attrs.frozen
class _Closed:
    """The connection closed with `code` (1000: the client ended the recording)."""

    code: int


@attrs.frozen
class _Refused:
    """An `audio_chunk` message that is not valid: acknowledged as refused, in its place among the chunks."""

    problem: str


@attrs.frozen
class _Unreadable:
    """A message the emulator cannot read: answered with an error message, in its place."""

    problem: str


# What the reader hands the worker: audio, or one of the above.
_Item = bytes | _Stop | _Closed | _Refused | _Unreadable


class _Connection:
    """One WebSocket connection of a session (a session may have several, one after the other).

    Two tasks: the reader takes every message as it arrives, so pings are answered, the client's close is
    seen and its audio is read even while the engine transcribes (the Whisper engine takes seconds of CPU
    per window); the worker keeps, acknowledges and transcribes the audio in order, with a queue between
    them. A connection is the session's generation `job.connections` when it opens: once a newer one has
    opened, what the older one still has queued (audio the client resends on the new one, since it was never
    acknowledged) is discarded, never kept twice. Audio queued on a connection lost without a clean close
    is discarded for the same reason.
    """

    def __init__(
        self, ws: WebSocket, job: LiveJob, live: LiveState, drop: Drop | None, notifier: Notifier
    ) -> None:
        self._ws, self._job, self._live, self._drop, self._notifier = ws, job, live, drop, notifier
        self._received = 0
        self._generation = 0
        self._lost = False  # closed other than cleanly (or by a fault): its audio not kept yet never will be
        self._queue: asyncio.Queue[_Item] = asyncio.Queue()
        self._queued_bytes = 0
        self._room = asyncio.Event()
        self._room.set()
        config = job.params.get("messages_config") or {}
        self._allowed = {kind: bool(config.get(flag, default)) for kind, (flag, default) in _FLAGS.items()}
        callback = job.params.get("callback_config") or {}
        url = callback.get("url")
        self._callback_url = (
            url if job.params.get("callback") is True and isinstance(url, str) and url else None
        )
        self._callback_kinds = {
            kind for kind, (flag, default) in _CALLBACK_FLAGS.items() if callback.get(flag, default) is True
        }

    @property
    def _current(self) -> bool:
        """Whether this is the session's newest connection (the only one whose audio is kept)."""
        return self._generation == self._job.connections

    async def run(self) -> None:
        job = self._job
        job.connections += 1
        self._generation = job.connections
        job.socket = self._ws  # the session's messages go to its newest connection
        if not job.session_started:
            job.session_started = True
            await self._send("lifecycle", "start_session")
        reader = asyncio.create_task(self._read(), name=f"gladia-live-read-{job.id[:8]}")
        try:
            await self._work()
        finally:
            reader.cancel()
            await asyncio.wait([reader])
            # What the reader queued and the worker never took (after a stop, a close or a fault) is
            # accounted for as discarded: every byte received is kept once or discarded.
            while not self._queue.empty():
                item = self._queue.get_nowait()
                if isinstance(item, bytes):
                    self._discard(item)

    # -------------------------------------------------------------------------------------------- reader

    async def _read(self) -> None:
        """Read every message until the connection closes, whatever the worker is doing."""
        stopped = False
        try:
            while True:
                message = await self._ws.receive()
                if message["type"] == "websocket.disconnect":
                    code = message.get("code", 1000)
                    self._lost = self._lost or code != 1000
                    self._queue.put_nowait(_Closed(code))
                    return
                item: _Item | None = message.get("bytes")
                if item is None and message.get("text") is not None:
                    item = _parse(message["text"])
                if isinstance(item, bytes):
                    with self._live.lock:
                        self._live.counters.bytes_received += len(item)
                    if stopped:
                        self._discard(item)  # audio after stop_recording is not part of the recording
                        continue
                    await self._room.wait()  # a client that ignores acknowledgments: memory stays bounded
                    self._queued_bytes += len(item)
                    if self._queued_bytes >= _MAX_QUEUED_BYTES:
                        self._room.clear()
                if item is not None and not stopped:
                    self._queue.put_nowait(item)
                    stopped = item is _STOP
        except WebSocketDisconnect as exc:
            self._lost = self._lost or exc.code != 1000
            self._queue.put_nowait(_Closed(exc.code))
        except Exception:
            logger.exception("live session %s: reading its connection failed", self._job.id)
            self._lost = True
            self._queue.put_nowait(_Closed(1011))

    # -------------------------------------------------------------------------------------------- worker

    async def _work(self) -> None:
        """Take what the reader queued, in order, until the connection ends (a stop, a close or a fault)."""
        job = self._job
        while True:
            item = await self._queue.get()
            if isinstance(item, bytes):
                self._queued_bytes -= len(item)
                if self._queued_bytes < _MAX_QUEUED_BYTES:
                    self._room.set()
                if not await self._audio(item):
                    return
            elif isinstance(item, _Closed):
                if item.code == 1000 and self._current and not job.ended:
                    await self._end(send=False)  # a clean close ends the recording, as stop_recording
                return
            elif isinstance(item, _Stop):
                if self._current:
                    await self._stop()
                    return
            elif self._current:
                if isinstance(item, _Refused):
                    await self._refuse_chunk(item.problem)
                else:
                    await self._error(item.problem)

    def _keeps(self) -> bool:
        """Whether audio this connection reads now is kept. Not once it is lost or replaced: that audio was
        never acknowledged, so the client sends it again on its next connection. Nor once the session ended."""
        return not self._lost and self._current and not self._job.ended

    def _discard(self, chunk: bytes) -> None:
        with self._live.lock:
            self._live.counters.bytes_discarded += len(chunk)

    async def _audio(self, chunk: bytes) -> bool:
        """Keep, acknowledge and transcribe a chunk of audio; False when a fault closed the connection."""
        job = self._job
        if not self._keeps():
            self._discard(chunk)
            return True
        drop = self._drop
        if drop is not None and self._received + len(chunk) > drop.after_bytes:
            self._discard(chunk)
            self._lost = True
            await self._ws.close(code=drop.code, reason=drop.reason)
            return False
        self._received += len(chunk)
        if not chunk:
            return True
        if not job.recording_started:
            job.recording_started = True
            job.status = "processing"
            await self._send("lifecycle", "start_recording")
            if not self._keeps():  # (again: a newer connection may have opened during that send)
                self._discard(chunk)
                return True
        start = len(job.audio)
        if start == 0:
            # The document accepts a WAV header before the samples: it is kept, acknowledged, never timed.
            job.header_bytes = wav_header_length(chunk)
        with self._live.lock:
            job.audio += chunk
        end = len(job.audio)
        await self._send(
            "ack",
            "audio_chunk",
            {"byte_range": [start, end], "time_range": [job.seconds_at(start), job.seconds_at(end)]},
            acknowledged=True,
        )
        for event in await job.engine.advance(job.duration):
            await self._event(event)
        await self._report_problem()
        return True

    async def _report_problem(self) -> None:
        """Say once, as an error message, why the session's audio cannot be transcribed."""
        job = self._job
        if job.problem is not None and not job.problem_sent:
            job.problem_sent = True
            await self._error(job.problem)

    async def _stop(self) -> None:
        job = self._job
        await self._send(
            "ack",
            "stop_recording",
            {"recording_duration": job.duration, "recording_left_to_process": 0},
            acknowledged=True,
        )
        await self._end(send=True)
        await self._ws.close(code=1000)

    async def _end(self, *, send: bool) -> None:
        """The recording is over: finish the transcript, send the closing messages (when the socket is
        still open) and store the job as done."""
        job = self._job
        deliver = self._send if send else self._record
        for event in await job.engine.finish(job.duration):
            await self._event(event, deliver=deliver)
        if send:
            await self._report_problem()
        job.ended = True
        await deliver("lifecycle", "end_recording", {"recording_duration": job.duration})
        await deliver("post", "post_transcript", job.transcription())
        blocks = job.addon_blocks()
        summary = blocks.get("summarization")
        if summary is not None:
            # chapterization is deprecated and ignored: no post_chapterization message.
            if summary["success"]:
                await deliver("post", "post_summarization", {"results": summary["results"]}, error=None)
            else:
                await deliver(
                    "post", "post_summarization", None, error={"message": summary["error"]["message"]}
                )
        await deliver(
            "post",
            "post_final_transcript",
            {"metadata": job.metadata(), "transcription": job.transcription(), **blocks},
        )
        job.status = "done"
        job.completed_at = datetime.datetime.now(datetime.timezone.utc)
        await deliver("lifecycle", "end_session")

    async def _event(self, event: Event, deliver: Any = None) -> None:
        deliver = deliver or self._send
        if event.kind in ("speech_start", "speech_end"):
            await deliver("speech", event.kind, {"time": event.time, "channel": event.utterance.channel})
            return
        data = event.transcript_data()
        await deliver("final" if event.kind == "final" else "partial", "transcript", data)
        if event.kind == "final":
            job = self._job
            realtime = job.params.get("realtime_processing") or {}
            for addon in _REALTIME_ADDONS:
                if realtime.get(addon) is not True:
                    continue
                if job.addons_mode == _addons.FAIL:
                    message = f"The Gladia emulator does not run {addon} (it was started with addons='fail')"
                    await deliver("realtime", addon, None, error={"message": message})
                    continue
                for item in _addons.live_message_data(addon, job.params, data["id"], data["utterance"]):
                    await deliver("realtime", addon, item, error=None)

    async def _refuse_chunk(self, problem: str) -> None:
        await self._send("ack", "audio_chunk", None, acknowledged=False, error={"message": problem})

    async def _error(self, problem: str) -> None:
        await self._send("error", "error", None, error={"message": problem})

    def _message(self, kind: str, data: Any, **extra: Any) -> dict[str, Any]:
        message: dict[str, Any] = {
            "session_id": self._job.id,
            "created_at": utc_timestamp(),
            "type": kind,
        }
        if "acknowledged" in extra:
            message["acknowledged"] = extra["acknowledged"]
        if "error" in extra or kind in ("audio_chunk", "stop_recording", *_REALTIME_ADDONS, *_POST_ADDONS):
            message["error"] = extra.get("error")
        if data is not None or "error" in message:
            message["data"] = data
        return message

    async def _record(self, category: str, kind: str, data: Any = None, **extra: Any) -> None:
        text = json.dumps(self._message(kind, data, **extra))
        self._job.messages.append(text)
        self._notify(category, kind, text)

    async def _send(self, category: str, kind: str, data: Any = None, **extra: Any) -> None:
        text = json.dumps(self._message(kind, data, **extra))
        self._job.messages.append(text)
        self._notify(category, kind, text)
        # To the session's newest connection: what an older one's engine call hears is the session's.
        ws = self._job.socket
        if not self._allowed[category] or ws is None or ws.client_state != WebSocketState.CONNECTED:
            return
        with self._live.lock:
            self._live.counters.messages_sent += 1
        # If the client left meanwhile, the message stays in the stored session all the same.
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            await ws.send_text(text)

    def _notify(self, category: str, kind: str, text: str) -> None:
        """Queue what Gladia sends besides the socket: the message's callback and the lifecycle's webhook."""
        job = self._job
        if self._callback_url is not None and category in self._callback_kinds:
            self._notifier.live_callback(job.id, self._callback_url, f"live.{kind}", text)
        if kind in _WEBHOOKS:
            self._notifier.live_webhook(job.id, f"live.{kind}")


def _parse(text: str) -> _Item:
    """What a text message from the client is: audio (`audio_chunk`), a stop, or something to answer."""
    try:
        message = json.loads(text)
    except ValueError:
        return _Unreadable("The message is not JSON: send audio as binary frames or audio_chunk JSON")
    kind = message.get("type") if isinstance(message, dict) else None
    if kind == "stop_recording":
        return _STOP
    if kind != "audio_chunk":
        return _Unreadable(f"Unknown message type {kind!r}: send audio_chunk or stop_recording")
    problems = schema_problems(message, "AudioChunkAction")
    if problems:
        return _Refused("; ".join(problems))
    try:
        return base64.b64decode(message["data"]["chunk"], validate=True)
    except (binascii.Error, ValueError):
        return _Refused("data.chunk: not valid base64")


async def _json_object(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";", 1)[0].strip().lower() != "application/json":
        raise ApiError(400, "Content-Type must be application/json")
    raw = await request.body()
    if len(raw) > _MAX_JSON_BYTES:
        raise ApiError(400, f"The JSON body is larger than {_MAX_JSON_BYTES} bytes")
    try:
        body = json.loads(raw) if raw.strip() else None
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, f"The body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object")
    return body


def wav_header_length(chunk: bytes) -> int:
    """The length of the WAV header `chunk` begins with (up to its `data` chunk's samples), or 0 for none."""
    if len(chunk) < 12 or chunk[:4] != b"RIFF" or chunk[8:12] != b"WAVE":
        return 0
    offset = 12
    while offset + 8 <= len(chunk):
        name, size = chunk[offset : offset + 4], int.from_bytes(chunk[offset + 4 : offset + 8], "little")
        if name == b"data":
            return offset + 8
        offset += 8 + size + (size & 1)
    return 0  # a header cut across frames: taken as audio, as before
