"""End to end: the emulator finishes a job and notifies a receiver on loopback (examples/webhook_receiver.py),
which verifies or fetches, then stores the transcript. Tampered, unsigned, stale and forged requests are
each refused with their own error."""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from examples.webhook_receiver import create_app
from gladia import GladiaClient
from gladia.testing import Emulator
from gladia.webhooks import callback_url_with_token, sign
from tests.conftest import make_wav

SECRET = "whsec_" + "c2VjcmV0LWZvci10aGUtZTJlLXRlc3Q="
TOKEN = secrets.token_urlsafe(16)
TEXT = "The receiver stores what Gladia says, not what the sender says."


class Receiver:
    """examples/webhook_receiver.py served by uvicorn in a thread, reading jobs from the emulator."""

    def __init__(self, emu: Emulator, store: Path) -> None:
        self.store = store
        app = create_app(
            webhook_secret=SECRET, callback_token=TOKEN, store_dir=store, api_key=emu.api_key, api_url=emu.url
        )
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._server = uvicorn.Server(
            uvicorn.Config(app, log_config=None, log_level="warning", lifespan="on")
        )
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)

    def stored(self, job_id: str, timeout: float = 10.0) -> str:
        target = self.store / f"{job_id}.txt"
        deadline = time.monotonic() + timeout
        while not target.exists():
            assert time.monotonic() < deadline, f"nothing stored for {job_id}"
            time.sleep(0.02)
        return target.read_text(encoding="utf-8")

    def close(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()


@pytest.fixture
def receiver(emu: Emulator, tmp_path: Path) -> Iterator[Receiver]:
    server = Receiver(emu, tmp_path / "store")
    emu.configure(webhook_urls=(server.url + "/gladia/webhook",), webhook_secret=SECRET)
    yield server
    server.close()


@pytest.fixture
def finished(emu: Emulator, receiver: Receiver, tmp_path: Path) -> str:
    """A job transcribed with a callback to the receiver; its id, once both notifications were handled."""
    audio = tmp_path / "call.wav"
    audio.write_bytes(make_wav(2.0, tone=True))
    emu.transcripts.add(audio, TEXT)
    callback = callback_url_with_token(receiver.url + "/gladia/callback", TOKEN)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        job = client.prerecorded().transcribe(
            audio, {"callback": True, "callback_config": {"url": callback, "method": "PUT"}}
        )
    emu.wait_for_deliveries(3)  # created + success webhooks, and the callback
    return job.id


def test_signed_webhooks_and_token_callbacks_store_the_transcript(
    emu: Emulator, receiver: Receiver, finished: str
) -> None:
    assert receiver.stored(finished) == TEXT
    deliveries = emu.deliveries
    kinds = sorted((d.kind, d.event) for d in deliveries)
    assert kinds == [
        ("callback", "transcription.success"),
        ("webhook", "transcription.created"),
        ("webhook", "transcription.success"),
    ]
    assert all(d.status == 200 for d in deliveries), [(d.event, d.status) for d in deliveries]
    callback = next(d for d in deliveries if d.kind == "callback")
    assert callback.method == "PUT"


def webhook_delivery(emu: Emulator) -> tuple[dict[str, str], bytes]:
    delivery = next(d for d in emu.deliveries if d.kind == "webhook" and d.event == "transcription.success")
    return {k: v for k, v in delivery.headers.items() if k.lower().startswith("webhook-")}, delivery.body


def test_a_redelivery_is_recognised_by_its_message_id(
    emu: Emulator, receiver: Receiver, finished: str
) -> None:
    headers, body = webhook_delivery(emu)
    answer = httpx.post(receiver.url + "/gladia/webhook", content=body, headers=headers)
    assert answer.status_code == 200
    assert answer.json()["duplicate"] == headers["webhook-id"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ("tampered body", "WebhookSignatureError"),
        ("wrong secret", "WebhookSignatureError"),
        ("missing signature header", "WebhookMissingHeadersError"),
        ("missing id header", "WebhookMissingHeadersError"),
        ("timestamp too old", "WebhookTimestampError"),
        ("timestamp in the future", "WebhookTimestampError"),
    ],
)
def test_bad_webhooks_are_refused_with_their_own_error(
    emu: Emulator, receiver: Receiver, finished: str, change: str, error: str
) -> None:
    headers, body = webhook_delivery(emu)
    headers["webhook-id"] = "msg_" + secrets.token_hex(8)  # a fresh id, so it is not taken for a redelivery
    stamp = int(time.time())
    if change == "tampered body":
        data = json.loads(body)
        data["payload"]["id"] = "00000000-0000-4000-8000-000000000000"
        body = json.dumps(data).encode()
    elif change == "wrong secret":
        stamp_headers(headers, "whsec_" + "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==", body, stamp)
    elif change == "missing signature header":
        stamp_headers(headers, SECRET, body, stamp)
        del headers["webhook-signature"]
    elif change == "missing id header":
        del headers["webhook-id"]
    elif change == "timestamp too old":
        stamp_headers(headers, SECRET, body, stamp - 3600)
    elif change == "timestamp in the future":
        stamp_headers(headers, SECRET, body, stamp + 3600)
    answer = httpx.post(receiver.url + "/gladia/webhook", content=body, headers=headers)
    assert answer.status_code == 400
    assert answer.json()["error"] == error
    assert len(list(receiver.store.iterdir())) == 1  # only the genuine job was stored


