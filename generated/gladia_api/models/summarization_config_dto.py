from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.summary_types_enum import SummaryTypesEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="SummarizationConfigDTO")

_KEYS = frozenset(
    {
        "type",
    }
)


@_attrs_define
class SummarizationConfigDTO:
    type_: SummaryTypesEnum | Unset = SummaryTypesEnum.GENERAL
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
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _type_ = d.get("type", UNSET)
        type_: SummaryTypesEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = SummaryTypesEnum._value2member_map_.get(_type_) or SummaryTypesEnum(_type_)

        summarization_config_dto = object.__new__(cls)
        summarization_config_dto.type_ = type_

        summarization_config_dto._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return summarization_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            _type_ = d.get("type", UNSET)
            type_: SummaryTypesEnum | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = SummaryTypesEnum._value2member_map_.get(_type_) or SummaryTypesEnum(_type_)

            summarization_config_dto = new(cls)
            summarization_config_dto.type_ = type_

            summarization_config_dto._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(summarization_config_dto)
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
