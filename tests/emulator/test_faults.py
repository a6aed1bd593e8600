"""Fault injection and authentication over real HTTP: what a client sees, and that it is repeatable."""

from __future__ import annotations

import time

import httpx
import pytest

from gladia.testing import Emulator, emulator
from gladia.testing._routes import ROUTES
from gladia_api import models
from tests.conftest import create, make_wav, upload, wait_for_job

GET = "GET /v2/pre-recorded/{id}"
LIST = "GET /v2/pre-recorded"
CREATE = "POST /v2/pre-recorded"


# ------------------------------------------------------------------------------------------------ auth


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [({}, "gladia key not found"), ({"x-gladia-key": "wrong"}, "invalid gladia key")],
    ids=["missing", "unknown"],
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v2/upload"),
        ("POST", "/v2/pre-recorded"),
        ("GET", "/v2/pre-recorded"),
        ("GET", "/v2/pre-recorded/00000000-0000-4000-8000-000000000000"),
        ("DELETE", "/v2/pre-recorded/00000000-0000-4000-8000-000000000000"),
        ("GET", "/v2/pre-recorded/00000000-0000-4000-8000-000000000000/file"),
    ],
)
def test_every_route_needs_a_valid_key(
    emu: Emulator, headers: dict[str, str], fragment: str, method: str, path: str
) -> None:
    response = httpx.request(method, emu.url + path + "?x=1", headers=headers)
    assert response.status_code == 401
    body = response.json()
    models.UnauthorizedErrorResponse.from_dict(body)
    assert body["message"].startswith(fragment)
    assert (body["path"], body["statusCode"]) == (path + "?x=1", 401)
    assert body["request_id"].startswith("G-")


def test_head_needs_a_key_too(emu: Emulator) -> None:
    assert httpx.head(emu.url + "/v2/pre-recorded").status_code == 401
    assert httpx.head(emu.url + "/v2/pre-recorded", headers={"x-gladia-key": emu.api_key}).status_code == 200


def test_several_keys_can_be_accepted_and_changed(emu: Emulator) -> None:
    emu.configure(api_keys=("first", "second"))
    assert emu.api_key == "first"
    for key in ("first", "second"):
        assert httpx.get(emu.url + "/v2/pre-recorded", headers={"x-gladia-key": key}).status_code == 200
    assert httpx.get(emu.url + "/v2/pre-recorded", headers={"x-gladia-key": "test-key"}).status_code == 401


# ------------------------------------------------------------------------------------------------ status


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_status_faults_answer_with_gladia_error_bodies(
    http: httpx.Client, emu: Emulator, status: int
) -> None:
    emu.faults.add(
        route=LIST, kind="status", status=status, retry_after="2" if status == 429 else None, times=1
    )
    response = http.get("/v2/pre-recorded")
    assert response.status_code == status
    assert response.json()["statusCode"] == status
    assert response.headers.get("retry-after") == ("2" if status == 429 else None)
    assert http.get("/v2/pre-recorded").status_code == 200  # fired once


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_can_be_made_to_fail(http: httpx.Client, emu: Emulator, route: str) -> None:
    emu.faults.add(route=route, kind="status", status=500, times=1)
    method, path = route.split(" ", 1)
    response = http.request(method, path.replace("{id}", "00000000-0000-4000-8000-000000000000"))
    assert response.status_code == 500
    models.InternalServerErrorResponse.from_dict(response.json())
    assert emu.counters.requests[route] == 1


def test_times_and_after_pick_which_requests_fail(http: httpx.Client, emu: Emulator) -> None:
    fault = emu.faults.add(route=LIST, kind="status", status=503, after=1, times=2)
    assert [http.get("/v2/pre-recorded").status_code for _ in range(5)] == [200, 503, 503, 200, 200]
    assert emu.faults.fired(fault) == 2
    assert emu.faults.active == []


def test_a_fault_only_hits_its_route(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=GET, kind="status", status=500)
    assert http.get("/v2/pre-recorded").status_code == 200
    assert http.get("/v2/pre-recorded/00000000-0000-4000-8000-000000000000").status_code == 500


def test_faults_hit_before_authentication(emu: Emulator) -> None:
    emu.faults.add(route="*", kind="status", status=503, times=1)
    assert httpx.get(emu.url + "/v2/pre-recorded").status_code == 503


def test_probability_is_deterministic_under_a_seed(emu: Emulator) -> None:
    def run() -> list[int]:
        with (
            emulator(seed=7) as fresh,
            httpx.Client(base_url=fresh.url, headers={"x-gladia-key": fresh.api_key}) as client,
        ):
            fresh.faults.add(route="*", kind="status", status=429, retry_after="0", probability=0.3)
            return [client.get("/v2/pre-recorded").status_code for _ in range(30)]

    first, second = run(), run()
    assert first == second
    assert 0 < first.count(429) < 30


def test_clear_removes_faults_and_restarts_the_draws(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route="*", kind="status", status=429, probability=0.5)
    first = [http.get("/v2/pre-recorded").status_code for _ in range(10)]
    emu.faults.clear()
    assert http.get("/v2/pre-recorded").status_code == 200
    emu.faults.add(route="*", kind="status", status=429, probability=0.5)
    assert [http.get("/v2/pre-recorded").status_code for _ in range(10)] == first


def test_status_after_handling_creates_the_job_but_answers_an_error(
    http: httpx.Client, emu: Emulator
) -> None:
    data = make_wav(1.0)
    emu.transcripts.add(data, "Created anyway.")
    url = upload(http, data)["audio_url"]
    emu.faults.add(route=CREATE, kind="status", status=502, when="after", times=1)
    assert http.post("/v2/pre-recorded", json={"audio_url": url}).status_code == 502
    assert emu.counters.jobs_created == 1
    assert len(emu.jobs()) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"route": "GET /v2/jobs"}, "unknown route"),
        ({"kind": "explode"}, "unknown fault kind"),
        ({"kind": "status"}, "needs an error status"),
        ({"kind": "latency"}, "seconds > 0"),
        ({"kind": "redirect"}, "needs a location"),
        ({"kind": "latency", "seconds": 1, "when": "after"}, "when='after'"),
        ({"kind": "status", "status": 500, "probability": 2}, "probability"),
        ({"kind": "status", "status": 500, "times": 0}, "times"),
    ],
)
def test_fault_mistakes_are_refused(emu: Emulator, options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        emu.faults.add(**options)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ reset


def test_reset_before_is_a_connection_error_and_nothing_is_handled(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=CREATE, kind="reset", times=1)
    # ReadError, or RemoteProtocolError when the reset lands while httpx is still sending the body.
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        http.post("/v2/pre-recorded", json={"audio_url": "https://example.com/a.wav"})
    assert emu.counters.jobs_created == 0
    assert emu.counters.requests[CREATE] == 1


def test_reset_after_handles_the_request_then_cuts_the_connection(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(default_transcript="Duplicate me.")
    url = upload(http, make_wav(1.0))["audio_url"]
    emu.faults.add(route=CREATE, kind="reset", when="after", times=1)
    with pytest.raises(httpx.TransportError):
        http.post("/v2/pre-recorded", json={"audio_url": url})
    assert emu.counters.jobs_created == 1
    # a naive retry makes a duplicate, which the counter shows
    create(http, audio_url=url)
    assert emu.counters.jobs_created == 2


def test_reset_during_an_upload(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route="POST /v2/upload", kind="reset", times=1)
    with pytest.raises(httpx.TransportError):
        http.post("/v2/upload", files={"audio": ("a.wav", make_wav(20.0))})
    assert upload(http, make_wav(1.0))["audio_metadata"]["audio_duration"] == 1.0


# ------------------------------------------------------------------------------------------------ timing


def test_latency_delays_the_answer(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=LIST, kind="latency", seconds=0.3, times=1)
    started = time.monotonic()
    assert http.get("/v2/pre-recorded").status_code == 200
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    http.get("/v2/pre-recorded")
    assert time.monotonic() - started < 0.3


def test_latency_can_trip_a_client_timeout(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=LIST, kind="latency", seconds=0.5, times=1)
    with pytest.raises(httpx.ReadTimeout):
        http.get("/v2/pre-recorded", timeout=0.1)


def test_latency_and_a_status_combine(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=LIST, kind="latency", seconds=0.2, times=1)
    emu.faults.add(route=LIST, kind="status", status=503, times=1)
    started = time.monotonic()
    assert http.get("/v2/pre-recorded").status_code == 503
    assert time.monotonic() - started >= 0.2


def test_slow_body_trickles_the_body(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(default_transcript="Slowly, slowly.")
    job_id = create(http, audio_url=upload(http, make_wav(1.0))["audio_url"])
    wait_for_job(http, job_id)
    emu.faults.add(route=GET, kind="slow_body", seconds=0.5, times=1)
    started = time.monotonic()
    with http.stream("GET", f"/v2/pre-recorded/{job_id}") as response:
        headers_at = time.monotonic() - started
        pieces = list(response.iter_raw())
    assert headers_at < 0.3
    assert time.monotonic() - started >= 0.5
    assert len(pieces) > 1
    assert (
        models.PreRecordedResponse.from_dict(httpx.Response(200, content=b"".join(pieces)).json()).id
        == job_id
    )


def test_slow_body_can_trip_a_read_timeout(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=LIST, kind="slow_body", seconds=2.0, times=1)
    with pytest.raises(httpx.ReadTimeout):
        http.get("/v2/pre-recorded", timeout=httpx.Timeout(5.0, read=0.1))


# ------------------------------------------------------------------------------------------------ redirect


def test_redirect_fault(http: httpx.Client, emu: Emulator) -> None:
    emu.faults.add(route=GET, kind="redirect", status=307, location="http://127.0.0.1:9/elsewhere", times=1)
    response = http.get("/v2/pre-recorded/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 307
    assert response.headers["location"] == "http://127.0.0.1:9/elsewhere"
