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
    parse_float,
    parse_int,
)

T = TypeVar("T", bound="TranscriptionMetadataDTO")

_KEYS = frozenset(
    {
        "audio_duration",
        "billing_time",
        "transcription_time",
        "number_of_distinct_channels",
    }
)


@_attrs_define
class TranscriptionMetadataDTO:
    audio_duration: float
    """ Duration of the audio in seconds. """
    billing_time: float
    """ Seconds billed (duration times distinct channels). """
    transcription_time: float
    """ Seconds Gladia spent on the job. """
    number_of_distinct_channels: int | Unset = UNSET
    """ Channels that carried different audio. """
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
        audio_duration = self.audio_duration

        billing_time = self.billing_time

        transcription_time = self.transcription_time

        number_of_distinct_channels = self.number_of_distinct_channels

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "audio_duration": audio_duration,
                "billing_time": billing_time,
                "transcription_time": transcription_time,
            }
        )
        if number_of_distinct_channels is not UNSET:
            field_dict["number_of_distinct_channels"] = number_of_distinct_channels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        audio_duration = d["audio_duration"]
        if audio_duration.__class__ is not float and audio_duration.__class__ is not int:
            audio_duration = parse_float(audio_duration, "audio_duration")

        billing_time = d["billing_time"]
        if billing_time.__class__ is not float and billing_time.__class__ is not int:
            billing_time = parse_float(billing_time, "billing_time")

        transcription_time = d["transcription_time"]
        if transcription_time.__class__ is not float and transcription_time.__class__ is not int:
            transcription_time = parse_float(transcription_time, "transcription_time")

        number_of_distinct_channels = d.get("number_of_distinct_channels", UNSET)
        if number_of_distinct_channels.__class__ is not int and number_of_distinct_channels is not UNSET:
            number_of_distinct_channels = parse_int(number_of_distinct_channels, "number_of_distinct_channels")

        transcription_metadata_dto = object.__new__(cls)
        transcription_metadata_dto.audio_duration = audio_duration
        transcription_metadata_dto.billing_time = billing_time
        transcription_metadata_dto.transcription_time = transcription_time
        transcription_metadata_dto.number_of_distinct_channels = number_of_distinct_channels

        transcription_metadata_dto._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return transcription_metadata_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            audio_duration = d["audio_duration"]
            if audio_duration.__class__ is not float and audio_duration.__class__ is not int:
                audio_duration = parse_float(audio_duration, "audio_duration")

            billing_time = d["billing_time"]
            if billing_time.__class__ is not float and billing_time.__class__ is not int:
                billing_time = parse_float(billing_time, "billing_time")

            transcription_time = d["transcription_time"]
            if transcription_time.__class__ is not float and transcription_time.__class__ is not int:
                transcription_time = parse_float(transcription_time, "transcription_time")

            number_of_distinct_channels = d.get("number_of_distinct_channels", UNSET)
            if number_of_distinct_channels.__class__ is not int and number_of_distinct_channels is not UNSET:
                number_of_distinct_channels = parse_int(number_of_distinct_channels, "number_of_distinct_channels")

            transcription_metadata_dto = new(cls)
            transcription_metadata_dto.audio_duration = audio_duration
            transcription_metadata_dto.billing_time = billing_time
            transcription_metadata_dto.transcription_time = transcription_time
            transcription_metadata_dto.number_of_distinct_channels = number_of_distinct_channels

            transcription_metadata_dto._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(transcription_metadata_dto)
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
