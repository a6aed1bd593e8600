"""The one request pipeline: every public method builds its request here, from one `RequestOptions`, and
sends it through here, where every failure becomes a typed error.

    method (gladia/prerecorded/_client.py) -> RequestOptions -> build() -> send()/asend() -> transport
                                                                 \\-> map_failure() / check_answer()

`build` turns the options into an httpx request whose `extensions` tell the transport (gladia/_core/transport.py)
what the request is: its operation, its overall deadline and its retry budget. The transport spends the
budget and honours the deadline; so does the create lookup, with the same objects, so a call has one
budget and one deadline whichever layer spends them. `send`/`asend` are the only places the SDK's clients
call httpx, and the only places httpx failures are mapped to the SDK's errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import httpx

from gladia._core import constants as C
from gladia._core.config import ClientConfig, mask_url, redact, resolve_timeouts
from gladia._core.deadline import NO_DEADLINE, Deadline, DeadlineExceeded
from gladia._core.response import error_from_response
from gladia._core.retry import RetryBudget
from gladia._core.routes import Operation
from gladia._core.transport import BUDGET, DEADLINE, MAX_BYTES, NOT_REPLAYABLE, OPERATION, TIMEOUT
from gladia.errors import (
    APIConnectionError,
    APITimeoutError,
    GladiaError,
    SourceChangedError,
    SourceNotReplayableError,
    ValidationError,
)
from gladia.prerecorded._idempotency import REQUEST_ID_KEY

Params = Sequence[tuple[str, Any]]

#: An error answer to a streamed request (a download) is read up to this much to describe it.
STREAMED_ERROR_BYTES = 64 * 1024


@attrs.frozen(kw_only=True, eq=False)
class RequestOptions:
    """Everything that decides one request: what it is, what it sends, and its limits.

    `extra_headers`, `extra_query`, `extra_body` and `timeout` are the per-call overrides (merged last, so
    they win); `deadline` is the call's overall deadline (the request's own default applies within it);
    `budget` the call's retry budget, shared by every request the call makes when the call passes one.
    """

    operation: Operation
    method: str
    url: str
    params: Params = ()
    json: Any = None
    body: Any = None  # a request stream (an upload); exclusive with json
    headers: Mapping[str, str] = attrs.field(factory=dict)
    deadline: Deadline = NO_DEADLINE
    budget: RetryBudget | None = None
    timeout: httpx.Timeout | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    replayable: bool = True
    stream: bool = False  # hand the body to the caller unread (downloads)
    max_response_bytes: int | None = None  # None: the client's max_response_bytes
    #: A number given as the call's `timeout`: it bounds this request as a whole, instead of the client's.
    overall_timeout: float | None = None

    @classmethod
    def generated(cls, operation: Operation, kwargs: Mapping[str, Any], **more: Any) -> RequestOptions:
        """Options from the `_get_kwargs` of a generated endpoint (method, url, params, json, headers)."""
        params = kwargs.get("params") or {}
        return cls(
            operation=operation,
            method=str(kwargs["method"]).upper(),
            url=kwargs["url"],
            params=tuple(_flat_params(params)),
            json=kwargs.get("json"),
            headers=dict(kwargs.get("headers") or {}),
            **more,
        )


@attrs.frozen(kw_only=True)
class CallOptions:
    """A call's own overrides (`extra_headers=`, `extra_query=`, `extra_body=`, `timeout=` on any request
    method), applied to every request of that call by `apply`, in the one place every request goes through
    (the clients' `_send`). `extra_body` goes into requests with a JSON body only (never into a GET), unchecked:
    the escape hatch for options this SDK does not know yet."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: httpx.Timeout | None = None
    overall_timeout: float | None = None

    @classmethod
    def of(
        cls,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
        extra_body: Mapping[str, Any] | None,
        timeout: float | httpx.Timeout | None,
    ) -> CallOptions | None:
        """The checked overrides, or None when the call has none."""
        if extra_headers is None and extra_query is None and extra_body is None and timeout is None:
            return None
        for name, value in (
            ("extra_headers", extra_headers),
            ("extra_query", extra_query),
            ("extra_body", extra_body),
        ):
            if value is not None and not isinstance(value, Mapping):
                raise ValidationError(f"{name} must be a dict, got {type(value).__name__}")
        if extra_headers is not None:
            for key, text in extra_headers.items():
                if not isinstance(key, str) or not isinstance(text, str):
                    raise ValidationError(f"extra_headers must map strings to strings, got {key!r}: {text!r}")
        http_timeout: httpx.Timeout | None = None
        overall: float | None = None
        if timeout is not None:
            http_timeout = resolve_timeouts(timeout).fast
            overall = None if isinstance(timeout, httpx.Timeout) else float(timeout)
        return cls(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=http_timeout,
            overall_timeout=overall,
        )

    def apply(self, options: RequestOptions) -> RequestOptions:
        """`options` with these overrides merged in (they win over what the SDK set)."""
        changes: dict[str, Any] = {}
        if self.extra_headers:
            changes["extra_headers"] = {**(options.extra_headers or {}), **self.extra_headers}
        if self.extra_query:
            changes["extra_query"] = {**(options.extra_query or {}), **self.extra_query}
        if self.extra_body and options.json is not None:
            changes["extra_body"] = {**(options.extra_body or {}), **self.extra_body}
        if self.timeout is not None:
            changes["timeout"] = self.timeout
            changes["overall_timeout"] = self.overall_timeout
        return attrs.evolve(options, **changes) if changes else options


def _flat_params(params: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            pairs.extend((name, item) for item in value)
        else:
            pairs.append((name, value))
    return pairs


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build(
    http: httpx.Client | httpx.AsyncClient, config: ClientConfig, options: RequestOptions
) -> httpx.Request:
    """The httpx request for `options`, carrying its operation, deadline and budget for the transport."""
    if options.timeout is not None:  # the call's own timeout replaces the client's
        limit = options.overall_timeout
        timeout = options.timeout
    else:
        limit = config.request_deadline(options.operation)
        timeout = config.timeouts.for_operation(options.operation)
    deadline = options.deadline.earliest(Deadline.after(limit))
    headers = {"Accept-Encoding": "gzip, deflate", **options.headers, **(options.extra_headers or {})}
    params: list[tuple[str, str | int | float | bool | None]] = [
        (name, _query_value(value)) for name, value in options.params
    ]
    if options.extra_query:
        overridden = set(options.extra_query)
        params = [(n, v) for n, v in params if n not in overridden]
        params += [(n, _query_value(v)) for n, v in options.extra_query.items()]
    body = options.json
    if options.extra_body:
        body = _with_extra_body(body, options.extra_body)
    extensions: dict[str, Any] = {
        OPERATION: options.operation,
        DEADLINE: deadline,
        BUDGET: options.budget if options.budget is not None else RetryBudget(config.max_retries),
        NOT_REPLAYABLE: not options.replayable,
        TIMEOUT: timeout,
        MAX_BYTES: (
            options.max_response_bytes
            if options.max_response_bytes is not None
            else config.max_response_bytes
        ),
    }
    try:
        request = http.build_request(
            options.method,
            options.url,
            params=params or None,
            json=body,
            headers=headers,
            extensions=extensions,
        )
    except (RecursionError, ValueError, TypeError) as exc:
        detail = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ValidationError(
            f"The request to {options.method} {options.url} cannot be encoded as JSON ({detail}); nothing was "
            "sent. Pass plain JSON values (dicts, lists, strings, numbers), nested a few levels at most"
        ) from None
    if options.body is not None:
        request.stream = options.body
        if "content-length" not in {name.lower() for name in options.headers}:
            # A stream of unknown length (a pipe): no Content-Length (httpx set one for the empty body).
            request.headers.pop("Content-Length", None)
            request.headers["Transfer-Encoding"] = "chunked"
        setter = getattr(options.body, "set_deadline", None)
        if setter is not None:
            setter(deadline)
    return request


def send(http: httpx.Client, config: ClientConfig, options: RequestOptions) -> httpx.Response:
    """Send `options` and return the answer (unread and open when `options.stream`; close it), or raise
    the typed error for whatever went wrong."""
    request = build(http, config, options)
    try:
        response = http.send(request, stream=options.stream)
    except Exception as exc:
        raise map_failure(exc, config, options) from exc
    if response.is_error:
        if options.stream:
            _read_error_body(response)
        raise check_failed(response, config)
    return response


async def asend(http: httpx.AsyncClient, config: ClientConfig, options: RequestOptions) -> httpx.Response:
    """The async sibling of `send`."""
    request = build(http, config, options)
    try:
        response = await http.send(request, stream=options.stream)
    except Exception as exc:
        raise map_failure(exc, config, options) from exc
    if response.is_error:
        if options.stream:
            await _aread_error_body(response)
        raise check_failed(response, config)
    return response


def check_failed(response: httpx.Response, config: ClientConfig) -> GladiaError:
    return error_from_response(response, config)


def _read_error_body(response: httpx.Response) -> None:
    data = bytearray()
    try:
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) >= STREAMED_ERROR_BYTES:
                break
    except httpx.HTTPError:
        pass
    finally:
        response.close()
    response._content = bytes(data[:STREAMED_ERROR_BYTES])


async def _aread_error_body(response: httpx.Response) -> None:
    data = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            data += chunk
            if len(data) >= STREAMED_ERROR_BYTES:
                break
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()
    response._content = bytes(data[:STREAMED_ERROR_BYTES])


def map_failure(exc: BaseException, config: ClientConfig, options: RequestOptions) -> GladiaError:
    """The typed error for a failure to get an answer at all."""
    if isinstance(exc, GladiaError):
        return exc
    request = getattr(exc, "_request", None)
    method = request.method if request is not None else options.method
    url = (
        mask_url(request.url, config)
        if request is not None
        else mask_url(config.api_url.join(options.url), config)
    )
    what = f"{method} {httpx.URL(url).path}"
    if isinstance(exc, httpx.StreamConsumed) or (
        isinstance(exc, httpx.StreamError) and options.operation is Operation.UPLOAD
    ):
        return SourceNotReplayableError(
            f"The upload had to be sent again ({what} was redirected or retried), but this stream cannot be "
            "sent again: it was read once already. Pass a path, bytes or a seekable file instead of a pipe"
        )
    if isinstance(exc, httpx.LocalProtocolError) and options.operation is Operation.UPLOAD:
        return SourceChangedError(
            f"The file changed while it was being uploaded ({redact(str(exc), config)}); nothing usable was "
            "sent. Upload it again once it is complete, or pass a copy that does not change"
        )
    if isinstance(exc, httpx.TimeoutException):  # DeadlineExceeded included
        limit = "its deadline" if isinstance(exc, DeadlineExceeded) else "the timeout"
        return APITimeoutError(
            f"No whole answer from Gladia to {what} within {limit} ({type(exc).__name__}: "
            f"{redact(str(exc), config) or 'timed out'}); the SDK already retried what was safe and fitted "
            "in the time. Try again, or raise the client's timeout (or the call's)",
            method=method,
            url=url,
        )
    if isinstance(exc, httpx.RequestError):
        return APIConnectionError(
            f"Could not talk to Gladia at {config.display_url} for {what} ({type(exc).__name__}: "
            f"{redact(str(exc), config)}); check the network and api_url. The SDK already retried what was "
            "safe to retry",
            method=method,
            url=url,
        )
    if isinstance(exc, RecursionError):
        return APIConnectionError(
            f"The answer to {what} could not be read: it is nested too deeply", method=method, url=url
        )
    if isinstance(exc, httpx.HTTPError):  # StreamClosed and the like: the connection went away mid-read
        return APIConnectionError(
            f"The connection to Gladia broke during {what} ({type(exc).__name__}); try again",
            method=method,
            url=url,
        )
    if isinstance(exc, (OSError, RuntimeError)):
        return APIConnectionError(
            f"{what} failed ({type(exc).__name__}: {redact(str(exc), config)}); try again",
            method=method,
            url=url,
        )
    raise exc


def tagged_headers(tag: str) -> dict[str, str]:
    """The headers of a create request: an idempotency key for servers that honour one."""
    return {C.IDEMPOTENCY_KEY_HEADER: tag}


def _with_extra_body(body: Mapping[str, Any] | None, extra: Mapping[str, Any]) -> dict[str, Any]:
    """`body` with a call's `extra_body` merged in (its keys win), except the SDK's job tag: custom metadata
    given in `extra_body` is merged into the body's, which keeps `gladia_sdk_request_id`, so a failed create
    can still be looked up and is never made twice."""
    merged = {**(body or {}), **extra}
    own = (body or {}).get("custom_metadata")
    theirs = extra.get("custom_metadata")
    if isinstance(own, Mapping) and REQUEST_ID_KEY in own and isinstance(theirs, Mapping):
        merged["custom_metadata"] = {**theirs, REQUEST_ID_KEY: own[REQUEST_ID_KEY]}
    return merged
