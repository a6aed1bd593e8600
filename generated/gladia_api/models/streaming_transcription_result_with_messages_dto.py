from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.chapterization_dto import ChapterizationDTO
    from ..models.named_entity_recognition_dto import NamedEntityRecognitionDTO
    from ..models.sentiment_analysis_dto import SentimentAnalysisDTO
    from ..models.summarization_dto import SummarizationDTO
    from ..models.transcription_dto import TranscriptionDTO
    from ..models.transcription_metadata_dto import TranscriptionMetadataDTO
    from ..models.translation_dto import TranslationDTO


T = TypeVar("T", bound="StreamingTranscriptionResultWithMessagesDTO")

_KEYS = frozenset(
    {
        "metadata",
        "transcription",
        "translation",
        "summarization",
        "named_entity_recognition",
        "sentiment_analysis",
        "chapterization",
        "messages",
    }
)


@_attrs_define
class StreamingTranscriptionResultWithMessagesDTO:
    """The stored result of a live session, with the messages it sent."""

    metadata: TranscriptionMetadataDTO
    transcription: TranscriptionDTO | Unset = UNSET
    translation: TranslationDTO | Unset = UNSET
    summarization: SummarizationDTO | Unset = UNSET
    named_entity_recognition: NamedEntityRecognitionDTO | Unset = UNSET
    sentiment_analysis: SentimentAnalysisDTO | Unset = UNSET
    chapterization: ChapterizationDTO | Unset = UNSET
    messages: list[str] | Unset = UNSET
    """ Every message the session sent over the WebSocket, each as its JSON text. """
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
        metadata = self.metadata.to_dict()

        transcription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcription, Unset):
            transcription = self.transcription.to_dict()

        translation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.translation, Unset):
            translation = self.translation.to_dict()

        summarization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summarization, Unset):
            summarization = self.summarization.to_dict()

        named_entity_recognition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.named_entity_recognition, Unset):
            named_entity_recognition = self.named_entity_recognition.to_dict()

        sentiment_analysis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sentiment_analysis, Unset):
            sentiment_analysis = self.sentiment_analysis.to_dict()

        chapterization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chapterization, Unset):
            chapterization = self.chapterization.to_dict()

        messages: list[str] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "metadata": metadata,
            }
        )
        if transcription is not UNSET:
            field_dict["transcription"] = transcription
        if translation is not UNSET:
            field_dict["translation"] = translation
        if summarization is not UNSET:
            field_dict["summarization"] = summarization
        if named_entity_recognition is not UNSET:
            field_dict["named_entity_recognition"] = named_entity_recognition
        if sentiment_analysis is not UNSET:
            field_dict["sentiment_analysis"] = sentiment_analysis
        if chapterization is not UNSET:
            field_dict["chapterization"] = chapterization
        if messages is not UNSET:
            field_dict["messages"] = messages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        metadata = TranscriptionMetadataDTO.from_dict(d["metadata"])

        _transcription = d.get("transcription", UNSET)
        transcription: TranscriptionDTO | Unset
        if isinstance(_transcription, Unset):
            transcription = UNSET
        else:
            transcription = TranscriptionDTO.from_dict(_transcription)

        _translation = d.get("translation", UNSET)
        translation: TranslationDTO | Unset
        if isinstance(_translation, Unset):
            translation = UNSET
        else:
            translation = TranslationDTO.from_dict(_translation)

        _summarization = d.get("summarization", UNSET)
        summarization: SummarizationDTO | Unset
        if isinstance(_summarization, Unset):
            summarization = UNSET
        else:
            summarization = SummarizationDTO.from_dict(_summarization)

        _named_entity_recognition = d.get("named_entity_recognition", UNSET)
        named_entity_recognition: NamedEntityRecognitionDTO | Unset
        if isinstance(_named_entity_recognition, Unset):
            named_entity_recognition = UNSET
        else:
            named_entity_recognition = NamedEntityRecognitionDTO.from_dict(_named_entity_recognition)

        _sentiment_analysis = d.get("sentiment_analysis", UNSET)
        sentiment_analysis: SentimentAnalysisDTO | Unset
        if isinstance(_sentiment_analysis, Unset):
            sentiment_analysis = UNSET
        else:
            sentiment_analysis = SentimentAnalysisDTO.from_dict(_sentiment_analysis)

        _chapterization = d.get("chapterization", UNSET)
        chapterization: ChapterizationDTO | Unset
        if isinstance(_chapterization, Unset):
            chapterization = UNSET
        else:
            chapterization = ChapterizationDTO.from_dict(_chapterization)

        messages = cast(list[str], d.get("messages", UNSET))

        streaming_transcription_result_with_messages_dto = object.__new__(cls)
        streaming_transcription_result_with_messages_dto.metadata = metadata
        streaming_transcription_result_with_messages_dto.transcription = transcription
        streaming_transcription_result_with_messages_dto.translation = translation
        streaming_transcription_result_with_messages_dto.summarization = summarization
        streaming_transcription_result_with_messages_dto.named_entity_recognition = named_entity_recognition
        streaming_transcription_result_with_messages_dto.sentiment_analysis = sentiment_analysis
        streaming_transcription_result_with_messages_dto.chapterization = chapterization
        streaming_transcription_result_with_messages_dto.messages = messages

        streaming_transcription_result_with_messages_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return streaming_transcription_result_with_messages_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            metadata = TranscriptionMetadataDTO.from_dict(d["metadata"])

            _transcription = d.get("transcription", UNSET)
            transcription: TranscriptionDTO | Unset
            if isinstance(_transcription, Unset):
                transcription = UNSET
            else:
                transcription = TranscriptionDTO.from_dict(_transcription)

            _translation = d.get("translation", UNSET)
            translation: TranslationDTO | Unset
            if isinstance(_translation, Unset):
                translation = UNSET
            else:
                translation = TranslationDTO.from_dict(_translation)

            _summarization = d.get("summarization", UNSET)
            summarization: SummarizationDTO | Unset
            if isinstance(_summarization, Unset):
                summarization = UNSET
            else:
                summarization = SummarizationDTO.from_dict(_summarization)

            _named_entity_recognition = d.get("named_entity_recognition", UNSET)
            named_entity_recognition: NamedEntityRecognitionDTO | Unset
            if isinstance(_named_entity_recognition, Unset):
                named_entity_recognition = UNSET
            else:
                named_entity_recognition = NamedEntityRecognitionDTO.from_dict(_named_entity_recognition)

            _sentiment_analysis = d.get("sentiment_analysis", UNSET)
            sentiment_analysis: SentimentAnalysisDTO | Unset
            if isinstance(_sentiment_analysis, Unset):
                sentiment_analysis = UNSET
            else:
                sentiment_analysis = SentimentAnalysisDTO.from_dict(_sentiment_analysis)

            _chapterization = d.get("chapterization", UNSET)
            chapterization: ChapterizationDTO | Unset
            if isinstance(_chapterization, Unset):
                chapterization = UNSET
            else:
                chapterization = ChapterizationDTO.from_dict(_chapterization)

            messages = cast(list[str], d.get("messages", UNSET))

            streaming_transcription_result_with_messages_dto = new(cls)
            streaming_transcription_result_with_messages_dto.metadata = metadata
            streaming_transcription_result_with_messages_dto.transcription = transcription
            streaming_transcription_result_with_messages_dto.translation = translation
            streaming_transcription_result_with_messages_dto.summarization = summarization
            streaming_transcription_result_with_messages_dto.named_entity_recognition = named_entity_recognition
            streaming_transcription_result_with_messages_dto.sentiment_analysis = sentiment_analysis
            streaming_transcription_result_with_messages_dto.chapterization = chapterization
            streaming_transcription_result_with_messages_dto.messages = messages

            streaming_transcription_result_with_messages_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(streaming_transcription_result_with_messages_dto)
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


from ..models.chapterization_dto import ChapterizationDTO  # noqa: E402
from ..models.named_entity_recognition_dto import NamedEntityRecognitionDTO  # noqa: E402
from ..models.sentiment_analysis_dto import SentimentAnalysisDTO  # noqa: E402
from ..models.summarization_dto import SummarizationDTO  # noqa: E402
from ..models.transcription_dto import TranscriptionDTO  # noqa: E402
from ..models.transcription_metadata_dto import TranscriptionMetadataDTO  # noqa: E402
from ..models.translation_dto import TranslationDTO  # noqa: E402
