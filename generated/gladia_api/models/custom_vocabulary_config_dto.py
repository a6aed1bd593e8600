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
)

if TYPE_CHECKING:
    from ..models.custom_vocabulary_entry_dto import CustomVocabularyEntryDTO


T = TypeVar("T", bound="CustomVocabularyConfigDTO")

_KEYS = frozenset(
    {
        "vocabulary",
        "default_intensity",
    }
)


@_attrs_define
class CustomVocabularyConfigDTO:
    vocabulary: list[CustomVocabularyEntryDTO | str]
    """ Words or phrases to favour; each is a plain string or an entry with its own settings. """
    default_intensity: float | Unset = UNSET
    """ How strongly to favour entries that do not set their own intensity (0 to 1). """
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
        vocabulary = []
        for vocabulary_item_data in self.vocabulary:
            vocabulary_item: dict[str, Any] | str
            if isinstance(vocabulary_item_data, CustomVocabularyEntryDTO):
                vocabulary_item = vocabulary_item_data.to_dict()
            else:
                vocabulary_item = vocabulary_item_data
            vocabulary.append(vocabulary_item)

        default_intensity = self.default_intensity

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "vocabulary": vocabulary,
            }
        )
        if default_intensity is not UNSET:
            field_dict["default_intensity"] = default_intensity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        vocabulary = []
        _vocabulary = d["vocabulary"]
        for vocabulary_item_data in _vocabulary:

            def _parse_vocabulary_item(data: object) -> CustomVocabularyEntryDTO | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    vocabulary_item_type_0 = CustomVocabularyEntryDTO.from_dict(data)

                    return vocabulary_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(CustomVocabularyEntryDTO | str, data)

            vocabulary_item = _parse_vocabulary_item(vocabulary_item_data)

            vocabulary.append(vocabulary_item)

        default_intensity = d.get("default_intensity", UNSET)
        if default_intensity.__class__ not in (float, int) and default_intensity is not UNSET:
            default_intensity = parse_float(default_intensity, "default_intensity")

        custom_vocabulary_config_dto = object.__new__(cls)
        custom_vocabulary_config_dto.vocabulary = vocabulary
        custom_vocabulary_config_dto.default_intensity = default_intensity

        custom_vocabulary_config_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return custom_vocabulary_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            vocabulary = []
            _vocabulary = d["vocabulary"]
            for vocabulary_item_data in _vocabulary:

                def _parse_vocabulary_item(data: object) -> CustomVocabularyEntryDTO | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        vocabulary_item_type_0 = CustomVocabularyEntryDTO.from_dict(data)

                        return vocabulary_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(CustomVocabularyEntryDTO | str, data)

                vocabulary_item = _parse_vocabulary_item(vocabulary_item_data)

                vocabulary.append(vocabulary_item)

            default_intensity = d.get("default_intensity", UNSET)
            if default_intensity.__class__ not in (float, int) and default_intensity is not UNSET:
                default_intensity = parse_float(default_intensity, "default_intensity")

            custom_vocabulary_config_dto = new(cls)
            custom_vocabulary_config_dto.vocabulary = vocabulary
            custom_vocabulary_config_dto.default_intensity = default_intensity

            custom_vocabulary_config_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(custom_vocabulary_config_dto)
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


from ..models.custom_vocabulary_entry_dto import CustomVocabularyEntryDTO  # noqa: E402
