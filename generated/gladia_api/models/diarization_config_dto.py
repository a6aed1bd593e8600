from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_int,
)

T = TypeVar("T", bound="DiarizationConfigDTO")

_KEYS = frozenset(
    {
        "number_of_speakers",
        "min_speakers",
        "max_speakers",
    }
)


@_attrs_define
class DiarizationConfigDTO:
    number_of_speakers: int | Unset = UNSET
    """ The exact number of speakers """
    min_speakers: int | Unset = UNSET
    """ The fewest speakers to expect. """
    max_speakers: int | Unset = UNSET
    """ The most speakers to expect. """
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
        number_of_speakers = self.number_of_speakers

        min_speakers = self.min_speakers

        max_speakers = self.max_speakers

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if number_of_speakers is not UNSET:
            field_dict["number_of_speakers"] = number_of_speakers
        if min_speakers is not UNSET:
            field_dict["min_speakers"] = min_speakers
        if max_speakers is not UNSET:
            field_dict["max_speakers"] = max_speakers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        number_of_speakers = d.get("number_of_speakers", UNSET)
        if number_of_speakers.__class__ is not int and number_of_speakers is not UNSET:
            number_of_speakers = parse_int(number_of_speakers, "number_of_speakers")

        min_speakers = d.get("min_speakers", UNSET)
        if min_speakers.__class__ is not int and min_speakers is not UNSET:
            min_speakers = parse_int(min_speakers, "min_speakers")

        max_speakers = d.get("max_speakers", UNSET)
        if max_speakers.__class__ is not int and max_speakers is not UNSET:
            max_speakers = parse_int(max_speakers, "max_speakers")

        diarization_config_dto = object.__new__(cls)
        diarization_config_dto.number_of_speakers = number_of_speakers
        diarization_config_dto.min_speakers = min_speakers
        diarization_config_dto.max_speakers = max_speakers

        diarization_config_dto._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return diarization_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            number_of_speakers = d.get("number_of_speakers", UNSET)
            if number_of_speakers.__class__ is not int and number_of_speakers is not UNSET:
                number_of_speakers = parse_int(number_of_speakers, "number_of_speakers")

            min_speakers = d.get("min_speakers", UNSET)
            if min_speakers.__class__ is not int and min_speakers is not UNSET:
                min_speakers = parse_int(min_speakers, "min_speakers")

            max_speakers = d.get("max_speakers", UNSET)
            if max_speakers.__class__ is not int and max_speakers is not UNSET:
                max_speakers = parse_int(max_speakers, "max_speakers")

            diarization_config_dto = new(cls)
            diarization_config_dto.number_of_speakers = number_of_speakers
            diarization_config_dto.min_speakers = min_speakers
            diarization_config_dto.max_speakers = max_speakers

            diarization_config_dto._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(diarization_config_dto)
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
