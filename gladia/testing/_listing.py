"""The job list: its query (`offset`, `limit`, `status`, dates, custom metadata), filtering, page links and items.

A custom metadata filter is `custom_metadata[KEY]=VALUE`, as Gladia's official SDKs send it. A query
parameter the list does not know is read as a plain `KEY=VALUE` metadata filter too (the form the spec once
declared), so a misspelled parameter narrows the list instead of being ignored. `kind` (`pre-recorded` or
`live`, as Gladia's document lists it for `/v2/transcription`) is a filter too; every emulator job is
pre-recorded. A named filter sent empty (`status=&date=`, as Gladia's CLI does) is no filter.

Page links and items follow Gladia's list example: links are absolute URLs under the older
`/v2/transcription` path, and an item is the job without its transcript: `result` keeps only `metadata`,
`request_params` only the model and language settings.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

import attrs
from dateutil.parser import isoparse

from gladia.testing._errors import ApiError
from gladia.testing._routes import ALIAS_PREFIX
from gladia.testing._store import Job

DEFAULT_LIMIT = 20
STATUSES = ("queued", "processing", "done", "error")
KINDS = ("pre-recorded", "live")
_DATES = ("date", "before_date", "after_date")
_NAMED = frozenset({"offset", "limit", "status", "kind", *_DATES})
_METADATA = re.compile(r"custom_metadata\[(.+)\]")
# What a list item keeps of a job's `request_params` and `result` (Gladia's list example).
_ITEM_PARAMS = ("model", "detect_language", "language_config")
_ITEM_RESULT = ("metadata",)


@attrs.frozen(kw_only=True)
class ListQuery:
    offset: int = 0
    limit: int = DEFAULT_LIMIT
    statuses: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    """The date filters as given (name, text), kept to rebuild page links."""
    metadata: tuple[tuple[str, str], ...] = ()
    kinds: tuple[str, ...] = ()

    def keeps(self, job: Job) -> bool:
        """Whether `job` passes every filter."""
        if self.statuses and job.status not in self.statuses:
            return False
        if self.kinds and "pre-recorded" not in self.kinds:
            return False
        created = job.created_at
        for name, text in self.dates:
            moment = _utc(isoparse(text))
            if name == "date" and created.date() != moment.date():
                return False
            if name == "before_date" and not created < moment:
                return False
            if name == "after_date" and not created > moment:
                return False
        metadata = job.custom_metadata or {}
        return all(key in metadata and _as_text(metadata[key]) == value for key, value in self.metadata)

    def link(self, base_url: str, offset: int, path: str = ALIAS_PREFIX) -> str:
        """The URL of the page starting at `offset`, with the same filters (pre-recorded lists link to the
        older `/v2/transcription` path, as Gladia's do; a live list passes its own)."""
        pairs = [("status", status) for status in self.statuses]
        pairs += [("kind", kind) for kind in self.kinds]
        pairs += list(self.dates)
        pairs += [(f"custom_metadata[{key}]", value) for key, value in self.metadata]
        pairs += [("offset", str(offset)), ("limit", str(self.limit))]
        return f"{base_url}{path}?{urlencode(pairs)}"


def list_item(job: dict[str, Any]) -> dict[str, Any]:
    """A job as a list item carries it: without its transcript and add-ons."""
    item = dict(job)
    params, result = job.get("request_params"), job.get("result")
    if isinstance(params, dict):
        item["request_params"] = {k: params[k] for k in _ITEM_PARAMS if k in params}
    if isinstance(result, dict):
        item["result"] = {k: result[k] for k in _ITEM_RESULT if k in result}
    return item


def parse_query(items: Sequence[tuple[str, str]]) -> ListQuery:
    """The list query of a request's query parameters.

    Raises:
        ApiError: 400 naming every invalid parameter.
    """
    problems: list[str] = []
    offset, limit = 0, DEFAULT_LIMIT
    statuses: list[str] = []
    dates: list[tuple[str, str]] = []
    metadata: list[tuple[str, str]] = []
    kinds: list[str] = []
    for name, value in items:
        if value == "" and name in _NAMED:
            continue
        if name == "offset":
            offset = _integer(name, value, 0, problems, offset)
        elif name == "limit":
            limit = _integer(name, value, 1, problems, limit)
        elif name == "status":
            if value in STATUSES:
                statuses.append(value)
            else:
                problems.append(f"status: {value!r} is not one of {', '.join(STATUSES)}")
        elif name == "kind":
            if value in KINDS:
                kinds.append(value)
            else:
                problems.append(f"kind: {value!r} is not one of {', '.join(KINDS)}")
        elif name in _DATES:
            try:
                isoparse(value)
            except (ValueError, OverflowError):
                problems.append(f"{name}: {value!r} is not an ISO 8601 date-time")
            else:
                dates.append((name, value))
        elif (bracketed := _METADATA.fullmatch(name)) is not None:
            metadata.append((bracketed.group(1), value))
        else:
            metadata.append((name, value))
    if problems:
        raise ApiError(400, "Invalid query parameters", validation_errors=problems)
    return ListQuery(
        offset=offset,
        limit=limit,
        statuses=tuple(dict.fromkeys(statuses)),
        dates=tuple(dates),
        kinds=tuple(dict.fromkeys(kinds)),
        metadata=tuple(metadata),
    )


def _integer(name: str, value: str, lowest: int, problems: list[str], fallback: int) -> int:
    try:
        number = int(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a whole number")
        return fallback
    if number < lowest:
        problems.append(f"{name}: must be {lowest} or more, got {number}")
        return fallback
    return number


def _utc(moment: datetime.datetime) -> datetime.datetime:
    # A date-time without an offset is read as UTC, as the server's clock is.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc)


def _as_text(value: object) -> str:
    # Query values are text: compare a number or boolean by its JSON spelling (42, true).
    return value if isinstance(value, str) else json.dumps(value)
