"""The deadline inside httpcore (sync): sockets whose every wait ends by the current request's deadline.

Imported when the first sync transport is made (httpx itself imports httpcore only then), so that
`from gladia import GladiaClient` does not pay for httpcore.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpcore

from gladia._core.deadline import CURRENT


def _clamped(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = CURRENT.get()
    left = None if deadline is None else deadline.remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the request's overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits at most until the current request's deadline: so a
    server dripping its status line and headers (which httpx reads inside the transport, before any body)
    cannot outlast the deadline either. The async transport gets the same from anyio.fail_after."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _clamped(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        timeout = _clamped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def deadline_backend(backend: object) -> httpcore.NetworkBackend | None:
    """`backend` wrapped so its sockets keep the current request's deadline, or None if it is not one."""
    return _DeadlineBackend(backend) if isinstance(backend, httpcore.NetworkBackend) else None
