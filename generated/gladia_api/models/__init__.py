"""Every data model of the API. Each one is imported on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .addon_error_dto import AddonErrorDTO
    from .audio_to_llm_dto import AudioToLlmDTO
    from .audio_to_llm_list_config_dto import AudioToLlmListConfigDTO
    from .audio_to_llm_list_dto import AudioToLlmListDTO
    from .audio_to_llm_result_dto import AudioToLlmResultDTO
    from .audio_upload_metadata_dto import AudioUploadMetadataDTO
    from .audio_upload_response import AudioUploadResponse
    from .bad_request_error_response import BadRequestErrorResponse
    from .callback_config_dto import CallbackConfigDto
    from .callback_method_enum import CallbackMethodEnum
    from .callback_transcription_error_payload import CallbackTranscriptionErrorPayload
    from .callback_transcription_error_payload_custom_metadata_type_0 import (
        CallbackTranscriptionErrorPayloadCustomMetadataType0,
    )
    from .callback_transcription_error_payload_event import CallbackTranscriptionErrorPayloadEvent
    from .callback_transcription_success_payload import CallbackTranscriptionSuccessPayload
    from .callback_transcription_success_payload_custom_metadata_type_0 import (
        CallbackTranscriptionSuccessPayloadCustomMetadataType0,
    )
    from .callback_transcription_success_payload_event import CallbackTranscriptionSuccessPayloadEvent
    from .chapterization_dto import ChapterizationDTO
    from .chapterization_dto_results_type_0 import ChapterizationDTOResultsType0
    from .custom_spelling_config_dto import CustomSpellingConfigDTO
    from .custom_spelling_config_dto_spelling_dictionary import CustomSpellingConfigDTOSpellingDictionary
    from .custom_vocabulary_config_dto import CustomVocabularyConfigDTO
    from .custom_vocabulary_entry_dto import CustomVocabularyEntryDTO
    from .diarization_config_dto import DiarizationConfigDTO
    from .diarization_dto import DiarizationDTO
    from .display_mode_dto import DisplayModeDTO
    from .error_dto import ErrorDTO
    from .file_response import FileResponse
    from .forbidden_error_response import ForbiddenErrorResponse
    from .init_pre_recorded_transcription_response import InitPreRecordedTranscriptionResponse
    from .init_transcription_request import InitTranscriptionRequest
    from .init_transcription_request_custom_metadata import InitTranscriptionRequestCustomMetadata
    from .internal_server_error_response import InternalServerErrorResponse
    from .job_status_enum import JobStatusEnum
    from .language_config import LanguageConfig
    from .list_pre_recorded_response import ListPreRecordedResponse
    from .list_transcriptions_custom_metadata import ListTranscriptionsCustomMetadata
    from .moderation_dto import ModerationDTO
    from .named_entity_recognition_dto import NamedEntityRecognitionDTO
    from .named_entity_recognition_result import NamedEntityRecognitionResult
    from .names_consistency_dto import NamesConsistencyDTO
    from .not_found_error_response import NotFoundErrorResponse
    from .payload_too_large_error_response import PayloadTooLargeErrorResponse
    from .pii_redaction_config_dto import PiiRedactionConfigDTO
    from .pii_redaction_config_dto_processed_text_type import PiiRedactionConfigDTOProcessedTextType
    from .pii_redaction_entity_type_enum import PiiRedactionEntityTypeEnum
    from .pre_recorded_event_payload import PreRecordedEventPayload
    from .pre_recorded_request_params_response import PreRecordedRequestParamsResponse
    from .pre_recorded_response import PreRecordedResponse
    from .pre_recorded_response_custom_metadata_type_0 import PreRecordedResponseCustomMetadataType0
    from .pre_recorded_response_kind import PreRecordedResponseKind
    from .pre_recorded_response_post_session_metadata import PreRecordedResponsePostSessionMetadata
    from .pre_recorded_transcription_model import PreRecordedTranscriptionModel
    from .sentences_dto import SentencesDTO
    from .sentiment_analysis_dto import SentimentAnalysisDTO
    from .structured_data_extraction_config_dto import StructuredDataExtractionConfigDTO
    from .structured_data_extraction_dto import StructuredDataExtractionDTO
    from .subtitle_dto import SubtitleDTO
    from .subtitles_config_dto import SubtitlesConfigDTO
    from .subtitles_format_enum import SubtitlesFormatEnum
    from .subtitles_style_enum import SubtitlesStyleEnum
    from .summarization_config_dto import SummarizationConfigDTO
    from .summarization_dto import SummarizationDTO
    from .summary_types_enum import SummaryTypesEnum
    from .too_many_requests_error_response import TooManyRequestsErrorResponse
    from .transcription_dto import TranscriptionDTO
    from .transcription_language_code_enum import TranscriptionLanguageCodeEnum
    from .transcription_metadata_dto import TranscriptionMetadataDTO
    from .transcription_result_dto import TranscriptionResultDTO
    from .translation_config_dto import TranslationConfigDTO
    from .translation_dto import TranslationDTO
    from .translation_language_code_enum import TranslationLanguageCodeEnum
    from .translation_model_enum import TranslationModelEnum
    from .translation_result_dto import TranslationResultDTO
    from .unauthorized_error_response import UnauthorizedErrorResponse
    from .unprocessable_entity_error_response import UnprocessableEntityErrorResponse
    from .unsupported_media_type_error_response import UnsupportedMediaTypeErrorResponse
    from .upload_file_body import UploadFileBody
    from .upload_url_body import UploadUrlBody
    from .utterance_dto import UtteranceDTO
    from .webhook_transcription_created_payload import WebhookTranscriptionCreatedPayload
    from .webhook_transcription_created_payload_event import WebhookTranscriptionCreatedPayloadEvent
    from .webhook_transcription_error_payload import WebhookTranscriptionErrorPayload
    from .webhook_transcription_error_payload_event import WebhookTranscriptionErrorPayloadEvent
    from .webhook_transcription_success_payload import WebhookTranscriptionSuccessPayload
    from .webhook_transcription_success_payload_event import WebhookTranscriptionSuccessPayloadEvent
    from .word_dto import WordDTO

_MODULE_OF = {
    "AddonErrorDTO": ".addon_error_dto",
    "AudioToLlmDTO": ".audio_to_llm_dto",
    "AudioToLlmListConfigDTO": ".audio_to_llm_list_config_dto",
    "AudioToLlmListDTO": ".audio_to_llm_list_dto",
    "AudioToLlmResultDTO": ".audio_to_llm_result_dto",
    "AudioUploadMetadataDTO": ".audio_upload_metadata_dto",
    "AudioUploadResponse": ".audio_upload_response",
    "BadRequestErrorResponse": ".bad_request_error_response",
    "CallbackConfigDto": ".callback_config_dto",
    "CallbackMethodEnum": ".callback_method_enum",
    "CallbackTranscriptionErrorPayload": ".callback_transcription_error_payload",
    "CallbackTranscriptionErrorPayloadCustomMetadataType0": ".callback_transcription_error_payload_custom_metadata_type_0",
    "CallbackTranscriptionErrorPayloadEvent": ".callback_transcription_error_payload_event",
    "CallbackTranscriptionSuccessPayload": ".callback_transcription_success_payload",
    "CallbackTranscriptionSuccessPayloadCustomMetadataType0": ".callback_transcription_success_payload_custom_metadata_type_0",
    "CallbackTranscriptionSuccessPayloadEvent": ".callback_transcription_success_payload_event",
    "ChapterizationDTO": ".chapterization_dto",
    "ChapterizationDTOResultsType0": ".chapterization_dto_results_type_0",
    "CustomSpellingConfigDTO": ".custom_spelling_config_dto",
    "CustomSpellingConfigDTOSpellingDictionary": ".custom_spelling_config_dto_spelling_dictionary",
    "CustomVocabularyConfigDTO": ".custom_vocabulary_config_dto",
    "CustomVocabularyEntryDTO": ".custom_vocabulary_entry_dto",
    "DiarizationConfigDTO": ".diarization_config_dto",
    "DiarizationDTO": ".diarization_dto",
    "DisplayModeDTO": ".display_mode_dto",
    "ErrorDTO": ".error_dto",
    "FileResponse": ".file_response",
    "ForbiddenErrorResponse": ".forbidden_error_response",
    "InitPreRecordedTranscriptionResponse": ".init_pre_recorded_transcription_response",
    "InitTranscriptionRequest": ".init_transcription_request",
    "InitTranscriptionRequestCustomMetadata": ".init_transcription_request_custom_metadata",
    "InternalServerErrorResponse": ".internal_server_error_response",
    "JobStatusEnum": ".job_status_enum",
    "LanguageConfig": ".language_config",
    "ListPreRecordedResponse": ".list_pre_recorded_response",
    "ListTranscriptionsCustomMetadata": ".list_transcriptions_custom_metadata",
    "ModerationDTO": ".moderation_dto",
    "NamedEntityRecognitionDTO": ".named_entity_recognition_dto",
    "NamedEntityRecognitionResult": ".named_entity_recognition_result",
    "NamesConsistencyDTO": ".names_consistency_dto",
    "NotFoundErrorResponse": ".not_found_error_response",
    "PayloadTooLargeErrorResponse": ".payload_too_large_error_response",
    "PiiRedactionConfigDTO": ".pii_redaction_config_dto",
    "PiiRedactionConfigDTOProcessedTextType": ".pii_redaction_config_dto_processed_text_type",
    "PiiRedactionEntityTypeEnum": ".pii_redaction_entity_type_enum",
    "PreRecordedEventPayload": ".pre_recorded_event_payload",
    "PreRecordedRequestParamsResponse": ".pre_recorded_request_params_response",
    "PreRecordedResponse": ".pre_recorded_response",
    "PreRecordedResponseCustomMetadataType0": ".pre_recorded_response_custom_metadata_type_0",
    "PreRecordedResponseKind": ".pre_recorded_response_kind",
    "PreRecordedResponsePostSessionMetadata": ".pre_recorded_response_post_session_metadata",
    "PreRecordedTranscriptionModel": ".pre_recorded_transcription_model",
    "SentencesDTO": ".sentences_dto",
    "SentimentAnalysisDTO": ".sentiment_analysis_dto",
    "StructuredDataExtractionConfigDTO": ".structured_data_extraction_config_dto",
    "StructuredDataExtractionDTO": ".structured_data_extraction_dto",
    "SubtitleDTO": ".subtitle_dto",
    "SubtitlesConfigDTO": ".subtitles_config_dto",
    "SubtitlesFormatEnum": ".subtitles_format_enum",
    "SubtitlesStyleEnum": ".subtitles_style_enum",
    "SummarizationConfigDTO": ".summarization_config_dto",
    "SummarizationDTO": ".summarization_dto",
    "SummaryTypesEnum": ".summary_types_enum",
    "TooManyRequestsErrorResponse": ".too_many_requests_error_response",
    "TranscriptionDTO": ".transcription_dto",
    "TranscriptionLanguageCodeEnum": ".transcription_language_code_enum",
    "TranscriptionMetadataDTO": ".transcription_metadata_dto",
    "TranscriptionResultDTO": ".transcription_result_dto",
    "TranslationConfigDTO": ".translation_config_dto",
    "TranslationDTO": ".translation_dto",
    "TranslationLanguageCodeEnum": ".translation_language_code_enum",
    "TranslationModelEnum": ".translation_model_enum",
    "TranslationResultDTO": ".translation_result_dto",
    "UnauthorizedErrorResponse": ".unauthorized_error_response",
    "UnprocessableEntityErrorResponse": ".unprocessable_entity_error_response",
    "UnsupportedMediaTypeErrorResponse": ".unsupported_media_type_error_response",
    "UploadFileBody": ".upload_file_body",
    "UploadUrlBody": ".upload_url_body",
    "UtteranceDTO": ".utterance_dto",
    "WebhookTranscriptionCreatedPayload": ".webhook_transcription_created_payload",
    "WebhookTranscriptionCreatedPayloadEvent": ".webhook_transcription_created_payload_event",
    "WebhookTranscriptionErrorPayload": ".webhook_transcription_error_payload",
    "WebhookTranscriptionErrorPayloadEvent": ".webhook_transcription_error_payload_event",
    "WebhookTranscriptionSuccessPayload": ".webhook_transcription_success_payload",
    "WebhookTranscriptionSuccessPayloadEvent": ".webhook_transcription_success_payload_event",
    "WordDTO": ".word_dto",
}

__all__ = (
    "AddonErrorDTO",
    "AudioToLlmDTO",
    "AudioToLlmListConfigDTO",
    "AudioToLlmListDTO",
    "AudioToLlmResultDTO",
    "AudioUploadMetadataDTO",
    "AudioUploadResponse",
    "BadRequestErrorResponse",
    "CallbackConfigDto",
    "CallbackMethodEnum",
    "CallbackTranscriptionErrorPayload",
    "CallbackTranscriptionErrorPayloadCustomMetadataType0",
    "CallbackTranscriptionErrorPayloadEvent",
    "CallbackTranscriptionSuccessPayload",
    "CallbackTranscriptionSuccessPayloadCustomMetadataType0",
    "CallbackTranscriptionSuccessPayloadEvent",
    "ChapterizationDTO",
    "ChapterizationDTOResultsType0",
    "CustomSpellingConfigDTO",
    "CustomSpellingConfigDTOSpellingDictionary",
    "CustomVocabularyConfigDTO",
    "CustomVocabularyEntryDTO",
    "DiarizationConfigDTO",
    "DiarizationDTO",
    "DisplayModeDTO",
    "ErrorDTO",
    "FileResponse",
    "ForbiddenErrorResponse",
    "InitPreRecordedTranscriptionResponse",
    "InitTranscriptionRequest",
    "InitTranscriptionRequestCustomMetadata",
    "InternalServerErrorResponse",
    "JobStatusEnum",
    "LanguageConfig",
    "ListPreRecordedResponse",
    "ListTranscriptionsCustomMetadata",
    "ModerationDTO",
    "NamedEntityRecognitionDTO",
    "NamedEntityRecognitionResult",
    "NamesConsistencyDTO",
    "NotFoundErrorResponse",
    "PayloadTooLargeErrorResponse",
    "PiiRedactionConfigDTO",
    "PiiRedactionConfigDTOProcessedTextType",
    "PiiRedactionEntityTypeEnum",
    "PreRecordedEventPayload",
    "PreRecordedRequestParamsResponse",
    "PreRecordedResponse",
    "PreRecordedResponseCustomMetadataType0",
    "PreRecordedResponseKind",
    "PreRecordedResponsePostSessionMetadata",
    "PreRecordedTranscriptionModel",
    "SentencesDTO",
    "SentimentAnalysisDTO",
    "StructuredDataExtractionConfigDTO",
    "StructuredDataExtractionDTO",
    "SubtitleDTO",
    "SubtitlesConfigDTO",
    "SubtitlesFormatEnum",
    "SubtitlesStyleEnum",
    "SummarizationConfigDTO",
    "SummarizationDTO",
    "SummaryTypesEnum",
    "TooManyRequestsErrorResponse",
    "TranscriptionDTO",
    "TranscriptionLanguageCodeEnum",
    "TranscriptionMetadataDTO",
    "TranscriptionResultDTO",
    "TranslationConfigDTO",
    "TranslationDTO",
    "TranslationLanguageCodeEnum",
    "TranslationModelEnum",
    "TranslationResultDTO",
    "UnauthorizedErrorResponse",
    "UnprocessableEntityErrorResponse",
    "UnsupportedMediaTypeErrorResponse",
    "UploadFileBody",
    "UploadUrlBody",
    "UtteranceDTO",
    "WebhookTranscriptionCreatedPayload",
    "WebhookTranscriptionCreatedPayloadEvent",
    "WebhookTranscriptionErrorPayload",
    "WebhookTranscriptionErrorPayloadEvent",
    "WebhookTranscriptionSuccessPayload",
    "WebhookTranscriptionSuccessPayloadEvent",
    "WordDTO",
)


def __getattr__(name: str) -> Any:
    try:
        module = _MODULE_OF[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
