"""What `gladia transcribe` was asked to transcribe: SOURCE arguments expanded into audio files and URLs.

A SOURCE is an http(s) URL (Gladia fetches it), a file, a directory (the audio and video files under it,
recursively, in path order; hidden files and folders are skipped), or a glob pattern (expanded here as
well, so a quoted pattern works and `**` descends into folders). A file named twice is one source.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

import attrs

from gladia.cli._errors import usage_error
from gladia.errors import InvalidSourceError

# What a directory contributes: the audio and video containers Gladia reads. A file named explicitly is
# sent whatever its extension.
AUDIO_EXTENSIONS = frozenset(
    {
        ".aac", ".aif", ".aifc", ".aiff", ".amr", ".avi", ".flac", ".m4a", ".m4v", ".mkv", ".mov",
        ".mp2", ".mp3", ".mp4", ".mpeg", ".mpga", ".oga", ".ogg", ".opus", ".spx", ".wav", ".weba",
        ".webm", ".wma", ".wmv", ".3gp",
    }
)  # fmt: skip
_GLOB = re.compile(r"[*?\[]")
_UNSAFE = re.compile(r"[^\w.-]+")
_HASH_CHUNK = 1 << 20


@attrs.frozen
class Source:
    """One audio to transcribe: a local file or a URL. `label` is how the user named it."""

    label: str
    path: Path | None = None
    url: str | None = None

    @property
    def stem(self) -> str:
        """A file-name-safe base name for its output file."""
        if self.path is not None:
            name = self.path.stem
        else:
            parts = urlsplit(self.url or "")
            name = Path(unquote(parts.path)).stem or parts.hostname or ""
        return _UNSAFE.sub("_", name).strip("._") or "audio"

    @property
    def audio(self) -> str:
        """What the SDK is given: the path or the URL."""
        return str(self.path) if self.path is not None else str(self.url)


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def expand(arguments: Sequence[str]) -> list[Source]:
    """The sources named by `arguments`, in order, each once.

    Raises:
        CliError: (exit 2) listing every argument that names nothing.
    """
    sources: list[Source] = []
    problems: list[str] = []
    seen: set[str] = set()
    for argument in arguments:
        found = _expand_one(argument, problems)
        for source in found:
            identity = source.url or str(source.path.resolve() if source.path else "")
            if identity not in seen:
                seen.add(identity)
                sources.append(source)
    if problems:
        raise usage_error(_count(problems, "source"), problems)
    return sources


def _expand_one(argument: str, problems: list[str]) -> list[Source]:
    if is_url(argument):
        return [Source(argument, url=argument)]
    path = Path(argument)
    if path.is_dir():
        found = [Source(str(p), path=p) for p in _audio_files(path)]
        if not found:
            problems.append(f"{argument}: no audio or video files in this directory")
        return found
    if path.exists() or not _GLOB.search(argument):
        if not path.exists():
            problems.append(f"{argument}: no such file")
            return []
        return [Source(argument, path=path)]
    matches = sorted(m for m in glob.glob(argument, recursive=True) if os.path.isfile(m))
    if not matches:
        problems.append(f"{argument}: no file matches this pattern")
    return [Source(m, path=Path(m)) for m in matches]


def _audio_files(directory: Path) -> list[Path]:
    found = []
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in AUDIO_EXTENSIONS:
                found.append(Path(root, name))
    return found


def check(sources: Iterable[Source]) -> None:
    """Refuse, before anything is sent, every source the SDK would refuse (empty, unreadable, not audio).

    Raises:
        CliError: (exit 2) listing each one.
    """
    from gladia.prerecorded._sources import classify  # noqa: PLC0415  (pulls in httpx: not for --help)

    problems = []
    for source in sources:
        try:
            classify(source.audio)
        except InvalidSourceError as exc:
            problems.append(str(exc))
    if problems:
        raise usage_error(_count(problems, "source"), problems)


def content_id(source: Source) -> str:
    """What identifies the audio itself: the SHA-256 of a file's bytes, or the URL."""
    if source.path is None:
        return f"url:{source.url}"
    digest = hashlib.sha256()
    with source.path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return f"sha256:{digest.hexdigest()}"


def _count(problems: Sequence[str], noun: str) -> str:
    many = len(problems) != 1
    return f"{len(problems)} {noun}{'s' if many else ''} cannot be transcribed; nothing was sent:"
