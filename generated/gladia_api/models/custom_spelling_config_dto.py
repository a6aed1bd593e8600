from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.custom_spelling_config_dto_spelling_dictionary import CustomSpellingConfigDTOSpellingDictionary


T = TypeVar("T", bound="CustomSpellingConfigDTO")

_KEYS = frozenset(
    {
        "spelling_dictionary",
    }
)


@_attrs_define
class CustomSpellingConfigDTO:
    spelling_dictionary: CustomSpellingConfigDTOSpellingDictionary
    """ Maps each wanted spelling to the spellings it replaces. """
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
        spelling_dictionary = self.spelling_dictionary.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "spelling_dictionary": spelling_dictionary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        spelling_dictionary = CustomSpellingConfigDTOSpellingDictionary.from_dict(d["spelling_dictionary"])

        custom_spelling_config_dto = object.__new__(cls)
        custom_spelling_config_dto.spelling_dictionary = spelling_dictionary

        custom_spelling_config_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return custom_spelling_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            spelling_dictionary = CustomSpellingConfigDTOSpellingDictionary.from_dict(d["spelling_dictionary"])

            custom_spelling_config_dto = new(cls)
            custom_spelling_config_dto.spelling_dictionary = spelling_dictionary

            custom_spelling_config_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(custom_spelling_config_dto)
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


from ..models.custom_spelling_config_dto_spelling_dictionary import (
    CustomSpellingConfigDTOSpellingDictionary,  # noqa: E402
)
