from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.utterance_dto import UtteranceDTO


T = TypeVar("T", bound="TranscriptMessageData")

_KEYS = frozenset(
    {
        "id",
        "is_final",
        "utterance",
    }
)


@_attrs_define
class TranscriptMessageData:
    """One utterance's transcript; `is_final` tells a partial from the final one."""

    id: str
    """ The utterance's id: its partials and its final share it. """
    is_final: bool
    """ False for a partial transcript that may still change, true for the final one. """
    utterance: UtteranceDTO
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

        is_final = self.is_final

        utterance = self.utterance.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "is_final": is_final,
                "utterance": utterance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        is_final = d["is_final"]

        utterance = UtteranceDTO.from_dict(d["utterance"])

        transcript_message_data = object.__new__(cls)
        transcript_message_data.id = id
        transcript_message_data.is_final = is_final
        transcript_message_data.utterance = utterance

        transcript_message_data._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return transcript_message_data

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            is_final = d["is_final"]

            utterance = UtteranceDTO.from_dict(d["utterance"])

            transcript_message_data = new(cls)
            transcript_message_data.id = id
            transcript_message_data.is_final = is_final
            transcript_message_data.utterance = utterance

            transcript_message_data._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(transcript_message_data)
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


from ..models.utterance_dto import UtteranceDTO  # noqa: E402
