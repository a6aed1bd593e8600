"""The messages a live session's WebSocket carries, read into the typed models generated from the spec.

Each message names its kind in `type`; `parse_message` picks the model for it. A kind this SDK does not
know yet (or a known kind whose shape changed) is not an error: it comes back as `UnknownLiveMessage`
holding the JSON as it came, so a session never breaks because Gladia added something.
"""

from __future__ import annotations

import json
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

# Which `messages_config` flag asks for each kind (acknowledgments are always requested by the SDK, which
# needs them to resume; they reach the caller only when the caller asked for them).
_FLAG_OF = {"audio_chunk": "receive_acknowledgments", "stop_recording": "receive_acknowledgments"}


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
    """Whether the caller's `messages_config` asked for messages of this kind (acknowledgments, by default)."""
    flag = _FLAG_OF.get(kind)
    return flag is None or messages_config.get(flag, True) is not False
