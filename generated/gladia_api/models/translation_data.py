from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_language_code_enum import TranscriptionLanguageCodeEnum
from ..models.translation_language_code_enum import TranslationLanguageCodeEnum
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.utterance_dto import UtteranceDTO


T = TypeVar("T", bound="TranslationData")

_KEYS = frozenset(
    {
        "utterance_id",
        "utterance",
        "original_language",
        "target_language",
        "translated_utterance",
    }
)


@_attrs_define
class TranslationData:
    """An utterance and its translation."""

    utterance_id: str
    utterance: UtteranceDTO
    original_language: TranscriptionLanguageCodeEnum
    """ An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can transcribe. """
    target_language: TranslationLanguageCodeEnum
    """ An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can translate into. """
    translated_utterance: UtteranceDTO
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
        utterance_id = self.utterance_id

        utterance = self.utterance.to_dict()

        original_language = self.original_language.value

        target_language = self.target_language.value

        translated_utterance = self.translated_utterance.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "utterance_id": utterance_id,
                "utterance": utterance,
                "original_language": original_language,
                "target_language": target_language,
                "translated_utterance": translated_utterance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        utterance_id = d["utterance_id"]

        utterance = UtteranceDTO.from_dict(d["utterance"])

        original_language = TranscriptionLanguageCodeEnum._value2member_map_.get(
            d["original_language"]
        ) or TranscriptionLanguageCodeEnum(d["original_language"])

        target_language = TranslationLanguageCodeEnum._value2member_map_.get(
            d["target_language"]
        ) or TranslationLanguageCodeEnum(d["target_language"])

        translated_utterance = UtteranceDTO.from_dict(d["translated_utterance"])

        translation_data = object.__new__(cls)
        translation_data.utterance_id = utterance_id
        translation_data.utterance = utterance
        translation_data.original_language = original_language
        translation_data.target_language = target_language
        translation_data.translated_utterance = translated_utterance

        translation_data._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return translation_data

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            utterance_id = d["utterance_id"]

            utterance = UtteranceDTO.from_dict(d["utterance"])

            original_language = TranscriptionLanguageCodeEnum._value2member_map_.get(
                d["original_language"]
            ) or TranscriptionLanguageCodeEnum(d["original_language"])

            target_language = TranslationLanguageCodeEnum._value2member_map_.get(
                d["target_language"]
            ) or TranslationLanguageCodeEnum(d["target_language"])

            translated_utterance = UtteranceDTO.from_dict(d["translated_utterance"])

            translation_data = new(cls)
            translation_data.utterance_id = utterance_id
            translation_data.utterance = utterance
            translation_data.original_language = original_language
            translation_data.target_language = target_language
            translation_data.translated_utterance = translated_utterance

            translation_data._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(translation_data)
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


from ..models.utterance_dto import UtteranceDTO  # noqa: E402
