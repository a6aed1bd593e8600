"""What an audio source is (a URL, a path, bytes, a file object, an iterable of bytes), checked before
anything is sent.

A local source is streamed as a multipart body straight from disk or memory: never read whole, sent
again from the same starting point when a retry needs it (a pipe or an iterable cannot be: it is sent
once), and read in a worker thread by the async client so the event loop never blocks on disk I/O. The
reading itself is in gladia/prerecorded/_upload_async.py (and its generated sync twin).
"""

from __future__ import annotations

import io
import mimetypes
import os
import re
import secrets
import stat
from collections.abc import AsyncIterable, Callable, Iterable
from pathlib import Path
from typing import IO, Any, Union
from urllib.parse import unquote, urlsplit

import attrs

from gladia._core import constants as C
from gladia.errors import InvalidSourceError, SourceChangedError, SourceNotReplayableError

Source = Union[
    str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes], Iterable[bytes], AsyncIterable[bytes]
]
ProgressCallback = Callable[[int, int | None], None]

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HEAD_BYTES = 512


@attrs.frozen
class UrlSource:
    """Audio Gladia fetches itself: passed as `audio_url`, never downloaded by the SDK."""

    url: str


@attrs.frozen(eq=False)
class LocalSource:
    """Audio the SDK uploads. Exactly one of `path`, `data` and `file` is set."""

    filename: str
    size: int | None  # None for a stream whose length cannot be known (a pipe)
    path: Path | None = None
    data: memoryview | None = None
    file: IO[bytes] | None = None
    chunks: Iterable[bytes] | AsyncIterable[bytes] | None = None  # an iterable of bytes, sent once
    start: int = 0  # where a file object was when it was given; each attempt starts there again
    head: bytes = b""  # bytes already read from a stream that cannot seek back, sent first

    @property
    def replayable(self) -> bool:
        return self.chunks is None and (self.file is None or self.size is not None)

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(self.filename)[0] or "application/octet-stream"


def classify(
    source: object,
    *,
    max_bytes: int | None = C.MAX_UPLOAD_BYTES,
    preload: int = 0,
    async_iterables: bool = False,
) -> UrlSource | LocalSource:
    """Check a source and say how to send it.

    A local file of at most `preload` bytes is read whole while it is checked (the async client does
    this in its one worker-thread call, so a small upload needs no thread per chunk). An iterable of bytes
    (a generator, say) is sent as it comes, never held whole; an async iterable needs the async client
    (`async_iterables`).

    Raises:
        InvalidSourceError: the source is missing, empty, unreadable, not audio, too large, or of an
            unsupported kind; the message says which and what to do.
    """
    if source is None:
        raise InvalidSourceError(
            "No audio given: pass a local path, bytes, a binary file object or an http(s) URL"
        )
    if isinstance(source, str):
        return _from_string(source, max_bytes, preload)
    if isinstance(source, os.PathLike):
        return _from_path(Path(os.fspath(source)), max_bytes, preload)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _from_bytes(memoryview(source).cast("B"), max_bytes)
    if hasattr(source, "read"):
        return _from_file(source, max_bytes)
    if isinstance(source, AsyncIterable):
        if not async_iterables:
            raise InvalidSourceError(
                f"{type(source).__name__} is an async iterable: stream it with AsyncGladiaClient (or pass an "
                "ordinary iterable of bytes, a path or bytes)"
            )
        return LocalSource(filename="audio", size=None, chunks=source)
    if isinstance(source, Iterable) and not isinstance(source, (dict, set, frozenset)):
        return LocalSource(filename="audio", size=None, chunks=source)
    raise InvalidSourceError(
        f"Unsupported audio source of type {type(source).__name__}: pass a local path (str or Path), bytes, "
        "a file object opened with 'rb', an iterable of bytes, or an http(s) URL"
    )


