"""Listings, for both APIs (jobs and live sessions): the filters of a list call, the paging rules, and what
the sync and async listings share. The listings themselves are in gladia/_core/pages_async.py (and its
generated sync twin, pages_sync.py).

The rules: a listing always ends. `next` must move forward (else the count received is used), an item
already listed is never listed again, and a page with no new item ends the listing (a server that
ignores `offset`, or whose `next` cycles). Metadata filters are sent in the bracket form Gladia's own
clients send (`custom_metadata[key]=value`), which can never collide with paging or another filter.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

import attrs

from gladia._core import constants as C
from gladia._core.log import logger
from gladia.errors import ValidationError

if TYPE_CHECKING:
    from gladia_api.models.job_status_enum import JobStatusEnum

DateArg = dt.datetime | dt.date | str | None


class Item(Protocol):
    id: Any


T = TypeVar("T", bound=Item)
P_co = TypeVar("P_co", covariant=True)
PageT = TypeVar("PageT")


class Answer(Protocol[P_co]):
    """A page as Gladia answers it (ListPreRecordedResponse, ListStreamingResponse)."""

    @property
    def items(self) -> Sequence[P_co]: ...

    @property
    def next_(self) -> str | None: ...


_LAST_PAGE = "this is the last page: check has_next_page() before next_page()"

#: list()'s keywords that gladiaio-sdk's `params` dict may give, with their defaults (`limit` is page_size).
_KEYWORDS: dict[str, Any] = {
    "status": None,
    "date": None,
    "before_date": None,
    "after_date": None,
    "custom_metadata": None,
    "page_size": C.LIST_PAGE_SIZE,
    "offset": 0,
}
_PARAMS = ("offset", "limit", "date", "before_date", "after_date", "status", "custom_metadata")


@attrs.frozen
class ListQuery:
    """A list call, checked: the generated endpoint's filters, the metadata pairs, the page size, where to
    start, and how many items at most."""

    filters: Mapping[str, Any]
    metadata: tuple[tuple[str, str], ...]
    page_size: int
    offset: int
    max_items: int | None


def list_query(
    params: object,
    *,
    status: str | JobStatusEnum | Iterable[str | JobStatusEnum] | None = None,
    date: DateArg = None,
    before_date: DateArg = None,
    after_date: DateArg = None,
    custom_metadata: Mapping[str, Any] | None = None,
    page_size: int = C.LIST_PAGE_SIZE,
    offset: int = 0,
    max_items: int | None = None,
) -> ListQuery:
    """A list call's keywords, with gladiaio-sdk's `params` dict merged in, checked before anything is sent.

    A key of `params` is checked as its keyword is; an unknown one, or one also given as a keyword, is
    refused; a None value is no filter, as there.
    """
    keywords = {
        "status": status,
        "date": date,
        "before_date": before_date,
        "after_date": after_date,
        "custom_metadata": custom_metadata,
        "page_size": page_size,
        "offset": offset,
    }
    values = dict(keywords)
    if params is not None:
        if not isinstance(params, Mapping):
            raise ValidationError(
                f"params must be a dict of list filters ({', '.join(_PARAMS)}), got {type(params).__name__}"
            )
        for key, value in params.items():
            if key == "url":
                raise ValidationError(
                    "params['url'] (gladiaio-sdk's pagination link) is not taken: iterate the listing, which "
                    "fetches every page, or resume from a saved page with list(offset=page.next_offset)"
                )
            if key not in _PARAMS:
                import difflib  # noqa: PLC0415  (only to word this error)

                close = difflib.get_close_matches(str(key), _PARAMS, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValidationError(
                    f"list() params: unknown key {key!r}{hint}; the keys are {', '.join(_PARAMS)}"
                )
            if value is None:
                continue
            name = "page_size" if key == "limit" else key
            if keywords[name] != _KEYWORDS[name]:
                raise ValidationError(f"list(): {key!r} is given both in params and as {name}=; give it once")
            values[name] = value
    filters: dict[str, Any] = {}
    if values["status"] is not None:
        filters["status"] = _statuses(values["status"])
    for name in ("date", "before_date", "after_date"):
        if values[name] is not None:
            filters[name] = _as_datetime(name, values[name])
    return ListQuery(
        filters=filters,
        metadata=metadata_filter(values["custom_metadata"]),
        page_size=_whole(values["page_size"], "page_size", 1),
        offset=_whole(values["offset"], "offset", 0),
        max_items=None if max_items is None else _whole(max_items, "max_items", 0),
    )


def _statuses(status: object) -> builtins.list[JobStatusEnum]:
    from gladia_api.models import JobStatusEnum  # noqa: PLC0415  (keeps `import gladia` light)

    wanted = [status] if isinstance(status, str) else builtins.list(status)  # type: ignore[call-overload]
    known = {s.value for s in JobStatusEnum}
    unknown = [s for s in wanted if str(getattr(s, "value", s)) not in known]
    if unknown:
        raise ValidationError(f"status {unknown[0]!r} is not one of {', '.join(sorted(known))}")
    return [JobStatusEnum(str(getattr(s, "value", s))) for s in wanted]


def metadata_filter(custom_metadata: object) -> tuple[tuple[str, str], ...]:
    """The query pairs that ask for items whose custom metadata holds these key/value pairs."""
    if custom_metadata is None:
        return ()
    if not isinstance(custom_metadata, Mapping):
        raise ValidationError("custom_metadata must be a dict of the key/value pairs to match")
    pairs: list[tuple[str, str]] = []
    for key, value in custom_metadata.items():
        if not isinstance(key, str) or not key:
            raise ValidationError(f"custom_metadata keys must be non-empty strings, got {key!r}")
        if value is None or isinstance(value, (dict, list, tuple, set)):
            raise ValidationError(
                f"custom_metadata[{key!r}] must be a string, number or boolean to filter on, got "
                f"{type(value).__name__}"
            )
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        pairs.append((f"custom_metadata[{key}]", text))
    return tuple(pairs)


def _as_datetime(name: str, value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        from gladia_api.types import parse_datetime  # noqa: PLC0415

        try:
            return parse_datetime(value)
        except (ValueError, OverflowError):
            pass
    raise ValidationError(f"{name} must be a datetime, a date or an ISO 8601 string, got {value!r}")


def _whole(value: object, name: str, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValidationError(f"{name} must be a whole number >= {least}, got {value!r}")
    return value


def next_offset(page: Answer[Any], offset: int) -> int | None:
    """Where the page after `page` (which started at `offset`) starts, or None after the last page. It
    always moves forward: a `next` that does not advance is replaced by the count received."""
    if not page.items or not page.next_:
        return None
    following = offset + len(page.items)
    # Gladia has sent `next` wrapped in <...>; read its offset, or count what was received.
    try:
        query = parse_qs(urlsplit(str(page.next_).strip().strip("<>")).query)
        announced = int(query["offset"][0])
    except (KeyError, ValueError, IndexError, TypeError):
        return following
    return announced if announced > offset else following


class Pager(Generic[T]):
    """The paging state of one listing: what was listed already, and where the next page starts."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def fresh(self, page: Answer[T], offset: int) -> tuple[builtins.list[T], int | None]:
        """The items of `page` not listed before, and where the next page starts (None: the end)."""
        items = [item for item in page.items if str(item.id) not in self._seen]
        if page.items and not items:
            logger.warning("the list sent a page of items already listed; stopping the listing there")
            return items, None
        self._seen.update(str(item.id) for item in items)
        return items, next_offset(page, offset)


