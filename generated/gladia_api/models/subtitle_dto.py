from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subtitles_format_enum import SubtitlesFormatEnum

T = TypeVar("T", bound="SubtitleDTO")

_KEYS = frozenset(
    {
        "format",
        "subtitles",
    }
)


@_attrs_define
class SubtitleDTO:
    format_: SubtitlesFormatEnum
    subtitles: str
    """ The whole subtitle file as text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        subtitles = self.subtitles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "subtitles": subtitles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        format_ = SubtitlesFormatEnum(d["format"])

        subtitles = d["subtitles"]

        subtitle_dto = object.__new__(cls)
        subtitle_dto.format_ = format_
        subtitle_dto.subtitles = subtitles

        subtitle_dto.additional_properties = (
            {} if _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )
        return subtitle_dto

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
