from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.custom_spelling_config_dto import CustomSpellingConfigDTO
    from ..models.custom_vocabulary_config_dto import CustomVocabularyConfigDTO
    from ..models.translation_config_dto import TranslationConfigDTO


T = TypeVar("T", bound="RealtimeProcessingConfig")

_KEYS = frozenset(
    {
        "custom_vocabulary",
        "custom_vocabulary_config",
        "custom_spelling",
        "custom_spelling_config",
        "translation",
        "translation_config",
        "named_entity_recognition",
        "sentiment_analysis",
    }
)


@_attrs_define
class RealtimeProcessingConfig:
    """Add-ons applied to each final utterance as the session runs."""

    custom_vocabulary: bool | Unset = False
    custom_vocabulary_config: CustomVocabularyConfigDTO | Unset = UNSET
    custom_spelling: bool | Unset = False
    custom_spelling_config: CustomSpellingConfigDTO | Unset = UNSET
    translation: bool | Unset = False
    translation_config: TranslationConfigDTO | Unset = UNSET
    named_entity_recognition: bool | Unset = False
    sentiment_analysis: bool | Unset = False
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
        custom_vocabulary = self.custom_vocabulary

        custom_vocabulary_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_vocabulary_config, Unset):
            custom_vocabulary_config = self.custom_vocabulary_config.to_dict()

        custom_spelling = self.custom_spelling

        custom_spelling_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_spelling_config, Unset):
            custom_spelling_config = self.custom_spelling_config.to_dict()

        translation = self.translation

        translation_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.translation_config, Unset):
            translation_config = self.translation_config.to_dict()

        named_entity_recognition = self.named_entity_recognition

        sentiment_analysis = self.sentiment_analysis

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if custom_vocabulary is not UNSET:
            field_dict["custom_vocabulary"] = custom_vocabulary
        if custom_vocabulary_config is not UNSET:
            field_dict["custom_vocabulary_config"] = custom_vocabulary_config
        if custom_spelling is not UNSET:
            field_dict["custom_spelling"] = custom_spelling
        if custom_spelling_config is not UNSET:
            field_dict["custom_spelling_config"] = custom_spelling_config
        if translation is not UNSET:
            field_dict["translation"] = translation
        if translation_config is not UNSET:
            field_dict["translation_config"] = translation_config
        if named_entity_recognition is not UNSET:
            field_dict["named_entity_recognition"] = named_entity_recognition
        if sentiment_analysis is not UNSET:
            field_dict["sentiment_analysis"] = sentiment_analysis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        custom_vocabulary = d.get("custom_vocabulary", UNSET)

        _custom_vocabulary_config = d.get("custom_vocabulary_config", UNSET)
        custom_vocabulary_config: CustomVocabularyConfigDTO | Unset
        if isinstance(_custom_vocabulary_config, Unset):
            custom_vocabulary_config = UNSET
        else:
            custom_vocabulary_config = CustomVocabularyConfigDTO.from_dict(_custom_vocabulary_config)

        custom_spelling = d.get("custom_spelling", UNSET)

        _custom_spelling_config = d.get("custom_spelling_config", UNSET)
        custom_spelling_config: CustomSpellingConfigDTO | Unset
        if isinstance(_custom_spelling_config, Unset):
            custom_spelling_config = UNSET
        else:
            custom_spelling_config = CustomSpellingConfigDTO.from_dict(_custom_spelling_config)

        translation = d.get("translation", UNSET)

        _translation_config = d.get("translation_config", UNSET)
        translation_config: TranslationConfigDTO | Unset
        if isinstance(_translation_config, Unset):
            translation_config = UNSET
        else:
            translation_config = TranslationConfigDTO.from_dict(_translation_config)

        named_entity_recognition = d.get("named_entity_recognition", UNSET)

        sentiment_analysis = d.get("sentiment_analysis", UNSET)

        realtime_processing_config = object.__new__(cls)
        realtime_processing_config.custom_vocabulary = custom_vocabulary
        realtime_processing_config.custom_vocabulary_config = custom_vocabulary_config
        realtime_processing_config.custom_spelling = custom_spelling
        realtime_processing_config.custom_spelling_config = custom_spelling_config
        realtime_processing_config.translation = translation
        realtime_processing_config.translation_config = translation_config
        realtime_processing_config.named_entity_recognition = named_entity_recognition
        realtime_processing_config.sentiment_analysis = sentiment_analysis

        realtime_processing_config._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return realtime_processing_config

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            custom_vocabulary = d.get("custom_vocabulary", UNSET)

            _custom_vocabulary_config = d.get("custom_vocabulary_config", UNSET)
            custom_vocabulary_config: CustomVocabularyConfigDTO | Unset
            if isinstance(_custom_vocabulary_config, Unset):
                custom_vocabulary_config = UNSET
            else:
                custom_vocabulary_config = CustomVocabularyConfigDTO.from_dict(_custom_vocabulary_config)

            custom_spelling = d.get("custom_spelling", UNSET)

            _custom_spelling_config = d.get("custom_spelling_config", UNSET)
            custom_spelling_config: CustomSpellingConfigDTO | Unset
            if isinstance(_custom_spelling_config, Unset):
                custom_spelling_config = UNSET
            else:
                custom_spelling_config = CustomSpellingConfigDTO.from_dict(_custom_spelling_config)

            translation = d.get("translation", UNSET)

            _translation_config = d.get("translation_config", UNSET)
            translation_config: TranslationConfigDTO | Unset
            if isinstance(_translation_config, Unset):
                translation_config = UNSET
            else:
                translation_config = TranslationConfigDTO.from_dict(_translation_config)

            named_entity_recognition = d.get("named_entity_recognition", UNSET)

            sentiment_analysis = d.get("sentiment_analysis", UNSET)

            realtime_processing_config = new(cls)
            realtime_processing_config.custom_vocabulary = custom_vocabulary
            realtime_processing_config.custom_vocabulary_config = custom_vocabulary_config
            realtime_processing_config.custom_spelling = custom_spelling
            realtime_processing_config.custom_spelling_config = custom_spelling_config
            realtime_processing_config.translation = translation
            realtime_processing_config.translation_config = translation_config
            realtime_processing_config.named_entity_recognition = named_entity_recognition
            realtime_processing_config.sentiment_analysis = sentiment_analysis

            realtime_processing_config._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(realtime_processing_config)
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


from ..models.custom_spelling_config_dto import CustomSpellingConfigDTO  # noqa: E402
from ..models.custom_vocabulary_config_dto import CustomVocabularyConfigDTO  # noqa: E402
from ..models.translation_config_dto import TranslationConfigDTO  # noqa: E402
