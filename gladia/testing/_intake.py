"""Audio arriving at the emulator, streamed straight to disk: multipart uploads and downloads from a URL.

Memory stays flat whatever the file size: bytes go from the socket to the file chunk by chunk, hashed on
the way, and the size limit is enforced as they come rather than after.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import unquote, urljoin, urlsplit

import attrs
import httpx
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.types import Receive

FIELD = "audio"
#: How many redirects a download follows, as httpx does by default.
MAX_REDIRECTS = 20


@attrs.frozen(kw_only=True)
class Received:
    """A file now on disk."""

    path: Path
    filename: str
    size: int
    sha256: str
    source: str | None = None


class TooLarge(Exception):
    """The body is larger than the limit."""


class BadBody(Exception):
    """The body cannot be read as what it claims to be."""


class ClientGone(Exception):
    """The client went away before sending the whole body."""


class FetchFailed(Exception):
    """A URL could not be downloaded."""


class _Sink:
    """A file being written, with its running size and SHA-256, refusing to grow past `limit`."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.size = 0
        self._hash = hashlib.sha256()
        self._file: IO[bytes] = path.open("wb")

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise TooLarge(f"the file is larger than the limit of {self.limit} bytes")
        self._hash.update(chunk)
        # A plain write: it lands in the page cache in microseconds, so the event loop barely notices.
        self._file.write(chunk)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        self._file.close()

    def discard(self) -> None:
        """Close and delete the file: what was written is not wanted."""
        self._file.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> _Sink:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if error is None:
            self.close()
        else:
            self.discard()


async def body_chunks(receive: Receive) -> AsyncIterator[bytes]:
    """The request body, chunk by chunk as the server reads it.

    Raises:
        ClientGone: when the client disconnects first.
    """
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone("the client disconnected during the upload")
        chunk = message.get("body", b"")
        if chunk:
            yield chunk
        if not message.get("more_body", False):
            return


async def drain(receive: Receive) -> None:
    """Read and drop a request body none of which was read yet, so the client can read an early answer.

    Never call it once the last chunk was read: the server would wait for more that never comes.
    """
    await _skip(body_chunks(receive))


async def _skip(chunks: AsyncIterator[bytes]) -> None:
    try:
        async for _ in chunks:
            pass
    except ClientGone:
        pass


async def receive_multipart(receive: Receive, content_type: str, path: Path, limit: int) -> Received:
    """Stream the `audio` part of a multipart body to `path`.

    Raises:
        BadBody: no boundary, a malformed body, or no `audio` part.
        TooLarge: the audio is larger than `limit` bytes (the partial file is removed).
        ClientGone: the client disconnected (the partial file is removed).
    """
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise BadBody("Content-Type is missing the multipart boundary")
    reader = _AudioPart(path, limit)
    parser = MultipartParser(boundary, reader.callbacks())
    chunks = body_chunks(receive)
    try:
        async for chunk in chunks:
            parser.write(chunk)
    except TooLarge:
        reader.abandon()
        await _skip(chunks)  # the rest of the body, so the client gets to read the 413
        raise
    except ClientGone:
        reader.abandon()
        raise
    except Exception as exc:  # noqa: BLE001  python-multipart raises several kinds on malformed input
        reader.abandon()
        raise BadBody(f"the multipart body is malformed: {exc}") from None
    except BaseException:  # cancelled at shutdown: leave no open file behind
        reader.abandon()
        raise
    return reader.result()


class _AudioPart:
    """python-multipart callbacks that write the first `audio` part to a file and skip the others."""

    def __init__(self, path: Path, limit: int) -> None:
        self._path = path
        self._limit = limit
        self._sink: _Sink | None = None
        self._filename = FIELD
        self._done = False
        self._ended = False
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._writing = False

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self._part_begin,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value_part,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_end": self._end,
        }

    def _part_begin(self) -> None:
        self._disposition = b""
        self._writing = False

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _header_value_part(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if options.get(b"name") != FIELD.encode() or self._sink is not None:
            return
        raw = options.get(b"filename", b"")
        self._filename = _file_name(raw.decode("utf-8", "replace")) or FIELD
        self._sink = _Sink(self._path, self._limit)
        self._writing = True

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._writing and self._sink is not None:
            self._sink.write(data[start:end])

    def _part_end(self) -> None:
        if self._writing:
            self._writing = False
            self._done = True

    def _end(self) -> None:
        self._ended = True

    def abandon(self) -> None:
        if self._sink is not None:
            self._sink.discard()

    def result(self) -> Received:
        if self._sink is None or not self._done or not self._ended:
            self.abandon()
            if self._sink is None:
                raise BadBody(f"no file in the multipart body: send the audio as the field {FIELD!r}")
            raise BadBody("the multipart body ended before its closing boundary")
        self._sink.close()
        return Received(
            path=self._path, filename=self._filename, size=self._sink.size, sha256=self._sink.sha256
        )


async def download(
    client: httpx.AsyncClient,
    url: str,
    path: Path,
    limit: int,
    timeout: float,
    *,
    may_visit: Callable[[str], bool] = lambda url: True,
) -> Received:
    """Download `url` to `path`, following redirects only to URLs `may_visit` accepts.

    Raises:
        FetchFailed: the URL cannot be reached, redirects where it may not go, or does not answer 200.
        TooLarge: the file is larger than `limit` bytes.
    """
    target = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            async with client.stream("GET", target, timeout=timeout) as response:
                if response.is_redirect:
                    location = urljoin(str(response.url), response.headers.get("location", ""))
                    if not may_visit(location):
                        raise FetchFailed(
                            f"{url} redirects to {location}, a host the emulator does not contact: it only "
                            "contacts loopback hosts unless allow_remote_urls is set"
                        )
                    target = location
                    continue
                if response.status_code != 200:
                    raise FetchFailed(f"{url} answered HTTP {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise TooLarge(f"the file at {url} is larger than the limit of {limit} bytes")
                with _Sink(path, limit) as sink:
                    async for chunk in response.aiter_bytes():
                        sink.write(chunk)
                return Received(
                    path=path, filename=url_file_name(url), size=sink.size, sha256=sink.sha256, source=url
                )
    except httpx.HTTPError as exc:
        raise FetchFailed(f"could not download {url}: {type(exc).__name__}: {exc}") from None
    raise FetchFailed(f"could not download {url}: more than {MAX_REDIRECTS} redirects")


def url_file_name(url: str) -> str:
    """The file name at the end of a URL's path, or `audio`."""
    return _file_name(unquote(urlsplit(url).path)) or FIELD


def _file_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip()
