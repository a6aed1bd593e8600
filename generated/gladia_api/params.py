"""TypedDicts of the JSON request bodies: options as dict literals that type checkers verify.

Generated from openapi/gladia.yaml by scripts/regenerate.py; never edit by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict

if TYPE_CHECKING:
    from .models import (
        CallbackMethodEnum,
        PiiRedactionEntityTypeEnum,
        PreRecordedTranscriptionModel,
        StreamingSupportedBitDepthEnum,
        StreamingSupportedEncodingEnum,
        StreamingSupportedModels,
        StreamingSupportedSampleRateEnum,
        SubtitlesFormatEnum,
        SubtitlesStyleEnum,
        SummaryTypesEnum,
        TranscriptionLanguageCodeEnum,
        TranslationLanguageCodeEnum,
        TranslationModelEnum,
    )

PreRecordedTranscriptionModelLiteral = Literal["solaria-1", "solaria-3", "solaria-fusion"]
"""The speech recognition model."""

TranscriptionLanguageCodeLiteral = Literal[
    "af",
    "am",
    "ar",
    "as",
    "az",
    "ba",
    "be",
    "bg",
    "bn",
    "bo",
    "br",
    "bs",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fo",
    "fr",
    "gl",
    "gu",
    "ha",
    "haw",
    "he",
    "hi",
    "hr",
    "ht",
    "hu",
    "hy",
    "id",
    "is",
    "it",
    "ja",
    "jw",
    "ka",
    "kk",
    "km",
    "kn",
    "ko",
    "la",
    "lb",
    "ln",
    "lo",
    "lt",
    "lv",
    "mg",
    "mi",
    "mk",
    "ml",
    "mn",
    "mr",
    "ms",
    "mt",
    "my",
    "ne",
    "nl",
    "nn",
    "no",
    "oc",
    "pa",
    "pl",
    "ps",
    "pt",
    "ro",
    "ru",
    "sa",
    "sd",
    "si",
    "sk",
    "sl",
    "sn",
    "so",
    "sq",
    "sr",
    "su",
    "sv",
    "sw",
    "ta",
    "te",
    "tg",
    "th",
    "tk",
    "tl",
    "tr",
    "tt",
    "uk",
    "ur",
    "uz",
    "vi",
    "yi",
    "yo",
    "zh",
]
"""An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can transcribe."""

CallbackMethodLiteral = Literal["POST", "PUT"]
"""The values of `CallbackMethodEnum`."""

SubtitlesFormatLiteral = Literal["srt", "vtt"]
"""The values of `SubtitlesFormatEnum`."""

SubtitlesStyleLiteral = Literal["default", "compliance"]
"""The values of `SubtitlesStyleEnum`."""

TranslationLanguageCodeLiteral = Literal[
    "af",
    "am",
    "ar",
    "as",
    "az",
    "ba",
    "be",
    "bg",
    "bn",
    "bo",
    "br",
    "bs",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fo",
    "fr",
    "gl",
    "gu",
    "ha",
    "haw",
    "he",
    "hi",
    "hr",
    "ht",
    "hu",
    "hy",
    "id",
    "is",
    "it",
    "ja",
    "jw",
    "ka",
    "kk",
    "km",
    "kn",
    "ko",
    "la",
    "lb",
    "ln",
    "lo",
    "lt",
    "lv",
    "mg",
    "mi",
    "mk",
    "ml",
    "mn",
    "mr",
    "ms",
    "mt",
    "my",
    "ne",
    "nl",
    "nn",
    "no",
    "oc",
    "pa",
    "pl",
    "ps",
    "pt",
    "ro",
    "ru",
    "sa",
    "sd",
    "si",
    "sk",
    "sl",
    "sn",
    "so",
    "sq",
    "sr",
    "su",
    "sv",
    "sw",
    "ta",
    "te",
    "tg",
    "th",
    "tk",
    "tl",
    "tr",
    "tt",
    "uk",
    "ur",
    "uz",
    "vi",
    "wo",
    "yi",
    "yo",
    "zh",
]
"""An ISO 639-1 code (or `haw`, `jw`) of a language Gladia can translate into."""

TranslationModelLiteral = Literal["base", "batch", "enhanced"]
"""The values of `TranslationModelEnum`."""

SummaryTypesLiteral = Literal["general", "bullet_points", "concise"]
"""The values of `SummaryTypesEnum`."""

PiiRedactionEntityTypeLiteral = Literal[
    "APPI",
    "APPI_SENSITIVE",
    "CCI",
    "CORE_ENTITIES",
    "CPRA",
    "GDPR",
    "GDPR_SENSITIVE",
    "HEALTH_INFORMATION",
    "HIPAA_SAFE_HARBOR",
    "LIDI",
    "NUMERICAL_EXCL_PCI",
    "PCI",
    "QUEBEC_PRIVACY_ACT",
    "ACCOUNT_NUMBER",
    "AGE",
    "DATE",
    "DATE_INTERVAL",
    "DOB",
    "DRIVER_LICENSE",
    "DURATION",
    "EMAIL_ADDRESS",
    "EVENT",
    "FILENAME",
    "GENDER",
    "HEALTHCARE_NUMBER",
    "IP_ADDRESS",
    "LANGUAGE",
    "LOCATION",
    "LOCATION_ADDRESS",
    "LOCATION_ADDRESS_STREET",
    "LOCATION_CITY",
    "LOCATION_COORDINATE",
    "LOCATION_COUNTRY",
    "LOCATION_STATE",
    "LOCATION_ZIP",
    "MARITAL_STATUS",
    "MONEY",
    "NAME",
    "NAME_FAMILY",
    "NAME_GIVEN",
    "NAME_MEDICAL_PROFESSIONAL",
    "NUMERICAL_PII",
    "OCCUPATION",
    "ORGANIZATION",
    "ORGANIZATION_MEDICAL_FACILITY",
    "ORIGIN",
    "PASSPORT_NUMBER",
    "PASSWORD",
    "PHONE_NUMBER",
    "PHYSICAL_ATTRIBUTE",
    "POLITICAL_AFFILIATION",
    "RELIGION",
    "SEXUALITY",
    "SSN",
    "TIME",
    "URL",
    "USERNAME",
    "VEHICLE_ID",
    "ZODIAC_SIGN",
    "BLOOD_TYPE",
    "CONDITION",
    "DOSE",
    "DRUG",
    "INJURY",
    "MEDICAL_PROCESS",
    "STATISTICS",
    "BANK_ACCOUNT",
    "CREDIT_CARD",
    "CREDIT_CARD_EXPIRATION",
    "CVV",
    "ROUTING_NUMBER",
    "CORPORATE_ACTION",
    "DAY",
    "EFFECT",
    "FINANCIAL_METRIC",
    "MEDICAL_CODE",
    "MONTH",
    "ORGANIZATION_ID",
    "PRODUCT",
    "PROJECT",
    "TREND",
    "YEAR",
]
"""The values of `PiiRedactionEntityTypeEnum`."""

StreamingSupportedEncodingLiteral = Literal["wav/pcm", "wav/alaw", "wav/ulaw"]
"""Encodings of live audio frames: 16/24/32-bit PCM, A-law or mu-law."""

StreamingSupportedBitDepthLiteral = Literal[8, 16, 24, 32]
"""Bits per sample of live audio frames."""

StreamingSupportedSampleRateLiteral = Literal[8000, 16000, 32000, 44100, 48000]
"""Sample rates of live audio frames, in Hz."""

StreamingSupportedModelsLiteral = Literal["solaria-1"]
"""The real-time speech models."""


class UploadUrlBodyParams(TypedDict):
    """The JSON form of an upload; Gladia downloads the file itself."""

    audio_url: str
    """A public http(s) URL of an audio or video file."""


class LanguageConfigParams(TypedDict, total=False):
    """The JSON object `LanguageConfig`, as a dict."""

    languages: Sequence[TranscriptionLanguageCodeLiteral | TranscriptionLanguageCodeEnum]
    """Expected languages. One language fixes it; none or several let the model detect it. Default: []."""
    code_switching: bool
    """Detect the language again for every utterance instead of once for the whole file. Default: False."""


class CustomVocabularyEntryOptionalParams(TypedDict, total=False):
    """The optional keys of CustomVocabularyEntryParams: CustomVocabularyEntryParams without value."""

    intensity: float
    """How strongly to favour it (0 to 1)."""
    pronunciations: Sequence[str]
    """Other ways it may sound, spelled phonetically."""
    language: TranscriptionLanguageCodeLiteral | TranscriptionLanguageCodeEnum
    """The language it is pronounced in; the transcription language when absent."""


class CustomVocabularyEntryParams(CustomVocabularyEntryOptionalParams):
    """The JSON object `CustomVocabularyEntryDTO`, as a dict."""

    value: str
    """The word or phrase as it should be written."""


class CustomVocabularyConfigOptionalParams(TypedDict, total=False):
    """The optional keys of CustomVocabularyConfigParams: CustomVocabularyConfigParams without vocabulary."""

    default_intensity: float
    """How strongly to favour entries that do not set their own intensity (0 to 1)."""


class CustomVocabularyConfigParams(CustomVocabularyConfigOptionalParams):
    """The JSON object `CustomVocabularyConfigDTO`, as a dict."""

    vocabulary: Sequence[CustomVocabularyEntryParams | str]
    """Words or phrases to favour; each is a plain string or an entry with its own settings."""


class CallbackConfigDtoOptionalParams(TypedDict, total=False):
    """The optional keys of CallbackConfigDtoParams: CallbackConfigDtoParams without url."""

    method: CallbackMethodLiteral | CallbackMethodEnum
    """The HTTP method of the callback request. Default: 'POST'."""


class CallbackConfigDtoParams(CallbackConfigDtoOptionalParams):
    """The JSON object `CallbackConfigDto`, as a dict."""

    url: str
    """The http(s) URL the callback is sent to."""


class SubtitlesConfigParams(TypedDict, total=False):
    """The JSON object `SubtitlesConfigDTO`, as a dict."""

    formats: Sequence[SubtitlesFormatLiteral | SubtitlesFormatEnum]
    """The subtitle formats to produce. Default: ['srt']."""
    minimum_duration: float
    """Shortest time a caption stays on screen"""
    maximum_duration: float
    """Longest time a caption stays on screen"""
    maximum_characters_per_row: int
    """Longest line of a caption"""
    maximum_rows_per_caption: int
    """Most lines in one caption."""
    style: SubtitlesStyleLiteral | SubtitlesStyleEnum
    """`compliance` follows broadcast captioning rules; `default` favours readability. Default: 'default'."""


class DiarizationConfigParams(TypedDict, total=False):
    """The JSON object `DiarizationConfigDTO`, as a dict."""

    number_of_speakers: int
    """The exact number of speakers"""
    min_speakers: int
    """The fewest speakers to expect."""
    max_speakers: int
    """The most speakers to expect."""


class TranslationConfigOptionalParams(TypedDict, total=False):
    """The optional keys of TranslationConfigParams: TranslationConfigParams without target_languages."""

    model: TranslationModelLiteral | TranslationModelEnum
    """The translation model. Default: 'base'."""
    match_original_utterances: bool
    """Keep one translated utterance per original utterance. Default: True."""
    lipsync: bool
    """Keep translated utterances close to the original timing. Default: True."""
    context_adaptation: bool
    """Let the model adapt the translation to `context`. Default: True."""
    context: str
    """Background that helps the translation"""
    informal: bool
    """Prefer informal forms where the target language has them. Default: False."""


class TranslationConfigParams(TranslationConfigOptionalParams):
    """The JSON object `TranslationConfigDTO`, as a dict."""

    target_languages: Sequence[TranslationLanguageCodeLiteral | TranslationLanguageCodeEnum]
    """Languages to translate into."""


class SummarizationConfigParams(TypedDict, total=False):
    """The JSON object `SummarizationConfigDTO`, as a dict."""

    type: SummaryTypesLiteral | SummaryTypesEnum
    """The shape of the summary. Default: 'general'."""


class CustomSpellingConfigParams(TypedDict):
    """The JSON object `CustomSpellingConfigDTO`, as a dict."""

    spelling_dictionary: Mapping[str, Sequence[str]]
    """Maps each wanted spelling to the spellings it replaces."""


class StructuredDataExtractionConfigParams(TypedDict):
    """The JSON object `StructuredDataExtractionConfigDTO`, as a dict."""

    classes: Sequence[str]
    """The kinds of data to pull out of the transcript, e.g. `person` or `date`."""


class AudioToLlmListConfigOptionalParams(TypedDict, total=False):
    """The optional keys of AudioToLlmListConfigParams: AudioToLlmListConfigParams without prompts."""

    model: str
    """The language model, named as on OpenRouter. Default: 'openai/gpt-5.4-nano'."""


class AudioToLlmListConfigParams(AudioToLlmListConfigOptionalParams):
    """The JSON object `AudioToLlmListConfigDTO`, as a dict."""

    prompts: Sequence[str]
    """The instructions to run over the transcript, one result each."""


class PiiRedactionConfigParams(TypedDict, total=False):
    """The JSON object `PiiRedactionConfigDTO`, as a dict."""

    entity_types: Sequence[PiiRedactionEntityTypeLiteral | PiiRedactionEntityTypeEnum]
    """Entity types, or presets such as `GDPR`, to redact."""
    processed_text_type: Literal["MARKER", "MASK"]
    """`MARKER` replaces an entity with its type; `MASK` hides its characters."""


class InitTranscriptionRequestOptionalParams(TypedDict, total=False):
    """The optional keys of InitTranscriptionRequestParams: InitTranscriptionRequestParams without audio_url."""

    model: PreRecordedTranscriptionModelLiteral | PreRecordedTranscriptionModel
    """The speech model. `solaria-3` needs exactly one language in `language_config.languages`. Default: 'solaria-1'."""
    language_config: LanguageConfigParams
    """Which languages to expect and whether they may change between utterances."""
    custom_vocabulary: bool
    """Bias recognition towards the words in `custom_vocabulary_config`. Default: False."""
    custom_vocabulary_config: CustomVocabularyConfigParams
    """The words to favour, used when `custom_vocabulary` is true."""
    callback_url: str
    """Deprecated. Superseded by `callback` and `callback_config`; a POST is sent here when the job ends."""
    callback: bool
    """Send the outcome to `callback_config.url` when the job ends. Default: False."""
    callback_config: CallbackConfigDtoParams
    """Where, and with which HTTP method, to send the callback."""
    subtitles: bool
    """Produce subtitles in the formats of `subtitles_config`. Default: False."""
    subtitles_config: SubtitlesConfigParams
    """Subtitle formats and layout, used when `subtitles` is true."""
    diarization: bool
    """Tell speakers apart; each utterance then carries a `speaker` number. Default: False."""
    diarization_config: DiarizationConfigParams
    """Hints about how many speakers to expect, used when `diarization` is true."""
    translation: bool
    """Translate the transcript into the languages of `translation_config`. Default: False."""
    translation_config: TranslationConfigParams
    """Target languages and translation model, used when `translation` is true."""
    summarization: bool
    """Summarize the transcript. Default: False."""
    summarization_config: SummarizationConfigParams
    """The kind of summary, used when `summarization` is true."""
    moderation: bool
    """Flag content that may need moderation. Default: False."""
    named_entity_recognition: bool
    """Find named entities (people, places, organisations, ...) in the transcript. Default: False."""
    chapterization: bool
    """Deprecated. Deprecated and ignored. Gladia no longer splits transcripts into chapters; the option is still accepted so older clients keep working, and produces no result block. Default: False."""
    name_consistency: bool
    """Spell each person's name the same way throughout the transcript. Default: False."""
    custom_spelling: bool
    """Rewrite words using the dictionary in `custom_spelling_config`. Default: False."""
    custom_spelling_config: CustomSpellingConfigParams
    """The spelling dictionary, used when `custom_spelling` is true."""
    structured_data_extraction: bool
    """Extract the classes listed in `structured_data_extraction_config` from the transcript. Default: False."""
    structured_data_extraction_config: StructuredDataExtractionConfigParams
    """What to extract, used when `structured_data_extraction` is true."""
    sentiment_analysis: bool
    """Rate the sentiment and emotion of each sentence. Default: False."""
    audio_to_llm: bool
    """Run the prompts of `audio_to_llm_config` over the transcript with a language model. Default: False."""
    audio_to_llm_config: AudioToLlmListConfigParams
    """The prompts and model, used when `audio_to_llm` is true."""
    pii_redaction: bool
    """Redact personal information from the transcript. Default: False."""
    pii_redaction_config: PiiRedactionConfigParams
    """Which entities to redact and how, used when `pii_redaction` is true."""
    display_mode: bool
    """Reorder the output into new utterances where speakers talk over each other. Default: False."""
    sentences: bool
    """Also return the transcript split into sentences. Default: False."""
    punctuation_enhanced: bool
    """Use the slower, more careful punctuation model. Default: False."""
    custom_metadata: Mapping[str, Any]
    """Any JSON object; it is stored with the job, echoed in callbacks and can filter the job list."""


