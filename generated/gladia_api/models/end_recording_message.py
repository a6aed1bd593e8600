from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.end_recording_message_type import EndRecordingMessageType
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.end_recording_message_data import EndRecordingMessageData


T = TypeVar("T", bound="EndRecordingMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "type",
        "data",
    }
)


@_attrs_define
class EndRecordingMessage:
    """The recording has ended (after `stop_recording`, or when the connection closed for good)."""

    session_id: str
    created_at: str
    data: EndRecordingMessageData
    """ How long the recording lasted, in seconds. """
    type_: EndRecordingMessageType = EndRecordingMessageType.END_RECORDING
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

        type_ = EndRecordingMessageType._value2member_map_.get(d["type"]) or EndRecordingMessageType(d["type"])

        data = EndRecordingMessageData.from_dict(d["data"])

        end_recording_message = object.__new__(cls)
        end_recording_message.session_id = session_id
        end_recording_message.created_at = created_at
        end_recording_message.type_ = type_
        end_recording_message.data = data

        end_recording_message._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return end_recording_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            type_ = EndRecordingMessageType._value2member_map_.get(d["type"]) or EndRecordingMessageType(d["type"])

            data = EndRecordingMessageData.from_dict(d["data"])

            end_recording_message = new(cls)
            end_recording_message.session_id = session_id
            end_recording_message.created_at = created_at
            end_recording_message.type_ = type_
            end_recording_message.data = data

            end_recording_message._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(end_recording_message)
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


from ..models.end_recording_message_data import EndRecordingMessageData  # noqa: E402
