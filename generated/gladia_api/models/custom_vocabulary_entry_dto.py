from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_language_code_enum import TranscriptionLanguageCodeEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_float,
)

T = TypeVar("T", bound="CustomVocabularyEntryDTO")

_KEYS = frozenset(
    {
        "value",
        "intensity",
        "pronunciations",
        "language",
    }
)


@_attrs_define
class CustomVocabularyEntryDTO:
    value: str
    """ The word or phrase as it should be written. """
    intensity: float | Unset = UNSET
    """ How strongly to favour it (0 to 1). """
    pronunciations: list[str] | Unset = UNSET
    """ Other ways it may sound, spelled phonetically. """
    language: TranscriptionLanguageCodeEnum | Unset = UNSET
    """ An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can transcribe. """
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
        value = self.value

        intensity = self.intensity

        pronunciations: list[str] | Unset = UNSET
        if not isinstance(self.pronunciations, Unset):
            pronunciations = self.pronunciations

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "value": value,
            }
        )
        if intensity is not UNSET:
            field_dict["intensity"] = intensity
        if pronunciations is not UNSET:
            field_dict["pronunciations"] = pronunciations
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        value = d["value"]

        intensity = d.get("intensity", UNSET)
        if intensity.__class__ not in (float, int) and intensity is not UNSET:
            intensity = parse_float(intensity, "intensity")

        pronunciations = cast(list[str], d.get("pronunciations", UNSET))

        _language = d.get("language", UNSET)
        language: TranscriptionLanguageCodeEnum | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = TranscriptionLanguageCodeEnum._value2member_map_.get(_language) or TranscriptionLanguageCodeEnum(
                _language
            )

        custom_vocabulary_entry_dto = object.__new__(cls)
        custom_vocabulary_entry_dto.value = value
        custom_vocabulary_entry_dto.intensity = intensity
        custom_vocabulary_entry_dto.pronunciations = pronunciations
        custom_vocabulary_entry_dto.language = language

        custom_vocabulary_entry_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return custom_vocabulary_entry_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            value = d["value"]

            intensity = d.get("intensity", UNSET)
            if intensity.__class__ not in (float, int) and intensity is not UNSET:
                intensity = parse_float(intensity, "intensity")

            pronunciations = cast(list[str], d.get("pronunciations", UNSET))

            _language = d.get("language", UNSET)
            language: TranscriptionLanguageCodeEnum | Unset
            if isinstance(_language, Unset):
                language = UNSET
            else:
                language = TranscriptionLanguageCodeEnum._value2member_map_.get(
                    _language
                ) or TranscriptionLanguageCodeEnum(_language)

            custom_vocabulary_entry_dto = new(cls)
            custom_vocabulary_entry_dto.value = value
            custom_vocabulary_entry_dto.intensity = intensity
            custom_vocabulary_entry_dto.pronunciations = pronunciations
            custom_vocabulary_entry_dto.language = language

            custom_vocabulary_entry_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(custom_vocabulary_entry_dto)
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
