"""The generated models parse every real Gladia payload and give back every field they were given."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from dateutil.parser import isoparse

from gladia_api import models
from tests._models import assert_fully_typed
from tests._reference import load, reference_files, requires_reference

# Which model reads which kind of payload (by the file name's prefix, see responses/INDEX.md).
MODEL_FOR_PREFIX = {
    "done": models.PreRecordedResponse,
    "queued": models.PreRecordedResponse,
    "upload": models.AudioUploadResponse,
    "init": models.InitPreRecordedTranscriptionResponse,
    "list": models.ListPreRecordedResponse,
    "error_400": models.BadRequestErrorResponse,
    "webhook_created": models.WebhookTranscriptionCreatedPayload,
    "webhook_success": models.WebhookTranscriptionSuccessPayload,
    "webhook_error": models.WebhookTranscriptionErrorPayload,
    "callback_success": models.CallbackTranscriptionSuccessPayload,
    "callback_error": models.CallbackTranscriptionErrorPayload,
}


def model_for(path: Path) -> Any:
    stem = path.stem.rsplit("_", 1)[0]
    return MODEL_FOR_PREFIX[stem]


def assert_gives_back(given: Any, produced: Any, path: str = "$") -> None:
    """Every key and value given comes back; datetimes may be re-spelled but not changed."""
    if isinstance(given, dict):
        assert isinstance(produced, dict), f"{path}: expected an object, got {produced!r}"
        for key, value in given.items():
            assert key in produced, f"{path}.{key} was dropped by to_dict()"
            assert_gives_back(value, produced[key], f"{path}.{key}")
    elif isinstance(given, list):
        assert isinstance(produced, list), path
        assert len(given) == len(produced), f"{path}: {len(given)} items given, {len(produced)} returned"
        for index, (a, b) in enumerate(zip(given, produced, strict=True)):
            assert_gives_back(a, b, f"{path}[{index}]")
    elif isinstance(given, str) and given != produced:
        assert isinstance(produced, str), path
        assert isoparse(given) == isoparse(produced), f"{path}: {given!r} came back as {produced!r}"
    else:
        assert given == produced, f"{path}: {given!r} came back as {produced!r}"
        assert type(given) is type(produced), f"{path}: {type(given)} came back as {type(produced)}"


@requires_reference
@pytest.mark.parametrize("path", reference_files(), ids=lambda p: p.name)
def test_reference_payload_parses_and_round_trips(path: Path) -> None:
    given = load(path)
    parsed = model_for(path).from_dict(given)
    assert_fully_typed(parsed)
    assert_gives_back(given, parsed.to_dict())


@requires_reference
def test_all_reference_payloads_are_covered() -> None:
    files = reference_files()
    assert len(files) == 19, [p.name for p in files]
    assert all(model_for(p) for p in files)


@requires_reference
def test_done_job_is_typed_all_the_way_down() -> None:
    from tests._reference import RESPONSES

    job = models.PreRecordedResponse.from_dict(load(RESPONSES / "done_04.json"))
    assert isinstance(job.created_at, datetime.datetime)
    assert job.status is models.JobStatusEnum.DONE
    utterance = job.result.transcription.utterances[0]
    assert isinstance(utterance, models.UtteranceDTO)
    assert isinstance(utterance.words[0], models.WordDTO)
    assert job.result.transcription.full_transcript.startswith("Galileo")
    assert isinstance(job.result.diarization, models.DiarizationDTO)


def test_unknown_enum_values_are_kept_not_fatal() -> None:
    job = models.PreRecordedResponse.from_dict(
        {
            "id": "x",
            "request_id": "G-x",
            "status": "archived",
            "created_at": "2026-01-01T00:00:00Z",
            "kind": "live",
        }
    )
    assert job.status == "archived"
    assert job.status.value == "archived"
    assert not job.status.is_known
    assert models.JobStatusEnum("done").is_known
    assert "archived" not in models.JobStatusEnum._value2member_map_
    assert job.to_dict()["status"] == "archived"
    assert job.to_dict()["kind"] == "live"


def test_unknown_fields_are_kept() -> None:
    word = models.WordDTO.from_dict({"word": "hi", "start": 0, "end": 1, "confidence": 1, "speaker_hint": 2})
    assert word.additional_properties == {"speaker_hint": 2}
    assert word.to_dict()["speaker_hint"] == 2


def test_importing_the_package_does_not_import_every_model() -> None:
    code = (
        "import sys, gladia_api, gladia_api.models as m\n"
        "loaded = [n for n in sys.modules if n.startswith('gladia_api.models.')]\n"
        "assert not loaded, loaded\n"
        "m.WordDTO\n"
        "assert 'gladia_api.models.word_dto' in sys.modules\n"
        "assert 'WordDTO' in dir(m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_generated_module_imports() -> None:
    import importlib
    import pkgutil

    import gladia_api

    names = [m.name for m in pkgutil.walk_packages(gladia_api.__path__, "gladia_api.")]
    assert len(names) > 90
    for name in names:
        importlib.import_module(name)


UTTERANCE = {
    "start": 0.0,
    "end": 1.0,
    "channel": 0,
    "text": "Hello there.",
    "language": "en",
    "words": [
        {"word": "Hello", "start": 0.0, "end": 0.4, "confidence": 0.9},
        {"word": " there.", "start": 0.5, "end": 1.0, "confidence": 0.8, "emphasis": True},
    ],
}


def test_lazy_words_read_on_first_access_like_any_field() -> None:
    import copy
    import pickle

    from gladia_api.types import Lazy

    parsed = models.UtteranceDTO.from_dict(copy.deepcopy(UTTERANCE))
    assert type(parsed._words) is Lazy  # x-lazy in the spec: nothing built yet
    built = models.UtteranceDTO(
        start=0.0,
        end=1.0,
        channel=0,
        text="Hello there.",
        language=models.TranscriptionLanguageCodeEnum.EN,
        words=[models.WordDTO.from_dict(w) for w in UTTERANCE["words"]],  # type: ignore[attr-defined]
    )
    assert parsed == built  # equality reads through the lazy list
    assert "word='Hello'" in repr(models.UtteranceDTO.from_dict(UTTERANCE))
    assert models.UtteranceDTO.from_dict(UTTERANCE).to_dict() == UTTERANCE
    assert parsed.words[1].additional_properties == {"emphasis": True}
    assert parsed.words is parsed.words  # built once
    assert type(parsed._words) is list
    assert attrs.evolve(models.UtteranceDTO.from_dict(UTTERANCE), text="x").words == built.words
    assert pickle.loads(pickle.dumps(models.UtteranceDTO.from_dict(UTTERANCE))).words == built.words
    parsed.words = []
    assert parsed.to_dict()["words"] == []


def test_a_bad_word_fails_when_the_words_are_read() -> None:
    # The price of reading words lazily: a malformed word is found on first access, not at parse time.
    utterance = models.UtteranceDTO.from_dict({**UTTERANCE, "words": [{"word": "no timing"}]})
    with pytest.raises(KeyError):
        _ = utterance.words


def test_lists_of_models_are_built_with_the_collector_paused_and_restored() -> None:
    import gc

    from gladia_api.types import parse_list

    def build(items: list[int]) -> list[int]:
        seen.append(gc.isenabled())
        return [10 // item for item in items]

    seen: list[bool] = []
    assert gc.isenabled()
    assert parse_list(build, [1, 2]) == [10, 5]
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        parse_list(build, [0])
    assert gc.isenabled()
    gc.disable()
    try:
        parse_list(build, [1])
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_from_dicts_is_from_dict_of_each() -> None:
    words = UTTERANCE["words"]
    assert models.WordDTO.from_dicts(words) == [models.WordDTO.from_dict(w) for w in words]  # type: ignore[attr-defined]
    assert models.WordDTO.from_dicts([]) == []


def test_a_number_field_never_holds_a_string() -> None:
    # Issue 22, item 10: a number sent as a string is converted; user arithmetic on the field then works.
    word = models.WordDTO.from_dict({"word": " hi", "start": "1.5", "end": 2, "confidence": " 0.9 "})
    assert (word.start, word.end, word.confidence) == (1.5, 2, 0.9)
    assert word.end - word.start == 0.5
    [again] = models.WordDTO.from_dicts([{"word": " hi", "start": "1.5", "end": 2.0, "confidence": 1}])
    assert isinstance(again.start, float) and again.start == 1.5
    utterance = {
        "text": "hi",
        "language": "en",
        "start": 0,
        "end": 1,
        "confidence": 1,
        "channel": "1",
        "words": [],
    }
    assert models.UtteranceDTO.from_dict(utterance).channel == 1
    assert models.UtteranceDTO.from_dict({**utterance, "channel": 2.0}).channel == 2


@pytest.mark.parametrize("bad", ["soon", True, None, [1], {"s": 1}])
def test_a_number_field_refuses_what_is_not_a_number_with_a_clear_error(bad: object) -> None:
    with pytest.raises(ValueError, match=r"start: expected a number, got"):
        models.WordDTO.from_dict({"word": " hi", "start": bad, "end": 2, "confidence": 1})
    with pytest.raises(ValueError, match=r"channel: expected a whole number, got"):
        models.UtteranceDTO.from_dict(
            {
                "text": "hi",
                "language": "en",
                "start": 0,
                "end": 1,
                "confidence": 1,
                "channel": bad,
                "words": [],
            }
        )
