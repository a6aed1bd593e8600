"""The live parts of one emulator, shared by its HTTP app (in the server's thread) and its handle (in the test's)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from gladia.testing._config import EmulatorConfig
from gladia.testing._connections import Connections
from gladia.testing._faults import Faults
from gladia.testing._fetch import Fetcher
from gladia.testing._lifecycle import Lifecycle
from gladia.testing._live_state import LiveState
from gladia.testing._notify import DeliveryLog, Notifier
from gladia.testing._store import Store
from gladia.testing._traffic import Counters, RequestLog
from gladia.testing.engines import Transcripts, serving_engine


class EmulatorState:
    """Everything one running emulator knows. `config` may be swapped whole while it runs."""

    def __init__(self, config: EmulatorConfig, storage: Path, port: int) -> None:
        self.config = config
        self.port = port
        host = config.host if config.host not in ("0.0.0.0", "::", "") else "127.0.0.1"  # noqa: S104
        self.base_url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
        self.store = Store(storage)
        self.transcripts = Transcripts(config.default_transcript, config.default_language)
        if config.transcripts_dir is not None:
            self.transcripts.add_directory(config.transcripts_dir, language=config.default_language)
        self.faults = Faults(config.seed)
        self.counters = Counters()
        self.requests = RequestLog(config.recent_requests)
        self.deliveries = DeliveryLog()
        self.connections = Connections()
        # trust_env=False: a proxy from the environment must not stand between the emulator and loopback.
        self.client = httpx.AsyncClient(trust_env=False, headers={"user-agent": "gladia-emulator"})
        self.fetcher = Fetcher(self.store, self.transcripts, self.settings, self.client, lambda: self.port)
        self.notifier = Notifier(self.settings, self.client, self.deliveries)
        self.lifecycle = Lifecycle(
            store=self.store,
            fetcher=self.fetcher,
            engine=serving_engine(config.engine, self.transcripts),
            transcripts=self.transcripts,
            notifier=self.notifier,
            settings=self.settings,
        )
        self.live = LiveState(self.transcripts, self.settings)
        self.loop: asyncio.AbstractEventLoop | None = None

    def settings(self) -> EmulatorConfig:
        """The configuration now (read it once per decision: a test may swap it meanwhile)."""
        return self.config

    async def shut_down(self) -> None:
        """Stop jobs and deliveries in flight and close the HTTP client (in the server's loop)."""
        await self.lifecycle.cancel_all()
        await self.notifier.close()
        await self.client.aclose()
