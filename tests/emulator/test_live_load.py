"""The emulator's live socket while its speech engine works: it keeps reading, and a resumed stream is kept once.

The engine here holds each transcription until the test lets it go (as the Whisper engine holds a window for
seconds of CPU), so what the socket does meanwhile shows exactly: the emulator reads in one task and
transcribes in another, so pings are answered and audio is read while a window is transcribed; and audio a
dropped connection had queued is never kept beside what the client sends again on the next one.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
import pytest
from websockets.sync.client import ClientConnection, connect

from gladia import GladiaClient
from gladia.testing import AudioInput, Emulator, Transcription, emulator
from gladia.testing._live_windows import WINDOW_SECONDS
from gladia_api import models as M

SECOND = 32_000  # bytes of 16 kHz, 16-bit mono audio
FRAME = 3_200  # 100 ms
WAIT = 5.0  # the longest any step below may take: a bound against a hang, never a timing


class HeldEngine:
    """A speech engine that hears nothing, and holds each transcription until `release` is set."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        self.calls += 1
        self.entered.set()
        self.release.wait(2 * WAIT)
        return Transcription(utterances=[], languages=("en",))


@pytest.fixture
def held() -> Iterator[tuple[HeldEngine, Emulator, httpx.Client]]:
    engine = HeldEngine()
    try:
        with (
            emulator(engine=engine) as emu,
            httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
        ):
            yield engine, emu, http
    finally:
        engine.release.set()  # whatever happened, the engine's thread ends


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"not within {WAIT} s: {what}"
        time.sleep(0.01)


def open_socket(url: str, close_timeout: float = WAIT) -> ClientConnection:
    # Every message kept unread (the acknowledgments pile up while the test waits): the client never stops
    # reading its side, so a pong it does not see would be the emulator's doing.
    return connect(url, open_timeout=WAIT, close_timeout=close_timeout, max_queue=None)


def acked_up_to(ws: ClientConnection, end: int) -> None:
    """Read the connection's messages until the acknowledgment of the audio up to byte `end`."""
    while True:
        message = json.loads(ws.recv(timeout=WAIT))
        if message["type"] == "audio_chunk" and message["data"]["byte_range"][1] == end:
            return


def send(ws: ClientConnection, audio: bytes) -> None:
    for start in range(0, len(audio), FRAME):
        ws.send(audio[start : start + FRAME])


def test_the_socket_is_read_while_a_window_is_transcribed(
    held: tuple[HeldEngine, Emulator, httpx.Client],
) -> None:
    engine, emu, http = held
    session = http.post("/v2/live", json={}).json()
    window = int(WINDOW_SECONDS * SECOND)
    with open_socket(session["url"]) as ws:
        send(ws, bytes(window))  # the first window's audio: its transcription begins, and is held
        assert engine.entered.wait(WAIT)
        more = 10 * SECOND  # more than the server reads at once: a ping after it waits for it to be read
        send(ws, bytes(more))
        # The engine still holds the window: the socket is read all the same, pings and audio alike.
        assert ws.ping().wait(WAIT), "no pong while the engine transcribes: the socket is not read"
        wait_until(lambda: emu.live.counters.bytes_received == window + more, "the audio sent is read")
        assert not engine.release.is_set()
        engine.release.set()
        acked_up_to(ws, window + more)  # acknowledged once the engine is done
        ws.send(json.dumps({"type": "stop_recording"}))
        types = [json.loads(message)["type"] for message in ws]
    assert types[-1] == "post_final_transcript"  # Gladia's default messages_config: no lifecycle events
    assert emu.live.audio(session["id"]) == bytes(window + more)


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "half-open"])
def test_audio_a_dropped_connection_had_queued_is_not_kept_beside_the_audio_sent_again(
    held: tuple[HeldEngine, Emulator, httpx.Client], closed: bool
) -> None:
    # Closed: the server saw the old connection end. Half-open: it did not (the client gave up on it, and
    # its close never arrived): the new connection replaces it all the same.
    engine, emu, http = held
    session = http.post("/v2/live", json={}).json()
    audio = bytes(range(256)) * 875  # 7 s, each position recognisable
    window = int(WINDOW_SECONDS * SECOND)
    counters = emu.live.counters
    with open_socket(session["url"], close_timeout=0.1) as first:
        send(first, audio[:window])
        acked_up_to(first, window)  # then the engine holds the window
        assert engine.entered.wait(WAIT)
        send(first, audio[window : window + SECOND])  # in flight when it drops: never acknowledged
        if closed:
            first.close(code=1011)  # as a client whose pings timed out
        # The client resumes on a new connection from the first byte not acknowledged.
        with open_socket(session["url"]) as second:
            send(second, audio[window:])
            wait_until(
                lambda: counters.bytes_received == len(audio) + SECOND, "both connections' audio is read"
            )
            engine.release.set()
            # Every byte read is accounted for: kept (once) or discarded (the replaced connection's).
            wait_until(
                lambda: len(emu.live.audio(session["id"])) + counters.bytes_discarded
                == counters.bytes_received,
                "the first connection's audio is settled",
            )
            second.send(json.dumps({"type": "stop_recording"}))
            messages = [json.loads(message) for message in second]
    assert emu.live.audio(session["id"]) == audio
    assert counters.bytes_discarded == SECOND
    acks = [m["data"]["byte_range"] for m in messages if m["type"] == "audio_chunk"]
    assert acks[0][0] == window and acks[-1][1] == len(audio)


def test_a_client_resuming_while_the_engine_works_keeps_its_audio_once(
    held: tuple[HeldEngine, Emulator, httpx.Client],
) -> None:
    # Through the SDK: the engine holds a window while the rest of the audio is read; then the connection
    # drops (a fault) at 7 s. What was read after that mark was never acknowledged, so it is not kept: the
    # SDK sends it again on the next connection, and the session ends complete, every byte kept once.
    engine, emu, _ = held
    audio = bytes(range(256)) * 1000  # 8 s
    emu.live.drop_after(int(WINDOW_SECONDS * SECOND) + 2 * SECOND, code=1012)
    with (
        GladiaClient(api_key=emu.api_key, api_url=emu.url) as client,
        client.live().start_session({"sample_rate": 16_000}) as session,
    ):
        for start in range(0, len(audio), FRAME):
            session.send_audio(audio[start : start + FRAME])
        assert engine.entered.wait(WAIT)
        wait_until(lambda: emu.live.counters.bytes_received == len(audio), "the audio sent is read")
        engine.release.set()  # the window ends; the connection drops at 7 s, with a second read after it
        session.stop_recording()
        messages = list(session)
    assert isinstance(messages[-1], M.PostFinalTranscriptMessage)
    assert emu.live.audio(session.id) == audio
    assert emu.live.counters.connections == 2
