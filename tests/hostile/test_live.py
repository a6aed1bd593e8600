"""Live sessions against a hostile WebSocket server: no hang, bounded memory, only typed errors, nothing lost
silently, for the sync and the async session alike (real sockets on loopback, see `tests.hostile.server.live_server`)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from websockets.asyncio.server import ServerConnection

from gladia.errors import LiveConnectionError
from gladia.live._messages import UnknownLiveMessage
from gladia_api import models as M
from tests._clock import FastClock
from tests._signals import needs_sigint
from tests.hostile import live_server as L
from tests.hostile import server as H

SLACK = 3.0  # what a session may take beyond the bound under test, on a busy 2-core runner


@pytest.fixture
def live() -> Iterator[L.LiveHostile]:
    yield from L.live_server()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short socket timeouts (the defaults are 10 s to open, 20 s + 20 s for pings, 5 s to close)."""
    monkeypatch.setattr("gladia.live._async_session.OPEN_TIMEOUT", 1.0)
    monkeypatch.setattr("gladia.live._async_session.PING_INTERVAL", 0.3)
    monkeypatch.setattr("gladia.live._async_session.PING_TIMEOUT", 0.3)
    monkeypatch.setattr("gladia.live._async_session.CLOSE_TIMEOUT", 0.5)


def assert_only_typed(messages: list[object]) -> None:
    from gladia.live._messages import MESSAGE_MODELS

    kinds = (*MESSAGE_MODELS.values(), UnknownLiveMessage)
    assert all(isinstance(m, kinds) for m in messages), messages


