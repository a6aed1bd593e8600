"""Turning HTTP answers into models or typed errors."""

from __future__ import annotations

import json
from typing import Any, Protocol, TypeVar

import httpx

from gladia._retry import parse_retry_after
from gladia.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
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


def decode_body(content: bytes) -> Any:
    """The JSON value of a body, or its text when it is not JSON (a proxy's HTML page, say)."""
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", errors="replace")


def error_from_response(response: httpx.Response) -> APIError:
    """The typed error for an error answer (the body must have been read)."""
    status = response.status_code
    body = decode_body(response.content)
    message, request_id, problems = _details(body)
    request_id = request_id or response.headers.get("x-request-id")
    request = response.request
    cls = _ERROR_FOR_STATUS.get(status) or (InternalServerError if status >= 500 else UnexpectedResponseError)
    common: dict[str, Any] = {
        "status_code": status,
        "request_id": request_id,
        "body": body,
        "validation_errors": problems,
        "method": request.method,
        "url": str(request.url),
    }
    if cls is RateLimitError:
        return RateLimitError(
            message, retry_after=parse_retry_after(response.headers.get("retry-after")), **common
        )
    return cls(message, **common)


def _details(body: Any) -> tuple[str, str | None, list[str]]:
    if not isinstance(body, dict):
        text = str(body).strip()
        return (text[:200] or "no details in the response"), None, []
    message = body.get("message") or body.get("error") or "no details in the response"
    if isinstance(message, list):  # some validation layers answer a list of messages
        message = "; ".join(map(str, message))
    request_id = body.get("request_id")
    request_id = request_id.strip() if isinstance(request_id, str) and request_id.strip() else None
    problems = body.get("validation_errors") or []
    return (
        str(message),
        request_id,
        [str(p) for p in problems] if isinstance(problems, list) else [str(problems)],
    )


def parse_model(response: httpx.Response, model: type[M]) -> M:
    """The documented model of a successful answer, or UnexpectedResponseError saying what was wrong."""
    body = decode_body(response.content)
    try:
        if not isinstance(body, dict):
            raise TypeError("the body is not a JSON object")
        return model.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        request = response.request
        raise UnexpectedResponseError(
            f"the {response.status_code} answer is not a valid {model.__name__} ({type(exc).__name__}: {exc})",
            status_code=response.status_code,
            body=body,
            method=request.method,
            url=str(request.url),
        ) from None
