"""Option checks: every bad option is named with its path and what to do; good ones pass untouched."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from gladia.errors import GladiaWarning, InvalidOptionsError
from gladia.prerecorded._options import PLACEHOLDER_AUDIO_URL, create_body, request_problems, warn_about
from gladia_api.models import InitTranscriptionRequest, LanguageConfig, TranscriptionLanguageCodeEnum

URL = "https://example.com/a.wav"

# The options of Gladia's own documentation example.
DOCS_OPTIONS = {
    "language_config": {"languages": ["en", "fr"], "code_switching": True},
    "custom_vocabulary": True,
    "custom_vocabulary_config": {"vocabulary": ["Gladia", "Solaria", "Salesforce"]},
}


def problems(options: dict[str, Any]) -> list[str]:
    return request_problems({"audio_url": URL, **options})


def test_the_documented_options_are_valid() -> None:
    assert problems(DOCS_OPTIONS) == []
    body = create_body(DOCS_OPTIONS, audio_url=URL)
    assert body == {"audio_url": URL, **DOCS_OPTIONS}


def test_every_option_of_a_full_request_is_accepted() -> None:
    full = {
        "model": "solaria-1",
        "language_config": {"languages": ["en"], "code_switching": False},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {
            "vocabulary": [
                "Westeros",
                {"value": "Stark"},
                {
                    "value": "Night's Watch",
                    "pronunciations": ["Nightz Watch"],
                    "intensity": 0.4,
                    "language": "en",
                },
            ],
            "default_intensity": 0.5,
        },
        "callback": True,
        "callback_config": {"url": "https://example.com/hook", "method": "PUT"},
        "subtitles": True,
        "subtitles_config": {
            "formats": ["srt", "vtt"],
            "minimum_duration": 1,
            "maximum_duration": 6,
            "maximum_characters_per_row": 42,
            "maximum_rows_per_caption": 2,
            "style": "compliance",
        },
        "diarization": True,
        "diarization_config": {"number_of_speakers": 2, "min_speakers": 1, "max_speakers": 3},
        "translation": True,
        "translation_config": {
            "target_languages": ["fr", "wo"],
            "model": "enhanced",
            "match_original_utterances": True,
            "lipsync": False,
            "context_adaptation": True,
            "context": "a meeting",
            "informal": True,
        },
        "summarization": True,
        "summarization_config": {"type": "bullet_points"},
        "moderation": True,
        "named_entity_recognition": True,
        "chapterization": True,
        "name_consistency": True,
        "custom_spelling": True,
        "custom_spelling_config": {"spelling_dictionary": {"SQL": ["Sequel"]}},
        "structured_data_extraction": True,
        "structured_data_extraction_config": {"classes": ["person"]},
        "sentiment_analysis": True,
        "audio_to_llm": True,
        "audio_to_llm_config": {"prompts": ["Summarize"], "model": "openai/gpt-5.4-nano"},
        "pii_redaction": True,
        "pii_redaction_config": {"entity_types": ["GDPR", "EMAIL_ADDRESS"], "processed_text_type": "MASK"},
        "display_mode": True,
        "sentences": True,
        "punctuation_enhanced": True,
        "custom_metadata": {"user": "John Doe", "nested": {"ok": [1, 2]}},
    }
    assert problems(full) == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"languag_config": {}}, "languag_config: not an option; did you mean 'language_config'?"),
        (
            {"language_config": {"languages": ["en", "english"]}},
            "language_config.languages[1]: 'english' is not a language code; did you mean 'en'?",
        ),
        ({"language_config": {"languages": ["en-US"]}}, "did you mean 'en'?"),
        ({"language_config": {"languages": ["Français"]}}, "did you mean 'fr'?"),
        (
            {"language_config": {"languages": "en"}},
            "language_config.languages: expected a list, got a string 'en'",
        ),
        (
            {"language_config": {"languagess": []}},
            "language_config.languagess: not an option of language_config; did you mean 'languages'?",
        ),
        ({"custom_vocabulary": "yes"}, "custom_vocabulary: expected true or false, got a string 'yes'"),
        ({"custom_vocabulary": ["Gladia"]}, "custom_vocabulary_config: {'vocabulary': [...]}"),
        ({"custom_vocabulary": True}, "custom_vocabulary: true needs custom_vocabulary_config"),
        (
            {"subtitles_config": {"formats": ["srt", "xml"]}, "subtitles": True},
            "subtitles_config.formats[1]: 'xml' is not one of srt, vtt",
        ),
        (
            {"subtitles": True, "subtitles_config": {"formats": []}},
            "subtitles_config.formats: needs at least 1 item, got 0",
        ),
        (
            {"subtitles": True, "subtitles_config": {"maximum_rows_per_caption": 9}},
            "subtitles_config.maximum_rows_per_caption: 9 is above the maximum of 5",
        ),
        ({"callback": True}, "callback: true needs a URL to call"),
        (
            {"callback": True, "callback_config": {"url": "ftp://example.com/x"}},
            "callback_config.url: 'ftp://example.com/x' is not an http(s) URL",
        ),
        (
            {"callback": True, "callback_config": {"url": "https://example.com/x", "method": "GET"}},
            "callback_config.method: 'GET' is not one of POST, PUT",
        ),
        (
            {"callback": True, "callback_config": {"method": "POST"}},
            "callback_config.url: required in callback_config but missing",
        ),
        ({"model": "solaria-2"}, "model: 'solaria-2' is not one of solaria-1, solaria-3"),
        (
            {"model": "solaria-3", "language_config": {"languages": ["en", "fr"]}},
            "needs exactly one language",
        ),
        (
            {"translation": True, "translation_config": {"target_languages": ["French"]}},
            "translation_config.target_languages[0]: 'French' is not a language code; did you mean 'fr'?",
        ),
        (
            {"diarization": True, "diarization_config": {"min_speakers": 4, "max_speakers": 2}},
            "min_speakers (4) is greater than max_speakers (2)",
        ),
        (
            {"diarization": True, "diarization_config": {"number_of_speakers": 0}},
            "diarization_config.number_of_speakers: 0 is below the minimum of 1",
        ),
        (
            {"diarization": True, "diarization_config": {"number_of_speakers": 1.5}},
            "expected a whole number, got a number 1.5",
        ),
        ({"custom_metadata": "user=1"}, "custom_metadata: expected an object (a dict), got a string"),
        (
            {"pii_redaction": True, "pii_redaction_config": {"entity_types": ["EMAIL"]}},
            "pii_redaction_config.entity_types[0]: 'EMAIL' is not one of 82 values",
        ),
        (
            {"summarization": True, "summarization_config": {"type": "short"}},
            "'short' is not one of general, bullet_points, concise",
        ),
        ({"audio_url": "not a url"}, "audio_url: 'not a url' is not an http(s) URL"),
    ],
)
def test_each_bad_option_is_named_with_its_fix(options: dict[str, Any], expected: str) -> None:
    found = problems(options)
    assert any(expected in p for p in found), found


def test_every_problem_is_reported_at_once() -> None:
    found = problems({"languag_config": {}, "model": "x", "subtitles": 1})
    assert len(found) == 3


def test_create_body_raises_with_all_problems_and_leaves_input_alone() -> None:
    options = {"language_config": {"languages": ["english"]}, "custom_vocabulary": "x"}
    snapshot = repr(options)
    with pytest.raises(InvalidOptionsError) as caught:
        create_body(options, audio_url=URL)
    assert len(caught.value.problems) == 2
    assert "nothing was sent" in str(caught.value)
    assert repr(options) == snapshot


def test_generated_models_are_accepted_as_options() -> None:
    request = InitTranscriptionRequest(
        audio_url=URL, language_config=LanguageConfig(languages=[TranscriptionLanguageCodeEnum.EN])
    )
    body = create_body(request)
    assert body["language_config"]["languages"] == ["en"]


@pytest.mark.parametrize("options", [[1], "language=en", 3])
def test_options_must_be_a_mapping(options: object) -> None:
    with pytest.raises(InvalidOptionsError, match="options must be a dict"):
        create_body(options, audio_url=URL)


def test_non_json_values_are_refused() -> None:
    with pytest.raises(InvalidOptionsError, match="only JSON values"):
        create_body({"custom_metadata": {"when": object()}}, audio_url=URL)
    with pytest.raises(InvalidOptionsError, match="only JSON values"):
        create_body({"custom_metadata": {"x": float("nan")}}, audio_url=URL)


def test_audio_given_twice_is_refused() -> None:
    with pytest.raises(InvalidOptionsError, match="given twice"):
        create_body({"audio_url": URL}, audio_url=PLACEHOLDER_AUDIO_URL)


def test_configs_without_their_flag_warn() -> None:
    body = create_body({"diarization_config": {"number_of_speakers": 2}}, audio_url=URL)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_about(body, stacklevel=1)
    assert [str(w.message) for w in caught] == [
        "diarization_config is ignored unless diarization is true; add 'diarization': True"
    ]
    assert caught[0].category is GladiaWarning