def _from_string(text: str, max_bytes: int | None, preload: int) -> UrlSource | LocalSource:
    if not text.strip():
        raise InvalidSourceError("The audio source is an empty string: pass a local path or an http(s) URL")
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None  # 'C:' is a drive
    if scheme is None:
        return _from_path(Path(text), max_bytes, preload)
    parts = urlsplit(text)
    if scheme == "file":
        host = (parts.hostname or "").lower()
        if host not in ("", "localhost"):
            raise InvalidSourceError(
                f"{text!r} names a file on another machine ({host}); a file:// URL can only name a file on this "
                "one. Copy the file here and pass its local path, or pass an http(s) URL Gladia can fetch"
            )
        return _from_path(Path(unquote(parts.path)), max_bytes, preload)
    if scheme not in ("http", "https"):
        raise InvalidSourceError(
            f"Unsupported URL scheme {scheme!r} in {text!r}: Gladia fetches only http(s) URLs; download the "
            "file and pass its local path instead"
        )
    if not text[match.end() if match else 0 :].startswith("//") or not parts.hostname:
        raise InvalidSourceError(
            f"The URL {text!r} has no host; expected something like https://example.com/audio.wav"
        )
    return UrlSource(text)


def _from_path(path: Path, max_bytes: int | None, preload: int = 0) -> LocalSource:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InvalidSourceError(
            f"No such file: {str(path)!r} (relative paths start at {os.getcwd()})"
        ) from None
    except PermissionError:
        raise InvalidSourceError(f"Cannot read {str(path)!r}: permission denied") from None
    except OSError as exc:
        raise InvalidSourceError(f"Cannot read {str(path)!r}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InvalidSourceError(
            f"{str(path)!r} is a directory; pass one audio file (to transcribe several, call once per file)"
        )
    if not stat.S_ISREG(info.st_mode):
        raise InvalidSourceError(
            f"{str(path)!r} is not a regular file; pass an audio file, or open it and pass the stream"
        )
    _check_size(info.st_size, max_bytes, repr(str(path)))
    whole = info.st_size <= preload
    try:
        with path.open("rb") as handle:
            head = handle.read() if whole else handle.read(_HEAD_BYTES)
    except PermissionError:
        raise InvalidSourceError(f"Cannot read {str(path)!r}: permission denied") from None
    except OSError as exc:
        raise InvalidSourceError(f"Cannot read {str(path)!r}: {exc.strerror or exc}") from None
    _check_looks_like_media(head[:_HEAD_BYTES], repr(str(path)))
    if whole:  # sent from memory; read once, so a file that changed since stat() is sent as read
        _check_size(len(head), max_bytes, repr(str(path)))
        return LocalSource(filename=path.name, size=len(head), data=memoryview(head))
    return LocalSource(filename=path.name, size=info.st_size, path=path)


def _from_bytes(data: memoryview, max_bytes: int | None) -> LocalSource:
    _check_size(len(data), max_bytes, "the audio bytes")
    try:
        _check_looks_like_media(bytes(data[:_HEAD_BYTES]), "the audio bytes")
    except InvalidSourceError as error:
        named = _names_a_file(data)
        if named is None:
            raise
        raise InvalidSourceError(
            f"{error} They name the file {named!r}: pass its path as a str or a Path (not bytes) to upload it"
        ) from None
    return LocalSource(filename="audio", size=len(data), data=data)


def _names_a_file(data: memoryview) -> str | None:
    """The path `data` spells, when it is short text naming an existing file (bytes given for a path)."""
    if len(data) > 4096:
        return None
    try:
        text = bytes(data).decode().strip()
        return text if text and os.path.isfile(text) else None
    except (UnicodeDecodeError, ValueError, OSError):
        return None


