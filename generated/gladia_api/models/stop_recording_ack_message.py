from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stop_recording_ack_message_type import StopRecordingAckMessageType
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.error import Error
    from ..models.stop_recording_ack_data import StopRecordingAckData


T = TypeVar("T", bound="StopRecordingAckMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "acknowledged",
        "error",
        "type",
        "data",
    }
)


@_attrs_define
class StopRecordingAckMessage:
    """The server received `stop_recording`; the transcript of what is left follows."""

    session_id: str
    created_at: str
    acknowledged: bool
    error: Error | None
    data: None | StopRecordingAckData
    type_: StopRecordingAckMessageType = StopRecordingAckMessageType.STOP_RECORDING
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

        acknowledged = self.acknowledged

        error: dict[str, Any] | None
        if isinstance(self.error, Error):
            error = self.error.to_dict()
        else:
            error = self.error

        type_ = self.type_.value

        data: dict[str, Any] | None
        if isinstance(self.data, StopRecordingAckData):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "created_at": created_at,
                "acknowledged": acknowledged,
                "error": error,
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

        acknowledged = d["acknowledged"]

        def _parse_error(data: object) -> Error | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = Error.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Error | None, data)

        error = _parse_error(d["error"])

        type_ = StopRecordingAckMessageType._value2member_map_.get(d["type"]) or StopRecordingAckMessageType(d["type"])

        def _parse_data(data: object) -> None | StopRecordingAckData:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = StopRecordingAckData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StopRecordingAckData, data)

        data = _parse_data(d["data"])

        stop_recording_ack_message = object.__new__(cls)
        stop_recording_ack_message.session_id = session_id
        stop_recording_ack_message.created_at = created_at
        stop_recording_ack_message.acknowledged = acknowledged
        stop_recording_ack_message.error = error
        stop_recording_ack_message.type_ = type_
        stop_recording_ack_message.data = data

        stop_recording_ack_message._additional_properties = (
            None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return stop_recording_ack_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            acknowledged = d["acknowledged"]

            def _parse_error(data: object) -> Error | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    error_type_0 = Error.from_dict(data)

                    return error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Error | None, data)

            error = _parse_error(d["error"])

            type_ = StopRecordingAckMessageType._value2member_map_.get(d["type"]) or StopRecordingAckMessageType(
                d["type"]
            )

            def _parse_data(data: object) -> None | StopRecordingAckData:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_type_0 = StopRecordingAckData.from_dict(data)

                    return data_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | StopRecordingAckData, data)

            data = _parse_data(d["data"])

            stop_recording_ack_message = new(cls)
            stop_recording_ack_message.session_id = session_id
            stop_recording_ack_message.created_at = created_at
            stop_recording_ack_message.acknowledged = acknowledged
            stop_recording_ack_message.error = error
            stop_recording_ack_message.type_ = type_
            stop_recording_ack_message.data = data

            stop_recording_ack_message._additional_properties = (
                None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(stop_recording_ack_message)
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


from ..models.error import Error  # noqa: E402
from ..models.stop_recording_ack_data import StopRecordingAckData  # noqa: E402
