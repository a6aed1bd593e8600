"""The sans-IO decisions of a live session: acknowledgments as ranges, what makes a session complete, what
follows a close, what a message may cost. Pure: no sockets."""

from __future__ import annotations

import json
import tracemalloc
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gladia.errors import LiveConnectionError, LiveIncompleteError, LiveProtocolError, LiveStalledError
from gladia.live._buffer import MAX_ACK_RANGES, AudioBuffer
from gladia.live._messages import caller_wants, decode, message_cost, parse_message
from gladia.live._protocol import MAX_MESSAGE_COST, AfterClose, LiveProtocol

SID = "7d0f4b9e-3c1a-4e55-9b7e-2f8a6c1d0e42"


def ack(start: int, end: int, session: str = SID) -> str:
    data = {"byte_range": [start, end]}
    return json.dumps({"type": "audio_chunk", "session_id": session, "acknowledged": True, "data": data})


def message(kind: str, **fields: object) -> str:
    return json.dumps({"type": kind, "session_id": SID, "created_at": "2026-01-01T00:00:00Z", **fields})


def transcript(final: bool, uid: str = "00_00000001") -> str:
    utterance = {
        "text": "x",
        "start": 0,
        "end": 1,
        "confidence": 1,
        "channel": 0,
        "words": [],
        "language": "en",
    }
    return message("transcript", data={"id": uid, "is_final": final, "utterance": utterance})


STOP_ACK = message("stop_recording", acknowledged=True, data={"recording_duration": 1.0})
END = message("end_session")


def sent(protocol: LiveProtocol, audio: bytes) -> None:
    protocol.buffer.add(audio)
    list(protocol.buffer.frames())


def fresh(size: int = 100) -> LiveProtocol:
    return LiveProtocol(AudioBuffer(max_bytes=size, frame_bytes=size), {}, session_id=SID)


# ------------------------------------------------------------------------------------------ ranges


def test_a_range_after_a_gap_frees_nothing_until_the_gap_is_acknowledged() -> None:
    protocol = fresh()
    sent(protocol, bytes(range(64)))
    protocol.on_message(ack(32, 48))  # 0-32 never acknowledged (yet)
    assert protocol.buffer.acknowledged == 0 and protocol.buffer.pending == 64
    assert protocol.buffer.unacknowledged == 48  # 16 of the 64 are acknowledged, not freed
    protocol.on_message(ack(0, 32))  # the gap: the prefix now runs through the range remembered
    assert protocol.buffer.acknowledged == 48 and protocol.buffer.unacknowledged == 16


def test_after_a_reconnection_the_gap_is_sent_again_from_its_first_byte() -> None:
    """The issue's case: bytes 3200-6400 acknowledged, 0-3200 never, then a retryable close."""
    protocol = fresh(12_800)
    audio = bytes(range(256)) * 50
    sent(protocol, audio)
    protocol.on_message(ack(3200, 6400))
    assert protocol.after_close(1012, closing=False).then is AfterClose.RECONNECT
    protocol.resume()
    assert b"".join(protocol.buffer.frames()) == audio  # from byte 0: in order, nothing skipped


def test_overlapping_repeated_and_backwards_ranges_change_nothing_wrongly() -> None:
    protocol = fresh()
    sent(protocol, bytes(100))
    for start, end in [(10, 20), (15, 25), (10, 20), (30, 30), (50, 40), (-5, 5)]:
        protocol.on_message(ack(start, end))
    assert protocol.buffer.acknowledged == 5  # only [-5, 5) touches the start (read as [0, 5))
    protocol.on_message(ack(5, 10))
    assert protocol.buffer.acknowledged == 25  # joined [10, 25)


def test_the_ranges_remembered_past_a_gap_are_bounded_and_forgetting_one_only_keeps_audio() -> None:
    protocol = fresh(10_000)
    sent(protocol, bytes(10_000))
    for n in range(1, 200):  # 199 disjoint one-byte ranges, each after a gap
        protocol.on_message(ack(2 * n, 2 * n + 1))
    assert len(protocol.buffer._ranges) == MAX_ACK_RANGES
    assert protocol.buffer.pending == 10_000  # nothing freed
    protocol.on_message(ack(0, 2 * MAX_ACK_RANGES + 1))
    assert protocol.buffer.acknowledged == 2 * MAX_ACK_RANGES + 1  # the forgotten ones: kept, resent later


