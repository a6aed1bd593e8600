from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.streaming_response import StreamingResponse


T = TypeVar("T", bound="ListStreamingResponse")

_KEYS = frozenset(
    {
        "first",
        "current",
        "next",
        "items",
    }
)


@_attrs_define
class ListStreamingResponse:
    """One page of live sessions, newest first, with links to the first, current and next pages."""

    first: str
    current: str
    next_: None | str
    items: list[StreamingResponse]
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
        first = self.first

        current = self.current

        next_: None | str
        next_ = self.next_

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "first": first,
                "current": current,
                "next": next_,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        first = d["first"]

        current = d["current"]

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d["next"])

        items = parse_list(StreamingResponse.from_dicts, d["items"])

        list_streaming_response = object.__new__(cls)
        list_streaming_response.first = first
        list_streaming_response.current = current
        list_streaming_response.next_ = next_
        list_streaming_response.items = items

        list_streaming_response._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return list_streaming_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            first = d["first"]

            current = d["current"]

            def _parse_next_(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            next_ = _parse_next_(d["next"])

            items = parse_list(StreamingResponse.from_dicts, d["items"])

            list_streaming_response = new(cls)
            list_streaming_response.first = first
            list_streaming_response.current = current
            list_streaming_response.next_ = next_
            list_streaming_response.items = items

            list_streaming_response._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(list_streaming_response)
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


from ..models.streaming_response import StreamingResponse  # noqa: E402
