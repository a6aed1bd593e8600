from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.start_recording_message_type import StartRecordingMessageType
from ..types import (
    extras_key,
    extras_repr,
)

T = TypeVar("T", bound="StartRecordingMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "type",
    }
)


@_attrs_define
class StartRecordingMessage:
    """The first audio arrived: recording has started."""

    session_id: str
    created_at: str
    type_: StartRecordingMessageType = StartRecordingMessageType.START_RECORDING
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

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "created_at": created_at,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        session_id = d["session_id"]

        created_at = d["created_at"]

        type_ = StartRecordingMessageType._value2member_map_.get(d["type"]) or StartRecordingMessageType(d["type"])

        start_recording_message = object.__new__(cls)
        start_recording_message.session_id = session_id
        start_recording_message.created_at = created_at
        start_recording_message.type_ = type_

        start_recording_message._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return start_recording_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            type_ = StartRecordingMessageType._value2member_map_.get(d["type"]) or StartRecordingMessageType(d["type"])

            start_recording_message = new(cls)
            start_recording_message.session_id = session_id
            start_recording_message.created_at = created_at
            start_recording_message.type_ = type_

            start_recording_message._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(start_recording_message)
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
