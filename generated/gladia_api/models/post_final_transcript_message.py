from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_final_transcript_message_type import PostFinalTranscriptMessageType
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.streaming_transcription_result_dto import StreamingTranscriptionResultDTO


T = TypeVar("T", bound="PostFinalTranscriptMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "type",
        "data",
    }
)


@_attrs_define
class PostFinalTranscriptMessage:
    """After post-processing: the whole transcript with every add-on result."""

    session_id: str
    created_at: str
    data: StreamingTranscriptionResultDTO
    """ The transcript of a whole live session and its add-on results. """
    type_: PostFinalTranscriptMessageType = PostFinalTranscriptMessageType.POST_FINAL_TRANSCRIPT
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

        type_ = PostFinalTranscriptMessageType._value2member_map_.get(d["type"]) or PostFinalTranscriptMessageType(
            d["type"]
        )

        data = StreamingTranscriptionResultDTO.from_dict(d["data"])

        post_final_transcript_message = object.__new__(cls)
        post_final_transcript_message.session_id = session_id
        post_final_transcript_message.created_at = created_at
        post_final_transcript_message.type_ = type_
        post_final_transcript_message.data = data

        post_final_transcript_message._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return post_final_transcript_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            type_ = PostFinalTranscriptMessageType._value2member_map_.get(d["type"]) or PostFinalTranscriptMessageType(
                d["type"]
            )

            data = StreamingTranscriptionResultDTO.from_dict(d["data"])

            post_final_transcript_message = new(cls)
            post_final_transcript_message.session_id = session_id
            post_final_transcript_message.created_at = created_at
            post_final_transcript_message.type_ = type_
            post_final_transcript_message.data = data

            post_final_transcript_message._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(post_final_transcript_message)
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


from ..models.streaming_transcription_result_dto import StreamingTranscriptionResultDTO  # noqa: E402
