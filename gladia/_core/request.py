"""The one request path: every HTTP request of the SDK is described by one `RequestOptions`, built into an
httpx request here, and sent by `send` (gladia/_core/send_async.py, and its generated sync twin), the only
functions that call httpx. Every failure becomes a typed error here.

    a method (prerecorded, live, webhooks)       what to send, and the call's own overrides (CallOptions)
      -> RequestOptions                          one value: operation, URL, body, deadline, budget, call
      -> build()                                 the httpx request, carrying one `Plan` for the transport
      -> send()                                  httpx -> GladiaTransport (gladia/_core/transport.py):
                                                 key, attempts, retries, caps, the deadline (gladia/_core/deadline.py)
      -> the answer, or map_failure()/error_from_response(): a typed GladiaError, secrets redacted

Settings are owned once. The client's `ClientConfig` holds its defaults; `plan()` turns them, with the
call's overrides, into the `Plan` of one request (its operation, overall deadline, retry budget, timeouts,
size cap); the transport reads that plan and nothing else, so a `with_options` copy raises a setting as
well as it lowers it. A raw generated call (`client.raw`) gets its plan from the same function, stamped
on by the raw httpx client's request hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Union

import attrs
import httpx

from gladia._core import constants as C
from gladia._core.config import ClientConfig, mask_url, redact, resolve_timeouts
from gladia._core.deadline import NO_DEADLINE, Deadline, DeadlineExceeded
from gladia._core.retry import RetryBudget, not_sent
from gladia._core.routes import Operation, operation_of
from gladia.errors import (
    APIConnectionError,
    APITimeoutError,
    GladiaError,
    SourceChangedError,
    SourceNotReplayableError,
    ValidationError,
)

Params = Sequence[tuple[str, Any]]
#: The types of the per-call overrides every request method takes.
Headers = Mapping[str, str]
Query = Mapping[str, Any]
Body = Mapping[str, Any]
HttpTimeout = Union[float, httpx.Timeout, None]  # noqa: UP007

#: The request extension that carries a request's `Plan` to the transport.
PLAN = "gladia.plan"

#: An error answer to a streamed request (a download) is read up to this much to describe it.
STREAMED_ERROR_BYTES = 64 * 1024


@attrs.frozen(kw_only=True)
class CallOptions:
    """A call's own overrides: the `extra_headers=`, `extra_query=`, `extra_body=` and `timeout=` keywords
    every request method takes, applied to each request the call makes. `extra_body` goes into requests
    with a JSON body only (never into a GET), unchecked: the escape hatch for options this SDK does not
    know yet. A number as `timeout` bounds each request as a whole (`overall`), as the client's does."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: httpx.Timeout | None = None
    overall: float | None = None

    @classmethod
    def of(
        cls,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CallOptions:
        """The checked overrides of one call (nothing is sent when one cannot be used)."""
        if extra_headers is None and extra_query is None and extra_body is None and timeout is None:
            return NO_OVERRIDES
        for name, value in (
            ("extra_headers", extra_headers),
            ("extra_query", extra_query),
            ("extra_body", extra_body),
        ):
            if value is not None and not isinstance(value, Mapping):
                raise ValidationError(f"{name} must be a dict, got {type(value).__name__}")
        for key, text in (extra_headers or {}).items():
            if not isinstance(key, str) or not isinstance(text, str):
                raise ValidationError(f"extra_headers must map strings to strings, got {key!r}: {text!r}")
        if timeout is None:
            return cls(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body)
        return cls(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=resolve_timeouts(timeout).fast,
            overall=None if isinstance(timeout, httpx.Timeout) else float(timeout),
        )


NO_OVERRIDES = CallOptions()


@attrs.frozen(kw_only=True, eq=False)
class RequestOptions:
    """Everything that decides one request: what it is, what it sends, its limits and the call's overrides.

    `deadline` is the call's overall deadline (the request's own default applies within it); `budget` the
    call's retry budget, shared by every request of the call when the call passes one.
    """

    operation: Operation
    method: str
    url: str
    params: Params = ()
    json: Any = None
    content: Any = None  # a request stream (an upload); exclusive with json
    headers: Mapping[str, str] = attrs.field(factory=dict)
    deadline: Deadline = NO_DEADLINE
    budget: RetryBudget | None = None
    call: CallOptions = NO_OVERRIDES
    replayable: bool = True
    stream: bool = False  # hand the body to the caller unread (downloads)
    max_response_bytes: int | None = None  # None: the client's max_response_bytes

    @classmethod
    def generated(cls, operation: Operation, kwargs: Mapping[str, Any], **more: Any) -> RequestOptions:
        """Options from the `_get_kwargs` of a generated endpoint (method, url, params, json, headers)."""
        return cls(
            operation=operation,
            method=str(kwargs["method"]).upper(),
            url=kwargs["url"],
            params=tuple(_flat_params(kwargs.get("params") or {})),
            json=kwargs.get("json"),
            headers=dict(kwargs.get("headers") or {}),
            **more,
        )


@attrs.frozen(eq=False)
class Plan:
    """What the transport knows of one request, across its attempts and redirects: the only settings it
    reads. `max_bytes` None: the body is streamed to the caller (downloads)."""

    operation: Operation
    deadline: Deadline
    budget: RetryBudget
    timeout: httpx.Timeout
    max_bytes: int | None
    replayable: bool = True


def plan(
    config: ClientConfig,
    operation: Operation,
    *,
    deadline: Deadline = NO_DEADLINE,
    budget: RetryBudget | None = None,
    call: CallOptions = NO_OVERRIDES,
    max_bytes: int | None = None,
    stream: bool = False,
    replayable: bool = True,
) -> Plan:
    """The plan of one request: the client's settings, then the call's overrides, within the call's deadline."""
    if call.timeout is not None:  # the call's own timeout replaces the client's
        limit, timeout = call.overall, call.timeout
    else:
        limit, timeout = config.request_deadline(operation), config.timeouts.for_operation(operation)
    streamed = stream or operation is Operation.DOWNLOAD
    return Plan(
        operation=operation,
        deadline=deadline.earliest(Deadline.after(limit)),
        budget=budget if budget is not None else RetryBudget(config.max_retries),
        timeout=timeout,
        max_bytes=None if streamed else (max_bytes if max_bytes is not None else config.max_response_bytes),
        replayable=replayable,
    )


def stamper(config: ClientConfig) -> Callable[[httpx.Request], None]:
    """A request hook giving a raw generated call (`client.raw`) the plan the client's settings make."""

    def stamp(request: httpx.Request) -> None:
        if not isinstance(request.extensions.get(PLAN), Plan):
            operation = operation_of(request.method, request.url.path, config.path_prefix)
            request.extensions[PLAN] = plan(config, operation)

    return stamp


def _flat_params(params: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            pairs.extend((name, item) for item in value)
        else:
            pairs.append((name, value))
    return pairs


def query_value(value: Any) -> str:
    """A value as it is written in a query string (booleans as JSON writes them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


def build(
    http: httpx.Client | httpx.AsyncClient, config: ClientConfig, options: RequestOptions
) -> httpx.Request:
    """The httpx request for `options`, carrying its plan for the transport."""
    call = options.call
    the_plan = plan(
        config,
        options.operation,
        deadline=options.deadline,
        budget=options.budget,
        call=call,
        max_bytes=options.max_response_bytes,
        stream=options.stream,
        replayable=options.replayable,
    )
    headers = {"Accept-Encoding": "gzip, deflate", **options.headers, **(call.extra_headers or {})}
    params: list[tuple[str, str | int | float | bool | None]] = [
        (name, query_value(value)) for name, value in options.params
    ]
    if call.extra_query:
        params = [(n, v) for n, v in params if n not in call.extra_query]
        params += [(n, query_value(v)) for n, v in call.extra_query.items()]
    body = options.json
    if call.extra_body and body is not None:
        body = with_extra_body(body, call.extra_body)
    if body is not None and too_deep(body):
        raise ValidationError(
            f"The request to {options.method} {options.url} nests its JSON more than {C.MAX_JSON_DEPTH} levels "
            "deep; nothing was sent. Gladia's options are a few levels deep: flatten the value"
        )
    try:
        request = http.build_request(
            options.method,
            options.url,
            params=params or None,
            json=body,
            headers=headers,
            extensions={PLAN: the_plan},
        )
    except (RecursionError, ValueError, TypeError) as exc:
        detail = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ValidationError(
            f"The request to {options.method} {options.url} cannot be encoded as JSON ({detail}); nothing was "
            "sent. Pass plain JSON values (dicts, lists, strings, numbers), nested a few levels at most"
        ) from None
    if options.content is not None:
        request.stream = options.content
        if "content-length" not in {name.lower() for name in options.headers}:
            # A stream of unknown length (a pipe): no Content-Length (httpx set one for the empty body).
            request.headers.pop("Content-Length", None)
            request.headers["Transfer-Encoding"] = "chunked"
        setter = getattr(options.content, "set_deadline", None)
        if setter is not None:
            setter(the_plan.deadline)
    return request


def too_deep(value: object, limit: int = C.MAX_JSON_DEPTH) -> bool:
    """Whether a JSON value nests dicts/lists more than `limit` levels deep (walked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def plan_of(request: httpx.Request) -> Plan | None:
    """The plan a request was built with (None for a request the SDK did not build)."""
    found = request.extensions.get(PLAN)
    return found if isinstance(found, Plan) else None


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
    if (
        options.operation is Operation.UPLOAD
        and not options.replayable
        and isinstance(exc, httpx.TransportError)
        and not isinstance(exc, httpx.LocalProtocolError)
        and not not_sent(exc)
    ):
        return SourceNotReplayableError(
            f"The upload ({what}) was cut off ({type(exc).__name__}: {redact(str(exc), config) or 'no detail'}), "
            "and this stream cannot be sent again: it was read once already. Pass the audio again from its "
            "start (a path, bytes or a seekable file can be retried by the SDK itself)"
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


#: The custom_metadata key that carries the SDK's request tag (visible in the job's custom_metadata).
REQUEST_ID_KEY = "gladia_sdk_request_id"


def with_extra_body(body: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`body` with a call's `extra_body` merged in (its keys win), except the SDK's job tag: custom metadata
    given in `extra_body` is merged into the body's, which keeps `gladia_sdk_request_id`, so a failed create
    can still be looked up and is never made twice."""
    merged = {**body, **extra}
    own = body.get("custom_metadata")
    theirs = extra.get("custom_metadata")
    if isinstance(own, Mapping) and REQUEST_ID_KEY in own and isinstance(theirs, Mapping):
        merged["custom_metadata"] = {**theirs, REQUEST_ID_KEY: own[REQUEST_ID_KEY]}
    return merged
