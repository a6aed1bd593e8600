"""Every data model of the API. Each one is imported on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .addon_error_dto import AddonErrorDTO
    from .audio_chunk_ack_data import AudioChunkAckData
    from .audio_chunk_ack_message import AudioChunkAckMessage
    from .audio_chunk_ack_message_type import AudioChunkAckMessageType
    from .audio_chunk_action import AudioChunkAction
    from .audio_chunk_action_data import AudioChunkActionData
    from .audio_chunk_action_type import AudioChunkActionType
    from .audio_to_llm_dto import AudioToLlmDTO
    from .audio_to_llm_list_config_dto import AudioToLlmListConfigDTO
    from .audio_to_llm_list_dto import AudioToLlmListDTO
    from .audio_to_llm_result_dto import AudioToLlmResultDTO
    from .audio_upload_metadata_dto import AudioUploadMetadataDTO
    from .audio_upload_response import AudioUploadResponse
    from .bad_request_error_response import BadRequestErrorResponse
    from .callback_config import CallbackConfig
    from .callback_config_dto import CallbackConfigDto
    from .callback_live_audio_chunk_ack_message import CallbackLiveAudioChunkAckMessage
    from .callback_live_audio_chunk_ack_message_event import CallbackLiveAudioChunkAckMessageEvent
    from .callback_live_end_recording_message import CallbackLiveEndRecordingMessage
    from .callback_live_end_recording_message_event import CallbackLiveEndRecordingMessageEvent
    from .callback_live_end_session_message import CallbackLiveEndSessionMessage
    from .callback_live_end_session_message_event import CallbackLiveEndSessionMessageEvent
    from .callback_live_named_entity_recognition_message import CallbackLiveNamedEntityRecognitionMessage
    from .callback_live_named_entity_recognition_message_event import CallbackLiveNamedEntityRecognitionMessageEvent
    from .callback_live_post_chapterization_message import CallbackLivePostChapterizationMessage
    from .callback_live_post_chapterization_message_event import CallbackLivePostChapterizationMessageEvent
    from .callback_live_post_final_transcript_message import CallbackLivePostFinalTranscriptMessage
    from .callback_live_post_final_transcript_message_event import CallbackLivePostFinalTranscriptMessageEvent
    from .callback_live_post_summarization_message import CallbackLivePostSummarizationMessage
    from .callback_live_post_summarization_message_event import CallbackLivePostSummarizationMessageEvent
    from .callback_live_post_transcript_message import CallbackLivePostTranscriptMessage
    from .callback_live_post_transcript_message_event import CallbackLivePostTranscriptMessageEvent
    from .callback_live_sentiment_analysis_message import CallbackLiveSentimentAnalysisMessage
    from .callback_live_sentiment_analysis_message_event import CallbackLiveSentimentAnalysisMessageEvent
    from .callback_live_speech_end_message import CallbackLiveSpeechEndMessage
    from .callback_live_speech_end_message_event import CallbackLiveSpeechEndMessageEvent
    from .callback_live_speech_start_message import CallbackLiveSpeechStartMessage
    from .callback_live_speech_start_message_event import CallbackLiveSpeechStartMessageEvent
    from .callback_live_start_recording_message import CallbackLiveStartRecordingMessage
    from .callback_live_start_recording_message_event import CallbackLiveStartRecordingMessageEvent
    from .callback_live_start_session_message import CallbackLiveStartSessionMessage
    from .callback_live_start_session_message_event import CallbackLiveStartSessionMessageEvent
    from .callback_live_stop_recording_ack_message import CallbackLiveStopRecordingAckMessage
    from .callback_live_stop_recording_ack_message_event import CallbackLiveStopRecordingAckMessageEvent
    from .callback_live_transcript_message import CallbackLiveTranscriptMessage
    from .callback_live_transcript_message_event import CallbackLiveTranscriptMessageEvent
    from .callback_live_translation_message import CallbackLiveTranslationMessage
    from .callback_live_translation_message_event import CallbackLiveTranslationMessageEvent
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
    from .chapterization_sentence import ChapterizationSentence
    from .custom_spelling_config_dto import CustomSpellingConfigDTO
    from .custom_spelling_config_dto_spelling_dictionary import CustomSpellingConfigDTOSpellingDictionary
    from .custom_vocabulary_config_dto import CustomVocabularyConfigDTO
    from .custom_vocabulary_entry_dto import CustomVocabularyEntryDTO
    from .diarization_config_dto import DiarizationConfigDTO
    from .diarization_dto import DiarizationDTO
    from .display_mode_dto import DisplayModeDTO
    from .end_recording_message import EndRecordingMessage
    from .end_recording_message_data import EndRecordingMessageData
    from .end_recording_message_type import EndRecordingMessageType
    from .end_session_message import EndSessionMessage
    from .end_session_message_type import EndSessionMessageType
    from .error import Error
    from .error_dto import ErrorDTO
    from .file_response import FileResponse
    from .forbidden_error_response import ForbiddenErrorResponse
    from .init_pre_recorded_transcription_response import InitPreRecordedTranscriptionResponse
    from .init_streaming_response import InitStreamingResponse
    from .init_transcription_request import InitTranscriptionRequest
    from .init_transcription_request_custom_metadata import InitTranscriptionRequestCustomMetadata
    from .internal_server_error_response import InternalServerErrorResponse
    from .job_status_enum import JobStatusEnum
    from .language_config import LanguageConfig
    from .list_live_sessions_custom_metadata import ListLiveSessionsCustomMetadata
    from .list_pre_recorded_response import ListPreRecordedResponse
    from .list_streaming_response import ListStreamingResponse
    from .list_transcriptions_custom_metadata import ListTranscriptionsCustomMetadata
    from .live_event_payload import LiveEventPayload
    from .messages_config import MessagesConfig
    from .moderation_dto import ModerationDTO
    from .named_entity_recognition_data import NamedEntityRecognitionData
    from .named_entity_recognition_dto import NamedEntityRecognitionDTO
    from .named_entity_recognition_message import NamedEntityRecognitionMessage
    from .named_entity_recognition_message_type import NamedEntityRecognitionMessageType
    from .named_entity_recognition_result import NamedEntityRecognitionResult
    from .names_consistency_dto import NamesConsistencyDTO
    from .not_found_error_response import NotFoundErrorResponse
    from .patch_request_params_dto import PatchRequestParamsDTO
    from .payload_too_large_error_response import PayloadTooLargeErrorResponse
    from .pii_redaction_config_dto import PiiRedactionConfigDTO
    from .pii_redaction_config_dto_processed_text_type import PiiRedactionConfigDTOProcessedTextType
    from .pii_redaction_entity_type_enum import PiiRedactionEntityTypeEnum
    from .post_chapterization_message import PostChapterizationMessage
    from .post_chapterization_message_data import PostChapterizationMessageData
    from .post_chapterization_message_type import PostChapterizationMessageType
    from .post_chapterization_result import PostChapterizationResult
    from .post_final_transcript_message import PostFinalTranscriptMessage
    from .post_final_transcript_message_type import PostFinalTranscriptMessageType
    from .post_processing_config import PostProcessingConfig
    from .post_summarization_message import PostSummarizationMessage
    from .post_summarization_message_data import PostSummarizationMessageData
    from .post_summarization_message_type import PostSummarizationMessageType
    from .post_transcript_message import PostTranscriptMessage
    from .post_transcript_message_type import PostTranscriptMessageType
    from .pre_processing_config import PreProcessingConfig
    from .pre_recorded_event_payload import PreRecordedEventPayload
    from .pre_recorded_request_params_response import PreRecordedRequestParamsResponse
    from .pre_recorded_response import PreRecordedResponse
    from .pre_recorded_response_custom_metadata_type_0 import PreRecordedResponseCustomMetadataType0
    from .pre_recorded_response_kind import PreRecordedResponseKind
    from .pre_recorded_response_post_session_metadata import PreRecordedResponsePostSessionMetadata
    from .pre_recorded_transcription_model import PreRecordedTranscriptionModel
    from .realtime_processing_config import RealtimeProcessingConfig
    from .sentences_dto import SentencesDTO
    from .sentiment_analysis_data import SentimentAnalysisData
    from .sentiment_analysis_dto import SentimentAnalysisDTO
    from .sentiment_analysis_message import SentimentAnalysisMessage
    from .sentiment_analysis_message_type import SentimentAnalysisMessageType
    from .sentiment_analysis_result import SentimentAnalysisResult
    from .speech_end_message import SpeechEndMessage
    from .speech_end_message_type import SpeechEndMessageType
    from .speech_message_data import SpeechMessageData
    from .speech_start_message import SpeechStartMessage
    from .speech_start_message_type import SpeechStartMessageType
    from .start_recording_message import StartRecordingMessage
    from .start_recording_message_type import StartRecordingMessageType
    from .start_session_message import StartSessionMessage
    from .start_session_message_type import StartSessionMessageType
    from .stop_recording_ack_data import StopRecordingAckData
    from .stop_recording_ack_message import StopRecordingAckMessage
    from .stop_recording_ack_message_type import StopRecordingAckMessageType
    from .stop_recording_action import StopRecordingAction
    from .stop_recording_action_type import StopRecordingActionType
    from .streaming_request import StreamingRequest
    from .streaming_request_custom_metadata import StreamingRequestCustomMetadata
    from .streaming_request_params_response import StreamingRequestParamsResponse
    from .streaming_response import StreamingResponse
    from .streaming_response_custom_metadata import StreamingResponseCustomMetadata
    from .streaming_response_kind import StreamingResponseKind
    from .streaming_response_post_session_metadata import StreamingResponsePostSessionMetadata
    from .streaming_supported_bit_depth_enum import StreamingSupportedBitDepthEnum
    from .streaming_supported_encoding_enum import StreamingSupportedEncodingEnum
    from .streaming_supported_models import StreamingSupportedModels
    from .streaming_supported_regions import StreamingSupportedRegions
    from .streaming_supported_sample_rate_enum import StreamingSupportedSampleRateEnum
    from .streaming_transcription_result_dto import StreamingTranscriptionResultDTO
    from .streaming_transcription_result_with_messages_dto import StreamingTranscriptionResultWithMessagesDTO
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
    from .transcript_message import TranscriptMessage
    from .transcript_message_data import TranscriptMessageData
    from .transcript_message_type import TranscriptMessageType
    from .transcription_dto import TranscriptionDTO
    from .transcription_language_code_enum import TranscriptionLanguageCodeEnum
    from .transcription_metadata_dto import TranscriptionMetadataDTO
    from .transcription_result_dto import TranscriptionResultDTO
    from .translation_config_dto import TranslationConfigDTO
    from .translation_data import TranslationData
    from .translation_dto import TranslationDTO
    from .translation_language_code_enum import TranslationLanguageCodeEnum
    from .translation_message import TranslationMessage
    from .translation_message_type import TranslationMessageType
    from .translation_model_enum import TranslationModelEnum
    from .translation_result_dto import TranslationResultDTO
    from .unauthorized_error_response import UnauthorizedErrorResponse
    from .unprocessable_entity_error_response import UnprocessableEntityErrorResponse
    from .unsupported_media_type_error_response import UnsupportedMediaTypeErrorResponse
    from .upload_file_body import UploadFileBody
    from .upload_url_body import UploadUrlBody
    from .utterance_dto import UtteranceDTO
    from .webhook_live_end_recording_payload import WebhookLiveEndRecordingPayload
    from .webhook_live_end_recording_payload_event import WebhookLiveEndRecordingPayloadEvent
    from .webhook_live_end_session_payload import WebhookLiveEndSessionPayload
    from .webhook_live_end_session_payload_event import WebhookLiveEndSessionPayloadEvent
    from .webhook_live_start_recording_payload import WebhookLiveStartRecordingPayload
    from .webhook_live_start_recording_payload_event import WebhookLiveStartRecordingPayloadEvent
    from .webhook_live_start_session_payload import WebhookLiveStartSessionPayload
    from .webhook_live_start_session_payload_event import WebhookLiveStartSessionPayloadEvent
    from .webhook_transcription_created_payload import WebhookTranscriptionCreatedPayload
    from .webhook_transcription_created_payload_event import WebhookTranscriptionCreatedPayloadEvent
    from .webhook_transcription_error_payload import WebhookTranscriptionErrorPayload
    from .webhook_transcription_error_payload_event import WebhookTranscriptionErrorPayloadEvent
    from .webhook_transcription_success_payload import WebhookTranscriptionSuccessPayload
    from .webhook_transcription_success_payload_event import WebhookTranscriptionSuccessPayloadEvent
    from .word_dto import WordDTO

_MODULE_OF = {
    "AddonErrorDTO": ".addon_error_dto",
    "AudioChunkAckData": ".audio_chunk_ack_data",
    "AudioChunkAckMessage": ".audio_chunk_ack_message",
    "AudioChunkAckMessageType": ".audio_chunk_ack_message_type",
    "AudioChunkAction": ".audio_chunk_action",
    "AudioChunkActionData": ".audio_chunk_action_data",
    "AudioChunkActionType": ".audio_chunk_action_type",
    "AudioToLlmDTO": ".audio_to_llm_dto",
    "AudioToLlmListConfigDTO": ".audio_to_llm_list_config_dto",
    "AudioToLlmListDTO": ".audio_to_llm_list_dto",
    "AudioToLlmResultDTO": ".audio_to_llm_result_dto",
    "AudioUploadMetadataDTO": ".audio_upload_metadata_dto",
    "AudioUploadResponse": ".audio_upload_response",
    "BadRequestErrorResponse": ".bad_request_error_response",
    "CallbackConfig": ".callback_config",
    "CallbackConfigDto": ".callback_config_dto",
    "CallbackLiveAudioChunkAckMessage": ".callback_live_audio_chunk_ack_message",
    "CallbackLiveAudioChunkAckMessageEvent": ".callback_live_audio_chunk_ack_message_event",
    "CallbackLiveEndRecordingMessage": ".callback_live_end_recording_message",
    "CallbackLiveEndRecordingMessageEvent": ".callback_live_end_recording_message_event",
    "CallbackLiveEndSessionMessage": ".callback_live_end_session_message",
    "CallbackLiveEndSessionMessageEvent": ".callback_live_end_session_message_event",
    "CallbackLiveNamedEntityRecognitionMessage": ".callback_live_named_entity_recognition_message",
    "CallbackLiveNamedEntityRecognitionMessageEvent": ".callback_live_named_entity_recognition_message_event",
    "CallbackLivePostChapterizationMessage": ".callback_live_post_chapterization_message",
    "CallbackLivePostChapterizationMessageEvent": ".callback_live_post_chapterization_message_event",
    "CallbackLivePostFinalTranscriptMessage": ".callback_live_post_final_transcript_message",
    "CallbackLivePostFinalTranscriptMessageEvent": ".callback_live_post_final_transcript_message_event",
    "CallbackLivePostSummarizationMessage": ".callback_live_post_summarization_message",
    "CallbackLivePostSummarizationMessageEvent": ".callback_live_post_summarization_message_event",
    "CallbackLivePostTranscriptMessage": ".callback_live_post_transcript_message",
    "CallbackLivePostTranscriptMessageEvent": ".callback_live_post_transcript_message_event",
    "CallbackLiveSentimentAnalysisMessage": ".callback_live_sentiment_analysis_message",
    "CallbackLiveSentimentAnalysisMessageEvent": ".callback_live_sentiment_analysis_message_event",
    "CallbackLiveSpeechEndMessage": ".callback_live_speech_end_message",
    "CallbackLiveSpeechEndMessageEvent": ".callback_live_speech_end_message_event",
    "CallbackLiveSpeechStartMessage": ".callback_live_speech_start_message",
    "CallbackLiveSpeechStartMessageEvent": ".callback_live_speech_start_message_event",
    "CallbackLiveStartRecordingMessage": ".callback_live_start_recording_message",
    "CallbackLiveStartRecordingMessageEvent": ".callback_live_start_recording_message_event",
    "CallbackLiveStartSessionMessage": ".callback_live_start_session_message",
    "CallbackLiveStartSessionMessageEvent": ".callback_live_start_session_message_event",
    "CallbackLiveStopRecordingAckMessage": ".callback_live_stop_recording_ack_message",
    "CallbackLiveStopRecordingAckMessageEvent": ".callback_live_stop_recording_ack_message_event",
    "CallbackLiveTranscriptMessage": ".callback_live_transcript_message",
    "CallbackLiveTranscriptMessageEvent": ".callback_live_transcript_message_event",
    "CallbackLiveTranslationMessage": ".callback_live_translation_message",
    "CallbackLiveTranslationMessageEvent": ".callback_live_translation_message_event",
    "CallbackMethodEnum": ".callback_method_enum",
    "CallbackTranscriptionErrorPayload": ".callback_transcription_error_payload",
    "CallbackTranscriptionErrorPayloadCustomMetadataType0": ".callback_transcription_error_payload_custom_metadata_type_0",
    "CallbackTranscriptionErrorPayloadEvent": ".callback_transcription_error_payload_event",
    "CallbackTranscriptionSuccessPayload": ".callback_transcription_success_payload",
    "CallbackTranscriptionSuccessPayloadCustomMetadataType0": ".callback_transcription_success_payload_custom_metadata_type_0",
    "CallbackTranscriptionSuccessPayloadEvent": ".callback_transcription_success_payload_event",
    "ChapterizationDTO": ".chapterization_dto",
    "ChapterizationDTOResultsType0": ".chapterization_dto_results_type_0",
    "ChapterizationSentence": ".chapterization_sentence",
    "CustomSpellingConfigDTO": ".custom_spelling_config_dto",
    "CustomSpellingConfigDTOSpellingDictionary": ".custom_spelling_config_dto_spelling_dictionary",
    "CustomVocabularyConfigDTO": ".custom_vocabulary_config_dto",
    "CustomVocabularyEntryDTO": ".custom_vocabulary_entry_dto",
    "DiarizationConfigDTO": ".diarization_config_dto",
    "DiarizationDTO": ".diarization_dto",
    "DisplayModeDTO": ".display_mode_dto",
    "EndRecordingMessage": ".end_recording_message",
    "EndRecordingMessageData": ".end_recording_message_data",
    "EndRecordingMessageType": ".end_recording_message_type",
    "EndSessionMessage": ".end_session_message",
    "EndSessionMessageType": ".end_session_message_type",
    "Error": ".error",
    "ErrorDTO": ".error_dto",
    "FileResponse": ".file_response",
    "ForbiddenErrorResponse": ".forbidden_error_response",
    "InitPreRecordedTranscriptionResponse": ".init_pre_recorded_transcription_response",
    "InitStreamingResponse": ".init_streaming_response",
    "InitTranscriptionRequest": ".init_transcription_request",
    "InitTranscriptionRequestCustomMetadata": ".init_transcription_request_custom_metadata",
    "InternalServerErrorResponse": ".internal_server_error_response",
    "JobStatusEnum": ".job_status_enum",
    "LanguageConfig": ".language_config",
    "ListLiveSessionsCustomMetadata": ".list_live_sessions_custom_metadata",
    "ListPreRecordedResponse": ".list_pre_recorded_response",
    "ListStreamingResponse": ".list_streaming_response",
    "ListTranscriptionsCustomMetadata": ".list_transcriptions_custom_metadata",
    "LiveEventPayload": ".live_event_payload",
    "MessagesConfig": ".messages_config",
    "ModerationDTO": ".moderation_dto",
    "NamedEntityRecognitionData": ".named_entity_recognition_data",
    "NamedEntityRecognitionDTO": ".named_entity_recognition_dto",
    "NamedEntityRecognitionMessage": ".named_entity_recognition_message",
    "NamedEntityRecognitionMessageType": ".named_entity_recognition_message_type",
    "NamedEntityRecognitionResult": ".named_entity_recognition_result",
    "NamesConsistencyDTO": ".names_consistency_dto",
    "NotFoundErrorResponse": ".not_found_error_response",
    "PatchRequestParamsDTO": ".patch_request_params_dto",
    "PayloadTooLargeErrorResponse": ".payload_too_large_error_response",
    "PiiRedactionConfigDTO": ".pii_redaction_config_dto",
    "PiiRedactionConfigDTOProcessedTextType": ".pii_redaction_config_dto_processed_text_type",
    "PiiRedactionEntityTypeEnum": ".pii_redaction_entity_type_enum",
    "PostChapterizationMessage": ".post_chapterization_message",
    "PostChapterizationMessageData": ".post_chapterization_message_data",
    "PostChapterizationMessageType": ".post_chapterization_message_type",
    "PostChapterizationResult": ".post_chapterization_result",
    "PostFinalTranscriptMessage": ".post_final_transcript_message",
    "PostFinalTranscriptMessageType": ".post_final_transcript_message_type",
    "PostProcessingConfig": ".post_processing_config",
    "PostSummarizationMessage": ".post_summarization_message",
    "PostSummarizationMessageData": ".post_summarization_message_data",
    "PostSummarizationMessageType": ".post_summarization_message_type",
    "PostTranscriptMessage": ".post_transcript_message",
    "PostTranscriptMessageType": ".post_transcript_message_type",
    "PreProcessingConfig": ".pre_processing_config",
    "PreRecordedEventPayload": ".pre_recorded_event_payload",
    "PreRecordedRequestParamsResponse": ".pre_recorded_request_params_response",
    "PreRecordedResponse": ".pre_recorded_response",
    "PreRecordedResponseCustomMetadataType0": ".pre_recorded_response_custom_metadata_type_0",
    "PreRecordedResponseKind": ".pre_recorded_response_kind",
    "PreRecordedResponsePostSessionMetadata": ".pre_recorded_response_post_session_metadata",
    "PreRecordedTranscriptionModel": ".pre_recorded_transcription_model",
    "RealtimeProcessingConfig": ".realtime_processing_config",
    "SentencesDTO": ".sentences_dto",
    "SentimentAnalysisData": ".sentiment_analysis_data",
    "SentimentAnalysisDTO": ".sentiment_analysis_dto",
    "SentimentAnalysisMessage": ".sentiment_analysis_message",
    "SentimentAnalysisMessageType": ".sentiment_analysis_message_type",
    "SentimentAnalysisResult": ".sentiment_analysis_result",
    "SpeechEndMessage": ".speech_end_message",
    "SpeechEndMessageType": ".speech_end_message_type",
    "SpeechMessageData": ".speech_message_data",
    "SpeechStartMessage": ".speech_start_message",
    "SpeechStartMessageType": ".speech_start_message_type",
    "StartRecordingMessage": ".start_recording_message",
    "StartRecordingMessageType": ".start_recording_message_type",
    "StartSessionMessage": ".start_session_message",
    "StartSessionMessageType": ".start_session_message_type",
    "StopRecordingAckData": ".stop_recording_ack_data",
    "StopRecordingAckMessage": ".stop_recording_ack_message",
    "StopRecordingAckMessageType": ".stop_recording_ack_message_type",
    "StopRecordingAction": ".stop_recording_action",
    "StopRecordingActionType": ".stop_recording_action_type",
    "StreamingRequest": ".streaming_request",
    "StreamingRequestCustomMetadata": ".streaming_request_custom_metadata",
    "StreamingRequestParamsResponse": ".streaming_request_params_response",
    "StreamingResponse": ".streaming_response",
    "StreamingResponseCustomMetadata": ".streaming_response_custom_metadata",
    "StreamingResponseKind": ".streaming_response_kind",
    "StreamingResponsePostSessionMetadata": ".streaming_response_post_session_metadata",
    "StreamingSupportedBitDepthEnum": ".streaming_supported_bit_depth_enum",
    "StreamingSupportedEncodingEnum": ".streaming_supported_encoding_enum",
    "StreamingSupportedModels": ".streaming_supported_models",
    "StreamingSupportedRegions": ".streaming_supported_regions",
    "StreamingSupportedSampleRateEnum": ".streaming_supported_sample_rate_enum",
    "StreamingTranscriptionResultDTO": ".streaming_transcription_result_dto",
    "StreamingTranscriptionResultWithMessagesDTO": ".streaming_transcription_result_with_messages_dto",
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
    "TranscriptMessage": ".transcript_message",
    "TranscriptMessageData": ".transcript_message_data",
    "TranscriptMessageType": ".transcript_message_type",
    "TranscriptionDTO": ".transcription_dto",
    "TranscriptionLanguageCodeEnum": ".transcription_language_code_enum",
    "TranscriptionMetadataDTO": ".transcription_metadata_dto",
    "TranscriptionResultDTO": ".transcription_result_dto",
    "TranslationConfigDTO": ".translation_config_dto",
    "TranslationData": ".translation_data",
    "TranslationDTO": ".translation_dto",
    "TranslationLanguageCodeEnum": ".translation_language_code_enum",
    "TranslationMessage": ".translation_message",
    "TranslationMessageType": ".translation_message_type",
    "TranslationModelEnum": ".translation_model_enum",
    "TranslationResultDTO": ".translation_result_dto",
    "UnauthorizedErrorResponse": ".unauthorized_error_response",
    "UnprocessableEntityErrorResponse": ".unprocessable_entity_error_response",
    "UnsupportedMediaTypeErrorResponse": ".unsupported_media_type_error_response",
    "UploadFileBody": ".upload_file_body",
    "UploadUrlBody": ".upload_url_body",
    "UtteranceDTO": ".utterance_dto",
    "WebhookLiveEndRecordingPayload": ".webhook_live_end_recording_payload",
    "WebhookLiveEndRecordingPayloadEvent": ".webhook_live_end_recording_payload_event",
    "WebhookLiveEndSessionPayload": ".webhook_live_end_session_payload",
    "WebhookLiveEndSessionPayloadEvent": ".webhook_live_end_session_payload_event",
    "WebhookLiveStartRecordingPayload": ".webhook_live_start_recording_payload",
    "WebhookLiveStartRecordingPayloadEvent": ".webhook_live_start_recording_payload_event",
    "WebhookLiveStartSessionPayload": ".webhook_live_start_session_payload",
    "WebhookLiveStartSessionPayloadEvent": ".webhook_live_start_session_payload_event",
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
    "AudioChunkAckData",
    "AudioChunkAckMessage",
    "AudioChunkAckMessageType",
    "AudioChunkAction",
    "AudioChunkActionData",
    "AudioChunkActionType",
    "AudioToLlmDTO",
    "AudioToLlmListConfigDTO",
    "AudioToLlmListDTO",
    "AudioToLlmResultDTO",
    "AudioUploadMetadataDTO",
    "AudioUploadResponse",
    "BadRequestErrorResponse",
    "CallbackConfig",
    "CallbackConfigDto",
    "CallbackLiveAudioChunkAckMessage",
    "CallbackLiveAudioChunkAckMessageEvent",
    "CallbackLiveEndRecordingMessage",
    "CallbackLiveEndRecordingMessageEvent",
    "CallbackLiveEndSessionMessage",
    "CallbackLiveEndSessionMessageEvent",
    "CallbackLiveNamedEntityRecognitionMessage",
    "CallbackLiveNamedEntityRecognitionMessageEvent",
    "CallbackLivePostChapterizationMessage",
    "CallbackLivePostChapterizationMessageEvent",
    "CallbackLivePostFinalTranscriptMessage",
    "CallbackLivePostFinalTranscriptMessageEvent",
    "CallbackLivePostSummarizationMessage",
    "CallbackLivePostSummarizationMessageEvent",
    "CallbackLivePostTranscriptMessage",
    "CallbackLivePostTranscriptMessageEvent",
    "CallbackLiveSentimentAnalysisMessage",
    "CallbackLiveSentimentAnalysisMessageEvent",
    "CallbackLiveSpeechEndMessage",
    "CallbackLiveSpeechEndMessageEvent",
    "CallbackLiveSpeechStartMessage",
    "CallbackLiveSpeechStartMessageEvent",
    "CallbackLiveStartRecordingMessage",
    "CallbackLiveStartRecordingMessageEvent",
    "CallbackLiveStartSessionMessage",
    "CallbackLiveStartSessionMessageEvent",
    "CallbackLiveStopRecordingAckMessage",
    "CallbackLiveStopRecordingAckMessageEvent",
    "CallbackLiveTranscriptMessage",
    "CallbackLiveTranscriptMessageEvent",
    "CallbackLiveTranslationMessage",
    "CallbackLiveTranslationMessageEvent",
    "CallbackMethodEnum",
    "CallbackTranscriptionErrorPayload",
    "CallbackTranscriptionErrorPayloadCustomMetadataType0",
    "CallbackTranscriptionErrorPayloadEvent",
    "CallbackTranscriptionSuccessPayload",
    "CallbackTranscriptionSuccessPayloadCustomMetadataType0",
    "CallbackTranscriptionSuccessPayloadEvent",
    "ChapterizationDTO",
    "ChapterizationDTOResultsType0",
    "ChapterizationSentence",
    "CustomSpellingConfigDTO",
    "CustomSpellingConfigDTOSpellingDictionary",
    "CustomVocabularyConfigDTO",
    "CustomVocabularyEntryDTO",
    "DiarizationConfigDTO",
    "DiarizationDTO",
    "DisplayModeDTO",
    "EndRecordingMessage",
    "EndRecordingMessageData",
    "EndRecordingMessageType",
    "EndSessionMessage",
    "EndSessionMessageType",
    "Error",
    "ErrorDTO",
    "FileResponse",
    "ForbiddenErrorResponse",
    "InitPreRecordedTranscriptionResponse",
    "InitStreamingResponse",
    "InitTranscriptionRequest",
    "InitTranscriptionRequestCustomMetadata",
    "InternalServerErrorResponse",
    "JobStatusEnum",
    "LanguageConfig",
    "ListLiveSessionsCustomMetadata",
    "ListPreRecordedResponse",
    "ListStreamingResponse",
    "ListTranscriptionsCustomMetadata",
    "LiveEventPayload",
    "MessagesConfig",
    "ModerationDTO",
    "NamedEntityRecognitionData",
    "NamedEntityRecognitionDTO",
    "NamedEntityRecognitionMessage",
    "NamedEntityRecognitionMessageType",
    "NamedEntityRecognitionResult",
    "NamesConsistencyDTO",
    "NotFoundErrorResponse",
    "PatchRequestParamsDTO",
    "PayloadTooLargeErrorResponse",
    "PiiRedactionConfigDTO",
    "PiiRedactionConfigDTOProcessedTextType",
    "PiiRedactionEntityTypeEnum",
    "PostChapterizationMessage",
    "PostChapterizationMessageData",
    "PostChapterizationMessageType",
    "PostChapterizationResult",
    "PostFinalTranscriptMessage",
    "PostFinalTranscriptMessageType",
    "PostProcessingConfig",
    "PostSummarizationMessage",
    "PostSummarizationMessageData",
    "PostSummarizationMessageType",
    "PostTranscriptMessage",
    "PostTranscriptMessageType",
    "PreProcessingConfig",
    "PreRecordedEventPayload",
    "PreRecordedRequestParamsResponse",
    "PreRecordedResponse",
    "PreRecordedResponseCustomMetadataType0",
    "PreRecordedResponseKind",
    "PreRecordedResponsePostSessionMetadata",
    "PreRecordedTranscriptionModel",
    "RealtimeProcessingConfig",
    "SentencesDTO",
    "SentimentAnalysisData",
    "SentimentAnalysisDTO",
    "SentimentAnalysisMessage",
    "SentimentAnalysisMessageType",
    "SentimentAnalysisResult",
    "SpeechEndMessage",
    "SpeechEndMessageType",
    "SpeechMessageData",
    "SpeechStartMessage",
    "SpeechStartMessageType",
    "StartRecordingMessage",
    "StartRecordingMessageType",
    "StartSessionMessage",
    "StartSessionMessageType",
    "StopRecordingAckData",
    "StopRecordingAckMessage",
    "StopRecordingAckMessageType",
    "StopRecordingAction",
    "StopRecordingActionType",
    "StreamingRequest",
    "StreamingRequestCustomMetadata",
    "StreamingRequestParamsResponse",
    "StreamingResponse",
    "StreamingResponseCustomMetadata",
    "StreamingResponseKind",
    "StreamingResponsePostSessionMetadata",
    "StreamingSupportedBitDepthEnum",
    "StreamingSupportedEncodingEnum",
    "StreamingSupportedModels",
    "StreamingSupportedRegions",
    "StreamingSupportedSampleRateEnum",
    "StreamingTranscriptionResultDTO",
    "StreamingTranscriptionResultWithMessagesDTO",
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
    "TranscriptMessage",
    "TranscriptMessageData",
    "TranscriptMessageType",
    "TranslationConfigDTO",
    "TranslationData",
    "TranslationDTO",
    "TranslationLanguageCodeEnum",
    "TranslationMessage",
    "TranslationMessageType",
    "TranslationModelEnum",
    "TranslationResultDTO",
    "UnauthorizedErrorResponse",
    "UnprocessableEntityErrorResponse",
    "UnsupportedMediaTypeErrorResponse",
    "UploadFileBody",
    "UploadUrlBody",
    "UtteranceDTO",
    "WebhookLiveEndRecordingPayload",
    "WebhookLiveEndRecordingPayloadEvent",
    "WebhookLiveEndSessionPayload",
    "WebhookLiveEndSessionPayloadEvent",
    "WebhookLiveStartRecordingPayload",
    "WebhookLiveStartRecordingPayloadEvent",
    "WebhookLiveStartSessionPayload",
    "WebhookLiveStartSessionPayloadEvent",
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
