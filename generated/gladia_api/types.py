"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


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


def extras_key(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """How models compare the keys they do not declare: none kept and an empty dict are the same."""
    return value or None


def extras_repr(value: dict[str, Any] | None) -> str:
    return repr(value or {})


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "extras_key",
    "extras_repr",
    "parse_datetime",
]
