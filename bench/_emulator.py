"""One Gladia emulator in its own process (`python -m gladia.testing`), shared by every contender of a row.

The key is given in the environment, not on the command line, and the emulator's banner (which shows
it) goes to /dev/null: nothing the benchmark prints can contain it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx
from _envs import WORK, clean_environ

_START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Emulator:
    """`with Emulator(...) as server:` a running emulator at `server.url` accepting `key`.

    Args:
        name: names its log file, bench/.work/emulator-NAME.log.
        key: the one API key it accepts.
        transcript: the transcript of every file (`--default-transcript`).
        timings: queued, processing and realtime-factor seconds of the job lifecycle.
        max_upload_bytes: the largest upload accepted.
        tmpdir: where it keeps uploads (a temporary directory inside, removed when it stops).
    """

    def __init__(
        self,
        name: str,
        *,
        key: str,
        transcript: str,
        queued: float = 0.0,
        processing: float = 0.0,
        realtime_factor: float = 0.0,
        max_upload_bytes: int = 2**31,
        tmpdir: Path | None = None,
    ) -> None:
        self.name = name
        self.key = key
        self.url = ""
        self._log = WORK / f"emulator-{name}.log"
        self._args = [
            "--default-transcript",
            transcript,
            "--queued-seconds",
            str(queued),
            "--processing-seconds",
            str(processing),
            "--realtime-factor",
            str(realtime_factor),
            "--max-upload-bytes",
            str(max_upload_bytes),
            "--max-audio-seconds",
            str(24 * 3600),
        ]
        self._tmpdir = tmpdir
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Emulator:
        port = free_port()
        env = {**clean_environ(), "GLADIA_API_KEY": self.key}
        if self._tmpdir is not None:
            env["TMPDIR"] = str(self._tmpdir)
        self._log.parent.mkdir(parents=True, exist_ok=True)
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "gladia.testing", "--port", str(port), *self._args],
                stdout=subprocess.DEVNULL,
                stderr=log,
                env=env,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + _START_TIMEOUT
        with self.client() as http:
            while True:
                try:
                    http.get("/v2/pre-recorded", params={"limit": 1}).raise_for_status()
                    return self
                except httpx.TransportError:
                    if self._process.poll() is not None or time.monotonic() > deadline:
                        self.__exit__(None, None, None)
                        raise RuntimeError(
                            f"the emulator '{self.name}' did not start; see {self._log}"
                        ) from None
                    time.sleep(0.1)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)  # it then stops cleanly and removes its stored files
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)

    def client(self, timeout: float = 600) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"x-gladia-key": self.key}, timeout=timeout)

    def environ(self) -> dict[str, str]:
        """The environment a contender finds the emulator in."""
        return {"BENCH_API_URL": self.url, "BENCH_API_KEY": self.key}

    def job(self, audio_url: str) -> str:
        """Create a job on uploaded audio, wait until it is done, return its id."""
        with self.client() as http:
            job = http.post("/v2/pre-recorded", json={"audio_url": audio_url}).raise_for_status().json()
            deadline = time.monotonic() + 120
            while http.get(f"/v2/pre-recorded/{job['id']}").json()["status"] not in ("done", "error"):
                if time.monotonic() > deadline:
                    raise RuntimeError("a setup job did not finish in 120 s")
                time.sleep(0.05)
        job_id: str = job["id"]
        return job_id

    def discard(self, audio_url: str) -> None:
        """Remove an uploaded file: a job on it, then the job's deletion (which deletes its audio).

        Uploads otherwise stay stored until the emulator stops; on a virtual machine, writing each new
        upload into memory the guest has not used before is much slower than into memory it freed, which
        would make later uploads slower than earlier ones whatever the client.
        """
        job_id = self.job(audio_url)
        with self.client() as http:
            http.delete(f"/v2/pre-recorded/{job_id}").raise_for_status()

    def upload(self, path: Path) -> str:
        """Upload a small file (setup, not a measurement); its audio_url."""
        with self.client() as http:
            files = {"audio": (path.name, path.read_bytes(), "audio/wav")}
            audio_url: str = http.post("/v2/upload", files=files).raise_for_status().json()["audio_url"]
            return audio_url


def storage_for(needed_bytes: int) -> Path | None:
    """tmpfs (/dev/shm) for the emulator's uploads when it has room, so disk speed measures nothing here."""
    shm = Path("/dev/shm")  # noqa: S108  (only its free space is read; the emulator makes its own dir)
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    stats = os.statvfs(shm)
    free = stats.f_bavail * stats.f_frsize
    return shm if free > needed_bytes + 2 * 2**30 else None
