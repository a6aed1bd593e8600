from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.audio_to_llm_list_dto import AudioToLlmListDTO
    from ..models.chapterization_dto import ChapterizationDTO
    from ..models.diarization_dto import DiarizationDTO
    from ..models.display_mode_dto import DisplayModeDTO
    from ..models.moderation_dto import ModerationDTO
    from ..models.named_entity_recognition_dto import NamedEntityRecognitionDTO
    from ..models.names_consistency_dto import NamesConsistencyDTO
    from ..models.sentences_dto import SentencesDTO
    from ..models.sentiment_analysis_dto import SentimentAnalysisDTO
    from ..models.structured_data_extraction_dto import StructuredDataExtractionDTO
    from ..models.summarization_dto import SummarizationDTO
    from ..models.transcription_dto import TranscriptionDTO
    from ..models.transcription_metadata_dto import TranscriptionMetadataDTO
    from ..models.translation_dto import TranslationDTO


T = TypeVar("T", bound="TranscriptionResultDTO")

_KEYS = frozenset(
    {
        "metadata",
        "transcription",
        "translation",
        "summarization",
        "moderation",
        "named_entity_recognition",
        "name_consistency",
        "structured_data_extraction",
        "sentiment_analysis",
        "audio_to_llm",
        "sentences",
        "display_mode",
        "chapterization",
        "diarization",
    }
)


