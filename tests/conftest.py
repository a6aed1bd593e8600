"""Fixtures shared by the whole suite: one Gladia emulator for the session, clean for every test.

Fixtures:

    emulator_server   session-wide running `gladia.testing.Emulator` (key: "test-key"). Do not change it
                      directly in a test; use `emu`.
    emu               the same emulator, reset before the test: no jobs, files, faults, registrations,
                      recorded requests, deliveries or counts, and its initial settings (timings, keys,
                      webhooks). Change settings for one test with `emu.configure(...)`.
    http              an `httpx.Client` on `emu.url` that sends `x-gladia-key: <emu.api_key>`.
    receiver          a loopback HTTP server that records what it receives (callbacks, webhooks) and can
                      serve files (`receiver.serve("/a.wav", data)` returns its URL).

Helpers (import them from here): `make_wav`, `make_mp3`, `make_flac` build real audio bytes of a given
length; `upload` sends bytes to `POST /v2/upload`; `wait_for_job` polls a job until it ends.
"""

from __future__ import annotations

# ruff: noqa: E402  (the imports below come after the bytecode switch, so they are cached too)
import sys

# Bytecode caches, written as Python writes them by default. CI's image sets PYTHONDONTWRITEBYTECODE, so
# without this every process of the suite (each xdist worker, and the hundreds of Python processes the tests
# start) would compile the package, its libraries and the ~120 assertion-rewritten test modules anew:
# seconds of CPU each. Set here, before the plugins below are imported, so they are cached too.
sys.dont_write_bytecode = False

# The plugins the suite uses beyond those pyproject.toml's addopts load before any conftest (xdist, timeout):
# loaded here rather than auto-loaded, so pytest rewrites the asserts of these modules only, not of every
# module of their packages (hundreds, for hypothesis and schemathesis).
pytest_plugins = ("anyio.pytest_plugin", "_hypothesis_pytestplugin", "schemathesis.pytest.plugin")

import io
import struct
import threading
import time
import wave
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
import httpx
import pytest

from gladia._core import clock
from gladia.testing import Emulator, EmulatorConfig
from tests._clock import FastClock

TEST_KEY = "test-key"

# ---------------------------------------------------------------------------------------------- time


@pytest.fixture(autouse=True)
def fast_clock(request: pytest.FixtureRequest) -> Iterator[FastClock | None]:
    """Every test runs on a clock whose waits take no time (they are recorded in `fast_clock.sleeps`),
    except those marked `real_time`: deadlines against a real server, a live stream's pace."""
    if request.node.get_closest_marker("real_time") is not None:
        yield None
        return
    with clock.use(FastClock()) as fast:
        yield fast


# ---------------------------------------------------------------------------------------------- audio


def make_wav(seconds: float = 1.0, *, channels: int = 1, rate: int = 16_000, tone: bool = False) -> bytes:
    """A 16-bit PCM WAV of `seconds` (silence, or a square wave with `tone`)."""
    frames = round(seconds * rate)
    sample = b"\x00\x10" if tone else b"\x00\x00"
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(sample * channels * frames)
    return buffer.getvalue()


def make_mp3(seconds: float = 1.0) -> bytes:
    """An MPEG-1 Layer III stream (128 kbit/s, 44.1 kHz, mono) of silent frames lasting about `seconds`."""
    header = bytes([0xFF, 0xFB, 0x90, 0xC0])
    frame = header + bytes(417 - len(header))
    return frame * max(1, round(seconds * 44_100 / 1152))


def make_flac(seconds: float = 1.0, *, channels: int = 2, rate: int = 44_100) -> bytes:
    """A FLAC header (STREAMINFO) declaring `seconds` of audio; enough for a container reader."""
    samples = round(seconds * rate)
    packed = (rate << 44) | ((channels - 1) << 41) | (15 << 36) | samples
    info = struct.pack(">HH", 4096, 4096) + bytes(6) + packed.to_bytes(8, "big") + bytes(16)
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


# ---------------------------------------------------------------------------------------------- emulator


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[Emulator]:
    """The suite's one emulator; tests get it through `emu`, which resets it first."""
    with Emulator(EmulatorConfig(api_keys=(TEST_KEY,), delivery_retry_seconds=0.05)) as running:
        yield running


@pytest.fixture
def emu(emulator_server: Emulator) -> Emulator:
    """The session's emulator, clean: see the module docstring."""
    emulator_server.reset()
    return emulator_server


@pytest.fixture
def http(emu: Emulator) -> Iterator[httpx.Client]:
    """A plain httpx client on the emulator, sending its API key."""
    with httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}, timeout=10.0) as client:
        yield client


def upload(client: httpx.Client, data: bytes, filename: str = "audio.wav") -> dict[str, Any]:
    """Upload `data` as the multipart field `audio`; the response's JSON (asserting a 200)."""
    response = client.post("/v2/upload", files={"audio": (filename, data, "application/octet-stream")})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def create(http: httpx.Client, **options: Any) -> str:
    """Create a job with these options over plain HTTP; its id (asserting a 201)."""
    response = http.post("/v2/pre-recorded", json=options)
    assert response.status_code == 201, response.text
    job_id: str = response.json()["id"]
    return job_id


def wait_for_job(client: httpx.Client, job_id: str, timeout: float = 5.0) -> dict[str, Any]:
    """Poll a job until it is `done` or `error`; its JSON."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(f"/v2/pre-recorded/{job_id}")
        assert response.status_code == 200, response.text
        job: dict[str, Any] = response.json()
        if job["status"] in ("done", "error"):
            return job
        assert time.monotonic() < deadline, f"job {job_id} still {job['status']} after {timeout}s"
        time.sleep(0.01)


# ---------------------------------------------------------------------------------------------- receiver


@attrs.frozen
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """A loopback HTTP server that records requests, answers them with chosen statuses, and serves files."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.statuses: list[int] = []
        """Statuses to answer the next requests with, in order; 200 once used up."""
        self.files: dict[str, bytes] = {}
        self._arrived = threading.Condition()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                data = owner.files.get(self.path)
                self.send_response(200 if data is not None else 404)
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

            def do_POST(self) -> None:
                owner._record(self)

            def do_PUT(self) -> None:
                owner._record(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def serve(self, path: str, data: bytes) -> str:
        """Serve `data` at `path`; its URL."""
        self.files[path] = data
        return self.url + path

    def wait(self, count: int, timeout: float = 5.0) -> list[Received]:
        """The requests received, once there are at least `count`."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                assert left > 0, f"expected {count} requests, got {len(self.received)}: {self.received}"
                self._arrived.wait(left)
            return list(self.received)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _record(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length)
        with self._arrived:
            status = self.statuses.pop(0) if self.statuses else 200
            self.received.append(
                Received(
                    handler.command, handler.path, {k.lower(): v for k, v in handler.headers.items()}, body
                )
            )
            self._arrived.notify_all()
        handler.send_response(status)
        handler.send_header("Content-Length", "0")
        handler.end_headers()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A loopback HTTP server recording callbacks and webhooks, and serving files for `audio_url` tests."""
    server = Receiver()
    yield server
    server.close()
