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

T = TypeVar("T", bound="AudioUploadMetadataDTO")

_KEYS = frozenset(
    {
        "id",
        "filename",
        "extension",
        "size",
        "audio_duration",
        "number_of_channels",
        "source",
    }
)


@_attrs_define
class AudioUploadMetadataDTO:
    """What Gladia read from the stored file."""

    id: str
    """ The stored file's id (the last segment of `audio_url`). """
    filename: str
    """ The file name as sent """
    extension: str
    """ The container format Gladia detected """
    size: int
    """ Size in bytes. """
    audio_duration: float
    """ Duration in seconds. """
    number_of_channels: int
    """ How many audio channels the file has. """
    source: str | Unset = UNSET
    """ The URL the file was fetched from """
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

        filename = self.filename

        extension = self.extension

        size = self.size

        audio_duration = self.audio_duration

        number_of_channels = self.number_of_channels

        source = self.source

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "extension": extension,
                "size": size,
                "audio_duration": audio_duration,
                "number_of_channels": number_of_channels,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        filename = d["filename"]

        extension = d["extension"]

        size = d["size"]
        if size.__class__ is not int:
            size = parse_int(size, "size")

        audio_duration = d["audio_duration"]
        if audio_duration.__class__ is not float and audio_duration.__class__ is not int:
            audio_duration = parse_float(audio_duration, "audio_duration")

        number_of_channels = d["number_of_channels"]
        if number_of_channels.__class__ is not int:
            number_of_channels = parse_int(number_of_channels, "number_of_channels")

        source = d.get("source", UNSET)

        audio_upload_metadata_dto = object.__new__(cls)
        audio_upload_metadata_dto.id = id
        audio_upload_metadata_dto.filename = filename
        audio_upload_metadata_dto.extension = extension
        audio_upload_metadata_dto.size = size
        audio_upload_metadata_dto.audio_duration = audio_duration
        audio_upload_metadata_dto.number_of_channels = number_of_channels
        audio_upload_metadata_dto.source = source

        audio_upload_metadata_dto._additional_properties = (
            None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return audio_upload_metadata_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            filename = d["filename"]

            extension = d["extension"]

            size = d["size"]
            if size.__class__ is not int:
                size = parse_int(size, "size")

            audio_duration = d["audio_duration"]
            if audio_duration.__class__ is not float and audio_duration.__class__ is not int:
                audio_duration = parse_float(audio_duration, "audio_duration")

            number_of_channels = d["number_of_channels"]
            if number_of_channels.__class__ is not int:
                number_of_channels = parse_int(number_of_channels, "number_of_channels")

            source = d.get("source", UNSET)

            audio_upload_metadata_dto = new(cls)
            audio_upload_metadata_dto.id = id
            audio_upload_metadata_dto.filename = filename
            audio_upload_metadata_dto.extension = extension
            audio_upload_metadata_dto.size = size
            audio_upload_metadata_dto.audio_duration = audio_duration
            audio_upload_metadata_dto.number_of_channels = number_of_channels
            audio_upload_metadata_dto.source = source

            audio_upload_metadata_dto._additional_properties = (
                None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(audio_upload_metadata_dto)
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
