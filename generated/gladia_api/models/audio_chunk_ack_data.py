from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
    parse_int,
)

T = TypeVar("T", bound="AudioChunkAckData")

_KEYS = frozenset(
    {
        "byte_range",
        "time_range",
    }
)


@_attrs_define
class AudioChunkAckData:
    """Which audio an acknowledgment covers."""

    byte_range: list[int]
    """ [first, end) byte offsets of the audio acknowledged, counted from the session's first byte. """
    time_range: list[float]
    """ [start, end) of the audio acknowledged, in seconds from the session's start. """
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
        byte_range = self.byte_range

        time_range = self.time_range

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "byte_range": byte_range,
                "time_range": time_range,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        byte_range = []
        _byte_range = d["byte_range"]
        for byte_range_item_data in _byte_range:
            byte_range_item = byte_range_item_data
            if byte_range_item.__class__ is not int:
                byte_range_item = parse_int(byte_range_item, "byte_range_item")

            byte_range.append(byte_range_item)

        time_range = []
        _time_range = d["time_range"]
        for time_range_item_data in _time_range:
            time_range_item = time_range_item_data
            if time_range_item.__class__ is not float and time_range_item.__class__ is not int:
                time_range_item = parse_float(time_range_item, "time_range_item")

            time_range.append(time_range_item)

        audio_chunk_ack_data = object.__new__(cls)
        audio_chunk_ack_data.byte_range = byte_range
        audio_chunk_ack_data.time_range = time_range

        audio_chunk_ack_data._additional_properties = (
            None if len(d) == 2 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return audio_chunk_ack_data

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            byte_range = []
            _byte_range = d["byte_range"]
            for byte_range_item_data in _byte_range:
                byte_range_item = byte_range_item_data
                if byte_range_item.__class__ is not int:
                    byte_range_item = parse_int(byte_range_item, "byte_range_item")

                byte_range.append(byte_range_item)

            time_range = []
            _time_range = d["time_range"]
            for time_range_item_data in _time_range:
                time_range_item = time_range_item_data
                if time_range_item.__class__ is not float and time_range_item.__class__ is not int:
                    time_range_item = parse_float(time_range_item, "time_range_item")

                time_range.append(time_range_item)

            audio_chunk_ack_data = new(cls)
            audio_chunk_ack_data.byte_range = byte_range
            audio_chunk_ack_data.time_range = time_range

            audio_chunk_ack_data._additional_properties = (
                None if len(d) == 2 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(audio_chunk_ack_data)
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
