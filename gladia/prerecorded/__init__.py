"""Gladia's pre-recorded API: upload, create, poll, transcribe, list, download, delete.

`GladiaClient(...).prerecorded()` hands out its client; the modules here are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gladia.prerecorded._client import AsyncPreRecordedClient, PreRecordedClient

__all__ = ["AsyncPreRecordedClient", "PreRecordedClient"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from gladia.prerecorded import _client  # noqa: PLC0415

        return getattr(_client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
