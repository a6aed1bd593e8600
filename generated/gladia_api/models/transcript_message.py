from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcript_message_type import TranscriptMessageType
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.transcript_message_data import TranscriptMessageData


T = TypeVar("T", bound="TranscriptMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "type",
        "data",
    }
)


@_attrs_define
class TranscriptMessage:
    """The transcript of one utterance: partial while it is spoken, then final."""

    session_id: str
    created_at: str
    data: TranscriptMessageData
    """ One utterance's transcript; `is_final` tells a partial from the final one. """
    type_: TranscriptMessageType = TranscriptMessageType.TRANSCRIPT
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
        session_id = self.session_id

        created_at = self.created_at

        type_ = self.type_.value

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "created_at": created_at,
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        session_id = d["session_id"]

        created_at = d["created_at"]

        type_ = TranscriptMessageType._value2member_map_.get(d["type"]) or TranscriptMessageType(d["type"])

        data = TranscriptMessageData.from_dict(d["data"])

        transcript_message = object.__new__(cls)
        transcript_message.session_id = session_id
        transcript_message.created_at = created_at
        transcript_message.type_ = type_
        transcript_message.data = data

        transcript_message._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return transcript_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            type_ = TranscriptMessageType._value2member_map_.get(d["type"]) or TranscriptMessageType(d["type"])

            data = TranscriptMessageData.from_dict(d["data"])

            transcript_message = new(cls)
            transcript_message.session_id = session_id
            transcript_message.created_at = created_at
            transcript_message.type_ = type_
            transcript_message.data = data

            transcript_message._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(transcript_message)
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


from ..models.transcript_message_data import TranscriptMessageData  # noqa: E402
