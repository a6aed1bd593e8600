"""End to end: a live session on the emulator POSTs its messages to the callback URL its configuration
names (`callback_config`), and its lifecycle to the emulator's webhook URLs, signed; a real receiver on
loopback gets them and `gladia.webhooks` reads each into its typed event. A receiver that is down, or that
never answers, costs the session nothing."""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from gladia import GladiaClient, webhooks
from gladia.errors import WebhookVerificationError
from gladia.testing import Emulator, EmulatorConfig, emulator
from tests.conftest import Received, Receiver

SECOND = 32_000  # bytes of 16 kHz, 16-bit mono audio
TEXT = "Hello there. How are you today?"
SECRET = "whsec_" + base64.b64encode(b"live webhooks test secret").decode()
LIFECYCLE = ["live.start_session", "live.start_recording", "live.end_recording", "live.end_session"]


def run_session(http: httpx.Client, seconds: float = 2.5, **options: Any) -> tuple[str, list[dict[str, Any]]]:
    """Open a session with `options`, stream `seconds` of silence in half-second frames, stop it, read the
    socket to its end. The session's id and every message the socket carried."""
    response = http.post("/v2/live", json=options)
    assert response.status_code == 201, response.text
    session = response.json()
    with connect(session["url"], open_timeout=5, close_timeout=5) as ws:
        for _ in range(round(seconds * 2)):
            ws.send(bytes(SECOND // 2))
        ws.send(json.dumps({"type": "stop_recording"}))
        messages = [json.loads(m) for m in ws]
    return session["id"], messages


def stored_messages(http: httpx.Client, session_id: str) -> list[dict[str, Any]]:
    job = http.get(f"/v2/live/{session_id}").json()
    assert job["status"] == "done"
    return [json.loads(m) for m in job["result"]["messages"]]


def callbacks(received: list[Received], path: str = "/live") -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in received if r.path.startswith(path)]


def wait_for(receiver: Receiver, event: str, timeout: float = 10.0) -> list[Received]:
    """Everything the receiver got, once a request with this event arrived."""
    deadline = time.monotonic() + timeout
    while True:
        received = receiver.wait(1, timeout)
        if any(json.loads(r.body).get("event") == event for r in received):
            return received
        assert time.monotonic() < deadline, f"no {event} among {[json.loads(r.body) for r in received]}"
        time.sleep(0.02)


# ------------------------------------------------------------------------------------------------ callbacks


def test_a_session_with_a_callback_posts_its_finals_and_lifecycle_as_typed_events(
    emu: Emulator, http: httpx.Client, receiver: Receiver
) -> None:
    emu.live.say(TEXT)
    # Gladia's callback defaults: finals, lifecycle, real-time and post-processing; no partials, speech
    # events or acknowledgments.
    session_id, _ = run_session(http, callback=True, callback_config={"url": receiver.url + "/live?t=1"})
    received = wait_for(receiver, "live.end_session")
    assert {(r.method, r.path, r.headers["content-type"]) for r in received} == {
        ("POST", "/live?t=1", "application/json")
    }
    bodies = callbacks(received)
    assert [b["event"] for b in bodies] == [
        "live.start_session",
        "live.start_recording",
        "live.transcript",
        "live.transcript",
        "live.end_recording",
        "live.post_transcript",
        "live.post_final_transcript",
        "live.end_session",
    ]
    assert {b["id"] for b in bodies} == {session_id}

    events = [webhooks.parse(r.body) for r in received]
    assert [type(e) for e in events] == [
        webhooks.LiveSessionStarted,
        webhooks.LiveRecordingStarted,
        webhooks.LiveTranscript,
        webhooks.LiveTranscript,
        webhooks.LiveRecordingEnded,
        webhooks.LivePostTranscript,
        webhooks.LivePostFinalTranscript,
        webhooks.LiveSessionEnded,
    ]
    assert all(e.kind == "callback" and e.job_id == session_id and e.message is not None for e in events)
    finals = [e.message for e in events if isinstance(e, webhooks.LiveTranscript)]
    assert [(m.data.is_final, m.data.utterance.text) for m in finals if m is not None] == [
        (True, "Hello there."),
        (True, "How are you today?"),
    ]
    final = next(e for e in events if isinstance(e, webhooks.LivePostFinalTranscript))
    assert final.message is not None and final.message.data.transcription
    assert final.message.data.transcription.full_transcript == TEXT

    # Each payload is the message the session stored, byte for byte the same JSON.
    stored = {json.dumps(m, sort_keys=True) for m in stored_messages(http, session_id)}
    assert all(json.dumps(b["payload"], sort_keys=True) in stored for b in bodies)
    # Counted with the other notifications, one successful attempt each (each recorded once its answer
    # came back, a moment after the receiver had the body).
    deadline = time.monotonic() + 5
    while len(live := [d for d in emu.deliveries if d.event.startswith("live.")]) < len(bodies):
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert [(d.kind, d.event, d.status, d.attempt) for d in live] == [
        ("callback", b["event"], 200, 1) for b in bodies
    ]


def test_callback_config_chooses_the_kinds_sent(
    emu: Emulator, http: httpx.Client, receiver: Receiver
) -> None:
    emu.live.say(TEXT)
    session_id, _ = run_session(
        http,
        messages_config={"receive_acknowledgments": False},  # the socket's choice is not the callback's
        callback=True,
        callback_config={
            "url": receiver.url + "/live",
            "receive_partial_transcripts": True,
            "receive_final_transcripts": False,
            "receive_speech_events": True,
            "receive_acknowledgments": True,
            "receive_lifecycle_events": False,
            "receive_post_processing_events": False,
        },
    )
    stored = stored_messages(http, session_id)
    expected = [
        m
        for m in stored
        if m["type"] in ("audio_chunk", "stop_recording", "speech_start", "speech_end")
        or (m["type"] == "transcript" and not m["data"]["is_final"])
    ]
    emu.wait_for_deliveries(len(expected), kind="callback", timeout=10)
    bodies = callbacks(receiver.wait(len(expected)))
    assert [b["payload"] for b in bodies] == expected
    assert {b["event"] for b in bodies} == {
        "live.audio_chunk",
        "live.stop_recording",
        "live.speech_start",
        "live.speech_end",
        "live.transcript",
    }
    events = [webhooks.parse(b) for b in bodies]
    assert {type(e) for e in events} == {
        webhooks.LiveAudioChunkAcknowledged,
        webhooks.LiveStopRecordingAcknowledged,
        webhooks.LiveSpeechStarted,
        webhooks.LiveSpeechEnded,
        webhooks.LiveTranscript,
    }
    assert all(e.message is not None for e in events)


def test_no_callback_without_callback_true(emu: Emulator, http: httpx.Client, receiver: Receiver) -> None:
    emu.live.say(TEXT)
    run_session(http, callback_config={"url": receiver.url + "/live"})
    refused = http.post("/v2/live", json={"callback": True, "callback_config": {}})
    assert refused.status_code == 422 and "callback" in refused.json()["message"]  # nowhere to send
    time.sleep(0.3)
    assert receiver.received == [] and emu.deliveries == []


def test_the_sdk_session_drives_the_same_callbacks(emu: Emulator, receiver: Receiver) -> None:
    emu.live.say("Through the SDK.")
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        with client.live().start_session(
            {"callback": True, "callback_config": {"url": receiver.url + "/live"}}
        ) as session:
            session.send_audio(bytes(2 * SECOND))
        session_id = session.id
    events = [webhooks.parse(r.body) for r in wait_for(receiver, "live.end_session")]
    assert events[0].event == "live.start_session" and events[-1].event == "live.end_session"
    texts = [
        e.message.data.utterance.text for e in events if isinstance(e, webhooks.LiveTranscript) and e.message
    ]
    assert texts == ["Through the SDK."]
    assert {e.job_id for e in events} == {session_id}


# ------------------------------------------------------------------------------------------------ webhooks


def test_live_webhooks_arrive_signed_in_order_and_verify(
    emu: Emulator, http: httpx.Client, receiver: Receiver
) -> None:
    emu.configure(webhook_urls=(receiver.url + "/hooks",), webhook_secret=SECRET)
    emu.live.say(TEXT)
    session_id, _ = run_session(http)  # no callback: webhooks are the account's, not the session's
    received = receiver.wait(4, timeout=10)
    assert [r.path for r in received] == ["/hooks"] * 4
    events = [webhooks.construct_event(r.body, r.headers, SECRET) for r in received]
    assert [e.event for e in events] == LIFECYCLE
    assert [type(e) for e in events] == [
        webhooks.LiveSessionStarted,
        webhooks.LiveRecordingStarted,
        webhooks.LiveRecordingEnded,
        webhooks.LiveSessionEnded,
    ]
    assert all((e.kind, e.job_id, e.message) == ("webhook", session_id, None) for e in events)
    assert len({e.message_id for e in events}) == 4  # one id per event
    assert [json.loads(r.body) for r in received] == [
        {"event": name, "payload": {"id": session_id}} for name in LIFECYCLE
    ]
    # A body changed on the way does not verify.
    with pytest.raises(WebhookVerificationError):
        webhooks.construct_event(received[0].body.replace(b"start", b"end_"), received[0].headers, SECRET)
    # The end's webhook comes once the session is done: fetching it then gives the result.
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as client:
        fetched = webhooks.fetch_session(events[-1], client)
    assert fetched.result and fetched.result.transcription
    assert fetched.result.transcription.full_transcript == TEXT


def test_webhooks_and_callbacks_of_one_session_together(
    emu: Emulator, http: httpx.Client, receiver: Receiver
) -> None:
    emu.configure(webhook_urls=(receiver.url + "/hooks",), webhook_secret=SECRET)
    emu.live.say(TEXT)
    run_session(http, callback=True, callback_config={"url": receiver.url + "/live"})
    emu.wait_for_deliveries(4, kind="webhook", timeout=10)
    emu.wait_for_deliveries(8, kind="callback", timeout=10)
    received = receiver.wait(12)
    signed = [r for r in received if r.path == "/hooks"]
    unsigned = [r for r in received if r.path == "/live"]
    assert all("webhook-signature" in r.headers for r in signed)
    assert not any("webhook-signature" in r.headers for r in unsigned)  # callbacks are never signed
    assert [json.loads(r.body)["event"] for r in signed] == LIFECYCLE


# ------------------------------------------------------------------------------------------------ failures


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback server that accepts connections and never answers: a receiver that hangs."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    listener.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_callback_url_that_is_down_does_not_break_the_session(emu: Emulator, http: httpx.Client) -> None:
    emu.live.say(TEXT)
    url = f"http://127.0.0.1:{closed_port()}/live"
    started = time.monotonic()
    session_id, messages = run_session(http, callback=True, callback_config={"url": url})
    took = time.monotonic() - started
    assert messages[-1]["type"] == "post_final_transcript"  # the last the socket carries by default
    assert [m["data"]["utterance"]["text"] for m in messages if m["type"] == "transcript"] == [
        "Hello there.",
        "How are you today?",
    ]
    assert took < 2.0, f"the session took {took:.2f}s"
    # Each callback was tried, retried, and given up on, in the background.
    attempts = emu.config.delivery_attempts
    failed = emu.wait_for_deliveries(8 * attempts, kind="callback", timeout=20)
    assert all(d.status is None and d.error for d in failed)
    assert stored_messages(http, session_id)[-1]["type"] == "end_session"


def test_a_receiver_that_never_answers_neither_slows_the_session_nor_grows_without_bound(
    emu: Emulator, http: httpx.Client, silent_server: str
) -> None:
    emu.configure(live_callback_backlog=3, delivery_timeout=30)
    emu.live.say(TEXT)
    started = time.monotonic()
    session_id, messages = run_session(
        http,
        seconds=5,
        callback=True,
        callback_config={"url": silent_server + "/live", "receive_acknowledgments": True},
    )
    took = time.monotonic() - started
    assert messages[-1]["type"] == "post_final_transcript"  # the last the socket carries by default
    assert took < 2.0, f"the session took {took:.2f}s"
    # One callback is in flight (waiting for an answer), three wait behind it, the rest are dropped.
    dropped = emu.wait_for_deliveries(1, kind="callback", timeout=5)
    assert dropped and all(d.attempt == 0 and d.status is None for d in dropped)
    assert all("live_callback_backlog" in (d.error or "") for d in dropped)
    chosen = [
        m
        for m in stored_messages(http, session_id)
        # Every kind is chosen here but partials and speech events (off by default).
        if m["type"] not in ("speech_start", "speech_end")
        and (m["type"] != "transcript" or m["data"]["is_final"])
    ]
    assert len(dropped) == len(chosen) - 4
    # A reset (as between tests) cancels what is in flight at once.
    started = time.monotonic()
    emu.reset()
    assert time.monotonic() - started < 2.0


def test_an_emulator_with_callbacks_in_flight_stops_at_once(silent_server: str) -> None:
    with emulator(EmulatorConfig(delivery_timeout=60)) as emu:
        emu.configure(webhook_urls=(silent_server + "/hooks",))
        emu.live.say(TEXT)
        with httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}, timeout=10) as http:
            run_session(http, callback=True, callback_config={"url": silent_server + "/live"})
        started = time.monotonic()
    assert time.monotonic() - started < 5.0
