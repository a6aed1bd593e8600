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
)

T = TypeVar("T", bound="PreProcessingConfig")

_KEYS = frozenset(
    {
        "audio_enhancer",
        "speech_threshold",
    }
)


@_attrs_define
class PreProcessingConfig:
    """What is done to the audio before it is transcribed."""

    audio_enhancer: bool | Unset = False
    """ Clean up noisy audio before transcribing it. """
    speech_threshold: float | Unset = 0.6
    """ How sure the voice detector must be (0 to 1) before audio counts as speech. """
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
        audio_enhancer = self.audio_enhancer

        speech_threshold = self.speech_threshold

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if audio_enhancer is not UNSET:
            field_dict["audio_enhancer"] = audio_enhancer
        if speech_threshold is not UNSET:
            field_dict["speech_threshold"] = speech_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        audio_enhancer = d.get("audio_enhancer", UNSET)

        speech_threshold = d.get("speech_threshold", UNSET)
        if speech_threshold.__class__ not in (float, int) and speech_threshold is not UNSET:
            speech_threshold = parse_float(speech_threshold, "speech_threshold")

        pre_processing_config = object.__new__(cls)
        pre_processing_config.audio_enhancer = audio_enhancer
        pre_processing_config.speech_threshold = speech_threshold

        pre_processing_config._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return pre_processing_config

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            audio_enhancer = d.get("audio_enhancer", UNSET)

            speech_threshold = d.get("speech_threshold", UNSET)
            if speech_threshold.__class__ not in (float, int) and speech_threshold is not UNSET:
                speech_threshold = parse_float(speech_threshold, "speech_threshold")

            pre_processing_config = new(cls)
            pre_processing_config.audio_enhancer = audio_enhancer
            pre_processing_config.speech_threshold = speech_threshold

            pre_processing_config._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(pre_processing_config)
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
