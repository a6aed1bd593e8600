from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.translation_language_code_enum import TranslationLanguageCodeEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.addon_error_dto import AddonErrorDTO
    from ..models.sentences_dto import SentencesDTO
    from ..models.subtitle_dto import SubtitleDTO
    from ..models.utterance_dto import UtteranceDTO


T = TypeVar("T", bound="TranslationResultDTO")

_KEYS = frozenset(
    {
        "error",
        "full_transcript",
        "languages",
        "utterances",
        "sentences",
        "subtitles",
    }
)


@_attrs_define
class TranslationResultDTO:
    error: AddonErrorDTO | None
    """ Why this language failed, or null. """
    full_transcript: str
    """ The whole translated transcript. """
    languages: list[TranslationLanguageCodeEnum]
    """ The language of this translation. """
    utterances: list[UtteranceDTO]
    """ The translated utterances. """
    sentences: list[SentencesDTO] | Unset = UNSET
    """ The translation split into sentences, when `sentences` was requested. """
    subtitles: list[SubtitleDTO] | Unset = UNSET
    """ Translated subtitles, when `subtitles` was requested. """
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
        error: dict[str, Any] | None
        if isinstance(self.error, AddonErrorDTO):
            error = self.error.to_dict()
        else:
            error = self.error

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
                "error": error,
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

        def _parse_error(data: object) -> AddonErrorDTO | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = AddonErrorDTO.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddonErrorDTO | None, data)

        error = _parse_error(d["error"])

        full_transcript = d["full_transcript"]

        languages = []
        _languages = d["languages"]
        for languages_item_data in _languages:
            languages_item = TranslationLanguageCodeEnum._value2member_map_.get(
                languages_item_data
            ) or TranslationLanguageCodeEnum(languages_item_data)

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

        translation_result_dto = object.__new__(cls)
        translation_result_dto.error = error
        translation_result_dto.full_transcript = full_transcript
        translation_result_dto.languages = languages
        translation_result_dto.utterances = utterances
        translation_result_dto.sentences = sentences
        translation_result_dto.subtitles = subtitles

        translation_result_dto._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return translation_result_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:

            def _parse_error(data: object) -> AddonErrorDTO | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    error_type_0 = AddonErrorDTO.from_dict(data)

                    return error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(AddonErrorDTO | None, data)

            error = _parse_error(d["error"])

            full_transcript = d["full_transcript"]

            languages = []
            _languages = d["languages"]
            for languages_item_data in _languages:
                languages_item = TranslationLanguageCodeEnum._value2member_map_.get(
                    languages_item_data
                ) or TranslationLanguageCodeEnum(languages_item_data)

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

            translation_result_dto = new(cls)
            translation_result_dto.error = error
            translation_result_dto.full_transcript = full_transcript
            translation_result_dto.languages = languages
            translation_result_dto.utterances = utterances
            translation_result_dto.sentences = sentences
            translation_result_dto.subtitles = subtitles

            translation_result_dto._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(translation_result_dto)
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


from ..models.addon_error_dto import AddonErrorDTO  # noqa: E402
from ..models.sentences_dto import SentencesDTO  # noqa: E402
from ..models.subtitle_dto import SubtitleDTO  # noqa: E402
from ..models.utterance_dto import UtteranceDTO  # noqa: E402
