"""The pure logic of live audio: kept until acknowledged, resent after a reconnection, never twice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gladia._live_buffer import AudioBuffer, is_retryable_close, reconnect_delay
from gladia._live_protocol import AfterClose, LiveProtocol


def test_frames_are_split_below_the_frame_size_and_count_as_sent() -> None:
    buffer = AudioBuffer(max_bytes=100, frame_bytes=30)
    buffer.add(bytes(range(70)))
    assert [len(f) for f in buffer.frames()] == [30, 30, 10]
    assert buffer.sent == 70 and list(buffer.frames()) == []


def test_acknowledged_audio_is_forgotten_and_the_rest_resent_after_a_rewind() -> None:
    buffer = AudioBuffer(max_bytes=100, frame_bytes=100)
    buffer.add(b"abcdef")
    assert list(buffer.frames()) == [b"abcdef"]
    buffer.acknowledge(4)
    buffer.acknowledge(2)  # stale: changes nothing
    assert buffer.pending == 2 and buffer.room() == 98
    buffer.rewind()
    assert list(buffer.frames()) == [b"ef"]
    buffer.acknowledge(99)  # past what was received: capped
    assert buffer.acknowledged == 6 and buffer.pending == 0


def test_a_full_buffer_refuses_more() -> None:
    buffer = AudioBuffer(max_bytes=10, frame_bytes=5)
    buffer.add(bytes(8))
    with pytest.raises(OverflowError):
        buffer.add(bytes(3))


def test_which_closes_are_resumed() -> None:
    assert all(is_retryable_close(code) for code in (None, 1001, 1006, 1011, 1012, 1013, 1014))
    assert not any(is_retryable_close(code) for code in (1000, 1002, 1003, 1007, 1008, 1009, 4000, 4401))
    assert [reconnect_delay(n) for n in (1, 2, 3, 10)] == [0.1, 0.2, 0.4, 2.0]


def test_the_protocol_reads_acknowledgments_and_decides_after_a_close() -> None:
    protocol = LiveProtocol(AudioBuffer(max_bytes=100, frame_bytes=100), {"receive_acknowledgments": False})
    protocol.buffer.add(bytes(10))
    list(protocol.buffer.frames())
    ack = '{"type": "audio_chunk", "acknowledged": true, "error": null, "data": {"byte_range": [0, 6]}}'
    assert protocol.on_message(ack) is None  # the caller did not ask for acknowledgments
    assert protocol.buffer.acknowledged == 6
    assert protocol.after_close(1012, closing=False) is AfterClose.RECONNECT
    protocol.stop_requested = True
    frames, stop = protocol.resume()
    assert frames == [bytes(4)] and stop is True
    assert protocol.after_close(1008, closing=False) is AfterClose.FAIL
    assert protocol.after_close(1011, closing=True) is AfterClose.END
    protocol.on_message('{"type": "end_session", "session_id": "s", "created_at": "now"}')
    assert protocol.ended and protocol.after_close(1006, closing=False) is AfterClose.END


@settings(max_examples=200, deadline=None)
@given(
    chunks=st.lists(st.binary(min_size=1, max_size=40), min_size=1, max_size=20),
    steps=st.lists(st.sampled_from(["deliver", "drop"]), max_size=60),
    frame=st.integers(min_value=1, max_value=16),
)
def test_what_the_server_keeps_is_what_was_sent_once_in_order(
    chunks: list[bytes], steps: list[str], frame: int
) -> None:
    """A server that keeps every frame it receives and acknowledges it; connections that drop with frames
    in flight. Whatever the interleaving, the server ends up with the audio, once, in order."""
    buffer = AudioBuffer(max_bytes=10_000, frame_bytes=frame)
    kept = bytearray()
    in_flight: list[bytes] = []
    pending = list(chunks)
    for step in steps:
        if pending:
            buffer.add(pending.pop(0))
            in_flight += buffer.frames()
        if step == "deliver" and in_flight:
            kept += in_flight.pop(0)
            buffer.acknowledge(len(kept))
        elif step == "drop":
            in_flight.clear()  # lost with the connection
            buffer.rewind()
            in_flight += buffer.frames()
    for chunk in pending:
        buffer.add(chunk)
    in_flight += buffer.frames()
    for piece in in_flight:
        kept += piece
        buffer.acknowledge(len(kept))
    assert bytes(kept) == b"".join(chunks)
    assert buffer.pending == 0
