from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_transcription_success_payload_event import WebhookTranscriptionSuccessPayloadEvent
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.pre_recorded_event_payload import PreRecordedEventPayload


T = TypeVar("T", bound="WebhookTranscriptionSuccessPayload")

_KEYS = frozenset(
    {
        "event",
        "payload",
    }
)


@_attrs_define
class WebhookTranscriptionSuccessPayload:
    payload: PreRecordedEventPayload
    event: WebhookTranscriptionSuccessPayloadEvent = WebhookTranscriptionSuccessPayloadEvent.TRANSCRIPTION_SUCCESS
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
        event = self.event.value

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "event": event,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        event = WebhookTranscriptionSuccessPayloadEvent._value2member_map_.get(
            d["event"]
        ) or WebhookTranscriptionSuccessPayloadEvent(d["event"])

        payload = PreRecordedEventPayload.from_dict(d["payload"])

        webhook_transcription_success_payload = object.__new__(cls)
        webhook_transcription_success_payload.event = event
        webhook_transcription_success_payload.payload = payload

        webhook_transcription_success_payload._additional_properties = (
            None if len(d) == 2 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return webhook_transcription_success_payload

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            event = WebhookTranscriptionSuccessPayloadEvent._value2member_map_.get(
                d["event"]
            ) or WebhookTranscriptionSuccessPayloadEvent(d["event"])

            payload = PreRecordedEventPayload.from_dict(d["payload"])

            webhook_transcription_success_payload = new(cls)
            webhook_transcription_success_payload.event = event
            webhook_transcription_success_payload.payload = payload

            webhook_transcription_success_payload._additional_properties = (
                None if len(d) == 2 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(webhook_transcription_success_payload)
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


from ..models.pre_recorded_event_payload import PreRecordedEventPayload  # noqa: E402
