"""GladiaClient and AsyncGladiaClient: configuration, one connection pool, and the ways into the API."""

from __future__ import annotations

import copy
import weakref
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

import gladia_api
from gladia._core import constants as C
from gladia._core.config import UNSET, ClientConfig, resolve_config, resolve_config_changes, settings_given
from gladia._core.log import configure_from_env
from gladia._core.request import stamper
from gladia._core.transport import POOL_LIMITS, ThreadedClientTransport
from gladia._core.transport_async import AsyncClientTransport, AsyncGladiaTransport
from gladia._core.transport_sync import ClientTransport, GladiaTransport
from gladia.errors import ConfigurationError
from gladia.prerecorded._client_async import AsyncPreRecordedClient
from gladia.prerecorded._client_sync import PreRecordedClient

if TYPE_CHECKING:
    from typing_extensions import Self

    from gladia.live._client_async import AsyncLiveClient  # noqa: F401  (named in the base classes)
    from gladia.live._client_sync import LiveClient  # noqa: F401


_NO_IDLE_CONNECTIONS = httpx.Limits(max_keepalive_connections=0)

Pre = TypeVar("Pre")
Live = TypeVar("Live")
Http = TypeVar("Http")


def _default_headers(config: ClientConfig) -> httpx.Headers:
    """The headers of every request of the SDK's own httpx clients: its user agent, then `http_headers`
    (which may replace it: names are compared without case)."""
    headers = httpx.Headers({"User-Agent": C.USER_AGENT})
    headers.update(dict(config.http_headers))
    return headers


def _transport(
    config: ClientConfig, http_client: object, flavor: str, limits: httpx.Limits | None = None
) -> Any:
    """The SDK's own transport, in front of a caller's http_client when given (never changed: the SDK sends
    through it, so its proxies, certificates, auth and hooks apply): an httpx.Client for GladiaClient, an
    httpx.AsyncClient for AsyncGladiaClient, or a caller's httpx.Client used in worker threads for
    GladiaClient.prerecorded_async()."""
    if flavor == "sync":
        if http_client is None:
            return GladiaTransport(config)
        if isinstance(http_client, httpx.Client):
            return GladiaTransport(config, ClientTransport(http_client))
        raise ConfigurationError(
            "http_client must be an httpx.Client (use AsyncGladiaClient for an httpx.AsyncClient)"
        )
    if http_client is None:
        return AsyncGladiaTransport(config, limits=limits or POOL_LIMITS)
    if isinstance(http_client, httpx.AsyncClient):
        return AsyncGladiaTransport(config, AsyncClientTransport(http_client))
    if isinstance(http_client, httpx.Client) and limits is not None:  # prerecorded_async() of a GladiaClient
        return AsyncGladiaTransport(config, ThreadedClientTransport(http_client))
    raise ConfigurationError(
        "http_client must be an httpx.AsyncClient (use GladiaClient for an httpx.Client)"
    )


def _http(config: ClientConfig, transport: Any, flavor: str, raw: bool = False) -> Any:
    """The SDK's own httpx client on `transport`. The one `client.raw` uses gives each raw generated call
    the plan this client's settings make (gladia/_core/request.py `stamper`)."""
    hooks: dict[str, list[Any]] = {}
    if raw:
        stamp = stamper(config)
        if flavor == "sync":
            hooks["request"] = [stamp]
        else:

            async def hook(request: httpx.Request) -> None:
                stamp(request)

            hooks["request"] = [hook]
    kind = httpx.Client if flavor == "sync" else httpx.AsyncClient
    return kind(
        transport=transport,
        follow_redirects=True,
        base_url=config.api_url,
        headers=_default_headers(config),
        event_hooks=hooks,
    )


