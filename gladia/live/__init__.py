"""Gladia's live API: sessions streamed over a WebSocket (a sans-IO protocol and two thin drivers, one on
threads and one on asyncio), and the sessions' REST endpoints, sent by the core.

`GladiaClient(...).live()` hands out its client; the modules here are private, but for `microphone`
(`Microphone`, an input device as a source of audio). Sessions need the `live` extra (websockets), the
microphone the `mic` extra (sounddevice); each is imported only when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gladia.live._async_session import AsyncLiveSession
    from gladia.live._client_async import AsyncLiveClient
    from gladia.live._client_sync import LiveClient
    from gladia.live._session import LiveSession
    from gladia.live.microphone import Microphone, MicrophoneError

_WHERE = {
    "LiveClient": "gladia.live._client_sync",
    "AsyncLiveClient": "gladia.live._client_async",
    "LiveSession": "gladia.live._session",
    "AsyncLiveSession": "gladia.live._async_session",
    "Microphone": "gladia.live.microphone",
    "MicrophoneError": "gladia.live.microphone",
}
__all__ = [
    "AsyncLiveClient",
    "AsyncLiveSession",
    "LiveClient",
    "LiveSession",
    "Microphone",
    "MicrophoneError",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