@settings(max_examples=300, deadline=None)
@given(
    size=st.integers(min_value=1, max_value=200),
    ranges=st.lists(st.tuples(st.integers(-10, 220), st.integers(-10, 220)), max_size=40),
)
def test_audio_is_freed_only_once_every_byte_before_it_was_acknowledged(
    size: int, ranges: list[tuple[int, int]]
) -> None:
    protocol = fresh(200)
    sent(protocol, bytes(size))
    covered = [False] * size
    for start, end in ranges:
        protocol.on_message(ack(start, end))
        if end <= size:  # acknowledgments past the audio sent are lies, ignored
            for i in range(max(0, start), max(0, end)):
                covered[i] = True
        prefix = next((i for i, c in enumerate(covered) if not c), size)
        assert protocol.buffer.acknowledged <= prefix  # never past a byte not acknowledged
        assert protocol.buffer.acknowledged >= min(prefix, _first_forgotten(protocol, prefix))


def _first_forgotten(protocol: LiveProtocol, prefix: int) -> int:
    # With more than MAX_ACK_RANGES gaps some ranges may be forgotten; then the prefix may stop earlier.
    return prefix if len(protocol.buffer._ranges) < MAX_ACK_RANGES else 0


# ------------------------------------------------------------------------------------------ the end


def test_a_session_ending_with_everything_is_complete() -> None:
    protocol = fresh()
    sent(protocol, bytes(50))
    protocol.stop_requested = True
    for raw in (ack(0, 50), transcript(False), transcript(True), STOP_ACK, END):
        protocol.on_message(raw)
    assert protocol.ended and protocol.end_error() is None
    assert protocol.after_close(1000, closing=False) == protocol.after_close(1000, closing=True)


@pytest.mark.parametrize(
    ("messages", "missing"),
    [
        ([ack(0, 50), transcript(True), END], ["the acknowledgment of stop_recording"]),
        ([ack(0, 20), STOP_ACK, END], ["the acknowledgment of 30 bytes of audio (of 50)"]),
        (
            [ack(0, 50), transcript(False), STOP_ACK, END],
            ["the final transcript of the last utterance (only its partial transcript came)"],
        ),
    ],
)
def test_a_session_ending_without_what_makes_it_complete_says_what_is_missing(
    messages: list[str], missing: list[str]
) -> None:
    protocol = fresh()
    sent(protocol, bytes(50))
    protocol.stop_requested = True
    for raw in messages:
        protocol.on_message(raw)
    error = protocol.end_error()
    assert isinstance(error, LiveIncompleteError) and list(error.missing) == missing
    assert "stay readable" in str(error) and error.session_id == SID


def test_a_normal_close_before_the_end_is_an_incomplete_session_not_a_quiet_end() -> None:
    """The issue's case: stop_recording answered with a close 1000, nothing else."""
    protocol = fresh()
    sent(protocol, bytes(50))
    protocol.on_message(ack(0, 50))
    protocol.stop_requested = True
    closed = protocol.after_close(1000, closing=False, reason="bye")
    assert closed.then is AfterClose.FAIL and isinstance(closed.error, LiveIncompleteError)
    assert closed.error.missing == ("end_session", "the acknowledgment of stop_recording")
    assert closed.error.close_code == 1000 and closed.error.reason == "bye"
    assert "code 1000: bye" in str(closed.error)


@pytest.mark.parametrize(
    ("refused", "says"),
    [(1007, "not valid UTF-8"), (1009, "over"), (1002, "broke the WebSocket protocol")],
)
def test_a_connection_this_side_refused_fails_with_the_real_cause_and_is_not_resumed(
    refused: int, says: str
) -> None:
    protocol = fresh()
    closed = protocol.after_close(1006, closing=False, refused=refused)
    assert closed.then is AfterClose.FAIL and isinstance(closed.error, LiveProtocolError)
    assert says in str(closed.error) and closed.error.close_code == refused


def test_a_stalled_write_fails_the_session_and_is_not_resumed() -> None:
    protocol = fresh()
    sent(protocol, bytes(40))
    closed = protocol.after_close(None, closing=False, stalled=2.5)
    assert closed.then is AfterClose.FAIL and isinstance(closed.error, LiveStalledError)
    assert closed.error.pending_bytes == 40 and "within 2.5 s" in str(closed.error)


