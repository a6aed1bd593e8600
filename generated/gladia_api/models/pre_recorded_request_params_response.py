from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pre_recorded_transcription_model import PreRecordedTranscriptionModel
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.audio_to_llm_list_config_dto import AudioToLlmListConfigDTO
    from ..models.callback_config_dto import CallbackConfigDto
    from ..models.custom_spelling_config_dto import CustomSpellingConfigDTO
    from ..models.custom_vocabulary_config_dto import CustomVocabularyConfigDTO
    from ..models.diarization_config_dto import DiarizationConfigDTO
    from ..models.language_config import LanguageConfig
    from ..models.pii_redaction_config_dto import PiiRedactionConfigDTO
    from ..models.structured_data_extraction_config_dto import StructuredDataExtractionConfigDTO
    from ..models.subtitles_config_dto import SubtitlesConfigDTO
    from ..models.summarization_config_dto import SummarizationConfigDTO
    from ..models.translation_config_dto import TranslationConfigDTO


T = TypeVar("T", bound="PreRecordedRequestParamsResponse")

_KEYS = frozenset(
    {
        "audio_url",
        "model",
        "language_config",
        "custom_vocabulary",
        "custom_vocabulary_config",
        "callback_url",
        "callback",
        "callback_config",
        "subtitles",
        "subtitles_config",
        "diarization",
        "diarization_config",
        "translation",
        "translation_config",
        "summarization",
        "summarization_config",
        "moderation",
        "named_entity_recognition",
        "chapterization",
        "name_consistency",
        "custom_spelling",
        "custom_spelling_config",
        "structured_data_extraction",
        "structured_data_extraction_config",
        "sentiment_analysis",
        "audio_to_llm",
        "audio_to_llm_config",
        "pii_redaction",
        "pii_redaction_config",
        "display_mode",
        "sentences",
        "punctuation_enhanced",
        "detect_language",
        "enable_code_switching",
        "audio_enhancer",
        "accurate_words_timestamps",
        "diarization_enhanced",
        "speaker_reidentification",
        "skip_channel_deduplication",
    }
)


@_attrs_define
class PreRecordedRequestParamsResponse:
    """The options of a job as Gladia stored them. Older jobs may carry options no longer documented."""

    audio_url: None | str | Unset = UNSET
    """ The audio the job read. """
    model: PreRecordedTranscriptionModel | Unset = UNSET
    """ The speech recognition model. """
    language_config: LanguageConfig | Unset = UNSET
    custom_vocabulary: bool | Unset = False
    custom_vocabulary_config: CustomVocabularyConfigDTO | Unset = UNSET
    callback_url: str | Unset = UNSET
    callback: bool | Unset = False
    callback_config: CallbackConfigDto | Unset = UNSET
    subtitles: bool | Unset = False
    subtitles_config: SubtitlesConfigDTO | Unset = UNSET
    diarization: bool | Unset = False
    diarization_config: DiarizationConfigDTO | Unset = UNSET
    translation: bool | Unset = False
    translation_config: TranslationConfigDTO | Unset = UNSET
    summarization: bool | Unset = False
    summarization_config: SummarizationConfigDTO | Unset = UNSET
    moderation: bool | Unset = False
    named_entity_recognition: bool | Unset = False
    chapterization: bool | Unset = False
    """ Deprecated and ignored (see the create request). """
    name_consistency: bool | Unset = False
    custom_spelling: bool | Unset = False
    custom_spelling_config: CustomSpellingConfigDTO | Unset = UNSET
    structured_data_extraction: bool | Unset = False
    structured_data_extraction_config: StructuredDataExtractionConfigDTO | Unset = UNSET
    sentiment_analysis: bool | Unset = False
    audio_to_llm: bool | Unset = False
    audio_to_llm_config: AudioToLlmListConfigDTO | Unset = UNSET
    pii_redaction: bool | Unset = False
    pii_redaction_config: PiiRedactionConfigDTO | Unset = UNSET
    display_mode: bool | Unset = False
    sentences: bool | Unset = False
    punctuation_enhanced: bool | Unset = False
    detect_language: bool | Unset = UNSET
    """ Echoed by real jobs: whether the language was detected rather than given. """
    enable_code_switching: bool | Unset = UNSET
    """ Echoed by real jobs: `language_config.code_switching` under its older name. """
    audio_enhancer: bool | Unset = UNSET
    """ Echoed by real jobs; not a request option. """
    accurate_words_timestamps: bool | Unset = UNSET
    """ Echoed by real jobs; not a request option. """
    diarization_enhanced: bool | Unset = UNSET
    """ Echoed by real jobs; not a request option. """
    speaker_reidentification: bool | Unset = UNSET
    """ Echoed by real jobs; not a request option. """
    skip_channel_deduplication: bool | Unset = UNSET
    """ Echoed by real jobs; not a request option. """
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
        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        language_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.language_config, Unset):
            language_config = self.language_config.to_dict()

        custom_vocabulary = self.custom_vocabulary

        custom_vocabulary_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_vocabulary_config, Unset):
            custom_vocabulary_config = self.custom_vocabulary_config.to_dict()

        callback_url = self.callback_url

        callback = self.callback

        callback_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callback_config, Unset):
            callback_config = self.callback_config.to_dict()

        subtitles = self.subtitles

        subtitles_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subtitles_config, Unset):
            subtitles_config = self.subtitles_config.to_dict()

        diarization = self.diarization

        diarization_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.diarization_config, Unset):
            diarization_config = self.diarization_config.to_dict()

        translation = self.translation

        translation_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.translation_config, Unset):
            translation_config = self.translation_config.to_dict()

        summarization = self.summarization

        summarization_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summarization_config, Unset):
            summarization_config = self.summarization_config.to_dict()

        moderation = self.moderation

        named_entity_recognition = self.named_entity_recognition

        chapterization = self.chapterization

        name_consistency = self.name_consistency

        custom_spelling = self.custom_spelling

        custom_spelling_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_spelling_config, Unset):
            custom_spelling_config = self.custom_spelling_config.to_dict()

        structured_data_extraction = self.structured_data_extraction

        structured_data_extraction_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.structured_data_extraction_config, Unset):
            structured_data_extraction_config = self.structured_data_extraction_config.to_dict()

        sentiment_analysis = self.sentiment_analysis

        audio_to_llm = self.audio_to_llm

        audio_to_llm_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio_to_llm_config, Unset):
            audio_to_llm_config = self.audio_to_llm_config.to_dict()

        pii_redaction = self.pii_redaction

        pii_redaction_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pii_redaction_config, Unset):
            pii_redaction_config = self.pii_redaction_config.to_dict()

        display_mode = self.display_mode

        sentences = self.sentences

        punctuation_enhanced = self.punctuation_enhanced

        detect_language = self.detect_language

        enable_code_switching = self.enable_code_switching

        audio_enhancer = self.audio_enhancer

        accurate_words_timestamps = self.accurate_words_timestamps

        diarization_enhanced = self.diarization_enhanced

        speaker_reidentification = self.speaker_reidentification

        skip_channel_deduplication = self.skip_channel_deduplication

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if model is not UNSET:
            field_dict["model"] = model
        if language_config is not UNSET:
            field_dict["language_config"] = language_config
        if custom_vocabulary is not UNSET:
            field_dict["custom_vocabulary"] = custom_vocabulary
        if custom_vocabulary_config is not UNSET:
            field_dict["custom_vocabulary_config"] = custom_vocabulary_config
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if callback is not UNSET:
            field_dict["callback"] = callback
        if callback_config is not UNSET:
            field_dict["callback_config"] = callback_config
        if subtitles is not UNSET:
            field_dict["subtitles"] = subtitles
        if subtitles_config is not UNSET:
            field_dict["subtitles_config"] = subtitles_config
        if diarization is not UNSET:
            field_dict["diarization"] = diarization
        if diarization_config is not UNSET:
            field_dict["diarization_config"] = diarization_config
        if translation is not UNSET:
            field_dict["translation"] = translation
        if translation_config is not UNSET:
            field_dict["translation_config"] = translation_config
        if summarization is not UNSET:
            field_dict["summarization"] = summarization
        if summarization_config is not UNSET:
            field_dict["summarization_config"] = summarization_config
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if named_entity_recognition is not UNSET:
            field_dict["named_entity_recognition"] = named_entity_recognition
        if chapterization is not UNSET:
            field_dict["chapterization"] = chapterization
        if name_consistency is not UNSET:
            field_dict["name_consistency"] = name_consistency
        if custom_spelling is not UNSET:
            field_dict["custom_spelling"] = custom_spelling
        if custom_spelling_config is not UNSET:
            field_dict["custom_spelling_config"] = custom_spelling_config
        if structured_data_extraction is not UNSET:
            field_dict["structured_data_extraction"] = structured_data_extraction
        if structured_data_extraction_config is not UNSET:
            field_dict["structured_data_extraction_config"] = structured_data_extraction_config
        if sentiment_analysis is not UNSET:
            field_dict["sentiment_analysis"] = sentiment_analysis
        if audio_to_llm is not UNSET:
            field_dict["audio_to_llm"] = audio_to_llm
        if audio_to_llm_config is not UNSET:
            field_dict["audio_to_llm_config"] = audio_to_llm_config
        if pii_redaction is not UNSET:
            field_dict["pii_redaction"] = pii_redaction
        if pii_redaction_config is not UNSET:
            field_dict["pii_redaction_config"] = pii_redaction_config
        if display_mode is not UNSET:
            field_dict["display_mode"] = display_mode
        if sentences is not UNSET:
            field_dict["sentences"] = sentences
        if punctuation_enhanced is not UNSET:
            field_dict["punctuation_enhanced"] = punctuation_enhanced
        if detect_language is not UNSET:
            field_dict["detect_language"] = detect_language
        if enable_code_switching is not UNSET:
            field_dict["enable_code_switching"] = enable_code_switching
        if audio_enhancer is not UNSET:
            field_dict["audio_enhancer"] = audio_enhancer
        if accurate_words_timestamps is not UNSET:
            field_dict["accurate_words_timestamps"] = accurate_words_timestamps
        if diarization_enhanced is not UNSET:
            field_dict["diarization_enhanced"] = diarization_enhanced
        if speaker_reidentification is not UNSET:
            field_dict["speaker_reidentification"] = speaker_reidentification
        if skip_channel_deduplication is not UNSET:
            field_dict["skip_channel_deduplication"] = skip_channel_deduplication

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.get("audio_url", UNSET))

        _model = d.get("model", UNSET)
        model: PreRecordedTranscriptionModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = PreRecordedTranscriptionModel._value2member_map_.get(_model) or PreRecordedTranscriptionModel(
                _model
            )

        _language_config = d.get("language_config", UNSET)
        language_config: LanguageConfig | Unset
        if isinstance(_language_config, Unset):
            language_config = UNSET
        else:
            language_config = LanguageConfig.from_dict(_language_config)

        custom_vocabulary = d.get("custom_vocabulary", UNSET)

        _custom_vocabulary_config = d.get("custom_vocabulary_config", UNSET)
        custom_vocabulary_config: CustomVocabularyConfigDTO | Unset
        if isinstance(_custom_vocabulary_config, Unset):
            custom_vocabulary_config = UNSET
        else:
            custom_vocabulary_config = CustomVocabularyConfigDTO.from_dict(_custom_vocabulary_config)

        callback_url = d.get("callback_url", UNSET)

        callback = d.get("callback", UNSET)

        _callback_config = d.get("callback_config", UNSET)
        callback_config: CallbackConfigDto | Unset
        if isinstance(_callback_config, Unset):
            callback_config = UNSET
        else:
            callback_config = CallbackConfigDto.from_dict(_callback_config)

        subtitles = d.get("subtitles", UNSET)

        _subtitles_config = d.get("subtitles_config", UNSET)
        subtitles_config: SubtitlesConfigDTO | Unset
        if isinstance(_subtitles_config, Unset):
            subtitles_config = UNSET
        else:
            subtitles_config = SubtitlesConfigDTO.from_dict(_subtitles_config)

        diarization = d.get("diarization", UNSET)

        _diarization_config = d.get("diarization_config", UNSET)
        diarization_config: DiarizationConfigDTO | Unset
        if isinstance(_diarization_config, Unset):
            diarization_config = UNSET
        else:
            diarization_config = DiarizationConfigDTO.from_dict(_diarization_config)

        translation = d.get("translation", UNSET)

        _translation_config = d.get("translation_config", UNSET)
        translation_config: TranslationConfigDTO | Unset
        if isinstance(_translation_config, Unset):
            translation_config = UNSET
        else:
            translation_config = TranslationConfigDTO.from_dict(_translation_config)

        summarization = d.get("summarization", UNSET)

        _summarization_config = d.get("summarization_config", UNSET)
        summarization_config: SummarizationConfigDTO | Unset
        if isinstance(_summarization_config, Unset):
            summarization_config = UNSET
        else:
            summarization_config = SummarizationConfigDTO.from_dict(_summarization_config)

        moderation = d.get("moderation", UNSET)

        named_entity_recognition = d.get("named_entity_recognition", UNSET)

        chapterization = d.get("chapterization", UNSET)

        name_consistency = d.get("name_consistency", UNSET)

        custom_spelling = d.get("custom_spelling", UNSET)

        _custom_spelling_config = d.get("custom_spelling_config", UNSET)
        custom_spelling_config: CustomSpellingConfigDTO | Unset
        if isinstance(_custom_spelling_config, Unset):
            custom_spelling_config = UNSET
        else:
            custom_spelling_config = CustomSpellingConfigDTO.from_dict(_custom_spelling_config)

        structured_data_extraction = d.get("structured_data_extraction", UNSET)

        _structured_data_extraction_config = d.get("structured_data_extraction_config", UNSET)
        structured_data_extraction_config: StructuredDataExtractionConfigDTO | Unset
        if isinstance(_structured_data_extraction_config, Unset):
            structured_data_extraction_config = UNSET
        else:
            structured_data_extraction_config = StructuredDataExtractionConfigDTO.from_dict(
                _structured_data_extraction_config
            )

        sentiment_analysis = d.get("sentiment_analysis", UNSET)

        audio_to_llm = d.get("audio_to_llm", UNSET)

        _audio_to_llm_config = d.get("audio_to_llm_config", UNSET)
        audio_to_llm_config: AudioToLlmListConfigDTO | Unset
        if isinstance(_audio_to_llm_config, Unset):
            audio_to_llm_config = UNSET
        else:
            audio_to_llm_config = AudioToLlmListConfigDTO.from_dict(_audio_to_llm_config)

        pii_redaction = d.get("pii_redaction", UNSET)

        _pii_redaction_config = d.get("pii_redaction_config", UNSET)
        pii_redaction_config: PiiRedactionConfigDTO | Unset
        if isinstance(_pii_redaction_config, Unset):
            pii_redaction_config = UNSET
        else:
            pii_redaction_config = PiiRedactionConfigDTO.from_dict(_pii_redaction_config)

        display_mode = d.get("display_mode", UNSET)

        sentences = d.get("sentences", UNSET)

        punctuation_enhanced = d.get("punctuation_enhanced", UNSET)

        detect_language = d.get("detect_language", UNSET)

        enable_code_switching = d.get("enable_code_switching", UNSET)

        audio_enhancer = d.get("audio_enhancer", UNSET)

        accurate_words_timestamps = d.get("accurate_words_timestamps", UNSET)

        diarization_enhanced = d.get("diarization_enhanced", UNSET)

        speaker_reidentification = d.get("speaker_reidentification", UNSET)

        skip_channel_deduplication = d.get("skip_channel_deduplication", UNSET)

        pre_recorded_request_params_response = object.__new__(cls)
        pre_recorded_request_params_response.audio_url = audio_url
        pre_recorded_request_params_response.model = model
        pre_recorded_request_params_response.language_config = language_config
        pre_recorded_request_params_response.custom_vocabulary = custom_vocabulary
        pre_recorded_request_params_response.custom_vocabulary_config = custom_vocabulary_config
        pre_recorded_request_params_response.callback_url = callback_url
        pre_recorded_request_params_response.callback = callback
        pre_recorded_request_params_response.callback_config = callback_config
        pre_recorded_request_params_response.subtitles = subtitles
        pre_recorded_request_params_response.subtitles_config = subtitles_config
        pre_recorded_request_params_response.diarization = diarization
        pre_recorded_request_params_response.diarization_config = diarization_config
        pre_recorded_request_params_response.translation = translation
        pre_recorded_request_params_response.translation_config = translation_config
        pre_recorded_request_params_response.summarization = summarization
        pre_recorded_request_params_response.summarization_config = summarization_config
        pre_recorded_request_params_response.moderation = moderation
        pre_recorded_request_params_response.named_entity_recognition = named_entity_recognition
        pre_recorded_request_params_response.chapterization = chapterization
        pre_recorded_request_params_response.name_consistency = name_consistency
        pre_recorded_request_params_response.custom_spelling = custom_spelling
        pre_recorded_request_params_response.custom_spelling_config = custom_spelling_config
        pre_recorded_request_params_response.structured_data_extraction = structured_data_extraction
        pre_recorded_request_params_response.structured_data_extraction_config = structured_data_extraction_config
        pre_recorded_request_params_response.sentiment_analysis = sentiment_analysis
        pre_recorded_request_params_response.audio_to_llm = audio_to_llm
        pre_recorded_request_params_response.audio_to_llm_config = audio_to_llm_config
        pre_recorded_request_params_response.pii_redaction = pii_redaction
        pre_recorded_request_params_response.pii_redaction_config = pii_redaction_config
        pre_recorded_request_params_response.display_mode = display_mode
        pre_recorded_request_params_response.sentences = sentences
        pre_recorded_request_params_response.punctuation_enhanced = punctuation_enhanced
        pre_recorded_request_params_response.detect_language = detect_language
        pre_recorded_request_params_response.enable_code_switching = enable_code_switching
        pre_recorded_request_params_response.audio_enhancer = audio_enhancer
        pre_recorded_request_params_response.accurate_words_timestamps = accurate_words_timestamps
        pre_recorded_request_params_response.diarization_enhanced = diarization_enhanced
        pre_recorded_request_params_response.speaker_reidentification = speaker_reidentification
        pre_recorded_request_params_response.skip_channel_deduplication = skip_channel_deduplication

        pre_recorded_request_params_response._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return pre_recorded_request_params_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:

            def _parse_audio_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            audio_url = _parse_audio_url(d.get("audio_url", UNSET))

            _model = d.get("model", UNSET)
            model: PreRecordedTranscriptionModel | Unset
            if isinstance(_model, Unset):
                model = UNSET
            else:
                model = PreRecordedTranscriptionModel._value2member_map_.get(_model) or PreRecordedTranscriptionModel(
                    _model
                )

            _language_config = d.get("language_config", UNSET)
            language_config: LanguageConfig | Unset
            if isinstance(_language_config, Unset):
                language_config = UNSET
            else:
                language_config = LanguageConfig.from_dict(_language_config)

            custom_vocabulary = d.get("custom_vocabulary", UNSET)

            _custom_vocabulary_config = d.get("custom_vocabulary_config", UNSET)
            custom_vocabulary_config: CustomVocabularyConfigDTO | Unset
            if isinstance(_custom_vocabulary_config, Unset):
                custom_vocabulary_config = UNSET
            else:
                custom_vocabulary_config = CustomVocabularyConfigDTO.from_dict(_custom_vocabulary_config)

            callback_url = d.get("callback_url", UNSET)

            callback = d.get("callback", UNSET)

            _callback_config = d.get("callback_config", UNSET)
            callback_config: CallbackConfigDto | Unset
            if isinstance(_callback_config, Unset):
                callback_config = UNSET
            else:
                callback_config = CallbackConfigDto.from_dict(_callback_config)

            subtitles = d.get("subtitles", UNSET)

            _subtitles_config = d.get("subtitles_config", UNSET)
            subtitles_config: SubtitlesConfigDTO | Unset
            if isinstance(_subtitles_config, Unset):
                subtitles_config = UNSET
            else:
                subtitles_config = SubtitlesConfigDTO.from_dict(_subtitles_config)

            diarization = d.get("diarization", UNSET)

            _diarization_config = d.get("diarization_config", UNSET)
            diarization_config: DiarizationConfigDTO | Unset
            if isinstance(_diarization_config, Unset):
                diarization_config = UNSET
            else:
                diarization_config = DiarizationConfigDTO.from_dict(_diarization_config)

            translation = d.get("translation", UNSET)

            _translation_config = d.get("translation_config", UNSET)
            translation_config: TranslationConfigDTO | Unset
            if isinstance(_translation_config, Unset):
                translation_config = UNSET
            else:
                translation_config = TranslationConfigDTO.from_dict(_translation_config)

            summarization = d.get("summarization", UNSET)

            _summarization_config = d.get("summarization_config", UNSET)
            summarization_config: SummarizationConfigDTO | Unset
            if isinstance(_summarization_config, Unset):
                summarization_config = UNSET
            else:
                summarization_config = SummarizationConfigDTO.from_dict(_summarization_config)

            moderation = d.get("moderation", UNSET)

            named_entity_recognition = d.get("named_entity_recognition", UNSET)

            chapterization = d.get("chapterization", UNSET)

            name_consistency = d.get("name_consistency", UNSET)

            custom_spelling = d.get("custom_spelling", UNSET)

            _custom_spelling_config = d.get("custom_spelling_config", UNSET)
            custom_spelling_config: CustomSpellingConfigDTO | Unset
            if isinstance(_custom_spelling_config, Unset):
                custom_spelling_config = UNSET
            else:
                custom_spelling_config = CustomSpellingConfigDTO.from_dict(_custom_spelling_config)

            structured_data_extraction = d.get("structured_data_extraction", UNSET)

            _structured_data_extraction_config = d.get("structured_data_extraction_config", UNSET)
            structured_data_extraction_config: StructuredDataExtractionConfigDTO | Unset
            if isinstance(_structured_data_extraction_config, Unset):
                structured_data_extraction_config = UNSET
            else:
                structured_data_extraction_config = StructuredDataExtractionConfigDTO.from_dict(
                    _structured_data_extraction_config
                )

            sentiment_analysis = d.get("sentiment_analysis", UNSET)

            audio_to_llm = d.get("audio_to_llm", UNSET)

            _audio_to_llm_config = d.get("audio_to_llm_config", UNSET)
            audio_to_llm_config: AudioToLlmListConfigDTO | Unset
            if isinstance(_audio_to_llm_config, Unset):
                audio_to_llm_config = UNSET
            else:
                audio_to_llm_config = AudioToLlmListConfigDTO.from_dict(_audio_to_llm_config)

            pii_redaction = d.get("pii_redaction", UNSET)

            _pii_redaction_config = d.get("pii_redaction_config", UNSET)
            pii_redaction_config: PiiRedactionConfigDTO | Unset
            if isinstance(_pii_redaction_config, Unset):
                pii_redaction_config = UNSET
            else:
                pii_redaction_config = PiiRedactionConfigDTO.from_dict(_pii_redaction_config)

            display_mode = d.get("display_mode", UNSET)

            sentences = d.get("sentences", UNSET)

            punctuation_enhanced = d.get("punctuation_enhanced", UNSET)

            detect_language = d.get("detect_language", UNSET)

            enable_code_switching = d.get("enable_code_switching", UNSET)

            audio_enhancer = d.get("audio_enhancer", UNSET)

            accurate_words_timestamps = d.get("accurate_words_timestamps", UNSET)

            diarization_enhanced = d.get("diarization_enhanced", UNSET)

            speaker_reidentification = d.get("speaker_reidentification", UNSET)

            skip_channel_deduplication = d.get("skip_channel_deduplication", UNSET)

            pre_recorded_request_params_response = new(cls)
            pre_recorded_request_params_response.audio_url = audio_url
            pre_recorded_request_params_response.model = model
            pre_recorded_request_params_response.language_config = language_config
            pre_recorded_request_params_response.custom_vocabulary = custom_vocabulary
            pre_recorded_request_params_response.custom_vocabulary_config = custom_vocabulary_config
            pre_recorded_request_params_response.callback_url = callback_url
            pre_recorded_request_params_response.callback = callback
            pre_recorded_request_params_response.callback_config = callback_config
            pre_recorded_request_params_response.subtitles = subtitles
            pre_recorded_request_params_response.subtitles_config = subtitles_config
            pre_recorded_request_params_response.diarization = diarization
            pre_recorded_request_params_response.diarization_config = diarization_config
            pre_recorded_request_params_response.translation = translation
            pre_recorded_request_params_response.translation_config = translation_config
            pre_recorded_request_params_response.summarization = summarization
            pre_recorded_request_params_response.summarization_config = summarization_config
            pre_recorded_request_params_response.moderation = moderation
            pre_recorded_request_params_response.named_entity_recognition = named_entity_recognition
            pre_recorded_request_params_response.chapterization = chapterization
            pre_recorded_request_params_response.name_consistency = name_consistency
            pre_recorded_request_params_response.custom_spelling = custom_spelling
            pre_recorded_request_params_response.custom_spelling_config = custom_spelling_config
            pre_recorded_request_params_response.structured_data_extraction = structured_data_extraction
            pre_recorded_request_params_response.structured_data_extraction_config = structured_data_extraction_config
            pre_recorded_request_params_response.sentiment_analysis = sentiment_analysis
            pre_recorded_request_params_response.audio_to_llm = audio_to_llm
            pre_recorded_request_params_response.audio_to_llm_config = audio_to_llm_config
            pre_recorded_request_params_response.pii_redaction = pii_redaction
            pre_recorded_request_params_response.pii_redaction_config = pii_redaction_config
            pre_recorded_request_params_response.display_mode = display_mode
            pre_recorded_request_params_response.sentences = sentences
            pre_recorded_request_params_response.punctuation_enhanced = punctuation_enhanced
            pre_recorded_request_params_response.detect_language = detect_language
            pre_recorded_request_params_response.enable_code_switching = enable_code_switching
            pre_recorded_request_params_response.audio_enhancer = audio_enhancer
            pre_recorded_request_params_response.accurate_words_timestamps = accurate_words_timestamps
            pre_recorded_request_params_response.diarization_enhanced = diarization_enhanced
            pre_recorded_request_params_response.speaker_reidentification = speaker_reidentification
            pre_recorded_request_params_response.skip_channel_deduplication = skip_channel_deduplication

            pre_recorded_request_params_response._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(pre_recorded_request_params_response)
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


from ..models.audio_to_llm_list_config_dto import AudioToLlmListConfigDTO  # noqa: E402
from ..models.callback_config_dto import CallbackConfigDto  # noqa: E402
from ..models.custom_spelling_config_dto import CustomSpellingConfigDTO  # noqa: E402
from ..models.custom_vocabulary_config_dto import CustomVocabularyConfigDTO  # noqa: E402
from ..models.diarization_config_dto import DiarizationConfigDTO  # noqa: E402
from ..models.language_config import LanguageConfig  # noqa: E402
from ..models.pii_redaction_config_dto import PiiRedactionConfigDTO  # noqa: E402
from ..models.structured_data_extraction_config_dto import StructuredDataExtractionConfigDTO  # noqa: E402
from ..models.subtitles_config_dto import SubtitlesConfigDTO  # noqa: E402
from ..models.summarization_config_dto import SummarizationConfigDTO  # noqa: E402
from ..models.translation_config_dto import TranslationConfigDTO  # noqa: E402
