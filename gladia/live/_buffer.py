"""The pure logic of a live session's audio: kept until acknowledged, resent after a reconnection, split into
frames the server accepts, and which closes are worth a reconnection. The sync and async sessions share it.

Offsets are session offsets: byte 0 is the first byte of audio of the session, whatever connection carried
it, as in Gladia's acknowledgments (`data.byte_range`). Three marks move forward through the stream:

    acknowledged <= sent <= received
    |-- kept until acknowledged --|
                  |-- to send ----|

`acknowledged` is where the acknowledged prefix ends: every byte before it was acknowledged. An
acknowledgment is a range; one that leaves a gap before it is remembered (a few of them) and frees nothing
until the gap is acknowledged too, so no byte is forgotten unacknowledged. `sent` is how far the current
connection has been given; `received` is how much audio the caller handed over. After a reconnection
`sent` goes back to `acknowledged`, so what the server may not have kept (a gap included) is sent again,
in order, and nothing before the prefix's end ever is.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator

#: The largest frame the SDK sends; Gladia closes the socket (1009) on a message over about 1 MiB.
MAX_FRAME_BYTES = 512 * 1024
#: Audio kept unacknowledged before send_audio() waits for room: 4 MiB, over 2 minutes of 16 kHz 16-bit
#: mono (20 s of 48 kHz stereo), far more than a reconnection needs. It bounds the session's memory: a
#: sender faster than Gladia's acknowledgments fills it, then waits.
MAX_BUFFER_BYTES = 4 * 1024 * 1024
#: The ring holding the unacknowledged audio starts at this size (2 s of 16 kHz 16-bit mono), and doubles
#: when it must, up to the bound above.
INITIAL_RING_BYTES = 64 * 1024
#: How long send_audio() waits for room in a full buffer before LiveBufferFullError.
BUFFER_WAIT_SECONDS = 30.0
#: How many reconnections in a row (without an acknowledgment in between) before giving up.
MAX_RECONNECTS = 5
RECONNECT_INITIAL_DELAY = 0.1
RECONNECT_MAX_DELAY = 2.0
#: The largest WebSocket message the SDK accepts from the server. The largest Gladia sends is the
#: post_final_transcript: about 1 MB an hour of speech with its words, so this is hours beyond any session.
MAX_INCOMING_BYTES = 16 * 1024 * 1024
#: Acknowledged ranges remembered beyond a gap. More are forgotten, the furthest first: their audio is
#: kept until acknowledged again (or the session ends), never freed unacknowledged.
MAX_ACK_RANGES = 64

# Closes after which the same session may be resumed: the connection was lost, or the server went away
# or restarted. Every other code is final: 1000 ends the session, 1008/1009/4xxx refuse what was sent.
RETRYABLE_CLOSE_CODES = frozenset({1001, 1006, 1011, 1012, 1013, 1014})


def is_retryable_close(code: int | None) -> bool:
    """Whether a connection closed with `code` (None: lost without a close frame) should be resumed."""
    return code is None or code in RETRYABLE_CLOSE_CODES


def reconnect_delay(attempt: int) -> float:
    """Seconds to wait before reconnection `attempt` (1, 2, ...): 0.1, 0.2, 0.4 ... up to 2 s."""
    return float(min(RECONNECT_MAX_DELAY, RECONNECT_INITIAL_DELAY * 2 ** (attempt - 1)))


class AudioBuffer:
    """The audio of one session not yet acknowledged, and how much of it the current connection was given.

    The audio lives in one ring (written in place, wrapping around), so a long stream allocates nothing
    per chunk: no buffer reallocated as audio comes in and goes out, no memory taken by one thread and freed
    by another. The ring starts small and doubles when the audio kept outgrows it, up to `max_bytes` (a
    caller sending in real time keeps a few frames; one sending faster than Gladia acknowledges fills the
    bound), and is never shrunk: a long stream settles at one size. Each ring is an anonymous memory
    mapping of its own, not a block of the C allocator: its pages go back to the system with it, and
    freeing it does not raise glibc's mmap threshold (which would move every later large allocation of the
    process, such as the session's last, transcript-sized messages, onto heaps that do not shrink).

    Args:
        max_bytes: the most audio kept unacknowledged; `room()` says how much more fits.
        frame_bytes: the largest frame `frames()` yields.
        initial_bytes: the ring's first size (at most `max_bytes`).
    """

    def __init__(
        self,
        *,
        max_bytes: int = MAX_BUFFER_BYTES,
        frame_bytes: int = MAX_FRAME_BYTES,
        initial_bytes: int = INITIAL_RING_BYTES,
    ) -> None:
        if frame_bytes < 1 or max_bytes < frame_bytes or initial_bytes < 1:
            raise ValueError("need 1 <= frame_bytes <= max_bytes and 1 <= initial_bytes")
        self.max_bytes = max_bytes
        self.frame_bytes = frame_bytes
        self._ring = _zeroed(min(max_bytes, initial_bytes))
        self._head = 0  # where in the ring the byte at offset `acknowledged` is
        self._pending = 0  # bytes kept: from `acknowledged` to `received`
        self._ranges: list[
            tuple[int, int]
        ] = []  # acknowledged after a gap: sorted, disjoint, past the prefix
        self.acknowledged = 0
        self.sent = 0
        self.sent_max = 0  # the furthest any connection was given: nothing past it can be acknowledged

    @property
    def received(self) -> int:
        return self.acknowledged + self._pending

    @property
    def pending(self) -> int:
        """Bytes kept because they are not acknowledged yet."""
        return self._pending

    @property
    def capacity(self) -> int:
        """The size of the ring now (it grows up to `max_bytes`)."""
        return len(self._ring)

    @property
    def unacknowledged(self) -> int:
        """Bytes received from the caller that no acknowledgment covers (a gap's included)."""
        return self._pending - sum(end - start for start, end in self._ranges)

    def room(self) -> int:
        return self.max_bytes - self._pending

    def add(self, audio: bytes) -> None:
        """Keep `audio` until it is acknowledged (the caller checked `room()` first).

        Raises:
            OverflowError: when it does not fit.
        """
        size = len(audio)
        if size > self.room():
            raise OverflowError(f"{size} bytes do not fit in the {self.room()} bytes left")
        if self._pending + size > len(self._ring):
            self._grow(self._pending + size)
        ring, capacity = self._ring, len(self._ring)
        tail = (self._head + self._pending) % capacity
        first = min(size, capacity - tail)
        with memoryview(audio) as data:
            ring[tail : tail + first] = data[:first]
            if first < size:
                ring[: size - first] = data[first:]
        self._pending += size

    def next_frame(self) -> bytes | None:
        """The next frame of audio not yet given to this connection (at most `frame_bytes`, copied out of the
        ring, so one frame is in flight at a time), counted as sent; None when all was given."""
        if self.sent >= self.received:
            return None
        size = min(self.frame_bytes, self.received - self.sent)
        frame = self._copy(self.sent - self.acknowledged, size)
        self.sent += size
        self.sent_max = max(self.sent_max, self.sent)
        return frame

    def frames(self) -> Iterator[bytes]:
        """The audio not yet given to this connection, frame by frame (see `next_frame`)."""
        while (frame := self.next_frame()) is not None:
            yield frame

    def acknowledge(self, start: int, end: int) -> bool:
        """The server kept the bytes from offset `start` to `end`. Audio is forgotten only once every byte
        before it is acknowledged: a range after a gap is remembered and frees its audio with the gap's
        acknowledgment. Stale, repeated or empty ranges change nothing. True when the prefix moved."""
        end = min(end, self.received)
        if end <= max(start, self.acknowledged):
            return False
        if start > self.acknowledged:
            self._remember(start, end)
            return False
        while self._ranges and self._ranges[0][0] <= end:  # ranges the prefix now reaches join it
            end = max(end, self._ranges.pop(0)[1])
        done = end - self.acknowledged
        self._head = (self._head + done) % len(self._ring)
        self._pending -= done
        self.acknowledged = end
        self.sent = max(self.sent, end)
        return True

    def _remember(self, start: int, end: int) -> None:
        """Keep [start, end) among the ranges acknowledged past a gap, merged with those it touches."""
        kept: list[tuple[int, int]] = []
        for low, high in self._ranges:
            if high < start or low > end:
                kept.append((low, high))
            else:
                start, end = min(start, low), max(end, high)
        kept.append((start, end))
        kept.sort()
        self._ranges = kept[:MAX_ACK_RANGES]

    def rewind(self) -> None:
        """A new connection: everything not acknowledged is to be sent again."""
        self.sent = self.acknowledged

    def release(self) -> None:
        """The session is over: nothing will be sent again, so forget the audio kept (counted as acknowledged)
        and give the ring's memory back now, not when the session object goes."""
        self.acknowledged = self.sent = self.sent_max = self.received
        self._pending = self._head = 0
        self._ranges = []
        _free(self._ring)
        self._ring = memoryview(bytearray(1))  # grown again on demand, should anything be added

    def _copy(self, start: int, size: int) -> bytes:
        """`size` bytes kept, from `start` bytes after the head, as one bytes object."""
        ring, capacity = self._ring, len(self._ring)
        begin = (self._head + start) % capacity
        if begin + size <= capacity:
            return ring[begin : begin + size].tobytes()
        return b"".join((ring[begin:], ring[: begin + size - capacity]))

    def _grow(self, needed: int) -> None:
        capacity = len(self._ring)
        while capacity < needed:
            capacity *= 2
        ring, head, pending = self._ring, self._head, self._pending
        bigger = _zeroed(min(capacity, self.max_bytes))
        first = min(pending, len(ring) - head)  # the kept audio, unwrapped to the start of the new ring
        bigger[:first] = ring[head : head + first]
        bigger[first:pending] = ring[: pending - first]
        _free(ring)
        self._ring, self._head = bigger, 0


def _zeroed(size: int) -> memoryview:
    """`size` zero bytes, writable, in an anonymous mapping private to this process."""
    if hasattr(mmap, "MAP_PRIVATE"):  # POSIX (Windows' anonymous mappings are private already)
        return memoryview(mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE))
    return memoryview(mmap.mmap(-1, size))  # pragma: no cover - Windows


def _free(ring: memoryview) -> None:
    """Unmap a ring now (its memoryview released first: a mapping with a view on it cannot close)."""
    mapping = ring.obj
    ring.release()
    if isinstance(mapping, mmap.mmap):
        mapping.close()
