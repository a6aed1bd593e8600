from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_live_stop_recording_ack_message_event import CallbackLiveStopRecordingAckMessageEvent
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.stop_recording_ack_message import StopRecordingAckMessage


T = TypeVar("T", bound="CallbackLiveStopRecordingAckMessage")

_KEYS = frozenset(
    {
        "id",
        "event",
        "payload",
    }
)


@_attrs_define
class CallbackLiveStopRecordingAckMessage:
    """The `stop_recording` message of a live session, as sent on its WebSocket, POSTed to its `callback_config.url`."""

    id: str
    """ The live session's id. """
    payload: StopRecordingAckMessage
    """ The server received `stop_recording`; the transcript of what is left follows. """
    event: CallbackLiveStopRecordingAckMessageEvent = CallbackLiveStopRecordingAckMessageEvent.LIVE_STOP_RECORDING
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

        event = self.event.value

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "event": event,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        event = CallbackLiveStopRecordingAckMessageEvent._value2member_map_.get(
            d["event"]
        ) or CallbackLiveStopRecordingAckMessageEvent(d["event"])

        payload = StopRecordingAckMessage.from_dict(d["payload"])

        callback_live_stop_recording_ack_message = object.__new__(cls)
        callback_live_stop_recording_ack_message.id = id
        callback_live_stop_recording_ack_message.event = event
        callback_live_stop_recording_ack_message.payload = payload

        callback_live_stop_recording_ack_message._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return callback_live_stop_recording_ack_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            event = CallbackLiveStopRecordingAckMessageEvent._value2member_map_.get(
                d["event"]
            ) or CallbackLiveStopRecordingAckMessageEvent(d["event"])

            payload = StopRecordingAckMessage.from_dict(d["payload"])

            callback_live_stop_recording_ack_message = new(cls)
            callback_live_stop_recording_ack_message.id = id
            callback_live_stop_recording_ack_message.event = event
            callback_live_stop_recording_ack_message.payload = payload

            callback_live_stop_recording_ack_message._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(callback_live_stop_recording_ack_message)
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


from ..models.stop_recording_ack_message import StopRecordingAckMessage  # noqa: E402
