"""GladiaClient(...).live(): sessions against the emulator over real loopback WebSockets.

The emulator paces its transcript by the bytes received, so these stream minutes of audio in milliseconds.
"""

from __future__ import annotations

import _thread
import asyncio
import json
import threading
import time
from collections.abc import Iterator

import pytest
from websockets.sync.server import ServerConnection, serve

from gladia import GladiaClient, LiveSession
from gladia.errors import (
    AuthenticationError,
    ConfigurationError,
    InvalidOptionsError,
    LiveBufferFullError,
    LiveConnectionError,
    LiveSessionClosedError,
)
from gladia.live._buffer import AudioBuffer
from gladia.live._protocol import LiveProtocol
from gladia.testing import Emulator
from gladia_api import models as M
from tests._clock import FastClock
from tests._signals import python_handles_sigint
from tests.live.streams import TEXT, audio_of, finals


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def test_a_session_streams_audio_and_yields_typed_messages(emu: Emulator, client: GladiaClient) -> None:
    emu.live.say(TEXT)
    audio = audio_of(3)
    options = {"messages_config": {"receive_partial_transcripts": True, "receive_lifecycle_events": True}}
    with client.live().start_session(options) as session:
        for start in range(0, len(audio), 3200):
            session.send_audio(audio[start : start + 3200])
        session.stop_recording()
        messages = list(session)
    assert isinstance(messages[0], M.StartSessionMessage)
    assert isinstance(messages[-1], M.EndSessionMessage)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    partials = [m for m in messages if isinstance(m, M.TranscriptMessage) and not m.data.is_final]
    assert partials and partials[0].data.utterance.text == "Hello"
    acks = [m for m in messages if isinstance(m, M.AudioChunkAckMessage)]
    assert acks[-1].data is not None and acks[-1].data.byte_range == [len(audio) - 3200, len(audio)]
    post = next(m for m in messages if isinstance(m, M.PostFinalTranscriptMessage))
    assert post.data.transcription is not None and post.data.transcription.full_transcript == TEXT
    assert emu.live.audio(session.id) == audio
    job = client.live().get(session.id)
    assert job.status == M.JobStatusEnum.DONE and job.result is not None
    assert job.result.transcription is not None and job.result.transcription.full_transcript == TEXT


def test_acknowledgments_are_hidden_unless_asked_for(emu: Emulator, client: GladiaClient) -> None:
    emu.live.say(TEXT)
    with client.live().start_session({"messages_config": {"receive_acknowledgments": False}}) as session:
        session.send_audio(audio_of(3))
        session.stop_recording()
        messages = list(session)
    assert not any(isinstance(m, (M.AudioChunkAckMessage, M.StopRecordingAckMessage)) for m in messages)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    # The SDK asked Gladia for them all the same: it needs them to resume.
    job = emu.live.session(session.id)
    assert job is not None and job["request_params"]["messages_config"]["receive_acknowledgments"] is True


def test_dropped_connections_resume_with_no_audio_lost_or_repeated(
    emu: Emulator, client: GladiaClient
) -> None:
    emu.live.say(TEXT)
    emu.live.drop_after(50_000, code=1012, times=2)
    emu.live.drop_after(20_000, code=1011)
    audio = audio_of(10)
    with client.live().start_session() as session:
        for start in range(0, len(audio), 3200):
            session.send_audio(audio[start : start + 3200])
        session.stop_recording()
        messages = list(session)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    assert emu.live.audio(session.id) == audio  # every byte, once, in order
    counters = emu.live.counters
    assert counters.connections == 4
    assert counters.bytes_discarded > 0
    assert counters.bytes_received - counters.bytes_discarded == len(audio)


def test_a_large_chunk_is_split_below_the_frame_limit(emu: Emulator, client: GladiaClient) -> None:
    audio = audio_of(80)  # 2.56 MB in one call: one frame that size would be closed with 1009
    with client.live().start_session() as session:
        session.send_audio(audio)
    assert emu.live.audio(session.id) == audio
    assert emu.live.session(session.id)["status"] == "done"  # type: ignore[index]


