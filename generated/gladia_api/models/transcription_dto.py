from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_language_code_enum import TranscriptionLanguageCodeEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.sentences_dto import SentencesDTO
    from ..models.subtitle_dto import SubtitleDTO
    from ..models.utterance_dto import UtteranceDTO


T = TypeVar("T", bound="TranscriptionDTO")

_KEYS = frozenset(
    {
        "full_transcript",
        "languages",
        "utterances",
        "sentences",
        "subtitles",
    }
)


@_attrs_define
class TranscriptionDTO:
    full_transcript: str
    """ The whole transcript as plain text. """
    languages: list[TranscriptionLanguageCodeEnum]
    """ Languages heard, most spoken first. """
    utterances: list[UtteranceDTO]
    """ Stretches of speech by one speaker on one channel, in time order. """
    sentences: list[SentencesDTO] | Unset = UNSET
    """ The transcript split into sentences, when `sentences` was requested. """
    subtitles: list[SubtitleDTO] | Unset = UNSET
    """ One entry per requested subtitle format, when `subtitles` was requested. """
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
        full_transcript = self.full_transcript

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.value
            languages.append(languages_item)

        utterances = []
        for utterances_item_data in self.utterances:
            utterances_item = utterances_item_data.to_dict()
            utterances.append(utterances_item)

        sentences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sentences, Unset):
            sentences = []
            for sentences_item_data in self.sentences:
                sentences_item = sentences_item_data.to_dict()
                sentences.append(sentences_item)

        subtitles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subtitles, Unset):
            subtitles = []
            for subtitles_item_data in self.subtitles:
                subtitles_item = subtitles_item_data.to_dict()
                subtitles.append(subtitles_item)

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "full_transcript": full_transcript,
                "languages": languages,
                "utterances": utterances,
            }
        )
        if sentences is not UNSET:
            field_dict["sentences"] = sentences
        if subtitles is not UNSET:
            field_dict["subtitles"] = subtitles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        full_transcript = d["full_transcript"]

        languages = []
        _languages = d["languages"]
        for languages_item_data in _languages:
            languages_item = TranscriptionLanguageCodeEnum._value2member_map_.get(
                languages_item_data
            ) or TranscriptionLanguageCodeEnum(languages_item_data)

            languages.append(languages_item)

        utterances = parse_list(UtteranceDTO.from_dicts, d["utterances"])

        _sentences = d.get("sentences", UNSET)
        sentences: list[SentencesDTO] | Unset = UNSET
        if _sentences is not UNSET:
            sentences = parse_list(SentencesDTO.from_dicts, _sentences)

        _subtitles = d.get("subtitles", UNSET)
        subtitles: list[SubtitleDTO] | Unset = UNSET
        if _subtitles is not UNSET:
            subtitles = parse_list(SubtitleDTO.from_dicts, _subtitles)

        transcription_dto = object.__new__(cls)
        transcription_dto.full_transcript = full_transcript
        transcription_dto.languages = languages
        transcription_dto.utterances = utterances
        transcription_dto.sentences = sentences
        transcription_dto.subtitles = subtitles

        transcription_dto._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return transcription_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            full_transcript = d["full_transcript"]

            languages = []
            _languages = d["languages"]
            for languages_item_data in _languages:
                languages_item = TranscriptionLanguageCodeEnum._value2member_map_.get(
                    languages_item_data
                ) or TranscriptionLanguageCodeEnum(languages_item_data)

                languages.append(languages_item)

            utterances = parse_list(UtteranceDTO.from_dicts, d["utterances"])

            _sentences = d.get("sentences", UNSET)
            sentences: list[SentencesDTO] | Unset = UNSET
            if _sentences is not UNSET:
                sentences = parse_list(SentencesDTO.from_dicts, _sentences)

            _subtitles = d.get("subtitles", UNSET)
            subtitles: list[SubtitleDTO] | Unset = UNSET
            if _subtitles is not UNSET:
                subtitles = parse_list(SubtitleDTO.from_dicts, _subtitles)

            transcription_dto = new(cls)
            transcription_dto.full_transcript = full_transcript
            transcription_dto.languages = languages
            transcription_dto.utterances = utterances
            transcription_dto.sentences = sentences
            transcription_dto.subtitles = subtitles

            transcription_dto._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(transcription_dto)
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


from ..models.sentences_dto import SentencesDTO  # noqa: E402
from ..models.subtitle_dto import SubtitleDTO  # noqa: E402
from ..models.utterance_dto import UtteranceDTO  # noqa: E402