class InitTranscriptionRequestParams(InitTranscriptionRequestOptionalParams):
    """Everything a pre-recorded job can be asked to do. Only `audio_url` is required; each add-on is turned on by its boolean and tuned by its `*_config` object."""

    audio_url: str
    """The audio to transcribe, either an `audio_url` returned by the upload endpoint or any public http(s) URL."""


class PreProcessingConfigParams(TypedDict, total=False):
    """What is done to the audio before it is transcribed."""

    audio_enhancer: bool
    """Clean up noisy audio before transcribing it. Default: False."""
    speech_threshold: float
    """How sure the voice detector must be (0 to 1) before audio counts as speech. Default: 0.6."""


class RealtimeProcessingConfigParams(TypedDict, total=False):
    """Add-ons applied to each final utterance as the session runs."""

    custom_vocabulary: bool
    """Default: False."""
    custom_vocabulary_config: CustomVocabularyConfigParams
    custom_spelling: bool
    """Default: False."""
    custom_spelling_config: CustomSpellingConfigParams
    translation: bool
    """Default: False."""
    translation_config: TranslationConfigParams
    named_entity_recognition: bool
    """Default: False."""
    sentiment_analysis: bool
    """Default: False."""


class PostProcessingConfigParams(TypedDict, total=False):
    """Add-ons applied to the whole transcript once the recording has ended."""

    summarization: bool
    """Default: False."""
    summarization_config: SummarizationConfigParams
    chapterization: bool
    """Deprecated. Deprecated and ignored: no `post_chapterization` message is sent. Still accepted, as older clients send it. Default: False."""