def test_a_final_close_fails_the_session_with_a_typed_error(emu: Emulator, client: GladiaClient) -> None:
    emu.live.drop_after(10_000, code=1008, reason="policy")
    session = client.live().start_session()
    try:
        session.send_audio(audio_of(1))
        with pytest.raises(LiveConnectionError) as caught:
            list(session)
        assert caught.value.close_code == 1008 and caught.value.session_id == session.id
        with pytest.raises(LiveConnectionError):
            session.send_audio(b"more")
    finally:
        session.close()


def test_reconnecting_gives_up_after_too_many_drops(
    emu: Emulator, client: GladiaClient, fast_clock: FastClock
) -> None:
    emu.live.drop_after(0, code=1011, times=50)
    with client.live().start_session() as session:
        session.send_audio(audio_of(0.5))
        with pytest.raises(LiveConnectionError) as caught:
            list(session)
    assert caught.value.close_code == 1011
    assert emu.live.counters.connections == 6  # the first, then five reconnections
    assert session._protocol.delays == [0.1, 0.2, 0.4, 0.8, 1.6]  # asked of the clock, not slept through
    assert sum(fast_clock.sleeps) == pytest.approx(3.1)


def test_lifecycle_events_are_asked_for_but_shown_only_when_the_caller_asked(
    emu: Emulator, client: GladiaClient
) -> None:
    """end_session tells a complete session from a cut one, so the SDK always asks Gladia for the lifecycle
    events; the caller sees them only when it asked too."""
    emu.live.say(TEXT)
    with client.live().start_session() as session:
        session.send_audio(audio_of(3))
        session.stop_recording()
        messages = list(session)
    lifecycle = (M.StartSessionMessage, M.StartRecordingMessage, M.EndRecordingMessage, M.EndSessionMessage)
    assert not any(isinstance(m, lifecycle) for m in messages)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    job = emu.live.session(session.id)
    assert job is not None and job["request_params"]["messages_config"]["receive_lifecycle_events"] is True


def test_bad_options_are_refused_before_anything_is_sent(emu: Emulator, client: GladiaClient) -> None:
    with pytest.raises(InvalidOptionsError) as caught:
        client.live().start_session({"sample_rate": 22050, "encodng": "wav/pcm", "channels": 0})
    text = str(caught.value)
    assert "sample_rate" in text and "did you mean 'encoding'" in text and "channels" in text
    with pytest.raises(InvalidOptionsError):
        client.live().start_session(region="mars")
    with pytest.raises(InvalidOptionsError):
        client.live().start_session({"realtime_processing": {"translation": True}})
    with pytest.raises(ConfigurationError, match="allowed_hosts"):
        client.live().start_session(allowed_hosts=["https://eu.gladia.io"])
    assert emu.counters.requests["POST /v2/live"] == 0
    assert emu.live.counters.connections == 0


def test_ctrl_c_while_reading_closes_the_session_cleanly(emu: Emulator, client: GladiaClient) -> None:
    threads = threading.active_count()
    opened: list[LiveSession] = []

    def stream() -> None:
        with client.live().start_session() as session:
            opened.append(session)
            session.send_audio(audio_of(1))
            # A real SIGINT-style interruption of the main thread, while it waits for messages.
            threading.Timer(0.2, _thread.interrupt_main).start()
            for _ in session:
                pass

    with python_handles_sigint(), pytest.raises(KeyboardInterrupt):
        stream()
    session = opened[0]
    time.sleep(0.05)  # the timer thread ends
    assert threading.active_count() == threads  # the reader thread is gone
    with pytest.raises(LiveSessionClosedError):
        session.send_audio(b"late")
    deadline = time.monotonic() + 5
    while emu.live.session(session.id)["status"] != "done":  # type: ignore[index]
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert emu.live.audio(session.id) == audio_of(1)


