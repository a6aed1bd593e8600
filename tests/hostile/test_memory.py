"""Memory: JSON answers are read up to a cap (inflated bytes included) and downloads stream, so a hostile
answer costs the process the cap plus tens of MiB at most. Peak RSS is measured in a child process."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest

from tests.hostile import server as H

MiB, GiB = H.MiB, H.GiB
OVERHEAD = 100 * MiB  # what the process may grow beyond the cap while refusing a hostile answer
DEFAULT_CAP = 64 * MiB  # the documented default of max_response_bytes, when the error does not say
FLAT = 64 * MiB  # how much a streaming download may grow the process, whatever its size
# A download four times that bound: one held in memory fails the bound by 192 MiB, one streamed passes it
# (a 1 GiB file proves no more and costs the suite seconds of CPU on every Python).
LARGE = 4 * FLAT


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


# ------------------------------------------------------------------------------------------ in process, small cap


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.huge(8 * MiB), id="8MiB-content-length"),
        pytest.param(H.huge(8 * MiB, chunked=True), id="8MiB-chunked"),
        pytest.param(H.gzip_bomb(16 * MiB), id="gzip-16KiB-inflating-to-16MiB"),
        pytest.param(H.gzip_bomb(16 * MiB, encoding="deflate"), id="deflate-16KiB-inflating-to-16MiB"),
    ],
)
def test_an_answer_above_max_response_bytes_raises_response_too_large(
    server: H.HostileServer, mode: str, answer: H.Handler
) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_response_bytes": MiB, "max_retries": 0})
    error = H.raised(outcome, "ResponseTooLargeError")
    H.raised(outcome, "UnexpectedResponseError")
    assert error.limit == MiB  # type: ignore[attr-defined]
    assert "max_response_bytes" in str(error), str(error)  # says what to change


CAPPED = [
    ("list", ("GET", "/v2/pre-recorded"), ()),
    ("upload_file", ("POST", "/v2/upload"), (b"RIFF" + bytes(2000),)),
    ("create", ("POST", "/v2/pre-recorded"), ({"audio_url": "https://example.com/a.wav"},)),
]


# A create answered too large is ambiguous (the job may exist), so it costs the lookups: sync only.
@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    ("mode", "method", "route", "args"),
    [
        pytest.param(mode, method, route, args, id=f"{method}-{mode}")
        for method, route, args in CAPPED
        for mode in H.MODES
        if mode == "sync" or method != "create"
    ],
)
def test_every_json_answer_is_capped(
    server: H.HostileServer, mode: str, method: str, route: tuple[str, str], args: tuple[object, ...]
) -> None:
    server.always(*route, H.gzip_bomb(16 * MiB, status=201 if method == "create" else 200))
    outcome = H.call(mode, server.url, method, *args, client={"max_response_bytes": MiB, "max_retries": 0})
    H.raised(outcome, "ResponseTooLargeError")


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.huge(8 * MiB, status=400), id="8MiB-400"),
        pytest.param(H.gzip_bomb(16 * MiB, status=400), id="gzip-inflating-to-16MiB-400"),
    ],
)
def test_a_huge_error_body_is_capped_too(server: H.HostileServer, mode: str, answer: H.Handler) -> None:
    server.always("GET", "/v2/pre-recorded/{id}", answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_response_bytes": MiB, "max_retries": 0})
    error = H.raised(outcome)
    assert len(str(error)) < 10_000, f"a message of {len(str(error))} characters"
    assert len(repr(getattr(error, "body", ""))) < 2 * MiB


# ------------------------------------------------------------------------------------------ a child process, default cap


def _assert_bounded(report: dict[str, object], error: tuple[str, ...]) -> None:
    assert "killed" not in report, f"the child was {report['killed']}"
    assert report.get("error") in error, report
    limit = report.get("limit") or DEFAULT_CAP
    grown = int(report["peak"]) - int(report["baseline"])  # type: ignore[call-overload]
    print(f"RSS: baseline {int(report['baseline']) // MiB} MiB, peak {int(report['peak']) // MiB} MiB")  # type: ignore[call-overload]
    assert grown <= int(limit) + OVERHEAD, f"RSS grew {grown // MiB} MiB (cap {int(limit) // MiB} MiB)"  # type: ignore[call-overload]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.huge(2 * GiB), id="2GiB-json"),
        pytest.param(H.gzip_bomb(10 * GiB), id="gzip-10MiB-inflating-to-10GiB"),
    ],
)
def test_a_hostile_answer_keeps_rss_within_the_default_cap(
    server: H.HostileServer, mode: str, answer: H.Handler
) -> None:
    server.on("GET", "/v2/pre-recorded/{id}", H.json_reply({"message": "warm-up"}, 404), answer)
    report = H.measure(server.url, mode, "get", H.JOB_ID)
    _assert_bounded(report, ("ResponseTooLargeError",))


@pytest.mark.timeout(60)
def test_an_endless_firehose_keeps_rss_bounded(server: H.HostileServer) -> None:
    server.on("GET", "/v2/pre-recorded/{id}", H.json_reply({"message": "warm-up"}, 404))
    server.always("GET", "/v2/pre-recorded/{id}", H.endless(b" " * MiB, interval=0))
    report = H.measure(server.url, "sync", "get", H.JOB_ID, client={"timeout": 15}, timeout=40)
    _assert_bounded(report, ("ResponseTooLargeError", "APITimeoutError"))


@pytest.mark.timeout(90)
def test_a_large_download_streams(server: H.HostileServer) -> None:
    job = server.add_job()
    server.on("GET", "/v2/pre-recorded/{id}", H.json_reply({"message": "warm-up"}, 404))
    server.always("GET", "/v2/pre-recorded/{id}/file", H.huge(LARGE))
    report = H.measure(server.url, "sync", "download", job.id, timeout=80)
    assert "killed" not in report, f"the child was {report['killed']}"
    assert report.get("error") is None, report
    assert report["written"] == LARGE
    print(f"RSS: baseline {report['baseline'] // MiB} MiB, peak {report['peak'] // MiB} MiB")
    assert report["peak"] - report["baseline"] <= FLAT, (
        f"RSS grew {(report['peak'] - report['baseline']) // MiB} MiB"
    )


@pytest.mark.timeout(90)
@pytest.mark.slow
@pytest.mark.parametrize("mode", H.MODES)
def test_a_download_redirected_to_another_origin_streams_without_the_key(
    server: H.HostileServer, mode: str
) -> None:
    job = server.add_job()
    with H.HostileServer() as storage:
        storage.always("GET", "/bucket/audio.wav", H.huge(LARGE))
        server.on("GET", "/v2/pre-recorded/{id}", H.json_reply({"message": "warm-up"}, 404))
        server.always("GET", "/v2/pre-recorded/{id}/file", H.redirect(f"{storage.url}/bucket/audio.wav"))
        report = H.measure(server.url, mode, "download", job.id, timeout=80)
        seen = storage.received("GET")
    assert "killed" not in report, f"the child was {report['killed']}"
    assert report.get("error") is None, report
    assert report["written"] == LARGE
    grown = report["peak"] - report["baseline"]
    print(f"RSS: baseline {report['baseline'] // MiB} MiB, peak {report['peak'] // MiB} MiB")
    assert grown <= FLAT, f"RSS grew {grown // MiB} MiB: the redirected download was buffered"
    assert len(seen) == 1
    assert "x-gladia-key" not in seen[0].headers
    assert H.KEY not in repr(seen[0].headers)


def _job_of_size(size: int) -> bytes:
    """A valid job answer of exactly `size` bytes (padded in its custom_metadata)."""
    body = H.job_json(H.Job(H.JOB_ID, 1.7e9, {"pad": ""}, ""))
    bare = len(json.dumps(body).encode())
    body["custom_metadata"] = {"pad": "p" * (size - bare)}
    data = json.dumps(body).encode()
    assert len(data) == size
    return data


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_the_cap_is_exact(server: H.HostileServer, mode: str, encoding: str) -> None:
    # An answer of exactly max_response_bytes (decoded) is read; one byte more is refused.
    limit = 256 * 1024
    for size in (limit, limit + 1):
        data = _job_of_size(size)
        headers = {}
        if encoding == "gzip":
            data, headers = gzip.compress(data), {"content-encoding": "gzip"}
        server.on("GET", "/v2/pre-recorded/{id}", H.reply(200, data, headers))
    client = {"max_response_bytes": limit, "max_retries": 0}
    at_limit = H.call(mode, server.url, "get", H.JOB_ID, client=client)
    assert at_limit.error is None, at_limit.describe()
    assert len(at_limit.value.custom_metadata["pad"]) > 0
    above = H.call(mode, server.url, "get", H.JOB_ID, client=client)
    H.raised(above, "ResponseTooLargeError")