# ------------------------------------------------------------------------------------------ 1, 2: handshake


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_handshake_never_answered_fails_typed_within_the_open_timeout(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    live.raw(L.never_answer())
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveConnectionError")
    assert "Could not open" in str(error) and error.session_id == L.SESSION_ID  # type: ignore[attr-defined]
    assert 1.0 <= outcome.elapsed < 1.0 + SLACK, outcome.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize(
    ("answer", "named"),
    [
        pytest.param(b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n", "HTTP 401", id="401"),
        pytest.param(b"HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nno", "HTTP 404", id="404"),
        pytest.param(b"HTTP/1.1 500 Oops\r\ncontent-length: 0\r\n\r\n", "HTTP 500", id="500"),
        pytest.param(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}", "HTTP 200", id="200-not-a-websocket"),
        pytest.param(
            b"HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n"
            b"sec-websocket-accept: wrong\r\n\r\n",
            "Sec-WebSocket-Accept",
            id="101-wrong-accept",
        ),
        pytest.param(b"SSH-2.0-OpenSSH_9.6\r\n\r\n", "InvalidMessage", id="not-http"),
        pytest.param(b"", "InvalidMessage", id="closed-at-once"),
    ],
)
def test_a_refused_handshake_fails_typed_naming_the_status(
    live: L.LiveHostile, mode: str, answer: bytes, named: str, quick: None
) -> None:
    live.raw(L.answer(answer))
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveConnectionError")
    assert named in str(error), outcome.describe()
    assert outcome.elapsed < SLACK, outcome.describe()


# ------------------------------------------------------------------------------------------ 3: silence


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("flow", ["iterate", "wait", "with"])
def test_a_server_that_never_ends_fails_the_session_after_end_timeout(
    live: L.LiveHostile, mode: str, flow: str, quick: None
) -> None:
    """After stop_recording(), no end_session within end_timeout: the socket is closed and the session fails
    with LiveIncompleteError (a LiveConnectionError), whichever way the caller waits."""
    live.script(L.silent(live))
    outcome = L.drive(mode, live, flow, end_timeout=1.0)
    error = L.raised(outcome, "LiveIncompleteError")
    assert "did not end within 1 s of stop_recording()" in str(error)
    assert "end_session" in error.missing and error.unacknowledged_bytes == len(L.AUDIO)  # type: ignore[attr-defined]
    assert 1.0 <= outcome.elapsed < 1.0 + SLACK, outcome.describe()
    if flow == "wait":
        assert outcome.value is True  # the session is over (failed): iterating raises why
    assert [json.loads(t)["type"] for t in live.texts] == ["stop_recording"]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_wait_until_ended_returns_false_at_its_own_timeout(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    live.script(L.silent(live))
    outcome = L.drive(mode, live, "wait", wait=0.3, end_timeout=1.0)
    assert outcome.value is False
    L.raised(outcome, "LiveIncompleteError")  # then iterating waits out end_timeout, and says so


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_keeps_talking_but_never_ends_fails_after_end_timeout(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    """The bound counts from stop_recording(), not from the last message: chatter does not extend it."""

    async def chatter(ws: ServerConnection, number: int) -> None:
        for n in range(10_000):
            await ws.send(L.transcript("still going", final=False, number=n))
            await asyncio.sleep(0.05)

    live.script(chatter)
    outcome = L.drive(mode, live, end_timeout=1.0)
    L.raised(outcome, "LiveIncompleteError")
    assert 1.0 <= outcome.elapsed < 1.0 + SLACK, outcome.describe()
    assert len(outcome.messages) >= 5


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_ends_the_session_but_keeps_the_socket_open_still_ends_it(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    async def linger(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                start = len(live.audio)
                live.audio += data
                await ws.send(L.ack(start, len(live.audio)))
                continue
            await ws.send(L.STOP_ACK)
            await ws.send(L.END_SESSION)
            ws.transport.pause_reading()  # the client's close frame is never read
            await asyncio.sleep(3600)

    live.script(linger)
    outcome = L.drive(mode, live, "with", end_timeout=30.0)
    assert outcome.error is None, outcome.describe()
    assert outcome.elapsed < SLACK, outcome.describe()


# ------------------------------------------------------------------------------------------ 4: garbage


GARBAGE = [
    pytest.param("hello {", 0, id="not-json"),
    pytest.param("[1, 2, 3]", 0, id="json-array"),
    pytest.param("null", 0, id="json-null"),
    pytest.param('"text"', 0, id="json-string"),
    pytest.param("[" * 100_000 + "]" * 100_000, 0, id="nested-too-deep"),
    pytest.param('{"type": "x", "n": ' + "9" * 5000 + "}", 0, id="number-too-long"),
    pytest.param(b"\x00\xff\xfe binary", 0, id="binary-not-json"),
    pytest.param(b'{"type": "binary_kind"}', 1, id="binary-json"),
    pytest.param('{"type": "brand_new_kind", "data": {"x": 1}}', 1, id="unknown-type"),
    pytest.param('{"no_type": true}', 1, id="no-type"),
    pytest.param('{"type": ["a", "list"]}', 1, id="type-not-a-string"),
    pytest.param('{"type": "transcript", "data": "not an object"}', 1, id="transcript-data-a-string"),
    pytest.param('{"type": "transcript", "data": {"is_final": "yes", "utterance": 3}}', 1, id="wrong-fields"),
    pytest.param('{"type": "post_summarization", "data": [1]}', 1, id="post-summarization-data-a-list"),
    pytest.param('{"type": "end_recording", "data": [1]}', 0, id="lifecycle-not-asked-for"),
    pytest.param('{"type": "audio_chunk", "acknowledged": true, "data": "x"}', 1, id="ack-data-a-string"),
    pytest.param(
        '{"type": "audio_chunk", "acknowledged": true, "data": {"byte_range": 7}}', 1, id="ack-range-int"
    ),
    pytest.param(L.ack(0, "far"), 0, id="ack-end-a-string"),
    pytest.param(L.ack(0, True), 0, id="ack-end-a-bool"),
    pytest.param(L.ack(0, 1e300), 0, id="ack-end-a-float"),
    pytest.param('{"type": "x", "pad": "' + "y" * (4 * 1024 * 1024) + '"}', 1, id="4-MiB-message"),
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize(("frame", "unknown"), GARBAGE)
def test_garbage_from_the_server_is_skipped_or_unknown_and_the_session_goes_on(
    live: L.LiveHostile, mode: str, frame: str | bytes, unknown: int
) -> None:
    """Not a JSON object: skipped (the `gladia` logger warns). An object the SDK cannot read into a model
    (unknown or missing `type`, wrong field types): an UnknownLiveMessage. The session goes on, its audio
    all delivered once."""
    live.script(L.gladia(live, before=[frame], final="Done."))
    outcome = L.drive(mode, live, end_timeout=10.0)
    assert outcome.error is None, outcome.describe()
    assert_only_typed(outcome.messages)
    assert sum(isinstance(m, UnknownLiveMessage) for m in outcome.messages) == unknown, outcome.describe()
    assert [m.data.utterance.text for m in outcome.messages if isinstance(m, M.TranscriptMessage)] == [
        "Done."
    ]
    assert bytes(live.audio) == L.AUDIO
    assert outcome.elapsed < 5 + SLACK, outcome.describe()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_message_over_the_incoming_limit_fails_typed_with_1009(
    live: L.LiveHostile, mode: str, monkeypatch: pytest.MonkeyPatch, quick: None
) -> None:
    monkeypatch.setattr("gladia.live._async_session.MAX_INCOMING_BYTES", 1024 * 1024)
    monkeypatch.setattr("gladia.live._buffer.MAX_INCOMING_BYTES", 1024 * 1024)
    big = '{"type": "x", "pad": "' + "y" * (2 * 1024 * 1024) + '"}'
    live.script(L.gladia(live, before=[big]))
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveProtocolError")
    assert error.close_code == 1009 and "over 1048576 bytes" in str(error), outcome.describe()  # type: ignore[attr-defined]
    assert live.connections == 1  # not retried: the server would send it again
    assert outcome.elapsed < SLACK, outcome.describe()


# ------------------------------------------------------------------------------------------ 5: lying acks


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_lying_acknowledgments_lose_no_audio(live: L.LiveHostile, mode: str) -> None:
    """An acknowledgment past the audio ever sent is ignored (a lie: it frees nothing); backwards, repeated or overlapping ranges change nothing. Then the connection drops: the resumed
    stream still delivers every byte, once, in order."""
    lies = [L.ack(0, 10**12), L.ack(5, 3), L.ack(-100, -1), L.ack(0, 0)]

    async def liar(ws: ServerConnection, number: int) -> None:
        if number == 0:
            for lie in lies:
                await ws.send(lie)
            received = 0
            async for data in ws:
                if isinstance(data, bytes):
                    received += len(data)
                    if received >= 16_000:
                        live.audio += data[: 16_000 - (received - len(data))]  # keeps only the first 16,000
                        await ws.send(L.ack(0, 16_000))
                        await ws.send(L.ack(8_000, 12_000))  # overlapping, behind
                        await asyncio.sleep(0.3)  # (read before the reset)
                        L.reset_connection(ws)
                        return
                    live.audio += data
            return
        await L.gladia(live)(ws, number)

    live.script(liar)
    audio = L.AUDIO * 4
    outcome = L.drive(mode, live, audio=audio, chunk=3200)
    assert outcome.error is None, outcome.describe()
    assert len(live.audio) == len(audio) and bytes(live.audio) == audio, (len(live.audio), live.connections)
    assert live.connections == 2


# ------------------------------------------------------------------------------------------ 6: closes


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("code", [1001, 1011, 1012, 1013, 1014])
def test_each_retryable_close_code_is_resumed_on_a_new_connection(
    live: L.LiveHostile, mode: str, code: int, quick: None
) -> None:
    """Each retryable code gets a reconnection, and the session then ends normally (the backoff and the
    limit on reconnections are timed below, for one code and a reset)."""
    live.script(L.then(L.close_after_audio(code, "again"), L.gladia(live)))
    outcome = L.drive(mode, live)
    assert outcome.error is None, outcome.describe()
    assert live.connections == 2


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("code", [1011, "reset"])
def test_retryable_closes_forever_give_up_after_five_reconnections_with_backoff(
    live: L.LiveHostile, mode: str, code: int | str, quick: None, fast_clock: FastClock
) -> None:
    async def drop(ws: ServerConnection, number: int) -> None:
        await ws.send(L.ack(0, 0))  # an acknowledgment of nothing new: not progress
        async for data in ws:
            if isinstance(data, bytes):
                break
        if code == "reset":
            L.reset_connection(ws)
        else:
            await ws.close(int(code), "go away")

    live.script(drop)
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveConnectionError")
    assert error.close_code == (1006 if code == "reset" else code), outcome.describe()  # type: ignore[attr-defined]
    assert live.connections == 6  # the first, then MAX_RECONNECTS
    # 0.1, 0.2, 0.4, 0.8, 1.6 s: backoff, no busy loop, asked of the clock (a wait that closing cancels:
    # the sync session is the async one, driven from the caller's thread).
    assert outcome.session._protocol.delays == [0.1, 0.2, 0.4, 0.8, 1.6]
    assert fast_clock.sleeps == [0.1, 0.2, 0.4, 0.8, 1.6]
    assert outcome.elapsed < 3 * SLACK, outcome.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("code", [1003, 1007, 1008, 1009, 1010, 4000, 4003, 4999, None])
def test_a_final_close_fails_at_once_with_its_code(
    live: L.LiveHostile, mode: str, code: int | None, quick: None
) -> None:
    """Codes that are not worth a reconnection end the session at once; a close frame with no code reads
    as 1005 (no status), which is final too."""
    live.script(L.close_after_audio(code, "nope" if code else ""))
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveConnectionError")
    assert error.close_code == (code or 1005), outcome.describe()  # type: ignore[attr-defined]
    assert live.connections == 1
    assert outcome.elapsed < SLACK, outcome.describe()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_reset_mid_stream_resumes_with_no_audio_lost_or_repeated(live: L.LiveHostile, mode: str) -> None:
    async def reset_midway(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                if len(live.audio) >= 100_000:  # this frame is lost with the connection, unacknowledged
                    await asyncio.sleep(0.3)  # (the acknowledgments sent are read before the reset)
                    L.reset_connection(ws)
                    return
                start = len(live.audio)
                live.audio += data
                await ws.send(L.ack(start, len(live.audio)))

    live.script(L.then(reset_midway, L.gladia(live, final="All there.")))
    audio = L.AUDIO * 4
    outcome = L.drive(mode, live, audio=audio, chunk=3200)
    assert outcome.error is None, outcome.describe()
    assert bytes(live.audio) == audio and live.connections == 2


# ------------------------------------------------------------------------------------------ 7: floods


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("final", [False, True])
def test_a_flood_nobody_reads_stays_within_max_unread_bytes(
    live: L.LiveHostile, mode: str, final: bool
) -> None:
    """10,000 transcripts (~4 MB) as fast as the socket takes them, the caller reading nothing: partials are
    dropped to stay within max_unread_bytes; finals cannot be, so the session fails with LiveQueueFullError
    (then what was received is still read)."""
    bound = 256 * 1024
    count = 10_000

    async def flood(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                await ws.send(L.ack(0, len(data)))
                break
        for n in range(count):
            await ws.send(L.transcript("word " * 40, final=final, number=n))
            live.sent += 1
        await ws.send(L.transcript("word " * 40, final=True, number=count))
        await ws.send(L.END_SESSION)
        await ws.close(1000)

    def done(session: object) -> bool:
        return bool(session._error is not None if final else session._protocol.ended)  # type: ignore[attr-defined]

    live.script(flood)
    outcome = L.drive(mode, live, "unread", audio=b"x" * 3200, pause=40.0, until=done, max_unread_bytes=bound)
    held, dropped = outcome.value
    assert held <= bound + 4096, outcome.describe()  # one message may go over before the check
    if final:
        L.raised(outcome, "LiveQueueFullError")
        assert len(outcome.messages) < 2_000 and live.connections == 1
    else:
        assert outcome.error is None, outcome.describe()
        assert live.sent == count and dropped > count / 2
        # Dropped partials, the rest read, the acknowledgment and the final (end_session is a lifecycle
        # event: hidden, as the caller did not ask for those).
        assert len(outcome.messages) + dropped == count + 2
        assert isinstance(outcome.messages[-1], M.TranscriptMessage) and outcome.messages[-1].data.is_final
    assert outcome.elapsed < 40, outcome.describe()


# ------------------------------------------------------------------------------------------ 8: pings


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_stops_answering_pings_is_dropped_and_the_session_resumed(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    """No pong within PING_TIMEOUT: the connection counts as lost (1006/1011), and is resumed on a new one."""
    live.script(L.then(L.deaf(), L.gladia(live, final="Back.")))
    outcome = L.drive(mode, live)
    assert outcome.error is None, outcome.describe()
    assert bytes(live.audio) == L.AUDIO and live.connections == 2
    assert outcome.elapsed < 0.6 + 0.5 + SLACK, outcome.describe()


@pytest.mark.timeout(30)
@pytest.mark.slow  # websockets' own ping timeout, real time
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_never_answers_pings_fails_typed_after_the_reconnections(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    live.script(L.deaf())
    outcome = L.drive(mode, live)
    L.raised(outcome, "LiveConnectionError")
    assert live.connections == 6
    assert outcome.elapsed < 6 * 1.1 + 3.1 + 2 * SLACK, outcome.describe()


# ------------------------------------------------------------------------------------------ 9: a stalled link


@pytest.mark.real_time  # the socket's timeouts keep real time
@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("talking", [False, True], ids=["silent", "still-talking"])
def test_a_server_that_stops_reading_fails_the_session_within_the_buffer_wait(
    live: L.LiveHostile, mode: str, talking: bool, quick: None
) -> None:
    """Handshake done, then the server never reads again (TCP zero window once the buffers fill; before,
    send_audio() blocked for good): the write is given up after buffer_wait, the TCP connection dropped
    (not even a close frame fits), and the session fails with LiveStalledError, not resumed."""
    live.script(L.stalled(live, then_talk=talking))
    audio = bytes(24 * 1024 * 1024)  # more than the socket buffers hold on both sides
    outcome = L.drive(
        mode, live, audio=audio, chunk=32_000, buffer_wait=1.0, max_buffer_bytes=32 * 1024 * 1024
    )
    error = L.raised(outcome, "LiveStalledError")
    assert "within 1 s (buffer_wait)" in str(error) and error.pending_bytes > 0  # type: ignore[attr-defined]
    assert 1.0 <= outcome.elapsed < 1.0 + 0.5 + SLACK, outcome.describe()
    assert live.connections == 1


# ------------------------------------------------------------------------------------------ 10: interrupts


@needs_sigint
@pytest.mark.slow
@pytest.mark.real_time
@pytest.mark.timeout(90)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("stage", L.STAGES)
def test_ctrl_c_or_a_cancellation_leaves_within_a_second_at_every_stage(
    live: L.LiveHostile, mode: str, stage: str
) -> None:
    """In a child process, with the SDK's default timeouts: SIGINT (sync: KeyboardInterrupt in the main
    thread; async: asyncio.run cancels the task) while the session waits on a server that does not answer.
    The block is left within a second, with no thread and no socket left behind."""
    left = L.interrupt(mode, live, stage)
    assert left.kind == "KeyboardInterrupt", left
    assert left.left_after < 1.0, left
    assert left.threads == [] and left.sockets == 0, left


# ------------------------------------------------------------------------------------------ 11: honest endings


def close_at_stop(live: L.LiveHostile, *, before_close: list[str] = ()) -> L.Script:  # type: ignore[assignment]
    """Acknowledge the audio (and say a partial), then answer stop_recording with `before_close` and a
    normal close (1000): no final transcript, no stop acknowledgment, no end_session unless given."""

    async def script(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                start = len(live.audio)
                live.audio += data
                await ws.send(L.ack(start, len(live.audio)))
                if start == 0:
                    await ws.send(L.transcript("half a sent", final=False))
                continue
            for frame in before_close:
                await ws.send(frame)
            await ws.close(1000)
            return

    return script


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("flow", ["iterate", "wait", "with"])
def test_a_session_closed_at_stop_without_its_final_messages_raises_incomplete(
    live: L.LiveHostile, mode: str, flow: str, quick: None
) -> None:
    """The issue's case (before: iteration and the `with` block ended without error)."""
    live.script(close_at_stop(live))
    outcome = L.drive(
        mode, live, flow, end_timeout=30.0, options={"messages_config": {"receive_partial_transcripts": True}}
    )
    error = L.raised(outcome, "LiveIncompleteError")
    assert error.close_code == 1000  # type: ignore[attr-defined]
    assert error.missing == (  # type: ignore[attr-defined]
        "end_session",
        "the acknowledgment of stop_recording",
        "the final transcript of the last utterance (only its partial transcript came)",
    )
    assert isinstance(error, LiveConnectionError)  # a LiveConnectionError, as every closed end
    # What was received stays readable on the session (then the same error): the acknowledgments and
    # the partial, read by the flow or afterwards.
    read: list[object] = []
    with pytest.raises(type(error)):
        _drain(mode, outcome.session, read)
    kinds = [type(m).__name__ for m in outcome.messages + read]
    assert "TranscriptMessage" in kinds and "AudioChunkAckMessage" in kinds, kinds
    assert outcome.elapsed < SLACK, outcome.describe()


def _drain(mode: str, session: object, into: list[object]) -> None:
    if mode == "sync":
        into.extend(session)  # type: ignore[call-overload]
        return

    async def read() -> None:
        async for message in session:  # type: ignore[attr-defined]
            into.append(message)

    asyncio.run(read())


@pytest.mark.timeout(20)
def test_an_iteration_that_sees_the_end_sees_its_verdict(live: L.LiveHostile) -> None:
    # The reader marks the end and judges it under one lock: before, an iteration woken between the two
    # (here, while a subscriber's callback ran on the reader) ended without the LiveIncompleteError.
    async def forgetful(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, str):
                await ws.send(L.ack(0, 3200))
                await ws.send(L.STOP_ACK)
                await ws.send(L.END_SESSION)
                await ws.close(1000)
                return

    live.script(forgetful)
    from gladia import GladiaClient
    from gladia.errors import LiveIncompleteError

    with GladiaClient(api_key=H.KEY, api_url=live.http.url, max_retries=0) as client:
        session = client.live().start_session({"messages_config": {"receive_lifecycle_events": True}})
        session.on("end_session", lambda message: time.sleep(0.3))  # the reader lingers after the end
        session.send_audio(L.AUDIO)
        session.stop_recording()
        with pytest.raises(LiveIncompleteError) as caught:
            list(session)
        session.close()
    assert caught.value.unacknowledged_bytes == len(L.AUDIO) - 3200

    async def run() -> None:
        from gladia import AsyncGladiaClient

        async with AsyncGladiaClient(api_key=H.KEY, api_url=live.http.url, max_retries=0) as aclient:
            options = {"messages_config": {"receive_lifecycle_events": True}}
            asession = await aclient.live().start_session(options)

            async def linger(message: object) -> None:
                await asyncio.sleep(0.3)

            asession.on("end_session", linger)
            await asession.send_audio(L.AUDIO)
            await asession.stop_recording()
            with pytest.raises(LiveIncompleteError):
                async for _ in asession:
                    pass
            await asession.close()

    asyncio.run(run())


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_end_session_with_audio_never_acknowledged_is_incomplete(live: L.LiveHostile, mode: str) -> None:
    async def forgetful(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, str):  # stop_recording, after all the audio: only its first 3,200 bytes acked
                await ws.send(L.ack(0, 3200))
                await ws.send(L.STOP_ACK)
                await ws.send(L.END_SESSION)
                await ws.close(1000)
                return
            live.audio += data

    live.script(forgetful)
    outcome = L.drive(mode, live, chunk=3200)
    error = L.raised(outcome, "LiveIncompleteError")
    assert error.unacknowledged_bytes == len(L.AUDIO) - 3200  # type: ignore[attr-defined]
    assert f"the acknowledgment of {len(L.AUDIO) - 3200} bytes of audio" in str(error)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize("kind", ["close-frame", "oversized"])
def test_a_close_the_tcp_connection_outlives_ends_within_the_close_timeout(
    live: L.LiveHostile, mode: str, kind: str, quick: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A close frame from the server, or a message over the size the SDK reads (refused with 1009), and
    then the server keeps the TCP connection open and reads nothing: the session ends within the close
    timeout (0.5 s here), not at the keepalive's next ping (before: 20 s)."""
    monkeypatch.setattr("gladia.live._async_session.MAX_INCOMING_BYTES", 1024 * 1024)
    monkeypatch.setattr("gladia.live._buffer.MAX_INCOMING_BYTES", 1024 * 1024)
    monkeypatch.setattr("gladia.live._async_session.PING_INTERVAL", 20.0)  # the keepalive of the defaults

    async def close_and_linger(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, bytes):
                break
        if kind == "close-frame":
            ws.transport.write(b"\x88\x02\x03\xe8")  # close 1000, then nothing: no TCP close
        else:
            await ws.send('{"type": "x", "pad": "' + "y" * (2 * 1024 * 1024) + '"}')
        ws.transport.pause_reading()
        await asyncio.sleep(3600)

    live.script(close_and_linger)
    outcome = L.drive(mode, live)
    expected = "LiveIncompleteError" if kind == "close-frame" else "LiveProtocolError"
    error = L.raised(outcome, expected)
    assert error.close_code == (1000 if kind == "close-frame" else 1009), outcome.describe()  # type: ignore[attr-defined]
    assert outcome.elapsed < 0.5 + SLACK, outcome.describe()
    assert live.connections == 1


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_reconnection_answered_by_another_session_fails_typed(live: L.LiveHostile, mode: str) -> None:
    other = "11111111-2222-4333-8444-555555555555"

    async def impostor(ws: ServerConnection, number: int) -> None:
        if number == 0:
            async for data in ws:
                if isinstance(data, bytes):
                    await ws.close(1012)
                    return
        async for data in ws:
            if isinstance(data, bytes):
                await ws.send(L.ack(0, len(data)).replace(L.SESSION_ID, other))
                await ws.send(L.transcript("someone else's words", final=True).replace(L.SESSION_ID, other))

    live.script(impostor)
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveProtocolError")
    assert other in str(error) and "another session answered" in str(error)
    assert not any(isinstance(m, M.TranscriptMessage) for m in outcome.messages)  # never mixed in
    assert live.connections == 2


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_text_message_that_is_not_utf8_fails_typed_at_once(live: L.LiveHostile, mode: str) -> None:
    """Before: read as a lost connection, retried five times, then "reconnecting did not help"."""

    async def garbled(ws: ServerConnection, number: int) -> None:
        ws.transport.write(b"\x81\x04\xff\xfe\xfd\xfc")  # a text frame whose bytes are not UTF-8
        async for _ in ws:
            pass

    live.script(garbled)
    outcome = L.drive(mode, live, end_timeout=30.0)
    error = L.raised(outcome, "LiveProtocolError")
    assert "not valid UTF-8" in str(error) and error.close_code == 1007  # type: ignore[attr-defined]
    assert live.connections == 1
    assert outcome.elapsed < SLACK, outcome.describe()


# ------------------------------------------------------------------------------------------ 12: the URL


TOKEN = "SECRET-TOKEN-5f2e"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize(
    ("url", "says"),
    [
        pytest.param("", "not a WebSocket URL", id="empty"),
        pytest.param(f"not a url?token={TOKEN}", "spaces", id="words"),
        pytest.param(f"http://127.0.0.1:9/v2/live?token={TOKEN}", "not a WebSocket URL", id="http"),
        pytest.param(f"ws://[::1/x?token={TOKEN}", "Invalid IPv6 URL", id="broken-ipv6"),
        pytest.param(f"ws://127.0.0.1:99999/?token={TOKEN}", "Port out of range", id="port-99999"),
        pytest.param(12, "not a string (int)", id="a-number"),
        pytest.param(None, "not a string (NoneType)", id="null"),
        pytest.param(
            f"ws://gladia.example/v2/live?token={TOKEN}", "points at gladia.example", id="another-host"
        ),
    ],
)
def test_a_session_url_that_cannot_be_used_is_refused_typed_before_anything_is_sent(
    live: L.LiveHostile, mode: str, url: object, says: str
) -> None:
    """Before: raw ValueError and AttributeError for some, the token in the message of others."""
    body = {"id": L.SESSION_ID, "created_at": "2026-01-01T00:00:00.000Z", "url": url}
    live.http.always("POST", "/v2/live", H.json_reply(body, status=201))
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveURLError")
    assert says in str(error), outcome.describe()
    assert TOKEN not in str(error) and TOKEN not in error.url  # type: ignore[attr-defined]
    assert error.session_id == L.SESSION_ID  # type: ignore[attr-defined]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_session_url_on_another_host_is_used_only_when_allowed(live: L.LiveHostile, mode: str) -> None:
    """The API on 127.0.0.1; Gladia's answer points at this machine's other address (not loopback): no
    connection is made there, the token never leaves, until the caller allows that host."""
    address = L.non_loopback_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback")
    received: list[bytes] = []
    server = socket.create_server((address, 0))
    port = server.getsockname()[1]
    url = f"ws://{address}:{port}/v2/live?token={TOKEN}"
    live.http.always(
        "POST",
        "/v2/live",
        H.json_reply({"id": L.SESSION_ID, "created_at": "2026-01-01T00:00:00Z", "url": url}, status=201),
    )

    def accept() -> None:
        with contextlib.suppress(OSError):
            conn, _ = server.accept()
            with conn:
                received.append(conn.recv(65536))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        refused = L.drive(mode, live)
        error = L.raised(refused, "LiveURLError")
        assert f"points at {address}" in str(error) and "allowed_hosts" in str(error)
        assert TOKEN not in str(error)
        time.sleep(0.2)
        assert received == []  # nothing reached it, not even a TCP connection
        allowed = L.drive(mode, live, allowed_hosts=[address])
        thread.join(5)
        assert received and received[0].startswith(b"GET /v2/live?token=" + TOKEN.encode())
        L.raised(allowed, "LiveConnectionError")  # (that server is no WebSocket server)
    finally:
        server.close()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_redirect_of_the_websocket_is_not_followed(live: L.LiveHostile, mode: str) -> None:
    """The URL was checked; a redirect (302) elsewhere would take the session where nobody checked."""
    live.raw(
        L.answer(b"HTTP/1.1 302 Found\r\nLocation: ws://127.0.0.1:9/elsewhere\r\ncontent-length: 0\r\n\r\n")
    )
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveURLError")
    assert "does not follow redirects" in str(error) and "127.0.0.1:9/elsewhere" in str(error)
    assert live.connections == 1


# ------------------------------------------------------------------------------------------ 13: acknowledgments


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_gap_in_the_acknowledgments_is_resent_after_a_reconnection(live: L.LiveHostile, mode: str) -> None:
    """The issue's case: bytes 3200-6400 acknowledged, 0-3200 never, then a retryable close. Before: the
    session resumed after the gap, and 0-3200 was never sent again."""

    async def gap(ws: ServerConnection, number: int) -> None:
        if number > 0:
            await L.gladia(live)(ws, number)  # keeps (and acknowledges) what the resumed stream brings
            return
        got = 0
        async for data in ws:
            if isinstance(data, bytes):
                got += len(data)
                if got >= 6400:
                    await ws.send(L.ack(3200, 6400))
                    await asyncio.sleep(0.3)  # (read before the close)
                    await ws.close(1012)
                    return

    live.script(gap)
    audio = L.AUDIO[:12_800]
    outcome = L.drive(mode, live, audio=audio, chunk=3200)
    assert outcome.error is None, outcome.describe()
    assert bytes(live.audio) == audio  # the second connection got it all, from byte 0, in order
    assert live.connections == 2


# ------------------------------------------------------------------------------------------ 14: memory

MiB = 1024 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads VmRSS from /proc")
@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", L.MODES)
@pytest.mark.parametrize(
    ("message", "count"),
    [
        pytest.param("{}", 100_000, id="100000-tiny-messages"),
        pytest.param(
            '{"type": "x", "a": [' + ",".join(["{}"] * 3_000) + "]}", 300, id="300-inflating-messages"
        ),
    ],
)
def test_unread_messages_hold_about_max_unread_bytes_of_memory_whatever_their_size(
    live: L.LiveHostile, mode: str, message: str, count: int
) -> None:
    """Measured in a child process: the caller reads nothing, max_unread_bytes is 1 MiB. Each message
    counts what it takes once read, 256 bytes at least, so 100,000 two-byte messages cannot hold 100,000
    objects (before: all held, +42 MiB of RSS; 524,289 of them, +200 MiB), and 9 KB of JSON that reads
    into 220 KB of objects counts as that much (before: about 110 of them held, +24 MiB)."""
    report = L.flood_unread(live, mode, message, count, bound=MiB)
    grown = report["after"] - report["baseline"]
    assert report["error"] == "LiveQueueFullError", report  # (the finals, ... cannot be dropped)
    if count == 100_000:
        assert report["held"] < 2_200 and report["counted"] <= MiB + 600, report
    else:
        assert report["held"] <= 3, report  # the acknowledgment, then ~770 KB each: the second overflows
    assert grown < 8 * MiB, f"RSS grew {grown / MiB:.1f} MiB: {report}"
