"""GladiaClient and AsyncGladiaClient: configuration, one connection pool, and the ways into the API."""

from __future__ import annotations

import weakref
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import httpx

import gladia_api
from gladia import _constants as C
from gladia._config import ClientConfig, resolve_config
from gladia._logging import configure_from_env
from gladia._prerecorded import AsyncPreRecordedClient, PreRecordedClient
from gladia._transport import AsyncGladiaTransport, GladiaTransport, install
from gladia.errors import ConfigurationError

if TYPE_CHECKING:
    from gladia._live import AsyncLiveClient, LiveClient

_NO_IDLE_CONNECTIONS = httpx.Limits(max_keepalive_connections=0)


def _settings(
    api_key: str | None,
    api_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    max_upload_bytes: int | None,
    allow_insecure_http: bool,
) -> ClientConfig:
    configure_from_env()
    return resolve_config(
        api_key,
        api_url,
        timeout=timeout,
        max_retries=max_retries,
        max_upload_bytes=max_upload_bytes,
        allow_insecure_http=allow_insecure_http,
    )


_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


def _pool(
    config: ClientConfig,
    http_client: _Http | None,
    client_type: type[_Http],
    transport_type: type[GladiaTransport] | type[AsyncGladiaTransport],
    sibling: str,
) -> tuple[_Http, GladiaTransport | AsyncGladiaTransport]:
    """The httpx client a GladiaClient (or its async sibling) sends through, with the SDK's transport in
    front of every one of its transports; a user-supplied client keeps its own settings otherwise."""
    if http_client is None:
        transport = transport_type(config)
        http = client_type(transport=transport, follow_redirects=True)  # type: ignore[arg-type]
    elif isinstance(http_client, client_type):
        http = http_client
        install(http, lambda inner: transport_type(config, inner))
        transport = http._transport  # type: ignore[assignment]
    else:
        raise ConfigurationError(
            f"http_client must be an httpx.{client_type.__name__} (use {sibling} for "
            f"httpx.{'AsyncClient' if client_type is httpx.Client else 'Client'})"
        )
    http.base_url = config.api_url
    http.headers["User-Agent"] = C.USER_AGENT
    return http, transport


class _Base:
    """What both clients share: their configuration, transport and description."""

    _config: ClientConfig
    _transport: GladiaTransport | AsyncGladiaTransport

    @property
    def api_url(self) -> str:
        return str(self._config.api_url)

    @property
    def retries(self) -> int:
        """How many request retries this client has made so far."""
        return self._transport.retries

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_url={self.api_url!r}, api_key=<hidden>)"