class MessagesConfigParams(TypedDict, total=False):
    """Which kinds of message the WebSocket carries; each flag turns one kind on or off."""

    receive_partial_transcripts: bool
    """Default: False."""
    receive_final_transcripts: bool
    """Default: True."""
    receive_speech_events: bool
    """Default: True."""
    receive_pre_processing_events: bool
    """Default: True."""
    receive_realtime_processing_events: bool
    """Default: True."""
    receive_post_processing_events: bool
    """Default: True."""
    receive_acknowledgments: bool
    """Default: True."""
    receive_errors: bool
    """Default: True."""
    receive_lifecycle_events: bool
    """Default: False."""


class CallbackConfigParams(TypedDict, total=False):
    """Where, and which of, the session's messages are also POSTed."""

    url: str
    """The http(s) URL the messages are POSTed to."""
    receive_partial_transcripts: bool
    """Default: False."""
    receive_final_transcripts: bool
    """Default: True."""
    receive_speech_events: bool
    """Default: False."""
    receive_pre_processing_events: bool
    """Default: True."""
    receive_realtime_processing_events: bool
    """Default: True."""
    receive_post_processing_events: bool
    """Default: True."""
    receive_acknowledgments: bool
    """Default: False."""
    receive_errors: bool
    """Default: False."""
    receive_lifecycle_events: bool
    """Default: True."""


