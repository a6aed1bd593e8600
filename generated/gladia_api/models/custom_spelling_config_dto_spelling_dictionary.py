from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="CustomSpellingConfigDTOSpellingDictionary")

_KEYS = frozenset({})


@_attrs_define
class CustomSpellingConfigDTOSpellingDictionary:
    """Maps each wanted spelling to the spellings it replaces."""

    _additional_properties: dict[str, list[str]] | None = _attrs_field(
        init=False, default=None, eq=extras_key, repr=extras_repr
    )

    @property
    def additional_properties(self) -> dict[str, list[str]]:
        """The keys of the payload this model does not declare, as they came."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, list[str]]) -> None:
        self._additional_properties = value

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        for prop_name, prop in (self._additional_properties or {}).items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        custom_spelling_config_dto_spelling_dictionary = object.__new__(cls)

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            if prop_name in _KEYS:
                continue
            additional_property = cast(list[str], prop_dict)

            additional_properties[prop_name] = additional_property

        custom_spelling_config_dto_spelling_dictionary._additional_properties = additional_properties or None

        return custom_spelling_config_dto_spelling_dictionary

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            custom_spelling_config_dto_spelling_dictionary = new(cls)

            additional_properties = {}
            for prop_name, prop_dict in d.items():
                if prop_name in _KEYS:
                    continue
                additional_property = cast(list[str], prop_dict)

                additional_properties[prop_name] = additional_property

            custom_spelling_config_dto_spelling_dictionary._additional_properties = additional_properties or None

            append(custom_spelling_config_dto_spelling_dictionary)
        return built

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str]:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[str]) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
