"""The messages a live session's WebSocket carries, read into the typed models generated from the spec.

Each message names its kind in `type`; `parse_message` picks the model for it. A kind this SDK does not
know yet (or a known kind whose shape changed) is not an error: it comes back as `UnknownLiveMessage`
holding the JSON as it came, so a session never breaks because Gladia added something.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Any, Union

import attrs

from gladia_api import models as M

#: The model of each kind of message, by its `type`.
MESSAGE_MODELS: dict[str, Any] = {
    "start_session": M.StartSessionMessage,
    "start_recording": M.StartRecordingMessage,
    "audio_chunk": M.AudioChunkAckMessage,
    "stop_recording": M.StopRecordingAckMessage,
    "speech_start": M.SpeechStartMessage,
    "speech_end": M.SpeechEndMessage,
    "transcript": M.TranscriptMessage,
    "translation": M.TranslationMessage,
    "named_entity_recognition": M.NamedEntityRecognitionMessage,
    "sentiment_analysis": M.SentimentAnalysisMessage,
    "end_recording": M.EndRecordingMessage,
    "post_transcript": M.PostTranscriptMessage,
    "post_final_transcript": M.PostFinalTranscriptMessage,
    "post_summarization": M.PostSummarizationMessage,
    "post_chapterization": M.PostChapterizationMessage,
    "end_session": M.EndSessionMessage,
}

# Which `messages_config` flag asks for each kind, and Gladia's default for it. The SDK always asks Gladia
# for the acknowledgments (it needs them to resume) and the lifecycle events (`end_session` tells a
# complete session from a cut one); they reach the caller only when the caller asked for them.
_FLAG_OF = {
    "audio_chunk": ("receive_acknowledgments", True),
    "stop_recording": ("receive_acknowledgments", True),
    "start_session": ("receive_lifecycle_events", False),
    "start_recording": ("receive_lifecycle_events", False),
    "end_recording": ("receive_lifecycle_events", False),
    "end_session": ("receive_lifecycle_events", False),
}
#: What the SDK adds to every session's `messages_config`, whatever the caller asked.
REQUIRED_MESSAGES = {"receive_acknowledgments": True, "receive_lifecycle_events": True}


@attrs.frozen
class UnknownLiveMessage:
    """A message this SDK cannot read into a model: a new kind, or a known one in an unexpected shape."""

    type_: str
    raw: Mapping[str, Any]


LiveMessage = Union[  # noqa: UP007  (a runtime alias, read on Python 3.10 too)
    M.StartSessionMessage,
    M.StartRecordingMessage,
    M.AudioChunkAckMessage,
    M.StopRecordingAckMessage,
    M.SpeechStartMessage,
    M.SpeechEndMessage,
    M.TranscriptMessage,
    M.TranslationMessage,
    M.NamedEntityRecognitionMessage,
    M.SentimentAnalysisMessage,
    M.EndRecordingMessage,
    M.PostTranscriptMessage,
    M.PostFinalTranscriptMessage,
    M.PostSummarizationMessage,
    M.PostChapterizationMessage,
    M.EndSessionMessage,
    UnknownLiveMessage,
]
"""Any message a live session yields: a model of `gladia_api.models` per `type`, or `UnknownLiveMessage`."""


# What a message costs in memory once read into Python objects, estimated from its text before reading it
# (json.loads and the models). Measured on CPython 3.11 (tracemalloc, each message held as the inbox holds
# it): a JSON object becomes a dict (184 bytes once it has a key), every other value an object of 24 to 60
# bytes plus its slot. So each `{` counts OBJECT_BYTES and each `,`, `:` and `[` VALUE_BYTES, on top of
# the text itself and a fixed MESSAGE_BYTES (the message's model, its entry in the inbox). Over every
# shape tried, from `{}` to 10,000 one-key objects, this is at least the memory really held; for Gladia's
# messages (acknowledgments, transcripts with words) it is 2 to 3 times it.
MESSAGE_BYTES = 256
OBJECT_BYTES = 192
VALUE_BYTES = 64


def message_cost(raw: str | bytes) -> int:
    """The memory a message may take once read, an upper bound estimated from its text (see above)."""
    if isinstance(raw, str):
        values, objects = raw.count(",") + raw.count(":") + raw.count("["), raw.count("{")
    else:
        values, objects = raw.count(b",") + raw.count(b":") + raw.count(b"["), raw.count(b"{")
    return MESSAGE_BYTES + sys.getsizeof(raw) + VALUE_BYTES * values + OBJECT_BYTES * objects


def decode(raw: str | bytes) -> dict[str, Any] | None:
    """The JSON object of a message, or None when it is not one (not JSON, not an object, nested too deep)."""
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def parse_message(message: Mapping[str, Any]) -> LiveMessage:
    """The typed model of a decoded message."""
    kind = str(message.get("type"))
    model = MESSAGE_MODELS.get(kind)
    if model is not None:
        try:
            parsed: LiveMessage = model.from_dict(message)
        except Exception:  # noqa: BLE001, S110  (any shape the model cannot read makes an UnknownLiveMessage)
            pass
        else:
            return parsed
    return UnknownLiveMessage(kind, message)


def caller_wants(kind: str, messages_config: Mapping[str, Any]) -> bool:
    """Whether the caller's `messages_config` asked for messages of this kind (with Gladia's defaults:
    acknowledgments yes, lifecycle events no)."""
    flag = _FLAG_OF.get(kind)
    if flag is None:
        return True
    name, default = flag
    return bool(messages_config.get(name, default))
