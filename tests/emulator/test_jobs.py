"""Jobs over real HTTP: create, get, list, delete and the job's audio, with Gladia's statuses and bodies."""

from __future__ import annotations

import datetime
import time
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from gladia._core.schema import default_validator
from gladia.testing import Emulator
from gladia_api import models
from tests._models import assert_fully_typed
from tests.conftest import create, make_wav, upload, wait_for_job


def uploaded(
    http: httpx.Client, emu: Emulator, text: str = "Hello there. How are you?", seconds: float = 3.0
) -> str:
    data = make_wav(seconds, tone=True)
    emu.transcripts.add(data, text)
    url: str = upload(http, data, "hello.wav")["audio_url"]
    return url


# ------------------------------------------------------------------------------------------------ create


def test_create_answers_201_with_the_id_and_result_url(http: httpx.Client, emu: Emulator) -> None:
    response = http.post("/v2/pre-recorded", json={"audio_url": uploaded(http, emu)})
    assert response.status_code == 201
    body = response.json()
    assert uuid.UUID(body["id"]).version == 4
    assert body["result_url"] == f"{emu.url}/v2/pre-recorded/{body['id']}"
    models.InitPreRecordedTranscriptionResponse.from_dict(body)


def test_a_done_job_parses_into_typed_models_all_the_way_down(http: httpx.Client, emu: Emulator) -> None:
    options = {
        "audio_url": uploaded(http, emu),
        "subtitles": True,
        "subtitles_config": {"formats": ["srt", "vtt"]},
        "sentences": True,
        "diarization": True,
        "translation": True,
        "translation_config": {"target_languages": ["fr"]},
        "summarization": True,
        "named_entity_recognition": True,
        "custom_metadata": {"user": "ada", "attempt": 2},
    }
    job = wait_for_job(http, create(http, **options))
    assert default_validator().problems(job, "PreRecordedResponse") == []
    parsed = models.PreRecordedResponse.from_dict(job)
    assert_fully_typed(parsed)
    assert parsed.status is models.JobStatusEnum.DONE
    assert isinstance(parsed.result, models.TranscriptionResultDTO)
    assert isinstance(parsed.result.transcription.utterances[0].words[0], models.WordDTO)
    assert isinstance(parsed.result.diarization, models.DiarizationDTO)


def test_the_job_echoes_the_request_with_defaults(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu)
    job = wait_for_job(http, create(http, audio_url=url, subtitles=True, custom_metadata={"k": "v"}))
    params = job["request_params"]
    assert params["audio_url"] == url
    assert params["model"] == "solaria-1"
    assert params["subtitles_config"] == {"formats": ["srt"], "style": "default"}
    assert params["language_config"] == {"languages": [], "code_switching": False}
    assert params["diarization"] is False
    assert "custom_metadata" not in params
    assert job["custom_metadata"] == {"k": "v"}
    assert job["request_id"] == "G-" + job["id"][:8]
    assert job["kind"] == "pre-recorded"
    assert job["version"] == 2


def test_the_file_block_describes_the_audio(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu, seconds=2.0)
    job = wait_for_job(http, create(http, audio_url=url))
    assert job["file"] == {
        "id": url.rsplit("/", 1)[-1],
        "filename": "hello.wav",
        "source": None,
        "audio_duration": 2.0,
        "number_of_channels": 1,
    }


def test_invalid_fields_get_400_naming_each_field(http: httpx.Client) -> None:
    # Gladia's document answers an invalid body with 400 and `validation_errors` (its 422 body has none).
    response = http.post(
        "/v2/pre-recorded",
        json={"audio_url": "not a url", "diarization": "yes", "modle": "solaria-1"},
    )
    assert response.status_code == 400
    body = response.json()
    errors = body["validation_errors"]
    assert [e.split(":", 1)[0] for e in errors] == ["audio_url", "diarization", "modle"]
    assert "did you mean 'model'" in errors[2]
    assert body["statusCode"] == 400
    assert body["path"] == "/v2/pre-recorded"
    assert models.BadRequestErrorResponse.from_dict(body).validation_errors == errors