class PageBase(Generic[T]):
    """One page of a listing.

    Attributes:
        items: its items, newest first (an item listed on an earlier page of this listing is left out).
        offset: where it starts in the list.
        next_offset: where the next page starts, or None after the last page.
    """

    def __init__(self, items: builtins.list[T], offset: int, next_offset: int | None) -> None:
        self.items = items
        self.offset = offset
        self.next_offset = next_offset

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self.next_offset is not None

    def _following(self) -> int:
        if self.next_offset is None:
            raise RuntimeError(_LAST_PAGE)
        return self.next_offset

    def __iter__(self) -> Any:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} offset={self.offset} items={len(self.items)} next_offset={self.next_offset}>"


def limited(max_items: int | None, yielded: int) -> bool:
    """Whether a listing that yielded `yielded` items has reached its `max_items`."""
    return max_items is not None and yielded >= max_items


class ListingBase(Generic[T, PageT]):
    """What only the sync listing has: `.items`, its first page's items (gladiaio-sdk's `list(params)`)."""

    _items: builtins.list[T] | None
    _prefetch: Callable[[], Any]

    @property
    def items(self) -> builtins.list[T]:
        """The items of the listing's first page (fetched on first use, once; max_items does not apply)."""
        if self._items is None:
            self._prefetch()
        assert self._items is not None
        return self._items


class AsyncListingBase(Generic[T, PageT]):
    """What only the async listing has: `await listing`, its first page (as openai-python's AsyncPaginator
    and gladiaio-sdk's awaited `list(params)`), fetched once."""

    _first: PageT | None
    _first_page: Callable[[], Awaitable[PageT]]

    def __await__(self) -> Generator[Any, None, PageT]:
        return self._first_fetched().__await__()

    async def _first_fetched(self) -> PageT:
        # A page of its own, not the iteration's: following it with next_page() must not make the
        # iteration see its items as already listed.
        if self._first is None:
            self._first = await self._first_page()
        return self._first
