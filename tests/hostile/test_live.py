"""Live sessions against a hostile WebSocket server: no hang, bounded memory, only typed errors, nothing lost
silently, for the sync and the async session alike (real sockets on loopback, see `tests.hostile.server.live_server`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from websockets.asyncio.server import ServerConnection

from gladia.live._messages import UnknownLiveMessage
from gladia_api import models as M
from tests._clock import FastClock
from tests.hostile import live_server as L

SLACK = 3.0  # what a session may take beyond the bound under test, on a busy 2-core runner


@pytest.fixture
def live() -> Iterator[L.LiveHostile]:
    yield from L.live_server()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short socket timeouts (the defaults are 10 s to open, 20 s + 20 s for pings, 5 s to close)."""
    monkeypatch.setattr("gladia.live._session.OPEN_TIMEOUT", 1.0)
    monkeypatch.setattr("gladia.live._session.PING_INTERVAL", 0.3)
    monkeypatch.setattr("gladia.live._session.PING_TIMEOUT", 0.3)
    monkeypatch.setattr("gladia.live._session.CLOSE_TIMEOUT", 0.5)


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
    with LiveConnectionError, whichever way the caller waits."""
    live.script(L.silent(live))
    outcome = L.drive(mode, live, flow, end_timeout=1.0)
    error = L.raised(outcome, "LiveConnectionError")
    assert "did not end within 1 s of stop_recording()" in str(error)
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
    L.raised(outcome, "LiveConnectionError")  # then iterating waits out end_timeout, and says so


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
    L.raised(outcome, "LiveConnectionError")
    assert 1.0 <= outcome.elapsed < 1.0 + SLACK, outcome.describe()
    assert len(outcome.messages) >= 5


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_ends_the_session_but_keeps_the_socket_open_still_ends_it(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    async def linger(ws: ServerConnection, number: int) -> None:
        async for data in ws:
            if isinstance(data, str):
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
    pytest.param('{"type": "end_recording", "data": [1]}', 1, id="end-recording-data-a-list"),
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
    monkeypatch.setattr("gladia.live._session.MAX_INCOMING_BYTES", 1024 * 1024)
    monkeypatch.setattr("gladia.live._async_session.MAX_INCOMING_BYTES", 1024 * 1024)
    monkeypatch.setattr("gladia.live._buffer.MAX_INCOMING_BYTES", 1024 * 1024)
    big = '{"type": "x", "pad": "' + "y" * (2 * 1024 * 1024) + '"}'
    live.script(L.gladia(live, before=[big]))
    outcome = L.drive(mode, live)
    error = L.raised(outcome, "LiveConnectionError")
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
    waits = fast_clock.sleeps
    assert waits[-1] >= 1.6 and sum(waits) >= 3.1, waits  # 0.1, 0.2, 0.4, 0.8, 1.6 s: backoff, no busy loop
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
        for n in range(count):
            await ws.send(L.transcript("word " * 40, final=final, number=n))
            live.sent += 1
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
        assert len(outcome.messages) + dropped == count + 1  # dropped partials, the rest read, and the end
        assert isinstance(outcome.messages[-1], M.EndSessionMessage)
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
@pytest.mark.parametrize("mode", L.MODES)
def test_a_server_that_never_answers_pings_fails_typed_after_the_reconnections(
    live: L.LiveHostile, mode: str, quick: None
) -> None:
    live.script(L.deaf())
    outcome = L.drive(mode, live)
    L.raised(outcome, "LiveConnectionError")
    assert live.connections == 6
    assert outcome.elapsed < 6 * 1.1 + 3.1 + 2 * SLACK, outcome.describe()
