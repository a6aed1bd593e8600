"""The emulator's live API over a real WebSocket on loopback: sessions, pacing by bytes, faults, stored jobs.

These talk to the emulator with the `websockets` library directly (not the SDK), so they pin the protocol
the SDK's own tests then rely on.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from gladia.testing import Emulator

SECOND = 32_000  # bytes of 16 kHz, 16-bit mono audio
TEXT = "Hello there. How are you today?"
ALL_MESSAGES = {"receive_partial_transcripts": True, "receive_lifecycle_events": True}


def open_session(http: httpx.Client, **options: Any) -> dict[str, Any]:
    response = http.post("/v2/live", json=options)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def next_ack(ws: ClientConnection) -> int:
    """The end offset of the next acknowledgment, skipping the transcript messages in between."""
    while True:
        message = json.loads(ws.recv(timeout=5))
        if message["type"] == "audio_chunk":
            end: int = message["data"]["byte_range"][1]
            return end


def read_until_closed(ws: ClientConnection) -> list[dict[str, Any]]:
    return [json.loads(message) for message in ws]


def test_a_session_reveals_its_transcript_as_the_audio_arrives(emu: Emulator, http: httpx.Client) -> None:
    emu.live.say(TEXT)
    session = open_session(http, messages_config=ALL_MESSAGES)
    assert session["url"].startswith("ws://127.0.0.1:") and "token=" in session["url"]
    with connect(session["url"]) as ws:  # no API key on the socket: the token is the credential
        for _ in range(5):
            ws.send(bytes(SECOND // 2))
        ws.send(json.dumps({"type": "stop_recording"}))
        messages = read_until_closed(ws)
        assert ws.close_code == 1000
    types = [m["type"] for m in messages]
    assert types[:2] == ["start_session", "start_recording"]
    assert types[-5:] == [
        "stop_recording",
        "end_recording",
        "post_transcript",
        "post_final_transcript",
        "end_session",
    ]
    acks = [m["data"]["byte_range"] for m in messages if m["type"] == "audio_chunk"]
    assert acks == [[i * SECOND // 2, (i + 1) * SECOND // 2] for i in range(5)]
    finals = [
        m["data"]["utterance"]["text"]
        for m in messages
        if m["type"] == "transcript" and m["data"]["is_final"]
    ]
    assert finals == ["Hello there.", "How are you today?"]
    partials = [m for m in messages if m["type"] == "transcript" and not m["data"]["is_final"]]
    assert partials and all(
        m["data"]["id"] in {f["data"]["id"] for f in messages if f["type"] == "transcript"} for m in partials
    )
    # Paced by bytes: the first final comes before the audio that follows its utterance is acknowledged.
    first_final = next(
        i for i, m in enumerate(messages) if m["type"] == "transcript" and m["data"]["is_final"]
    )
    assert sum(1 for m in messages[:first_final] if m["type"] == "audio_chunk") == 2
    assert types.count("speech_start") == types.count("speech_end") == 2
    assert messages[-2]["data"]["transcription"]["full_transcript"] == TEXT

    job = http.get(f"/v2/live/{session['id']}").json()
    assert job["status"] == "done" and job["kind"] == "live"
    assert job["result"]["transcription"]["full_transcript"] == TEXT
    assert job["result"]["metadata"]["audio_duration"] == 2.5
    assert [json.loads(m)["type"] for m in job["result"]["messages"]] == types
    wav = http.get(f"/v2/live/{session['id']}/file")
    assert wav.status_code == 200 and wav.content[:4] == b"RIFF" and len(wav.content) == 44 + 5 * SECOND // 2


def test_messages_config_filters_what_the_socket_carries(emu: Emulator, http: httpx.Client) -> None:
    emu.live.say(TEXT)
    session = open_session(http)  # Gladia's defaults: no partials, no lifecycle events
    with connect(session["url"]) as ws:
        ws.send(bytes(3 * SECOND))
        ws.send(json.dumps({"type": "stop_recording"}))
        types = {m["type"] for m in read_until_closed(ws)}
    assert "start_session" not in types and "end_session" not in types
    assert {"audio_chunk", "transcript", "speech_start", "post_transcript"} <= types
    stored = http.get(f"/v2/live/{session['id']}").json()["result"]["messages"]
    assert any(json.loads(m)["type"] == "end_session" for m in stored)  # stored all the same


def test_audio_chunk_json_is_audio_too(emu: Emulator, http: httpx.Client) -> None:
    session = open_session(http)
    with connect(session["url"]) as ws:
        ws.send(
            json.dumps(
                {"type": "audio_chunk", "data": {"chunk": base64.b64encode(b"\x01\x02" * 50).decode()}}
            )
        )
        ack = json.loads(ws.recv())
        ws.send(json.dumps({"type": "audio_chunk", "data": {"chunk": "not base64!"}}))
        refused = json.loads(ws.recv())
    assert ack["acknowledged"] is True and ack["data"]["byte_range"] == [0, 100]
    assert (
        refused["acknowledged"] is False
        and refused["data"] is None
        and "base64" in refused["error"]["message"]
    )
    assert emu.live.audio(session["id"]) == b"\x01\x02" * 50


def test_a_message_over_one_mebibyte_is_closed_with_1009(http: httpx.Client) -> None:
    session = open_session(http)
    with connect(session["url"], max_size=None) as ws:
        ws.send(bytes(1024 * 1024 + 1))
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=5)
        assert ws.close_code == 1009


def test_a_dropped_connection_resumes_with_nothing_lost_or_repeated(
    emu: Emulator, http: httpx.Client
) -> None:
    emu.live.say(TEXT)
    emu.live.drop_after(3 * 4000, code=1012, times=2)
    session = open_session(http)
    audio = bytes(range(256)) * 500  # 128,000 bytes, each position recognisable
    acked, codes = 0, []
    while acked < len(audio):
        # In lockstep, one frame then its acknowledgment, so what was acknowledged is known exactly.
        with connect(session["url"]) as ws:
            try:
                while acked < len(audio):
                    ws.send(audio[acked : acked + 4000])
                    acked = next_ack(ws)
            except ConnectionClosed:
                codes.append(ws.close_code)
                continue
            ws.send(json.dumps({"type": "stop_recording"}))
            read_until_closed(ws)
            codes.append(ws.close_code)
    assert codes == [1012, 1012, 1000]
    assert emu.live.audio(session["id"]) == audio
    counters = emu.live.counters
    assert counters.connections == 3
    assert counters.bytes_discarded == 2 * 4000  # the frame in flight at each drop, sent again after it
    assert counters.bytes_received - counters.bytes_discarded == len(audio)
    assert http.get(f"/v2/live/{session['id']}").json()["result"]["transcription"]["full_transcript"] == TEXT


def test_a_clean_close_ends_the_recording(emu: Emulator, http: httpx.Client) -> None:
    emu.live.say(TEXT)
    session = open_session(http)
    with connect(session["url"]) as ws:
        ws.send(bytes(SECOND))
    job = http.get(f"/v2/live/{session['id']}").json()
    assert job["status"] == "done" and job["file"]["audio_duration"] == 1.0
    with pytest.raises(InvalidStatus), connect(session["url"]):
        pass  # an ended session takes no more connections


def test_unknown_tokens_and_missing_keys_are_refused(http: httpx.Client, emu: Emulator) -> None:
    with pytest.raises(InvalidStatus), connect(f"{emu.url.replace('http', 'ws')}/v2/live?token=nope"):
        pass
    assert httpx.post(f"{emu.url}/v2/live", json={}).status_code == 401
    assert httpx.get(f"{emu.url}/v2/live").status_code == 401


def test_bad_options_are_answered_with_422(http: httpx.Client) -> None:
    response = http.post("/v2/live", json={"sample_rate": 22050, "encodng": "wav/pcm"})
    assert response.status_code == 422
    problems = response.json()["validation_errors"]
    assert any(p.startswith("sample_rate:") for p in problems)
    assert any("did you mean 'encoding'" in p for p in problems)
    assert http.post("/v2/live?region=mars", json={}).status_code == 400


def test_list_get_patch_delete(emu: Emulator, http: httpx.Client) -> None:
    first = open_session(http, custom_metadata={"team": "a"})
    second = open_session(http)
    listed = http.get("/v2/live").json()
    assert [item["id"] for item in listed["items"]] == [second["id"], first["id"]]
    assert listed["next"] is None and "/v2/live?" in listed["first"]
    assert [i["id"] for i in http.get("/v2/live", params={"team": "a"}).json()["items"]] == [first["id"]]
    assert http.patch(f"/v2/live/{first['id']}", json={"custom_metadata": {"team": "b"}}).status_code == 204
    assert http.get(f"/v2/live/{first['id']}").json()["custom_metadata"] == {"team": "b"}
    assert http.delete(f"/v2/live/{first['id']}").status_code == 403  # still recording
    assert http.get(f"/v2/live/{first['id']}/file").status_code == 404  # no audio yet
    with connect(first["url"]) as ws:
        ws.send(json.dumps({"type": "stop_recording"}))
        read_until_closed(ws)
    assert http.delete(f"/v2/live/{first['id']}").status_code == 202
    assert http.get(f"/v2/live/{first['id']}").status_code == 404
    assert http.get("/v2/live/not-a-uuid").status_code == 400
