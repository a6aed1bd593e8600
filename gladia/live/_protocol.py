"""What a live session decides, without doing any I/O: the sync and async sessions are thin shells around it.

It reads each message the server sends (acknowledgments free the audio buffer; `end_session` ends the
session; a message of another session is refused), says what to do when a connection closes (end,
reconnect, or fail, and with which error), what a new connection must be sent first (the audio not
acknowledged, then `stop_recording` if it was asked for and not acknowledged), and whether the session
that ended is complete.

A session is complete when it ends with `end_session`, after the acknowledgment of `stop_recording` (when
it was sent), with every byte of audio acknowledged, and with no utterance left at a partial transcript.
Anything short of that ends it with `LiveIncompleteError`, which names what is missing.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any

import attrs

from gladia._core.log import logger
from gladia.errors import (
    LiveConnectionError,
    LiveError,
    LiveIncompleteError,
    LiveProtocolError,
    LiveStalledError,
)
from gladia.live import _buffer
from gladia.live._buffer import (
    MAX_INCOMING_BYTES,
    MAX_RECONNECTS,
    AudioBuffer,
    is_retryable_close,
    reconnect_delay,
)
from gladia.live._messages import LiveMessage, caller_wants, decode, message_cost, parse_message

STOP_RECORDING = json.dumps({"type": "stop_recording"})
#: The most memory one message may take once read (`message_cost`). A transcript's text reads into about
#: 4 times its size (8 by that estimate), so this passes any message up to MAX_INCOMING_BYTES that Gladia
#: sends, and refuses one built to inflate (10,000 empty objects cost 18 times their text).
MAX_MESSAGE_COST = 10 * MAX_INCOMING_BYTES

# The close codes this side sends when it fails a connection because of what the server sent.
_REFUSED = {
    1002: "broke the WebSocket protocol",
    1007: "sent a text message that is not valid UTF-8",
    1009: "sent a WebSocket message over {limit} bytes, the most the SDK reads",
}


class AfterClose(enum.Enum):
    END = "end"  # the session is over
    RECONNECT = "reconnect"  # connect again to the same URL and resume
    FAIL = "fail"  # the session cannot go on


@attrs.frozen
class Closed:
    """What to do after a connection closed, and the error that ends the session (None: none)."""

    then: AfterClose
    error: LiveError | None = None


class LiveProtocol:
    """The state of one live session: its audio buffer, whether it was stopped, whether it has ended."""

    def __init__(
        self, buffer: AudioBuffer, messages_config: Mapping[str, Any], *, session_id: str = ""
    ) -> None:
        self.buffer = buffer
        self.messages_config = dict(messages_config)
        self.session_id = session_id
        self.stop_requested = False
        self.stop_acknowledged = False
        self.ended = False
        self.reconnects = 0  # in a row: reset by every acknowledgment of new audio, which proves progress
        self.delays: list[float] = []  # the reconnection delays decided, in order
        self.skipped = 0  # messages that were not a JSON object, ignored
        self.lying_acks = 0  # acknowledgments past the audio ever sent, ignored
        self.open_partial = False  # the last transcript was a partial: its utterance's final has not come
        self._missing_at_end: list[str] = []
        self._unacknowledged_at_end = 0

    # ------------------------------------------------------------------------------------------ messages

    def on_message(self, raw: str | bytes, cost: int | None = None) -> LiveMessage | None:
        """Read one message from the server (`cost`: its `message_cost`, if known); the typed message when
        the caller asked for its kind.

        Raises:
            LiveProtocolError: a message of another session, or one that would take too much memory.
        """
        cost = message_cost(raw) if cost is None else cost
        if cost > MAX_MESSAGE_COST:
            raise LiveProtocolError(
                f"The server sent a message of {len(raw)} bytes that would take about {cost >> 20} MiB once "
                f"read, over the {MAX_MESSAGE_COST >> 20} MiB the SDK allows one message: the session was "
                "closed",
                session_id=self.session_id,
                close_code=None,
            )
        message = decode(raw)
        if message is None:
            self.skipped += 1
            if self.skipped == 1:
                logger.warning("live session: ignoring a message that is not a JSON object: %.80r", raw)
            return None
        owner = message.get("session_id")
        if self.session_id and isinstance(owner, str) and owner != self.session_id:
            raise LiveProtocolError(
                f"The server sent a message of session {owner[:64]!r} on the connection of session "
                f"{self.session_id!r} (after a reconnection, another session answered): the session was "
                "closed rather than mix another session's transcript into it",
                session_id=self.session_id,
                close_code=None,
            )
        kind = message.get("type")
        if kind == "audio_chunk" and message.get("acknowledged") is True:
            self._acknowledge(message.get("data"))
        elif kind == "stop_recording" and message.get("acknowledged") is True:
            self.stop_acknowledged = True
        elif kind == "transcript":
            data = message.get("data")
            if isinstance(data, dict):
                self.open_partial = data.get("is_final") is not True
        elif kind == "end_session":
            self._missing_at_end = self.missing(ended=True)
            self._unacknowledged_at_end = self.buffer.unacknowledged
            self.ended = True
            self.buffer.release()  # no connection follows the end: the audio kept will never be resent
        return parse_message(message) if caller_wants(str(kind), self.messages_config) else None

    def _acknowledge(self, data: object) -> None:
        """Free the audio an acknowledgment covers, once every byte before it is acknowledged too. A
        malformed one is ignored, and so is one past the audio ever sent (a lie: those bytes never left, and
        what it says about the others cannot be trusted): the audio stays kept, and is sent again after a
        reconnection, rather than being forgotten unheard."""
        byte_range = data.get("byte_range") if isinstance(data, dict) else None
        if not (isinstance(byte_range, list) and len(byte_range) == 2):
            return
        start, end = byte_range
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
            return
        buffer = self.buffer
        if end > buffer.sent_max:
            self.lying_acks += 1
            if self.lying_acks == 1:
                logger.warning(
                    "live session: the server acknowledged audio up to byte %d, but only %d were sent: ignored",
                    end,
                    buffer.sent_max,
                )
            return
        if buffer.acknowledge(max(0, start), end):
            self.reconnects = 0  # progress: only new audio acknowledged proves the server is keeping up

    # ------------------------------------------------------------------------------------------ the end

    def missing(self, *, ended: bool = False) -> list[str]:
        """What the session still lacks to be complete (empty when it is)."""
        gaps: list[str] = []
        if not (ended or self.ended):
            gaps.append("end_session")
        if self.stop_requested and not self.stop_acknowledged:
            gaps.append("the acknowledgment of stop_recording")
        unacknowledged = self.buffer.unacknowledged
        if unacknowledged:
            gaps.append(f"the acknowledgment of {unacknowledged} bytes of audio (of {self.buffer.received})")
        if self.open_partial:
            gaps.append("the final transcript of the last utterance (only its partial transcript came)")
        return gaps

    def end_error(self) -> LiveIncompleteError | None:
        """Once `end_session` came: the error if the session ended incomplete."""
        if not (self.ended and self._missing_at_end):
            return None
        return self._incomplete(
            "The live session ended incomplete",
            self._missing_at_end,
            close_code=None,
            unacknowledged=self._unacknowledged_at_end,
        )

    def overdue_error(self, end_timeout: float) -> LiveIncompleteError:
        """The session did not end within `end_timeout` of stop_recording()."""
        return self._incomplete(
            f"The live session did not end within {end_timeout:g} s of stop_recording(): its socket was "
            "closed (raise end_timeout if the session needs longer)",
            self.missing(),
            close_code=None,
        )

    def stalled_error(self, wait: float) -> LiveStalledError:
        """The server took no audio within the buffer wait."""
        return LiveStalledError(
            f"The server stopped reading: audio could not be written to the live session's WebSocket within "
            f"{wait:g} s (buffer_wait), so the connection was dropped and the session closed, "
            f"{self.buffer.unacknowledged} bytes of audio unacknowledged. The link or the server is stuck",
            session_id=self.session_id,
            pending_bytes=self.buffer.unacknowledged,
        )

    def _incomplete(
        self,
        summary: str,
        missing: list[str],
        *,
        close_code: int | None,
        reason: str = "",
        unacknowledged: int | None = None,
    ) -> LiveIncompleteError:
        return LiveIncompleteError(
            f"{summary}. Missing: {'; '.join(missing)}. Its transcript may lack the end of the audio; the "
            "messages received stay readable: iterate the session",
            session_id=self.session_id,
            close_code=close_code,
            reason=reason,
            missing=missing,
            unacknowledged_bytes=self.buffer.unacknowledged if unacknowledged is None else unacknowledged,
        )

    # ------------------------------------------------------------------------------------------ closes

    def after_close(
        self,
        code: int | None,
        *,
        closing: bool,
        reason: str = "",
        refused: int | None = None,
        stalled: float | None = None,
    ) -> Closed:
        """What to do once a connection closed with `code` (None or 1006: lost).

        Args:
            closing: the caller (or the session, failing) closed it.
            reason: the close reason the server gave.
            refused: the close code this side sent because of what the server sent (1002, 1007, 1009).
            stalled: the buffer wait, when a write could not be made within it.
        """
        closed = self._decide(code, closing=closing, reason=reason, refused=refused, stalled=stalled)
        if closed.then is AfterClose.RECONNECT:
            self.reconnects += 1
            self.delays.append(reconnect_delay(self.reconnects))
        else:
            self.buffer.release()  # no connection follows: the audio kept will never be resent
        return closed

    def _decide(
        self, code: int | None, *, closing: bool, reason: str, refused: int | None, stalled: float | None
    ) -> Closed:
        if self.ended:
            return Closed(AfterClose.END, None if closing else self.end_error())
        if closing:
            return Closed(AfterClose.END)
        if stalled is not None:
            return Closed(AfterClose.FAIL, self.stalled_error(stalled))
        if refused in _REFUSED:
            what = _REFUSED[refused].format(limit=_buffer.MAX_INCOMING_BYTES)
            return Closed(
                AfterClose.FAIL,
                LiveProtocolError(
                    f"The server {what}: the session was closed, not resumed (a new connection would get "
                    "the same)",
                    session_id=self.session_id,
                    close_code=refused,
                    reason=reason,
                ),
            )
        if is_retryable_close(code) and self.reconnects < MAX_RECONNECTS:
            return Closed(AfterClose.RECONNECT)
        if code == 1000:
            detail = f": {reason}" if reason else ""
            summary = f"The server closed the live session's WebSocket (code 1000{detail}) before the end"
            error = self._incomplete(summary, self.missing(), close_code=1000, reason=reason)
            return Closed(AfterClose.FAIL, error)
        return Closed(AfterClose.FAIL, closed_error(self.session_id, code, reason))

    def resume(self) -> bool:
        """A new connection: the audio not acknowledged is to be sent again (`buffer.next_frame()`); whether
        to send `stop_recording` after it."""
        self.buffer.rewind()
        return self.stop_requested and not self.stop_acknowledged


def closed_error(session_id: str, code: int | None, reason: str) -> LiveConnectionError:
    """The error of a connection closed for good with `code`."""
    why = f"closed with code {code}" + (f" ({reason})" if reason else "") if code is not None else "was lost"
    advice = {
        1008: "the server refused what was sent",
        1009: "a message was larger than Gladia accepts",
    }.get(
        code or 0, "reconnecting did not help" if code is None or code < 4000 else "Gladia ended the session"
    )
    return LiveConnectionError(
        f"The live session's WebSocket {why}: {advice}", session_id=session_id, close_code=code, reason=reason
    )
