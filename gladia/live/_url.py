"""The check of a live session's WebSocket URL, made before anything is sent to it.

`POST /v2/live` answers with the URL to stream to, its token (the session's credential) in the query. The
SDK connects only where the API already is: a `ws`/`wss` URL on the API's host (any port), or on a host the
caller named with `start_session(allowed_hosts=...)`; over `wss` whenever the API is reached over https, so
neither the token nor the audio ever travels in clear where the key did not. A loopback API (the
emulator) may be answered with any loopback host. Everything else is a `LiveURLError`, raised before a
single byte goes to that URL; its message and its `url` show the URL with the query values redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpx

from gladia._core.config import is_loopback
from gladia.errors import ConfigurationError, LiveURLError

#: Longer than any URL Gladia gives (a host, a path and a token): past it, the answer is garbage.
MAX_URL_LENGTH = 8192

_QUERY_VALUE = re.compile(r"=([^&#]*)")
_USERINFO = re.compile(r"(//)[^/@?#]*@")


def redact(url: str) -> str:
    """`url` with every query value (the session's token) and any credentials replaced by `<redacted>`."""
    head, mark, query = url.partition("?")
    head = _USERINFO.sub(r"\1<redacted>@", head)
    return head + mark + _QUERY_VALUE.sub("=<redacted>", query) if mark else head


def allowed_hosts_of(value: object) -> frozenset[str]:
    """The hosts `start_session(allowed_hosts=...)` names, normalized; ConfigurationError when it is not a
    host name or a collection of them."""
    hosts = [value] if isinstance(value, str) else value
    if not isinstance(hosts, Iterable) or isinstance(hosts, (bytes, bytearray)):
        raise ConfigurationError(
            f"allowed_hosts must be host names such as ['eu.gladia.io'], got {type(value).__name__}"
        )
    names = set()
    for host in hosts:
        name = _host(host) if isinstance(host, str) else ""
        if not name or (any(c in name for c in "/:@?#") and not name.startswith("[")):
            raise ConfigurationError(
                f"allowed_hosts: {host!r} is not a host name; give names only, such as 'eu.gladia.io' "
                "(no scheme, port or path)"
            )
        names.add(name.strip("[]"))
    return frozenset(names)


def _host(name: str) -> str:
    return name.strip().lower().rstrip(".")


def check_live_url(
    url: object, api_url: httpx.URL, allowed_hosts: frozenset[str] = frozenset(), *, session_id: str
) -> str:
    """`url` if the session may stream to it (see the module docstring), else LiveURLError."""

    def refuse(why: str, shown: str) -> LiveURLError:
        return _refusal(why, shown, session_id)

    if not isinstance(url, str):
        raise refuse(f"is not a string ({type(url).__name__})", repr(url)[:100])
    shown = redact(url)[:200]
    if len(url) > MAX_URL_LENGTH or not url.isprintable() or any(c.isspace() for c in url):
        raise refuse("is not a URL (too long, or with spaces or control characters)", shown)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise refuse(f"cannot be read ({exc})", shown) from None
    scheme = parts.scheme.lower()
    if scheme not in ("ws", "wss"):
        raise refuse("is not a WebSocket URL (ws:// or wss://)", shown)
    host = _host(parts.hostname or "")
    if not host:
        raise refuse("has no host", shown)
    if parts.username is not None or parts.password is not None:
        raise refuse("carries credentials (user:password@), which the session would send as a header", shown)
    if not 0 < (port or 1) < 65536:
        raise refuse("has no usable port", shown)
    if api_url.scheme == "https" and scheme == "ws":
        raise refuse(
            "is plain ws:// while the API is reached over https: the session's token and audio would "
            "travel unencrypted",
            shown,
        )
    api_host = _host(api_url.host)
    if not (host == api_host or host in allowed_hosts or (is_loopback(host) and is_loopback(api_host))):
        raise refuse(
            f"points at {host}, not at the API's host ({api_host}); if Gladia really serves live sessions "
            f"there, allow it: start_session(..., allowed_hosts=[{host!r}])",
            shown,
        )
    # Whatever passed the checks above, the WebSocket library must read the same way.
    from websockets.exceptions import InvalidURI  # noqa: PLC0415  (the live extra)
    from websockets.uri import parse_uri  # noqa: PLC0415

    try:
        parsed = parse_uri(url)
    except (InvalidURI, ValueError) as exc:
        raise refuse(f"cannot be read ({type(exc).__name__})", shown) from None
    if _host(parsed.host) != host:
        raise refuse("does not name its host unambiguously", shown)
    return url


def _refusal(why: str, shown: str, session_id: str) -> LiveURLError:
    return LiveURLError(
        f"Gladia gave the live session the WebSocket URL {shown!r}, which {why}. Nothing was sent to it",
        session_id=session_id,
        url=shown,
    )
