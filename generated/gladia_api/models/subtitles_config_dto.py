from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subtitles_format_enum import SubtitlesFormatEnum
from ..models.subtitles_style_enum import SubtitlesStyleEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_float,
    parse_int,
)

T = TypeVar("T", bound="SubtitlesConfigDTO")

_KEYS = frozenset(
    {
        "formats",
        "minimum_duration",
        "maximum_duration",
        "maximum_characters_per_row",
        "maximum_rows_per_caption",
        "style",
    }
)


@_attrs_define
class SubtitlesConfigDTO:
    formats: list[SubtitlesFormatEnum] | Unset = UNSET
    """ The subtitle formats to produce. """
    minimum_duration: float | Unset = UNSET
    """ Shortest time a caption stays on screen """
    maximum_duration: float | Unset = UNSET
    """ Longest time a caption stays on screen """
    maximum_characters_per_row: int | Unset = UNSET
    """ Longest line of a caption """
    maximum_rows_per_caption: int | Unset = UNSET
    """ Most lines in one caption. """
    style: SubtitlesStyleEnum | Unset = SubtitlesStyleEnum.DEFAULT
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
        formats: list[str] | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = []
            for formats_item_data in self.formats:
                formats_item = formats_item_data.value
                formats.append(formats_item)

        minimum_duration = self.minimum_duration

        maximum_duration = self.maximum_duration

        maximum_characters_per_row = self.maximum_characters_per_row

        maximum_rows_per_caption = self.maximum_rows_per_caption

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if formats is not UNSET:
            field_dict["formats"] = formats
        if minimum_duration is not UNSET:
            field_dict["minimum_duration"] = minimum_duration
        if maximum_duration is not UNSET:
            field_dict["maximum_duration"] = maximum_duration
        if maximum_characters_per_row is not UNSET:
            field_dict["maximum_characters_per_row"] = maximum_characters_per_row
        if maximum_rows_per_caption is not UNSET:
            field_dict["maximum_rows_per_caption"] = maximum_rows_per_caption
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _formats = d.get("formats", UNSET)
        formats: list[SubtitlesFormatEnum] | Unset = UNSET
        if _formats is not UNSET:
            formats = []
            for formats_item_data in _formats:
                formats_item = SubtitlesFormatEnum._value2member_map_.get(formats_item_data) or SubtitlesFormatEnum(
                    formats_item_data
                )

                formats.append(formats_item)

        minimum_duration = d.get("minimum_duration", UNSET)
        if minimum_duration.__class__ not in (float, int) and minimum_duration is not UNSET:
            minimum_duration = parse_float(minimum_duration, "minimum_duration")

        maximum_duration = d.get("maximum_duration", UNSET)
        if maximum_duration.__class__ not in (float, int) and maximum_duration is not UNSET:
            maximum_duration = parse_float(maximum_duration, "maximum_duration")

        maximum_characters_per_row = d.get("maximum_characters_per_row", UNSET)
        if maximum_characters_per_row.__class__ is not int and maximum_characters_per_row is not UNSET:
            maximum_characters_per_row = parse_int(maximum_characters_per_row, "maximum_characters_per_row")

        maximum_rows_per_caption = d.get("maximum_rows_per_caption", UNSET)
        if maximum_rows_per_caption.__class__ is not int and maximum_rows_per_caption is not UNSET:
            maximum_rows_per_caption = parse_int(maximum_rows_per_caption, "maximum_rows_per_caption")

        _style = d.get("style", UNSET)
        style: SubtitlesStyleEnum | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = SubtitlesStyleEnum._value2member_map_.get(_style) or SubtitlesStyleEnum(_style)

        subtitles_config_dto = object.__new__(cls)
        subtitles_config_dto.formats = formats
        subtitles_config_dto.minimum_duration = minimum_duration
        subtitles_config_dto.maximum_duration = maximum_duration
        subtitles_config_dto.maximum_characters_per_row = maximum_characters_per_row
        subtitles_config_dto.maximum_rows_per_caption = maximum_rows_per_caption
        subtitles_config_dto.style = style

        subtitles_config_dto._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return subtitles_config_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            _formats = d.get("formats", UNSET)
            formats: list[SubtitlesFormatEnum] | Unset = UNSET
            if _formats is not UNSET:
                formats = []
                for formats_item_data in _formats:
                    formats_item = SubtitlesFormatEnum._value2member_map_.get(formats_item_data) or SubtitlesFormatEnum(
                        formats_item_data
                    )

                    formats.append(formats_item)

            minimum_duration = d.get("minimum_duration", UNSET)
            if minimum_duration.__class__ not in (float, int) and minimum_duration is not UNSET:
                minimum_duration = parse_float(minimum_duration, "minimum_duration")

            maximum_duration = d.get("maximum_duration", UNSET)
            if maximum_duration.__class__ not in (float, int) and maximum_duration is not UNSET:
                maximum_duration = parse_float(maximum_duration, "maximum_duration")

            maximum_characters_per_row = d.get("maximum_characters_per_row", UNSET)
            if maximum_characters_per_row.__class__ is not int and maximum_characters_per_row is not UNSET:
                maximum_characters_per_row = parse_int(maximum_characters_per_row, "maximum_characters_per_row")

            maximum_rows_per_caption = d.get("maximum_rows_per_caption", UNSET)
            if maximum_rows_per_caption.__class__ is not int and maximum_rows_per_caption is not UNSET:
                maximum_rows_per_caption = parse_int(maximum_rows_per_caption, "maximum_rows_per_caption")

            _style = d.get("style", UNSET)
            style: SubtitlesStyleEnum | Unset
            if isinstance(_style, Unset):
                style = UNSET
            else:
                style = SubtitlesStyleEnum._value2member_map_.get(_style) or SubtitlesStyleEnum(_style)

            subtitles_config_dto = new(cls)
            subtitles_config_dto.formats = formats
            subtitles_config_dto.minimum_duration = minimum_duration
            subtitles_config_dto.maximum_duration = maximum_duration
            subtitles_config_dto.maximum_characters_per_row = maximum_characters_per_row
            subtitles_config_dto.maximum_rows_per_caption = maximum_rows_per_caption
            subtitles_config_dto.style = style

            subtitles_config_dto._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(subtitles_config_dto)
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
