"""The audio an `audio_url` points to, stored and probed: the emulator's own files, or a download.

Three cases, in order:

- the emulator's own file URL (`{emu.url}/file/{id}`): read from storage, no HTTP;
- a loopback URL (or any URL, with `allow_remote_urls`): downloaded, streamed to disk;
- a URL a test registered a transcript for, that the emulator may not download: a silent WAV stands in
  for it, of the registered duration (or long enough to say the text), so tests stay offline.

Anything else fails as Gladia fails to fetch: the upload is refused, or the job ends in `error`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import struct
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from gladia.testing._audio import probe
from gladia.testing._config import EmulatorConfig
from gladia.testing._intake import FetchFailed, Received, download, url_file_name
from gladia.testing._store import Store, StoredFile
from gladia.testing.engines import Transcripts, file_sha256

_OWN_FILE = re.compile(r"^/file/([^/]+)$")
_STAND_IN_RATE = 16_000
_SECONDS_PER_WORD = 0.4


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Fetcher:
    """Turns URLs into stored, probed audio files."""

    def __init__(
        self,
        store: Store,
        transcripts: Transcripts,
        settings: Callable[[], EmulatorConfig],
        client: httpx.AsyncClient,
        own_port: Callable[[], int],
    ) -> None:
        self._store = store
        self._transcripts = transcripts
        self._settings = settings
        self._client = client
        self._own_port = own_port

    def own_file_id(self, url: str) -> str | None:
        """The file id when `url` is one of this emulator's own file URLs."""
        parts = urlsplit(url)
        match = _OWN_FILE.match(parts.path)
        if match is None or not is_loopback(url):
            return None
        try:
            port = parts.port
        except ValueError:
            return None
        return match.group(1) if port == self._own_port() else None

    async def fetch(self, url: str, owner: str | None = None) -> StoredFile:
        """The stored audio at `url` for the account `owner`, downloading it if needed.

        Raises:
            FetchFailed: the URL cannot be read (unknown own file, not allowed, unreachable, not 200).
            TooLarge: the download is larger than `max_upload_bytes`.
            NotAudioError: what was downloaded is not audio.
        """
        settings = self._settings()
        own = self.own_file_id(url)
        if own is not None:
            stored = self._store.file(own)
            if stored is None or stored.owner != owner:
                raise FetchFailed(f"no file with id {own} is stored here (it was deleted, or never uploaded)")
            return stored
        if is_loopback(url) or settings.allow_remote_urls:
            file_id, path = self._store.new_file_path()
            received = await download(
                self._client,
                url,
                path,
                settings.max_upload_bytes,
                settings.fetch_timeout,
                may_visit=lambda target: settings.allow_remote_urls or is_loopback(target),
            )
            return await self.keep(file_id, received, owner)
        registration = self._transcripts.for_url(url)
        if registration is not None:
            text = registration.text or ""
            duration = registration.duration or round(len(text.split()) * _SECONDS_PER_WORD + 1.0, 1)
            return await self._stand_in(url, duration, owner)
        raise FetchFailed(
            f"could not download {url}: the emulator only downloads loopback URLs. Upload the file, serve it "
            "on 127.0.0.1, register the URL with emu.transcripts.add(url, text), or set allow_remote_urls."
        )

    async def keep(self, file_id: str, received: Received, owner: str | None = None) -> StoredFile:
        """Probe a received file and store it under `file_id`, as `owner`'s.

        Raises:
            NotAudioError: the file is not audio (it is deleted).
        """
        try:
            info = await asyncio.to_thread(probe, received.path)
        except BaseException:
            received.path.unlink(missing_ok=True)
            raise
        return self._store.add_file(
            StoredFile(
                id=file_id,
                path=received.path,
                filename=received.filename,
                size=received.size,
                sha256=received.sha256,
                extension=info.extension,
                duration=info.duration,
                channels=info.channels,
                source=received.source,
                owner=owner,
            )
        )

    async def _stand_in(self, url: str, duration: float, owner: str | None) -> StoredFile:
        file_id, path = self._store.new_file_path()
        await asyncio.to_thread(_write_silence, path, duration)
        digest = await asyncio.to_thread(file_sha256, path)
        received = Received(
            path=path, filename=url_file_name(url), size=path.stat().st_size, sha256=digest, source=url
        )
        return await self.keep(file_id, received, owner)


def _write_silence(path: Path, seconds: float) -> None:
    """A 16 kHz mono 16-bit WAV of `seconds` of silence, written sparse (its samples take no disk space)."""
    data = max(round(seconds * _STAND_IN_RATE), 1) * 2
    header = (
        b"RIFF"
        + struct.pack("<I", 36 + data)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, _STAND_IN_RATE, _STAND_IN_RATE * 2, 2, 16)
        + b"data"
        + struct.pack("<I", data)
    )
    with path.open("wb") as file:
        file.write(header)
        file.truncate(len(header) + data)
