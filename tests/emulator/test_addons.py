"""Every add-on answers in the document's shape (issue 23, item 1): registered results win, the add-ons that follow
from the transcript are computed, the rest answer deterministic fixtures unless the emulator is told to fail them."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from gladia.testing import Emulator, emulator
from gladia.testing._addons import FIXTURE_LLM_ANSWER
from gladia_api import models
from tests._models import assert_fully_typed
from tests._reference import RESPONSES, load, requires_reference
from tests.conftest import make_wav, upload, wait_for_job
from tests.emulator.test_fidelity import ALL_ADDONS, beyond_real, document_problems

TEXT = "Hello Anna. Shall we start the review? Anna agreed. Then anna left."


def _job(
    http: httpx.Client, emu: Emulator, text: str | None = TEXT, data: bytes | None = None, **options: Any
) -> dict[str, Any]:
    data = data or make_wav(8.0, tone=True)
    if text is not None:
        emu.transcripts.add(data, text)
    url = upload(http, data)["audio_url"]
    created = http.post("/v2/pre-recorded", json={"audio_url": url, **options})
    assert created.status_code == 201, created.text
    job = wait_for_job(http, created.json()["id"])
    assert job["status"] == "done", job
    return job


def test_every_add_on_answers_a_fixture_in_the_documents_shape(http: httpx.Client, emu: Emulator) -> None:
    job = _job(
        http,
        emu,
        **ALL_ADDONS,
        structured_data_extraction=True,
        structured_data_extraction_config={"classes": ["person"]},
    )
    result = job["result"]
    assert beyond_real(document_problems(job, "PreRecordedResponse")) == []
    assert_fully_typed(models.PreRecordedResponse.from_dict(job))
    for addon in (
        "diarization",
        "translation",
        "summarization",
        "named_entity_recognition",
        "sentiment_analysis",
        "audio_to_llm",
        "display_mode",
        "moderation",
        "name_consistency",
        "structured_data_extraction",
    ):
        assert result[addon]["success"] is True and result[addon]["error"] is None, addon
    assert "chapterization" not in result  # deprecated and ignored
    # Fixtures say what they are: a "translation" is the transcript tagged with its target, a "summary" its
    # first sentences, an LLM answer says no model ran.
    translated = result["translation"]["results"][0]
    assert translated["languages"] == ["fr"]
    assert translated["full_transcript"].startswith("[fr] Hello Anna.")
    assert translated["subtitles"][0]["format"] == "srt"
    assert result["summarization"]["results"] == "Hello Anna. Shall we start the review?"
    assert result["audio_to_llm"]["results"][0]["results"] == {
        "prompt": "Summarize",
        "response": FIXTURE_LLM_ANSWER,
    }
    assert json.loads(result["structured_data_extraction"]["results"]) == {"person": []}
    # Gladia's sentiment sample reads the string with ast.literal_eval and prints speaker, sentiment, emotion,
    # text and times of each item.
    sentiments = ast.literal_eval(result["sentiment_analysis"]["results"])
    assert [(s["speaker"], s["sentiment"], s["emotion"]) for s in sentiments] == [
        (0, "neutral", "neutral")
    ] * 4
    assert [s["text"] for s in sentiments] == [u["text"] for u in result["transcription"]["utterances"]]
    # Computed, not fixtures: one display line per utterance with its speaker; names spelled one way.
    assert result["display_mode"]["results"][0] == "Speaker 0: Hello Anna."
    assert (
        result["name_consistency"]["results"]
        == "Hello Anna. Shall we start the review? Anna agreed. Then Anna left."
    )


def test_addons_fail_answers_add_on_errors_instead_of_fixtures(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(addons="fail")
    result = _job(http, emu, summarization=True, sentiment_analysis=True, display_mode=True)["result"]
    for addon in ("summarization", "sentiment_analysis"):
        assert result[addon]["success"] is False and result[addon]["error"]["status_code"] == 501
        assert "addons='fail'" in result[addon]["error"]["message"]
    assert result["display_mode"]["success"] is True  # computed: needs no model


def test_an_emulator_with_a_speech_engine_fails_fixtures_by_default() -> None:
    class Silent:
        def transcribe(self, audio: Any, options: Any) -> Any:
            from gladia.testing import Transcription

            return Transcription(utterances=(), languages=())

    assert emulator().config.addons_mode == "fixtures"
    assert emulator(engine=Silent()).config.addons_mode == "fail"
    assert emulator(engine=Silent(), addons="fixtures").config.addons_mode == "fixtures"
    with pytest.raises(ValueError, match="addons must be"):
        emulator(addons="maybe")


def test_registered_add_on_results_win(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(5.0, tone=True)
    block = {"success": True, "is_empty": False, "exec_time": 1.5, "error": None, "results": "Whole block."}
    emu.transcripts.add(data, TEXT, addons={"summarization": "A short review.", "moderation": block})
    result = _job(http, emu, None, data, summarization=True, moderation=True, sentiment_analysis=True)[
        "result"
    ]
    assert result["summarization"] == {
        "success": True,
        "is_empty": False,
        "exec_time": 0,
        "error": None,
        "results": "A short review.",
    }
    assert result["moderation"] == block
    assert result["sentiment_analysis"]["success"] is True  # not registered: a fixture
    # Registered results are served only when the job asks for that add-on.
    plain = _job(http, emu, None, data)["result"]
    assert "summarization" not in plain


def test_a_json_sidecar_registers_add_on_results(http: httpx.Client, emu: Emulator, tmp_path: Path) -> None:
    audio = tmp_path / "call.wav"
    audio.write_bytes(make_wav(4.0, tone=True))
    (tmp_path / "call.txt").write_text("Thank you for calling.")
    (tmp_path / "call.json").write_text(
        json.dumps(
            {
                "summarization": "A call.",
                "translation": {
                    "success": True,
                    "is_empty": False,
                    "exec_time": 2,
                    "error": None,
                    "results": [],
                },
            }
        )
    )
    emu.transcripts.add_directory(tmp_path)
    result = _job(
        http,
        emu,
        None,
        audio.read_bytes(),
        summarization=True,
        translation=True,
        translation_config={"target_languages": ["fr"]},
    )["result"]
    assert result["transcription"]["full_transcript"] == "Thank you for calling."
    assert result["summarization"]["results"] == "A call."
    assert result["translation"]["exec_time"] == 2


@requires_reference
@pytest.mark.parametrize("capture", ["done_04.json", "done_05.json"])
def test_a_saved_job_is_served_for_its_audio(
    http: httpx.Client, emu: Emulator, tmp_path: Path, capture: str
) -> None:
    # Recorded once with a key (`gladia jobs get ID --json > NAME.json`), tested offline ever after.
    saved = load(RESPONSES / capture)
    audio = tmp_path / "recording.wav"
    audio.write_bytes(make_wav(saved["result"]["metadata"]["audio_duration"], tone=True))
    (tmp_path / "recording.json").write_text(json.dumps(saved))
    emu.transcripts.add(audio)
    asked = {
        key: value
        for key, value in saved["request_params"].items()
        if key in ("diarization", "translation", "translation_config", "subtitles", "subtitles_config")
    }
    job = _job(http, emu, None, audio.read_bytes(), **asked)
    served, recorded = job["result"], saved["result"]
    assert served["transcription"]["full_transcript"] == recorded["transcription"]["full_transcript"]
    assert [u["text"] for u in served["transcription"]["utterances"]] == [
        u["text"] for u in recorded["transcription"]["utterances"]
    ]
    assert [w["start"] for w in served["transcription"]["utterances"][0]["words"]] == [
        w["start"] for w in recorded["transcription"]["utterances"][0]["words"]
    ]
    for addon in ("diarization", "translation"):
        if addon in recorded:
            assert served[addon] == recorded[addon]


def test_pii_redaction_is_computed_for_what_a_pattern_recognises(http: httpx.Client, emu: Emulator) -> None:
    said = "Write to anna@example.com or call +33 6 12 34 56 78. My card is 4111 1111 1111 1111."
    marked = _job(http, emu, said, pii_redaction=True)["result"]["transcription"]
    assert (
        marked["full_transcript"]
        == "Write to [EMAIL_ADDRESS] or call [PHONE_NUMBER]. My card is [CREDIT_CARD]."
    )
    words = marked["utterances"][0]["words"]
    assert [w["word"] for w in words][2:5] == [" [EMAIL_ADDRESS]", " or", " call"]
    masked = _job(
        http,
        emu,
        said,
        pii_redaction=True,
        pii_redaction_config={"entity_types": ["EMAIL_ADDRESS"], "processed_text_type": "MASK"},
    )["result"]["transcription"]
    assert masked["full_transcript"].startswith("Write to **************** or call +33 6 12 34 56 78.")


def test_named_entities_and_custom_spelling(http: httpx.Client, emu: Emulator) -> None:
    result = _job(
        http,
        emu,
        "Mail gladia at hello@gladia.io today.",
        named_entity_recognition=True,
        custom_spelling=True,
        custom_spelling_config={"spelling_dictionary": {"Gladia": ["gladia"]}},
    )["result"]
    assert result["transcription"]["full_transcript"] == "Mail Gladia at hello@gladia.io today."
    [entity] = result["named_entity_recognition"]["results"]
    assert (entity["entity_type"], entity["text"]) == ("EMAIL_ADDRESS", "hello@gladia.io")
    assert 0 < entity["start"] < entity["end"]
