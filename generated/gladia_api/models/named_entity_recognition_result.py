from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
)

T = TypeVar("T", bound="NamedEntityRecognitionResult")

_KEYS = frozenset(
    {
        "entity_type",
        "text",
        "start",
        "end",
    }
)


@_attrs_define
class NamedEntityRecognitionResult:
    entity_type: str
    """ The kind of entity """
    text: str
    """ The entity as written in the transcript. """
    start: float
    """ Start time in seconds. """
    end: float
    """ End time in seconds. """
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
        entity_type = self.entity_type

        text = self.text

        start = self.start

        end = self.end

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "entity_type": entity_type,
                "text": text,
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        entity_type = d["entity_type"]

        text = d["text"]

        start = d["start"]
        if start.__class__ is not float and start.__class__ is not int:
            start = parse_float(start, "start")

        end = d["end"]
        if end.__class__ is not float and end.__class__ is not int:
            end = parse_float(end, "end")

        named_entity_recognition_result = object.__new__(cls)
        named_entity_recognition_result.entity_type = entity_type
        named_entity_recognition_result.text = text
        named_entity_recognition_result.start = start
        named_entity_recognition_result.end = end

        named_entity_recognition_result._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return named_entity_recognition_result

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            entity_type = d["entity_type"]

            text = d["text"]

            start = d["start"]
            if start.__class__ is not float and start.__class__ is not int:
                start = parse_float(start, "start")

            end = d["end"]
            if end.__class__ is not float and end.__class__ is not int:
                end = parse_float(end, "end")

            named_entity_recognition_result = new(cls)
            named_entity_recognition_result.entity_type = entity_type
            named_entity_recognition_result.text = text
            named_entity_recognition_result.start = start
            named_entity_recognition_result.end = end

            named_entity_recognition_result._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(named_entity_recognition_result)
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
