"""The client's configuration: read from arguments and the environment, checked once, then frozen."""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from gladia._core import constants as C
from gladia._core.routes import Operation
from gladia.errors import ConfigurationError


class _Unset:
    """The default of a keyword whose None means something: tells "not given" from None."""

    def __repr__(self) -> str:
        return "<unset>"


UNSET: Any = _Unset()


def settings_given(**settings: object) -> dict[str, object]:
    """The settings of a `with_options` call that were given (not UNSET)."""
    return {name: value for name, value in settings.items() if value is not UNSET}


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
        if operation in (Operation.CREATE, Operation.DELETE, Operation.UPDATE, Operation.OTHER):
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
    api_url: httpx.URL  # without credentials: those are in `url_credentials`, sent as Basic auth
    timeouts: Timeouts
    max_retries: int
    max_upload_bytes: int | None
    max_response_bytes: int = C.MAX_RESPONSE_BYTES
    #: A number given as the client's `timeout`: then it bounds each request as a whole too.
    overall_timeout: float | None = None
    url_credentials: tuple[str, str] | None = None
    #: The client's `http_headers`: sent with every request of its pools (the API key header never).
    http_headers: tuple[tuple[str, str], ...] = ()

    @property
    def origin(self) -> tuple[str, str, int | None]:
        return origin_of(self.api_url)

    @property
    def path_prefix(self) -> str:
        return self.api_url.path.rstrip("/")

    @property
    def display_url(self) -> str:
        """The api_url as it may be shown: a password in it is masked."""
        if self.url_credentials is None:
            return str(self.api_url)
        user, password = self.url_credentials
        masked = f"{user}:***" if password else user
        return str(self.api_url).replace("://", f"://{_quote_userinfo(masked)}@", 1)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret the SDK holds, to be redacted from anything shown (longest first)."""
        values = [self.api_key]
        if self.url_credentials is not None and self.url_credentials[1]:
            values.append(self.url_credentials[1])
        return tuple(sorted((v for v in values if len(v) >= 4), key=len, reverse=True))

    def request_deadline(self, operation: Operation) -> float | None:
        """The overall time one request (its retries included) may take, in seconds (None: no limit)."""
        if self.overall_timeout is not None:
            return self.overall_timeout
        if operation in (Operation.UPLOAD, Operation.DOWNLOAD):
            return None
        if operation in (Operation.CREATE, Operation.OTHER):
            return C.REQUEST_DEADLINE_CREATE
        return C.REQUEST_DEADLINE_FAST

    def __repr__(self) -> str:
        # Never the key, not even part of it.
        return f"ClientConfig(api_url={self.display_url!r}, api_key=<hidden>, max_retries={self.max_retries})"


def _quote_userinfo(text: str) -> str:
    from urllib.parse import quote  # noqa: PLC0415

    return quote(text, safe=":*")


def mask_url(url: object, config: ClientConfig | None = None) -> str:
    """A URL as it may be shown: any password in it masked, any secret of `config` redacted."""
    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError, ValueError):
        return redact(str(url), config)
    text = str(parsed)
    if parsed.userinfo:
        user = parsed.username
        shown = f"{user}:***" if parsed.password else user
        text = str(parsed.copy_with(userinfo=_quote_userinfo(shown).encode()))
    return redact(text, config)


def redact(text: str, config: ClientConfig | None) -> str:
    """`text` with every secret of `config` replaced by <redacted>."""
    if config is None:
        return text
    for secret in config.secrets:
        if secret in text:
            text = text.replace(secret, "<redacted>")
    return text


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


_USERINFO_PASSWORD = re.compile(r"(//[^/@:]*):[^/@]*@")


def resolve_api_url(api_url: object, environ: Mapping[str, str], *, allow_insecure_http: bool) -> httpx.URL:
    source = "api_url"
    if api_url is None:
        api_url, source = environ.get(C.API_URL_ENV) or C.DEFAULT_API_URL, C.API_URL_ENV
    if isinstance(api_url, httpx.URL):
        api_url = str(api_url)
    if not isinstance(api_url, str):
        raise ConfigurationError(f"{source} must be a string such as {C.DEFAULT_API_URL!r}")
    shown = _USERINFO_PASSWORD.sub(r"\1:***@", api_url)
    try:
        url = httpx.URL(api_url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{source} {shown!r} is not a valid URL ({exc})") from None
    if url.scheme not in ("http", "https"):
        raise ConfigurationError(
            f"{source} {shown!r} must start with https:// (or http:// for a local emulator), such as "
            f"{C.DEFAULT_API_URL!r}"
        )
    if not url.host:
        raise ConfigurationError(f"{source} {shown!r} has no host; use a URL such as {C.DEFAULT_API_URL!r}")
    if url.query or url.fragment:
        raise ConfigurationError(f"{source} {shown!r} must not have a query string or fragment")
    if url.scheme == "http" and not is_loopback(url.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"{source} {shown!r} uses plain http to a remote host, which would send your API key "
            "unencrypted; use https://, or pass allow_insecure_http=True if you really mean it"
        )
    return url


def split_credentials(url: httpx.URL) -> tuple[httpx.URL, tuple[str, str] | None]:
    """The URL without `user:password@`, and those credentials (sent as Basic auth, never shown)."""
    if not url.userinfo:
        return url, None
    return url.copy_with(userinfo=b""), (url.username, url.password)


def resolve_max_response_bytes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(
            f"max_response_bytes must be a positive number of bytes, got {value!r} "
            f"(the default is {C.MAX_RESPONSE_BYTES:,})"
        )
    return value


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
    max_response_bytes: object = C.MAX_RESPONSE_BYTES,
    http_headers: object = None,
    environ: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Check every setting before anything is sent; each problem is a ConfigurationError saying what to do."""
    env = os.environ if environ is None else environ
    timeouts = resolve_timeouts(timeout)
    url, credentials = split_credentials(
        resolve_api_url(api_url, env, allow_insecure_http=allow_insecure_http)
    )
    return ClientConfig(
        api_key=resolve_api_key(api_key, env),
        api_url=url,
        timeouts=timeouts,
        max_retries=resolve_max_retries(max_retries),
        max_upload_bytes=resolve_max_upload_bytes(max_upload_bytes),
        max_response_bytes=resolve_max_response_bytes(max_response_bytes),
        overall_timeout=None if timeout is None or isinstance(timeout, httpx.Timeout) else float(timeout),  # type: ignore[arg-type]
        url_credentials=credentials,
        http_headers=resolve_http_headers(http_headers),
    )


