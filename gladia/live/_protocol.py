"""What a live session decides, without doing any I/O: the sync and async sessions are thin shells around it.

It reads each message the server sends (acknowledgments free the audio buffer; `end_session` ends the
session), says what to do when a connection closes (end, reconnect, or fail), and what a new connection
must be sent first (the audio not acknowledged, then `stop_recording` if it was asked for and not
acknowledged).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any

from gladia._core.log import logger
from gladia.live._buffer import MAX_RECONNECTS, AudioBuffer, is_retryable_close
from gladia.live._messages import LiveMessage, caller_wants, decode, parse_message

STOP_RECORDING = json.dumps({"type": "stop_recording"})


class AfterClose(enum.Enum):
    END = "end"  # the session is over
    RECONNECT = "reconnect"  # connect again to the same URL and resume
    FAIL = "fail"  # the session cannot go on


class LiveProtocol:
    """The state of one live session: its audio buffer, whether it was stopped, whether it has ended."""

    def __init__(self, buffer: AudioBuffer, messages_config: Mapping[str, Any]) -> None:
        self.buffer = buffer
        self.messages_config = dict(messages_config)
        self.stop_requested = False
        self.stop_acknowledged = False
        self.ended = False
        self.reconnects = 0  # in a row: reset by every acknowledgment of new audio, which proves progress
        self.skipped = 0  # messages that were not a JSON object, ignored
        self.lying_acks = 0  # acknowledgments past the audio ever sent, ignored

    def on_message(self, raw: str | bytes) -> LiveMessage | None:
        """Read one message from the server; the typed message when the caller asked for its kind."""
        message = decode(raw)
        if message is None:
            self.skipped += 1
            if self.skipped == 1:
                logger.warning("live session: ignoring a message that is not a JSON object: %.80r", raw)
            return None
        kind = message.get("type")
        if kind == "audio_chunk" and message.get("acknowledged") is True:
            self._acknowledge(message.get("data"))
        elif kind == "stop_recording" and message.get("acknowledged") is True:
            self.stop_acknowledged = True
        elif kind == "end_session":
            self.ended = True
            self.buffer.release()  # no connection follows the end: the audio kept will never be resent
        return parse_message(message) if caller_wants(str(kind), self.messages_config) else None

    def _acknowledge(self, data: object) -> None:
        """Free the audio an acknowledgment covers. A malformed one is ignored, and so is one past the audio
        ever sent (a lie: those bytes never left, and what it says about the others cannot be trusted): the
        audio stays kept, and is sent again after a reconnection, rather than being forgotten unheard."""
        byte_range = data.get("byte_range") if isinstance(data, dict) else None
        if not (isinstance(byte_range, list) and len(byte_range) == 2):
            return
        end = byte_range[1]
        if not isinstance(end, int) or isinstance(end, bool):
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
        before = buffer.acknowledged
        buffer.acknowledge(end)
        if buffer.acknowledged > before:
            self.reconnects = 0  # progress: only new audio acknowledged proves the server is keeping up

    def after_close(self, code: int | None, *, closing: bool) -> AfterClose:
        """What to do once a connection closed with `code`; `closing` when the caller closed the session."""
        if is_retryable_close(code) and self.reconnects < MAX_RECONNECTS and not closing and not self.ended:
            self.reconnects += 1
            return AfterClose.RECONNECT
        # No connection follows: the audio kept will never be resent; its memory goes back now.
        self.buffer.release()
        if closing or self.ended or code == 1000:
            return AfterClose.END
        return AfterClose.FAIL

    def resume(self) -> tuple[list[bytes], bool]:
        """For a new connection: the frames to send first, and whether to send `stop_recording` after them."""
        self.buffer.rewind()
        return list(self.buffer.frames()), self.stop_requested and not self.stop_acknowledged
