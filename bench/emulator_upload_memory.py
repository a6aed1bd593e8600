"""Does uploading a 1 GiB file keep the emulator's memory flat? Measures it.

Starts `python -m gladia.testing` in a subprocess, uploads a 1 GiB WAV generated on the fly (never held in
memory: the client streams it), then downloads it back, sampling the server's resident memory (VmRSS from
/proc) every 20 ms. Prints the baseline, the peak during each transfer and the growth. Linux only.

    uv run --extra emulator python bench/emulator_upload_memory.py [--size-mib 1024]
"""

from __future__ import annotations

import argparse
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

KEY = "bench-key"
CHUNK = bytes(range(256)) * 4096  # 1 MiB of non-zero bytes
RATE, CHANNELS, WIDTH = 48_000, 2, 2
BOUNDARY = "gladia-bench-boundary"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Sampler:
    """Samples a process's RSS in a thread; `peak()` since the last `restart()`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(rss_mib(self.pid))
            time.sleep(0.02)

    def restart(self) -> None:
        self.samples = []

    def peak(self) -> float:
        return max(self.samples, default=rss_mib(self.pid))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def wav_header(total_size: int) -> bytes:
    data = total_size - 44
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, CHANNELS, RATE, RATE * CHANNELS * WIDTH, CHANNELS * WIDTH, 8 * WIDTH)
        + b"data"
        + struct.pack("<I", data)
    )


def multipart(total_size: int) -> tuple[int, Iterator[bytes]]:
    """The Content-Length and the chunks of a multipart body holding a generated WAV of `total_size` bytes."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="audio"; filename="big.wav"\r\n'
        "Content-Type: audio/wav\r\n\r\n"
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        yield head
        yield wav_header(total_size)
        left = total_size - 44
        while left > 0:
            piece = CHUNK[: min(left, len(CHUNK))]
            left -= len(piece)
            yield piece
        yield tail

    return len(head) + total_size + len(tail), chunks()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    size = parser.parse_args().size_mib * 1024 * 1024
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gladia.testing",
            "--port",
            str(port),
            "--api-key",
            KEY,
            "--max-upload-bytes",
            str(size * 2),
            "--max-audio-seconds",
            "1000000",
            "--default-transcript",
            "A very long benchmark.",
            "--queued-seconds",
            "0",
            "--processing-seconds",
            "0",
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, headers={"x-gladia-key": KEY}, timeout=600) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    client.get("/v2/pre-recorded").raise_for_status()
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            # Warm up: every code path the big upload takes, with a small file.
            length, body = multipart(1024 * 1024)
            client.post(
                "/v2/upload",
                content=body,
                headers={
                    "content-type": f"multipart/form-data; boundary={BOUNDARY}",
                    "content-length": str(length),
                },
            ).raise_for_status()
            time.sleep(0.5)
            sampler = Sampler(server.pid)
            time.sleep(1.0)
            baseline = sampler.peak()

            sampler.restart()
            length, body = multipart(size)
            started = time.monotonic()
            response = client.post(
                "/v2/upload",
                content=body,
                headers={
                    "content-type": f"multipart/form-data; boundary={BOUNDARY}",
                    "content-length": str(length),
                },
            )
            upload_seconds = time.monotonic() - started
            response.raise_for_status()
            upload_peak = sampler.peak()
            metadata = response.json()["audio_metadata"]

            job = client.post("/v2/pre-recorded", json={"audio_url": response.json()["audio_url"]}).json()
            sampler.restart()
            started = time.monotonic()
            received = 0
            with client.stream("GET", f"/v2/pre-recorded/{job['id']}/file") as download:
                download.raise_for_status()
                for chunk in download.iter_raw(1024 * 1024):
                    received += len(chunk)
            download_seconds = time.monotonic() - started
            download_peak = sampler.peak()
            after = rss_mib(server.pid)
            sampler.stop()
    finally:
        server.terminate()
        server.wait(30)

    mib = size / 1024 / 1024
    print(
        f"file: {mib:.0f} MiB WAV, {metadata['audio_duration']:.0f} s, {metadata['number_of_channels']} channels"
    )
    print(f"emulator RSS baseline:        {baseline:7.1f} MiB")
    print(
        f"upload   ({upload_seconds:5.1f} s, {mib / upload_seconds:6.1f} MiB/s): peak {upload_peak:7.1f} MiB, "
        f"growth {upload_peak - baseline:+6.1f} MiB"
    )
    print(
        f"download ({download_seconds:5.1f} s, {received / 1024 / 1024 / download_seconds:6.1f} MiB/s): "
        f"peak {download_peak:7.1f} MiB, growth {download_peak - baseline:+6.1f} MiB"
    )
    print(f"emulator RSS after:           {after:7.1f} MiB")
    assert metadata["size"] == size, metadata
    assert received == size, received


if __name__ == "__main__":
    main()