def resolve_http_headers(headers: object) -> tuple[tuple[str, str], ...]:
    """The client's extra headers, checked: a dict of strings, never the API key header (the key is the
    client's `api_key`, set by the transport for Gladia's origin only; one given here would be ignored)."""
    if headers is None:
        return ()
    if not isinstance(headers, Mapping):
        raise ConfigurationError(
            f"http_headers must be a dict of header names to values, got {type(headers).__name__}"
        )
    checked: list[tuple[str, str]] = []
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise ConfigurationError(f"http_headers must map strings to strings, got {name!r}: {value!r}")
        if name.strip().lower() == C.API_KEY_HEADER:
            raise ConfigurationError(
                f"http_headers cannot set {C.API_KEY_HEADER}: pass the key as api_key= (the SDK sends it to "
                "Gladia's origin only)"
            )
        try:
            httpx.Headers({name: value})
        except (TypeError, ValueError, UnicodeEncodeError):
            raise ConfigurationError(f"http_headers: {name!r} is not a valid HTTP header") from None
        if not name or any(ch in name for ch in " :\r\n\t") or any(ch in value for ch in "\r\n"):
            raise ConfigurationError(f"http_headers: {name!r} is not a valid HTTP header")
        checked.append((name, value))
    return tuple(checked)


def resolve_config_changes(config: ClientConfig, **changes: object) -> ClientConfig:
    """`config` with some settings changed (`with_options`), each checked as the client's own would be."""
    values: dict[str, Any] = {}
    if "timeout" in changes:
        timeout = changes.pop("timeout")
        values["timeouts"] = resolve_timeouts(timeout)
        values["overall_timeout"] = (
            None if timeout is None or isinstance(timeout, httpx.Timeout) else float(timeout)  # type: ignore[arg-type]
        )
    if "max_retries" in changes:
        values["max_retries"] = resolve_max_retries(changes.pop("max_retries"))
    if "max_upload_bytes" in changes:
        values["max_upload_bytes"] = resolve_max_upload_bytes(changes.pop("max_upload_bytes"))
    if "max_response_bytes" in changes:
        values["max_response_bytes"] = resolve_max_response_bytes(changes.pop("max_response_bytes"))
    if changes:
        raise ConfigurationError(f"with_options() does not change {', '.join(sorted(changes))}")
    return attrs.evolve(config, **values)