def test_leaving_the_block_stops_the_recording_and_waits_for_the_end(
    emu: Emulator, client: GladiaClient
) -> None:
    emu.live.say(TEXT)
    with client.live().start_session() as session:
        session.send_audio(audio_of(3))
    assert emu.live.session(session.id)["status"] == "done"  # type: ignore[index]
    assert finals(list(session)) == ["Hello there.", "How are you today?"]  # still readable afterwards
    with pytest.raises(LiveSessionClosedError):
        session.send_audio(b"x")
    with pytest.raises(TypeError):
        session.send_audio("text")  # type: ignore[arg-type]


def test_a_server_that_stops_acknowledging_fills_the_buffer() -> None:
    """A real WebSocket server that reads audio but never acknowledges it."""

    def handler(connection: ServerConnection) -> None:
        for _ in connection:
            pass

    with serve(handler, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/"
        protocol = LiveProtocol(AudioBuffer(max_bytes=64_000, frame_bytes=16_000), {})
        session = LiveSession(session_id="s", url=url, protocol=protocol, buffer_wait=0.2)
        try:
            session.send_audio(bytes(64_000))
            started = time.monotonic()
            with pytest.raises(LiveBufferFullError, match="64000 bytes of audio are still waiting"):
                session.send_audio(bytes(1))
            assert 0.15 < time.monotonic() - started < 2
        finally:
            session.close()
            server.shutdown()


def test_live_jobs_can_be_listed_patched_downloaded_and_deleted(emu: Emulator, client: GladiaClient) -> None:
    live = client.live()
    with live.start_session({"custom_metadata": {"team": "a"}}) as first:
        first.send_audio(audio_of(1))
    second = live.create()
    assert [job.id for job in live.list()] == [second.id, first.id]
    assert [job.id for job in live.list(custom_metadata={"team": "a"}, page_size=1)] == [first.id]
    assert [job.id for job in live.list(status="done")] == [first.id]
    live.patch(first.id, {"custom_metadata": {"team": "b"}})
    assert live.get(first.id).custom_metadata.to_dict() == {"team": "b"}  # type: ignore[union-attr]
    wav = live.download_bytes(first.id)
    assert wav[:4] == b"RIFF" and wav[44:] == audio_of(1)
    live.delete(first.id)
    assert [job.id for job in live.list()] == [second.id]


def test_the_emulator_messages_parse_into_the_generated_models(emu: Emulator, client: GladiaClient) -> None:
    emu.live.say(TEXT)
    with client.live().start_session({"messages_config": {"receive_lifecycle_events": True}}) as session:
        session.send_audio(audio_of(3))
    stored = emu.live.session(session.id)["result"]["messages"]  # type: ignore[index]
    from gladia.live._messages import UnknownLiveMessage, parse_message

    parsed = [parse_message(json.loads(raw)) for raw in stored]
    assert not [p for p in parsed if isinstance(p, UnknownLiveMessage)]


def test_reading_a_session_is_retried_after_a_server_error(emu: Emulator, client: GladiaClient) -> None:
    created = client.live().create()
    emu.faults.add(route="*", kind="status", status=502, times=1)
    assert client.live().get(created.id).id == created.id
    assert client.retries == 1


def test_a_wrong_key_is_an_authentication_error(emu: Emulator) -> None:
    with GladiaClient(api_key="not-the-key", api_url=emu.url) as wrong, pytest.raises(AuthenticationError):
        wrong.live().start_session()


def test_the_region_is_sent_as_a_query_parameter(emu: Emulator, client: GladiaClient) -> None:
    client.live().create(region="eu-west")
    assert [r.query for r in emu.requests if r.path == "/v2/live"] == ["region=eu-west"]


def _session_threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith("gladia-live")}