def _from_file(file: Any, max_bytes: int | None) -> LocalSource:
    name = getattr(file, "name", None)
    label = f"the file object {name!r}" if isinstance(name, str) else "the file object"
    if getattr(file, "closed", False):
        raise InvalidSourceError(
            f"{label} is closed; open it again (with 'rb') and pass it before closing it"
        )
    if isinstance(file, io.TextIOBase) or "b" not in str(getattr(file, "mode", "b")):
        raise InvalidSourceError(f"{label} is open in text mode; open it in binary mode: open(path, 'rb')")
    readable = getattr(file, "readable", None)
    if callable(readable) and not readable():
        raise InvalidSourceError(f"{label} is not open for reading; open it with 'rb'")
    filename = os.path.basename(name) if isinstance(name, str) and name else "audio"
    seekable = getattr(file, "seekable", None)
    try:
        if callable(seekable) and seekable():
            start = file.tell()
            size = file.seek(0, io.SEEK_END) - start
            file.seek(start)
            head = file.read(_HEAD_BYTES)
            file.seek(start)
            if size == 0:
                raise InvalidSourceError(
                    f"{label} has nothing left to read (it is empty, or already at its end: call .seek(0) first)"
                )
            _check_size(size, max_bytes, label)
            _check_looks_like_media(head, label)
            return LocalSource(filename=filename, size=size, file=file, start=start)
        head = file.read(_HEAD_BYTES)
    except InvalidSourceError:
        raise
    except (OSError, ValueError) as exc:
        raise InvalidSourceError(f"Cannot read {label}: {exc}") from None
    if isinstance(head, str):
        raise InvalidSourceError(f"{label} is open in text mode; open it in binary mode: open(path, 'rb')")
    if not head:
        raise InvalidSourceError(f"{label} has nothing to read (it is empty or at its end)")
    _check_looks_like_media(head, label)
    return LocalSource(filename=filename, size=None, file=file, head=bytes(head))


def _check_size(size: int, max_bytes: int | None, label: str) -> None:
    if size == 0:
        raise InvalidSourceError(f"{label} is empty (0 bytes); pass a recording")
    if max_bytes is not None and size > max_bytes:
        raise InvalidSourceError(
            f"{label} is {size / 1e6:,.1f} MB, above the {max_bytes / 1e6:,.0f} MB Gladia accepts per upload; "
            "split or compress it (or raise max_upload_bytes if your plan allows more)"
        )


# Signatures of common files that are certainly not audio or video. Anything else is left for Gladia
# to judge: refusing a rare but valid container would be worse than a server-side 422.
_NOT_MEDIA = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)


def _check_looks_like_media(head: bytes, label: str) -> None:
    kind = next((name for magic, name in _NOT_MEDIA if head.startswith(magic)), None)
    if kind is None and _is_text(head):
        kind = "text"
    if kind is not None:
        raise InvalidSourceError(
            f"{label} does not look like audio or video (it looks like {kind}); Gladia transcribes audio and video files"
        )


def _is_text(head: bytes) -> bool:
    if not head or head.startswith(b"#!AMR"):  # AMR audio starts with an ASCII tag
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # A cut in the middle of a multi-byte character at the end is still text.
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


# -------------------------------------------------------------------------------------------------- bodies


