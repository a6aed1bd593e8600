"""Checking a job id before it becomes part of a URL."""

from __future__ import annotations

import re
import uuid

from gladia.errors import InvalidJobIdError

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EXAMPLE = "45463597-20b7-4af7-b3b3-f5fb778203ab"


def check_job_id(job_id: object) -> str:
    """The job id as a string, or InvalidJobIdError saying why it cannot be one.

    Gladia job ids are UUIDs; anything else (a path, a URL, a query) could address another endpoint
    once placed in a URL, so it is refused before any request.
    """
    if isinstance(job_id, uuid.UUID):
        return str(job_id)
    if not isinstance(job_id, str):
        hint = " (pass its .id)" if hasattr(job_id, "id") else ""
        raise InvalidJobIdError(f"A job id must be a string, got {type(job_id).__name__}{hint}")
    if not job_id.strip():
        raise InvalidJobIdError("The job id is empty: pass the id returned by create() or transcribe()")
    if any(ch in job_id for ch in "/?#\\%") or ".." in job_id or any(ch.isspace() for ch in job_id):
        raise InvalidJobIdError(
            f"{job_id!r} is not a job id: it contains characters of a path or URL; pass only the id, e.g. {_EXAMPLE!r}"
        )
    if not _UUID.fullmatch(job_id):
        raise InvalidJobIdError(f"{job_id!r} is not a Gladia job id; job ids are UUIDs such as {_EXAMPLE!r}")
    return job_id