def test_the_sync_session_is_the_async_one_on_threads_that_end_with_it(
    emu: Emulator, client: GladiaClient
) -> None:
    """LiveSession drives AsyncLiveSession on an event loop of its own: its loop's thread and its
    callbacks' thread end when it is closed, and when it is dropped without being closed."""
    assert _session_threads() == set()
    seen: list[str] = []
    session = client.live().start_session()
    session.on("message", lambda message: seen.append(threading.current_thread().name))
    session.send_audio(audio_of(1))
    session.stop_recording()
    assert session.wait_until_ended(10)
    assert _session_threads() == {f"gladia-live-loop-{session.id[:8]}", f"gladia-live-{session.id[:8]}"}
    assert seen and set(seen) == {f"gladia-live-{session.id[:8]}"}
    session.close()
    assert _session_threads() == set()
    session.close()  # idempotent

    dropped = client.live().start_session()
    dropped.send_audio(audio_of(0.5))
    del dropped
    deadline = time.monotonic() + 10
    while _session_threads():
        assert time.monotonic() < deadline, _session_threads()
        time.sleep(0.01)


def test_a_callback_may_close_the_session_it_is_called_by(emu: Emulator, client: GladiaClient) -> None:
    emu.live.say(TEXT)
    closed: list[bool] = []
    with client.live().start_session() as session:

        def close_at_first_transcript(message: object) -> None:
            if not closed:
                session.close()
                closed.append(True)

        session.on("transcript", close_at_first_transcript)
        session.send_audio(audio_of(3))
        assert session.wait_until_ended(10)
        with pytest.raises(LiveSessionClosedError):
            session.send_audio(audio_of(0.1))
    assert closed == [True]
    deadline = time.monotonic() + 10
    while _session_threads():
        assert time.monotonic() < deadline, _session_threads()
        time.sleep(0.01)


def test_audio_sent_in_many_small_pieces_arrives_whole_and_in_order(
    emu: Emulator, client: GladiaClient
) -> None:
    """send_audio() hands audio to the session's loop in batches: nothing is lost, repeated or reordered,
    whatever the size of the pieces."""
    audio = bytes(range(256)) * 500  # 128,000 bytes, each position telling where it belongs
    with client.live().start_session() as session:
        for start in range(0, len(audio), 37):
            session.send_audio(audio[start : start + 37])
    assert emu.live.audio(session.id) == audio


def test_an_iteration_left_early_leaves_the_rest_for_the_next(emu: Emulator, client: GladiaClient) -> None:
    """Messages reach the caller's thread in batches: those of a batch not yet yielded when the caller
    breaks out are yielded by the next iteration, in order, none twice."""
    emu.live.say(TEXT)
    with client.live().start_session() as session:
        session.send_audio(audio_of(3))
        session.stop_recording()
        assert session.wait_until_ended(10)
        everything = [message for message, _ in session._inbox._held.values()]  # all of it, unread
        first: list[object] = []
        for message in session:
            first.append(message)
            if len(first) == 3:
                break
        rest = list(session)
    messages = first + rest
    assert len(first) == 3
    assert len({id(m) for m in messages}) == len(messages)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    assert messages == everything


@pytest.mark.timeout(20)
def test_the_sessions_loop_is_never_waited_on_from_its_own_thread(
    emu: Emulator, client: GladiaClient
) -> None:
    """Code that ends up on the loop's thread (a garbage collection finishing an iteration there) and asks
    the loop to run something is told the loop is gone, instead of waiting for itself forever."""
    from gladia.live._session import LoopGone

    session = client.live().start_session()
    try:

        async def from_the_loop() -> str:
            try:
                session._loop.run(asyncio.sleep(0))
            except LoopGone:
                return "refused"
            return "ran"

        assert session._loop.run(from_the_loop()) == "refused"
        session.send_audio(audio_of(0.1))  # the session goes on
    finally:
        session.close()
