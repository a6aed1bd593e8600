from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pii_redaction_config_dto_processed_text_type import PiiRedactionConfigDTOProcessedTextType
from ..models.pii_redaction_entity_type_enum import PiiRedactionEntityTypeEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="PiiRedactionConfigDTO")

_KEYS = frozenset(
    {
        "entity_types",
        "processed_text_type",
    }
)


@_attrs_define
class PiiRedactionConfigDTO:
    entity_types: list[PiiRedactionEntityTypeEnum] | Unset = UNSET
    """ Entity types, or presets such as `GDPR`, to redact. """
    processed_text_type: PiiRedactionConfigDTOProcessedTextType | Unset = UNSET
    """ `MARKER` replaces an entity with its type; `MASK` hides its characters. """
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
        entity_types: list[str] | Unset = UNSET
        if not isinstance(self.entity_types, Unset):
            entity_types = []
            for entity_types_item_data in self.entity_types:
                entity_types_item = entity_types_item_data.value
                entity_types.append(entity_types_item)

        processed_text_type: str | Unset = UNSET
        if not isinstance(self.processed_text_type, Unset):
            processed_text_type = self.processed_text_type.value

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if entity_types is not UNSET:
            field_dict["entity_types"] = entity_types
        if processed_text_type is not UNSET:
            field_dict["processed_text_type"] = processed_text_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _entity_types = d.get("entity_types", UNSET)
        entity_types: list[PiiRedactionEntityTypeEnum] | Unset = UNSET
        if _entity_types is not UNSET:
            entity_types = []
            for entity_types_item_data in _entity_types:
                entity_types_item = PiiRedactionEntityTypeEnum._value2member_map_.get(
                    entity_types_item_data
                ) or PiiRedactionEntityTypeEnum(entity_types_item_data)

                entity_types.append(entity_types_item)

        _processed_text_type = d.get("processed_text_type", UNSET)
        processed_text_type: PiiRedactionConfigDTOProcessedTextType | Unset
        if isinstance(_processed_text_type, Unset):
            processed_text_type = UNSET
        else:
            processed_text_type = PiiRedactionConfigDTOProcessedTextType._value2member_map_.get(
                _processed_text_type
            ) or PiiRedactionConfigDTOProcessedTextType(_processed_text_type)

        pii_redaction_config_dto = object.__new__(cls)
        pii_redaction_config_dto.entity_types = entity_types
        pii_redaction_config_dto.processed_text_type = processed_text_type

        pii_redaction_config_dto._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return pii_redaction_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            _entity_types = d.get("entity_types", UNSET)
            entity_types: list[PiiRedactionEntityTypeEnum] | Unset = UNSET
            if _entity_types is not UNSET:
                entity_types = []
                for entity_types_item_data in _entity_types:
                    entity_types_item = PiiRedactionEntityTypeEnum._value2member_map_.get(
                        entity_types_item_data
                    ) or PiiRedactionEntityTypeEnum(entity_types_item_data)

                    entity_types.append(entity_types_item)

            _processed_text_type = d.get("processed_text_type", UNSET)
            processed_text_type: PiiRedactionConfigDTOProcessedTextType | Unset
            if isinstance(_processed_text_type, Unset):
                processed_text_type = UNSET
            else:
                processed_text_type = PiiRedactionConfigDTOProcessedTextType._value2member_map_.get(
                    _processed_text_type
                ) or PiiRedactionConfigDTOProcessedTextType(_processed_text_type)

            pii_redaction_config_dto = new(cls)
            pii_redaction_config_dto.entity_types = entity_types
            pii_redaction_config_dto.processed_text_type = processed_text_type

            pii_redaction_config_dto._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(pii_redaction_config_dto)
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
