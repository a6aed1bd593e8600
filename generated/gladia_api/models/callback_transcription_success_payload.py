from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_transcription_success_payload_event import CallbackTranscriptionSuccessPayloadEvent
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.callback_transcription_success_payload_custom_metadata_type_0 import (
        CallbackTranscriptionSuccessPayloadCustomMetadataType0,
    )
    from ..models.transcription_result_dto import TranscriptionResultDTO


T = TypeVar("T", bound="CallbackTranscriptionSuccessPayload")

_KEYS = frozenset(
    {
        "id",
        "event",
        "payload",
        "custom_metadata",
    }
)


@_attrs_define
class CallbackTranscriptionSuccessPayload:
    """The body sent to `callback_config.url` when a job is done."""

    id: str
    """ The job's id. """
    payload: TranscriptionResultDTO
    """ Everything a finished job produced. An add-on's block is present only when it was requested. """
    event: CallbackTranscriptionSuccessPayloadEvent = CallbackTranscriptionSuccessPayloadEvent.TRANSCRIPTION_SUCCESS
    custom_metadata: CallbackTranscriptionSuccessPayloadCustomMetadataType0 | None | Unset = UNSET
    """ The job's `custom_metadata`. """
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

        custom_metadata: dict[str, Any] | None | Unset
        if isinstance(self.custom_metadata, Unset):
            custom_metadata = UNSET
        elif isinstance(self.custom_metadata, CallbackTranscriptionSuccessPayloadCustomMetadataType0):
            custom_metadata = self.custom_metadata.to_dict()
        else:
            custom_metadata = self.custom_metadata

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
        if custom_metadata is not UNSET:
            field_dict["custom_metadata"] = custom_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        event = CallbackTranscriptionSuccessPayloadEvent._value2member_map_.get(
            d["event"]
        ) or CallbackTranscriptionSuccessPayloadEvent(d["event"])

        payload = TranscriptionResultDTO.from_dict(d["payload"])

        def _parse_custom_metadata(
            data: object,
        ) -> CallbackTranscriptionSuccessPayloadCustomMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_metadata_type_0 = CallbackTranscriptionSuccessPayloadCustomMetadataType0.from_dict(data)

                return custom_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackTranscriptionSuccessPayloadCustomMetadataType0 | None | Unset, data)

        custom_metadata = _parse_custom_metadata(d.get("custom_metadata", UNSET))

        callback_transcription_success_payload = object.__new__(cls)
        callback_transcription_success_payload.id = id
        callback_transcription_success_payload.event = event
        callback_transcription_success_payload.payload = payload
        callback_transcription_success_payload.custom_metadata = custom_metadata

        callback_transcription_success_payload._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return callback_transcription_success_payload

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            event = CallbackTranscriptionSuccessPayloadEvent._value2member_map_.get(
                d["event"]
            ) or CallbackTranscriptionSuccessPayloadEvent(d["event"])

            payload = TranscriptionResultDTO.from_dict(d["payload"])

            def _parse_custom_metadata(
                data: object,
            ) -> CallbackTranscriptionSuccessPayloadCustomMetadataType0 | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    custom_metadata_type_0 = CallbackTranscriptionSuccessPayloadCustomMetadataType0.from_dict(data)

                    return custom_metadata_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(CallbackTranscriptionSuccessPayloadCustomMetadataType0 | None | Unset, data)

            custom_metadata = _parse_custom_metadata(d.get("custom_metadata", UNSET))

            callback_transcription_success_payload = new(cls)
            callback_transcription_success_payload.id = id
            callback_transcription_success_payload.event = event
            callback_transcription_success_payload.payload = payload
            callback_transcription_success_payload.custom_metadata = custom_metadata

            callback_transcription_success_payload._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(callback_transcription_success_payload)
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


from ..models.callback_transcription_success_payload_custom_metadata_type_0 import (
    CallbackTranscriptionSuccessPayloadCustomMetadataType0,  # noqa: E402
)
from ..models.transcription_result_dto import TranscriptionResultDTO  # noqa: E402
