"""The emulator against Gladia's own material: its published OpenAPI document and real captured responses.

Nothing of this project's schema code judges here (`gladia._core.schema` validates the emulator's requests, so a
bug there would be invisible): shapes are checked against `gladia-openapi.json` by the small reader below,
and layouts against the captures in `../shared/reference/responses/` (issue 13's items, numbered).
"""

from __future__ import annotations

import ast
import base64
import hashlib
import hmac
import json
import re
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from websockets.sync.client import connect

from gladia.testing import Emulator
from tests._reference import RESPONSES, UPSTREAM_SPEC, load, requires_reference
from tests.conftest import Receiver, make_wav, upload, wait_for_job

pytestmark = requires_reference


# ------------------------------------------------------------------------------- Gladia's document


def _document() -> dict[str, Any]:
    document: dict[str, Any] = load(UPSTREAM_SPEC)
    return document


def _resolve(schema: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    while True:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = {
                **document["components"]["schemas"][name],
                **{k: v for k, v in schema.items() if k != "$ref"},
            }
        elif len(schema.get("allOf", ())) == 1:
            inner = schema["allOf"][0]
            schema = {**{k: v for k, v in schema.items() if k != "allOf"}, **inner}
        else:
            return schema


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def document_problems(value: Any, schema_name: str) -> list[str]:
    """Where `value` breaks the document's schema: required keys, declared types, `nullable`, array items.

    Deliberately small (no formats, enums or bounds): it checks what typed clients break on.
    """
    document = _document()
    found: list[str] = []

    def visit(item: Any, schema: dict[str, Any], path: str) -> None:
        schema = _resolve(schema, document)
        if item is None:
            if not schema.get("nullable") and schema.get("type") is not None:
                found.append(f"{path}: null where the document declares a non-nullable {schema['type']}")
            return
        declared = schema.get("type")
        if isinstance(declared, str) and declared in _JSON_TYPES:
            wrong = isinstance(item, bool) and declared in ("number", "integer")
            if wrong or not isinstance(item, _JSON_TYPES[declared]):
                found.append(f"{path}: {type(item).__name__} where the document declares {declared}")
                return
        if isinstance(item, dict):
            for key in schema.get("required", ()):
                if key not in item:
                    found.append(f"{path}.{key}: required by the document, missing")
            for key, sub in schema.get("properties", {}).items():
                if key in item:
                    visit(item[key], sub, f"{path}.{key}")
        if isinstance(item, list) and isinstance(schema.get("items"), dict):
            for index, element in enumerate(item):
                visit(element, schema["items"], f"{path}[{index}]")

    visit(value, {"$ref": f"#/components/schemas/{schema_name}"}, schema_name)
    return found


def _shape(problem: str) -> str:
    """A problem with its root schema, list positions and list wrapper left out, to compare across bodies."""
    return re.sub(r"\[\d+\]", "", re.sub(r"^\w+\.(items\[\d+\]\.)?", "", problem))


def beyond_real(problems: list[str]) -> list[str]:
    """The problems real Gladia answers do not share: the document is wrong where real jobs all agree.

    Real done jobs (captures done_03 to done_05) send `custom_metadata: null`; list items (list_01) carry
    `request_params` without `audio_url`.
    """
    real = {
        _shape(problem)
        for name, schema in [(f"done_0{n}.json", "PreRecordedResponse") for n in (3, 4, 5)]
        + [("list_01.json", "ListPreRecordedResponse")]
        for problem in document_problems(load(RESPONSES / name), schema)
    }
    # The document types prompts as arrays of arrays, its own example gives strings (issue 13, item 11;
    # openapi/DEVIATIONS.md): the emulator echoes strings.
    real.add("request_params.audio_to_llm_config.prompts: str where the document declares array")
    # Likewise it types entity_types as one value while its example is a list; the emulator echoes a list.
    real.add("request_params.pii_redaction_config.entity_types: list where the document declares string")
    return [problem for problem in problems if _shape(problem) not in real]


def test_the_reader_of_the_document_catches_what_typed_clients_break_on() -> None:
    # The shapes that made the official SDK warn (issue 13, item 3) must be caught here.
    broken = {"success": False, "is_empty": True, "exec_time": 0, "error": None, "results": None}
    assert document_problems(broken, "SentimentAnalysisDTO") == [
        "SentimentAnalysisDTO.results: null where the document declares a non-nullable string"
    ]
    assert document_problems({**broken, "results": []}, "DiarizationDTO") == []
    assert document_problems({**broken, "results": "x"}, "DiarizationDTO") == [
        "DiarizationDTO.results: str where the document declares array"
    ]
    assert document_problems({**broken, "results": None}, "SummarizationDTO") == []  # nullable there
    assert (
        beyond_real(
            ["PreRecordedResponse.custom_metadata: null where the document declares a non-nullable object"]
        )
        == []
    )


# ------------------------------------------------------------------------------- helpers


def _create(http: httpx.Client, path: str = "/v2/pre-recorded", **options: Any) -> dict[str, Any]:
    response = http.post(path, json=options)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _audio(
    http: httpx.Client, emu: Emulator, text: str = "Hello there. How are you?", seconds: float = 4.0
) -> str:
    data = make_wav(seconds, tone=True)
    emu.transcripts.add(data, text)
    audio_url: str = upload(http, data)["audio_url"]
    return audio_url


# ------------------------------------------------------------------------------- 1. metadata filters


def test_1_the_bracket_form_of_metadata_filters_and_the_plain_form(http: httpx.Client, emu: Emulator) -> None:
    url = _audio(http, emu)
    ada = _create(http, audio_url=url, custom_metadata={"user": "ada", "team": "x"})["id"]
    _create(http, audio_url=url, custom_metadata={"user": "bob"})

    def ids(params: list[tuple[str, str]]) -> list[str]:
        return [item["id"] for item in http.get("/v2/pre-recorded", params=params).json()["items"]]

    assert ids([("custom_metadata[user]", "ada")]) == [ada]
    assert ids([("custom_metadata[user]", "ada"), ("custom_metadata[team]", "x")]) == [ada]
    assert ids([("custom_metadata[user]", "ada"), ("custom_metadata[team]", "y")]) == []
    assert ids([("user", "ada")]) == [ada]  # an unknown parameter is a plain metadata filter


def test_1_the_list_query_gladias_cli_sends(http: httpx.Client, emu: Emulator) -> None:
    # Gladia's CLI (gladiaio/gladia-cli) lists by /v2/transcription with every filter, unset ones empty,
    # and `kind`, which the document lists for that path.
    job_id = _create(http, audio_url=_audio(http, emu))["id"]
    query = {"offset": "0", "limit": "10", "status": "", "date": "", "before_date": "", "after_date": ""}
    listed = http.get("/v2/transcription", params={**query, "kind": "pre-recorded"})
    assert listed.status_code == 200, listed.text
    assert [item["id"] for item in listed.json()["items"]] == [job_id]
    assert http.get("/v2/transcription", params={**query, "kind": "live"}).json()["items"] == []
    kinds = _document()["paths"]["/v2/transcription"]["get"]["parameters"]
    declared = next(p for p in kinds if p["name"] == "kind")["schema"]["items"]["enum"]
    assert http.get("/v2/transcription", params={"kind": "other"}).status_code == 400
    assert sorted(declared) == ["live", "pre-recorded"]


# ------------------------------------------------------------------------------- 2. invalid bodies


def test_2_an_invalid_body_is_the_documents_400(http: httpx.Client, emu: Emulator) -> None:
    response = http.post("/v2/pre-recorded", json={"audio_url": "not a url", "diarization": "yes"})
    assert response.status_code == 400
    body = response.json()
    operation = _document()["paths"]["/v2/pre-recorded"]["post"]["responses"]["400"]
    schema_name = operation["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert schema_name == "BadRequestErrorResponse"
    assert document_problems(body, schema_name) == []
    assert body["statusCode"] == 400
    assert [entry.split(":", 1)[0] for entry in body["validation_errors"]] == ["audio_url", "diarization"]
    upload_url = http.post("/v2/upload", json={"audio_url": "ftp://example.com/a.wav"})
    assert upload_url.status_code == 400
    assert document_problems(upload_url.json(), "BadRequestErrorResponse") == []


# ------------------------------------------------------------------------------- 3. add-ons and speakers


ALL_ADDONS = {
    "diarization": True,
    "translation": True,
    "translation_config": {"target_languages": ["fr"]},
    "summarization": True,
    "named_entity_recognition": True,
    "sentiment_analysis": True,
    "audio_to_llm": True,
    "audio_to_llm_config": {"prompts": ["Summarize"]},
    "sentences": True,
    "subtitles": True,
    "display_mode": True,
    "moderation": True,
    "chapterization": True,
    "name_consistency": True,
}


def test_3_add_ons_the_engine_cannot_run_have_shapes_the_document_allows(
    http: httpx.Client, emu: Emulator
) -> None:
    emu.configure(addons="fail")
    job = wait_for_job(http, _create(http, audio_url=_audio(http, emu), **ALL_ADDONS)["id"])
    assert job["status"] == "done"
    assert beyond_real(document_problems(job, "PreRecordedResponse")) == []
    for addon in ("translation", "summarization", "sentiment_analysis", "audio_to_llm", "diarization"):
        block = job["result"][addon]
        assert (block["success"], block["is_empty"]) == (False, True), addon
        assert document_problems(block["error"], "AddonErrorDTO") == []
        assert block["results"] is not None, addon
    assert all(isinstance(u["speaker"], int) for u in job["result"]["transcription"]["utterances"])
    # Gladia's sentiment sample (gladiaio/gladia-samples) reads the string as a list literal and loops over it.
    assert ast.literal_eval(job["result"]["sentiment_analysis"]["results"]) == []


def test_3_speakers_named_in_a_sidecar_file(emu: Emulator, http: httpx.Client, tmp_path: Any) -> None:
    audio = tmp_path / "meeting.wav"
    audio.write_bytes(make_wav(6.0, tone=True))
    (tmp_path / "meeting.txt").write_text("Speaker 1: Shall we start?\nSpeaker 2: Yes.\nLet us begin.\n")
    emu.transcripts.add(audio)
    url = upload(http, audio.read_bytes())["audio_url"]
    job = wait_for_job(http, _create(http, audio_url=url, diarization=True)["id"])
    said = [(u["speaker"], u["text"]) for u in job["result"]["transcription"]["utterances"]]
    assert said == [(1, "Shall we start?"), (2, "Yes."), (2, "Let us begin.")]
    # As in the real capture done_04: the block succeeds and holds the utterances.
    capture = load(RESPONSES / "done_04.json")["result"]["diarization"]
    block = job["result"]["diarization"]
    assert {k: type(v) for k, v in block.items()} == {k: type(v) for k, v in capture.items()}
    assert block["exec_time"] == 0
    assert block["results"] == job["result"]["transcription"]["utterances"]


def test_3_speakers_as_pairs_and_without_diarization(emu: Emulator, http: httpx.Client) -> None:
    data = make_wav(3.0, tone=True)
    emu.transcripts.add(data, [(0, "Hi."), (1, "Hello.")])
    url = upload(http, data)["audio_url"]
    with_speakers = wait_for_job(http, _create(http, audio_url=url, diarization=True)["id"])
    assert [u["speaker"] for u in with_speakers["result"]["transcription"]["utterances"]] == [0, 1]
    plain = wait_for_job(http, _create(http, audio_url=url)["id"])
    # As in the real capture done_03 (diarization off): no speaker key at all.
    assert all("speaker" not in u for u in plain["result"]["transcription"]["utterances"])
    assert "speaker" not in load(RESPONSES / "done_03.json")["result"]["transcription"]["utterances"][0]


# ------------------------------------------------------------------------------- 4. trailing slashes


def test_4_trailing_slashes_are_answered_directly(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(2.0, tone=True)
    emu.transcripts.add(data, "Slashes.")
    uploaded = http.post("/v2/upload/", files={"audio": ("a.wav", data)})
    assert uploaded.status_code == 200, uploaded.text
    created = http.post("/v2/pre-recorded/", json={"audio_url": uploaded.json()["audio_url"]})
    assert created.status_code == 201
    job_id = created.json()["id"]
    fetched = http.get(f"/v2/pre-recorded/{job_id}/")
    assert fetched.status_code == 200
    assert fetched.json()["id"] == job_id
    assert http.get("/v2/pre-recorded/").status_code == 200
    assert emu.counters.requests["POST /v2/upload"] == 1
    assert emu.counters.requests["GET /v2/pre-recorded/{id}"] == 1


# ------------------------------------------------------------------------------- 5. /v2/transcription


def test_5_the_transcription_alias_serves_every_route(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(2.0, tone=True)
    emu.transcripts.add(data, "By the older path.")
    url = upload(http, data)["audio_url"]
    created = _create(http, "/v2/transcription", audio_url=url)
    # As in the capture init_02: created by the alias, its result URL is under the alias.
    capture = load(RESPONSES / "init_02.json")
    assert (
        urlsplit(created["result_url"]).path.rsplit("/", 1)[0]
        == urlsplit(capture["result_url"]).path.rsplit("/", 1)[0]
    )
    job = wait_for_job(http, created["id"])
    assert http.get(created["result_url"]).json() == job
    assert http.get(f"/v2/transcription/{job['id']}/file").content == data
    listed = http.get("/v2/transcription", params={"limit": 5}).json()
    assert [item["id"] for item in listed["items"]] == [job["id"]]
    assert http.delete(f"/v2/transcription/{job['id']}").status_code == 202
    gone = http.get(f"/v2/transcription/{job['id']}")
    assert gone.status_code == 404
    assert gone.json()["path"] == f"/v2/transcription/{job['id']}"  # the path as the client spelled it
    direct = _create(http, audio_url=url)
    # As in the capture init_01: created by /v2/pre-recorded, its result URL is there.
    assert urlsplit(direct["result_url"]).path.startswith(
        urlsplit(load(RESPONSES / "init_01.json")["result_url"]).path[:17]
    )


# ------------------------------------------------------------------------------- 6. headers and CORS


def test_6_every_answer_carries_gladias_headers(http: httpx.Client, emu: Emulator) -> None:
    url = _audio(http, emu)
    job_id = _create(http, audio_url=url)["id"]
    answers = [
        http.get(f"/v2/pre-recorded/{job_id}"),
        http.get("/v2/pre-recorded"),
        http.get(f"/v2/pre-recorded/{job_id}/file"),
        http.get(f"/v2/pre-recorded/{uuid.uuid4()}"),
        http.post("/v2/pre-recorded", json={}),
        httpx.get(f"{emu.url}/v2/pre-recorded"),  # no key: 401
    ]
    call_ids = [answer.headers.get("x-aipi-call-id") for answer in answers]
    assert all(call_ids) and len(set(call_ids)) == len(call_ids)
    for answer in answers:
        assert answer.headers["access-control-allow-origin"] == "*"
        if answer.headers["content-type"].startswith("application/json"):
            assert answer.headers["content-type"] == "application/json; charset=utf-8"


def test_6_a_browser_preflight_is_answered_without_a_key(emu: Emulator) -> None:
    preflight = httpx.options(
        f"{emu.url}/v2/pre-recorded",
        headers={
            "origin": "https://app.example.com",
            "access-control-request-method": "POST",
            "access-control-request-headers": "x-gladia-key, content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "x-gladia-key" in preflight.headers["access-control-allow-headers"]
    assert "x-aipi-call-id" in preflight.headers["access-control-expose-headers"]


# ------------------------------------------------------------------------------- 7. request_params


def test_7_request_params_hold_what_real_jobs_hold(http: httpx.Client, emu: Emulator) -> None:
    job = wait_for_job(http, _create(http, audio_url=_audio(http, emu))["id"])
    params = job["request_params"]
    real = load(RESPONSES / "done_03.json")["request_params"]  # a job created with no options
    assert set(params) == set(real)
    for key, value in real.items():
        if key not in ("audio_url", "language_config"):
            assert params[key] == value, key
    assert params["language_config"]["languages"] == real["language_config"]["languages"]


def test_7_an_add_on_echoes_its_configuration_as_real_jobs_do(http: httpx.Client, emu: Emulator) -> None:
    options = {"diarization": True, "subtitles": True, "subtitles_config": {"formats": ["srt", "vtt"]}}
    job = wait_for_job(http, _create(http, audio_url=_audio(http, emu), **options)["id"])
    real = load(RESPONSES / "done_05.json")["request_params"]  # diarization and subtitles among others
    params = job["request_params"]
    assert "diarization_config" not in params and "diarization_config" not in real
    assert params["subtitles_config"] == real["subtitles_config"]
    assert set(params) <= set(real) | {"model", "pii_redaction"}  # done_05 predates those two keys


# ------------------------------------------------------------------------------- 8. subtitles


_CUE = re.compile(r"(\d+)\n(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n((?:.+\n?)+)")


def _cues(text: str) -> list[tuple[str, str, str, str]]:
    return [tuple(m) for m in _CUE.findall(text)]  # type: ignore[misc]


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_8_subtitles_are_laid_out_as_in_the_capture(http: httpx.Client, emu: Emulator) -> None:
    text = "Hello there. How are you? I am fine. Thanks for asking."
    options = {"subtitles": True, "subtitles_config": {"formats": ["srt", "vtt"]}}
    job = wait_for_job(http, _create(http, audio_url=_audio(http, emu, text, seconds=5.0), **options)["id"])
    made = {s["format"]: s["subtitles"] for s in job["result"]["transcription"]["subtitles"]}
    real = {
        s["format"]: s["subtitles"]
        for s in load(RESPONSES / "done_05.json")["result"]["transcription"]["subtitles"]
    }
    for fmt in ("srt", "vtt"):
        assert made[fmt].startswith("WEBVTT\n\n1\n" if fmt == "vtt" else "1\n")
        assert real[fmt].startswith("WEBVTT\n\n1\n" if fmt == "vtt" else "1\n")
        assert "," not in re.findall(r"\d\d:\d\d:\d\d.\d{3}", made[fmt] + real[fmt])[0]
        assert made[fmt].endswith("\n") and real[fmt].endswith("\n")
    cues = _cues(made["srt"])
    assert cues == _cues(made["vtt"][len("WEBVTT\n\n") :])
    # Utterances merged into cues: four sentences, fewer cues, and every word on screen once.
    utterances = job["result"]["transcription"]["utterances"]
    assert len(utterances) == 4 and 1 <= len(cues) < 4
    assert " ".join(" ".join(c[3].split()) for c in cues) == text
    # Gaps kept: a cue ends with its last word, never stretched to the next cue.
    words = [w for u in utterances for w in u["words"]]
    assert _seconds(cues[0][1]) == words[0]["start"] and _seconds(cues[-1][2]) == words[-1]["end"]
    ends = {round(w["end"], 3) for w in words}
    assert all(round(_seconds(end), 3) in ends for _, _, end, _ in cues)
    # The capture's limits with the default configuration: rows of at most 42 characters, two rows, cues
    # under 7 seconds, none held to a minimum (its shortest lasts 0.7 s).
    real_cues = _cues(real["srt"])
    for found in (cues, real_cues):
        assert max(len(row) for cue in found for row in cue[3].splitlines()) <= 42
        assert max(len(cue[3].splitlines()) for cue in found) <= 2
        assert max(_seconds(cue[2]) - _seconds(cue[1]) for cue in found) < 7
    assert min(_seconds(cue[2]) - _seconds(cue[1]) for cue in real_cues) < 1


# ------------------------------------------------------------------------------- 9. pagination


def test_9_list_links_and_items_follow_gladias_example(http: httpx.Client, emu: Emulator) -> None:
    url = _audio(http, emu)
    ids = [wait_for_job(http, _create(http, audio_url=url, subtitles=True)["id"])["id"] for _ in range(3)]
    page = http.get("/v2/pre-recorded", params={"limit": 2, "status": "done"}).json()
    example = load(RESPONSES / "list_01.json")
    example_link = urlsplit(example["next"].strip("<>"))
    for name in ("first", "current", "next"):
        link = urlsplit(page[name])
        assert link.path == example_link.path == "/v2/transcription"
        assert link.scheme == "http" and link.netloc == urlsplit(emu.url).netloc  # absolute, as documented
    assert parse_qs(urlsplit(page["next"]).query) == {"status": ["done"], "offset": ["2"], "limit": ["2"]}
    assert [item["id"] for item in page["items"]] == ids[::-1][:2]
    real_item = next(item for item in example["items"] if item["kind"] == "pre-recorded")
    for item in page["items"]:
        assert set(item) == set(real_item)
        assert set(item["result"]) == set(real_item["result"]) == {"metadata"}
        assert set(item["request_params"]) == set(real_item["request_params"])
        assert beyond_real(document_problems(item, "PreRecordedResponse")) == []
    assert beyond_real(document_problems(page, "ListPreRecordedResponse")) == []


# ------------------------------------------------------------------------------- 10. error jobs


def test_10_an_error_job_says_why_in_a_field_the_document_has(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0, tone=True)
    emu.transcripts.fail(data, error_code=422, message="the audio cannot be decoded")
    job = wait_for_job(http, _create(http, audio_url=upload(http, data)["audio_url"])["id"])
    assert (job["status"], job["error_code"]) == ("error", 422)
    declared = _document()["components"]["schemas"]["PreRecordedResponse"]["properties"]
    assert "post_session_metadata" in declared
    # The same object as the error callback's `error` (capture callback_error_01): {code, message}.
    callback_error = load(RESPONSES / "callback_error_01.json")["error"]
    reason = job["post_session_metadata"]["error"]
    assert set(reason) == set(callback_error)
    assert reason == {"code": 422, "message": "the audio cannot be decoded"}
    assert beyond_real(document_problems(job, "PreRecordedResponse")) == []


# ------------------------------------------------------------------------------- 11. official types' forms


@pytest.mark.parametrize(
    ("options", "echoed"),
    [
        (
            {"pii_redaction": True, "pii_redaction_config": {"entity_types": "NAME"}},
            ("pii_redaction_config", {"entity_types": ["NAME"]}),
        ),
        (
            {"audio_to_llm": True, "audio_to_llm_config": {"prompts": [["Summarize", "List the names"]]}},
            ("audio_to_llm_config", {"prompts": ["Summarize", "List the names"]}),
        ),
        (
            {"custom_vocabulary": ["Gladia", "Solaria"]},
            ("custom_vocabulary_config", {"vocabulary": ["Gladia", "Solaria"]}),
        ),
    ],
    ids=["pii-entity-type-alone", "prompts-as-lists", "vocabulary-as-array"],
)
def test_11_the_forms_the_official_types_send_are_accepted(
    http: httpx.Client, emu: Emulator, options: dict[str, Any], echoed: tuple[str, dict[str, Any]]
) -> None:
    job = wait_for_job(http, _create(http, audio_url=_audio(http, emu), **options)["id"])
    assert job["status"] == "done"
    key, value = echoed
    assert {k: v for k, v in job["request_params"][key].items() if k in value} == value


def test_11_the_body_gladias_cli_sends(http: httpx.Client, emu: Emulator) -> None:
    # Gladia's CLI (gladiaio/gladia-cli, TranscriptionRequest) sends every field, unset ones at Go's zero
    # values, and the older flags real jobs still echo.
    body = {
        "audio_url": _audio(http, emu),
        "diarization": False,
        "diarization_config": {"min_speakers": 0, "max_speakers": 0, "number_of_speakers": 0},
        "enable_code_switching": True,
        "detect_language": True,
        "summarization": False,
        "summarization_config": None,
        "translation": False,
        "translation_config": None,
        "custom_vocabulary": None,
    }
    created = http.post("/v2/transcription/", json=body)
    assert created.status_code == 201, created.text
    job = wait_for_job(http, created.json()["id"])
    assert job["status"] == "done"
    assert job["request_params"]["enable_code_switching"] is True
    assert job["request_params"]["language_config"]["code_switching"] is True
    assert job["request_params"]["diarization_config"] == {"min_speakers": 0, "max_speakers": 0}
    refused = http.post(
        "/v2/pre-recorded", json={**body, "enable_code_switching": "yes", "detect_language": 1}
    )
    assert refused.status_code == 400
    assert [e.split(":", 1)[0] for e in refused.json()["validation_errors"]] == [
        "enable_code_switching",
        "detect_language",
    ]


# ------------------------------------------------------------------------------- signed webhooks


def _standard_webhooks_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    """The Standard Webhooks signature, computed here from the published scheme, not by `gladia.webhooks`."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def test_webhook_signatures_check_out_by_the_published_scheme(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    # The scheme's published test vector first, so this computation is itself checked.
    vector = _standard_webhooks_signature(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "1614265330",
        b'{"test": 2432232314}',
    )
    assert vector == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    secret = "whsec_" + base64.b64encode(b"a secret only this test knows").decode()
    emu.configure(webhook_urls=(receiver.url + "/hook",), webhook_secret=secret)
    wait_for_job(http, _create(http, audio_url=_audio(http, emu))["id"])
    deliveries = receiver.wait(2)
    for delivery in deliveries:
        headers = delivery.headers
        expected = _standard_webhooks_signature(
            secret, headers["webhook-id"], headers["webhook-timestamp"], delivery.body
        )
        assert expected in headers["webhook-signature"].split(" ")
    events = sorted(json.loads(d.body)["event"] for d in deliveries)
    assert events == ["transcription.created", "transcription.success"]
    assert set(_document()["webhooks"]) >= {"transcription.created", "transcription.success"}


# ------------------------------------------------------------------------------- the document's own request


def _from_document(schema: dict[str, Any]) -> Any:
    """A value for `schema` from the document alone: its example, else its default, else the first enum
    value, else the simplest value of its type. Deprecated properties are left out."""
    document = _document()
    schema = _resolve(schema, document)
    for key in ("example", "default"):
        if schema.get(key) is not None:
            return schema[key]
    if "enum" in schema:
        return schema["enum"][0]
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants:
        return _from_document(variants[0])
    kind = schema.get("type")
    simple = {"boolean": True, "integer": max(1, schema.get("minimum", 1)), "number": 1.0, "string": "text"}
    if kind in simple:
        return simple[kind]
    if kind == "array":
        return [_from_document(schema.get("items", {}))]
    properties = schema.get("properties", {})
    return {
        name: _from_document(sub)
        for name, sub in properties.items()
        if not _resolve(sub, document).get("deprecated")
    }


@pytest.mark.parametrize("add_ons", ["off", "on"])
def test_a_request_built_from_the_documents_own_values_is_accepted(
    http: httpx.Client, emu: Emulator, add_ons: str
) -> None:
    body = _from_document({"$ref": "#/components/schemas/InitTranscriptionRequest"})
    if add_ons == "on":
        body = {key: True if value is False else value for key, value in body.items()}
    emu.transcripts.add(body["audio_url"], "The document's own example audio.")
    created = http.post("/v2/pre-recorded", json=body)
    assert created.status_code == 201, created.text
    job = wait_for_job(http, created.json()["id"])
    assert job["status"] == "done", job.get("post_session_metadata")
    assert beyond_real(document_problems(job, "PreRecordedResponse")) == []
    if add_ons == "on":
        assert {"translation", "summarization", "audio_to_llm", "diarization"} <= set(job["result"])


# ------------------------------------------------------------------------------- 12: live callbacks, webhooks


def _live_schema_of(event: str, prefix: str) -> str:
    """The document's schema (`CallbackLive*` or `WebhookLive*`) whose `event` is this one."""
    document = _document()
    for name, schema in document["components"]["schemas"].items():
        if name.startswith(prefix) and schema["properties"]["event"].get("enum") == [event]:
            return str(name)
    raise AssertionError(f"the document has no {prefix}* schema for {event}")


def test_12_live_callbacks_and_webhooks_have_the_documents_shapes(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    secret = "whsec_" + base64.b64encode(b"a live secret only this test knows").decode()
    emu.configure(webhook_urls=(receiver.url + "/hook",), webhook_secret=secret)
    emu.live.say("Hello there. How are you today?")
    every_kind = {
        "url": receiver.url + "/live",
        **{
            flag: True
            for flag in _document()["components"]["schemas"]["CallbackConfig"]["properties"]
            if flag.startswith("receive_")
        },
    }
    options = {
        "callback": True,
        "callback_config": every_kind,
        "realtime_processing": {
            "translation": True,
            "translation_config": {"target_languages": ["fr"]},
            "named_entity_recognition": True,
            "sentiment_analysis": True,
        },
        "post_processing": {"summarization": True, "chapterization": True},
    }
    response = http.post("/v2/live", json=options)
    assert response.status_code == 201, response.text
    session = response.json()
    with connect(session["url"], open_timeout=5, close_timeout=5) as ws:
        ws.send(bytes(32_000 * 3))
        ws.send(json.dumps({"type": "stop_recording"}))
        for _ in ws:
            pass
    stored = http.get(f"/v2/live/{session['id']}").json()["result"]["messages"]
    expected = [m for m in stored if json.loads(m)["type"] != "error"]
    received = receiver.wait(len(expected) + 4, timeout=20)

    callbacks = [json.loads(r.body) for r in received if r.path == "/live"]
    assert [c["payload"] for c in callbacks] == [json.loads(m) for m in expected]
    kinds = set()
    for body in callbacks:
        name = _live_schema_of(body["event"], "CallbackLive")
        assert document_problems(body, name) == [], name
        assert body["id"] == session["id"]
        kinds.add(name)
    # Every kind of message the emulator produces went out, as the document's callback body of its kind;
    # not post_chapterization: chapterization is deprecated and ignored (Gladia's official clients refuse it).
    assert len(kinds) == 15, sorted(kinds)
    assert "CallbackLivePostChapterizationMessage" not in kinds
    # Real-time and post-processing add-ons carry data (fixtures here).
    for kind in ("translation", "named_entity_recognition", "sentiment_analysis", "post_summarization"):
        sent = [c["payload"] for c in callbacks if c["event"] == f"live.{kind}"]
        assert sent and all(m["error"] is None and m["data"] is not None for m in sent), kind

    hooks = [r for r in received if r.path == "/hook"]
    assert [json.loads(r.body)["event"] for r in hooks] == [
        "live.start_session",
        "live.start_recording",
        "live.end_recording",
        "live.end_session",
    ]
    for hook in hooks:
        body = json.loads(hook.body)
        assert document_problems(body, _live_schema_of(body["event"], "WebhookLive")) == []
        assert body["event"] in _document()["webhooks"]
        headers = hook.headers
        expected_signature = _standard_webhooks_signature(
            secret, headers["webhook-id"], headers["webhook-timestamp"], hook.body
        )
        assert expected_signature in headers["webhook-signature"].split(" ")
