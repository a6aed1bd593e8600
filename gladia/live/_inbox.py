"""The messages a live session received and the caller has not read yet, bounded. Pure: no I/O, no locks.

The session's reader never stops reading (Gladia's acknowledgments free the audio buffer), so a caller who
reads nothing would grow this without end. It is bounded by the memory the messages held take
(`max_bytes`, `LIVE_MAX_UNREAD_BYTES` by default), each counted by `message_cost`: an upper bound of what
it takes once read, a fixed cost per message included, so a flood of tiny messages is bounded as surely as
a few large ones. Over the bound, the oldest partial transcripts go first (a later partial or the final
supersedes each); when only other messages are left and it is still over, `put` says so and the session
fails with `LiveQueueFullError`, rather than dropping a final or growing on. A message larger than the
bound on its own is still taken when nothing else is held.
"""

from __future__ import annotations

from collections import OrderedDict, deque

from gladia._core.log import logger
from gladia.errors import LiveQueueFullError
from gladia.live._messages import LiveMessage
from gladia_api import models as M


def is_partial(message: LiveMessage) -> bool:
    """Whether a message is a partial transcript (superseded by later ones, so dropped first)."""
    return isinstance(message, M.TranscriptMessage) and not message.data.is_final


class Inbox:
    """Unread messages, oldest first, with the partial transcripts among them droppable."""

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 1:
            raise ValueError("max_unread_bytes must be at least 1")
        self.max_bytes = max_bytes
        self.bytes = 0
        self.dropped_partials = 0
        self._next = 0
        self._held: OrderedDict[int, tuple[LiveMessage, int]] = OrderedDict()
        self._partials: deque[int] = deque()  # their numbers, in order; a subset of _held's keys

    def __len__(self) -> int:
        return len(self._held)

    def put(self, message: LiveMessage, size: int) -> bool:
        """Hold `message` (costing `size` bytes, `message_cost` of its text); False when the bound is
        exceeded with no partial left to drop (the message is held all the same: nothing already received
        is lost)."""
        number = self._next
        self._next += 1
        self._held[number] = (message, size)
        if is_partial(message):
            self._partials.append(number)
        total = self.bytes + size
        while total > self.max_bytes and self._partials and len(self._held) > 1:
            _, dropped = self._held.pop(self._partials.popleft())
            total -= dropped
            self.dropped_partials += 1
        # Written once: read from another thread, it is never past the bound while partials are left.
        self.bytes = total
        return total <= self.max_bytes or len(self._held) == 1

    def get(self) -> LiveMessage | None:
        """The oldest message held (no longer held), or None when there is none."""
        if not self._held:
            return None
        number, (message, size) = self._held.popitem(last=False)
        self.bytes -= size
        if self._partials and self._partials[0] == number:
            self._partials.popleft()
        return message


def overflow_error(session_id: str, inbox: Inbox) -> LiveQueueFullError:
    """The error that ends a session whose unread messages outgrew the inbox."""
    return LiveQueueFullError(
        f"{len(inbox)} messages (about {inbox.bytes} bytes of memory) were received and not read, over "
        f"max_unread_bytes ({inbox.max_bytes}) even with the partial transcripts dropped: the session was "
        "closed. Read the "
        "messages while you send (`for message in session` on another thread or task), subscribe to them "
        "with session.on(), or ask for fewer kinds with messages_config (receive_acknowledgments=False "
        "hides the acknowledgments, one per chunk of audio)",
        session_id=session_id,
    )


def note_dropped(session_id: str, inbox: Inbox, dropped_before: int) -> None:
    """Log, once per session, that partial transcripts were dropped unread."""
    if dropped_before == 0 and inbox.dropped_partials > 0:
        logger.warning(
            "live session %s: messages left unread reached max_unread_bytes (%d): the oldest partial "
            "transcripts are being dropped (finals and other messages are kept)",
            session_id,
            inbox.max_bytes,
        )
