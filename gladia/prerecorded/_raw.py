"""Raw responses: `client.prerecorded().with_raw_response.get(job_id)` answers a `RawResponse`, the HTTP
answer (status, headers, request id) with `.parse()` giving what `get(job_id)` returns.

The raw methods wrap the normal ones (openai-python's pattern), never duplicate them: a raw call runs the
normal method on a copy of the client that records every HTTP answer its pipeline receives, and keeps the
last one. So a raw call checks, sends, retries and raises exactly as the normal call does.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from gladia._core.pages import AsyncJobList, JobList
from gladia._core.response import request_id_of

if TYPE_CHECKING:
    from gladia.prerecorded._client import AsyncPreRecordedClient, PreRecordedClient

P = ParamSpec("P")
T = TypeVar("T")


class RawResponse(Generic[T]):
    """The HTTP answer to a call, and what the call returns (`.parse()`).

    Attributes:
        http_response: the httpx.Response (its body was read, unless it is a download's audio).
        status_code, headers: its status and headers.
        request_id: Gladia's id for the request (`x-aipi-call-id`, else `x-request-id`/`request-id`), or None.
    """

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        return request_id_of(self.http_response)

    def parse(self) -> T:
        """What the normal method returns (already parsed: calling it again costs nothing)."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} request_id={self.request_id!r}>"


def _recorder(client: Any) -> tuple[Any, list[httpx.Response]]:
    seen: list[httpx.Response] = []
    return client._recording(seen), seen


def _last(seen: list[httpx.Response], name: str) -> httpx.Response:
    if not seen:  # every wrapped method sends at least one request before it returns
        raise RuntimeError(f"{name} returned without an HTTP answer")
    return seen[-1]


def _raw(client: Any, method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    name = method.__name__

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> RawResponse[T]:
        recorder, seen = _recorder(client)
        value = getattr(recorder, name)(*args, **kwargs)
        if isinstance(value, JobList):  # a listing sends nothing until read: its first page is its answer
            value._prefetch()
        recorder._seen = None  # a listing's later pages are not kept
        return RawResponse(_last(seen, name), value)

    return call


def _araw_list(
    client: Any, method: Callable[P, AsyncJobList]
) -> Callable[P, Awaitable[RawResponse[AsyncJobList]]]:
    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> RawResponse[AsyncJobList]:
        recorder, seen = _recorder(client)
        listing: AsyncJobList = recorder.list(*args, **kwargs)
        await listing._prefetch()  # its first page is its answer
        recorder._seen = None  # a listing's later pages are not kept
        return RawResponse(_last(seen, "list"), listing)

    return call


def _araw(client: Any, method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    name = method.__name__

    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> RawResponse[T]:
        recorder, seen = _recorder(client)
        value = await getattr(recorder, name)(*args, **kwargs)
        return RawResponse(_last(seen, name), value)

    return call


class PreRecordedWithRawResponse:
    """`PreRecordedClient.with_raw_response`: its one-request methods, answering a `RawResponse`.

    Covered: upload_file, create, get, delete, download_bytes, get_file (the answer is the last HTTP answer
    of the call: for a create that had to look its job up, that lookup's answer), and list, as in
    openai-python: `with_raw_response.list(...)` fetches the first page at once and answers its HTTP
    answer; `.parse()` is the listing, which starts from that page (iterating it fetches the rest, not
    that page again). Not covered: the flows that make many requests (poll, create_and_poll, transcribe)
    and download (streamed to a file).
    """

    def __init__(self, client: PreRecordedClient) -> None:
        self.upload_file = _raw(client, client.upload_file)
        self.create = _raw(client, client.create)
        self.get = _raw(client, client.get)
        self.delete = _raw(client, client.delete)
        self.download_bytes = _raw(client, client.download_bytes)
        self.get_file = _raw(client, client.get_file)
        self.list = _raw(client, client.list)


class AsyncPreRecordedWithRawResponse:
    """`AsyncPreRecordedClient.with_raw_response`: the same methods as PreRecordedWithRawResponse, awaited
    (`await ....with_raw_response.list(...)` too)."""

    def __init__(self, client: AsyncPreRecordedClient) -> None:
        self.upload_file = _araw(client, client.upload_file)
        self.create = _araw(client, client.create)
        self.get = _araw(client, client.get)
        self.delete = _araw(client, client.delete)
        self.download_bytes = _araw(client, client.download_bytes)
        self.get_file = _araw(client, client.get_file)
        self.list = _araw_list(client, client.list)
