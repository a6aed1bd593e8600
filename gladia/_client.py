"""GladiaClient and AsyncGladiaClient: configuration, one connection pool, and the ways into the API."""

from __future__ import annotations

import copy
import weakref
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

import gladia_api
from gladia._core import constants as C
from gladia._core.config import ClientConfig, resolve_config, resolve_config_changes
from gladia._core.log import configure_from_env
from gladia._core.transport import (
    AsyncClientTransport,
    AsyncGladiaTransport,
    ClientTransport,
    GladiaTransport,
    ThreadedClientTransport,
)
from gladia.errors import ConfigurationError
from gladia.prerecorded._client import UNSET, AsyncPreRecordedClient, PreRecordedClient, settings_given

if TYPE_CHECKING:
    from typing_extensions import Self

    from gladia.live._client import AsyncLiveClient, LiveClient

_NO_IDLE_CONNECTIONS = httpx.Limits(max_keepalive_connections=0)


def _settings(
    api_key: str | None,
    api_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    max_upload_bytes: int | None,
    allow_insecure_http: bool,
    max_response_bytes: int,
    http_headers: Mapping[str, str] | None,
) -> ClientConfig:
    configure_from_env()
    return resolve_config(
        api_key,
        api_url,
        timeout=timeout,
        max_retries=max_retries,
        max_upload_bytes=max_upload_bytes,
        allow_insecure_http=allow_insecure_http,
        max_response_bytes=max_response_bytes,
        http_headers=http_headers,
    )


def _default_headers(config: ClientConfig) -> httpx.Headers:
    """The headers of every request of the SDK's own httpx clients: its user agent, then `http_headers`
    (which may replace it: names are compared without case)."""
    headers = httpx.Headers({"User-Agent": C.USER_AGENT})
    headers.update(dict(config.http_headers))
    return headers


def _sync_pool(config: ClientConfig, http_client: object) -> tuple[httpx.Client, GladiaTransport]:
    """The SDK's own httpx client. A caller's client is never changed: the SDK sends through it, behind
    its own transport (its proxies, certificates, auth and hooks apply; its settings stay as they were)."""
    if http_client is None:
        transport = GladiaTransport(config)
    elif isinstance(http_client, httpx.Client):
        transport = GladiaTransport(config, ClientTransport(http_client))
    else:
        raise ConfigurationError(
            "http_client must be an httpx.Client (use AsyncGladiaClient for an httpx.AsyncClient)"
        )
    http = httpx.Client(
        transport=transport,
        follow_redirects=True,
        base_url=config.api_url,
        headers=_default_headers(config),
    )
    return http, transport


def _async_pool(
    config: ClientConfig, http_client: object, *, limits: httpx.Limits | None = None
) -> tuple[httpx.AsyncClient, AsyncGladiaTransport]:
    """The SDK's own async httpx client, in front of a caller's async client (or, for prerecorded_async(),
    a caller's sync client used in worker threads), which is never changed."""
    if http_client is None:
        transport = (
            AsyncGladiaTransport(config) if limits is None else AsyncGladiaTransport(config, limits=limits)
        )
    elif isinstance(http_client, httpx.AsyncClient):
        transport = AsyncGladiaTransport(config, AsyncClientTransport(http_client))
    elif isinstance(http_client, httpx.Client):
        transport = AsyncGladiaTransport(config, ThreadedClientTransport(http_client))
    else:
        raise ConfigurationError(
            "http_client must be an httpx.AsyncClient (use GladiaClient for an httpx.Client)"
        )
    http = httpx.AsyncClient(
        transport=transport,
        follow_redirects=True,
        base_url=config.api_url,
        headers=_default_headers(config),
    )
    return http, transport