class UploadBody:
    """The multipart/form-data body of an upload: field `audio`, streamed, replayable when the source is.

    Exactly the size checked beforehand is sent: a file that grows or shrinks while it is read raises
    SourceChangedError (rather than a body that disagrees with its Content-Length); a stream that cannot
    seek back raises SourceNotReplayableError when a retry or a redirect asks for it again.
    """

    def __init__(
        self,
        source: LocalSource,
        *,
        on_progress: ProgressCallback | None = None,
        chunk_size: int = C.UPLOAD_CHUNK_BYTES,
    ) -> None:
        self.source = source
        self._on_progress = on_progress
        self._chunk = chunk_size
        boundary = secrets.token_hex(16)
        self.content_type = f"multipart/form-data; boundary={boundary}"
        self._preamble = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="audio"; '
            f'filename="{_quote(source.filename)}"\r\nContent-Type: {source.content_type}\r\n\r\n'
        ).encode("utf-8", "replace")  # a file name that is not UTF-8 (bytes from the disk) is sent with "?"
        self._epilogue = f"\r\n--{boundary}--\r\n".encode()
        self.length = None if source.size is None else len(self._preamble) + source.size + len(self._epilogue)
        self._started = False
        self._deadline: Any = None

    def set_deadline(self, deadline: Any) -> None:
        """The request's overall deadline (a gladia._core.deadline.Deadline), checked before each chunk."""
        self._deadline = deadline

    def check_deadline(self) -> None:
        if self._deadline is not None and self._deadline.expired():
            from gladia._core.deadline import DeadlineExceeded  # noqa: PLC0415

            raise DeadlineExceeded("the upload did not finish before its deadline")

    def begin(self) -> None:
        if self._started and not self.source.replayable:
            raise SourceNotReplayableError(
                "The upload had to be sent again (a retry or a redirect), but this stream cannot be sent "
                "again: it was read once already. Pass a path, bytes or a seekable file instead of a pipe"
            )
        self._started = True
        self.progress(0)

    @property
    def headers(self) -> dict[str, str]:
        headers = {"Content-Type": self.content_type}
        if self.length is not None:
            headers["Content-Length"] = str(self.length)
        return headers

    def progress(self, sent: int) -> None:
        if self._on_progress is not None:
            self._on_progress(sent, self.source.size)

    @property
    def preamble(self) -> bytes:
        """The multipart bytes before the audio."""
        return self._preamble

    @property
    def epilogue(self) -> bytes:
        """The multipart bytes after the audio."""
        return self._epilogue

    def _changed(self, sent: int, more: bool) -> SourceChangedError:
        what = "grew" if more else "shrank"
        return SourceChangedError(
            f"The file changed while it was being uploaded: {self.source.filename!r} {what} after it was checked "
            f"({self.source.size:,} bytes expected, {'more' if more else sent} sent). Nothing usable was "
            "uploaded; upload it again once it is complete, or pass a copy that does not change"
        )

    def take(self, chunk: bytes, sent: int) -> bytes:
        """`chunk` cut to the declared size; SourceChangedError if the source holds more."""
        size = self.source.size
        if size is not None and sent + len(chunk) > size:
            raise self._changed(sent, more=True)
        return chunk

    def ended(self, sent: int) -> None:
        size = self.source.size
        if size is not None and sent != size:
            raise self._changed(sent, more=sent > size)

    def read_size(self, sent: int) -> int:
        """How much to read next: a chunk, up to one byte past the declared end (to notice a file that grew)."""
        size = self.source.size
        if size is None:
            return self._chunk
        return max(1, min(self._chunk, size - sent + 1))


def read_at(path: Path, offset: int, size: int) -> bytes:
    """`size` bytes of the file at `path` from `offset` (opened and closed here: no file stays open
    across a yield of the upload, which the server may stop reading at any point)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read(size)


def open_handle(source: LocalSource) -> IO[bytes]:
    """The source's file object, at its start."""
    assert source.file is not None
    if source.size is not None:
        source.file.seek(source.start)
    return source.file


def checked_chunk(chunk: object, label: str = "the iterable") -> bytes:
    """A chunk of an iterable source, which must be bytes."""
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    raise InvalidSourceError(
        f"{label} gave a {type(chunk).__name__}, not bytes: an iterable source must give the audio as bytes"
    )


def read_failed(body: UploadBody, sent: int, error: BaseException) -> Exception:
    """The error for a source that could not be read part-way through the upload."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if body.source.replayable:
        return SourceChangedError(
            f"Reading {body.source.filename!r} failed after {sent:,} bytes were sent ({what}); nothing usable "
            "was uploaded. Check the file, then upload it again"
        )
    return SourceNotReplayableError(
        f"Reading the audio stream failed after {sent:,} bytes were sent ({what}): the upload is incomplete, and "
        "a stream read once cannot be sent again. Pass the audio again from its start (a path, bytes or a "
        "seekable file can be retried by the SDK itself)"
    )


def _quote(filename: str) -> str:
    # As browsers and httpx do for multipart field parameters.
    return filename.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