@_attrs_define
class TranscriptionResultDTO:
    """Everything a finished job produced. An add-on's block is present only when it was requested."""

    metadata: TranscriptionMetadataDTO
    transcription: TranscriptionDTO | Unset = UNSET
    translation: TranslationDTO | Unset = UNSET
    summarization: SummarizationDTO | Unset = UNSET
    moderation: ModerationDTO | Unset = UNSET
    named_entity_recognition: NamedEntityRecognitionDTO | Unset = UNSET
    name_consistency: NamesConsistencyDTO | Unset = UNSET
    structured_data_extraction: StructuredDataExtractionDTO | Unset = UNSET
    sentiment_analysis: SentimentAnalysisDTO | Unset = UNSET
    audio_to_llm: AudioToLlmListDTO | Unset = UNSET
    sentences: SentencesDTO | Unset = UNSET
    display_mode: DisplayModeDTO | Unset = UNSET
    chapterization: ChapterizationDTO | Unset = UNSET
    diarization: DiarizationDTO | Unset = UNSET
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

        moderation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.moderation, Unset):
            moderation = self.moderation.to_dict()

        named_entity_recognition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.named_entity_recognition, Unset):
            named_entity_recognition = self.named_entity_recognition.to_dict()

        name_consistency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name_consistency, Unset):
            name_consistency = self.name_consistency.to_dict()

        structured_data_extraction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.structured_data_extraction, Unset):
            structured_data_extraction = self.structured_data_extraction.to_dict()

        sentiment_analysis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sentiment_analysis, Unset):
            sentiment_analysis = self.sentiment_analysis.to_dict()

        audio_to_llm: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio_to_llm, Unset):
            audio_to_llm = self.audio_to_llm.to_dict()

        sentences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sentences, Unset):
            sentences = self.sentences.to_dict()

        display_mode: dict[str, Any] | Unset = UNSET
        if not isinstance(self.display_mode, Unset):
            display_mode = self.display_mode.to_dict()

        chapterization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chapterization, Unset):
            chapterization = self.chapterization.to_dict()

        diarization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.diarization, Unset):
            diarization = self.diarization.to_dict()

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
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if named_entity_recognition is not UNSET:
            field_dict["named_entity_recognition"] = named_entity_recognition
        if name_consistency is not UNSET:
            field_dict["name_consistency"] = name_consistency
        if structured_data_extraction is not UNSET:
            field_dict["structured_data_extraction"] = structured_data_extraction
        if sentiment_analysis is not UNSET:
            field_dict["sentiment_analysis"] = sentiment_analysis
        if audio_to_llm is not UNSET:
            field_dict["audio_to_llm"] = audio_to_llm
        if sentences is not UNSET:
            field_dict["sentences"] = sentences
        if display_mode is not UNSET:
            field_dict["display_mode"] = display_mode
        if chapterization is not UNSET:
            field_dict["chapterization"] = chapterization
        if diarization is not UNSET:
            field_dict["diarization"] = diarization

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

        _moderation = d.get("moderation", UNSET)
        moderation: ModerationDTO | Unset
        if isinstance(_moderation, Unset):
            moderation = UNSET
        else:
            moderation = ModerationDTO.from_dict(_moderation)

        _named_entity_recognition = d.get("named_entity_recognition", UNSET)
        named_entity_recognition: NamedEntityRecognitionDTO | Unset
        if isinstance(_named_entity_recognition, Unset):
            named_entity_recognition = UNSET
        else:
            named_entity_recognition = NamedEntityRecognitionDTO.from_dict(_named_entity_recognition)

        _name_consistency = d.get("name_consistency", UNSET)
        name_consistency: NamesConsistencyDTO | Unset
        if isinstance(_name_consistency, Unset):
            name_consistency = UNSET
        else:
            name_consistency = NamesConsistencyDTO.from_dict(_name_consistency)

        _structured_data_extraction = d.get("structured_data_extraction", UNSET)
        structured_data_extraction: StructuredDataExtractionDTO | Unset
        if isinstance(_structured_data_extraction, Unset):
            structured_data_extraction = UNSET
        else:
            structured_data_extraction = StructuredDataExtractionDTO.from_dict(_structured_data_extraction)

        _sentiment_analysis = d.get("sentiment_analysis", UNSET)
        sentiment_analysis: SentimentAnalysisDTO | Unset
        if isinstance(_sentiment_analysis, Unset):
            sentiment_analysis = UNSET
        else:
            sentiment_analysis = SentimentAnalysisDTO.from_dict(_sentiment_analysis)

        _audio_to_llm = d.get("audio_to_llm", UNSET)
        audio_to_llm: AudioToLlmListDTO | Unset
        if isinstance(_audio_to_llm, Unset):
            audio_to_llm = UNSET
        else:
            audio_to_llm = AudioToLlmListDTO.from_dict(_audio_to_llm)

        _sentences = d.get("sentences", UNSET)
        sentences: SentencesDTO | Unset
        if isinstance(_sentences, Unset):
            sentences = UNSET
        else:
            sentences = SentencesDTO.from_dict(_sentences)

        _display_mode = d.get("display_mode", UNSET)
        display_mode: DisplayModeDTO | Unset
        if isinstance(_display_mode, Unset):
            display_mode = UNSET
        else:
            display_mode = DisplayModeDTO.from_dict(_display_mode)

        _chapterization = d.get("chapterization", UNSET)
        chapterization: ChapterizationDTO | Unset
        if isinstance(_chapterization, Unset):
            chapterization = UNSET
        else:
            chapterization = ChapterizationDTO.from_dict(_chapterization)

        _diarization = d.get("diarization", UNSET)
        diarization: DiarizationDTO | Unset
        if isinstance(_diarization, Unset):
            diarization = UNSET
        else:
            diarization = DiarizationDTO.from_dict(_diarization)

        transcription_result_dto = object.__new__(cls)
        transcription_result_dto.metadata = metadata
        transcription_result_dto.transcription = transcription
        transcription_result_dto.translation = translation
        transcription_result_dto.summarization = summarization
        transcription_result_dto.moderation = moderation
        transcription_result_dto.named_entity_recognition = named_entity_recognition
        transcription_result_dto.name_consistency = name_consistency
        transcription_result_dto.structured_data_extraction = structured_data_extraction
        transcription_result_dto.sentiment_analysis = sentiment_analysis
        transcription_result_dto.audio_to_llm = audio_to_llm
        transcription_result_dto.sentences = sentences
        transcription_result_dto.display_mode = display_mode
        transcription_result_dto.chapterization = chapterization
        transcription_result_dto.diarization = diarization

        transcription_result_dto._additional_properties = (
            None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return transcription_result_dto

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

            _moderation = d.get("moderation", UNSET)
            moderation: ModerationDTO | Unset
            if isinstance(_moderation, Unset):
                moderation = UNSET
            else:
                moderation = ModerationDTO.from_dict(_moderation)

            _named_entity_recognition = d.get("named_entity_recognition", UNSET)
            named_entity_recognition: NamedEntityRecognitionDTO | Unset
            if isinstance(_named_entity_recognition, Unset):
                named_entity_recognition = UNSET
            else:
                named_entity_recognition = NamedEntityRecognitionDTO.from_dict(_named_entity_recognition)

            _name_consistency = d.get("name_consistency", UNSET)
            name_consistency: NamesConsistencyDTO | Unset
            if isinstance(_name_consistency, Unset):
                name_consistency = UNSET
            else:
                name_consistency = NamesConsistencyDTO.from_dict(_name_consistency)

            _structured_data_extraction = d.get("structured_data_extraction", UNSET)
            structured_data_extraction: StructuredDataExtractionDTO | Unset
            if isinstance(_structured_data_extraction, Unset):
                structured_data_extraction = UNSET
            else:
                structured_data_extraction = StructuredDataExtractionDTO.from_dict(_structured_data_extraction)

            _sentiment_analysis = d.get("sentiment_analysis", UNSET)
            sentiment_analysis: SentimentAnalysisDTO | Unset
            if isinstance(_sentiment_analysis, Unset):
                sentiment_analysis = UNSET
            else:
                sentiment_analysis = SentimentAnalysisDTO.from_dict(_sentiment_analysis)

            _audio_to_llm = d.get("audio_to_llm", UNSET)
            audio_to_llm: AudioToLlmListDTO | Unset
            if isinstance(_audio_to_llm, Unset):
                audio_to_llm = UNSET
            else:
                audio_to_llm = AudioToLlmListDTO.from_dict(_audio_to_llm)

            _sentences = d.get("sentences", UNSET)
            sentences: SentencesDTO | Unset
            if isinstance(_sentences, Unset):
                sentences = UNSET
            else:
                sentences = SentencesDTO.from_dict(_sentences)

            _display_mode = d.get("display_mode", UNSET)
            display_mode: DisplayModeDTO | Unset
            if isinstance(_display_mode, Unset):
                display_mode = UNSET
            else:
                display_mode = DisplayModeDTO.from_dict(_display_mode)

            _chapterization = d.get("chapterization", UNSET)
            chapterization: ChapterizationDTO | Unset
            if isinstance(_chapterization, Unset):
                chapterization = UNSET
            else:
                chapterization = ChapterizationDTO.from_dict(_chapterization)

            _diarization = d.get("diarization", UNSET)
            diarization: DiarizationDTO | Unset
            if isinstance(_diarization, Unset):
                diarization = UNSET
            else:
                diarization = DiarizationDTO.from_dict(_diarization)

            transcription_result_dto = new(cls)
            transcription_result_dto.metadata = metadata
            transcription_result_dto.transcription = transcription
            transcription_result_dto.translation = translation
            transcription_result_dto.summarization = summarization
            transcription_result_dto.moderation = moderation
            transcription_result_dto.named_entity_recognition = named_entity_recognition
            transcription_result_dto.name_consistency = name_consistency
            transcription_result_dto.structured_data_extraction = structured_data_extraction
            transcription_result_dto.sentiment_analysis = sentiment_analysis
            transcription_result_dto.audio_to_llm = audio_to_llm
            transcription_result_dto.sentences = sentences
            transcription_result_dto.display_mode = display_mode
            transcription_result_dto.chapterization = chapterization
            transcription_result_dto.diarization = diarization

            transcription_result_dto._additional_properties = (
                None if len(d) == 1 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(transcription_result_dto)
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


from ..models.audio_to_llm_list_dto import AudioToLlmListDTO  # noqa: E402
from ..models.chapterization_dto import ChapterizationDTO  # noqa: E402
from ..models.diarization_dto import DiarizationDTO  # noqa: E402
from ..models.display_mode_dto import DisplayModeDTO  # noqa: E402
from ..models.moderation_dto import ModerationDTO  # noqa: E402
from ..models.named_entity_recognition_dto import NamedEntityRecognitionDTO  # noqa: E402
from ..models.names_consistency_dto import NamesConsistencyDTO  # noqa: E402
from ..models.sentences_dto import SentencesDTO  # noqa: E402
from ..models.sentiment_analysis_dto import SentimentAnalysisDTO  # noqa: E402
from ..models.structured_data_extraction_dto import StructuredDataExtractionDTO  # noqa: E402
from ..models.summarization_dto import SummarizationDTO  # noqa: E402
from ..models.transcription_dto import TranscriptionDTO  # noqa: E402
from ..models.transcription_metadata_dto import TranscriptionMetadataDTO  # noqa: E402
from ..models.translation_dto import TranslationDTO  # noqa: E402
