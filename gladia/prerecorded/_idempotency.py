"""Creating a job exactly once, even when the answer to the create request is lost.

A create request that fails ambiguously (a 5xx, a reset or a timeout once the request was sent, an answer
that cannot be read) may or may not have created the job. Repeating it blindly could create and bill a
second job; giving up would abandon a job that may exist. So every job the SDK creates carries a random
tag in its `custom_metadata` (and the same value as an `Idempotency-Key` header, for servers that honour
one). After an ambiguous failure the SDK looks for the tag, with the filter form Gladia's own clients send
(`custom_metadata[KEY]=VALUE`), checking every job itself (a server may ignore the filter) and reading at
most a bounded number of pages back to the first attempt's time (less a day, so a server clock that is
off cannot hide the job), and looks again over a few seconds (a list may show a new job late). It uses the job if found, repeats the request (within the call's retry budget) only if
not, and raises JobMayExistError, with the tag, when it cannot tell.

The decisions are pure functions here; the clients (gladia/prerecorded/_client_async.py) do the I/O.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from gladia._core import constants as C
from gladia._core.request import REQUEST_ID_KEY
from gladia._core.retry import not_sent
from gladia.errors import APIConnectionError, APIError, GladiaError, JobMayExistError, ValidationError

if TYPE_CHECKING:
    from gladia_api.models.pre_recorded_response import PreRecordedResponse


# Answers that prove the server refused the request, so no job was made: client errors, except a
# request timeout (408) and a conflict (409, which an idempotency key in use may cause).
_NOT_CREATED_STATUSES = frozenset(range(400, 500)) - {408, 409}


def tagged(body: Mapping[str, Any], key: str | None = None) -> tuple[dict[str, Any], str]:
    """The body with a tag in its custom_metadata (the caller's idempotency key, else a fresh one), and
    that tag."""
    request_id = secrets.token_hex(12) if key is None else key
    metadata = dict(body.get("custom_metadata") or {})
    metadata[REQUEST_ID_KEY] = request_id
    return {**body, "custom_metadata": metadata}, request_id


def may_have_created(error: GladiaError) -> bool:
    """Whether a failed create may still have created the job (so it must be looked for, not repeated)."""
    if isinstance(error, APIError):
        return error.status_code not in _NOT_CREATED_STATUSES
    if isinstance(error, APIConnectionError):
        cause = error.__cause__
        return not (isinstance(cause, httpx.HTTPError) and not_sent(cause))
    return False


def lookup_query(tag: str) -> dict[str, str]:
    """The list query of a lookup: the tag, in the bracket form. No date filter: the server's clock may
    disagree with ours, and a date filter it honours would then hide the very job looked for."""
    return {f"custom_metadata[{REQUEST_ID_KEY}]": tag}


def created_by(jobs: Iterable[PreRecordedResponse], request_id: str) -> PreRecordedResponse | None:
    """The job among `jobs` that the request with `request_id` created, if any."""
    for job in jobs:
        metadata = getattr(job.custom_metadata, "additional_properties", None) or {}
        if metadata.get(REQUEST_ID_KEY) == request_id:
            return job
    return None


def older_than_cutoff(jobs: Iterable[PreRecordedResponse], since: dt.datetime) -> bool:
    """Whether the page (newest first) reached jobs too old to be the one looked for, whatever the server's
    clock says (RECONCILE_CLOCK_SKEW is wide): scanning a list that ignores the filter may stop there."""
    cutoff = since - dt.timedelta(seconds=C.RECONCILE_CLOCK_SKEW)
    for job in jobs:
        created = getattr(job, "created_at", None)
        if isinstance(created, dt.datetime):
            if created.tzinfo is None:
                created = created.replace(tzinfo=dt.timezone.utc)
            if created < cutoff:
                return True
    return False


class CannotTell(Exception):
    """The lookup could not decide whether the job exists."""


def may_exist(tag: str, error: GladiaError | None, why: BaseException) -> JobMayExistError:
    """The error to raise when the lookup after `error` (None: before creating, for an idempotency key)
    could not decide (`why`)."""
    if error is None:
        return JobMayExistError(
            REQUEST_ID_KEY,
            tag,
            f"before creating it, looking for a job made earlier with this idempotency key could not finish: "
            f"{_short(why)}",
        )
    return JobMayExistError(
        REQUEST_ID_KEY, tag, f"{_short(error)}; then looking for the job failed: {_short(why)}"
    )


def check_idempotency_key(key: object) -> str | None:
    """The caller's idempotency key, checked: it becomes a custom_metadata value and a header."""
    if key is None:
        return None
    if not isinstance(key, str) or not 1 <= len(key) <= 255 or not key.isascii() or not key.isprintable():
        raise ValidationError(
            f"idempotency_key must be 1 to 255 printable ASCII characters (e.g. uuid.uuid4().hex), got {key!r}"
        )
    return key


def _short(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text[:300]}" if text else type(error).__name__
