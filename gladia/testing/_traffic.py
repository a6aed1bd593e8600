"""What a test can read about the traffic an emulator saw: counters and the recent requests. Thread-safe."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterable, Mapping

import attrs


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One request as the emulator received it."""

    method: str
    path: str
    query: str
    """The raw query string, without the `?`."""
    headers: Mapping[str, str]
    """Header names in lower case; a repeated header's values are joined with `, `."""
    route: str | None
    """The spec route key (`"GET /v2/pre-recorded/{id}"`), or None for a path no route serves."""
    client: str
    received_at: float = attrs.field(factory=time.time)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def headers_dict(raw: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in raw:
        key, text = name.decode("latin-1").lower(), value.decode("latin-1")
        found[key] = f"{found[key]}, {text}" if key in found else text
    return found


class Counters:
    """Counts a test reads to catch duplicates and retries: jobs created, requests per route, body bytes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs_created = 0
        self._bytes_received = 0
        self._requests: collections.Counter[str] = collections.Counter()

    @property
    def jobs_created(self) -> int:
        """Jobs created (201 answers to `POST /v2/pre-recorded`, including those a fault hid from the client)."""
        with self._lock:
            return self._jobs_created

    @property
    def bytes_received(self) -> int:
        """Request body bytes read, over all requests."""
        with self._lock:
            return self._bytes_received

    @property
    def requests(self) -> collections.Counter[str]:
        """Requests per route key (`"POST /v2/upload"`); a path no route serves counts as `"METHOD /path"`."""
        with self._lock:
            return collections.Counter(self._requests)

    def reset(self) -> None:
        with self._lock:
            self._jobs_created = 0
            self._bytes_received = 0
            self._requests.clear()

    def count_request(self, key: str) -> None:
        with self._lock:
            self._requests[key] += 1

    def count_job(self) -> None:
        with self._lock:
            self._jobs_created += 1

    def count_bytes(self, size: int) -> None:
        with self._lock:
            self._bytes_received += size


class RequestLog:
    """The most recent requests, oldest first."""

    def __init__(self, size: int) -> None:
        self._lock = threading.Lock()
        self._requests: collections.deque[RecordedRequest] = collections.deque(maxlen=size)

    def append(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def snapshot(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def clear(self) -> None:
        with self._lock:
            self._requests.clear()
