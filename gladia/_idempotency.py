"""Creating a job exactly once, even when the answer to the create request is lost.

A create request that fails ambiguously (a 5xx, a reset or a timeout once the request was sent) may or may
not have created the job. Repeating it blindly could create and bill a second job; giving up would abandon
a job that may exist. So every job the SDK creates carries a random request id in its `custom_metadata`;
after an ambiguous failure the SDK looks for that id among the newest jobs, uses the job if it is there, and
repeats the request only when it is not.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from gladia.errors import APIConnectionError, InternalServerError, UnexpectedResponseError

if TYPE_CHECKING:
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

#: The custom_metadata key that carries the SDK's request id (visible in the job's custom_metadata).
REQUEST_ID_KEY = "gladia_sdk_request_id"
#: Failures after which the job may or may not exist.
AMBIGUOUS_FAILURES = (InternalServerError, APIConnectionError, UnexpectedResponseError)


def tagged(body: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """The body with a fresh request id in its custom_metadata, and that id."""
    request_id = secrets.token_hex(12)
    metadata = dict(body.get("custom_metadata") or {})
    metadata[REQUEST_ID_KEY] = request_id
    return {**body, "custom_metadata": metadata}, request_id


def created_by(jobs: Iterable[PreRecordedResponse], request_id: str) -> PreRecordedResponse | None:
    """The job among `jobs` that the request with `request_id` created, if any."""
    for job in jobs:
        metadata = getattr(job.custom_metadata, "additional_properties", None) or {}
        if metadata.get(REQUEST_ID_KEY) == request_id:
            return job
    return None