class StreamingRequestParams(TypedDict, total=False):
    """The configuration of a live session, sent once to open it. Every field is optional."""

    encoding: StreamingSupportedEncodingLiteral | StreamingSupportedEncodingEnum
    """How the audio frames are encoded. Default: 'wav/pcm'."""
    bit_depth: StreamingSupportedBitDepthLiteral | StreamingSupportedBitDepthEnum
    """Bits per sample of the audio frames. Default: 16."""
    sample_rate: StreamingSupportedSampleRateLiteral | StreamingSupportedSampleRateEnum
    """Samples per second of the audio frames. Default: 16000."""
    channels: int
    """How many interleaved channels the audio frames hold. Default: 1."""
    custom_metadata: Mapping[str, Any]
    """Your own key/value pairs, stored with the session and usable to filter the list."""
    model: StreamingSupportedModelsLiteral | StreamingSupportedModels
    """The real-time speech model. Default: 'solaria-1'."""
    endpointing: float
    """Seconds of silence that end an utterance and make its transcript final. Default: 0.05."""
    maximum_duration_without_endpointing: float
    """The longest an utterance may run, in seconds, before it is made final without a silence. Default: 5."""
    language_config: LanguageConfigParams
    pre_processing: PreProcessingConfigParams
    realtime_processing: RealtimeProcessingConfigParams
    post_processing: PostProcessingConfigParams
    messages_config: MessagesConfigParams
    """Which kinds of message the WebSocket carries."""
    callback: bool
    """Also send the session's messages to `callback_config.url`. Default: False."""
    callback_config: CallbackConfigParams