def test_retryable_closes_ask_for_the_backoff_then_give_up_with_the_code() -> None:
    protocol = fresh()
    decisions = [protocol.after_close(1011, closing=False) for _ in range(6)]
    assert [d.then for d in decisions] == [AfterClose.RECONNECT] * 5 + [AfterClose.FAIL]
    assert protocol.delays == [0.1, 0.2, 0.4, 0.8, 1.6]
    error = decisions[-1].error
    assert type(error) is LiveConnectionError and error.close_code == 1011


def test_the_end_overdue_names_what_is_missing() -> None:
    protocol = fresh()
    sent(protocol, bytes(10))
    protocol.stop_requested = True
    error = protocol.overdue_error(60.0)
    assert "did not end within 60 s of stop_recording()" in str(error)
    assert error.missing == (
        "end_session",
        "the acknowledgment of stop_recording",
        "the acknowledgment of 10 bytes of audio (of 10)",
    )


# ------------------------------------------------------------------------------------------ messages


def test_a_message_of_another_session_is_refused() -> None:
    protocol = fresh()
    protocol.on_message(message("speech_start", data={"time": 0.0, "channel": 0}))  # its own: fine
    protocol.on_message('{"type": "x"}')  # no session_id: fine
    with pytest.raises(LiveProtocolError, match="another session answered") as caught:
        protocol.on_message(ack(0, 0, session="11111111-2222-4333-8444-555555555555"))
    assert caught.value.session_id == SID


def test_a_message_that_would_take_too_much_memory_is_refused_before_it_is_read() -> None:
    protocol = fresh()
    inflating = '{"type": "x", "a": [' + ",".join(["{}"] * 200_000) + "]}"
    cost = message_cost(inflating)
    with pytest.raises(LiveProtocolError, match="MiB once read"):
        protocol.on_message(inflating, cost=MAX_MESSAGE_COST + 1)
    assert cost < MAX_MESSAGE_COST  # (this one is fine at its real size)
    assert protocol.on_message(inflating, cost) is not None


def test_lifecycle_events_reach_the_caller_only_when_asked_for() -> None:
    assert not caller_wants("end_session", {})
    assert caller_wants("end_session", {"receive_lifecycle_events": True})
    assert caller_wants("audio_chunk", {}) and not caller_wants(
        "audio_chunk", {"receive_acknowledgments": False}
    )
    protocol = fresh()
    assert protocol.on_message(END) is None and protocol.ended  # hidden, and still ends the session


def _words(n: int, word: object) -> str:
    base = json.loads(transcript(True))
    base["data"]["utterance"]["words"] = [word] * n
    return json.dumps(base)


SHAPES = {
    "empty object": "{}",
    "acknowledgment": ack(0, 3200),
    "stop acknowledgment": STOP_ACK,
    "transcript": transcript(True),
    "transcript with 100 words": _words(100, {"word": " w", "start": 0.1, "end": 0.2, "confidence": 0.9}),
    "10,000 empty objects": '{"type": "x", "a": [' + ",".join(["{}"] * 10_000) + "]}",
    "10,000 one-key objects": '{"type": "x", "a": [' + ",".join(['{"k": "ab"}'] * 10_000) + "]}",
    "10,000 short strings": '{"type": "x", "a": [' + ",".join(['"ab"'] * 10_000) + "]}",
    "10,000 keys": json.dumps({"type": "x", "a": {f"k{i}": f"v{i}" for i in range(10_000)}}),
    "10,000 empty lists": '{"type": "x", "a": [' + ",".join(["[]"] * 10_000) + "]}",
    "10,000 floats": '{"type": "x", "a": [' + ",".join(["0.5"] * 10_000) + "]}",
    "a long string": json.dumps({"type": "x", "a": "y" * 100_000}),
    "astral characters": json.dumps({"type": "x", "a": "\U0001f600" * 10_000}, ensure_ascii=False),
    "words that are empty objects": _words(10_000, {}),
}


@pytest.mark.parametrize("raw", list(SHAPES.values()), ids=list(SHAPES))
def test_message_cost_is_at_least_the_memory_a_message_takes_once_read(raw: str) -> None:
    """Measured as the inbox holds messages (parsed, with their entry), on this Python: the estimate that
    bounds max_unread_bytes is an upper bound whatever the shape."""
    count = min(2_000, max(20, 2_000_000 // len(raw)))
    held: OrderedDict[int, object] = OrderedDict()
    tracemalloc.start()
    try:
        for number in range(count):
            held[number] = (parse_message(decode(raw) or {}), len(raw))
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert used / count <= message_cost(raw), (used / count, message_cost(raw))
