"""Contains some shared types for properties"""

import datetime
import gc
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        # Unpickled as the one UNSET, so a model that crossed a process still holds it.
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def parse_float(value: Any, where: str) -> float:
    """A number field's value as a number: a numeric string is converted (an int stays as JSON sent it).

    Called only when the value is not already a float (generated code checks first, so a long transcript's
    words cost no call). A field never holds another type than it declares: user arithmetic on it works.

    Raises:
        ValueError: the value is not a number (booleans are not numbers here).
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{where}: expected a number, got {value!r}")


def parse_int(value: Any, where: str) -> int:
    """A whole-number field's value as the int it declares: a whole float or a numeric string is converted.

    Raises:
        ValueError: the value is not a whole number.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                number = 0.5
            if number.is_integer():
                return int(number)
    raise ValueError(f"{where}: expected a whole number, got {value!r}")


def parse_datetime(value: str) -> datetime.datetime:
    """An ISO 8601 date-time, such as Gladia's "2024-01-01T00:00:00.000Z".

    The standard library's parser comes first (since Python 3.11 it reads every form Gladia sends, and fast);
    dateutil, imported only when needed, reads what it refuses (on Python 3.10, the "Z" suffix).
    """
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        from dateutil.parser import isoparse  # noqa: PLC0415

        return isoparse(value)


M = TypeVar("M")


def parse_list(build: Callable[[Iterable[Any]], list[M]], items: Iterable[Any]) -> list[M]:
    """`build(items)` (a model's from_dicts), with the garbage collector paused while the list is built.

    Building a tree of new objects makes no reference cycles, so a collection in the middle of it can free
    nothing it builds; yet the 40,000 words of a 4-hour transcript would start some sixty, each walking
    every object made since the last one. The collector is back on as soon as the list is built (unless
    it was already off), and collects as usual from then on.
    """
    if not gc.isenabled():
        return build(items)
    gc.disable()
    try:
        return build(items)
    finally:
        gc.enable()


class Lazy(Generic[M]):
    """A list of models read from its JSON on first access (a schema's `x-lazy` lists, such as each
    utterance's words): parsing a long transcript then builds only what is read. The JSON list is kept as
    it came until then; a model holding one reads through it for its property, equality, repr and to_dict().
    """

    __slots__ = ("_build", "_items", "_value")

    def __init__(self, build: Callable[[Iterable[Any]], list[M]], items: Iterable[Any]) -> None:
        self._build = build
        self._items: Iterable[Any] | None = items
        self._value: list[M] | None = None

    def load(self) -> list[M]:
        value = self._value
        if value is None:
            value = self._value = parse_list(self._build, self._items or ())
            self._items = None
        return value

    def __repr__(self) -> str:
        return repr(self.load())


def lazy_key(value: Any) -> Any:
    """How models compare a field that may still be a Lazy: by its models."""
    return value.load() if type(value) is Lazy else value


def lazy_repr(value: Any) -> str:
    return repr(lazy_key(value))


def extras_key(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """How models compare the keys they do not declare: none kept and an empty dict are the same."""
    return value or None


def extras_repr(value: dict[str, Any] | None) -> str:
    return repr(value or {})


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "Lazy",
    "RequestFiles",
    "Response",
    "Unset",
    "extras_key",
    "extras_repr",
    "lazy_key",
    "lazy_repr",
    "parse_datetime",
    "parse_list",
]