class PatchRequestParamsParams(TypedDict, total=False):
    """Changes to the stored configuration of a live session."""


__all__ = [
    "PreRecordedTranscriptionModelLiteral",
    "TranscriptionLanguageCodeLiteral",
    "CallbackMethodLiteral",
    "SubtitlesFormatLiteral",
    "SubtitlesStyleLiteral",
    "TranslationLanguageCodeLiteral",
    "TranslationModelLiteral",
    "SummaryTypesLiteral",
    "PiiRedactionEntityTypeLiteral",
    "StreamingSupportedEncodingLiteral",
    "StreamingSupportedBitDepthLiteral",
    "StreamingSupportedSampleRateLiteral",
    "StreamingSupportedModelsLiteral",
    "UploadUrlBodyParams",
    "LanguageConfigParams",
    "CustomVocabularyEntryOptionalParams",
    "CustomVocabularyEntryParams",
    "CustomVocabularyConfigOptionalParams",
    "CustomVocabularyConfigParams",
    "CallbackConfigDtoOptionalParams",
    "CallbackConfigDtoParams",
    "SubtitlesConfigParams",
    "DiarizationConfigParams",
    "TranslationConfigOptionalParams",
    "TranslationConfigParams",
    "SummarizationConfigParams",
    "CustomSpellingConfigParams",
    "StructuredDataExtractionConfigParams",
    "AudioToLlmListConfigOptionalParams",
    "AudioToLlmListConfigParams",
    "PiiRedactionConfigParams",
    "InitTranscriptionRequestOptionalParams",
    "InitTranscriptionRequestParams",
    "PreProcessingConfigParams",
    "RealtimeProcessingConfigParams",
    "PostProcessingConfigParams",
    "MessagesConfigParams",
    "CallbackConfigParams",
    "StreamingRequestParams",
    "PatchRequestParamsParams",
]
