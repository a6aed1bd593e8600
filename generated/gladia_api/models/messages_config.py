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
)

T = TypeVar("T", bound="MessagesConfig")

_KEYS = frozenset(
    {
        "receive_partial_transcripts",
        "receive_final_transcripts",
        "receive_speech_events",
        "receive_pre_processing_events",
        "receive_realtime_processing_events",
        "receive_post_processing_events",
        "receive_acknowledgments",
        "receive_errors",
        "receive_lifecycle_events",
    }
)


@_attrs_define
class MessagesConfig:
    """Which kinds of message the WebSocket carries; each flag turns one kind on or off."""

    receive_partial_transcripts: bool | Unset = False
    receive_final_transcripts: bool | Unset = True
    receive_speech_events: bool | Unset = True
    receive_pre_processing_events: bool | Unset = True
    receive_realtime_processing_events: bool | Unset = True
    receive_post_processing_events: bool | Unset = True
    receive_acknowledgments: bool | Unset = True
    receive_errors: bool | Unset = True
    receive_lifecycle_events: bool | Unset = False
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
        receive_partial_transcripts = self.receive_partial_transcripts

        receive_final_transcripts = self.receive_final_transcripts

        receive_speech_events = self.receive_speech_events

        receive_pre_processing_events = self.receive_pre_processing_events

        receive_realtime_processing_events = self.receive_realtime_processing_events

        receive_post_processing_events = self.receive_post_processing_events

        receive_acknowledgments = self.receive_acknowledgments

        receive_errors = self.receive_errors

        receive_lifecycle_events = self.receive_lifecycle_events

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if receive_partial_transcripts is not UNSET:
            field_dict["receive_partial_transcripts"] = receive_partial_transcripts
        if receive_final_transcripts is not UNSET:
            field_dict["receive_final_transcripts"] = receive_final_transcripts
        if receive_speech_events is not UNSET:
            field_dict["receive_speech_events"] = receive_speech_events
        if receive_pre_processing_events is not UNSET:
            field_dict["receive_pre_processing_events"] = receive_pre_processing_events
        if receive_realtime_processing_events is not UNSET:
            field_dict["receive_realtime_processing_events"] = receive_realtime_processing_events
        if receive_post_processing_events is not UNSET:
            field_dict["receive_post_processing_events"] = receive_post_processing_events
        if receive_acknowledgments is not UNSET:
            field_dict["receive_acknowledgments"] = receive_acknowledgments
        if receive_errors is not UNSET:
            field_dict["receive_errors"] = receive_errors
        if receive_lifecycle_events is not UNSET:
            field_dict["receive_lifecycle_events"] = receive_lifecycle_events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        receive_partial_transcripts = d.get("receive_partial_transcripts", UNSET)

        receive_final_transcripts = d.get("receive_final_transcripts", UNSET)

        receive_speech_events = d.get("receive_speech_events", UNSET)

        receive_pre_processing_events = d.get("receive_pre_processing_events", UNSET)

        receive_realtime_processing_events = d.get("receive_realtime_processing_events", UNSET)

        receive_post_processing_events = d.get("receive_post_processing_events", UNSET)

        receive_acknowledgments = d.get("receive_acknowledgments", UNSET)

        receive_errors = d.get("receive_errors", UNSET)

        receive_lifecycle_events = d.get("receive_lifecycle_events", UNSET)

        messages_config = object.__new__(cls)
        messages_config.receive_partial_transcripts = receive_partial_transcripts
        messages_config.receive_final_transcripts = receive_final_transcripts
        messages_config.receive_speech_events = receive_speech_events
        messages_config.receive_pre_processing_events = receive_pre_processing_events
        messages_config.receive_realtime_processing_events = receive_realtime_processing_events
        messages_config.receive_post_processing_events = receive_post_processing_events
        messages_config.receive_acknowledgments = receive_acknowledgments
        messages_config.receive_errors = receive_errors
        messages_config.receive_lifecycle_events = receive_lifecycle_events

        messages_config._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return messages_config

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            receive_partial_transcripts = d.get("receive_partial_transcripts", UNSET)

            receive_final_transcripts = d.get("receive_final_transcripts", UNSET)

            receive_speech_events = d.get("receive_speech_events", UNSET)

            receive_pre_processing_events = d.get("receive_pre_processing_events", UNSET)

            receive_realtime_processing_events = d.get("receive_realtime_processing_events", UNSET)

            receive_post_processing_events = d.get("receive_post_processing_events", UNSET)

            receive_acknowledgments = d.get("receive_acknowledgments", UNSET)

            receive_errors = d.get("receive_errors", UNSET)

            receive_lifecycle_events = d.get("receive_lifecycle_events", UNSET)

            messages_config = new(cls)
            messages_config.receive_partial_transcripts = receive_partial_transcripts
            messages_config.receive_final_transcripts = receive_final_transcripts
            messages_config.receive_speech_events = receive_speech_events
            messages_config.receive_pre_processing_events = receive_pre_processing_events
            messages_config.receive_realtime_processing_events = receive_realtime_processing_events
            messages_config.receive_post_processing_events = receive_post_processing_events
            messages_config.receive_acknowledgments = receive_acknowledgments
            messages_config.receive_errors = receive_errors
            messages_config.receive_lifecycle_events = receive_lifecycle_events

            messages_config._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(messages_config)
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
