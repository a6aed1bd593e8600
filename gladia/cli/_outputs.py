"""Where each source's result goes (stdout, one file, or one file per source in a directory), and writing it.

In a directory each source gets `<stem><ext>`; when stems collide, the first source (in the order the
sources were named) keeps the plain name and the next ones get `<stem>-2`, `<stem>-3`, ... so the same
command always writes the same files.

Before anything is sent, `check_writable` proves every output can be written: each folder exists (or is
made) and takes a new file, and each name fits the file system's limits. Files are written whole or not at
all: into a temporary file created exclusively (`O_CREAT | O_EXCL`, a random name, so a link planted at a
predictable name is never written through), then renamed over the output.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from gladia.cli._errors import usage_error
from gladia.cli._render import EXTENSIONS
from gladia.cli._shown import shown
from gladia.cli._sources import Source

STDOUT = "-"


@attrs.frozen
class OutputPlan:
    """The output file of each source (None: its result goes to stdout) and the folder they go to."""

    targets: dict[Source, Path | None]
    directory: Path

    @property
    def to_stdout(self) -> bool:
        return any(target is None for target in self.targets.values())


def plan_outputs(sources: Sequence[Source], output: str | None, fmt: str, *, json_lines: bool) -> OutputPlan:
    """Decide every output path before anything is sent.

    Raises:
        CliError: (exit 2) several sources without a directory to write to, or `-o` naming a file for them.
    """
    if output is None or output == STDOUT:
        if len(sources) > 1 and not json_lines:
            raise usage_error(
                f"{len(sources)} sources: pass -o DIR to write one file per source (or --json to get "
                "every result on stdout)"
            )
        return OutputPlan({source: None for source in sources}, Path.cwd())
    path = Path(output)
    as_directory = len(sources) > 1 or path.is_dir() or output.endswith(("/", os.sep))
    if not as_directory:
        return OutputPlan({sources[0]: path}, path.parent)
    if path.exists() and not path.is_dir():
        raise usage_error(f"-o {output}: several sources need a directory, and this is a file")
    return OutputPlan(dict(zip(sources, _names(sources, path, EXTENSIONS[fmt]), strict=True)), path)


def _names(sources: Sequence[Source], directory: Path, extension: str) -> list[Path]:
    taken: set[str] = set()
    names = []
    for source in sources:
        name, number = f"{source.stem}{extension}", 1
        # casefold: on macOS and Windows `A.txt` and `a.txt` are the same file.
        while name.casefold() in taken:
            number += 1
            name = f"{source.stem}-{number}{extension}"
        taken.add(name.casefold())
        names.append(directory / name)
    return names


# Where the system cannot say (pathconf is POSIX): the limits of the common file systems.
_NAME_MAX = 255
_PATH_MAX = 4096
_TEMPORARY_TRIES = 100


def check_writable(plan: OutputPlan) -> None:
    """Make sure every output of `plan` can be written, before anything is uploaded or created.

    Each folder is made if missing and must take a new file (created, then removed: the one test that holds
    for every user, root included, and every file system, read-only ones included); each name must fit
    the file system's limits on a name and on a path.

    Raises:
        CliError: (exit 2) listing each output that cannot be written.
    """
    problems: list[str] = []
    outputs = [target for target in plan.targets.values() if target is not None]
    for directory in dict.fromkeys(target.parent for target in outputs):
        problem = _directory_problem(directory)
        if problem is not None:
            problems.append(problem)
    if not problems:
        problems = [problem for target in outputs if (problem := _name_problem(target)) is not None]
    if problems:
        many = len(problems) != 1
        raise usage_error(
            f"{len(problems)} output{'s' if many else ''} cannot be written; nothing was sent:", problems
        )


def _directory_problem(directory: Path) -> str | None:
    shown_directory = shown(str(directory))
    if directory.exists() and not directory.is_dir():
        return f"{shown_directory}: not a folder, so it cannot hold the outputs; choose another -o"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, probe = _exclusive_file(directory)
        handle.close()
        probe.unlink()
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return f"{shown_directory}: cannot write a file in this folder ({why}); choose another -o, or fix its permissions"
    return None


def _name_problem(target: Path) -> str | None:
    name_max = _limit(target.parent, "PC_NAME_MAX", _NAME_MAX)
    path_max = _limit(target.parent, "PC_PATH_MAX", _PATH_MAX)
    try:
        name, full = len(os.fsencode(target.name)), len(os.fsencode(os.path.abspath(target)))
    except UnicodeError:
        return f"{shown(str(target))}: the name cannot be encoded for this file system; pass -o with another name"
    if name > name_max:
        return (
            f"{shown(str(target))}: the name is {name} bytes, and this file system allows {name_max}; "
            "rename the source, or pass -o FILE with a shorter name"
        )
    if full >= path_max:
        return (
            f"{shown(str(target))}: the path is {full} bytes, and this system allows {path_max - 1}; "
            "pass -o with a shorter folder"
        )
    return None


def _limit(directory: Path, name: str, default: int) -> int:
    try:
        value = os.pathconf(directory, name)
    except (AttributeError, ValueError, OSError):  # no pathconf (Windows), or no limit for this name
        return default
    return value if value > 0 else default


def _exclusive_file(directory: Path) -> tuple[BinaryIO, Path]:
    """A new temporary file in `directory`, open for writing.

    Created with `O_CREAT | O_EXCL` under a random name, as `tempfile.mkstemp` does, so nothing that was
    there before (a planted symbolic link above all) is ever opened; unlike mkstemp the mode is 0o666 less
    the umask, the mode any new output file gets.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(_TEMPORARY_TRIES):
        path = directory / f".gladia-{secrets.token_hex(8)}.part"
        try:
            fd = os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        return os.fdopen(fd, "wb"), path
    raise FileExistsError(f"no free temporary name in {directory} after {_TEMPORARY_TRIES} tries")


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, so `path` never holds half a result.

    The temporary file is created exclusively (see `_exclusive_file`); the rename replaces whatever `path`
    was, a symbolic link included, and never writes through it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = _exclusive_file(path.parent)
    try:
        with handle:
            handle.write(text.encode("utf-8"))
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