class _Base(Generic[Pre, Live, Http]):
    """What both clients share: configuration, connection pool, the ways into each API, copies."""

    _flavor: str  # "sync" or "async"
    _prerecorded_class: type[Any]
    _live_class: str  # imported on first use, so `import gladia` stays as cheap as before live existed
    _config: ClientConfig
    _transport: Any
    _http: Any
    _prerecorded: Pre
    _raw: gladia_api.Client | None = None
    #: The client this one is a `with_options` copy of (whose pool it shares), else None.
    _parent: _Base[Any, Any, Any] | None = None

    def __init__(
        self,
        api_key: str | None = None,
        *,
        api_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        http_client: Http | None = None,
        max_upload_bytes: int | None = C.MAX_UPLOAD_BYTES,
        allow_insecure_http: bool = False,
        max_response_bytes: int = C.MAX_RESPONSE_BYTES,
        http_headers: Mapping[str, str] | None = None,
    ) -> None:
        configure_from_env()
        self._config = resolve_config(
            api_key,
            api_url,
            timeout=timeout,
            max_retries=max_retries,
            max_upload_bytes=max_upload_bytes,
            allow_insecure_http=allow_insecure_http,
            max_response_bytes=max_response_bytes,
            http_headers=http_headers,
        )
        self._user_http = http_client
        self._transport = _transport(self._config, http_client, self._flavor)
        self._http = _http(self._config, self._transport, self._flavor)
        self._prerecorded = self._prerecorded_class(self._http, self._config, owner=self)
        self._opened()

    def _opened(self) -> None:
        """What a client of one flavor does once its pool is made."""

    def prerecorded(self) -> Pre:
        """Gladia's pre-recorded transcription API."""
        return self._prerecorded

    def pre_recorded_v2(self) -> Pre:
        """The same as prerecorded(): gladiaio-sdk's name (it takes no option overrides: use with_options)."""
        return self._prerecorded

    def pre_recorded(self) -> Pre:
        """The same as prerecorded(): gladiaio-sdk's other name."""
        return self._prerecorded

    def live(self) -> Live:
        """Gladia's live API: `start_session(options)` streams audio over a WebSocket (the `live` extra)."""
        import gladia.live  # noqa: PLC0415

        client: Live = getattr(gladia.live, self._live_class)(self._http, self._config, owner=self)
        return client

    @property
    def raw(self) -> gladia_api.Client:
        """The generated `gladia_api` client on this client's connection pool (same key, timeouts, retries).

        Example: `gladia_api.api.pre_recorded.get_transcription.sync(job_id, client=client.raw)` (on the
        async client, call the `asyncio`/`asyncio_detailed` functions).
        """
        if self._raw is None:
            http = _http(self._config, self._transport, self._flavor, raw=True)
            client = gladia_api.Client(base_url=str(self._config.api_url))
            self._raw = (
                client.set_httpx_client(http)
                if self._flavor == "sync"
                else client.set_async_httpx_client(http)
            )
        return self._raw

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
        value (raised as well as lowered). Closing the copy does not close the shared pool (close the
        client it was made from). Example: `client.with_options(timeout=30, max_retries=0).prerecorded()`.
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
        twin._prerecorded = self._prerecorded._with_config(config, owner=twin)  # type: ignore[attr-defined]
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
        retries: int = self._transport.retries
        return retries

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_url={self.api_url!r}, api_key=<hidden>)"


class GladiaClient(_Base[PreRecordedClient, "LiveClient", httpx.Client]):
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

    _flavor = "sync"
    _prerecorded_class = PreRecordedClient
    _live_class = "LiveClient"
    _transport: GladiaTransport

    def _opened(self) -> None:
        # Code written after Gladia's docs keeps only `GladiaClient(...).prerecorded()` and never closes
        # it: the pool is closed when the last of them is garbage-collected, so no socket is left open.
        # (Only the SDK's own client is closed: a caller's http_client stays open.)
        self._finalizer = weakref.finalize(self, self._http.close)
        self._async: AsyncPreRecordedClient | None = None

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
            transport = _transport(self._config, self._user_http, "async", limits=_NO_IDLE_CONNECTIONS)
            self._async = AsyncPreRecordedClient(
                _http(self._config, transport, "async"), self._config, owner=self
            )
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


class AsyncGladiaClient(_Base[AsyncPreRecordedClient, "AsyncLiveClient", httpx.AsyncClient]):
    """The async sibling of GladiaClient: same arguments (`http_client` an httpx.AsyncClient); the methods of
    `.prerecorded()` and `.live()` are awaited. Close it with `await client.close()` (or `aclose()`), or use
    `async with`."""

    _flavor = "async"
    _prerecorded_class = AsyncPreRecordedClient
    _live_class = "AsyncLiveClient"
    _transport: AsyncGladiaTransport

    async def close(self) -> None:
        """Close the connection pool (a client passed as http_client is left to its owner; a `with_options`
        copy leaves the shared pool to the client it was made from)."""
        if self._parent is None:
            await self._http.aclose()

    async def aclose(self) -> None:
        """The same as close() (httpx's name)."""
        await self.close()

    async def __aenter__(self) -> AsyncGladiaClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
