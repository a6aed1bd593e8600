"""Raw responses: `client.prerecorded().with_raw_response.get(job_id)` answers a `RawResponse`, the HTTP
answer (status, headers, request id) with `.parse()` giving what `get(job_id)` returns.

The raw methods wrap the normal ones (openai-python's pattern), never duplicate them: a raw call runs the
normal method on a copy of the client that records every HTTP answer it receives, and keeps the last one.
So a raw call checks, sends, retries and raises exactly as the normal call does. The wrappers are in
gladia/prerecorded/_raw_async.py (and its generated sync twin).
"""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx

from gladia._core.response import request_id_of

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


def last_answer(seen: list[httpx.Response], name: str) -> httpx.Response:
    """The last HTTP answer a wrapped call received (every wrapped method sends a request before it returns)."""
    if not seen:
        raise RuntimeError(f"{name} returned without an HTTP answer")
    return seen[-1]