class GladiaClient(_Base):
    """The entry point of the SDK. `.prerecorded()` gives Gladia's pre-recorded API; `.raw` the generated one.

    Args:
        api_key: your Gladia API key; read from GLADIA_API_KEY when not given.
        api_url: Gladia's base URL; read from GLADIA_API_URL, else https://api.gladia.io. Plain http is
            accepted only for a local host (such as the emulator) unless `allow_insecure_http` is set.
        timeout: seconds (or an httpx.Timeout) for every HTTP request; by default each kind of request
            gets its own (short for reads, long for uploads and downloads).
        max_retries: how many times a failed request is retried when it is safe to (see gladia._retry).
        http_client: an httpx.Client of your own (proxies, certificates, transports); the SDK adds its
            behaviour in front of its transports. You stay responsible for closing it.
        max_upload_bytes: the largest file upload_file() and transcribe() send (None: no check).
        allow_insecure_http: allow a plain-http api_url to a remote host (sends the key unencrypted).

    The client holds a connection pool: reuse one client, and close it (or use `with`) when done.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        api_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        max_upload_bytes: int | None = C.MAX_UPLOAD_BYTES,
        allow_insecure_http: bool = False,
    ) -> None:
        self._config = _settings(
            api_key, api_url, timeout, max_retries, max_upload_bytes, allow_insecure_http
        )
        self._owns_http = http_client is None
        self._http, self._transport = _pool(
            self._config, http_client, httpx.Client, GladiaTransport, "AsyncGladiaClient"
        )
        # Code written after Gladia's docs keeps only `GladiaClient(...).prerecorded()` and never closes
        # it: the pool is closed when the last of them is garbage-collected, so no socket is left open.
        self._finalizer = weakref.finalize(self, self._http.close) if self._owns_http else None
        self._prerecorded = PreRecordedClient(self._http, self._config, owner=self)
        self._async: AsyncPreRecordedClient | None = None
        self._raw: gladia_api.Client | None = None

    def prerecorded(self) -> PreRecordedClient:
        """Gladia's pre-recorded transcription API."""
        return self._prerecorded

    def live(self) -> LiveClient:
        """Gladia's live API: `start_session(options)` streams audio over a WebSocket (the `live` extra)."""
        # Imported on first use, so `import gladia` stays as cheap as before live existed.
        from gladia._live import LiveClient  # noqa: PLC0415

        return LiveClient(self._http, self._config, owner=self)

    def prerecorded_async(self) -> AsyncPreRecordedClient:
        """The same API, async, on a second (async) connection pool made with this client's settings.

        Handy in code written after Gladia's docs; in an async application prefer AsyncGladiaClient,
        which you can close with `await client.close()` (this pool is closed by `await client.aclose()`).
        """
        if self._async is None:
            # No idle connections are kept: this pool is typically used inside one asyncio.run() and never
            # closed, and a connection left open when the event loop ends could not be closed cleanly.
            transport = AsyncGladiaTransport(
                self._config, httpx.AsyncHTTPTransport(limits=_NO_IDLE_CONNECTIONS)
            )
            http = httpx.AsyncClient(
                transport=transport,
                follow_redirects=True,
                base_url=self._config.api_url,
                headers={"User-Agent": C.USER_AGENT},
            )
            self._async = AsyncPreRecordedClient(http, self._config, owner=self)
        return self._async

    async def aclose(self) -> None:
        """Close the async pool made by prerecorded_async(), if any."""
        if self._async is not None:
            await self._async._http.aclose()

    @property
    def raw(self) -> gladia_api.Client:
        """The generated `gladia_api` client on this client's connection pool (same key, timeouts, retries).

        Example: `gladia_api.api.pre_recorded.get_transcription.sync(job_id, client=client.raw)`.
        """
        if self._raw is None:
            self._raw = gladia_api.Client(base_url=str(self._config.api_url)).set_httpx_client(self._http)
        return self._raw

    def close(self) -> None:
        """Close the connection pool (a client passed as http_client is left to its owner)."""
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self) -> GladiaClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncGladiaClient(_Base):
    """The async sibling of GladiaClient: same arguments; `.prerecorded()` methods are awaited."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        api_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        max_upload_bytes: int | None = C.MAX_UPLOAD_BYTES,
        allow_insecure_http: bool = False,
    ) -> None:
        self._config = _settings(
            api_key, api_url, timeout, max_retries, max_upload_bytes, allow_insecure_http
        )
        self._owns_http = http_client is None
        self._http, self._transport = _pool(
            self._config, http_client, httpx.AsyncClient, AsyncGladiaTransport, "GladiaClient"
        )
        self._prerecorded = AsyncPreRecordedClient(self._http, self._config)
        self._raw: gladia_api.Client | None = None

    def prerecorded(self) -> AsyncPreRecordedClient:
        """Gladia's pre-recorded transcription API, async."""
        return self._prerecorded

    def live(self) -> AsyncLiveClient:
        """Gladia's live API, async: `await start_session(options)` (the `live` extra)."""
        from gladia._live import AsyncLiveClient  # noqa: PLC0415  (imported on first use)

        return AsyncLiveClient(self._http, self._config, owner=self)

    @property
    def raw(self) -> gladia_api.Client:
        """The generated client on this client's pool; call its `asyncio`/`asyncio_detailed` functions."""
        if self._raw is None:
            self._raw = gladia_api.Client(base_url=str(self._config.api_url)).set_async_httpx_client(
                self._http
            )
        return self._raw

    async def close(self) -> None:
        """Close the connection pool (a client passed as http_client is left to its owner)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncGladiaClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
