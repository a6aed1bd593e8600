from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
    parse_int,
)

T = TypeVar("T", bound="FileResponse")

_KEYS = frozenset(
    {
        "id",
        "filename",
        "source",
        "audio_duration",
        "number_of_channels",
    }
)


@_attrs_define
class FileResponse:
    id: str
    """ The stored file's id. """
    filename: None | str
    """ The file's name. """
    source: None | str
    """ The URL it was fetched from """
    audio_duration: float | None
    """ Duration in seconds. """
    number_of_channels: int | None
    """ How many audio channels the file has. """
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
        id = self.id

        filename: None | str
        filename = self.filename

        source: None | str
        source = self.source

        audio_duration: float | None
        audio_duration = self.audio_duration

        number_of_channels: int | None
        number_of_channels = self.number_of_channels

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "source": source,
                "audio_duration": audio_duration,
                "number_of_channels": number_of_channels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d["filename"])

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d["source"])

        def _parse_audio_duration(data: object) -> float | None:
            if data is None:
                return data
            audio_duration_type_0 = data
            if audio_duration_type_0.__class__ is not float and audio_duration_type_0.__class__ is not int:
                audio_duration_type_0 = parse_float(audio_duration_type_0, "audio_duration_type_0")

            return audio_duration_type_0
            return cast(float | None, data)

        audio_duration = _parse_audio_duration(d["audio_duration"])

        def _parse_number_of_channels(data: object) -> int | None:
            if data is None:
                return data
            number_of_channels_type_0 = data
            if number_of_channels_type_0.__class__ is not int:
                number_of_channels_type_0 = parse_int(number_of_channels_type_0, "number_of_channels_type_0")

            return number_of_channels_type_0
            return cast(int | None, data)

        number_of_channels = _parse_number_of_channels(d["number_of_channels"])

        file_response = object.__new__(cls)
        file_response.id = id
        file_response.filename = filename
        file_response.source = source
        file_response.audio_duration = audio_duration
        file_response.number_of_channels = number_of_channels

        file_response._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return file_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            def _parse_filename(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            filename = _parse_filename(d["filename"])

            def _parse_source(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            source = _parse_source(d["source"])

            def _parse_audio_duration(data: object) -> float | None:
                if data is None:
                    return data
                audio_duration_type_0 = data
                if audio_duration_type_0.__class__ is not float and audio_duration_type_0.__class__ is not int:
                    audio_duration_type_0 = parse_float(audio_duration_type_0, "audio_duration_type_0")

                return audio_duration_type_0
                return cast(float | None, data)

            audio_duration = _parse_audio_duration(d["audio_duration"])

            def _parse_number_of_channels(data: object) -> int | None:
                if data is None:
                    return data
                number_of_channels_type_0 = data
                if number_of_channels_type_0.__class__ is not int:
                    number_of_channels_type_0 = parse_int(number_of_channels_type_0, "number_of_channels_type_0")

                return number_of_channels_type_0
                return cast(int | None, data)

            number_of_channels = _parse_number_of_channels(d["number_of_channels"])

            file_response = new(cls)
            file_response.id = id
            file_response.filename = filename
            file_response.source = source
            file_response.audio_duration = audio_duration
            file_response.number_of_channels = number_of_channels

            file_response._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(file_response)
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
