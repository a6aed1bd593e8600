"""Turning HTTP answers into models or typed errors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from gladia._core.deadline import NO_DEADLINE, Deadline
from gladia._core.request import plan_of
from gladia._core.retry import parse_retry_after
from gladia.errors import (
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    UnprocessableEntityError,
)

_ERROR_FOR_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class _Model(Protocol):
    @classmethod
    def from_dict(cls: type[M], src_dict: Any) -> M: ...


M = TypeVar("M", bound=_Model)

if TYPE_CHECKING:
    from gladia._core.config import ClientConfig

#: Error bodies shown in messages and kept in `.body` are cut to this many characters of text.
_SHOWN_BODY = 2000


def decode_body(content: bytes) -> Any:
    """The JSON value of a body, or its text when it is not JSON (a proxy's HTML page, say).

    JSON nested too deeply for Python to read is treated as text, never as a RecursionError.
    """
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return content.decode("utf-8", errors="replace")


def _redacted(value: Any, config: ClientConfig | None) -> Any:
    """A decoded body with every secret of `config` redacted (a server may echo the key it was sent)."""
    if config is None:
        return value
    from gladia._core.config import redact  # noqa: PLC0415

    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        return redact(str(value), config)
    if not any(secret in text for secret in config.secrets):
        return value
    try:
        return json.loads(redact(text, config))
    except (ValueError, RecursionError):
        return redact(text, config)


def error_from_response(response: httpx.Response, config: ClientConfig | None = None) -> APIError:
    """The typed error for an error answer (the body must have been read); secrets of `config` redacted."""
    from gladia._core.config import mask_url, redact  # noqa: PLC0415

    status = response.status_code
    body = _redacted(decode_body(response.content), config)
    if isinstance(body, str) and len(body) > _SHOWN_BODY:
        body = body[:_SHOWN_BODY] + "..."
    message, request_id, problems = _details(body)
    message = redact(message, config)
    problems = [redact(p, config) for p in problems]
    request_id = request_id_of(response) or request_id
    request = response.request
    cls = _ERROR_FOR_STATUS.get(status) or (InternalServerError if status >= 500 else UnexpectedResponseError)
    common: dict[str, Any] = {
        "status_code": status,
        "request_id": request_id,
        "body": body,
        "validation_errors": problems,
        "method": request.method,
        "url": mask_url(request.url, config),
    }
    if cls is RateLimitError:
        asked = parse_retry_after(response.headers.get("retry-after"))
        limited = RateLimitError(message, retry_after=asked, **common)
        limited.response = shown_response(response, config)
        return limited
    error = cls(message, **common)
    error.response = shown_response(response, config)
    return error


def shown_response(response: httpx.Response, config: ClientConfig | None) -> httpx.Response:
    """The answer as an error carries it (`error.response`): status, headers and read body, with every
    secret of `config` redacted from them and from its request (a server may echo the key back)."""
    if config is None or not config.secrets:
        return response
    from gladia._core.config import mask_url, redact  # noqa: PLC0415

    request = response.request
    seen = f"{response.headers.multi_items()!r}{request.url}{request.headers.multi_items()!r}"
    if not any(secret in seen or secret.encode() in response.content for secret in config.secrets):
        return response  # nothing to hide: the answer itself
    skip = {"content-encoding", "transfer-encoding", "content-length"}
    headers = [
        (name, redact(value, config)) for name, value in response.headers.multi_items() if name not in skip
    ]
    content = response.content
    if any(secret.encode() in content for secret in config.secrets):
        content = redact(content.decode("utf-8", errors="replace"), config).encode()
    shown_request = httpx.Request(
        request.method,
        mask_url(request.url, config),
        headers=[(name, redact(value, config)) for name, value in request.headers.multi_items()],
    )
    shown = httpx.Response(response.status_code, headers=headers, content=content, request=shown_request)
    shown.read()
    return shown


#: The headers that carry Gladia's id for a request, in the order they are read (Gladia's official SDKs
#: read `x-aipi-call-id`).
REQUEST_ID_HEADERS = ("x-aipi-call-id", "x-request-id", "request-id")


def request_id_of(response: httpx.Response) -> str | None:
    """Gladia's id for the request this answers, from its headers, or None."""
    for name in REQUEST_ID_HEADERS:
        value: str = response.headers.get(name, "").strip()
        if value:
            return value
    return None


def _details(body: Any) -> tuple[str, str | None, list[str]]:
    if not isinstance(body, dict):
        text = str(body).strip()
        return (text[:200] or "no details in the response"), None, []
    message = body.get("message") or body.get("error") or "no details in the response"
    if isinstance(message, list):  # some validation layers answer a list of messages
        message = "; ".join(map(str, message))
    message = str(message)
    if len(message) > _SHOWN_BODY:
        message = message[:_SHOWN_BODY] + "..."
    request_id = body.get("request_id")
    request_id = request_id.strip() if isinstance(request_id, str) and request_id.strip() else None
    problems = body.get("validation_errors") or []
    return (
        str(message),
        request_id,
        [str(p) for p in problems] if isinstance(problems, list) else [str(problems)],
    )


def parse_model(response: httpx.Response, model: type[M], config: ClientConfig | None = None) -> M:
    """The documented model of a successful answer, or UnexpectedResponseError saying what was wrong."""
    from gladia._core.config import mask_url, redact  # noqa: PLC0415

    body: Any
    problem: str | None
    try:
        body = json.loads(response.content)
    except RecursionError:
        body, problem = None, "its JSON is nested too deeply to read"
    except ValueError:
        text = response.content[:_SHOWN_BODY].decode("utf-8", errors="replace")
        body, problem = redact(text, config), "it is not JSON"
    else:
        problem = None
    try:
        if problem is None:
            if not isinstance(body, dict):
                raise TypeError("the body is not a JSON object")
            return model.from_dict(body)
    except RecursionError:
        problem = "it is nested too deeply to read"
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = f"{type(exc).__name__}: {redact(str(exc), config)[:300]}"
    request = response.request
    error = UnexpectedResponseError(
        f"the {response.status_code} answer is not a valid {model.__name__} ({problem})",
        status_code=response.status_code,
        request_id=request_id_of(response),
        body=None
        if isinstance(body, (dict, list)) and len(response.content) > 100_000
        else _redacted(body, config),
        method=request.method,
        url=mask_url(request.url, config),
    )
    error.response = shown_response(response, config)
    raise error from None


# --------------------------------------------------------------------------------------- downloads


def content_length(response: httpx.Response) -> int | None:
    try:
        value = int(response.headers.get("content-length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None


def download_deadline(response: httpx.Response) -> Deadline:
    """The deadline the download's request was sent with (its body must arrive by then too)."""
    plan = plan_of(response.request)
    return plan.deadline if plan is not None else NO_DEADLINE


def download_timeout(response: httpx.Response, config: ClientConfig) -> APITimeoutError:
    from gladia._core.config import mask_url  # noqa: PLC0415

    return APITimeoutError(
        "The download did not finish before its deadline (the client's timeout); the part received was "
        "discarded. Raise the client's timeout for large files",
        method=response.request.method,
        url=mask_url(response.request.url, config),
    )


def too_large_download(response: httpx.Response, config: ClientConfig, limit: int) -> ResponseTooLargeError:
    from gladia._core.config import mask_url  # noqa: PLC0415

    return ResponseTooLargeError(
        f"the audio is larger than {limit:,} bytes, too large to hold in memory; use download() to stream it "
        "to a file",
        limit=limit,
        status_code=response.status_code,
        method=response.request.method,
        url=mask_url(response.request.url, config),
    )
