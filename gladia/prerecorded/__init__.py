"""Gladia's pre-recorded API: upload, create, poll, transcribe, list, download, delete.

`GladiaClient(...).prerecorded()` hands out its client; the modules here are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gladia.prerecorded._client_async import AsyncPreRecordedClient
    from gladia.prerecorded._client_sync import PreRecordedClient

__all__ = ["AsyncPreRecordedClient", "PreRecordedClient"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        import importlib  # noqa: PLC0415

        flavor = "_client_async" if name.startswith("Async") else "_client_sync"
        return getattr(importlib.import_module(f"gladia.prerecorded.{flavor}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
