"""The pure logic of live audio: kept until acknowledged, resent after a reconnection, never twice."""

from __future__ import annotations

import mmap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gladia.live._buffer import AudioBuffer, is_retryable_close, reconnect_delay
from gladia.live._protocol import AfterClose, LiveProtocol


def test_frames_are_split_below_the_frame_size_and_count_as_sent() -> None:
    buffer = AudioBuffer(max_bytes=100, frame_bytes=30)
    buffer.add(bytes(range(70)))
    assert [len(f) for f in buffer.frames()] == [30, 30, 10]
    assert buffer.sent == 70 and list(buffer.frames()) == []


def test_acknowledged_audio_is_forgotten_and_the_rest_resent_after_a_rewind() -> None:
    buffer = AudioBuffer(max_bytes=100, frame_bytes=100)
    buffer.add(b"abcdef")
    assert list(buffer.frames()) == [b"abcdef"]
    buffer.acknowledge(0, 4)
    buffer.acknowledge(0, 2)  # stale: changes nothing
    assert buffer.pending == 2 and buffer.room() == 98
    buffer.rewind()
    assert list(buffer.frames()) == [b"ef"]
    buffer.acknowledge(4, 99)  # past what was received: capped
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
    assert protocol.after_close(1012, closing=False).then is AfterClose.RECONNECT
    protocol.stop_requested = True
    stop = protocol.resume()
    assert list(protocol.buffer.frames()) == [bytes(4)] and stop is True
    assert protocol.after_close(1008, closing=False).then is AfterClose.FAIL
    assert protocol.after_close(1011, closing=True).then is AfterClose.END
    protocol.on_message('{"type": "end_session", "session_id": "s", "created_at": "now"}')
    assert protocol.ended and protocol.after_close(1006, closing=False).then is AfterClose.END


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
            piece = in_flight.pop(0)
            buffer.acknowledge(len(kept), len(kept) + len(piece))
            kept += piece
        elif step == "drop":
            in_flight.clear()  # lost with the connection
            buffer.rewind()
            in_flight += buffer.frames()
    for chunk in pending:
        buffer.add(chunk)
    in_flight += buffer.frames()
    for piece in in_flight:
        buffer.acknowledge(len(kept), len(kept) + len(piece))
        kept += piece
    assert bytes(kept) == b"".join(chunks)
    assert buffer.pending == 0


def _filled(max_bytes: int, frame_bytes: int, audio: bytes) -> AudioBuffer:
    buffer = AudioBuffer(max_bytes=max_bytes, frame_bytes=frame_bytes)
    buffer.add(audio)
    return buffer


def test_the_ring_wraps_around_and_frames_across_its_end_come_out_whole() -> None:
    buffer = _filled(10, 4, b"0123456789")
    assert buffer.capacity == 10 and buffer.room() == 0
    assert list(buffer.frames()) == [b"0123", b"4567", b"89"]
    buffer.acknowledge(0, 7)  # a partial acknowledgment: 7, 8, 9 still kept
    buffer.add(b"abcdef")  # written at the ring's end, then over the acknowledged start
    assert buffer.pending == 9 and buffer.room() == 1 and buffer.received == 16
    assert list(buffer.frames()) == [b"abcd", b"ef"]
    buffer.rewind()
    assert list(buffer.frames()) == [b"789a", b"bcde", b"f"]  # the resend crosses the ring's end
    buffer.acknowledge(7, 9)
    buffer.rewind()
    assert list(buffer.frames()) == [b"9abc", b"def"]
    buffer.acknowledge(9, 16)
    assert buffer.pending == 0 and buffer.room() == 10 and list(buffer.frames()) == []


def test_a_chunk_bigger_than_what_is_left_before_the_ring_end_is_split_over_it() -> None:
    buffer = _filled(8, 8, b"abcdef")
    list(buffer.frames())
    buffer.acknowledge(0, 5)
    buffer.add(b"1234567")  # 2 bytes at the end of the ring, 5 at its start
    assert list(buffer.frames()) == [b"1234567"]
    buffer.rewind()
    assert list(buffer.frames()) == [b"f1234567"]


def test_the_ring_grows_by_doubling_up_to_the_bound_keeping_its_audio_in_order() -> None:
    buffer = AudioBuffer(max_bytes=3 * 64 * 1024, frame_bytes=64 * 1024)
    assert buffer.capacity == 64 * 1024
    audio = bytes(range(256)) * 768  # 192 KiB
    buffer.add(audio[:60_000])
    list(buffer.frames())
    buffer.acknowledge(0, 50_000)  # the head moves, so the next chunk wraps before the ring grows
    buffer.add(audio[60_000:70_000])
    assert buffer.capacity == 64 * 1024
    buffer.add(audio[70_000:])  # 20,000 kept + 126,608 more: doubled once, then capped at the bound
    assert buffer.capacity == 3 * 64 * 1024 and buffer.pending == len(audio) - 50_000
    buffer.rewind()
    assert b"".join(buffer.frames()) == audio[50_000:]
    with pytest.raises(OverflowError):
        buffer.add(bytes(buffer.room() + 1))
    buffer.add(bytes(buffer.room()))
    assert buffer.capacity == buffer.max_bytes  # never past the bound


