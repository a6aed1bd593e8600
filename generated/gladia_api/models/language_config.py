from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_language_code_enum import TranscriptionLanguageCodeEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="LanguageConfig")

_KEYS = frozenset(
    {
        "languages",
        "code_switching",
    }
)


@_attrs_define
class LanguageConfig:
    languages: list[TranscriptionLanguageCodeEnum] | Unset = UNSET
    """ Expected languages. One language fixes it; none or several let the model detect it. """
    code_switching: bool | Unset = False
    """ Detect the language again for every utterance instead of once for the whole file. """
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
        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.value
                languages.append(languages_item)

        code_switching = self.code_switching

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if languages is not UNSET:
            field_dict["languages"] = languages
        if code_switching is not UNSET:
            field_dict["code_switching"] = code_switching

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _languages = d.get("languages", UNSET)
        languages: list[TranscriptionLanguageCodeEnum] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = TranscriptionLanguageCodeEnum._value2member_map_.get(
                    languages_item_data
                ) or TranscriptionLanguageCodeEnum(languages_item_data)

                languages.append(languages_item)

        code_switching = d.get("code_switching", UNSET)

        language_config = object.__new__(cls)
        language_config.languages = languages
        language_config.code_switching = code_switching

        language_config._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return language_config

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            _languages = d.get("languages", UNSET)
            languages: list[TranscriptionLanguageCodeEnum] | Unset = UNSET
            if _languages is not UNSET:
                languages = []
                for languages_item_data in _languages:
                    languages_item = TranscriptionLanguageCodeEnum._value2member_map_.get(
                        languages_item_data
                    ) or TranscriptionLanguageCodeEnum(languages_item_data)

                    languages.append(languages_item)

            code_switching = d.get("code_switching", UNSET)

            language_config = new(cls)
            language_config.languages = languages
            language_config.code_switching = code_switching

            language_config._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(language_config)
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
