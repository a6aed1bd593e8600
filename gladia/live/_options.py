"""Live session options: checked against the spec's `StreamingRequest` before a session is opened.

`live_request_problems` is the single list of reasons Gladia refuses to open a live session: the schema
plus the rules that tie one field to another. The SDK raises them as `InvalidOptionsError` before any
request is sent; the emulator answers them as a 422.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gladia._core.schema import default_validator
from gladia.errors import InvalidOptionsError
from gladia.prerecorded._options import to_json_dict

LIVE_REQUEST_SCHEMA = "StreamingRequest"
# What Gladia assumes when the options leave them out (StreamingRequest's defaults).
DEFAULT_ENCODING = "wav/pcm"
DEFAULT_BIT_DEPTH = 16
DEFAULT_SAMPLE_RATE = 16000
DEFAULT_CHANNELS = 1
DEFAULT_ENDPOINTING = 0.05

_NEEDS_CONFIG = {
    "custom_vocabulary": "custom_vocabulary_config",
    "custom_spelling": "custom_spelling_config",
    "translation": "translation_config",
}


def live_request_problems(body: Mapping[str, Any]) -> list[str]:
    """Every reason Gladia would refuse `body` as the options of a live session, one `path: message` each."""
    problems = default_validator().problems(body, LIVE_REQUEST_SCHEMA)
    if problems:  # the cross-field rules assume the shapes are right
        return problems
    found = []
    if body.get("callback") is True and "url" not in (body.get("callback_config") or {}):
        found.append(
            'callback: true needs a URL to call; add "callback_config": {"url": "https://your.server/live"}'
        )
    realtime = body.get("realtime_processing") or {}
    for flag, config in _NEEDS_CONFIG.items():
        if realtime.get(flag) is True and config not in realtime:
            found.append(f"realtime_processing.{flag}: true needs realtime_processing.{config}; add it")
    return found


def live_session_body(options: object) -> dict[str, Any]:
    """The checked JSON body of `POST /v2/live` from a dict (as in Gladia's docs), a `StreamingRequest` or None.

    Raises:
        InvalidOptionsError: listing every problem found; nothing was sent.
    """
    body = to_json_dict(options)
    problems = live_request_problems(body)
    if problems:
        raise InvalidOptionsError(problems)
    return body


def bytes_per_second(body: Mapping[str, Any]) -> int:
    """How many bytes one second of the session's audio takes, from its encoding options."""
    encoding = body.get("encoding", DEFAULT_ENCODING)
    bits = 8 if encoding in ("wav/alaw", "wav/ulaw") else int(body.get("bit_depth", DEFAULT_BIT_DEPTH))
    rate = int(body.get("sample_rate", DEFAULT_SAMPLE_RATE))
    return max(1, rate * int(body.get("channels", DEFAULT_CHANNELS)) * bits // 8)