class _Base:
    """What both clients share: their configuration, transport and description."""

    _config: ClientConfig
    _transport: GladiaTransport | AsyncGladiaTransport
    _prerecorded: PreRecordedClient | AsyncPreRecordedClient
    _raw: gladia_api.Client | None
    #: The client this one is a `with_options` copy of (whose pool it shares), else None.
    _parent: _Base | None = None

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = UNSET,
        max_retries: int = UNSET,
        max_upload_bytes: int | None = UNSET,
        max_response_bytes: int = UNSET,
    ) -> Self:
        """A copy of this client with these settings changed, sharing its connection pool.

        Each argument means what it means to the client's constructor; one not given keeps this client's
        value. Closing the copy does not close the shared pool (close the client it was made from).
        Example: `client.with_options(timeout=30, max_retries=0).prerecorded().get(job_id)`.
        """
        given = settings_given(
            timeout=timeout,
            max_retries=max_retries,
            max_upload_bytes=max_upload_bytes,
            max_response_bytes=max_response_bytes,
        )
        config = resolve_config_changes(self._config, **given)
        twin = copy.copy(self)
        twin._config = config
        twin._parent = self if self._parent is None else self._parent  # keeps the pool's owner alive
        twin._prerecorded = self._prerecorded._with_config(config, owner=twin)
        twin._raw = None
        twin._copied()
        return twin

    def _copied(self) -> None:
        """Reset what a `with_options` copy must not share."""

    @property
    def api_url(self) -> str:
        """Gladia's base URL as configured (a password in it is masked)."""
        return self._config.display_url

    @property
    def max_response_bytes(self) -> int:
        """The largest JSON answer this client reads, in bytes (decompressed)."""
        return self._config.max_response_bytes

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
        timeout: seconds that bound each HTTP request as a whole (its retries and a slow body included):
            past it, APITimeoutError. An httpx.Timeout instead bounds each wait (connect, read, write)
            only. By default each kind of request gets its own limits (see README, Reliability).
        max_retries: how many times a call may retry, when it is safe to (see gladia._core.retry): one budget
            per call, whichever layer spends it.
        http_client: an httpx.Client of your own (proxies, certificates, auth, transports). The SDK sends
            through it without changing it (its timeout, base URL and headers stay yours), and
            prerecorded_async() uses it too, in worker threads. You stay responsible for closing it.
        max_upload_bytes: the largest file upload_file() and transcribe() send (None: no check).
        allow_insecure_http: allow a plain-http api_url to a remote host (sends the key unencrypted).
        max_response_bytes: the largest JSON answer read, decompressed (default 64 MiB, far above the
            ~4 MB of a 4-hour transcript); a larger one raises ResponseTooLargeError.
        http_headers: headers added to every HTTP request (as in gladiaio-sdk; not to the live WebSocket),
            on the SDK's own httpx client: an `http_client` of yours is not changed. Not the API key header (ConfigurationError): the key
            is `api_key`. A header the SDK sets on a request (Content-Type, Idempotency-Key) wins.

    The client holds a connection pool: reuse one client, and close it (or use `with`) when done.
    """

    _prerecorded: PreRecordedClient

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
        max_response_bytes: int = C.MAX_RESPONSE_BYTES,
        http_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._config = _settings(
            api_key,
            api_url,
            timeout,
            max_retries,
            max_upload_bytes,
            allow_insecure_http,
            max_response_bytes,
            http_headers,
        )
        self._user_http = http_client
        self._http, self._transport = _sync_pool(self._config, http_client)
        # Code written after Gladia's docs keeps only `GladiaClient(...).prerecorded()` and never closes
        # it: the pool is closed when the last of them is garbage-collected, so no socket is left open.
        # (Only the SDK's own client is closed: a caller's http_client stays open.)
        self._finalizer = weakref.finalize(self, self._http.close)
        self._prerecorded = PreRecordedClient(self._http, self._config, owner=self)
        self._async: AsyncPreRecordedClient | None = None
        self._raw: gladia_api.Client | None = None

    def prerecorded(self) -> PreRecordedClient:
        """Gladia's pre-recorded transcription API."""
        return self._prerecorded

    def pre_recorded_v2(self) -> PreRecordedClient:
        """The same as prerecorded(): gladiaio-sdk's name (it takes no option overrides: use with_options)."""
        return self._prerecorded

    def pre_recorded(self) -> PreRecordedClient:
        """The same as prerecorded(): gladiaio-sdk's other name."""
        return self._prerecorded

    def live(self) -> LiveClient:
        """Gladia's live API: `start_session(options)` streams audio over a WebSocket (the `live` extra)."""
        # Imported on first use, so `import gladia` stays as cheap as before live existed.
        from gladia.live._client import LiveClient  # noqa: PLC0415

        return LiveClient(self._http, self._config, owner=self)

    def prerecorded_async(self) -> AsyncPreRecordedClient:
        """The same API, async, on a second (async) connection pool made with this client's settings.

        With an `http_client` of yours, its requests go through that client, in worker threads. Handy in
        code written after Gladia's docs; in an async application prefer AsyncGladiaClient, which you can
        close with `await client.close()` (this pool is closed by `await client.aclose()`).
        """
        if self._async is None and self._parent is not None:
            parent = self._parent
            assert isinstance(parent, GladiaClient)
            self._async = parent.prerecorded_async()._with_config(self._config, owner=self)
        if self._async is None:
            # No idle connections are kept: this pool is typically used inside one asyncio.run() and never
            # closed, and a connection left open when the event loop ends could not be closed cleanly.
            http, _ = _async_pool(self._config, self._user_http, limits=_NO_IDLE_CONNECTIONS)
            self._async = AsyncPreRecordedClient(http, self._config, owner=self)
        return self._async

    def pre_recorded_v2_async(self) -> AsyncPreRecordedClient:
        """The same as prerecorded_async(): gladiaio-sdk's name."""
        return self.prerecorded_async()

    def pre_recorded_async(self) -> AsyncPreRecordedClient:
        """The same as prerecorded_async(): gladiaio-sdk's other name."""
        return self.prerecorded_async()

    def _copied(self) -> None:
        self._async = None

    async def aclose(self) -> None:
        """Close the async pool made by prerecorded_async(), if any (never a caller's http_client)."""
        if self._async is not None and self._parent is None:
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
        """Close the connection pool (a client passed as http_client is left to its owner; a `with_options`
        copy leaves the shared pool to the client it was made from)."""
        if self._parent is None:
            self._finalizer()

    def __enter__(self) -> GladiaClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncGladiaClient(_Base):
    """The async sibling of GladiaClient: same arguments; `.prerecorded()` methods are awaited."""

    _prerecorded: AsyncPreRecordedClient

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
        max_response_bytes: int = C.MAX_RESPONSE_BYTES,
        http_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._config = _settings(
            api_key,
            api_url,
            timeout,
            max_retries,
            max_upload_bytes,
            allow_insecure_http,
            max_response_bytes,
            http_headers,
        )
        if isinstance(http_client, httpx.Client):
            raise ConfigurationError(
                "http_client must be an httpx.AsyncClient (use GladiaClient for an httpx.Client)"
            )
        self._http, self._transport = _async_pool(self._config, http_client)
        self._prerecorded = AsyncPreRecordedClient(self._http, self._config)
        self._raw: gladia_api.Client | None = None

    def prerecorded(self) -> AsyncPreRecordedClient:
        """Gladia's pre-recorded transcription API, async."""
        return self._prerecorded

    def pre_recorded_v2(self) -> AsyncPreRecordedClient:
        """The same as prerecorded(): gladiaio-sdk's name."""
        return self._prerecorded

    def pre_recorded(self) -> AsyncPreRecordedClient:
        """The same as prerecorded(): gladiaio-sdk's other name."""
        return self._prerecorded

    def live(self) -> AsyncLiveClient:
        """Gladia's live API, async: `await start_session(options)` (the `live` extra)."""
        from gladia.live._client import AsyncLiveClient  # noqa: PLC0415  (imported on first use)

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
        """Close the connection pool (a client passed as http_client is left to its owner; a `with_options`
        copy leaves the shared pool to the client it was made from)."""
        if self._parent is None:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncGladiaClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