def test_cross_field_rules_get_400(http: httpx.Client) -> None:
    response = http.post(
        "/v2/pre-recorded", json={"audio_url": "https://example.com/a.wav", "translation": True}
    )
    assert response.status_code == 400
    assert response.json()["validation_errors"] == [
        "translation: true needs translation_config; add it, or leave translation out"
    ]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{", "application/json"),
        (b"[]", "application/json"),
        (b"", "application/json"),
        (b"NaN", "application/json"),
        (b"audio_url=x", "application/x-www-form-urlencoded"),
    ],
    ids=["malformed", "array", "empty", "nan", "form"],
)
def test_unreadable_bodies_get_400(
    http: httpx.Client, emu: Emulator, content: bytes, content_type: str
) -> None:
    response = http.post("/v2/pre-recorded", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    models.BadRequestErrorResponse.from_dict(response.json())
    assert emu.counters.jobs_created == 0


# ------------------------------------------------------------------------------------------------ get


@pytest.mark.parametrize(("method", "suffix"), [("GET", ""), ("DELETE", ""), ("GET", "/file")])
def test_unknown_jobs_are_404_and_bad_ids_400(http: httpx.Client, method: str, suffix: str) -> None:
    missing = http.request(method, f"/v2/pre-recorded/{uuid.uuid4()}{suffix}")
    assert missing.status_code == 404
    models.NotFoundErrorResponse.from_dict(missing.json())
    bad = http.request(method, f"/v2/pre-recorded/not-a-uuid{suffix}")
    assert bad.status_code == 400
    assert "a job id is a UUID" in bad.json()["message"]


def test_emu_job_gives_the_stored_job(http: httpx.Client, emu: Emulator) -> None:
    job_id = create(http, audio_url=uploaded(http, emu))
    wait_for_job(http, job_id)
    assert emu.job(job_id) == http.get(f"/v2/pre-recorded/{job_id}").json()
    assert emu.job(str(uuid.uuid4())) is None


# ------------------------------------------------------------------------------------------------ list


def test_list_pages_newest_first_with_links(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu)
    ids = [create(http, audio_url=url) for _ in range(5)]
    first = http.get("/v2/pre-recorded", params={"limit": 2})
    assert first.status_code == 200
    page = first.json()
    models.ListPreRecordedResponse.from_dict(page)
    assert [item["id"] for item in page["items"]] == ids[::-1][:2]
    # As in Gladia's list example: absolute links under the older /v2/transcription path, which is served.
    assert page["first"] == f"{emu.url}/v2/transcription?offset=0&limit=2"
    assert page["current"] == page["first"]
    assert page["next"] == f"{emu.url}/v2/transcription?offset=2&limit=2"
    following = http.get(page["next"]).json()
    assert [item["id"] for item in following["items"]] == ids[::-1][2:4]
    last = http.get(f"{emu.url}/v2/pre-recorded", params={"offset": 4, "limit": 2}).json()
    assert [item["id"] for item in last["items"]] == [ids[0]]
    assert last["next"] is None


def test_list_filters_by_status_dates_and_custom_metadata(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu)
    alice = create(http, audio_url=url, custom_metadata={"user": "alice", "n": 1})
    bob = create(http, audio_url=url, custom_metadata={"user": "bob"})
    emu.transcripts.fail(make_wav(9.0), error_code=500)
    wait_for_job(http, alice)
    wait_for_job(http, bob)

    def ids(**params: Any) -> list[str]:
        response = http.get("/v2/pre-recorded", params=params)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert ids(**{"custom_metadata[user]": "alice"}) == [alice]
    assert ids(**{"custom_metadata[user]": "alice", "custom_metadata[n]": "1"}) == [alice]
    assert ids(**{"custom_metadata[user]": "carol"}) == []
    # The plain KEY=VALUE form is read as a metadata filter too.
    assert ids(user="alice") == [alice]
    assert ids(user="alice", n="1") == [alice]
    assert ids(user="carol") == []
    assert ids(status=["done", "error"]) == [bob, alice]
    assert ids(status="queued") == []
    today = datetime.datetime.now(datetime.timezone.utc)
    assert ids(date=today.date().isoformat()) == [bob, alice]
    assert ids(after_date=(today + datetime.timedelta(hours=1)).isoformat()) == []
    assert ids(before_date=(today + datetime.timedelta(hours=1)).isoformat()) == [bob, alice]
    links = http.get("/v2/pre-recorded", params={"user": "alice", "status": "done", "limit": 1}).json()
    assert parse_qs(urlsplit(links["first"]).query) == {
        "offset": ["0"],
        "limit": ["1"],
        "status": ["done"],
        "custom_metadata[user]": ["alice"],
    }


@pytest.mark.parametrize(
    "params",
    [{"offset": "-1"}, {"limit": "0"}, {"limit": "many"}, {"status": "finished"}, {"date": "yesterday"}],
    ids=["negative-offset", "zero-limit", "text-limit", "unknown-status", "bad-date"],
)
def test_invalid_list_queries_get_400(http: httpx.Client, params: dict[str, str]) -> None:
    response = http.get("/v2/pre-recorded", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["validation_errors"][0].startswith(next(iter(params)))
    assert body["path"].startswith("/v2/pre-recorded?")


# ------------------------------------------------------------------------------------------------ delete


def test_delete_answers_202_and_the_job_and_its_audio_are_gone(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu)
    job_id = create(http, audio_url=url)
    wait_for_job(http, job_id)
    response = http.delete(f"/v2/pre-recorded/{job_id}")
    assert response.status_code == 202
    assert response.content == b""
    assert http.get(f"/v2/pre-recorded/{job_id}").status_code == 404
    assert http.get(url).status_code == 404
    assert http.delete(f"/v2/pre-recorded/{job_id}").status_code == 404


def test_deleting_a_job_keeps_audio_another_job_uses(http: httpx.Client, emu: Emulator) -> None:
    url = uploaded(http, emu)
    first, second = create(http, audio_url=url), create(http, audio_url=url)
    wait_for_job(http, first)
    wait_for_job(http, second)
    assert http.delete(f"/v2/pre-recorded/{first}").status_code == 202
    assert http.get(url).status_code == 200


@pytest.mark.parametrize("status", ["queued", "processing"])
def test_deleting_an_unfinished_job_is_403(http: httpx.Client, emu: Emulator, status: str) -> None:
    if status == "queued":
        emu.configure(queued_seconds=5)
    else:
        emu.configure(processing_seconds=5)
    job_id = create(http, audio_url=uploaded(http, emu))
    deadline = time.monotonic() + 2
    while http.get(f"/v2/pre-recorded/{job_id}").json()["status"] != status:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    response = http.delete(f"/v2/pre-recorded/{job_id}")
    assert response.status_code == 403
    assert status in response.json()["message"]
    models.ForbiddenErrorResponse.from_dict(response.json())


# ------------------------------------------------------------------------------------------------ file


def test_the_jobs_audio_downloads_streamed(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0, tone=True)
    emu.transcripts.add(data, "Hi.")
    job_id = create(http, audio_url=upload(http, data, "talk.wav")["audio_url"])
    with http.stream("GET", f"/v2/pre-recorded/{job_id}/file") as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/octet-stream"
        assert 'filename="talk.wav"' in response.headers["content-disposition"]
        assert b"".join(response.iter_bytes(chunk_size=4096)) == data


def test_the_file_of_an_unknown_job_is_404(http: httpx.Client) -> None:
    assert http.get(f"/v2/pre-recorded/{uuid.uuid4()}/file").status_code == 404


def test_the_file_of_a_job_whose_audio_could_not_be_fetched_is_404(http: httpx.Client) -> None:
    job_id = create(http, audio_url="http://127.0.0.1:9/nothing.wav")
    assert wait_for_job(http, job_id)["status"] == "error"
    assert http.get(f"/v2/pre-recorded/{job_id}/file").status_code == 404


# ------------------------------------------------------------------------------------------------ routing


def test_unknown_paths_and_methods_get_gladia_shaped_errors(http: httpx.Client) -> None:
    missing = http.get("/v2/nothing")
    assert missing.status_code == 404
    assert missing.json()["statusCode"] == 404
    wrong = http.patch("/v2/upload")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"
    assert wrong.json()["message"] == "Cannot PATCH /v2/upload"
