from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.translation_language_code_enum import TranslationLanguageCodeEnum
from ..models.translation_model_enum import TranslationModelEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="TranslationConfigDTO")

_KEYS = frozenset(
    {
        "target_languages",
        "model",
        "match_original_utterances",
        "lipsync",
        "context_adaptation",
        "context",
        "informal",
    }
)


@_attrs_define
class TranslationConfigDTO:
    target_languages: list[TranslationLanguageCodeEnum]
    """ Languages to translate into. """
    model: TranslationModelEnum | Unset = TranslationModelEnum.BASE
    match_original_utterances: bool | Unset = True
    """ Keep one translated utterance per original utterance. """
    lipsync: bool | Unset = True
    """ Keep translated utterances close to the original timing. """
    context_adaptation: bool | Unset = True
    """ Let the model adapt the translation to `context`. """
    context: str | Unset = UNSET
    """ Background that helps the translation """
    informal: bool | Unset = False
    """ Prefer informal forms where the target language has them. """
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
        target_languages = []
        for target_languages_item_data in self.target_languages:
            target_languages_item = target_languages_item_data.value
            target_languages.append(target_languages_item)

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        match_original_utterances = self.match_original_utterances

        lipsync = self.lipsync

        context_adaptation = self.context_adaptation

        context = self.context

        informal = self.informal

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "target_languages": target_languages,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if match_original_utterances is not UNSET:
            field_dict["match_original_utterances"] = match_original_utterances
        if lipsync is not UNSET:
            field_dict["lipsync"] = lipsync
        if context_adaptation is not UNSET:
            field_dict["context_adaptation"] = context_adaptation
        if context is not UNSET:
            field_dict["context"] = context
        if informal is not UNSET:
            field_dict["informal"] = informal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        target_languages = []
        _target_languages = d["target_languages"]
        for target_languages_item_data in _target_languages:
            target_languages_item = TranslationLanguageCodeEnum._value2member_map_.get(
                target_languages_item_data
            ) or TranslationLanguageCodeEnum(target_languages_item_data)

            target_languages.append(target_languages_item)

        _model = d.get("model", UNSET)
        model: TranslationModelEnum | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = TranslationModelEnum._value2member_map_.get(_model) or TranslationModelEnum(_model)

        match_original_utterances = d.get("match_original_utterances", UNSET)

        lipsync = d.get("lipsync", UNSET)

        context_adaptation = d.get("context_adaptation", UNSET)

        context = d.get("context", UNSET)

        informal = d.get("informal", UNSET)

        translation_config_dto = object.__new__(cls)
        translation_config_dto.target_languages = target_languages
        translation_config_dto.model = model
        translation_config_dto.match_original_utterances = match_original_utterances
        translation_config_dto.lipsync = lipsync
        translation_config_dto.context_adaptation = context_adaptation
        translation_config_dto.context = context
        translation_config_dto.informal = informal

        translation_config_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return translation_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            target_languages = []
            _target_languages = d["target_languages"]
            for target_languages_item_data in _target_languages:
                target_languages_item = TranslationLanguageCodeEnum._value2member_map_.get(
                    target_languages_item_data
                ) or TranslationLanguageCodeEnum(target_languages_item_data)

                target_languages.append(target_languages_item)

            _model = d.get("model", UNSET)
            model: TranslationModelEnum | Unset
            if isinstance(_model, Unset):
                model = UNSET
            else:
                model = TranslationModelEnum._value2member_map_.get(_model) or TranslationModelEnum(_model)

            match_original_utterances = d.get("match_original_utterances", UNSET)

            lipsync = d.get("lipsync", UNSET)

            context_adaptation = d.get("context_adaptation", UNSET)

            context = d.get("context", UNSET)

            informal = d.get("informal", UNSET)

            translation_config_dto = new(cls)
            translation_config_dto.target_languages = target_languages
            translation_config_dto.model = model
            translation_config_dto.match_original_utterances = match_original_utterances
            translation_config_dto.lipsync = lipsync
            translation_config_dto.context_adaptation = context_adaptation
            translation_config_dto.context = context
            translation_config_dto.informal = informal

            translation_config_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(translation_config_dto)
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
