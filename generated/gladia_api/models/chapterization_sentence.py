from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.word_dto import WordDTO


T = TypeVar("T", bound="ChapterizationSentence")

_KEYS = frozenset(
    {
        "sentence",
        "start",
        "end",
        "words",
    }
)


@_attrs_define
class ChapterizationSentence:
    """One sentence of a chapter, with its words."""

    sentence: str
    start: float
    end: float
    words: list[WordDTO]
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
        sentence = self.sentence

        start = self.start

        end = self.end

        words = []
        for words_item_data in self.words:
            words_item = words_item_data.to_dict()
            words.append(words_item)

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "sentence": sentence,
                "start": start,
                "end": end,
                "words": words,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        sentence = d["sentence"]

        start = d["start"]
        if start.__class__ is not float and start.__class__ is not int:
            start = parse_float(start, "start")

        end = d["end"]
        if end.__class__ is not float and end.__class__ is not int:
            end = parse_float(end, "end")

        words = parse_list(WordDTO.from_dicts, d["words"])

        chapterization_sentence = object.__new__(cls)
        chapterization_sentence.sentence = sentence
        chapterization_sentence.start = start
        chapterization_sentence.end = end
        chapterization_sentence.words = words

        chapterization_sentence._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return chapterization_sentence

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            sentence = d["sentence"]

            start = d["start"]
            if start.__class__ is not float and start.__class__ is not int:
                start = parse_float(start, "start")

            end = d["end"]
            if end.__class__ is not float and end.__class__ is not int:
                end = parse_float(end, "end")

            words = parse_list(WordDTO.from_dicts, d["words"])

            chapterization_sentence = new(cls)
            chapterization_sentence.sentence = sentence
            chapterization_sentence.start = start
            chapterization_sentence.end = end
            chapterization_sentence.words = words

            chapterization_sentence._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(chapterization_sentence)
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


from ..models.word_dto import WordDTO  # noqa: E402