def stamp_headers(headers: dict[str, str], secret: str, body: bytes, stamp: int) -> None:
    headers["webhook-timestamp"] = str(stamp)
    headers["webhook-signature"] = sign(secret, headers["webhook-id"], stamp, body)


def test_a_callback_without_the_token_is_refused(emu: Emulator, receiver: Receiver, finished: str) -> None:
    body = next(d for d in emu.deliveries if d.kind == "callback").body
    answer = httpx.post(receiver.url + "/gladia/callback", content=body)
    assert answer.status_code == 401
    assert answer.json()["error"] == "CallbackTokenError"


def test_a_forged_callback_with_the_token_is_caught_by_the_fetch(
    emu: Emulator, receiver: Receiver, finished: str
) -> None:
    # Someone who learned the URL claims the job failed; Gladia (the emulator) says it is done.
    forged = {"id": finished, "event": "transcription.error", "error": {"code": 500, "message": "boom"}}
    answer = httpx.post(callback_url_with_token(receiver.url + "/gladia/callback", TOKEN), json=forged)
    assert answer.status_code == 400
    assert answer.json()["error"] == "WebhookPayloadError"
    assert receiver.stored(finished) == TEXT
    assert not (receiver.store / f"{finished}.error").exists()


def test_a_live_session_is_stored_once_it_ends_and_its_other_events_are_acknowledged(
    emu: Emulator, receiver: Receiver
) -> None:
    emu.live.say(TEXT)
    callback = callback_url_with_token(receiver.url + "/gladia/callback", TOKEN)
    options = {"callback": True, "callback_config": {"url": callback}}
    client = GladiaClient(api_key=emu.api_key, api_url=emu.url)
    with client, client.live().start_session(options) as session:
        session.send_audio(bytes(32_000 * 4))
    assert receiver.stored(session.id) == TEXT
    # The four live webhooks (signed) and the session's callbacks, each answered 2xx by the receiver.
    emu.wait_for_deliveries(1, kind="webhook", event="live.end_session", timeout=10)
    emu.wait_for_deliveries(1, kind="callback", event="live.end_session", timeout=10)
    live = [d for d in emu.deliveries if d.event.startswith("live.")]
    assert sorted({(d.kind, d.event) for d in live if d.kind == "webhook"}) == [
        ("webhook", "live.end_recording"),
        ("webhook", "live.end_session"),
        ("webhook", "live.start_recording"),
        ("webhook", "live.start_session"),
    ]
    assert {d.event for d in live if d.kind == "callback"} >= {
        "live.transcript",
        "live.post_final_transcript",
    }
    assert all(d.status == 200 for d in live), [(d.kind, d.event, d.status) for d in live]