def test_a_long_stream_through_a_full_ring_allocates_no_new_ring() -> None:
    buffer = AudioBuffer(max_bytes=1000, frame_bytes=300)
    ring = buffer._ring
    sent = bytearray()
    for index in range(500):
        chunk = bytes([index % 256]) * (1 + index % 97)
        while buffer.room() < len(chunk):
            buffer.acknowledge(0, buffer.acknowledged + 50)
        buffer.add(chunk)
        sent += chunk
        list(buffer.frames())
    buffer.rewind()
    assert b"".join(buffer.frames()) == sent[buffer.acknowledged :]
    assert buffer._ring is ring


@settings(max_examples=300, deadline=None)
@given(
    max_bytes=st.integers(min_value=1, max_value=40),
    initial=st.integers(min_value=1, max_value=40),
    frame=st.integers(min_value=1, max_value=40),
    steps=st.lists(
        st.tuples(st.sampled_from(["add", "send", "ack", "rewind"]), st.integers(min_value=0, max_value=50)),
        max_size=80,
    ),
)
def test_the_ring_behaves_as_one_growing_list_of_bytes(
    max_bytes: int, initial: int, frame: int, steps: list[tuple[str, int]]
) -> None:
    """Against a model (all audio received, as one bytes object): whatever the adds, acknowledgments and
    rewinds, the frames are the model's bytes from `sent`, split at `frame` bytes, and the bound holds; the
    ring grows (from `initial` bytes) only when the audio kept outgrows it."""
    frame = min(frame, max_bytes)
    buffer = AudioBuffer(max_bytes=max_bytes, frame_bytes=frame, initial_bytes=initial)
    model = bytearray()
    counter = 0
    for action, amount in steps:
        if action == "add":
            chunk = bytes((counter + i) % 251 for i in range(amount))
            counter += amount
            if amount > buffer.room():
                with pytest.raises(OverflowError):
                    buffer.add(chunk)
                continue
            before = buffer.capacity
            buffer.add(chunk)
            model += chunk
            assert buffer.capacity == before or before < buffer.pending
        elif action == "send":
            start = buffer.sent
            frames = list(buffer.frames())
            assert all(1 <= len(f) <= frame for f in frames)
            assert b"".join(frames) == model[start:]
        elif action == "ack":
            buffer.acknowledge(0, buffer.acknowledged + amount)
        else:
            buffer.rewind()
        assert buffer.received == len(model)
        assert buffer.pending == len(model) - buffer.acknowledged <= max_bytes
        assert buffer.room() == max_bytes - buffer.pending
        assert buffer.capacity <= max_bytes
    buffer.rewind()
    assert b"".join(buffer.frames()) == model[buffer.acknowledged :]


def test_a_ring_outgrown_is_unmapped_at_once_and_the_new_one_is_not_the_c_allocators() -> None:
    buffer = AudioBuffer(max_bytes=4096, frame_bytes=4096, initial_bytes=1024)
    old = buffer._ring.obj
    buffer.add(bytes(1500))
    assert buffer.capacity == 2048
    assert isinstance(old, mmap.mmap) and old.closed  # its pages went back to the system
    assert isinstance(buffer._ring.obj, mmap.mmap) and not buffer._ring.obj.closed


def test_the_end_of_the_session_gives_the_ring_back() -> None:
    protocol = LiveProtocol(AudioBuffer(max_bytes=8192, frame_bytes=4096, initial_bytes=4096), {})
    protocol.buffer.add(bytes(6000))
    ring = protocol.buffer._ring.obj
    assert list(protocol.buffer.frames()) and protocol.buffer.capacity == 8192
    protocol.on_message('{"type": "end_session", "session_id": "s", "created_at": "now"}')
    assert isinstance(ring, mmap.mmap) and ring.closed
    assert protocol.buffer.pending == 0 and protocol.buffer.capacity == 1 and protocol.buffer.room() == 8192
    protocol.buffer.rewind()
    assert list(protocol.buffer.frames()) == []  # nothing is ever sent again
    protocol.buffer.add(b"late")  # still a working buffer (the sessions refuse audio after the end)
    assert list(protocol.buffer.frames()) == [b"late"] and protocol.buffer.received == 6004


@pytest.mark.parametrize(
    ("code", "closing", "decision"),
    [(1000, False, AfterClose.FAIL), (1006, True, AfterClose.END), (1008, False, AfterClose.FAIL)],
)
def test_a_close_after_which_no_connection_follows_gives_the_ring_back(
    code: int, closing: bool, decision: AfterClose
) -> None:
    protocol = LiveProtocol(AudioBuffer(max_bytes=100, frame_bytes=100), {})
    protocol.buffer.add(bytes(60))
    ring = protocol.buffer._ring.obj
    assert protocol.after_close(code, closing=closing).then is decision
    assert isinstance(ring, mmap.mmap) and ring.closed and protocol.buffer.pending == 0


def test_a_close_followed_by_a_reconnection_keeps_the_audio() -> None:
    protocol = LiveProtocol(AudioBuffer(max_bytes=100, frame_bytes=100), {})
    protocol.buffer.add(bytes(60))
    ring = protocol.buffer._ring.obj
    assert protocol.after_close(1006, closing=False).then is AfterClose.RECONNECT
    assert isinstance(ring, mmap.mmap) and not ring.closed
    assert protocol.resume() is False and list(protocol.buffer.frames()) == [bytes(60)]
