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

T = TypeVar("T", bound="WordDTO")

_KEYS = frozenset(
    {
        "word",
        "start",
        "end",
        "confidence",
    }
)


@_attrs_define
class WordDTO:
    word: str
    """ The word """
    start: float
    """ Start time in seconds. """
    end: float
    """ End time in seconds. """
    confidence: float
    """ How sure the model is """
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
        word = self.word

        start = self.start

        end = self.end

        confidence = self.confidence

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "word": word,
                "start": start,
                "end": end,
                "confidence": confidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        word = d["word"]

        start = d["start"]
        if start.__class__ is not float and start.__class__ is not int:
            start = parse_float(start, "start")

        end = d["end"]
        if end.__class__ is not float and end.__class__ is not int:
            end = parse_float(end, "end")

        confidence = d["confidence"]
        if confidence.__class__ is not float and confidence.__class__ is not int:
            confidence = parse_float(confidence, "confidence")

        word_dto = object.__new__(cls)
        word_dto.word = word
        word_dto.start = start
        word_dto.end = end
        word_dto.confidence = confidence

        word_dto._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return word_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            word = d["word"]

            start = d["start"]
            if start.__class__ is not float and start.__class__ is not int:
                start = parse_float(start, "start")

            end = d["end"]
            if end.__class__ is not float and end.__class__ is not int:
                end = parse_float(end, "end")

            confidence = d["confidence"]
            if confidence.__class__ is not float and confidence.__class__ is not int:
                confidence = parse_float(confidence, "confidence")

            word_dto = new(cls)
            word_dto.word = word
            word_dto.start = start
            word_dto.end = end
            word_dto.confidence = confidence

            word_dto._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(word_dto)
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
