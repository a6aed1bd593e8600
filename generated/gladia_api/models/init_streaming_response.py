from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_datetime,
)

T = TypeVar("T", bound="InitStreamingResponse")

_KEYS = frozenset(
    {
        "id",
        "created_at",
        "url",
    }
)


@_attrs_define
class InitStreamingResponse:
    """A new live session: stream its audio to `url`."""

    id: str
    """ The session's id. """
    created_at: datetime.datetime
    """ When the session was created. """
    url: str
    """ The WebSocket URL to stream to; it carries a token, so the socket needs no API key. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key, repr=extras_repr
    )

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The keys of the payload this model does not declare, as they came."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional_properties = value

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        url = self.url

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        created_at = parse_datetime(d["created_at"])

        url = d["url"]

        init_streaming_response = object.__new__(cls)
        init_streaming_response.id = id
        init_streaming_response.created_at = created_at
        init_streaming_response.url = url

        init_streaming_response._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return init_streaming_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            created_at = parse_datetime(d["created_at"])

            url = d["url"]

            init_streaming_response = new(cls)
            init_streaming_response.id = id
            init_streaming_response.created_at = created_at
            init_streaming_response.url = url

            init_streaming_response._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(init_streaming_response)
        return built

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
