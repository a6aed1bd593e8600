"""Which API operation an HTTP request is: decides its timeouts and whether it may be repeated."""

from __future__ import annotations

import enum
import re


class Operation(enum.Enum):
    UPLOAD = "upload"
    CREATE = "create"
    LIST = "list"
    GET = "get"
    DELETE = "delete"
    DOWNLOAD = "download"
    UPDATE = "update"
    OTHER = "other"


_JOB = r"/v2/(?:pre-recorded|transcription)/[^/]+"
_PATTERNS = (
    ("POST", re.compile(r"/v2/upload/?"), Operation.UPLOAD),
    ("POST", re.compile(r"/v2/(?:pre-recorded|transcription)/?"), Operation.CREATE),
    ("GET", re.compile(r"/v2/(?:pre-recorded|transcription)/?"), Operation.LIST),
    ("GET", re.compile(_JOB + r"/file/?"), Operation.DOWNLOAD),
    ("GET", re.compile(_JOB + r"/?"), Operation.GET),
    ("DELETE", re.compile(_JOB + r"/?"), Operation.DELETE),
    # Live sessions: creating one is not idempotent, as a job; reading, listing, downloading, updating and
    # deleting them are as safe to repeat as for jobs.
    ("POST", re.compile(r"/v2/live/?"), Operation.CREATE),
    ("PATCH", re.compile(r"/v2/live/[^/]+/?"), Operation.UPDATE),
    ("GET", re.compile(r"/v2/live/?"), Operation.LIST),
    ("GET", re.compile(r"/v2/live/[^/]+/file/?"), Operation.DOWNLOAD),
    ("GET", re.compile(r"/v2/live/[^/]+/?"), Operation.GET),
    ("DELETE", re.compile(r"/v2/live/[^/]+/?"), Operation.DELETE),
)


def operation_of(method: str, path: str, prefix: str = "") -> Operation:
    """The operation of `method path`, where `prefix` is the path part of the configured api_url."""
    if prefix and path.startswith(prefix):
        path = path[len(prefix) :]
    for verb, pattern, operation in _PATTERNS:
        if method == verb and pattern.fullmatch(path):
            return operation
    return Operation.OTHER


# Operations that change nothing when repeated, so any failure may be retried. An upload repeated
# after an ambiguous failure only leaves an unused copy of the file behind.
IDEMPOTENT = frozenset(
    {Operation.UPLOAD, Operation.LIST, Operation.GET, Operation.DELETE, Operation.DOWNLOAD, Operation.UPDATE}
)
