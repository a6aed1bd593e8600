"""The client's configuration: read from arguments and the environment, checked once, then frozen."""

from __future__ import annotations

import ipaddress
import math
import os
from collections.abc import Mapping

import attrs
import httpx

from gladia import _constants as C
from gladia._routes import Operation
from gladia.errors import ConfigurationError


@attrs.frozen
class Timeouts:
    """One httpx.Timeout per kind of operation."""

    fast: httpx.Timeout
    create: httpx.Timeout
    upload: httpx.Timeout
    download: httpx.Timeout

    def for_operation(self, operation: Operation) -> httpx.Timeout:
        if operation is Operation.UPLOAD:
            return self.upload
        if operation is Operation.DOWNLOAD:
            return self.download
        if operation in (Operation.CREATE, Operation.DELETE, Operation.OTHER):
            return self.create
        return self.fast

    @classmethod
    def defaults(cls) -> Timeouts:
        def timeout(read: float, write: float = C.WRITE_TIMEOUT) -> httpx.Timeout:
            return httpx.Timeout(connect=C.CONNECT_TIMEOUT, read=read, write=write, pool=C.POOL_TIMEOUT)

        return cls(
            fast=timeout(C.READ_TIMEOUT_FAST),
            create=timeout(C.READ_TIMEOUT_CREATE),
            upload=timeout(C.READ_TIMEOUT_UPLOAD, C.WRITE_TIMEOUT_UPLOAD),
            download=timeout(C.READ_TIMEOUT_DOWNLOAD),
        )

    @classmethod
    def uniform(cls, timeout: httpx.Timeout) -> Timeouts:
        return cls(fast=timeout, create=timeout, upload=timeout, download=timeout)


@attrs.frozen(repr=False)
class ClientConfig:
    api_key: str
    api_url: httpx.URL
    timeouts: Timeouts
    max_retries: int
    max_upload_bytes: int | None

    @property
    def origin(self) -> tuple[str, str, int | None]:
        return origin_of(self.api_url)

    @property
    def path_prefix(self) -> str:
        return self.api_url.path.rstrip("/")

    def __repr__(self) -> str:
        # Never the key, not even part of it.
        return (
            f"ClientConfig(api_url={str(self.api_url)!r}, api_key=<hidden>, max_retries={self.max_retries})"
        )


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in, so equal origins compare equal."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host.lower(), url.port or default


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def resolve_api_key(api_key: object, environ: Mapping[str, str]) -> str:
    source = "api_key"
    if api_key is None:
        api_key, source = environ.get(C.API_KEY_ENV), C.API_KEY_ENV
    if api_key is None:
        raise ConfigurationError(
            f"No Gladia API key: pass GladiaClient(api_key=...) or set the {C.API_KEY_ENV} environment "
            "variable. To try the SDK offline, run the local emulator: gladia emulator"
        )
    if not isinstance(api_key, str):
        raise ConfigurationError(f"{source} must be a string, got {type(api_key).__name__}")
    key = api_key.strip()
    if not api_key:
        raise ConfigurationError(
            f"{source} is empty: pass your Gladia API key (it is shown at app.gladia.io)"
        )
    if not key:
        raise ConfigurationError(f"{source} is only whitespace: pass your Gladia API key")
    if any(ch.isspace() for ch in key) or not key.isascii() or not key.isprintable():
        raise ConfigurationError(
            f"{source} contains spaces or characters an API key never has; copy the key again from app.gladia.io"
        )
    return key


def resolve_api_url(api_url: object, environ: Mapping[str, str], *, allow_insecure_http: bool) -> httpx.URL:
    source = "api_url"
    if api_url is None:
        api_url, source = environ.get(C.API_URL_ENV) or C.DEFAULT_API_URL, C.API_URL_ENV
    if isinstance(api_url, httpx.URL):
        api_url = str(api_url)
    if not isinstance(api_url, str):
        raise ConfigurationError(f"{source} must be a string such as {C.DEFAULT_API_URL!r}")
    try:
        url = httpx.URL(api_url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{source} {api_url!r} is not a valid URL ({exc})") from None
    if url.scheme not in ("http", "https"):
        raise ConfigurationError(
            f"{source} {api_url!r} must start with https:// (or http:// for a local emulator), such as "
            f"{C.DEFAULT_API_URL!r}"
        )
    if not url.host:
        raise ConfigurationError(f"{source} {api_url!r} has no host; use a URL such as {C.DEFAULT_API_URL!r}")
    if url.query or url.fragment:
        raise ConfigurationError(f"{source} {api_url!r} must not have a query string or fragment")
    if url.scheme == "http" and not is_loopback(url.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"{source} {api_url!r} uses plain http to a remote host, which would send your API key "
            "unencrypted; use https://, or pass allow_insecure_http=True if you really mean it"
        )
    return url


def resolve_timeouts(timeout: object) -> Timeouts:
    if timeout is None:
        return Timeouts.defaults()
    if isinstance(timeout, httpx.Timeout):
        for name in ("connect", "read", "write", "pool"):
            value = getattr(timeout, name)
            if value is not None:
                _positive_seconds(value, f"timeout.{name}")
        return Timeouts.uniform(timeout)
    seconds = _positive_seconds(timeout, "timeout")
    return Timeouts.uniform(httpx.Timeout(seconds))


def _positive_seconds(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"{name} must be a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value <= 0:
        raise ConfigurationError(
            f"{name} must be a positive number of seconds, got {value!r}; use None for no limit"
        )
    return float(value)


def resolve_max_retries(max_retries: object) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
    return max_retries


def resolve_max_upload_bytes(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(
            f"max_upload_bytes must be a positive number of bytes or None, got {value!r}"
        )
    return value


def resolve_config(
    api_key: object,
    api_url: object,
    *,
    timeout: object,
    max_retries: object,
    max_upload_bytes: object,
    allow_insecure_http: bool,
    environ: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Check every setting before anything is sent; each problem is a ConfigurationError saying what to do."""
    env = os.environ if environ is None else environ
    return ClientConfig(
        api_key=resolve_api_key(api_key, env),
        api_url=resolve_api_url(api_url, env, allow_insecure_http=allow_insecure_http),
        timeouts=resolve_timeouts(timeout),
        max_retries=resolve_max_retries(max_retries),
        max_upload_bytes=resolve_max_upload_bytes(max_upload_bytes),
    )
