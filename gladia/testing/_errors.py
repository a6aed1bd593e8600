"""Gladia's error bodies: `{timestamp, path, request_id, statusCode, message}`, plus `validation_errors` on 400/422."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.responses import JSONResponse

#: Where the gateway keeps the path as the client spelled it, before mapping it to its route's spelling.
ORIGINAL_PATH = "gladia.original_path"
#: Set in the scope when the request came by the older `/v2/transcription` prefix.
VIA_ALIAS = "gladia.via_alias"
#: The API key a request was accepted with: its account, which owns what the request makes and may see.
OWNER = "gladia.owner"

# The statuses whose schema in the spec carries `validation_errors`.
_WITH_VALIDATION_ERRORS = frozenset({400, 422})


class ApiError(Exception):
    """Raised by a handler to answer with Gladia's error body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        validation_errors: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.validation_errors = list(validation_errors) if validation_errors is not None else None
        self.headers = dict(headers or {})


def utc_timestamp(moment: datetime.datetime | None = None) -> str:
    """ISO 8601 in UTC with milliseconds and a `Z`, as Gladia writes times."""
    moment = moment or datetime.datetime.now(datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_request_id() -> str:
    return "G-" + secrets.token_hex(4)


def error_body(
    status: int, message: str, path: str, validation_errors: Sequence[str] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "timestamp": utc_timestamp(),
        "path": path,
        "request_id": new_request_id(),
        "statusCode": status,
        "message": message,
    }
    if validation_errors is not None and status in _WITH_VALIDATION_ERRORS:
        body["validation_errors"] = list(validation_errors)
    return body


def error_response(path: str, error: ApiError) -> JSONResponse:
    """The response for `error` on a request to `path` (with its query string)."""
    return JSONResponse(
        error_body(error.status, error.message, path, error.validation_errors),
        status_code=error.status,
        headers=error.headers,
    )


def path_with_query(scope: Mapping[str, Any]) -> str:
    """The request path with its query string, as Gladia echoes it in error bodies."""
    query = scope.get("query_string", b"").decode("latin-1")
    path: str = scope.get(ORIGINAL_PATH) or scope["path"]
    return path + (f"?{query}" if query else "")
