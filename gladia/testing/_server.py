"""The emulator handle: a real HTTP server on loopback, run by uvicorn in a thread, and what a test reads from it."""

from __future__ import annotations

import asyncio
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import attrs
import uvicorn

from gladia.testing._app import create_app
from gladia.testing._config import RUNTIME_FIELDS, EmulatorConfig
from gladia.testing._faults import Faults
from gladia.testing._live_state import MAX_MESSAGE_BYTES, LiveState
from gladia.testing._notify import Delivery
from gladia.testing._state import EmulatorState
from gladia.testing._traffic import Counters, RecordedRequest
from gladia.testing.engines import Transcripts

T = TypeVar("T")

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
# How long uvicorn waits for open connections (a slow body, a stuck upload) before closing them at shutdown.
_GRACEFUL_SHUTDOWN_SECONDS = 2


class Emulator:
    """A local Gladia server. Use it as a context manager, or call `start()` and `stop()`.

    Args:
        config: the configuration; keyword arguments override its fields (`Emulator(seed=3)`).
    """

    def __init__(self, config: EmulatorConfig | None = None, **overrides: Any) -> None:
        self._initial = attrs.evolve(config or EmulatorConfig(), **overrides)
        self._state: EmulatorState | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._tempdir: Path | None = None

    # ------------------------------------------------------------------------------------------ running

    def start(self) -> Emulator:
        """Start serving; returns once the server accepts connections.

        Raises:
            RuntimeError: when it is already running, or the server did not start.
            OSError: when the host and port cannot be bound.
        """
        if self._state is not None:
            raise RuntimeError("the emulator is already running")
        config = self._initial
        sock = _bind(config.host, config.port)
        storage = config.storage_dir
        if storage is None:
            self._tempdir = storage = Path(tempfile.mkdtemp(prefix="gladia-emulator-"))
        else:
            storage.mkdir(parents=True, exist_ok=True)
        state = EmulatorState(config, storage, sock.getsockname()[1])
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(state),
                http=state.connections.protocol_class(),
                ws="websockets-sansio",  # the live API's WebSocket (see gladia/testing/_live.py)
                ws_max_size=MAX_MESSAGE_BYTES,
                lifespan="on",
                log_config=None,
                log_level=config.log_level,
                access_log=False,
                timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_SECONDS,
            )
        )
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="gladia-emulator", daemon=True
        )
        self._state, self._server, self._thread = state, server, thread
        thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                sock.close()
                raise RuntimeError("the Gladia emulator did not start; see the log above for why")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop serving, end jobs and deliveries in flight, and remove the temporary storage."""
        server, thread = self._server, self._thread
        if server is not None and thread is not None:
            server.should_exit = True
            thread.join(_STOP_TIMEOUT)
        self._state = self._server = self._thread = None
        if self._tempdir is not None:
            shutil.rmtree(self._tempdir, ignore_errors=True)
            self._tempdir = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self._state.base_url if self._state else "not running"
        return f"<Emulator {where}>"

    # ------------------------------------------------------------------------------------------ reading

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash)."""
        return self._live.base_url

    @property
    def api_key(self) -> str:
        """The first accepted API key."""
        return self.config.api_keys[0]

    @property
    def config(self) -> EmulatorConfig:
        """The configuration in force now."""
        return self._state.config if self._state else self._initial

    @property
    def transcripts(self) -> Transcripts:
        """Register transcripts (`add`) and failures (`fail`) by audio content or URL."""
        return self._live.transcripts

    @property
    def faults(self) -> Faults:
        """Inject faults: `emu.faults.add(route=..., kind=...)`, `emu.faults.clear()`."""
        return self._live.faults

    @property
    def counters(self) -> Counters:
        """Jobs created, requests per route, bytes received."""
        return self._live.counters

    @property
    def requests(self) -> list[RecordedRequest]:
        """The most recent requests, oldest first."""
        return self._live.requests.snapshot()

    @property
    def deliveries(self) -> list[Delivery]:
        """Every callback and webhook attempt so far, oldest first."""
        return self._live.deliveries.snapshot()

    def wait_for_deliveries(
        self, count: int = 1, *, timeout: float = 5.0, kind: str | None = None, event: str | None = None
    ) -> list[Delivery]:
        """The deliveries of `kind` and `event` (all when None), once at least `count` have been attempted.

        Raises:
            TimeoutError: when fewer were attempted within `timeout` seconds.
        """
        return self._live.deliveries.wait(
            count,
            timeout,
            lambda d: (kind is None or d.kind == kind) and (event is None or d.event == event),
        )

    @property
    def live(self) -> LiveState:
        """Live sessions: `say(text)`, `drop_after(bytes, code=...)`, `session(id)`, `audio(id)`, `counters`."""
        return self._live.live

    def job(self, job_id: str) -> dict[str, Any] | None:
        """The stored job as `GET /v2/pre-recorded/{id}` would return it, or None."""
        return self._live.store.snapshot(job_id)

    def jobs(self) -> list[dict[str, Any]]:
        """Every stored job, newest first."""
        return self._live.store.snapshots()[1]

    # ------------------------------------------------------------------------------------------ changing

    def configure(self, **changes: Any) -> None:
        """Change settings while running (timings, limits, keys, webhooks, default transcript).

        Raises:
            ValueError: for a setting that is fixed once started (host, port, engine, storage, ...).
        """
        fixed = sorted(set(changes) - RUNTIME_FIELDS)
        if fixed:
            raise ValueError(f"cannot change {', '.join(fixed)} while running; set them before start")
        state = self._live
        state.config = attrs.evolve(state.config, **changes)
        state.transcripts.default = state.config.default_transcript
        state.transcripts.default_language = state.config.default_language

    def reset(self) -> None:
        """Back to a clean start: no jobs, files, faults, registrations, records or counts; initial settings."""
        state = self._live
        self._call_in_loop(state.lifecycle.cancel_all())
        self._call_in_loop(state.notifier.close())
        state.store.clear()
        state.faults.reseed(self._initial.seed)
        state.faults.clear()
        state.counters.reset()
        state.requests.clear()
        state.deliveries.clear()
        state.transcripts.clear()
        state.live.clear()
        if self._initial.transcripts_dir is not None:
            state.transcripts.add_directory(
                self._initial.transcripts_dir, language=self._initial.default_language
            )
        state.config = self._initial
        state.transcripts.default = self._initial.default_transcript
        state.transcripts.default_language = self._initial.default_language

    @property
    def _live(self) -> EmulatorState:
        if self._state is None:
            raise RuntimeError("the emulator is not running: use `with emulator() as emu:` or call start()")
        return self._state

    def _call_in_loop(self, coroutine: Coroutine[Any, Any, T]) -> T:
        loop = self._live.loop
        if loop is None or loop.is_closed():
            coroutine.close()
            raise RuntimeError("the emulator's event loop is not running")
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(_STOP_TIMEOUT)


def emulator(config: EmulatorConfig | None = None, **overrides: Any) -> Emulator:
    """A Gladia emulator to use in a `with` block: `with emulator() as emu: ...`.

    Args:
        config: the configuration; keyword arguments override its fields, e.g.
            `emulator(api_keys=("k",), processing_seconds=0.5)`.
    """
    return Emulator(config, **overrides)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio only sets TCP_NODELAY on sockets that say so, and without it every
    # answer (headers, then body) waits 40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock
