"""What a test reads from the emulator: counters, recorded requests, stored jobs; and resetting them."""

from __future__ import annotations

import httpx
import pytest

from gladia.testing import Emulator, EmulatorConfig, emulator
from tests.conftest import create, make_wav, upload, wait_for_job


def test_counters_count_jobs_requests_and_bytes(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0)
    emu.transcripts.add(data, "Counted.")
    url = upload(http, data)["audio_url"]
    for _ in range(2):
        wait_for_job(http, create(http, audio_url=url))
    http.get("/v2/pre-recorded")
    http.get("/nowhere")
    counters = emu.counters
    assert counters.jobs_created == 2
    assert counters.requests["POST /v2/upload"] == 1
    assert counters.requests["POST /v2/pre-recorded"] == 2
    assert counters.requests["GET /v2/pre-recorded/{id}"] >= 2
    assert counters.requests["GET /v2/pre-recorded"] == 1
    assert counters.requests["GET /nowhere"] == 1
    assert counters.requests["DELETE /v2/pre-recorded/{id}"] == 0
    assert counters.bytes_received > len(data)
    counters.reset()
    assert (counters.jobs_created, counters.bytes_received, sum(counters.requests.values())) == (0, 0, 0)


def test_requests_are_recorded_with_their_headers(http: httpx.Client, emu: Emulator) -> None:
    http.get("/v2/pre-recorded", params={"limit": 3}, headers={"user-agent": "my-app/1.0"})
    [request] = emu.requests
    assert (request.method, request.path, request.query, request.route) == (
        "GET",
        "/v2/pre-recorded",
        "limit=3",
        "GET /v2/pre-recorded",
    )
    assert request.header("User-Agent") == "my-app/1.0"
    assert request.headers["x-gladia-key"] == emu.api_key
    assert request.client.startswith("127.0.0.1:")


def test_only_the_most_recent_requests_are_kept() -> None:
    with emulator(recent_requests=3) as emu, httpx.Client(base_url=emu.url) as client:
        for index in range(5):
            client.get(f"/v2/pre-recorded/{index}")
        assert [r.path for r in emu.requests] == [f"/v2/pre-recorded/{i}" for i in (2, 3, 4)]


def test_reset_gives_a_clean_emulator(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(processing_seconds=5, default_transcript="x")
    emu.faults.add(route="GET /v2/pre-recorded", kind="latency", seconds=0.01)
    job_id = create(http, audio_url=upload(http, make_wav(1.0))["audio_url"])
    emu.reset()
    assert emu.job(job_id) is None
    assert emu.jobs() == []
    assert emu.requests == []
    assert emu.faults.active == []
    assert emu.counters.jobs_created == 0
    assert emu.config.processing_seconds == 0
    assert emu.transcripts.default is None
    assert list(emu._live.store.directory.iterdir()) == []
    assert http.get(f"/v2/pre-recorded/{job_id}").status_code == 404


def test_configure_refuses_what_is_fixed_at_start(emu: Emulator) -> None:
    with pytest.raises(ValueError, match="cannot change port"):
        emu.configure(port=1)
    with pytest.raises(ValueError, match="queued_seconds must be 0 or more"):
        emu.configure(queued_seconds=-1)


def test_an_emulator_that_is_not_running_says_so() -> None:
    idle = emulator(EmulatorConfig(seed=1), processing_seconds=0.5)
    assert idle.config.processing_seconds == 0.5
    assert repr(idle) == "<Emulator not running>"
    with pytest.raises(RuntimeError, match="not running"):
        _ = idle.url


def test_start_twice_is_refused_and_the_storage_is_removed_at_stop() -> None:
    emu = emulator().start()
    directory = emu._live.store.directory
    try:
        with pytest.raises(RuntimeError, match="already running"):
            emu.start()
        assert directory.is_dir()
    finally:
        emu.stop()
    assert not directory.exists()


def test_a_given_storage_directory_is_kept(tmp_path: object) -> None:
    from pathlib import Path

    storage = Path(str(tmp_path)) / "uploads"
    with (
        emulator(storage_dir=storage) as emu,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as client,
    ):
        file_id = upload(client, make_wav(0.5))["audio_metadata"]["id"]
    assert (storage / file_id).is_file()


def test_the_port_can_be_chosen_and_a_busy_one_is_an_error() -> None:
    with emulator() as first:
        port = int(first.url.rsplit(":", 1)[1])
        with pytest.raises(OSError, match="in use"):
            emulator(port=port).start()
