from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_float,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.chapterization_sentence import ChapterizationSentence


T = TypeVar("T", bound="PostChapterizationResult")

_KEYS = frozenset(
    {
        "headline",
        "gist",
        "keywords",
        "start",
        "end",
        "sentences",
        "text",
        "abstractive_summary",
        "extractive_summary",
        "summary",
    }
)


@_attrs_define
class PostChapterizationResult:
    """One chapter: its span, headline, gist, keywords and sentences."""

    headline: str
    gist: str
    keywords: list[str]
    start: float
    end: float
    sentences: list[ChapterizationSentence]
    text: str
    abstractive_summary: str | Unset = UNSET
    extractive_summary: str | Unset = UNSET
    summary: str | Unset = UNSET
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
        headline = self.headline

        gist = self.gist

        keywords = self.keywords

        start = self.start

        end = self.end

        sentences = []
        for sentences_item_data in self.sentences:
            sentences_item = sentences_item_data.to_dict()
            sentences.append(sentences_item)

        text = self.text

        abstractive_summary = self.abstractive_summary

        extractive_summary = self.extractive_summary

        summary = self.summary

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "headline": headline,
                "gist": gist,
                "keywords": keywords,
                "start": start,
                "end": end,
                "sentences": sentences,
                "text": text,
            }
        )
        if abstractive_summary is not UNSET:
            field_dict["abstractive_summary"] = abstractive_summary
        if extractive_summary is not UNSET:
            field_dict["extractive_summary"] = extractive_summary
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        headline = d["headline"]

        gist = d["gist"]

        keywords = cast(list[str], d["keywords"])

        start = d["start"]
        if start.__class__ is not float and start.__class__ is not int:
            start = parse_float(start, "start")

        end = d["end"]
        if end.__class__ is not float and end.__class__ is not int:
            end = parse_float(end, "end")

        sentences = parse_list(ChapterizationSentence.from_dicts, d["sentences"])

        text = d["text"]

        abstractive_summary = d.get("abstractive_summary", UNSET)

        extractive_summary = d.get("extractive_summary", UNSET)

        summary = d.get("summary", UNSET)

        post_chapterization_result = object.__new__(cls)
        post_chapterization_result.headline = headline
        post_chapterization_result.gist = gist
        post_chapterization_result.keywords = keywords
        post_chapterization_result.start = start
        post_chapterization_result.end = end
        post_chapterization_result.sentences = sentences
        post_chapterization_result.text = text
        post_chapterization_result.abstractive_summary = abstractive_summary
        post_chapterization_result.extractive_summary = extractive_summary
        post_chapterization_result.summary = summary

        post_chapterization_result._additional_properties = (
            None if len(d) == 7 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return post_chapterization_result

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            headline = d["headline"]

            gist = d["gist"]

            keywords = cast(list[str], d["keywords"])

            start = d["start"]
            if start.__class__ is not float and start.__class__ is not int:
                start = parse_float(start, "start")

            end = d["end"]
            if end.__class__ is not float and end.__class__ is not int:
                end = parse_float(end, "end")

            sentences = parse_list(ChapterizationSentence.from_dicts, d["sentences"])

            text = d["text"]

            abstractive_summary = d.get("abstractive_summary", UNSET)

            extractive_summary = d.get("extractive_summary", UNSET)

            summary = d.get("summary", UNSET)

            post_chapterization_result = new(cls)
            post_chapterization_result.headline = headline
            post_chapterization_result.gist = gist
            post_chapterization_result.keywords = keywords
            post_chapterization_result.start = start
            post_chapterization_result.end = end
            post_chapterization_result.sentences = sentences
            post_chapterization_result.text = text
            post_chapterization_result.abstractive_summary = abstractive_summary
            post_chapterization_result.extractive_summary = extractive_summary
            post_chapterization_result.summary = summary

            post_chapterization_result._additional_properties = (
                None if len(d) == 7 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(post_chapterization_result)
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


from ..models.chapterization_sentence import ChapterizationSentence  # noqa: E402
