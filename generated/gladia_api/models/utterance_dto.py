from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_language_code_enum import TranscriptionLanguageCodeEnum
from ..types import (
    UNSET,
    Lazy,
    Unset,
    extras_key,
    extras_repr,
    lazy_key,
    lazy_repr,
    parse_float,
    parse_int,
)

if TYPE_CHECKING:
    from ..models.word_dto import WordDTO


T = TypeVar("T", bound="UtteranceDTO")

_KEYS = frozenset(
    {
        "start",
        "end",
        "channel",
        "words",
        "text",
        "language",
        "confidence",
        "speaker",
    }
)


@_attrs_define
class UtteranceDTO:
    start: float
    """ Start time in seconds. """
    end: float
    """ End time in seconds. """
    channel: int
    """ The audio channel it was heard on. """
    _words: list[WordDTO] = _attrs_field(alias="words", eq=lazy_key, repr=lazy_repr)
    text: str
    """ What was said. """
    language: TranscriptionLanguageCodeEnum
    """ An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can transcribe. """
    confidence: float | Unset = UNSET
    """ How sure the model is """
    speaker: int | Unset = UNSET
    """ The speaker number """
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

    @property
    def words(self) -> list[WordDTO]:
        """The words, each with its own timing."""
        value = self._words
        if type(value) is Lazy:
            value = self._words = value.load()
        return value

    @words.setter
    def words(self, value: list[WordDTO]) -> None:
        self._words = value

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        channel = self.channel

        words = []
        for words_item_data in self.words:
            words_item = words_item_data.to_dict()
            words.append(words_item)

        text = self.text

        language = self.language.value

        confidence = self.confidence

        speaker = self.speaker

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "channel": channel,
                "words": words,
                "text": text,
                "language": language,
            }
        )
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if speaker is not UNSET:
            field_dict["speaker"] = speaker

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        start = d["start"]
        if start.__class__ is not float and start.__class__ is not int:
            start = parse_float(start, "start")

        end = d["end"]
        if end.__class__ is not float and end.__class__ is not int:
            end = parse_float(end, "end")

        channel = d["channel"]
        if channel.__class__ is not int:
            channel = parse_int(channel, "channel")

        words = d["words"]
        if words is not UNSET:
            words = Lazy(WordDTO.from_dicts, words)

        text = d["text"]

        language = TranscriptionLanguageCodeEnum._value2member_map_.get(d["language"]) or TranscriptionLanguageCodeEnum(
            d["language"]
        )

        confidence = d.get("confidence", UNSET)
        if confidence.__class__ not in (float, int) and confidence is not UNSET:
            confidence = parse_float(confidence, "confidence")

        speaker = d.get("speaker", UNSET)
        if speaker.__class__ is not int and speaker is not UNSET:
            speaker = parse_int(speaker, "speaker")

        utterance_dto = object.__new__(cls)
        utterance_dto.start = start
        utterance_dto.end = end
        utterance_dto.channel = channel
        utterance_dto._words = words
        utterance_dto.text = text
        utterance_dto.language = language
        utterance_dto.confidence = confidence
        utterance_dto.speaker = speaker

        utterance_dto._additional_properties = (
            None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return utterance_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            start = d["start"]
            if start.__class__ is not float and start.__class__ is not int:
                start = parse_float(start, "start")

            end = d["end"]
            if end.__class__ is not float and end.__class__ is not int:
                end = parse_float(end, "end")

            channel = d["channel"]
            if channel.__class__ is not int:
                channel = parse_int(channel, "channel")

            words = d["words"]
            if words is not UNSET:
                words = Lazy(WordDTO.from_dicts, words)

            text = d["text"]

            language = TranscriptionLanguageCodeEnum._value2member_map_.get(
                d["language"]
            ) or TranscriptionLanguageCodeEnum(d["language"])

            confidence = d.get("confidence", UNSET)
            if confidence.__class__ not in (float, int) and confidence is not UNSET:
                confidence = parse_float(confidence, "confidence")

            speaker = d.get("speaker", UNSET)
            if speaker.__class__ is not int and speaker is not UNSET:
                speaker = parse_int(speaker, "speaker")

            utterance_dto = new(cls)
            utterance_dto.start = start
            utterance_dto.end = end
            utterance_dto.channel = channel
            utterance_dto._words = words
            utterance_dto.text = text
            utterance_dto.language = language
            utterance_dto.confidence = confidence
            utterance_dto.speaker = speaker

            utterance_dto._additional_properties = (
                None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(utterance_dto)
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
