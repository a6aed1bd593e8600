"""The job list: its query (`offset`, `limit`, `status`, dates, custom metadata), filtering and page links.

Custom metadata filters come in the bracket form Gladia's own clients send (`custom_metadata[key]=value`)
or form-style (`key=value`: every query parameter that is not one of the named ones); either is a pair the
job's `custom_metadata` must hold.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from urllib.parse import urlencode

import attrs
from dateutil.parser import isoparse

from gladia.testing._errors import ApiError
from gladia.testing._store import Job

DEFAULT_LIMIT = 20
STATUSES = ("queued", "processing", "done", "error")
_DATES = ("date", "before_date", "after_date")


@attrs.frozen(kw_only=True)
class ListQuery:
    offset: int = 0
    limit: int = DEFAULT_LIMIT
    statuses: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    """The date filters as given (name, text), kept to rebuild page links."""
    metadata: tuple[tuple[str, str], ...] = ()

    def keeps(self, job: Job) -> bool:
        """Whether `job` passes every filter."""
        if self.statuses and job.status not in self.statuses:
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

    def link(self, base_url: str, offset: int) -> str:
        """The URL of the page starting at `offset`, with the same filters."""
        pairs = [("offset", str(offset)), ("limit", str(self.limit))]
        pairs += [("status", status) for status in self.statuses]
        pairs += list(self.dates) + list(self.metadata)
        return f"{base_url}/v2/pre-recorded?{urlencode(pairs)}"


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
    for name, value in items:
        if name == "offset":
            offset = _integer(name, value, 0, problems, offset)
        elif name == "limit":
            limit = _integer(name, value, 1, problems, limit)
        elif name == "status":
            if value in STATUSES:
                statuses.append(value)
            else:
                problems.append(f"status: {value!r} is not one of {', '.join(STATUSES)}")
        elif name in _DATES:
            try:
                isoparse(value)
            except (ValueError, OverflowError):
                problems.append(f"{name}: {value!r} is not an ISO 8601 date-time")
            else:
                dates.append((name, value))
        elif name.startswith("custom_metadata[") and name.endswith("]"):
            metadata.append((name[len("custom_metadata[") : -1], value))
        else:
            metadata.append((name, value))
    if problems:
        raise ApiError(400, "Invalid query parameters", validation_errors=problems)
    return ListQuery(
        offset=offset,
        limit=limit,
        statuses=tuple(dict.fromkeys(statuses)),
        dates=tuple(dates),
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
